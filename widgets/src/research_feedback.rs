//! `kind="research-feedback"` — "Research feedback φ and singularities": technology
//! Ḃ = θ B^φ (S L e^{nt})^λ over a chosen horizon, its growth rate, and the regime the model
//! finds: growth dies out, steady exponential, type I, or type II at a computed blow-up time
//! (episode slide "Endogenous Growth"; Jones 1995; Bloom et al. 2020: φ ≈ −2.1). With
//! "scientists made of capital" the researchers are robots accumulated from output.

use crate::plot::{clear, clip_polyline, cut, draw_axes, label, split_panels, Axes, Chart, Frame};
use crate::spec::{format_number, InputError, KindSpec, Param, ParamSpec, Params, Preset};
use crate::theme::Theme;
use crate::{model_error, Diagram, DiagramKind, Drawing, Readout, Root};
use growth_model::research::{ResearchFeedback, ResearchRun, RobotScientists, BLOOM_PHI};
use growth_model::Doc;
use growth_model::Trend;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

static PHI_MARKS: &[(f64, &str)] = &[
    (BLOOM_PHI, "Bloom et al. 2020: −2.1"),
    (0.2, "Moore's law: slightly > 0"),
    (1.0, "φ = 1"),
    (1.6, "φ > 1: type II"),
];

/// The parameters, in control order: declared once, read through typed handles.
#[rustfmt::skip]
const PARAMS: &[ParamSpec] = &[
    ParamSpec::number("phi", "φ", "Research feedback φ", (-3.0, 2.0, 0.01), 0.5, "", "Above 0, past ideas help find new ones; below 0, ideas get harder to find (fishing out).")
        .with_marks(PHI_MARKS),
    ParamSpec::number("lambda", "λ", "Returns to research effort λ", (0.1, 2.0, 0.05), 1.0, "", "Below 1: duplicated work; above 1: researchers complement each other."),
    ParamSpec::number("n", "n", "Growth of scientists n", (0.0, 0.05, 0.001), 0.01, "/yr", "How fast the number of researchers grows each year."),
    ParamSpec::number("theta", "θ", "Research productivity θ", (0.01, 1.0, 0.01), 0.05, "", "How much technology one unit of research effort produces."),
    ParamSpec::number("years", "T", "Horizon", (10.0, 1000.0, 10.0), 300.0, " yr", "How many years to simulate."),
    ParamSpec::switch("robots", "Scientists made of capital", false, "Researchers are robots built from saved output: the loop that can turn growth super-exponential."),
];

/// This kind's parameters as typed handles: a name `PARAMS` does not declare fails to compile.
struct P;

impl P {
    const PHI: Param = Param::named(PARAMS, "phi");
    const LAMBDA: Param = Param::named(PARAMS, "lambda");
    const N: Param = Param::named(PARAMS, "n");
    const THETA: Param = Param::named(PARAMS, "theta");
    const YEARS: Param = Param::named(PARAMS, "years");
    const ROBOTS: Param = Param::named(PARAMS, "robots");
}

static SPEC: KindSpec = KindSpec {
    kind: "research-feedback",
    title: Doc::new("Research feedback φ and singularities"),
    summary: Doc::new("Ḃ = θ B^φ (S L)^λ: whether past inventions make the next ones easier decides if growth fades, holds steady, or explodes."),
    height: 420,
    params: PARAMS,
    presets: &[
        Preset { name: "bloom", label: Doc::new("Bloom et al.: φ = −2.1"), values: &[("phi", BLOOM_PHI), ("robots", 0.0)] },
        Preset { name: "constant-scientists", label: Doc::new("No growth in scientists"), values: &[("n", 0.0), ("robots", 0.0)] },
        Preset { name: "knife-edge", label: Doc::new("φ = 1"), values: &[("phi", 1.0), ("n", 0.0), ("robots", 0.0)] },
        Preset { name: "type-ii", label: Doc::new("φ = 1.5: type II"), values: &[("phi", 1.5), ("n", 0.0), ("robots", 0.0)] },
        Preset { name: "robot-scientists", label: Doc::new("Robot scientists"), values: &[("phi", -0.5), ("robots", 1.0)] },
    ],
        play: None,
    options: &[],
};

