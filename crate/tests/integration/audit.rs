//! One test per finding of the independent audits of the scenario tables (issue 13; the second
//! audit's report is audit-2026-12.md beside this file): each
//! failed on the code before the fix. A symbol the model honestly cannot give is a declared
//! mismatch, so these check the simulation against `row.expected` (the paper, or the declared
//! mismatch) and, where declared, that the declaration names the reason.
use growth_model::models::simulate;
use growth_model::scenarios::{
    classify, classify_row, find, labor_share_symbol, run_row, tolerance, wage_symbol,
    ClassifyError, Counterfactual, Symbols,
};

/// The row's symbols at `param = value`, asserted equal to what the row declares there.
fn agrees(id: &str, param: &str, value: &str) -> Symbols {
    let row = find(id).expect("row");
    let v: f64 = value.parse().expect("number");
    let expected = row.expected(Some((param, v)));
    for years in [None, Some("2000")] {
        let mut o = vec![(param, value)];
        if let Some(y) = years {
            o.push(("years", y));
        }
        let (_, s) = classify_row(row, &o).unwrap_or_else(|e| panic!("{id} {param}={value}: {e}"));
        assert_eq!(s, expected, "{id} at {param}={value}, years {years:?}");
    }
    expected
}

/// The row declares a mismatch on `column` at `param = value`, with a reason.
fn declared(id: &str, param: &str, value: f64, column: &str) {
    let row = find(id).expect("row");
    let first = row.coverage.first().map_or("", |c| c.param);
    assert!(
        row.mismatches.iter().any(|m| {
            let p = if m.param.is_empty() { first } else { m.param };
            p == param
                && m.column == column
                && value >= m.interval().0
                && value <= m.interval().1
                && !m.reason.is_empty()
        }),
        "{id}: no declared {column} mismatch at {param} = {value}"
    );
}

#[test]
fn hs_production_wage_near_rho_one_is_a_declared_mismatch() {
    let s = agrees("hs-production", "rho", "0.995");
    assert_eq!(s.wages, Some("L"));
    declared("hs-production", "rho", 0.995, "wages");
    // Below the limit band the wage still reads the paper's `++`.
    assert_eq!(agrees("hs-production", "rho", "0.99").wages, Some("++"));
}

#[test]
fn ps_land_rows_at_small_g_a_are_declared() {
    agrees("ps-land-hanson", "g_A", "0.003");
    declared("ps-land-hanson", "g_A", 0.003, "growth");
    agrees("ps-land-equipment", "g_A", "0.004");
    declared("ps-land-equipment", "g_A", 0.004, "labor_share");
}

#[test]
fn ps_land_ls_with_land_outgrowing_people_is_declared() {
    let s = agrees("ps-land-ls", "g_X", "0.04");
    assert_eq!(s.growth, "++");
    declared("ps-land-ls", "g_X", 0.04, "growth");
}

#[test]
fn robotics_hs_hs_near_take_off_is_declared() {
    for rho_r in ["0.22", "0.23", "0.25"] {
        agrees("robotics-hs-hs", "rho_R", rho_r);
    }
    declared("robotics-hs-hs", "rho_R", 0.25, "growth");
}

#[test]
fn tasks_ls_near_rho_zero_reads_the_closed_form_and_slow_automation_is_declared() {
    // ρ ∈ (−0.0025, 0) was "not classified" (declared) and ρ ∈ (−1.4·10⁻⁵, 0) read "I →0 I"
    // (undeclared): the long run g_A + a(1 − ρ)/(−ρ), with labor's share tending to one, is now
    // read from its closed form, so the whole class ρ < 0 reads the paper's "++ C ++".
    for id in ["tasks-ls-asymptotic", "tasks-ls-replacement"] {
        for rho in ["-0.001", "-0.0025"] {
            assert_eq!(
                agrees(id, "rho", rho),
                find(id).expect("row").paper,
                "{id} ρ = {rho}"
            );
        }
    }
    agrees("tasks-ls-asymptotic", "automation_rate", "0.002");
    declared("tasks-ls-asymptotic", "automation_rate", 0.002, "growth");
}

