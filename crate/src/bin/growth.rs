//! `growth`: the models as a command-line tool printing JSON, for authors, tests and figures.
//!
//! ```text
//! growth models
//! growth eval production K=2 L=3 A=1 B=1 rho=-1 alpha=0.5
//! growth simulate research-feedback phi=1.5 n=0 years=200
//! ```
//! Bad input exits with status 2 and the typed error on stderr.

use growth_model::models::{self, ModelKind, Run, MODELS};
use growth_model::scenarios::{self, Symbols, CATALOG};
use std::fmt::Write as _;
use std::process::ExitCode;

const USAGE: &str = "usage:
  growth models                                 list every model, its parameters, defaults and ranges
  growth scenarios                              the review's scenario tables: paper vs simulated symbols
  growth scenario <id> key=value …              re-run one row at any point of its class, against its counterfactual
  growth eval <production|task-automation> key=value …
  growth simulate <model> key=value … years=T   (models: growth-regimes, exogenous, research-feedback,
                                                 robot-scientists, research-capital, task-automation,
                                                 land, robots, consumption-goods)";

/// A JSON number (finite) or null.
fn number(v: f64) -> String {
    if !v.is_finite() {
        "null".into()
    } else if v == 0.0 || (1e-5..1e15).contains(&v.abs()) {
        format!("{v}")
    } else {
        format!("{v:e}")
    }
}

fn string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn array(values: &[f64]) -> String {
    let items: Vec<String> = values.iter().map(|v| number(*v)).collect();
    format!("[{}]", items.join(","))
}

fn optional(v: Option<f64>) -> String {
    v.map_or("null".into(), number)
}

fn list_models() -> String {
    let items: Vec<String> = MODELS
        .iter()
        .map(|m| {
            let params: Vec<String> = m
                .params
                .iter()
                .map(|p| {
                    let choices: Vec<String> = p.choices.iter().map(|c| string(c)).collect();
                    let default = if p.choices.is_empty() { number(p.default) } else { string(p.choices[p.default as usize]) };
                    format!(
                        "{{\"name\":{},\"default\":{},\"min\":{},\"max\":{},\"unit\":{},\"doc\":{}{}}}",
                        string(p.name),
                        default,
                        number(p.domain.min),
                        number(p.domain.max),
                        string(p.unit),
                        string(p.doc.text()),
                        if choices.is_empty() { String::new() } else { format!(",\"choices\":[{}]", choices.join(",")) }
                    )
                })
                .collect();
            let kind = if m.kind == ModelKind::Eval { "eval" } else { "simulate" };
            format!("{{\"name\":{},\"command\":{},\"doc\":{},\"params\":[{}]}}", string(m.name), string(kind), string(m.doc.text()), params.join(","))
        })
        .collect();
    format!("[{}]", items.join(",\n"))
}

/// Symbols as JSON, or `{"error": "why"}` for a run the classifier refuses.
fn classified_json(result: &Result<Symbols, scenarios::ClassifyError>) -> String {
    match result {
        Ok(s) => symbols_json(s),
        Err(e) => format!("{{\"error\":{}}}", string(&e.to_string())),
    }
}

fn symbols_json(s: &Symbols) -> String {
    let opt = |v: Option<&str>| v.map_or("null".to_string(), string);
    format!(
        "{{\"growth\":{},\"labor_share\":{},\"wages\":{}}}",
        string(s.growth),
        opt(s.labor_share),
        opt(s.wages)
    )
}

fn list_scenarios() -> String {
    let rows: Vec<String> = CATALOG
        .iter()
        .map(|row| {
            let params: Vec<String> = row.params.iter().map(|(k, v)| format!("{}:{}", string(k), string(v))).collect();
            let coverage: Vec<String> = row
                .coverage
                .iter()
                .map(|c| format!("{{\"param\":{},\"class\":{},\"samples\":{}}}", string(c.param), string(c.class.text()), array(c.samples)))
                .collect();
            let simulated = classified_json(&scenarios::classify_row(row, &[]).map(|(_, s)| s));
            let mismatches: Vec<String> = row
                .mismatches
                .iter()
                .map(|m| {
                    // The interval of the class where it occurs; null for the whole class.
                    // At the row's own point; `scaled` says how it moves with the other parameters.
                    let within = match (m.within == scenarios::EVERYWHERE, m.interval_at(row, &[])) {
                        (false, Some((lo, hi))) => array(&[lo, hi]),
                        _ => "null".to_string(),
                    };
                    let scaled = match m.scale {
                        scenarios::Scale::Units => "null".to_string(),
                        scenarios::Scale::HumanScientists => { let (lo, hi) = m.interval(); format!("{{\"per\":{},\"within\":{}}}", string("n(1 − φ − λ)/(1 − φ)"), array(&[lo, hi])) }
                    };
                    let param = if m.param.is_empty() { row.coverage.first().map_or("", |c| c.param) } else { m.param };
                    format!("{{\"param\":{},\"within\":{},\"column\":{},\"simulated\":{},\"reason\":{},\"scaled\":{}}}", string(param), within, string(m.column), string(m.simulated), string(m.reason), scaled)
                })
                .collect();
            format!(
                "{{\"id\":{},\"table\":{},\"label\":{},\"sources\":{},\"model\":{},\"params\":{{{}}},\"rationale\":{},\"paper\":{},\"simulated\":{},\"coverage\":[{}],\"mismatches\":[{}]}}",
                string(row.id),
                string(row.table),
                string(row.label),
                string(row.sources),
                string(row.model),
                params.join(","),
                string(row.rationale),
                symbols_json(&row.paper),
                simulated,
                coverage.join(","),
                mismatches.join(",")
            )
        })
        .collect();
    format!("[{}]", rows.join(",\n"))
}