/// Scientists' share and initial labor force: research effort S·L = 0.1 at t = 0.
const SHARE: f64 = 0.1;
const LABOR: f64 = 1.0;

/// What the two panels show: ln B and g_B samples with their y-ranges.
struct Window {
    log_b: Vec<(f64, f64)>,
    growth: Vec<(f64, f64)>,
    b_range: (f64, f64),
    g_range: (f64, f64),
}

/// The research-feedback diagram's state.
#[derive(Debug, Clone)]
pub struct ResearchDiagram {
    model: ResearchFeedback,
    robots: bool,
    years: f64,
    run: ResearchRun,
}

impl ResearchDiagram {
    fn blowup(&self) -> Option<growth_model::Blowup> {
        match self.run.trend {
            Trend::TypeII(b) => Some(b),
            _ => None,
        }
    }

    fn regime_text(&self) -> String {
        self.regime_line(0)
    }

    /// The regime in words, shorter with each `brevity` (0 full, 1 "type II at …", 2 without
    /// "(past the horizon)") for narrow figures; formatted, not edited, to keep the wasm small.
    fn regime_line(&self, brevity: usize) -> String {
        let name = if brevity == 0 {
            "type II singularity"
        } else {
            "type II"
        };
        match self.run.trend {
            Trend::TypeII(b) if b.time <= self.years || brevity >= 2 => {
                format!("{name} at t ≈ {}", format_number(b.time))
            }
            Trend::TypeII(b) => {
                format!("{name} at t ≈ {} (past the horizon)", format_number(b.time))
            }
            Trend::Steady(g) => format!(
                "steady exponential growth at {}% a year",
                format_number(g * 100.0)
            ),
            Trend::TypeI => "type I: the growth rate rises without bound".into(),
            Trend::DiesOut => "growth dies out".into(),
        }
    }

    /// The years both panels show: the horizon, or a tenth past the run's end when it stops
    /// before it (a blow-up at t ≈ 6.9 on a 1000-year axis was a vertical line at the edge).
    fn years_shown(&self) -> f64 {
        let last = self.run.t.last().copied().unwrap_or(self.years);
        let end = self.blowup().map_or(last, |b| b.time.max(last));
        if end < self.years {
            (end * 1.1).min(self.years)
        } else {
            self.years
        }
    }

    /// Samples to draw: the run, cut where it leaves a readable window.
    fn window(&self) -> Window {
        let t_max = self.blowup().map_or(self.years, |b| b.time.min(self.years));
        let log_b: Vec<(f64, f64)> = self
            .run
            .t
            .iter()
            .zip(&self.run.ln_b)
            .map(|(t, v)| (*t, *v))
            .collect();
        let growth: Vec<(f64, f64)> = self
            .run
            .t
            .iter()
            .zip(&self.run.g_b)
            .map(|(t, v)| (*t, v * 100.0))
            .collect();
        // Near a blow-up the rate runs to infinity: show it up to the point it is 8× the rate at 80% of the way.
        let reference_time = 0.8 * t_max;
        let g_ref =
            growth_model::trend::value_at(&self.run.t, &self.run.g_b, reference_time) * 100.0;
        let g_cap = if self.blowup().is_some() || matches!(self.run.trend, Trend::TypeI) {
            (g_ref * 8.0).max(growth.first().map_or(1.0, |p| p.1) * 2.0)
        } else {
            growth.iter().map(|p| p.1).fold(0.0, f64::max) * 1.1
        };
        let balanced = self
            .model
            .balanced_growth_rate()
            .filter(|g| !self.robots && *g > 0.0)
            .map_or(0.0, |g| g * 100.0 * 1.15);
        let g_max = growth
            .iter()
            .map(|p| p.1)
            .fold(0.0, f64::max)
            .min(g_cap)
            .max(balanced)
            .max(0.05);
        let b_lo = log_b.iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
        let b_ref = growth_model::trend::value_at(&self.run.t, &self.run.ln_b, 0.97 * t_max);
        let b_hi = log_b
            .iter()
            .map(|p| p.1)
            .fold(f64::NEG_INFINITY, f64::max)
            .min(if self.blowup().is_some() {
                b_ref + 2.0
            } else {
                f64::INFINITY
            });
        let b_hi = if b_hi - b_lo < 0.5 {
            b_lo + 0.5
        } else {
            b_hi + 0.05 * (b_hi - b_lo)
        };
        Window {
            log_b,
            growth,
            b_range: (b_lo, b_hi),
            g_range: (0.0, g_max * 1.05),
        }
    }
}

