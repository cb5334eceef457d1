//! Every parameter of every kind at its representable extremes (issue #20): both ends of each
//! declared range, ±0, the subnormals ±5e−324 and ±1e−320 and the smallest normals wherever the
//! range holds them, the next value inside each end, and all of them together. For each:
//! - every accepted value simulates (the diagram builds, draws, describes itself);
//! - readouts are finite numbers (no ∞, NaN, "undefined");
//! - every ρ whose range spans 0 is continuous across it: the diagram's probes at ρ = ±5e−324,
//!   ±1e−320, ±2.2e−308, ±1e−300 are within 1e−9 relative of ρ = 0, and so are its readouts;
//! - no call (build + readouts + description + the static SVG drawing) takes over 50 ms in a
//!   release build (the slowest, task-automation's two simulations, takes ~15 ms on a loaded
//!   2-core machine). Debug builds (what `npm test` runs) are slower, so there the bound is
//!   250 ms (the slowest measured under 100 ms): still below the 1,071 ms and 160–230 ms per
//!   call the issue measured at ρ = 5e−324 and 1e−320 in release wasm. A call over the bound is
//!   timed twice more and its fastest run counts, so a busy shared CI machine does not fail it.
//!   The real bound: `cargo test --release -p growth-widgets --test extremes`.
//!
//! The `scenarios` kind is checked by the same code but reported apart: its rows' ranges are
//! the scenario tables' to fix (the test is ignored until they are; run with `--ignored`).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{describe, extremes, render_svg, FIGURE_WIDTH};
use growth_widgets::spec::{KindSpec, Params};
use growth_widgets::{find_spec, specs, Diagram};
use proptest::prelude::*;
use std::time::{Duration, Instant};

/// The longest one call may take (see the module docs for why debug differs).
fn call_bound() -> Duration {
    if cfg!(debug_assertions) {
        Duration::from_millis(250)
    } else {
        Duration::from_millis(50)
    }
}

/// The probes each kind answers, with their argument; NaN in a probe means "none" by design.
fn probes(kind: &str) -> &'static [(&'static str, f64)] {
    match kind {
        "elasticity" => &[("point", 0.0), ("isoquant", 2.0)],
        "production" => &[("point", 0.0)],
        "task-automation" => &[("point", 0.0), ("growth", 0.0)],
        "research-feedback" => &[("blowup", 0.0), ("growth", 0.0), ("years_shown", 0.0)],
        "growth-regimes" => &[("crossings", 0.0), ("type-ii", 0.0)],
        _ => &[],
    }
}

