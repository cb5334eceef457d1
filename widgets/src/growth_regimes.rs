//! `kind="growth-regimes"` — the four scenarios of the episode's slides on one figure:
//! constant exponential growth, a one-off increase of the industrial revolution's size
//! (×20), a type I singularity (the growth rate itself grows), and a type II singularity
//! (halving doubling times: infinite output at twice the first doubling time), with the
//! "transformative" threshold line and when each path crosses it (Trammell & Korinek §1).

use crate::plot::{clear, clip_polyline, draw_axes, label, split_panels, Axes, Chart, Frame};
use crate::spec::{format_number, InputError, KindSpec, Param, ParamSpec, Params, Preset};
use crate::theme::Theme;
use crate::{model_error, Diagram, DiagramKind, Drawing, Readout, Root};
use growth_model::regimes::{GrowthRegime, Scenario, INDUSTRIAL_REVOLUTION_MULTIPLE};
use growth_model::Doc;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

/// The parameters, in control order: declared once, read through typed handles.
#[rustfmt::skip]
const PARAMS: &[ParamSpec] = &[
    ParamSpec::number("g", "g", "Growth today g", (0.005, 0.05, 0.001), 0.02, "/yr", "The growth rate all four paths start from."),
    ParamSpec::number("multiple", "×", "One-off increase ×", (1.0, 40.0, 1.0), INDUSTRIAL_REVOLUTION_MULTIPLE, "", "The industrial revolution multiplied growth about 20-fold (0.1 % → 2 %)."),
    ParamSpec::number("switch_time", "t₀", "Year of the increase", (0.0, 100.0, 1.0), 20.0, " yr", "When the one-off increase happens."),
    ParamSpec::number("acceleration", "k", "Type I: growth of growth k", (0.01, 0.2, 0.005), 0.05, "/yr", "In type I the growth rate itself grows at this rate."),
    ParamSpec::number("first_doubling", "d", "Type II: first doubling time d", (2.0, 100.0, 1.0), 35.0, " yr", "Each doubling takes half as long as the last; output is infinite at 2d."),
    ParamSpec::number("threshold", "θ", "Transformative threshold", (0.05, 0.5, 0.01), 0.12, "/yr", "The growth rate the episode would call transformative: 12–15 %, or 40 % (20 × 2 %)."),
    ParamSpec::number("years", "T", "Horizon", (20.0, 200.0, 5.0), 100.0, " yr", "Years shown."),
];

/// This kind's parameters as typed handles: a name `PARAMS` does not declare fails to compile.
struct P;

impl P {
    const G: Param = Param::named(PARAMS, "g");
    const MULTIPLE: Param = Param::named(PARAMS, "multiple");
    const SWITCH_TIME: Param = Param::named(PARAMS, "switch_time");
    const ACCELERATION: Param = Param::named(PARAMS, "acceleration");
    const FIRST_DOUBLING: Param = Param::named(PARAMS, "first_doubling");
    const THRESHOLD: Param = Param::named(PARAMS, "threshold");
    const YEARS: Param = Param::named(PARAMS, "years");
}

static SPEC: KindSpec = KindSpec {
    kind: "growth-regimes",
    title: Doc::new("Four growth scenarios"),
    summary: Doc::new("Constant growth, a one-off jump like the industrial revolution, a type I singularity and a type II singularity, against the line where growth becomes transformative."),
    height: 420,
    params: PARAMS,
    presets: &[
        Preset { name: "episode", label: Doc::new("Episode: 12 % line"), values: &[("g", 0.02), ("multiple", 20.0), ("threshold", 0.12)] },
        Preset { name: "forty-percent", label: Doc::new("Another ×20: the 40 % line"), values: &[("threshold", 0.4)] },
        Preset { name: "industrial-revolution", label: Doc::new("Industrial revolution: 0.1 % → 2 %"), values: &[("g", 0.005), ("multiple", 4.0), ("threshold", 0.02)] },
    ],
        play: None,
    options: &[],
};

const SCENARIOS: [Scenario; 4] = [
    Scenario::Exponential,
    Scenario::Increase,
    Scenario::TypeI,
    Scenario::TypeII,
];
const NAMES: [&str; 4] = ["constant growth", "one-off increase", "type I", "type II"];

/// The four paths and their threshold crossings.
#[derive(Debug, Clone)]
pub struct RegimesDiagram {
    regimes: [GrowthRegime; 4],
    threshold: f64,
    years: f64,
}

impl RegimesDiagram {
    fn samples(&self, i: usize) -> (Vec<f64>, Vec<f64>, Vec<f64>) {
        let run = growth_model::models::regime_run(&self.regimes[i], self.years, self.threshold);
        let ln_y = run.series("ln_Y").map(<[f64]>::to_vec).unwrap_or_default();
        let g = run.series("g_Y").map(<[f64]>::to_vec).unwrap_or_default();
        (run.t, ln_y, g)
    }

