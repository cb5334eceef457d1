//! Property tests over the documented parameter box and beyond it: no panic, no NaN, shares
//! in [0, 1] summing to one, output increasing in both inputs, typed errors for bad input.
//! `npm test` runs the default case counts; a long run: `PROPTEST_CASES=20000 cargo test
//! --release -p growth-model --test integration properties`.

use growth_model::models::{self, ModelKind, MODELS};
use growth_model::Ces;
use proptest::prelude::*;

/// `default` cases, or PROPTEST_CASES when set (for long runs).
fn cases(default: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default);
    ProptestConfig {
        cases,
        ..ProptestConfig::default()
    }
}

fn log_uniform(lo: f64, hi: f64) -> impl Strategy<Value = f64> {
    (lo.ln()..=hi.ln()).prop_map(f64::exp)
}

fn any_float() -> impl Strategy<Value = f64> {
    prop_oneof![
        Just(f64::NAN),
        Just(f64::INFINITY),
        Just(f64::NEG_INFINITY),
        Just(1e308),
        Just(-1e308),
        Just(0.0),
        Just(-0.0),
        Just(f64::MIN_POSITIVE),
        any::<f64>(),
        -100.0..100.0f64,
    ]
}

proptest! {
    #![proptest_config(cases(512))]

    #[test]
    fn ces_is_finite_with_shares_summing_to_one(
        alpha in 0.001..=0.999f64,
        rho in prop_oneof![-50.0..=1.0f64, Just(0.0), -1e-9..1e-9f64, Just(1.0), Just(-50.0)],
        a in log_uniform(1e-6, 1e6),
        b in log_uniform(1e-6, 1e6),
        k in log_uniform(1e-9, 1e15),
        l in log_uniform(1e-9, 1e15),
    ) {
        let ces = Ces::new(alpha, rho, a, b).unwrap();
        let p = ces.point(k, l).unwrap();
        for v in [p.output, p.wage, p.rent, p.capital_share, p.labor_share, p.mrts] {
            prop_assert!(v.is_finite() && v >= 0.0, "{:?}", p);
        }
        prop_assert!((0.0..=1.0).contains(&p.capital_share) && (0.0..=1.0).contains(&p.labor_share));
        prop_assert!((p.capital_share + p.labor_share - 1.0).abs() < 1e-12);
        // Monotone in each input (weakly, as a share may underflow to zero).
        if k * 1.01 <= 1e15 {
            prop_assert!(ces.output(k * 1.01, l).unwrap() >= p.output * (1.0 - 1e-12));
        }
        if l * 1.01 <= 1e15 {
            prop_assert!(ces.output(k, l * 1.01).unwrap() >= p.output * (1.0 - 1e-12));
        }
    }

    #[test]
    fn any_input_to_ces_is_a_value_or_a_typed_error(
        alpha in any_float(), rho in any_float(), a in any_float(), b in any_float(), k in any_float(), l in any_float(),
    ) {
        match Ces::new(alpha, rho, a, b) {
            Err(e) => prop_assert!(["alpha", "rho", "A", "B"].contains(&e.name)),
            Ok(ces) => {
                match ces.point(k, l) {
                    Ok(p) => prop_assert!(p.output.is_finite() && p.wage.is_finite() && p.rent.is_finite()),
                    Err(e) => prop_assert!(e.name == "K" || e.name == "L"),
                }
                if let Ok(Some(l2)) = ces.isoquant_labor(k.abs().max(1e-9), 2.0) {
                    prop_assert!(l2.is_finite());
                }
            }
        }
    }

    #[test]
    fn evaluated_models_never_emit_nan(model in 0usize..2, values in proptest::collection::vec(any_float(), 6)) {
        let decl = MODELS.iter().filter(|m| m.kind == ModelKind::Eval).nth(model).unwrap();
        let texts: Vec<String> = values.iter().map(|v| format!("{v}")).collect();
        let pairs: Vec<(&str, &str)> = decl.params.iter().zip(&texts).map(|(p, t)| (p.name, t.as_str())).collect();
        if let Ok(outputs) = models::evaluate(decl.name, &pairs) {
            for (_, v) in outputs {
                prop_assert!(v.is_none_or(f64::is_finite));
            }
        }
    }
}