#[test]
fn tasks_ms_full_with_every_task_automated_is_declared() {
    assert_eq!(agrees("tasks-ms-full", "full", "1").wages, Some("→0"));
    declared("tasks-ms-full", "full", 1.0, "wages");
}

#[test]
fn research_capital_is_read_against_human_scientists_not_zero_growth() {
    // Audit 2026-12 §4: the baseline was this economy with g_Z = 0, whose growth dies out, so any
    // g_Z > 0 read "++". Against people doing research (0.01/(1 − φ)) the bands are closed forms.
    for (g_z, growth) in [
        ("0.0003", "--"),
        ("0.0004", "-"),
        ("0.0029", "-"),
        ("0.0031", "="),
        ("0.0036", "="),
        ("0.0037", "+"),
        ("0.0049", "+"),
        ("0.0051", "++"),
    ] {
        let s = agrees("tech-low-feedback-research-capital", "g_Z", g_z);
        assert_eq!(s.growth, growth, "g_Z = {g_z}");
        if growth != "++" {
            declared(
                "tech-low-feedback-research-capital",
                "g_Z",
                g_z.parse().unwrap_or(0.0),
                "growth",
            );
        }
    }
}

#[test]
fn savings_decrease_at_large_a_is_declared() {
    agrees("savings-decrease", "a", "0.95");
    declared("savings-decrease", "a", 0.95, "growth");
}

#[test]
fn combinatorial_class_is_any_multiplication_not_the_cutoff() {
    let row = find("tech-combinatorial").expect("row");
    let class = row.coverage[0];
    assert!(
        class.samples.iter().any(|v| *v < 1.5),
        "{}",
        class.class.text()
    );
    assert_eq!(agrees("tech-combinatorial", "lambda", "1.3").growth, "+");
    declared("tech-combinatorial", "lambda", 1.3, "growth");
}

#[test]
fn thresholds_are_relative_not_absolute_floors() {
    // τ is a tenth of the rate itself, also below 1 %/yr.
    assert_eq!(tolerance(0.005), 0.0005);
    // A share that settles at 0.05 % of a 0.05 % start is constant, not → 0.
    let t: Vec<f64> = (0..=100).map(f64::from).collect();
    assert_eq!(labor_share_symbol(&t, &vec![5e-4; t.len()], None), "C");
    // A wage growing at 0.08 %/yr against a no-AI 0.2 %/yr, under output's 1 %/yr, lags: not flat.
    let ln_w: Vec<f64> = t.iter().map(|t| 0.0008 * t).collect();
    let no_ai = Some(Counterfactual {
        growth: 0.002,
        wage_growth: 0.002,
    });
    let w = wage_symbol(
        &t,
        &ln_w,
        &vec![0.0008; t.len()],
        &vec![0.01; t.len()],
        "++",
        no_ai,
    );
    assert_eq!(w, "L");
}

#[test]
fn an_unreadable_column_is_an_error_that_says_why() {
    let run = simulate("exogenous", &[("rho", "-0.5"), ("years", "100")]).expect("runs");
    let refused = classify(&run, None);
    let Err(e) = refused else {
        panic!("classified without a counterfactual: {refused:?}")
    };
    assert!(matches!(
        e,
        ClassifyError::Unreadable {
            column: "growth",
            ..
        }
    ));
    assert!(
        e.to_string().contains("without AI has no steady rate"),
        "{e}"
    );
}

#[test]
fn a_capped_run_says_where_it_stopped_and_after_how_many_samples() {
    let mut run = simulate("exogenous", &[("rho", "-0.5"), ("years", "100")]).expect("runs");
    run.t.truncate(2);
    for (_, v) in &mut run.series {
        v.truncate(2);
    }
    run.capped_at = Some(2.7e-7);
    let e = classify(&run, None).expect_err("refused");
    assert!(
        matches!(e, ClassifyError::StoppedEarly { samples: 2, .. }),
        "{e:?}"
    );
    let text = e.to_string();
    assert!(
        text.contains("after 2 samples") && text.contains("of 100 years"),
        "{text}"
    );
}

// ---- The second audit (December 2026): each of these failed on the code before its fix. ----

