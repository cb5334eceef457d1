use growth_model::{ResearchFeedback, RobotScientists, Trend};

#[test]
fn type_ii_blowup_time_matches_the_closed_form_within_half_a_percent() {
    for phi in [1.05, 1.2, 1.5, 2.0, 2.5, 3.0] {
        for (b0, theta, share, labor, lambda) in [
            (1.0, 0.05, 0.1, 10.0, 0.8),
            (2.0, 0.02, 0.05, 100.0, 1.0),
            (0.5, 0.3, 1.0, 1.0, 0.5),
        ] {
            let model = ResearchFeedback::new(b0, phi, lambda, theta, share, labor, 0.0).unwrap();
            let exact = model.blowup_time_closed_form().unwrap();
            let run = model.simulate(exact * 3.0).unwrap();
            let blowup = run.blowup.expect("φ > 1 blows up");
            let rel = (blowup.time - exact).abs() / exact;
            assert!(
                rel < 0.005,
                "φ={phi}: solver {} vs closed form {exact} ({rel})",
                blowup.time
            );
            assert!(
                blowup.error < 0.005 * exact,
                "reported error {}",
                blowup.error
            );
            assert!(run.ln_b.iter().chain(run.g_b.iter()).all(|v| v.is_finite()));
            assert!(matches!(run.trend, Trend::TypeII(_)));
        }
    }
}

#[test]
fn growing_scientists_reach_jones_balanced_growth_within_one_percent() {
    for (phi, lambda, n) in [
        (-2.1, 1.0, 0.02),
        (0.0, 0.75, 0.01),
        (0.5, 1.0, 0.01),
        (-1.0, 0.5, 0.03),
    ] {
        let model = ResearchFeedback::new(1.0, phi, lambda, 0.05, 0.05, 1.0, n).unwrap();
        let target = model.balanced_growth_rate().unwrap();
        let run = model.simulate(2000.0).unwrap();
        let g_end = *run.g_b.last().unwrap();
        assert!(
            (g_end - target).abs() < 0.01 * target,
            "φ={phi}: g_B = {g_end}, λn/(1−φ) = {target}"
        );
        assert!(matches!(run.trend, Trend::Steady(_)), "{:?}", run.trend);
    }
}

#[test]
fn constant_scientists_and_phi_below_one_let_growth_die_out() {
    for phi in [-2.1, -0.5, 0.0, 0.5] {
        let model = ResearchFeedback::new(1.0, phi, 1.0, 0.05, 0.1, 1.0, 0.0).unwrap();
        let run = model.simulate(500.0).unwrap();
        assert_eq!(run.trend, Trend::DiesOut, "φ={phi}");
        assert!(run.g_b.last().unwrap() < &run.g_b[0]);
    }
}

#[test]
fn phi_one_is_steady_exponential_without_growth_and_type_i_with_it() {
    let steady = ResearchFeedback::new(1.0, 1.0, 1.0, 0.2, 0.1, 1.0, 0.0).unwrap();
    let run = steady.simulate(300.0).unwrap();
    assert!(
        matches!(run.trend, Trend::Steady(g) if (g - 0.02).abs() < 1e-9),
        "{:?}",
        run.trend
    );
    let growing = ResearchFeedback::new(1.0, 1.0, 1.0, 0.2, 0.1, 1.0, 0.01).unwrap();
    assert_eq!(growing.simulate(300.0).unwrap().trend, Trend::TypeI);
}

#[test]
fn the_bloom_estimate_is_a_valid_preset() {
    assert!(ResearchFeedback::new(
        1.0,
        growth_model::research::BLOOM_PHI,
        1.0,
        0.05,
        0.1,
        1.0,
        0.01
    )
    .is_ok());
}

