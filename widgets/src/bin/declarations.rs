//! `declarations OUT_DIR`: writes what the build and the pages need to know about every kind,
//! straight from the registry, so nothing in JavaScript restates it:
//! - `kinds.json`: each kind's declaration with its initial state (readouts, description,
//!   table, active parameters, accessible name) at its defaults, so an element can reserve its
//!   final size and show its words before the engine loads;
//! - `element.json`: the element's own attributes, valid heights and the theme's properties
//!   with both schemes' defaults (the shim's CSS defaults are generated from it);
//! - `figures/KIND.svg`: each kind at its defaults, for no-script fallbacks.

use growth_widgets::element::{element_spec, Widget};
use growth_widgets::spec::KindSpec;
use growth_widgets::specs;
use serde::Serialize;
use std::path::Path;
use std::process::ExitCode;

/// A kind's declaration with what it shows at its defaults.
#[derive(Serialize)]
struct Declared {
    #[serde(flatten)]
    spec: &'static KindSpec,
    initial: Initial,
}

#[derive(Serialize)]
struct Initial {
    readouts: Vec<growth_widgets::Readout>,
    description: String,
    table: Option<growth_widgets::Table>,
    active: Option<Vec<&'static str>>,
    label: String,
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

fn run(out: &Path) -> Result<(), String> {
    let figures = out.join("figures");
    std::fs::create_dir_all(&figures)
        .map_err(|e| format!("cannot create {}: {e}", figures.display()))?;
    let mut kinds = Vec::new();
    for spec in specs() {
        let mut widget = Widget::new(spec.kind).map_err(|e| e.message)?;
        // Deferred rows are filled now, so the initial table is complete.
        while widget.work().more {}
        let svg = widget.figure_svg(720, spec.height)?;
        write(&figures.join(format!("{}.svg", spec.kind)), &svg)?;
        kinds.push(Declared {
            spec,
            initial: Initial {
                readouts: widget.readouts(),
                description: widget.describe(),
                table: widget.table(),
                active: widget.active_params(),
                label: widget.figure_label(),
            },
        });
    }
    write(&out.join("kinds.json"), &json(&kinds)?)?;
    write(&out.join("element.json"), &json(&element_spec())?)?;
    Ok(())
}

fn json<T: Serialize>(value: &T) -> Result<String, String> {
    serde_json::to_string_pretty(value).map_err(|e| e.to_string())
}

fn main() -> ExitCode {
    let Some(out) = std::env::args_os().nth(1) else {
        eprintln!("usage: declarations OUT_DIR");
        return ExitCode::from(2);
    };
    match run(Path::new(&out)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("declarations: {message}");
            ExitCode::FAILURE
        }
    }
}