#[test]
fn slide_form_rows_read_the_papers_symbols_down_to_the_smallest_rho() {
    // The form starts labor's share at ≈ ρ/(1 + ρ): read against today's share, it is → 0
    // (hs-production read C, then "not classified", below ρ·years ≈ 0.18; hs-capital-augmenting
    // below ρ ≈ 5·10⁻⁷), and every positive ρ runs (ρ < 10⁻⁶ was refused).
    for id in ["hs-production", "hs-capital-augmenting"] {
        for rho in [
            "5e-324", "1e-300", "1e-9", "2e-7", "4e-7", "1e-5", "8.4e-5", "2e-4", "3.6e-4",
        ] {
            let s = agrees(id, "rho", rho);
            assert_eq!(s.labor_share, Some("→0"), "{id} at ρ = {rho}");
        }
    }
}

#[test]
fn a_fast_rate_falling_slowly_is_not_growth_dying_out() {
    // hs-production at ρ = 10⁻⁴ over 2,000 years read "-- →0 C" while growing 31–48 %/yr.
    assert_eq!(agrees("hs-production", "rho", "0.0001").growth, "++");
    // ps-land-ls near ρ = 0⁻ read "--" for ρ ∈ (−0.0023, 0), then (declared) "++" and "+" while
    // still falling toward g_X after 2,000 years: its closed-form long run, growth → g_X, now reads
    // the paper's "=" at every horizon.
    for rho in ["-1e-7", "-0.0001", "-0.0008", "-0.002", "-0.01"] {
        closed_form_at_every_horizon("ps-land-ls", "rho", rho);
    }
}

#[test]
fn the_ls_land_wage_follows_g_b_minus_one_minus_rho_times_g_a() {
    // At ρ = −1 the wage grows at g_B − 2g_A: C to 0.001, L to 0.009, = to 0.011, → 0 beyond
    // (the old text said g_B − g_A, and the intervals ended at 0.0085 and 0.0105).
    for (g_a, wages) in [
        ("0.0005", "C"),
        ("0.005", "L"),
        ("0.0095", "="),
        ("0.0105", "="),
        ("0.012", "→0"),
    ] {
        assert_eq!(
            agrees("ps-land-ls", "g_A", g_a).wages,
            Some(wages),
            "g_A = {g_a}"
        );
    }
}

#[test]
fn declared_intervals_end_at_their_closed_form_edges() {
    // The declared edges were rounded by hand 5–25 % away from the model's own: each is now the
    // closed form (or the bisected edge where none exists), checked on both sides.
    const RATE: &str = "automation_rate";
    let sides = [
        ("hs-production", "rho", "0.9913", "0.99131", "wages"),
        ("robotics-hs-hs", "rho_R", "0.2410", "0.2411", "growth"),
        ("robotics-hs-hs", "rho_R", "0.2608", "0.2609", "growth"),
        ("robotics-hs-hs", "rho_R", "0.1921", "0.1922", "labor_share"),
        ("savings-decrease", "a", "0.8888", "0.8890", "growth"),
        ("ps-land-ls", "g_X", "0.0219", "0.0221", "growth"),
        ("ps-land-ls", "g_X", "0.0299", "0.0301", "growth"),
        ("ps-land-hanson", "g_A", "0.0065", "0.0067", "growth"),
        ("ps-land-hanson", "g_A", "0.0089", "0.0091", "growth"),
        ("ps-land-hanson", "g_A", "0.0179", "0.0181", "wages"),
        ("ps-land-hanson", "g_A", "0.0219", "0.0221", "wages"),
        ("ps-land-equipment", "g_A", "0.0165", "0.0168", "wages"),
        ("tasks-ls-asymptotic", RATE, "0.0009", "0.0011", "growth"),
        ("tasks-ls-asymptotic", RATE, "0.0049", "0.0051", "growth"),
        ("tasks-ls-replacement", RATE, "0.0009", "0.0011", "growth"),
        ("tasks-ls-replacement", RATE, "0.0049", "0.0051", "wages"),
    ];
    for (id, param, below, above, column) in sides {
        let (b, a) = (agrees(id, param, below), agrees(id, param, above));
        let pick = |s: &Symbols| match column {
            "growth" => Some(s.growth),
            "labor_share" => s.labor_share,
            _ => s.wages,
        };
        assert_ne!(
            pick(&b),
            pick(&a),
            "{id}: {column} changes between {param} = {below} and {above}"
        );
    }
}