impl DiagramKind for ResearchDiagram {
    fn spec() -> &'static KindSpec {
        &SPEC
    }

    fn from_params(p: &Params) -> Result<Self, InputError> {
        let robots = p.get(P::ROBOTS) >= 0.5;
        let years = p.get(P::YEARS);
        let model = ResearchFeedback::new(
            1.0,
            p.get(P::PHI),
            p.get(P::LAMBDA),
            p.get(P::THETA),
            SHARE,
            LABOR,
            p.get(P::N),
        )
        .map_err(model_error)?;
        let run = if robots {
            RobotScientists::new(
                p.get(P::PHI),
                p.get(P::LAMBDA),
                p.get(P::THETA),
                SHARE,
                0.3,
                0.05,
                0.5,
            )
            .map_err(model_error)?
            .simulate(years)
        } else {
            model.simulate(years)
        }
        .map_err(|e| {
            InputError::new("kind", SPEC.kind, "could not be simulated", format!("{e}"))
        })?;
        Ok(ResearchDiagram {
            model,
            robots,
            years,
            run,
        })
    }
}

impl Diagram for ResearchDiagram {
    fn draw(&self, root: &Root<'_>, theme: &Theme) -> Drawing {
        clear(root, theme)?;
        // The regime, from the model, in a band above the panels.
        let (band, panels) = cut(root, theme.upx(22.0), false);
        let style = theme.anchored(13.0, theme.accent, HPos::Left, VPos::Top);
        let room = band.dim_in_pixel().0 as i32 - 2 * theme.px(8.0);
        // A narrow figure gets a shorter wording rather than a regime cut off at the edge.
        let mut regime = self.regime_line(2);
        for brevity in 0..2 {
            let candidate = self.regime_line(brevity);
            if band.estimate_text_size(&candidate, &style)?.0 as i32 <= room {
                regime = candidate;
                break;
            }
        }
        band.draw(&Text::new(regime, (theme.px(8.0), theme.px(4.0)), style))?;
        let (left, right) = split_panels(&panels, theme, 0.5);
        let Window {
            log_b,
            growth,
            b_range: (b_lo, b_hi),
            g_range: (g_lo, g_hi),
        } = self.window();
        let blowup = self.blowup().filter(|b| b.time <= self.years);
        let years = self.years_shown();
        let symbol = if self.robots { "A" } else { "B" };
        for (index, area) in [left, right].iter().enumerate() {
            let (points, lo, hi, y_desc) = if index == 0 {
                (&log_b, b_lo, b_hi, format!("ln {symbol}(t), technology"))
            } else {
                (&growth, g_lo, g_hi, format!("growth g_{symbol} (%/yr)"))
            };
            let chart = Chart::new(
                area,
                theme,
                Frame::new(10.0, 46.0, 38.0),
                0.0..years,
                lo..hi,
            );
            draw_axes(area, &chart, theme, &Axes::new("Years", &y_desc, 6, 6))?;
            for run in clip_polyline(points, 0.0, years, lo, hi) {
                chart.line(run, theme.series[0].stroke_width(theme.upx(2.5)))?;
            }
            if index == 1 {
                if let Some(g) = self
                    .model
                    .balanced_growth_rate()
                    .filter(|g| !self.robots && *g * 100.0 < hi && *g > 0.0)
                {
                    let line = vec![(0.0, g * 100.0), (years, g * 100.0)];
                    chart.dashed(
                        line,
                        theme.upx(5.0),
                        theme.upx(4.0),
                        theme.muted.stroke_width(theme.upx(1.5)),
                    )?;
                    label(
                        &chart,
                        "λn/(1−φ)",
                        (years, g * 100.0),
                        theme.anchored(11.0, theme.muted, HPos::Right, VPos::Bottom),
                    )?;
                }
            }
            if let Some(b) = blowup {
                chart.draw(&PathElement::new(
                    vec![(b.time, lo), (b.time, hi)],
                    theme.accent.stroke_width(theme.upx(2.0)),
                ))?;
                let blowup_text = format!("blow-up t ≈ {}", format_number(b.time));
                label(
                    &chart,
                    blowup_text,
                    (b.time, hi),
                    theme.anchored(12.0, theme.accent, HPos::Right, VPos::Top),
                )?;
            }
        }
        Ok(Vec::new())
    }

