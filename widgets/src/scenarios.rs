//! `kind="scenarios"` — the literature review's tables as a real, sortable HTML table with
//! the paper's symbols next to the ones our simulation reads from its own numbers
//! (mismatches shown, never hidden); the selected row is plotted over time — growth rate,
//! labor share and wages — with the parameters its label covers editable. `scenario="<id>"`
//! embeds one row (Trammell & Korinek, tables of §3–§5, as read in the episode).

use crate::plot::{cells, clear, clip_polyline, cut, draw_axes, Axes, Chart, Frame};
use crate::spec::{format_number, InputError, KindSpec, OptionSpec, ParamSpec, Params};
use crate::theme::Theme;
use crate::{Cell, Diagram, DiagramKind, Drawing, Readout, Root, Table, TableRow, Work};
use growth_model::models::{ModelError, Run};
use growth_model::scenarios::{self as catalog, ClassifyError, ScenarioRow, Symbols, CATALOG};
use growth_model::Doc;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

/// The parameters, in control order, declared once; read by the names a catalog row gives.
#[rustfmt::skip]
const PARAMS: &[ParamSpec] = &[
    ParamSpec::number("rho", "ρ", "Substitution ρ", (-10.0, 1.0, 0.05), 0.5, "", "The substitutability class the row names (HS, PS, MS, LS). Symbols compare with the same economy without AI, all relative: growth '=' within 10 % of its no-AI rate, '++' at 1.5 times it; wages flat within 10 % of their no-AI growth, '++' above it, 'L' at it below output; share →0 under 0.1 % of its start. A closed-form long run, where the model has one, decides them. Runs that stop early or fit no rule say why."),
    ParamSpec::number("rho_R", "ρ_R", "Substitution in robot production ρ_R", (-10.0, 1.0, 0.05), 0.5, "", "Between machines and people in making robots: ρ_R < 0 makes people necessary (LS)."),
    ParamSpec::number("phi", "φ", "Research feedback φ", (-5.0, 3.0, 0.05), 0.5, "", "The research-feedback class the row names."),
    ParamSpec::number("n", "n", "Growth of research effort n", (-0.1, 0.2, 0.005), 0.01, "/yr", "How fast research effort grows (automation, more scientists) or shrinks."),
    ParamSpec::number("g_Z", "g_Z", "Research capital's productivity growth g_Z", (0.0, 0.2, 0.005), 0.02, "/yr", "How fast robot scientists get better at research."),
    ParamSpec::number("lambda", "λ", "Returns to research effort λ", (0.1, 5.0, 0.05), 1.0, "", "Raised by AI-assisted combinatorial discovery."),
    ParamSpec::number("years", "T", "Horizon", (50.0, 2000.0, 10.0), 400.0, " yr", "How long the scenario is simulated before it is classified; a run that stops early is not classified."),
];

static SPEC: KindSpec = KindSpec {
    kind: "scenarios",
    title: Doc::new("The review's scenario tables, live"),
    summary: Doc::new("Every row of the episode's tables, simulated: the paper's growth, labor-share and wage symbols beside the ones read from the model's own numbers."),
    height: 360,
    params: PARAMS,
    presets: &[],
    play: None,
    options: &[
        OptionSpec { name: "scenario", help: Doc::new("Embed one row by its id (e.g. hs-production); the table then shows that row only."), example: "ps-land-hanson" },
        OptionSpec { name: "selected", help: Doc::new("The row plotted below the full table (clicking a row sets it)."), example: "hs-production" },
    ],
};

const COLUMNS: [&str; 5] = ["Table", "Scenario", "Sources", "Paper", "Simulated"];

thread_local! {
    /// Each row's classification at its representative point, computed a few rows at a time
    /// (see [`ScenariosDiagram::work`]) and kept for the page: a row's classification depends
    /// on the row alone, so every scenarios widget shares it. `None` until computed.
    static REPRESENTATIVE: std::cell::RefCell<Vec<Option<Option<Symbols>>>> = std::cell::RefCell::new(vec![None; CATALOG.len()]);
}

/// Row `i`'s classification at its representative point (a simulation).
fn classify(i: usize) -> Option<Symbols> {
    catalog::classify_row(&CATALOG[i], &[]).ok().map(|(_, s)| s)
}

