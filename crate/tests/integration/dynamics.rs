use growth_model::regimes::{GrowthRegime, Scenario, INDUSTRIAL_REVOLUTION_MULTIPLE};
use growth_model::tasks::episode_example_multiplier;
use growth_model::{AutomationPath, FixedLand, RobotEconomy, Solow, TaskAutomation, Trend};

#[test]
fn halving_doubling_times_reach_infinity_at_twice_the_first() {
    for d in [1.0, 10.0, 35.0] {
        let r = GrowthRegime::new(Scenario::TypeII, 0.02, 20.0, 10.0, 0.05, d).unwrap();
        assert_eq!(r.blowup_time(), Some(2.0 * d));
        let mut times = [0.0; 12];
        assert_eq!(r.doubling_times(&mut times), 12);
        for (i, dt) in times.iter().enumerate() {
            let expected = d / f64::powi(2.0, i as i32);
            assert!(
                (dt - expected).abs() < 1e-9 * d,
                "doubling {i}: {dt} vs {expected}"
            );
        }
        let total: f64 = times.iter().sum();
        assert!(2.0 * d - total < d / 1000.0);
        assert!(
            r.log_output(2.0 * d).is_none() && r.growth_rate(2.0 * d - 1e-9).unwrap() > 1e6 / d
        );
    }
}

#[test]
fn threshold_crossings_of_the_four_scenarios() {
    let base =
        |s| GrowthRegime::new(s, 0.02, INDUSTRIAL_REVOLUTION_MULTIPLE, 30.0, 0.05, 35.0).unwrap();
    assert_eq!(base(Scenario::Exponential).threshold_crossing(0.12), None);
    assert_eq!(
        base(Scenario::Increase).threshold_crossing(0.12),
        Some(30.0)
    ); // 2 % × 20 = 40 %
    assert_eq!(base(Scenario::Increase).threshold_crossing(0.41), None);
    let t1 = base(Scenario::TypeI).threshold_crossing(0.15).unwrap();
    assert!((0.02 * (0.05 * t1).exp() - 0.15).abs() < 1e-12);
    let t2 = base(Scenario::TypeII).threshold_crossing(0.40).unwrap();
    assert!((base(Scenario::TypeII).growth_rate(t2).unwrap() - 0.40).abs() < 1e-9);
    // The industrial revolution: 0.1 % → 2 %.
    let ir = GrowthRegime::new(
        Scenario::Increase,
        0.001,
        INDUSTRIAL_REVOLUTION_MULTIPLE,
        100.0,
        0.05,
        35.0,
    )
    .unwrap();
    assert!((ir.growth_rate(150.0).unwrap() - 0.02).abs() < 1e-15);
}

#[test]
fn solow_with_gross_complements_grows_at_g_b_plus_n_and_capital_alone_stalls() {
    let economy = Solow::new(
        0.33,
        -0.5,
        0.25,
        0.05,
        0.0,
        0.02,
        0.01,
        [1.0, 1.0, 1.0, 1.0],
    )
    .unwrap();
    let run = economy.simulate(600.0).unwrap();
    let target = economy.balanced_growth_rate().unwrap();
    assert!((run.g_output.last().unwrap() - target).abs() < 0.01 * target);
    assert!(matches!(run.trend, Trend::Steady(_)));
    // No technology growth, no population growth: capital piles up but growth dies out.
    let stalled = Solow::new(0.33, -0.5, 0.4, 0.0, 0.0, 0.0, 0.0, [1.0, 1.0, 1.0, 1.0]).unwrap();
    let run = stalled.simulate(2000.0).unwrap();
    assert_eq!(run.trend, Trend::DiesOut);
    assert!(
        run.labor_share.last().unwrap() > &0.95,
        "capital share → 0: labor share {}",
        run.labor_share.last().unwrap()
    );
}

#[test]
fn capital_share_paths_for_the_three_signs_of_rho() {
    let share_at_end = |rho: f64| {
        let run = Solow::new(0.33, rho, 0.3, 0.02, 0.0, 0.0, 0.0, [1.0, 1.0, 1.0, 1.0])
            .unwrap()
            .simulate(1500.0)
            .unwrap();
        1.0 - run.labor_share.last().unwrap()
    };
    assert!(share_at_end(-1.0) < 0.05);
    assert!((share_at_end(0.0) - 0.33).abs() < 1e-9);
    assert!(share_at_end(0.5) > 0.95);
}

#[test]
fn the_episodes_task_example_doubles_output_per_worker_as_tasks_become_complements() {
    // 40 of 100 tasks automated, then half of the remaining 60: the labor term multiplies by 2^{(1−ρ)/(−ρ)}.
    for rho in [-0.5, -1.0, -5.0, -50.0] {
        let m = episode_example_multiplier(rho).unwrap();
        assert!((m - f64::powf(2.0, (1.0 - rho) / -rho)).abs() < 1e-12);
    }
    assert!((episode_example_multiplier(-50.0).unwrap() - 2.0).abs() < 0.03);
    // With plentiful capital, output per worker approaches the ceiling and doubles (near-Leontief tasks).
    let y = |beta| {
        TaskAutomation::new(beta, -50.0, 1.0)
            .unwrap()
            .point(1e9, 1.0)
            .unwrap()
            .output_per_worker
    };
    assert!((y(0.7) / y(0.4) - 2.0).abs() < 0.03);
    assert!(
        (y(0.4) - 1.0 / 0.6).abs() < 0.02,
        "each worker spreads over 60 tasks: {}",
        y(0.4)
    );
}