    fn describe(&self) -> String {
        let m = &self.model;
        let feedback = if m.phi > 1.0 {
            "each invention makes the next so much easier that technology reaches infinity in finite time"
        } else if m.phi == 1.0 {
            "ideas neither get harder nor easier to find, so a constant number of scientists sustains exponential growth"
        } else if m.phi > 0.0 {
            "past ideas help, but not enough to sustain growth without ever more scientists"
        } else {
            "ideas get harder to find (fishing out), so growth needs ever more scientists"
        };
        let who = if self.robots {
            "Scientists are robots made of saved output, so research effort grows with the economy. "
        } else {
            ""
        };
        let balanced = match m.balanced_growth_rate() {
            Some(g) if !self.robots => format!(
                " With scientists growing at {}% a year, growth tends to λn/(1−φ) = {}% a year.",
                format_number(m.n * 100.0),
                format_number(g * 100.0)
            ),
            _ => String::new(),
        };
        let g_end = self.run.g_b.last().copied().unwrap_or(0.0);
        let t_end = self.run.t.last().copied().unwrap_or(self.years);
        let path = match self.blowup().filter(|b| b.time <= self.years) {
            Some(b) => format!(
                "technology reaches infinity at t ≈ {}",
                format_number(b.time)
            ),
            None => format!(
                "by year {} technology grows {}% a year",
                format_number(t_end),
                format_number(g_end * 100.0)
            ),
        };
        format!(
            "{who}φ = {}: {feedback}. Over the {} years shown: {path}; the model finds {}.{balanced}",
            format_number(m.phi),
            format_number(self.years),
            self.regime_text()
        )
    }

    fn readouts(&self) -> Vec<Readout> {
        let g_end = self.run.g_b.last().copied().unwrap_or(0.0);
        vec![
            Readout::new("regime", "Regime", self.run.trend.label().into()),
            Readout::new(
                "blowup",
                "Blow-up time",
                self.blowup()
                    .map_or("none".into(), |b| format!("{} yr", format_number(b.time))),
            ),
            Readout::new(
                "growth_end",
                "Growth at the end",
                match self.blowup().filter(|b| b.time <= self.years) {
                    Some(b) => format!("→ ∞ at t ≈ {}", format_number(b.time)),
                    None => format!("{}%/yr", format_number(g_end * 100.0)),
                },
            ),
            Readout::new(
                "balanced",
                "λn/(1−φ)",
                self.model
                    .balanced_growth_rate()
                    .filter(|_| !self.robots)
                    .map_or("—".into(), |g| {
                        format!("{}%/yr", format_number(g * 100.0))
                    }),
            ),
        ]
    }

    fn probe(&self, what: &str, _arg: f64) -> Option<Vec<f64>> {
        match what {
            // [blow-up time, its error] when the model finds one.
            "blowup" => self.blowup().map(|b| vec![b.time, b.error]),
            // [first, last] year on both panels' x axes.
            "years_shown" => Some(vec![0.0, self.years_shown()]),
            // [final growth rate, balanced growth rate or NaN]
            "growth" => Some(vec![
                self.run.g_b.last().copied().unwrap_or(0.0),
                self.model.balanced_growth_rate().unwrap_or(f64::NAN),
            ]),
            _ => None,
        }
    }
}