#[test]
fn saving_out_of_wages_runs_at_the_fastest_technology_over_the_longest_horizon() {
    // g_A = 0.5 for 2,000 years failed ("the solver's step collapsed at t = 1945.5"): Y/K passed
    // e^{709} while the wage share was e^{−700}, and their product was computed as 0·∞.
    agrees("savings-decrease", "g_A", "0.5");
}

/// The row's symbols at `param = value` at every horizon the widget allows (50 years, the
/// row's own, 2,000), each equal to the paper's, and read from the model's closed form.
fn closed_form_at_every_horizon(id: &str, param: &str, value: &str) {
    let row = find(id).expect("row");
    for years in [None, Some("50"), Some("2000")] {
        let mut o = vec![(param, value)];
        if let Some(y) = years {
            o.push(("years", y));
        }
        let (run, s) =
            classify_row(row, &o).unwrap_or_else(|e| panic!("{id} {param}={value}: {e}"));
        assert_eq!(s, row.paper, "{id} at {param}={value}, years {years:?}");
        assert!(
            run.analytic.is_some(),
            "{id} at {param}={value}: not read from the closed form"
        );
    }
}

#[test]
fn knife_edge_bands_read_the_long_run_not_the_horizon() {
    // Audit 2026-12 §3, §6: bands ∝ 1/years where a run cannot tell the long-run class, each
    // sampled at its edges. They read "I" (φ ∈ (−9·10⁻⁴, 0)), "not classified" (n·years or
    // g_Z·years < 0.03; s ∈ (0.1508, 0.1524)), "-- →0 =" (s up to 0.1524) or "I →0 I"
    // (ρ ∈ (−1.4·10⁻⁵, 0)) before the closed forms were read.
    let bands: [(&str, &str, &[&str]); 6] = [
        (
            "tech-low-feedback-research-capital",
            "phi",
            &["-1e-6", "-1e-4", "-2e-4", "-9e-4", "-1e-3"],
        ),
        (
            "tech-intermediate-feedback-automation",
            "n",
            &["1e-7", "1e-6", "7e-6", "1.44e-5", "1e-4"],
        ),
        (
            "tech-zero-feedback-research-capital",
            "g_Z",
            &["1e-6", "1.49e-5", "2.99e-5", "1e-4"],
        ),
        (
            "savings-increase",
            "s",
            &["0.1516", "0.152", "0.1524", "0.155"],
        ),
        (
            "tasks-ls-asymptotic",
            "rho",
            &["-1e-7", "-1e-6", "-1e-5", "-1.4e-5", "-1e-4"],
        ),
        (
            "tasks-ls-replacement",
            "rho",
            &["-1e-7", "-1e-6", "-1e-5", "-1.6e-5", "-1e-4"],
        ),
    ];
    for (id, param, values) in bands {
        for value in values {
            closed_form_at_every_horizon(id, param, value);
        }
    }
    // The subnormal edge of tasks-ls: a balanced rate past f64's range is still finite.
    let (run, _) = classify_row(
        find("tasks-ls-asymptotic").expect("row"),
        &[("rho", "-5e-324")],
    )
    .expect("classified");
    assert!(
        matches!(run.trend, growth_model::Trend::Steady(g) if g.is_finite()),
        "{:?}",
        run.trend
    );
}

#[test]
fn parameters_the_class_tests_never_sampled_hold_at_their_edges() {
    // Audit 2026-12: g_X (ps-land-ls), a (savings-decrease), full (tasks-ms-full) and λ above 2
    // (tech-combinatorial's class is every λ > 1) were never sampled.
    for g_x in ["0", "0.0001", "0.01", "0.0219", "0.0221", "0.03", "0.5"] {
        agrees("ps-land-ls", "g_X", g_x);
    }
    declared("ps-land-ls", "g_X", 0.5, "growth");
    for a in [
        "0.001", "0.0066", "0.0067", "0.3", "0.8888", "0.889", "0.999",
    ] {
        agrees("savings-decrease", "a", a);
    }
    // Below a = 2·10⁻⁴/(g_A + 10⁻⁴) growth a·g_A/(2 − a) is under the trend's zero rate.
    declared("savings-decrease", "a", 0.001, "growth");
    // `full` is a switch at ½: every value from ½ on is full automation, declared as such.
    for (full, wages) in [("0", "I"), ("0.49", "I"), ("0.5", "→0"), ("1", "→0")] {
        assert_eq!(
            agrees("tasks-ms-full", "full", full).wages,
            Some(wages),
            "full = {full}"
        );
    }
    declared("tasks-ms-full", "full", 0.5, "wages");
    for lambda in ["1.5", "2", "3.5", "5"] {
        assert_eq!(
            agrees("tech-combinatorial", "lambda", lambda).growth,
            "++",
            "λ = {lambda}"
        );
    }
    for lambda in ["0.0001", "5"] {
        agrees("tech-high-feedback", "lambda", lambda);
    }
}

