//! Layout of the static SVG export (plotters' SVG backend, text measured by the estimate the
//! build uses) of every kind at every corner of its parameter box: no text box overlaps
//! another — tick labels, axis titles, annotations, legends — and none leaves the figure
//! (issue #20, "labels over ticks at the extremes").
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{corners, describe, overlaps, render_svg, FIGURE_WIDTH};
use growth_widgets::spec::Params;
use growth_widgets::{find_spec, specs};

/// Overlaps found at the corners (and the defaults) of `kind`, at most `limit` of them; a
/// corner that does not build counts too unless `skip_unbuilt` (tests/extremes.rs reports those).
fn layout_problems(kind: &str, limit: usize, skip_unbuilt: bool) -> Vec<String> {
    let spec = find_spec(kind).expect("declared kind");
    let mut problems = Vec::new();
    let mut cases = corners(spec);
    cases.push(Params::defaults(spec));
    for params in cases {
        let diagram = match common::build(spec, &params) {
            Ok(d) => d,
            Err(_) if skip_unbuilt => continue,
            Err(e) => {
                problems.push(format!(
                    "{kind} {}: not built: {}",
                    describe(&params),
                    e.message
                ));
                continue;
            }
        };
        match render_svg(diagram.as_ref(), FIGURE_WIDTH, spec.height) {
            Ok((_, texts)) => {
                for o in overlaps(&texts, FIGURE_WIDTH, spec.height) {
                    problems.push(format!("{kind} {}: {o}", describe(&params)));
                }
            }
            Err(e) => problems.push(format!("{kind} {}: drawing failed: {e}", describe(&params))),
        }
        if problems.len() >= limit {
            break;
        }
    }
    problems
}

#[test]
fn no_text_overlaps_another_at_the_corners_of_any_kind() {
    let mut problems = Vec::new();
    for spec in specs() {
        if spec.kind == "scenarios" {
            continue; // checked (and reported) below
        }
        problems.extend(layout_problems(spec.kind, 20, false));
    }
    assert!(
        problems.is_empty(),
        "{} layout problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn scenarios_layout_at_the_corners_it_builds() {
    // The scenarios widget refuses corners its declaration allows (issue #20: ρ = −3 for a row
    // whose class is (0, 1]); that is the scenario tables' fix, reported by tests/extremes.rs.
    let problems = layout_problems("scenarios", 20, true);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_issues_examples_keep_labels_off_the_ticks() {
    // research-feedback with every parameter at its maximum: blow-up at t ≈ 6.9, and the
    // "blow-up t ≈ 6.877" label printed over the "150" tick of a 0–1000-year axis.
    // growth-regimes with first_doubling=2: "∞ at 2d = 4" printed over the "20" tick.
    let research = find_spec("research-feedback").unwrap();
    let mut at_max = Params::defaults(research);
    for p in research.params {
        at_max.set(p.name, p.max).unwrap();
    }
    let regimes = find_spec("growth-regimes").unwrap();
    let mut fast = Params::defaults(regimes);
    fast.set("first_doubling", 2.0).unwrap();
    for (spec, params) in [(research, at_max), (regimes, fast)] {
        let diagram = common::build(spec, &params).unwrap();
        let (_, texts) = render_svg(diagram.as_ref(), FIGURE_WIDTH, spec.height).unwrap();
        let found = overlaps(&texts, FIGURE_WIDTH, spec.height);
        assert!(found.is_empty(), "{}: {}", spec.kind, found.join("\n"));
    }
}

#[test]
fn research_feedback_axes_follow_the_run_to_its_end() {
    let spec = find_spec("research-feedback").unwrap();
    let mut params = Params::defaults(spec);
    for p in spec.params {
        params.set(p.name, p.max).unwrap();
    }
    let diagram = common::build(spec, &params).unwrap();
    let blowup = diagram.probe("blowup", 0.0).unwrap()[0];
    assert!(blowup < 10.0, "blow-up at {blowup}");
    let [start, end] = diagram.probe("years_shown", 0.0).unwrap()[..] else {
        panic!("years_shown gives [start, end]")
    };
    assert_eq!(start, 0.0);
    assert!(
        end >= blowup && end <= 1.25 * blowup,
        "axis 0..{end} for a run that blows up at {blowup}"
    );
}

#[test]
fn no_text_overlaps_another_on_narrow_figures() {
    // The element draws at its own width: a phone's 360 px and a column's 480 px, where long
    // annotations met ("ρ = −5, ε = 0.167" over "L = 0.1 (BL = 0.025)", elasticity's reference
    // labels over each other, research-feedback's regime past the right edge).
    let mut problems = Vec::new();
    for spec in specs() {
        let mut cases = corners(spec);
        cases.push(Params::defaults(spec));
        for params in cases.iter().step_by(2).chain(cases.last()) {
            let Ok(diagram) = common::build(spec, params) else {
                continue; // every_parameter_at_each_extreme… in tests/extremes.rs reports it
            };
            for width in [360, 480] {
                match render_svg(diagram.as_ref(), width, spec.height) {
                    Ok((_, texts)) => {
                        problems.extend(overlaps(&texts, width, spec.height).into_iter().map(|o| {
                            format!("{} {} at {width} px: {o}", spec.kind, describe(params))
                        }))
                    }
                    Err(e) => problems.push(format!("{}: drawing failed: {e}", spec.kind)),
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