fn run_json(run: &Run, classification: &Result<Symbols, scenarios::ClassifyError>) -> String {
    let mut series: Vec<String> = run
        .series
        .iter()
        .map(|(name, values)| format!("{}:{}", string(name), array(values)))
        .collect();
    // Levels as well as logs when they fit in a double.
    for (log_name, name) in [("ln_Y", "Y"), ("ln_B", "B")] {
        if let Some(values) = run.series(log_name) {
            if values.iter().all(|v| *v < 700.0) {
                let levels: Vec<f64> = values.iter().map(|v| v.exp()).collect();
                series.push(format!("{}:{}", string(name), array(&levels)));
            }
        }
    }
    let facts: Vec<String> = run
        .facts
        .iter()
        .map(|(k, v)| format!(",{}:{}", string(k), optional(*v)))
        .collect();
    let error = match run.trend {
        growth_model::Trend::TypeII(b) => number(b.error),
        _ => "null".into(),
    };
    // Where the long-run symbols are read: the run followed past its horizon (end values and the series at ¼-steps).
    let long_run = run.long_run.as_deref().map_or("null".to_string(), |whole| {
        let at = |name: &str| {
            whole.series(name).map_or("null".to_string(), |v| {
                let t_end = whole.t.last().copied().unwrap_or(0.0);
                let points: Vec<f64> = [0.25, 0.5, 0.75, 1.0]
                    .iter()
                    .map(|f| growth_model::trend::value_at(&whole.t, v, f * t_end))
                    .collect();
                array(&points)
            })
        };
        format!(
            "{{\"t_end\":{},\"g_Y\":{},\"labor_share\":{},\"g_wage\":{}}}",
            number(whole.t.last().copied().unwrap_or(0.0)),
            at("g_Y"),
            at("labor_share"),
            at("g_wage")
        )
    });
    // Where the plotted run stopped short of its horizon (the solver's rate cap), and whether
    // the symbols come from the model's closed-form long run rather than from the run.
    format!(
        "{{\"t\":{},\"series\":{{{}}},\"regime\":{},\"classification\":{},\"long_run\":{},\"blowup_time\":{},\"blowup_error\":{},\"stopped_at\":{},\"closed_form\":{}{}}}",
        array(&run.t),
        series.join(","),
        string(run.trend.label()),
        classified_json(classification),
        long_run,
        optional(run.blowup_time()),
        error,
        optional(run.capped_at.or_else(|| run.t.last().copied().filter(|t| *t < run.years * (1.0 - 1e-9)))),
        run.analytic.is_some(),
        facts.concat()
    )
}

fn pairs(args: &[String]) -> Result<Vec<(&str, &str)>, String> {
    args.iter()
        .map(|a| {
            a.split_once('=')
                .ok_or_else(|| format!("expected key=value, got \"{a}\""))
        })
        .collect()
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("models") => Ok(list_models()),
        Some("scenarios") => Ok(list_scenarios()),
        Some("eval") if args.len() >= 2 => pairs(&args[2..]).and_then(|p| {
            models::evaluate(&args[1], &p)
                .map_err(|e| e.to_string())
                .map(|values| {
                    let fields: Vec<String> = values
                        .iter()
                        .map(|(k, v)| format!("{}:{}", string(k), optional(*v)))
                        .collect();
                    format!("{{{}}}", fields.join(","))
                })
        }),
        Some("simulate") if args.len() >= 2 => pairs(&args[2..]).and_then(|p| {
            scenarios::simulate_and_classify(&args[1], &p)
                .map_err(|e| e.to_string())
                .map(|(run, classification)| run_json(&run, &classification))
        }),
        Some("scenario") if args.len() >= 2 => pairs(&args[2..]).and_then(|p| {
            let row = scenarios::find(&args[1]).ok_or_else(|| {
                let ids: Vec<&str> = CATALOG.iter().map(|r| r.id).collect();
                format!("no row \"{}\"; rows: {}", args[1], ids.join(", "))
            })?;
            let run = scenarios::run_row(row, &p).map_err(|e| e.to_string())?;
            let classification =
                scenarios::counterfactual(row, &p).and_then(|c| scenarios::classify(&run, c));
            Ok(run_json(&run, &classification))
        }),
        Some("help" | "--help" | "-h") => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        _ => Err(USAGE.to_string()),
    };
    match result {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("growth: {message}");
            ExitCode::from(2)
        }
    }
}