#[test]
fn closed_form_long_runs_agree_with_the_simulation_where_a_run_reaches_them() {
    // The closed forms the classifier now reads near class edges, checked against the numbers at
    // points where a 2,000-year run (followed 20× further for the economy models) gets there.
    let points: [(&str, &[(&str, &str)]); 6] = [
        ("tasks-ls-asymptotic", &[("rho", "-1")]),
        ("tasks-ls-replacement", &[("rho", "-3")]),
        ("ps-land-ls", &[("rho", "-1")]),
        ("savings-increase", &[]),
        ("tech-low-feedback-research-capital", &[("phi", "-0.5")]),
        ("tech-lbd-intermediate", &[("phi", "0.5")]),
    ];
    for (id, point) in points {
        let mut o = point.to_vec();
        o.push(("years", "2000"));
        let (run, _) = classify_row(find(id).expect("row"), &o).expect("classified");
        let limit = run.analytic.expect("a closed form");
        let growth_model::Trend::Steady(g) = limit.trend else {
            panic!("{id}: {:?}", limit.trend)
        };
        let whole = run.long_run.as_deref().unwrap_or(&run);
        let series = |name: &str| whole.series(name).and_then(|v| v.last().copied());
        let simulated = series("g_Y")
            .or_else(|| series("g_B"))
            .expect("a growth series");
        assert!(
            (simulated - g).abs() <= 1e-3 * g,
            "{id}: simulated {simulated}, closed form {g}"
        );
        if let (Some(w), Some(sim_w)) = (limit.wage_growth, series("g_wage")) {
            assert!((sim_w - w).abs() <= 1e-3 * g, "{id}: wage {sim_w} vs {w}");
        }
        if let (Some(vanishes), Some(share)) = (limit.share_vanishes, series("labor_share")) {
            assert_eq!(share < 1e-3, vanishes, "{id}: share {share}");
        }
    }
}

// ---- Session 28 (issue 13): research by capital across its whole class. ----

#[test]
fn human_scientists_grow_at_the_jones_rate_of_the_rows_own_phi_and_lambda() {
    // Without AI people do the research with the same research technology Ȧ = θA^φ(SL)^λ,
    // effort growing n = 1 %/yr: the semi-endogenous rate λn/(1 − φ) (Jones 1995), at the row's
    // φ and λ. The baseline forced λ = 1, so λ = 0.5 or 2 compared against the wrong rate.
    use growth_model::scenarios::counterfactual;
    let points = [
        ("-5", "1"),
        ("-2.1", "0.5"),
        ("-0.5", "2"),
        ("-1e-6", "1"),
        ("0", "0.3"),
        ("0.5", "0.4"),
        ("0.99", "5"),
    ];
    for id in [
        "tech-low-feedback-research-capital",
        "tech-zero-feedback-research-capital",
        "tech-positive-feedback-research-capital",
    ] {
        let row = find(id).expect("row");
        for (phi, lambda) in points {
            let c = counterfactual(row, &[("phi", phi), ("lambda", lambda)])
                .unwrap_or_else(|e| panic!("{id}: {e}"))
                .unwrap_or_else(|| panic!("{id} φ = {phi}: no balanced path"));
            let (p, l): (f64, f64) = (phi.parse().expect("φ"), lambda.parse().expect("λ"));
            let jones = l * 0.01 / (1.0 - p);
            assert!(
                (c.growth - jones).abs() <= 1e-15 * jones,
                "{id} φ = {phi}, λ = {lambda}: {} vs λn/(1 − φ) = {jones}",
                c.growth
            );
        }
        // φ ≥ 1: people's research has no balanced path (φ = 1 exponential, φ > 1 a blow-up).
        assert_eq!(counterfactual(row, &[("phi", "1.5")]).expect("runs"), None);
    }
}