    fn blowup(&self) -> f64 {
        self.regimes[3].blowup_time().unwrap_or(f64::INFINITY)
    }
}

impl DiagramKind for RegimesDiagram {
    fn spec() -> &'static KindSpec {
        &SPEC
    }

    fn from_params(p: &Params) -> Result<Self, InputError> {
        let make = |s| {
            GrowthRegime::new(
                s,
                p.get(P::G),
                p.get(P::MULTIPLE),
                p.get(P::SWITCH_TIME),
                p.get(P::ACCELERATION),
                p.get(P::FIRST_DOUBLING),
            )
            .map_err(model_error)
        };
        Ok(RegimesDiagram {
            regimes: [
                make(SCENARIOS[0])?,
                make(SCENARIOS[1])?,
                make(SCENARIOS[2])?,
                make(SCENARIOS[3])?,
            ],
            threshold: p.get(P::THRESHOLD),
            years: p.get(P::YEARS),
        })
    }
}

/// Dash and gap (CSS px) of each path, so no path is told apart by colour alone: constant
/// growth solid, the one-off increase dashed, type I dotted, type II in long dashes.
const DASHES: [Option<(f64, f64)>; 4] =
    [None, Some((9.0, 5.0)), Some((2.0, 4.0)), Some((20.0, 4.0))];

/// Path `i` (its colour and dash pattern) through `points`.
fn path<DB: DrawingBackend>(
    chart: &Chart<DB>,
    points: Vec<(f64, f64)>,
    i: usize,
    theme: &Theme,
) -> crate::plot::DrawResult<DB> {
    let style = theme.series[i].stroke_width(theme.upx(2.5));
    match DASHES[i] {
        Some((dash, gap)) => chart.dashed(points, theme.upx(dash), theme.upx(gap), style),
        None => chart.line(points, style),
    }
}