/// The cached classification of row `i`: `None` while not yet computed. Were the cache ever
/// left borrowed, the row would be computed here instead, so the table is never stuck.
fn representative_symbols(i: usize) -> Option<Option<Symbols>> {
    REPRESENTATIVE
        .with(|cache| {
            cache
                .try_borrow()
                .map(|cache| cache.get(i).copied().flatten())
        })
        .unwrap_or_else(|_| Some(classify(i)))
}

/// Computes up to `rows` uncomputed rows; true while more remain.
fn compute_representative(rows: usize) -> bool {
    fill_representative(rows, classify)
}

/// [`compute_representative`] with the simulation `classify`. The cache is borrowed only to
/// read and to store, never while a row is simulated, so a trap inside a simulation (a panic
/// aborts the wasm call: no borrow would ever be released) cannot leave it borrowed for every
/// other widget on the page.
fn fill_representative(rows: usize, classify: impl Fn(usize) -> Option<Symbols>) -> bool {
    let pending: Vec<usize> = REPRESENTATIVE.with(|cache| {
        cache.try_borrow().map_or(Vec::new(), |cache| {
            (0..cache.len())
                .filter(|&i| cache[i].is_none())
                .take(rows)
                .collect()
        })
    });
    for i in pending {
        let symbols = classify(i);
        REPRESENTATIVE.with(|cache| {
            if let Ok(mut cache) = cache.try_borrow_mut() {
                cache[i] = Some(symbols);
            }
        });
    }
    REPRESENTATIVE.with(|cache| {
        cache
            .try_borrow()
            .is_ok_and(|cache| cache.iter().any(Option::is_none))
    })
}

/// "++ · →0 · L" for a row's three columns.
pub fn symbols_text(s: &Symbols) -> String {
    [Some(s.growth), s.labor_share, s.wages]
        .iter()
        .flatten()
        .copied()
        .collect::<Vec<_>>()
        .join(" · ")
}

fn unknown_row(attribute: &str, value: &str) -> InputError {
    let ids: Vec<&str> = CATALOG.iter().map(|r| r.id).collect();
    InputError::new(
        attribute,
        value,
        "is not a row of the tables",
        format!("one of: {}", ids.join(", ")),
    )
}

/// A row's run that failed, as the widget's message: naming the row (the author's scenario, or
/// the row chosen in the table), never an empty attribute.
fn model_failure(row: &ScenarioRow, e: ModelError) -> InputError {
    match e {
        ModelError::Param(p) => InputError::new(
            p.name,
            &format_number(p.value),
            "is outside this row's model range",
            format!("valid range {}", p.domain),
        ),
        other => InputError::new(
            "scenario",
            row.id,
            "could not be simulated",
            format!("{other}"),
        ),
    }
}

/// The scenarios diagram's state.
#[derive(Debug, Clone)]
pub struct ScenariosDiagram {
    embedded: Option<&'static ScenarioRow>,
    row: &'static ScenarioRow,
    run: Option<Run>,
    current: Result<Symbols, String>,
    used: Vec<(&'static str, f64)>,
}

impl ScenariosDiagram {
    fn row_params(row: &ScenarioRow) -> Vec<&'static str> {
        let mut names: Vec<&'static str> = row
            .coverage
            .iter()
            .map(|c| c.param)
            .filter(|p| SPEC.param(p).is_some())
            .collect();
        names.push("years");
        names
    }

    /// "ρ = 0.5, T = 400": the parameters this run used.
    fn used_text(&self) -> String {
        let used: Vec<String> = self
            .used
            .iter()
            .map(|(k, v)| format!("{k} = {}", format_number(*v)))
            .collect();
        crate::joined(&used, ", ")
    }

    fn panels(&self) -> Vec<(&'static str, &'static str, f64)> {
        // (series, axis title, scale to display)
        let Some(run) = &self.run else {
            return Vec::new();
        };
        if run.series("labor_share").is_some() {
            vec![
                ("g_Y", "growth (%/yr)", 100.0),
                ("labor_share", "labor share (%)", 100.0),
                ("ln_wage", "ln wage", 1.0),
            ]
        } else {
            vec![
                ("g_B", "growth (%/yr)", 100.0),
                ("ln_B", "ln technology", 1.0),
            ]
        }
    }
}

