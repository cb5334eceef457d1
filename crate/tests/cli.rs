//! The `growth` command line: JSON out, typed errors on stderr with a non-zero status.
#![cfg(feature = "cli")]

use std::process::Command;

fn growth(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_growth"))
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.success(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// The number after `"key":` in flat JSON.
fn field(json: &str, key: &str) -> Option<f64> {
    let start = json.find(&format!("\"{key}\":"))? + key.len() + 3;
    let rest = &json[start..];
    let end = rest.find([',', '}']).unwrap_or(rest.len());
    rest[..end].parse().ok()
}

#[test]
fn eval_production_prints_the_documented_fields() {
    let (ok, out, _) = growth(&[
        "eval",
        "production",
        "K=2",
        "L=3",
        "A=1",
        "B=1",
        "rho=-1",
        "alpha=0.5",
    ]);
    assert!(ok);
    assert!((field(&out, "Y").unwrap() - 2.4).abs() < 1e-12);
    assert!(
        (field(&out, "capital_share").unwrap() + field(&out, "labor_share").unwrap() - 1.0).abs()
            < 1e-12
    );
    for key in ["wage", "rent", "elasticity"] {
        assert!(field(&out, key).is_some(), "{key} in {out}");
    }
}

#[test]
fn simulate_research_feedback_reports_the_blowup() {
    let (ok, out, _) = growth(&[
        "simulate",
        "research-feedback",
        "B0=1",
        "phi=1.5",
        "lambda=1",
        "theta=0.05",
        "S=0.1",
        "L=1",
        "n=0",
        "years=600",
    ]);
    assert!(ok);
    assert!(out.contains("\"regime\":\"type II singularity\""));
    let closed = field(&out, "blowup_closed_form").unwrap();
    assert!((field(&out, "blowup_time").unwrap() - closed).abs() < 0.005 * closed);
    assert!(out.contains("\"g_B\":[") && out.contains("\"t\":["));
    assert!(!out.contains("NaN") && !out.contains("inf"));
}

#[test]
fn every_simulated_model_runs_with_its_defaults() {
    for model in [
        "growth-regimes",
        "exogenous",
        "research-feedback",
        "robot-scientists",
        "research-capital",
        "task-automation",
        "land",
        "robots",
        "consumption-goods",
    ] {
        let (ok, out, err) = growth(&["simulate", model, "years=50"]);
        assert!(ok, "{model}: {err}");
        assert!(
            out.starts_with("{\"t\":[0,") && out.contains("\"regime\":"),
            "{model}"
        );
    }
    let (ok, out, _) = growth(&[
        "simulate",
        "growth-regimes",
        "scenario=type-ii",
        "first_doubling=10",
        "years=50",
    ]);
    assert!(ok);
    assert_eq!(field(&out, "blowup_time"), Some(20.0));
}

#[test]
fn models_lists_parameters_with_ranges() {
    let (ok, out, _) = growth(&["models"]);
    assert!(ok);
    assert!(out.contains("\"name\":\"research-feedback\"") && out.contains("\"name\":\"phi\""));
    assert!(out.contains("\"choices\":[\"exponential\",\"increase\",\"type-i\",\"type-ii\"]"));
}

#[test]
fn bad_input_exits_non_zero_with_the_typed_error() {
    let (ok, out, err) = growth(&["eval", "production", "rho=2"]);
    assert!(!ok && out.is_empty());
    assert!(
        err.contains("rho = 2 is outside its valid range [-50, 1]"),
        "{err}"
    );
    let (ok, _, err) = growth(&["simulate", "nope"]);
    assert!(!ok && err.contains("no model named \"nope\""));
    let (ok, _, err) = growth(&["simulate", "growth-regimes", "scenario=type-iii"]);
    assert!(!ok && err.contains("not one of exponential, increase, type-i, type-ii"));
    let (ok, _, err) = growth(&["eval", "production", "banana"]);
    assert!(!ok && err.contains("key=value"));
}

#[test]
fn scenarios_prints_every_row_with_its_simulated_symbols() {
    let (ok, out, err) = growth(&["scenarios"]);
    assert!(ok, "{err}");
    let rows: Vec<&str> = out.lines().collect();
    assert_eq!(rows.len(), growth_model::scenarios::CATALOG.len());
    for row in &rows {
        for key in [
            "\"id\":",
            "\"label\":",
            "\"model\":",
            "\"params\":{",
            "\"paper\":{",
            "\"simulated\":{\"growth\":",
            "\"coverage\":[{",
            "\"mismatches\":[",
        ] {
            assert!(row.contains(key), "{key} in {row}");
        }
    }
    // Both robotics rows are simulated, their unreproduced symbol named with its reason.
    let hs_ls = rows
        .iter()
        .find(|r| r.contains("\"id\":\"robotics-hs-ls\""))
        .expect("row");
    assert!(hs_ls.contains("\"model\":\"robots\""));
    assert!(
        hs_ls.contains("\"simulated\":{\"growth\":\"=\",\"labor_share\":\"C\",\"wages\":\"C\"}")
    );
    assert!(hs_ls.contains("\"mismatches\":[{\"param\":\"rho_R\",\"within\":null,\"column\":\"growth\",\"simulated\":\"=\",\"reason\":\"With constant returns"));
}

#[test]
fn scenario_reruns_a_row_at_any_point_with_the_same_classifier() {
    let (ok, out, err) = growth(&["scenario", "tasks-ms-full", "years=2000"]);
    assert!(ok, "{err}");
    assert!(
        out.contains(
            "\"classification\":{\"growth\":\"I\",\"labor_share\":\"→0\",\"wages\":\"I\"}"
        ),
        "{out}"
    );
    let (ok, out, _) = growth(&["scenario", "hs-production", "rho=0.9"]);
    assert!(ok && out.contains("\"wages\":\"++\""));
    let (ok, _, err) = growth(&["scenario", "no-such-row"]);
    assert!(!ok && err.contains("no row \"no-such-row\"; rows: hs-consumption, "));
}

#[test]
fn a_run_that_stops_early_prints_why_instead_of_symbols() {
    let (ok, out, _) = growth(&[
        "simulate",
        "exogenous",
        "s=1",
        "A0=1e9",
        "rho=0.5",
        "years=100",
    ]);
    assert!(ok);
    assert!(
        out.contains("\"classification\":{\"error\":\"not classified: "),
        "{out}"
    );
    // The example: the slide's CES at ρ = 0.05 now runs its whole horizon.
    let (ok, out, _) = growth(&[
        "simulate",
        "exogenous",
        "slide_form=1",
        "A0=0.85",
        "s=0.3",
        "delta=0.05",
        "g_A=0",
        "g_B=0.01",
        "n=0",
        "rho=0.05",
        "years=500",
    ]);
    assert!(ok);
    assert!(
        out.contains("\"classification\":{\"growth\":\"++\""),
        "{out}"
    );
}

#[test]
fn a_run_that_stops_short_says_where_and_whether_a_closed_form_decides() {
    // At ρ = 10⁻⁶ task creation's variety gain is 2·10⁴/yr: the plotted run stops at once
    // while the symbols come from the closed form; the JSON said neither.
    let (ok, out, _) = growth(&["scenario", "tasks-hs-creation", "rho=0.000001"]);
    assert!(ok);
    assert!(
        field(&out, "stopped_at").is_some_and(|t| t < 1.0),
        "{}",
        &out[out.len().saturating_sub(300)..]
    );
    assert!(out.contains("\"closed_form\":true"));
    let (ok, out, _) = growth(&["scenario", "hs-production"]);
    assert!(ok);
    assert!(out.contains("\"stopped_at\":null") && out.contains("\"closed_form\":false"));
}
