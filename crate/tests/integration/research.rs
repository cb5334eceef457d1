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