/// g_Z where research capital's balanced rate g_Z/(−φ) (λ = 1) is `k` times human scientists'
/// 0.01/(1 − φ) (Jones 1995): k · 0.01 · (−φ)/(1 − φ).
fn research_capital_edge(phi: f64, k: f64) -> f64 {
    k * 0.01 * (-phi) / (1.0 - phi)
}

/// The growth symbol of g∞/g₀ = r by the classifier's documented thresholds (module docs).
fn symbol_of_ratio(r: f64) -> &'static str {
    if r < 0.1 {
        "--"
    } else if r < 0.9 {
        "-"
    } else if r <= 1.1 {
        "="
    } else if r < 1.5 {
        "+"
    } else {
        "++"
    }
}

#[test]
fn research_capital_bands_are_declared_for_every_negative_phi_not_only_minus_a_half() {
    // The g_Z bands were computed at φ = −0.5 only: at φ = −5, g_Z = 0.006 the run reads `-`
    // (g_Z/(−φ) = 0.0012 against 0.01/6 = 0.00167) where the row declared nothing. The edges are
    // g_Z = k·0.01·(−φ)/(1 − φ), k = 0.1, 0.9, 1.1, 1.5: sampled on both sides at every φ.
    use growth_model::format::Digits;
    let id = "tech-low-feedback-research-capital";
    let row = find(id).expect("row");
    let mut failures = Vec::new();
    for phi in [-5.0, -3.7, -2.1, -1.0, -0.5, -0.2, -0.01, -1e-4, -1e-6] {
        let mut values = vec![0.0, 0.006, 0.02, 0.1, 0.2];
        for k in [0.1, 0.9, 1.1, 1.5] {
            let edge = research_capital_edge(phi, k);
            values.extend([edge * (1.0 - 1e-3), edge * (1.0 + 1e-3)]);
        }
        for g_z in values {
            let (p, z) = (
                format!("{}", Digits(phi, 15)),
                format!("{}", Digits(g_z, 15)),
            );
            let (pv, zv): (f64, f64) = (p.parse().expect("φ"), z.parse().expect("g_Z"));
            let closed_form = symbol_of_ratio(zv * (1.0 - pv) / (0.01 * -pv));
            let expected = row.expected_at(&[("phi", pv), ("g_Z", zv)]);
            for years in ["1000", "2000"] {
                let o = [("phi", p.as_str()), ("g_Z", z.as_str()), ("years", years)];
                match classify_row(row, &o) {
                    Ok((_, s)) if s == expected && s.growth == closed_form => {}
                    Ok((_, s)) => failures.push(format!(
                        "φ = {p}, g_Z = {z}, {years} years: simulated {}, closed form {closed_form}, declared {}",
                        s.growth, expected.growth
                    )),
                    Err(e) => failures.push(format!("φ = {p}, g_Z = {z}: {e}")),
                }
            }
        }
    }
    // Returns λ ≠ 1 (the CLI's, not the row's class): g_Z* = n(1 − φ − λ)/(1 − φ) moves with λ.
    for (phi, lambda) in [(-0.5, 0.5), (-2.1, 2.0)] {
        let star = 0.01 * (1.0 - phi - lambda) / (1.0 - phi);
        for k in [0.05, 0.5, 1.0, 1.3, 2.0] {
            let (p, l, z) = (
                format!("{}", Digits(phi, 15)),
                format!("{}", Digits(lambda, 15)),
                format!("{}", Digits(k * star, 15)),
            );
            let zv: f64 = z.parse().expect("g_Z");
            let expected = row.expected_at(&[("phi", phi), ("lambda", lambda), ("g_Z", zv)]);
            let o = [
                ("phi", p.as_str()),
                ("lambda", l.as_str()),
                ("g_Z", z.as_str()),
            ];
            match classify_row(row, &o) {
                Ok((_, s)) if s == expected && s.growth == symbol_of_ratio(k) => {}
                other => failures.push(format!(
                    "φ = {p}, λ = {l}, g_Z = {z}: {other:?}, declared {expected:?}"
                )),
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert_eq!(
        row.expected_at(&[("phi", -5.0), ("g_Z", 0.006)]).growth,
        "-"
    );
}

#[test]
fn research_by_capital_past_phi_plus_lambda_one_is_type_ii_however_far_the_blow_up() {
    // φ + λ > 1: output reaches infinity in finite time (type II), as the paper's row says. The
    // classifier read type I wherever the blow-up (≈ 52/φ years at λ = 1) lay beyond 20× the
    // horizon, and the row declared that `I` for φ < 2.6/years as a mismatch: it was the
    // classifier's horizon, not the model, that disagreed with the paper.
    let id = "tech-positive-feedback-research-capital";
    let row = find(id).expect("row");
    let points: [&[(&str, &str)]; 12] = [
        &[("phi", "5e-324")],
        &[("phi", "1e-300")],
        &[("phi", "1e-6")],
        &[("phi", "1e-4")],
        &[("phi", "0.001")],
        &[("phi", "0.0013")],
        &[("phi", "0.01")],
        &[("phi", "1")],
        &[("phi", "3")],
        &[("phi", "-0.5"), ("lambda", "1.6")],
        &[("phi", "0.5"), ("lambda", "0.5000001")],
        &[("phi", "0.2"), ("lambda", "1"), ("g_Z", "0.05")],
    ];
    for point in points {
        for years in ["50", "2000"] {
            let mut o = point.to_vec();
            o.push(("years", years));
            let (run, s) = classify_row(row, &o).unwrap_or_else(|e| panic!("{o:?}: {e}"));
            assert_eq!(s.growth, "II", "{o:?}");
            let growth_model::Trend::TypeII(b) = run.trend else {
                panic!("{o:?}: {:?}", run.trend)
            };
            assert!(b.time.is_finite() && b.time > 0.0, "{o:?}: {b:?}");
        }
    }
    assert!(
        row.mismatches.is_empty(),
        "{id} still declares {:?}",
        row.mismatches
    );
    // A blow-up no run reaches is dated by the quasi-steady estimate from the furthest state:
    // against the blow-up an integration to it finds, within its declared error and 1 %.
    use growth_model::{integrate, ResearchCapital, SolverOptions, Trend};
    for (phi, lambda, alpha, g_z) in [
        (0.01, 1.0, 0.5, 0.0),
        (0.05, 1.0, 0.5, 0.0),
        (0.01, 1.0, 0.9, 0.0),
        (0.01, 1.0, 0.1, 0.0),
        (0.01, 1.0, 0.5, 0.01),
    ] {
        let m = ResearchCapital::new(phi, lambda, 0.05, 0.1, 0.3, 0.05, alpha, g_z)
            .unwrap_or_else(|e| panic!("{e:?}"));
        let run = m.simulate(50.0).unwrap_or_else(|e| panic!("{e:?}"));
        let Trend::TypeII(estimate) = run.trend else {
            panic!("φ = {phi}: {:?}", run.trend)
        };
        let options = SolverOptions {
            max_step: 100.0,
            max_steps: 5_000_000,
            ..SolverOptions::default()
        };
        let truth = integrate(&m, 0.0, [0.0, 0.0], 1e6, &options)
            .ok()
            .and_then(|t| t.blowup)
            .unwrap_or_else(|| panic!("φ = {phi}: no blow-up found"));
        let off = (estimate.time - truth.time).abs();
        assert!(
            off <= estimate.error && off <= 1e-2 * truth.time,
            "φ = {phi}, α = {alpha}, g_Z = {g_z}: estimated {estimate:?}, found {}",
            truth.time
        );
    }
}

#[test]
fn ls_rows_near_rho_zero_say_their_symbols_are_limits_reached_after_one_over_rho_g_years() {
    // Dragging ρ toward 0⁻ the symbols (read from the closed form) stay the paper's while the
    // plotted run looks different: the texts must say the symbol is the long-run limit and how
    // long the approach takes, and the time they give must be the model's.
    for id in ["tasks-ls-asymptotic", "tasks-ls-replacement", "ps-land-ls"] {
        let text = find(id).expect("row").rationale;
        assert!(
            text.contains("long-run limit") && text.contains("1/(|ρ|·g_A) years"),
            "{id}: {text}"
        );
    }
    let at = |run: &growth_model::models::Run, name: &str, t: f64| {
        let i = run
            .t
            .iter()
            .position(|x| *x >= t)
            .unwrap_or(run.t.len() - 1);
        run.series(name).map_or(f64::NAN, |v| v[i])
    };
    // Tasks: capital's share 1 − s_L falls by e every 1/(|ρ|g_A) years (d ln(s_K/s_L)/dt → ρg_A).
    for id in ["tasks-ls-asymptotic", "tasks-ls-replacement"] {
        for (rho, g_a) in [
            ("-0.05", "0.02"),
            ("-0.1", "0.04"),
            ("-0.25", "0.005"),
            ("-1", "0.02"),
        ] {
            let t = 1.0 / (-rho.parse::<f64>().expect("ρ") * g_a.parse::<f64>().expect("g_A"));
            let o = [("rho", rho), ("g_A", g_a), ("years", "2000")];
            let run = run_row(find(id).expect("row"), &o).expect("runs");
            let (c1, c2) = (
                1.0 - at(&run, "labor_share", t),
                1.0 - at(&run, "labor_share", 2.0 * t),
            );
            let e_fold = t / (c1 / c2).ln();
            assert!(
                (e_fold / t - 1.0).abs() <= 0.1,
                "{id} ρ = {rho}, g_A = {g_a}: capital's share e-folds in {e_fold} years, not {t}"
            );
        }
    }
    // At ρ = −0.01 the share first collapses (its dip, 150 years in) and is 0.31 after 2,000 years, as the texts say.
    for (id, dip) in [
        ("tasks-ls-asymptotic", 0.0025),
        ("tasks-ls-replacement", 0.0006),
    ] {
        let o = [("rho", "-0.01"), ("years", "2000")];
        let run = run_row(find(id).expect("row"), &o).expect("runs");
        let share = run.series("labor_share").expect("share");
        let (i, low) = share
            .iter()
            .copied()
            .enumerate()
            .fold(
                (0, f64::INFINITY),
                |m, (i, v)| if v < m.1 { (i, v) } else { m },
            );
        let end = share.last().copied().unwrap_or(f64::NAN);
        assert!(
            (low / dip - 1.0).abs() < 0.15 && (run.t[i] - 150.0).abs() < 10.0,
            "{id}: dip {low} at {}",
            run.t[i]
        );
        assert!(
            (end - 0.31).abs() < 0.005,
            "{id}: share {end} after 2,000 years"
        );
    }
    // Land next to ρ = 0: a short run shows the MS rate (a·g_A + (1 − a)g_X)/(1 − a) = 9 %/yr.
    let o = [("rho", "-0.0001"), ("years", "300")];
    let run = run_row(find("ps-land-ls").expect("row"), &o).expect("runs");
    let ms = (0.7 * 0.03 + 0.3 * 0.02) / 0.3;
    assert!(
        (at(&run, "g_Y", 300.0) / ms - 1.0).abs() < 0.01,
        "{}",
        at(&run, "g_Y", 300.0)
    );
    // Land: growth's excess over g_X shrinks by e roughly every 1/(|ρ|g_A) years (0.83–0.87 of it).
    for (rho, g_a) in [("-0.05", "0.03"), ("-0.1", "0.06"), ("-0.25", "0.01")] {
        let t = 1.0 / (-rho.parse::<f64>().expect("ρ") * g_a.parse::<f64>().expect("g_A"));
        let o = [("rho", rho), ("g_A", g_a), ("years", "2000")];
        let run = run_row(find("ps-land-ls").expect("row"), &o).expect("runs");
        let (e1, e2) = (at(&run, "g_Y", t) - 0.02, at(&run, "g_Y", 2.0 * t) - 0.02);
        let e_fold = t / (e1 / e2).ln();
        assert!(
            e_fold / t > 0.8 && e_fold / t < 0.9,
            "ps-land-ls ρ = {rho}, g_A = {g_a}: growth's excess e-folds in {e_fold} years, 1/(|ρ|g_A) = {t}"
        );
    }
}