proptest! {
    #![proptest_config(cases(48))]

    #[test]
    fn every_simulated_model_stays_finite_across_its_box(index in 0usize..MODELS.iter().filter(|m| m.kind == ModelKind::Simulate).count(), fractions in proptest::collection::vec(0.0..=1.0f64, 12)) {
        let decl = MODELS.iter().filter(|m| m.kind == ModelKind::Simulate).nth(index).unwrap();
        let texts: Vec<String> = decl
            .params
            .iter()
            .zip(&fractions)
            .map(|(p, f)| {
                if !p.choices.is_empty() {
                    return p.choices[(f * (p.choices.len() as f64 - 1.0)).round() as usize].to_string();
                }
                // Keep horizons short so the bounded run stays quick.
                let (lo, hi) = if p.name == "years" { (1.0, 300.0) } else { (p.domain.min, p.domain.max) };
                let lo = if p.domain.min_open { lo + (hi - lo) * 1e-6 } else { lo };
                let hi = if p.domain.max_open { hi - (hi - lo) * 1e-6 } else { hi };
                format!("{}", lo + f * (hi - lo))
            })
            .collect();
        let pairs: Vec<(&str, &str)> = decl.params.iter().zip(&texts).map(|(p, t)| (p.name, t.as_str())).collect();
        match models::simulate(decl.name, &pairs) {
            Ok(run) => {
                prop_assert!(run.t.iter().all(|v| v.is_finite()));
                for (name, series) in &run.series {
                    prop_assert_eq!(series.len(), run.t.len());
                    prop_assert!(series.iter().all(|v| v.is_finite()), "{} has a non-finite value in {:?}", name, pairs);
                }
                if let Some(b) = run.blowup_time() {
                    prop_assert!(b.is_finite());
                }
            }
            // Only the solver may refuse an in-range point, and it must say why.
            Err(e) => prop_assert!(matches!(e, models::ModelError::Solve(_)) || matches!(e, models::ModelError::Param(_)), "{}", e),
        }
    }

    #[test]
    fn any_text_for_any_parameter_is_refused_politely(index in 0usize..MODELS.len(), text in "\\PC{0,12}") {
        let decl = &MODELS[index];
        let pairs = [(decl.params[0].name, text.as_str())];
        let result = if decl.kind == ModelKind::Eval {
            models::evaluate(decl.name, &pairs).map(|_| ())
        } else {
            models::simulate(decl.name, &[(decl.params[0].name, text.as_str()), ("years", "5")]).map(|_| ())
        };
        if let Err(e) = result {
            prop_assert!(!e.to_string().is_empty());
        }
    }
}

proptest! {
    #![proptest_config(cases(256))]

    #[test]
    fn growth_regimes_take_any_input(
        scenario in 0usize..4,
        values in proptest::collection::vec(any_float(), 5),
        t in any_float(),
        threshold in any_float(),
    ) {
        use growth_model::regimes::{GrowthRegime, Scenario};
        let s = [Scenario::Exponential, Scenario::Increase, Scenario::TypeI, Scenario::TypeII][scenario];
        if let Ok(r) = GrowthRegime::new(s, values[0], values[1], values[2], values[3], values[4]) {
            for v in [r.log_output(t), r.growth_rate(t), r.threshold_crossing(threshold), r.blowup_time()].into_iter().flatten() {
                prop_assert!(v.is_finite(), "{:?} at t = {}", r, t);
            }
            let mut out = [0.0; 6];
            let n = r.doubling_times(&mut out);
            prop_assert!(out[..n].iter().all(|d| d.is_finite() && *d > 0.0));
        }
    }

    #[test]
    fn research_and_task_models_take_any_input(values in proptest::collection::vec(any_float(), 8)) {
        use growth_model::{ResearchFeedback, TaskAutomation};
        if let Ok(m) = ResearchFeedback::new(values[0], values[1], values[2], values[3], values[4], values[5], values[6]) {
            prop_assert!(m.balanced_growth_rate().is_none_or(f64::is_finite));
            prop_assert!(m.blowup_time_closed_form().is_none_or(|t| !t.is_nan()));
            if let Ok(run) = m.simulate(values[7]) {
                prop_assert!(run.ln_b.iter().chain(&run.g_b).all(|v| v.is_finite()));
            }
        }
        if let Ok(t) = TaskAutomation::new(values[0], values[1], values[2]) {
            if let Ok(p) = t.point(values[3], values[4]) {
                prop_assert!(p.output.is_finite() && p.labor_share.is_finite() && p.wage.is_finite());
            }
            prop_assert!(t.labor_augmenting_term().is_none_or(|b| !b.is_nan()));
        }
        let _ = growth_model::production::rho_from_elasticity(values[0]).map(|r| assert!(r.is_finite()));
    }
}

proptest! {
    #![proptest_config(cases(40))]

    #[test]
    fn every_catalog_row_takes_any_value_of_its_class_parameter(index in 0usize..growth_model::scenarios::CATALOG.len(), value in any_float()) {
        use growth_model::scenarios::{classify_row, run_row, CATALOG};
        let row = &CATALOG[index];
        for coverage in row.coverage {
            let text = format!("{value}");
            match run_row(row, &[(coverage.param, text.as_str())]) {
                Ok(run) => {
                    for (_, series) in &run.series {
                        prop_assert!(series.iter().all(|v| v.is_finite()));
                    }
                    // Classified, or refused with a reason.
                    if let Err(e) = classify_row(row, &[(coverage.param, text.as_str())]) {
                        prop_assert!(!e.to_string().is_empty());
                    }
                }
                Err(e) => prop_assert!(!e.to_string().is_empty()),
            }
        }
    }
}