impl DiagramKind for ScenariosDiagram {
    fn spec() -> &'static KindSpec {
        &SPEC
    }

    fn from_params(p: &Params) -> Result<Self, InputError> {
        let embedded = match p.option("scenario") {
            Some(id) => Some(catalog::find(id).ok_or_else(|| unknown_row("scenario", id))?),
            None => None,
        };
        let row = match (embedded, p.option("selected")) {
            (Some(row), _) => row,
            (None, Some(id)) => catalog::find(id).ok_or_else(|| unknown_row("selected", id))?,
            (None, None) => &CATALOG[1],
        };
        let values: Vec<(&'static str, String)> = Self::row_params(row)
            .into_iter()
            .filter_map(|name| {
                let value = p.named(name)?;
                Some((name, format!("{}", growth_model::format::Digits(value, 15))))
            })
            .collect();
        let overrides: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let run = catalog::run_row(row, &overrides).map_err(|e| model_failure(row, e))?;
        let used: Vec<(&'static str, f64)> = Self::row_params(row)
            .into_iter()
            .filter_map(|name| Some((name, p.named(name)?)))
            .collect();
        // A run the classifier refuses (stopped early, too short) is shown with its reason, not symbols.
        let current = catalog::counterfactual(row, &overrides)
            .and_then(|c| catalog::classify(&run, c))
            .map_err(|e: ClassifyError| e.to_string());
        let run = Some(run);
        Ok(ScenariosDiagram {
            embedded,
            row,
            run,
            current,
            used,
        })
    }

    fn option_changed(params: &mut Params, name: &str) {
        let Some(row) = params.option(name).and_then(catalog::find) else {
            return;
        };
        // A newly chosen row starts at its own representative point and horizon.
        for (param, value) in catalog::representative(row) {
            if let Some(v) = growth_model::parse_decimal(&value) {
                let _ = params.set(param, v);
            }
        }
        if let Some((_, years)) = row.params.iter().find(|(k, _)| *k == "years") {
            if let Some(v) = growth_model::parse_decimal(years) {
                let _ = params.set("years", growth_model::clamp(v, 50.0, 2000.0));
            }
        }
    }
}

impl Diagram for ScenariosDiagram {
    fn active_params(&self) -> Option<Vec<&'static str>> {
        Some(Self::row_params(self.row))
    }

    fn table(&self) -> Option<Table> {
        let rows = CATALOG
            .iter()
            .enumerate()
            .filter(|(_, row)| self.embedded.is_none_or(|e| e.id == row.id))
            .map(|(i, row)| {
                let selected = row.id == self.row.id;
                let simulated = if selected {
                    Some(self.current.as_ref().ok().copied())
                } else {
                    representative_symbols(i)
                };
                let result = match simulated {
                    None => Cell::text("computing…"),
                    Some(Some(s)) if s == row.paper => Cell::symbols(symbols_text(&s)),
                    Some(Some(s)) => Cell::mismatch(symbols_text(&s)),
                    Some(None) => Cell::mismatch("not classified"),
                };
                TableRow {
                    id: row.id,
                    cells: vec![
                        Cell::text(row.table),
                        Cell::text(row.label),
                        Cell::text(row.sources),
                        Cell::symbols(symbols_text(&row.paper)),
                        result,
                    ],
                    selected,
                }
            })
            .collect();
        Some(Table {
            caption: "Scenarios of the review: the paper's symbols (growth · labor share · wages) and ours".into(),
            columns: COLUMNS.to_vec(),
            rows,
            select: if self.embedded.is_some() { "scenario" } else { "selected" },
            embed: Some("scenario"),
        })
    }

    fn work(&mut self) -> Work {
        // Only the full table needs every row; an embedded row is simulated already.
        Work {
            more: self.embedded.is_none() && compute_representative(2),
            redraw: false,
        }
    }

    fn draw(&self, root: &Root<'_>, theme: &Theme) -> Drawing {
        clear(root, theme)?;
        let (w, _) = root.dim_in_pixel();
        let (band, body) = cut(root, theme.upx(28.0), false);
        let verdict = match &self.current {
            Ok(s) if *s == self.row.paper => format!(
                "paper {} · model {} ✓",
                symbols_text(&self.row.paper),
                symbols_text(s)
            ),
            Ok(s) => format!(
                "paper {} · model {} ✗ mismatch",
                symbols_text(&self.row.paper),
                symbols_text(s)
            ),
            // The reason is a sentence: it wraps in the Simulated readout, not across the canvas.
            Err(_) => format!("paper {} · ✗ not classified", symbols_text(&self.row.paper)),
        };
        band.draw(&Text::new(
            verdict,
            (theme.px(8.0), theme.px(4.0)),
            theme.anchored(13.0, theme.accent, HPos::Left, VPos::Top),
        ))?;
        let Some(run) = &self.run else {
            return Ok(Vec::new());
        };
        let panels = self.panels();
        let css_width = w as f64 / theme.scale;
        let areas = if css_width >= 640.0 {
            cells(&body, panels.len(), true)
        } else {
            cells(&body, panels.len(), false)
        };
        let t_end = run.t.last().copied().unwrap_or(1.0).max(1e-9);
        for (area, (series, title, scale)) in areas.iter().zip(panels) {
            let Some(values) = run.series(series) else {
                continue;
            };
            let points: Vec<(f64, f64)> = run
                .t
                .iter()
                .zip(values)
                .map(|(t, v)| (*t, v * scale))
                .filter(|p| p.1 > growth_model::exogenous::LN_ZERO_WAGE / 2.0)
                .collect();
            // Growth rates near a singularity run to infinity: show up to 4× the rate at 80% of the run, clipped.
            let (lo, hi) = if series.starts_with("g_") {
                let g_ref = growth_model::trend::value_at(&run.t, values, 0.8 * t_end) * scale;
                let top = points
                    .iter()
                    .map(|p| p.1)
                    .fold(0.0, f64::max)
                    .min((g_ref.abs() * 4.0).max(2.0));
                (points.iter().map(|p| p.1).fold(0.0, f64::min), top.max(0.5))
            } else if series == "labor_share" {
                (0.0, 100.0)
            } else {
                let lo = points.iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
                let hi = points.iter().map(|p| p.1).fold(f64::NEG_INFINITY, f64::max);
                if lo.is_finite() && hi.is_finite() && hi > lo {
                    (lo, hi + 0.05 * (hi - lo))
                } else {
                    (lo.min(0.0), lo.max(0.0) + 1.0)
                }
            };
            let chart = Chart::new(area, theme, Frame::new(8.0, 46.0, 36.0), 0.0..t_end, lo..hi);
            draw_axes(area, &chart, theme, &Axes::new("Years", title, 5, 5))?;
            if series.starts_with("g_") {
                // The no-AI growth rate the symbols are read against, dashed.
                let point: Vec<(&str, String)> = self
                    .used
                    .iter()
                    .map(|(k, v)| (*k, format!("{}", growth_model::format::Digits(*v, 15))))
                    .collect();
                let point: Vec<(&str, &str)> =
                    point.iter().map(|(k, v)| (*k, v.as_str())).collect();
                let base = catalog::counterfactual(self.row, &point)
                    .ok()
                    .flatten()
                    .map_or(f64::NAN, |c| c.growth * 100.0);
                if base.is_finite() && base < hi && base > lo {
                    chart.dashed(
                        vec![(0.0, base), (t_end, base)],
                        theme.upx(5.0),
                        theme.upx(4.0),
                        theme.muted.stroke_width(theme.upx(1.0)),
                    )?;
                }
            }
            for segment in clip_polyline(&points, 0.0, t_end, lo, hi) {
                chart.line(segment, theme.series[0].stroke_width(theme.upx(2.5)))?;
            }
        }
        Ok(Vec::new())
    }

    fn describe(&self) -> String {
        let row = self.row;
        let used = self.used_text();
        let mismatches: String = row
            .mismatches
            .iter()
            .map(|m| {
                // Where in the class it occurs, so a reader moving a control knows when to expect
                // it: at the controls' values, where the interval moves with another parameter.
                let param = if m.param.is_empty() {
                    row.coverage.first().map_or("", |c| c.param)
                } else {
                    m.param
                };
                let within = match (
                    m.within == catalog::EVERYWHERE,
                    m.interval_at(row, &self.used),
                ) {
                    (true, _) => String::new(),
                    // Six significant digits: the edges are closed forms such as 0.0066 and
                    // 0.991304, which the readouts' three decimals would round off.
                    (false, Some((lo, hi))) => format!(
                        ", {param} in [{}, {}]{}",
                        growth_model::format::Digits(lo, 6),
                        growth_model::format::Digits(hi, 6),
                        if m.scale == catalog::Scale::Units {
                            ""
                        } else {
                            " at these values"
                        }
                    ),
                    (false, None) => ", nowhere at these values".to_string(),
                };
                format!(
                    " Mismatch ({}: {}{within}): {}",
                    m.column, m.simulated, m.reason
                )
            })
            .collect();
        match &self.current {
            Ok(s) => format!(
                "“{}” ({}), table “{}”: the paper says {}; simulated with the {} model ({used}), the numbers give {}{}. {}{mismatches}",
                row.label,
                row.sources,
                row.table,
                symbols_text(&row.paper),
                row.model,
                symbols_text(s),
                if *s == row.paper { ", a match" } else { ", which does not match the paper" },
                row.rationale
            ),
            Err(e) => format!(
                "“{}” ({}), table “{}”: the paper says {}; simulated with the {} model ({used}), the run is {e}.",
                row.label,
                row.sources,
                row.table,
                symbols_text(&row.paper),
                row.model
            ),
        }
    }

    fn readouts(&self) -> Vec<Readout> {
        vec![
            Readout::new("paper", "Paper", symbols_text(&self.row.paper)),
            Readout::new(
                "simulated",
                "Simulated",
                self.current
                    .as_ref()
                    .map_or_else(|e| e.clone(), symbols_text),
            ),
            Readout::new("model", "Model", self.row.model.into()),
            Readout::new("params", "Parameters", self.used_text()),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_row_cache_is_free_while_a_row_is_simulated() {
        let more = fill_representative(CATALOG.len(), |i| {
            let free = REPRESENTATIVE.with(|cache| cache.try_borrow_mut().is_ok());
            assert!(free, "the cache is borrowed while row {i} is simulated");
            classify(i)
        });
        assert!(!more);
        for i in 0..CATALOG.len() {
            assert_eq!(representative_symbols(i), Some(classify(i)), "row {i}");
        }
    }

    #[test]
    fn a_research_capital_band_is_described_at_the_controls_phi() {
        // At φ = −5, g_Z = 0.006 the run reads `-`: the description names the `-` band there,
        // g_Z ∈ [0.1, 0.9]·0.01·5/6, not the φ = −0.5 band [0.000333, 0.003] it printed before.
        let mut p = Params::defaults(&SPEC);
        p.set_option("scenario", Some("tech-low-feedback-research-capital"));
        for (name, value) in [("phi", -5.0), ("g_Z", 0.006), ("years", 1000.0)] {
            assert!(p.set(name, value).is_ok(), "{name}");
        }
        let d = ScenariosDiagram::from_params(&p).unwrap_or_else(|e| panic!("{}", e.message));
        assert_eq!(d.current.as_ref().map(|s| s.growth), Ok("-"));
        let text = d.describe();
        let band = format!(
            "Mismatch (growth: -, g_Z in [{}, {}] at these values)",
            growth_model::format::Digits(0.1 * 0.01 * 5.0 / 6.0, 6),
            growth_model::format::Digits(0.9 * 0.01 * 5.0 / 6.0, 6)
        );
        assert!(text.contains(&band), "{band} not in {text}");
    }

    #[test]
    fn a_cache_left_borrowed_still_gives_every_row() {
        // What a trap in the middle of a borrow would leave (the wasm aborts: nothing is dropped).
        REPRESENTATIVE.with(|cache| std::mem::forget(cache.borrow_mut()));
        assert!(
            !compute_representative(2),
            "no work is scheduled that cannot be stored"
        );
        for i in [0, CATALOG.len() - 1] {
            assert_eq!(representative_symbols(i), Some(classify(i)), "row {i}");
        }
    }
}