impl Diagram for RegimesDiagram {
    fn draw<'a>(&self, root: &Root<'a>, theme: &Theme) -> Drawing {
        clear(root, theme)?;
        let (left, right) = split_panels(root, theme, 0.5);
        let paths: Vec<(Vec<f64>, Vec<f64>, Vec<f64>)> = (0..4).map(|i| self.samples(i)).collect();
        // Log-output window: three times where constant growth ends up (at least ln Y = 20);
        // the faster paths leave through the top and are clipped there.
        let steady_top = paths[0].1.iter().copied().fold(1.0, f64::max);
        let ln_top = (steady_top * 3.0).max(20.0);
        let g_top = (self.threshold * 2.5)
            .max(self.regimes[1].rate * self.regimes[1].multiple * 1.25)
            .max(0.05)
            * 100.0;
        let blowup = self.blowup();

        // Both panels run over the same years in the same frame, from 0 up to `top`.
        let over_years = |area: &Root<'a>, top: f64| {
            Chart::new(
                area,
                theme,
                Frame::new(10.0, 46.0, 38.0),
                0.0..self.years,
                0.0..top,
            )
        };
        let chart = over_years(&left, ln_top);
        draw_axes(
            &left,
            &chart,
            theme,
            &Axes::new("Years", "ln(Y / Y today)", 6, 6),
        )?;
        for (i, (t, ln_y, _)) in paths.iter().enumerate() {
            let points: Vec<(f64, f64)> = t.iter().copied().zip(ln_y.iter().copied()).collect();
            for run in clip_polyline(&points, 0.0, self.years, 0.0, ln_top) {
                path(&chart, run, i, theme)?;
            }
        }
        // Type II doublings: marks where output has doubled once, twice, … (d, d + d/2, …).
        if blowup <= self.years {
            for k in 1..=8u32 {
                if let Some(t) = self.regimes[3].doubling_time_at(k) {
                    let y = k as f64 * core::f64::consts::LN_2;
                    if y < ln_top && t < self.years {
                        chart.draw(&Circle::new(
                            (t, y),
                            theme.upx(3.0),
                            theme.series[3].filled(),
                        ))?;
                    }
                }
            }
            chart.draw(&PathElement::new(
                vec![(blowup, 0.0), (blowup, ln_top)],
                theme.series[3].stroke_width(theme.upx(1.5)),
            ))?;
            let style = theme.anchored(11.0, theme.series[3], HPos::Right, VPos::Top);
            label(
                &chart,
                format!("∞ at 2d = {}", format_number(blowup)),
                (blowup - self.years * 0.01, ln_top),
                style,
            )?;
        }

        let rates = over_years(&right, g_top);
        draw_axes(
            &right,
            &rates,
            theme,
            &Axes::new("Years", "growth rate (%/yr)", 6, 6),
        )?;
        let line = vec![
            (0.0, self.threshold * 100.0),
            (self.years, self.threshold * 100.0),
        ];
        rates.dashed(
            line,
            theme.upx(6.0),
            theme.upx(4.0),
            theme.accent.stroke_width(theme.upx(1.5)),
        )?;
        let threshold_text = format!("transformative: {}%", format_number(self.threshold * 100.0));
        label(
            &rates,
            threshold_text,
            (self.years * 0.02, self.threshold * 100.0),
            theme.anchored(11.0, theme.accent, HPos::Left, VPos::Bottom),
        )?;
        for (i, (t, _, g)) in paths.iter().enumerate() {
            let points: Vec<(f64, f64)> =
                t.iter().copied().zip(g.iter().map(|v| v * 100.0)).collect();
            for run in clip_polyline(&points, 0.0, self.years, 0.0, g_top) {
                path(&rates, run, i, theme)?;
            }
            if let Some(t) = self.regimes[i]
                .threshold_crossing(self.threshold)
                .filter(|t| *t <= self.years)
            {
                rates.draw(&Circle::new(
                    (t, self.threshold * 100.0),
                    theme.upx(5.0),
                    theme.series[i].filled(),
                ))?;
            }
        }
        // Legend: one line per scenario, top left of the rate panel.
        for (i, name) in NAMES.iter().enumerate() {
            let y = g_top * (0.95 - 0.07 * i as f64);
            path(
                &rates,
                vec![(self.years * 0.03, y), (self.years * 0.09, y)],
                i,
                theme,
            )?;
            label(
                &rates,
                name.to_string(),
                (self.years * 0.11, y),
                theme.anchored(11.0, theme.fg, HPos::Left, VPos::Center),
            )?;
        }
        Ok(Vec::new())
    }

    fn describe(&self) -> String {
        let crossing = |i: usize| match self.regimes[i].threshold_crossing(self.threshold) {
            Some(t) if t <= self.years => format!("crosses it in year {}", format_number(t)),
            Some(t) => format!(
                "would cross it in year {}, past the horizon",
                format_number(t)
            ),
            None => "never crosses it".to_string(),
        };
        let d = self.regimes[3].first_doubling;
        format!(
            "Four paths start at {}% growth. Against a transformative line of {}% a year: constant growth {}; a one-off ×{} increase in year {} {}; type I, where the growth rate itself grows {}% a year, {}; type II, whose doubling times halve ({} years, then {}, then {}…), {} and reaches infinite output at 2d = {} years.",
            format_number(self.regimes[0].rate * 100.0),
            format_number(self.threshold * 100.0),
            crossing(0),
            format_number(self.regimes[1].multiple),
            format_number(self.regimes[1].switch_time),
            crossing(1),
            format_number(self.regimes[2].acceleration * 100.0),
            crossing(2),
            format_number(d),
            format_number(d / 2.0),
            format_number(d / 4.0),
            crossing(3),
            format_number(2.0 * d),
        )
    }

    fn readouts(&self) -> Vec<Readout> {
        let cross = |i: usize| {
            self.regimes[i]
                .threshold_crossing(self.threshold)
                .map_or("never".into(), |t| format!("year {}", format_number(t)))
        };
        let mut times = [0.0; 3];
        let n = self.regimes[3].doubling_times(&mut times);
        let doubling: Vec<String> = times[..n].iter().map(|t| format_number(*t)).collect();
        let doubling = crate::joined(&doubling, ", ");
        vec![
            Readout::new("cross_constant", "Constant crosses", cross(0)),
            Readout::new("cross_increase", "One-off crosses", cross(1)),
            Readout::new("cross_type_i", "Type I crosses", cross(2)),
            Readout::new("cross_type_ii", "Type II crosses", cross(3)),
            Readout::new(
                "doublings",
                "Type II doubling times",
                format!("{doubling}, … yr"),
            ),
            Readout::new(
                "blowup",
                "Type II infinite at",
                format!("year {}", format_number(self.blowup())),
            ),
        ]
    }

    fn probe(&self, what: &str, _arg: f64) -> Option<Vec<f64>> {
        match what {
            // Threshold crossing of each scenario (NaN for never).
            "crossings" => Some(
                (0..4)
                    .map(|i| {
                        self.regimes[i]
                            .threshold_crossing(self.threshold)
                            .unwrap_or(f64::NAN)
                    })
                    .collect(),
            ),
            // [last sampled time, its ln Y, its growth rate, blow-up time] of the type II path as drawn.
            "type-ii" => {
                let (t, ln_y, g) = self.samples(3);
                Some(vec![*t.last()?, *ln_y.last()?, *g.last()?, self.blowup()])
            }
            _ => None,
        }
    }
}