#[test]
fn robot_scientists_turn_negative_feedback_into_a_blowup() {
    // φ = −0.5 alone would fizzle with fixed scientists; scientists made of growing capital need not.
    let robots = RobotScientists::new(-0.5, 1.0, 0.05, 0.1, 0.3, 0.05, 0.5).unwrap();
    let run = robots.simulate(400.0).unwrap();
    assert!(
        matches!(run.trend, Trend::TypeII(_) | Trend::TypeI),
        "{:?}",
        run.trend
    );
    let fixed = ResearchFeedback::new(1.0, -0.5, 1.0, 0.05, 0.1, 1.0, 0.0).unwrap();
    assert_eq!(fixed.simulate(400.0).unwrap().trend, Trend::DiesOut);
}

#[test]
fn the_knife_edge_growth_rate_grows_at_the_closed_form_rate_not_lambda_g_z() {
    // φ + λ = 1: d ln g_A/dt → λ(1 − α)g_Z/(λ + 1 − α) (capital lags technology); the docs
    // said λg_Z, too fast by λ/(1 − α): 7 % at λ = 0.05, α = 0.3, 2× at λ = 1, α = ½, 100× at α = 0.99. Measured over the decade g_A ∈ [10, 100]/yr, where
    // g_A ≫ δ and the lag has settled, at the edges of λ (0.05, 5), α (0.01, 0.99), g_Z (0.002,
    // 0.2) and of saving and depreciation.
    use growth_model::{integrate, ResearchCapital, SolverOptions};
    let points = [
        (1.0, 0.5, 0.02, 0.3, 0.05),
        (1.0, 0.5, 0.2, 0.3, 0.05),
        (1.0, 0.5, 0.002, 0.3, 0.05),
        (0.2, 0.5, 0.02, 0.3, 0.05),
        (5.0, 0.5, 0.02, 0.3, 0.05),
        (0.05, 0.3, 0.1, 0.3, 0.05),
        (1.0, 0.01, 0.02, 0.3, 0.05),
        (1.0, 0.99, 0.2, 0.3, 0.05),
        (1.0, 0.5, 0.02, 0.05, 0.2),
    ];
    for (lambda, alpha, g_z, s, delta) in points {
        let m = ResearchCapital::new(1.0 - lambda, lambda, 0.05, 0.1, s, delta, alpha, g_z)
            .unwrap_or_else(|e| panic!("{e:?}"));
        let mu = m.acceleration_rate().unwrap_or(f64::NAN);
        let closed = lambda * (1.0 - alpha) * g_z / (lambda + 1.0 - alpha);
        assert!(
            (mu - closed).abs() <= 1e-15 * closed,
            "λ = {lambda}: {mu} vs {closed}"
        );
        let options = SolverOptions {
            rate_cap: 1e3,
            max_step: 50.0,
            max_steps: 2_000_000,
            ..SolverOptions::default()
        };
        let run = integrate(&m, 0.0, [0.0, 0.0], 1e7, &options).unwrap_or_else(|e| panic!("{e:?}"));
        let g: Vec<f64> = run.dy.iter().map(|d| d[0]).collect();
        let at = |level: f64| g.iter().position(|v| *v >= level);
        let (Some(i), Some(j)) = (at(10.0), at(100.0)) else {
            panic!("λ = {lambda}, α = {alpha}, g_Z = {g_z}: g_A never reached 100/yr")
        };
        let slope = (g[j].ln() - g[i].ln()) / (run.t[j] - run.t[i]);
        assert!(
            (slope / mu - 1.0).abs() <= 1e-2,
            "λ = {lambda}, α = {alpha}, g_Z = {g_z}, s = {s}, δ = {delta}: d ln g_A/dt = {slope}, closed form {mu}"
        );
        // The documented λg_Z is (λ + 1 − α)/(1 − α) times μ; the run tells the two apart.
        assert!(
            (slope / (lambda * g_z) - 1.0).abs() > 5.0 * (slope / mu - 1.0).abs(),
            "λ = {lambda}, α = {alpha}: {slope} does not tell μ = {mu} from λg_Z"
        );
    }
    // Off the edge there is no such rate.
    for phi in [-0.5, 0.5] {
        let m = ResearchCapital::new(phi, 1.0, 0.05, 0.1, 0.3, 0.05, 0.5, 0.02)
            .unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(m.acceleration_rate(), None);
    }
}