/// What one call showed: readouts as text and every probe's numbers.
struct Shown {
    readouts: Vec<(&'static str, String)>,
    probes: Vec<(&'static str, Vec<f64>)>,
}

/// One timed call: the diagram, its readouts and its description.
struct Timed {
    took: Duration,
    diagram: Box<dyn Diagram>,
    readouts: Vec<(&'static str, String)>,
    text: String,
}

/// Builds, reads, describes and draws `params` of `spec` once, timed.
fn once(spec: &'static KindSpec, params: &Params<'static>) -> Result<Timed, String> {
    let started = Instant::now();
    let diagram = common::build(spec, params).map_err(|e| format!("not built: {}", e.message))?;
    let readouts = diagram
        .readouts()
        .into_iter()
        .map(|r| (r.key, r.value))
        .collect();
    let text = diagram.describe();
    render_svg(diagram.as_ref(), FIGURE_WIDTH, spec.height)
        .map_err(|e| format!("drawing failed: {e}"))?;
    Ok(Timed {
        took: started.elapsed(),
        diagram,
        readouts,
        text,
    })
}

/// Builds, reads, describes and draws `params` of `spec` as one call would; `Err` says what failed.
fn call(spec: &'static KindSpec, params: &Params<'static>) -> Result<Shown, String> {
    let Timed {
        mut took,
        diagram,
        readouts,
        text,
    } = once(spec, params)?;
    for _ in 0..2 {
        if took <= call_bound() {
            break;
        }
        took = took.min(once(spec, params)?.took);
    }
    if took > call_bound() {
        return Err(format!("took {took:?} (bound {:?})", call_bound()));
    }
    for (key, value) in &readouts {
        // ∞ is the true value of ε at ρ = 1, and a blow-up reads "→ ∞ at t ≈ 6.877".
        let infinite_by_definition = matches!(
            (spec.kind, *key),
            ("elasticity", "epsilon") | ("research-feedback", "growth_end")
        );
        if not_a_number(value) || (value.contains('∞') && !infinite_by_definition) {
            return Err(format!("readout {key} = {value:?}"));
        }
    }
    if not_a_number(&text) {
        return Err(format!("description: {text}"));
    }
    let probes = probes(spec.kind)
        .iter()
        .filter_map(|&(name, arg)| diagram.probe(name, arg).map(|v| (name, v)))
        .collect();
    Ok(Shown { readouts, probes })
}

/// True when `text` shows a number that is not one: NaN, "undefined", "inf" as words.
fn not_a_number(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric())
        .any(|word| matches!(word, "NaN" | "nan" | "undefined" | "inf" | "Infinity"))
}

fn check(spec: &'static KindSpec, params: &Params<'static>) -> Result<Shown, String> {
    call(spec, params).map_err(|e| format!("{} {}: {e}", spec.kind, describe(params)))
}

/// `params` with `name` set to `value`.
fn with(params: &Params<'static>, name: &str, value: f64) -> Params<'static> {
    let mut p = params.clone();
    p.set(name, value)
        .expect("an extreme inside the declared range");
    p
}

/// Every parameter at each of its extremes in turn (the others at their defaults), then every
/// parameter at its minimum together and at its maximum together.
fn one_at_a_time(kind: &str) -> Vec<String> {
    let spec = find_spec(kind).expect("declared kind");
    let defaults = Params::defaults(spec);
    let mut cases = Vec::new();
    for p in spec.params {
        for v in extremes(p.min, p.max) {
            cases.push(with(&defaults, p.name, v));
        }
    }
    for end in [0, 1] {
        let mut all = defaults.clone();
        for p in spec.params {
            all.set(p.name, if end == 0 { p.min } else { p.max })
                .unwrap();
        }
        cases.push(all);
    }
    cases
        .iter()
        .filter_map(|params| check(spec, params).err())
        .collect()
}

/// a and b agree to 1e−9 relative; NaN is a probe's "not defined here" (e.g. the task model's
/// labor-augmenting term, which exists only for ρ < 0), so a NaN on either side is not compared.
fn close(a: f64, b: f64) -> bool {
    a.is_nan() || b.is_nan() || a == b || (a - b).abs() <= 1e-9 * a.abs().max(b.abs())
}

/// A readout that shows a number (not "—" for "not defined here").
fn shows_a_number(text: &str) -> bool {
    text.chars().any(|c| c.is_ascii_digit())
}

/// Continuity across ρ = 0 of every parameter named ρ whose range spans 0, at `base`.
fn continuity(spec: &'static KindSpec, base: &Params<'static>) -> Vec<String> {
    let mut problems = Vec::new();
    for p in spec.params.iter().filter(|p| p.name.starts_with("rho")) {
        if !(p.min < 0.0 && p.max > 0.0) {
            continue;
        }
        let at_zero = match check(spec, &with(base, p.name, 0.0)) {
            Ok(s) => s,
            Err(e) => {
                problems.push(e);
                continue;
            }
        };
        for rho in [
            -0.0,
            5e-324,
            -5e-324,
            1e-320,
            -1e-320,
            f64::MIN_POSITIVE,
            -f64::MIN_POSITIVE,
            1e-300,
            -1e-300,
        ] {
            let near = match check(spec, &with(base, p.name, rho)) {
                Ok(s) => s,
                Err(e) => {
                    problems.push(e);
                    continue;
                }
            };
            for ((name, a), (_, b)) in at_zero.probes.iter().zip(&near.probes) {
                if a.len() != b.len() || a.iter().zip(b).any(|(x, y)| !close(*x, *y)) {
                    problems.push(format!(
                        "{} {}: probe {name} at {}={rho:e} is {b:?}, at 0 {a:?}",
                        spec.kind,
                        describe(base),
                        p.name
                    ));
                }
            }
            for ((key, a), (_, b)) in at_zero.readouts.iter().zip(&near.readouts) {
                if a != b && shows_a_number(a) && shows_a_number(b) {
                    problems.push(format!(
                        "{} {}: readout {key} at {}={rho:e} is {b}, at 0 {a}",
                        spec.kind,
                        describe(base),
                        p.name
                    ));
                }
            }
        }
    }
    problems
}

fn kinds_but_scenarios() -> Vec<&'static KindSpec> {
    specs()
        .into_iter()
        .filter(|s| s.kind != "scenarios")
        .collect()
}

#[test]
fn every_parameter_at_each_extreme_simulates_with_finite_readouts_in_time() {
    let problems: Vec<String> = kinds_but_scenarios()
        .iter()
        .flat_map(|s| one_at_a_time(s.kind))
        .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_issues_examples_are_continuous_and_quick() {
    // Issue #20: task-automation at ρ = 5e−324 took 1,071 ms and failed ("the solver needed too
    // many steps"), at 1e−320 every call took 160–230 ms; elasticity at 5e−324 showed Y = 2,
    // wage 0.893 against 1.649, 0.737 at ρ = 0; production Y = 2 against 2.449.
    let mut problems = Vec::new();
    for kind in ["task-automation", "elasticity", "production"] {
        let spec = find_spec(kind).unwrap();
        problems.extend(continuity(spec, &Params::defaults(spec)));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn continuity_across_rho_zero_at_the_corners() {
    // ρ near 0 with every other parameter at either end of its range.
    let mut problems = Vec::new();
    for spec in kinds_but_scenarios() {
        if !spec.params.iter().any(|p| p.name.starts_with("rho")) {
            continue;
        }
        for base in common::corners(spec).iter().step_by(3) {
            problems.extend(continuity(spec, base));
            if problems.len() > 20 {
                break;
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn scenarios_at_each_extreme() {
    // Every value the declaration allows simulates on the shown row, subnormal ρ included (the
    // slide's unweighted CES refused ρ ∈ (0, 1e−6) until its state became ln K̃: issue #20).
    let problems = one_at_a_time("scenarios");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_row_of_the_tables_at_the_extremes_of_its_own_controls() {
    // Each row shows its own controls (its class parameter and the horizon). Every value they
    // allow either simulates and is classified or is refused with the row's model range, one at
    // a time and all at each end together (the default row alone was checked before; the
    // parameters a row fixes are the crate's to check: crate/tests/integration/audit.rs).
    let spec = find_spec("scenarios").expect("declared kind");
    let mut problems = Vec::new();
    for row in growth_model::scenarios::CATALOG {
        let mut base = Params::defaults(spec);
        base.set_option("scenario", Some(row.id));
        let Ok(shown) = common::build(spec, &base) else {
            problems.push(format!("{}: not built at its own point", row.id));
            continue;
        };
        let controls: Vec<&'static str> = shown
            .active_params()
            .unwrap_or_default()
            .into_iter()
            .filter(|name| spec.param(name).is_some())
            .collect();
        let mut cases = Vec::new();
        for name in &controls {
            let Some((_, p)) = spec.param(name) else {
                continue;
            };
            for v in extremes(p.min, p.max) {
                cases.push(with(&base, name, v));
            }
        }
        for end in [0, 1] {
            let mut all = base.clone();
            for name in &controls {
                if let Some((_, p)) = spec.param(name) {
                    all.set(name, if end == 0 { p.min } else { p.max })
                        .expect("in range");
                }
            }
            cases.push(all);
        }
        for params in &cases {
            if let Err(e) = check(spec, params) {
                if !e.contains("is outside this row's model range; valid range") {
                    problems.push(format!("{}: {e}", row.id));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// A kind and one extreme value (by index into each parameter's extremes) for every parameter.
fn any_extreme_point() -> impl Strategy<Value = (usize, Vec<usize>)> {
    let kinds = kinds_but_scenarios().len();
    (0..kinds, proptest::collection::vec(0..64usize, 8))
}

fn cases() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(48);
    ProptestConfig {
        cases,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(cases())]

    /// All parameters at once, each at one of its extremes: the ends together in any mix.
    #[test]
    fn every_mix_of_extremes_simulates_with_finite_readouts_in_time((kind, picks) in any_extreme_point()) {
        let spec = kinds_but_scenarios()[kind];
        let mut params = Params::defaults(spec);
        for (p, pick) in spec.params.iter().zip(picks) {
            let values = extremes(p.min, p.max);
            params.set(p.name, values[pick % values.len()]).unwrap();
        }
        if let Err(e) = check(spec, &params) {
            prop_assert!(false, "{}", e);
        }
    }
}

#[test]
fn the_scenarios_widget_reads_the_papers_symbols_next_to_class_edges_at_every_horizon() {
    // Issue #13 (audit 2026-12 §3, §6): next to a class edge the widget showed "I" or "not
    // classified" (bands ∝ 1/years); the closed-form long run decides there, so moving the row's
    // control toward the edge, or the horizon from 50 to 2,000 years, keeps the paper's symbols.
    let spec = find_spec("scenarios").expect("declared kind");
    let edges: [(&str, &str, &[f64]); 6] = [
        ("ps-land-ls", "rho", &[-5e-324, -1e-7, -1e-3, -0.01]),
        (
            "tech-low-feedback-research-capital",
            "phi",
            &[-5e-324, -1e-6, -1e-4, -1e-3],
        ),
        (
            "tech-intermediate-feedback-automation",
            "n",
            &[5e-324, 1e-7, 1e-5],
        ),
        (
            "tech-zero-feedback-research-capital",
            "g_Z",
            &[5e-324, 1e-6, 3e-5],
        ),
        (
            "tasks-ls-asymptotic",
            "rho",
            &[-5e-324, -1e-7, -1e-5, -1e-4],
        ),
        ("tasks-ls-replacement", "rho", &[-1e-7, -1.6e-5, -1e-4]),
    ];
    let mut problems = Vec::new();
    for (id, param, values) in edges {
        let row = growth_model::scenarios::find(id).expect("row");
        let paper = [
            Some(row.paper.growth),
            row.paper.labor_share,
            row.paper.wages,
        ]
        .iter()
        .flatten()
        .copied()
        .collect::<Vec<_>>()
        .join(" · ");
        for &value in values {
            for years in [50.0, 400.0, 2000.0] {
                let mut params = Params::defaults(spec);
                params.set_option("scenario", Some(id));
                params.set(param, value).expect("in range");
                params.set("years", years).expect("in range");
                let shown = match common::build(spec, &params) {
                    Ok(d) => d,
                    Err(e) => {
                        problems.push(format!(
                            "{id} {param}={value:e} years={years}: {}",
                            e.message
                        ));
                        continue;
                    }
                };
                let simulated = shown
                    .readouts()
                    .into_iter()
                    .find(|r| r.key == "simulated")
                    .map(|r| r.value);
                if simulated.as_deref() != Some(paper.as_str()) {
                    problems.push(format!(
                        "{id} {param}={value:e} years={years}: {simulated:?}, paper {paper}"
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