#[test]
fn asymptotic_automation_gives_constant_growth_and_labor_share_full_automation_ak_growth() {
    let tech = TaskAutomation::new(0.4, -1.0, 1.0).unwrap();
    let asymptotic = AutomationPath::new(tech, 0.01, false, 0.3, 0.05)
        .unwrap()
        .simulate(800.0)
        .unwrap();
    let expected = 0.01 * 2.0; // a(1−ρ)/(−ρ)
    assert!(
        (asymptotic.g_output.last().unwrap() - expected).abs() < 0.02 * expected,
        "{}",
        asymptotic.g_output.last().unwrap()
    );
    let n = asymptotic.labor_share.len();
    assert!((asymptotic.labor_share[n - 1] - asymptotic.labor_share[n * 3 / 4]).abs() < 0.01);
    assert!(asymptotic.labor_share[n - 1] > 0.05);
    let full = AutomationPath::new(tech, 0.01, true, 0.3, 0.05)
        .unwrap()
        .simulate(200.0)
        .unwrap();
    assert!((full.g_output.last().unwrap() - (0.3 - 0.05)).abs() < 1e-6);
    assert!(*full.labor_share.last().unwrap() < 1e-300);
}

#[test]
fn land_and_robot_models_run_finite() {
    let hanson = FixedLand::new(0.7, 0.0, 0.03, None, 0.3, 0.05, 1.0, 1.0)
        .unwrap()
        .simulate(400.0)
        .unwrap();
    assert!(
        matches!(hanson.trend, Trend::Steady(g) if g > 0.03),
        "{:?}",
        hanson.trend
    );
    assert!(hanson.labor_share.last().unwrap() < &0.01);
    let robots = RobotEconomy::new(0.3, 0.5, 0.3, 0.5, [0.2, 0.1, 0.3], 1.0, 0.3, 0.05, 1.0)
        .unwrap()
        .simulate(300.0)
        .unwrap();
    for run in [&hanson, &robots] {
        assert!(run
            .ln_output
            .iter()
            .chain(&run.g_output)
            .chain(&run.labor_share)
            .all(|v| v.is_finite()));
    }
}

#[test]
fn full_automation_closed_form_matches_the_solver() {
    // β = 1 takes the closed form. Check it against RK4 on d ln K/dt = s·A·e^{gt} − δ, and
    // (where tasks are substitutes, so the last sliver of human tasks never binds) against
    // the ODE solver's run of an economy with β a hair below 1.
    for (rho, g) in [(-1.0, 0.0), (0.5, 0.0), (-1.0, 0.02), (0.5, 0.03)] {
        let mut full = AutomationPath::new(
            TaskAutomation::new(1.0, rho, 1.0).unwrap(),
            0.0,
            true,
            0.3,
            0.05,
        )
        .unwrap();
        full.tfp_growth = g;
        let a = full.simulate_from(100.0, 2.0).unwrap();
        let rate = |t: f64| 0.3 * (g * t).exp() - 0.05;
        let (mut ln_k, dt) = (2f64.ln(), 0.01);
        for i in 0..10_000 {
            let t = i as f64 * dt;
            ln_k += dt / 6.0 * (rate(t) + 4.0 * rate(t + dt / 2.0) + rate(t + dt));
        }
        let ya = *a.ln_output.last().unwrap();
        let rk4 = ln_k + g * 100.0;
        assert!(
            (ya - rk4).abs() < 1e-9 * rk4.abs().max(1.0),
            "rho {rho}, g {g}: {ya} vs RK4 {rk4}"
        );
        // Growth of Y = s·A·e^{gt} − δ + g at the end (AK with TFP growth).
        // (The run's growth rates are finite differences of ln Y: a one-sided end loses ~0.3 %.)
        let expected = rate(100.0) + g;
        let got = *a.g_output.last().unwrap();
        assert!(
            (got - expected).abs() < 0.01 * expected,
            "rho {rho}, g {g}: {got} vs {expected}"
        );
        assert!(a.labor_share.iter().all(|&s| s == 0.0));
        if rho > 0.0 {
            let mut near = AutomationPath::new(
                TaskAutomation::new(1.0 - 1e-12, rho, 1.0).unwrap(),
                0.0,
                false,
                0.3,
                0.05,
            )
            .unwrap();
            near.tfp_growth = g;
            let yb = *near
                .simulate_from(100.0, 2.0)
                .unwrap()
                .ln_output
                .last()
                .unwrap();
            assert!(
                (ya - yb).abs() < 1e-6 * ya.abs().max(1.0),
                "rho {rho}, g {g}: {ya} vs solver {yb}"
            );
        }
    }
}
