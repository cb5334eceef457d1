//! The literature review's scenario tables, live: one entry per table row of the episode
//! (Trammell & Korinek, "Economic Growth under Transformative AI", tables of §3–§5), each
//! with the model and parameters that represent it and the paper's classification; and one
//! classifier that reads any simulated run and returns the same symbols from its numbers.
//!
//! ## How the classifier decides (the same rules for every row)
//! The tables compare an AI scenario with the same economy without AI ("relative to today").
//! So every symbol is read against the run's **counterfactual**: the long-run growth rate g₀
//! and wage growth g_w0 of the same model without the AI mechanism — by default its pre-AI
//! balanced growth path in closed form ([`models::balanced_path`]: g_B + n and g_B when
//! capital is a gross complement of labor, Uzawa), or, where a row says so, a simulated run of
//! the same model with the AI switched off. No threshold is an absolute rate.
//! - Symbols are long-run. Where the model's t → ∞ behaviour has a closed form at the run's
//!   parameters ([`Run::analytic`]: research feedback for φ ≤ 1, research by capital (a rate
//!   rising without bound for 1 − φ − λ < 0, where a blow-up the run finds is kept), tasks that
//!   are gross complements with TFP growth, perfect substitutes without capital-augmenting
//!   growth, land under an LS constraint; each model's `long_run` cites its equation) they are read
//!   from it — the regime, the balanced rate, whether labor's share vanishes, the wage's rate —
//!   and the run is only drawn: next to a class edge (φ → 0⁻, n → 0⁺, ρ → 0⁻, sαA → δ⁺) the
//!   approach takes ∝ 1/distance years, so no finite run could tell, while the closed form does
//!   for every horizon. Elsewhere, where the model provides it ([`Run::long_run`], economy models) they
//!   are read from the run followed to 20 × its horizon, and research runs read their regime
//!   from the same lookahead, so extending the horizon cannot change them. g∞ is the trend's
//!   steady rate ([`crate::trend`]); g_w∞ is the Aitken limit of the wage growth at ½, ¾ and the
//!   end of the run when those converge geometrically, else its mean over the last tenth.
//! - The tolerance of "unchanged" is τ = 10 % of the counterfactual rate it is read against,
//!   with no absolute floor: below it a difference is transitional residue, not a change of
//!   regime, and a floor in percentage points would swallow real changes of slow rows (a wage
//!   growing at g_B + (1 − ρ)(sA − δ − g_B) when ρ → 1⁻, a land economy at small g_A).
//! - Growth: `II` a finite-time blow-up (found, or certain from a closed form); `I` a growth
//!   rate rising without bound ([`crate::trend`]); `--` growth dying out (g∞ → 0, or below a
//!   tenth of g₀); `-` g∞ < g₀ − τ; `=` |g∞ − g₀| ≤ τ; `+` a rise by more than τ but by less
//!   than half; `++` g∞ ≥ 1.5 g₀ (and > g₀ + τ): a rise by half or more, the tables' large,
//!   sustained increase ("+" appears once, for a modest rise: robotics HS/LS).
//! - Labor share: `→0` when it ends at or below 0.1 % of its pre-AI value (its first value, or
//!   where a model's run starts after AI has already moved it, as the slide's unweighted CES
//!   does, the share of today's inputs that the model reports as `labor_share_pre_ai`) and is not
//!   rising by a tenth of itself, or is
//!   still falling by more than a quarter of itself over the last quarter of the run;
//!   `C` when it moves by less than a tenth of itself over the last quarter (a share settling at
//!   a positive constant, however small). Both are read relative to the share, not to a level.
//! - Wages, from g_w∞ (and the level): `I` wage growth rising without bound; `→0` the wage
//!   falling (g_w∞ < −τ of the no-AI wage growth g_w0) or zero; `=` the level unchanged
//!   (|g_w∞| ≤ τ of g_w0: a wage growing at under a tenth of its no-AI rate; where the wage
//!   did not grow without AI, g_w0 = 0, τ is a tenth of output growth instead). A wage that
//!   keeps pace with output (|g_w∞ − g∞| ≤ τ of g∞, a constant share per person) reads `++`
//!   when growth reads `++` and `C` otherwise. A wage lagging output reads `++` when its growth
//!   rises above the counterfactual's (g_w∞ > g_w0 + τ: capital or robots raise its marginal
//!   product) and `L` when it stays at that low rate while output grows faster (g_w∞ < g∞ − τ).
//! - A run that stopped before its horizon (a growth rate passed the solver's cap while not
//!   rising without bound or blowing up, or fewer than [`MIN_SAMPLES`] samples) is never
//!   classified: it is a [`ClassifyError`] that says where it stopped and after how many
//!   samples. A column that fits none of the rules above is not shown as `?` but is a
//!   [`ClassifyError::Unreadable`] naming the column and why.
//! - Coverage: each row's first [`Coverage`] is the class its label names, sampled to its edges;
//!   further coverages sweep other parameters around the row's own point. A symbol the model
//!   does not reproduce somewhere is a declared [`Mismatch`] with its reason, pinned by the tests.

use crate::format::Digits;
use crate::models::{self, Args, ModelError, ModelKind, Run};
use crate::trend::{value_at, Trend};
use crate::Doc;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

/// Labor share, as a fraction of its value at the start of the run, below which a share that is not rising counts as → 0.
pub const SHARE_ZERO: f64 = 1e-3;
/// Largest relative change of the labor share over the last quarter that still counts as constant.
pub const SHARE_DRIFT: f64 = 0.1;
/// A relative fall over the last quarter larger than this means the share is still heading to zero.
pub const SHARE_FALLING: f64 = 0.25;
/// Relative tolerance of "unchanged" against a counterfactual rate.
pub const RELATIVE_TOLERANCE: f64 = 0.1;
/// A long-run rate at least this multiple of the counterfactual's is a large increase (`++`).
pub const LARGE_RISE: f64 = 1.5;
/// Fewer samples than this are not a run that can be read.
pub const MIN_SAMPLES: usize = 20;

/// The three columns of a table row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Symbols {
    /// Growth: `--`, `-`, `=`, `+`, `++`, `I`, `II`.
    pub growth: &'static str,
    /// Human labor share: `C`, `→0`; `None` where the table has no column.
    pub labor_share: Option<&'static str>,
    /// Human wages: `→0`, `=`, `L`, `C`, `++`, `I`; `None` where the table has no column.
    pub wages: Option<&'static str>,
}

/// The same economy without AI: its long-run growth and wage growth (per year).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Counterfactual {
    /// Long-run growth rate of output (or technology) g₀.
    pub growth: f64,
    /// Long-run growth rate of the human wage g_w0.
    pub wage_growth: f64,
}

/// Why a run could not be classified.
#[derive(Debug, Clone, PartialEq)]
pub enum ClassifyError {
    /// The run stopped at `t` (of `years`) when a growth rate passed the solver's cap without rising without bound.
    StoppedEarly {
        /// Where it stopped.
        t: f64,
        /// The horizon asked for.
        years: f64,
        /// How many samples it had by then.
        samples: usize,
    },
    /// A column fits none of the classifier's rules (module docs).
    Unreadable {
        /// `growth`, `labor_share` or `wages`.
        column: &'static str,
        /// Why, in words.
        why: &'static str,
    },
    /// Too few samples to read a long run.
    TooFewSamples {
        /// How many there were.
        count: usize,
    },
    /// The model could not run (parameters or solver).
    Model(ModelError),
}

impl From<ModelError> for ClassifyError {
    fn from(e: ModelError) -> Self {
        ClassifyError::Model(e)
    }
}

impl fmt::Display for ClassifyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ClassifyError::StoppedEarly { t, years, samples } => write!(
                f,
                "not classified: the run stopped at t = {} of {} years after {samples} samples: a growth rate passed the solver's cap without rising without bound",
                crate::format::Num(*t),
                crate::format::Num(*years)
            ),
            ClassifyError::Unreadable { column, why } => {
                write!(f, "not classified: the {column} column {why}")
            }
            ClassifyError::TooFewSamples { count } => write!(
                f,
                "not classified: the run has {count} samples, fewer than the {MIN_SAMPLES} needed to read a long run"
            ),
            ClassifyError::Model(e) => write!(f, "{e}"),
        }
    }
}

/// τ: the tolerance of "unchanged" around a counterfactual rate (module docs).
pub fn tolerance(rate: f64) -> f64 {
    RELATIVE_TOLERANCE * rate.abs()
}

/// Mean of `v` over samples with t in [from, to] (the interpolated value at `to` when none).
fn mean_between(t: &[f64], v: &[f64], from: f64, to: f64) -> f64 {
    let (mut sum, mut count) = (0.0, 0usize);
    for (ti, vi) in t.iter().zip(v) {
        if *ti >= from && *ti <= to {
            sum += vi;
            count += 1;
        }
    }
    if count == 0 {
        value_at(t, v, to)
    } else {
        sum / count as f64
    }
}

/// The long-run limit of a rate series: Aitken's Δ² limit of its values at ½, ¾ and the end of the run when they converge geometrically, else the mean over the last tenth (module docs).
pub fn long_run_rate(t: &[f64], v: &[f64]) -> f64 {
    let (Some(&t0), Some(&t_end)) = (t.first(), t.last()) else {
        return 0.0;
    };
    let span = t_end - t0;
    let window = 0.02 * span;
    let at = |f: f64| mean_between(t, v, t0 + f * span - window, t0 + f * span);
    let tail = mean_between(t, v, t0 + 0.9 * span, t_end);
    let (a, b, c) = (at(0.5), at(0.75), at(1.0));
    let (d1, d2) = (b - a, c - b);
    if d1 != 0.0 && d2 / d1 > 0.0 && d2 / d1 < 0.9 && (d2 - d1).abs() > 1e-15 {
        let limit = c - d2 * d2 / (d2 - d1);
        if limit.is_finite() {
            return limit;
        }
    }
    tail
}

/// The growth symbol of a trend against a counterfactual (module docs); `?` when a steady rate has no counterfactual to compare with (the no-AI path itself accelerates or dies out).
pub fn growth_symbol(trend: Trend, counterfactual: Option<Counterfactual>) -> &'static str {
    match trend {
        Trend::TypeII(_) => "II",
        Trend::TypeI => "I",
        Trend::DiesOut => "--",
        Trend::Steady(g) => match counterfactual {
            None => "?",
            Some(c) => steady_growth_symbol(g, c.growth),
        },
    }
}

fn steady_growth_symbol(g: f64, g0: f64) -> &'static str {
    let tau = tolerance(g0);
    if g <= crate::trend::ZERO_RATE && g0 > crate::trend::ZERO_RATE || g < 0.1 * g0 {
        "--"
    } else if g < g0 - tau {
        "-"
    } else if g <= g0 + tau {
        "="
    } else if g >= LARGE_RISE * g0 {
        "++"
    } else {
        "+"
    }
}

/// The labor-share symbol of a series (module docs) against its pre-AI value (`None`: the
/// series' first, where the run starts today); `?` when it fits neither.
pub fn labor_share_symbol(t: &[f64], share: &[f64], pre_ai: Option<f64>) -> &'static str {
    let (Some(&t0), Some(&t_end)) = (t.first(), t.last()) else {
        return "?";
    };
    let end = share.last().copied().unwrap_or(0.0);
    let zero = SHARE_ZERO * pre_ai.unwrap_or_else(|| share.first().copied().unwrap_or(0.0));
    let q3 = value_at(t, share, t0 + 0.75 * (t_end - t0));
    let drift = if q3 > 0.0 { (end - q3) / q3 } else { 0.0 };
    if drift < -SHARE_FALLING || (end <= zero && drift <= SHARE_DRIFT) {
        "→0"
    } else if end > zero && drift.abs() <= SHARE_DRIFT {
        "C"
    } else {
        "?"
    }
}

/// The wage symbol from the ln wage, wage growth and output growth series, the growth symbol and the counterfactual (module docs).
pub fn wage_symbol(
    t: &[f64],
    ln_wage: &[f64],
    g_wage: &[f64],
    g_output: &[f64],
    growth: &'static str,
    counterfactual: Option<Counterfactual>,
) -> &'static str {
    if t.is_empty() {
        return "?";
    }
    let zero_wage = ln_wage
        .last()
        .is_some_and(|w| *w <= crate::exogenous::LN_ZERO_WAGE);
    if zero_wage {
        return "→0";
    }
    let g_y = long_run_rate(t, g_output);
    let positive: Vec<f64> = g_wage.iter().map(|g| g.max(1e-12)).collect();
    if g_wage.last().is_some_and(|g| *g > 0.0)
        && crate::trend::growth_trend(t, &positive, None) == Trend::TypeI
    {
        return "I";
    }
    wage_from_rates(long_run_rate(t, g_wage), g_y, growth, counterfactual)
}

/// The wage symbol from the wage's and output's long-run growth rates (module docs).
#[inline(never)]
fn wage_from_rates(
    g_w: f64,
    g_y: f64,
    growth: &'static str,
    counterfactual: Option<Counterfactual>,
) -> &'static str {
    let flat = tolerance(match counterfactual {
        Some(c) if c.wage_growth != 0.0 => c.wage_growth,
        _ => g_y,
    });
    if g_w < -flat {
        "→0"
    } else if g_w <= flat {
        "="
    } else if g_w == g_y || (g_w - g_y).abs() <= tolerance(g_y) {
        if growth == "++" {
            "++"
        } else {
            "C"
        }
    } else if counterfactual.is_some_and(|c| g_w > c.wage_growth + flat) {
        "++"
    } else if g_w < g_y - tolerance(g_y) {
        "L"
    } else {
        "?"
    }
}

/// Refuses a run that stopped before its horizon or is too short to read (module docs).
pub fn check_complete(run: &Run) -> Result<(), ClassifyError> {
    // A capped run says where it stopped first: "2 samples" alone does not say why.
    if let Some(t) = run.capped_at {
        if !matches!(run.trend, Trend::TypeI | Trend::TypeII(_)) || run.t.len() < MIN_SAMPLES {
            return Err(ClassifyError::StoppedEarly {
                t,
                years: run.years,
                samples: run.t.len(),
            });
        }
    }
    if run.t.len() < MIN_SAMPLES {
        return Err(ClassifyError::TooFewSamples { count: run.t.len() });
    }
    Ok(())
}

/// All three symbols of a complete run against its counterfactual; the labor-share and wage columns only where the run has those series.
pub fn classify(
    run: &Run,
    counterfactual: Option<Counterfactual>,
) -> Result<Symbols, ClassifyError> {
    // A closed-form long run is read as it is: the run's numbers (and whether it reached its
    // horizon) cannot change where the model goes.
    if run.analytic.is_none() {
        check_complete(run)?;
    }
    let pre_ai = run
        .facts
        .iter()
        .find(|(name, _)| *name == "labor_share_pre_ai")
        .and_then(|(_, v)| *v);
    let limit = run.analytic;
    // Long-run symbols from the run followed past its horizon, where the model provides it.
    let run = match (run.long_run.as_deref(), limit) {
        (Some(whole), None) => {
            check_complete(whole)?;
            whole
        }
        _ => run,
    };
    let growth = growth_symbol(run.trend, counterfactual);
    let labor_share =
        run.series("labor_share")
            .map(|s| match limit.and_then(|l| l.share_vanishes) {
                Some(true) => "→0",
                Some(false) => "C",
                None => labor_share_symbol(&run.t, s, pre_ai),
            });
    let wages = match (
        run.series("ln_wage"),
        run.series("g_wage"),
        run.series("g_Y"),
    ) {
        (Some(level), Some(w), Some(y)) => {
            Some(match (limit.and_then(|l| l.wage_growth), run.trend) {
                // A closed form whose wage growth rises without bound.
                (Some(g_w), _) if g_w == f64::INFINITY => "I",
                (Some(g_w), Trend::Steady(g_y)) => {
                    wage_from_rates(g_w, g_y, growth, counterfactual)
                }
                _ => wage_symbol(&run.t, level, w, y, growth, counterfactual),
            })
        }
        _ => None,
    };
    // A column that fits no rule is an error that says why, never a bare `?`.
    if growth == "?" {
        return Err(ClassifyError::Unreadable {
            column: "growth",
            why: "reads as steady, but the same economy without AI has no steady rate to compare it with",
        });
    }
    if labor_share == Some("?") {
        return Err(ClassifyError::Unreadable {
            column: "labor_share",
            why: "neither settles nor heads to zero",
        });
    }
    if wages == Some("?") {
        return Err(ClassifyError::Unreadable {
            column: "wages",
            why: "fits no rule (with output, above or at its no-AI rate)",
        });
    }
    Ok(Symbols {
        growth,
        labor_share,
        wages,
    })
}

/// Simulates model `name` at `pairs` and classifies it against its pre-AI balanced path at the same parameters ([`models::balanced_path`]), as `growth simulate` does.
pub fn simulate_and_classify(
    name: &str,
    pairs: &[(&str, &str)],
) -> Result<(Run, Result<Symbols, ClassifyError>), ModelError> {
    let run = models::simulate(name, pairs)?;
    let decl = models::find(name, ModelKind::Simulate)?;
    let args = Args::parse(decl, pairs)?;
    let symbols = classify(&run, models::balanced_path(&args));
    Ok((run, symbols))
}

/// The parameter range a row's label covers, and the points of it the tests sample.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Coverage {
    /// The parameter swept.
    pub param: &'static str,
    /// The class in the paper's words, e.g. "HS: ρ ∈ (0, 1)" (a [`Doc`]: the widget never shows it, so its wasm ships none).
    pub class: Doc,
    /// Points of the class, edges and limits included, that are simulated and must all classify as the paper says.
    pub samples: &'static [f64],
}

/// How a row's counterfactual (the same economy without AI) is obtained.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Baseline {
    /// The model's pre-AI balanced path in closed form ([`models::balanced_path`]) at the row's point with these overrides.
    BalancedPath(&'static [(&'static str, &'static str)]),
    /// A simulated run of the same model at the row's point with these overrides, read like any run.
    Simulated(&'static [(&'static str, &'static str)]),
    /// The balanced path of another model, where the AI is the model itself (research done by
    /// capital rather than people), at the parameters it shares with the row's, with these overrides.
    OtherModel(&'static str, &'static [(&'static str, &'static str)]),
}

/// The unit of a [`Mismatch`]'s interval: the parameter's own, or one that moves with others.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scale {
    /// `within` is in the parameter's own units.
    Units,
    /// `within` is in units of g_Z* = n(1 − φ − λ)/(1 − φ) at the point's φ and λ
    /// (n = [`HUMAN_RESEARCH_GROWTH`]): the research capital productivity growth at which
    /// research by capital's balanced rate λg_Z/(1 − φ − λ) (Aghion, Jones & Jones 2019) equals
    /// human scientists' λn/(1 − φ) (Jones 1995). g_Z/g_Z* is g∞/g₀ itself, so an interval of it
    /// is the classifier's own band of the ratio, and its edges in g_Z move with φ and λ. Defined
    /// only where both balanced paths exist (1 − φ − λ > 0, φ < 1).
    HumanScientists,
}

/// A symbol the model does not reproduce, shown as a mismatch with its reason (never hidden).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Mismatch {
    /// The parameter whose values `within` bounds; `""` for the row's first coverage parameter.
    pub param: &'static str,
    /// The closed interval of `param` values where it occurs, in millionths of `scale` ([`EVERYWHERE`] for every point of the class): integers, because 8-byte floats in ~40 entries cost the wasm bundle ~0.5 KB brotli.
    pub within: (i32, i32),
    /// The unit of `within`.
    pub scale: Scale,
    /// The column: `growth`, `labor_share` or `wages`.
    pub column: &'static str,
    /// What the simulation reads there instead.
    pub simulated: &'static str,
    /// Why.
    pub reason: &'static str,
}

impl Mismatch {
    /// `within` in units of its `scale` (millionths → units): the parameter's own for [`Scale::Units`].
    pub fn interval(&self) -> (f64, f64) {
        // Divided, not multiplied by 1e-6: the nearest double to the decimal (100 000 → 0.1 exactly).
        (
            f64::from(self.within.0) / 1e6,
            f64::from(self.within.1) / 1e6,
        )
    }

    /// `within` in the parameter's own units at `point` of `row` (parameters the point does not
    /// name at the row's values, [`ScenarioRow::value_at`]); `None` where its scale is undefined.
    pub fn interval_at(&self, row: &ScenarioRow, point: &[(&str, f64)]) -> Option<(f64, f64)> {
        let (lo, hi) = self.interval();
        let unit = match self.scale {
            Scale::Units => 1.0,
            Scale::HumanScientists => {
                let phi = row.value_at(point, "phi")?;
                let lambda = row.value_at(point, "lambda")?;
                // 1 − φ − λ as (1 − λ) − φ: exact at λ = 1, as the model computes it.
                let gap = (1.0 - lambda) - phi;
                if gap <= 0.0 || phi >= 1.0 {
                    return None;
                }
                HUMAN_RESEARCH_GROWTH * gap / (1.0 - phi)
            }
        };
        Some((lo * unit, hi * unit))
    }
}

/// One row of one table.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScenarioRow {
    /// Stable id (`hs-production`).
    pub id: &'static str,
    /// The table's title as in the episode.
    pub table: &'static str,
    /// The row's label as in the episode.
    pub label: &'static str,
    /// Section and sources as in the episode.
    pub sources: &'static str,
    /// The model from [`models::MODELS`] that represents it.
    pub model: &'static str,
    /// Its parameters (others at their defaults), as `key=value` texts.
    pub params: &'static [(&'static str, &'static str)],
    /// Why this model and these parameters represent the row.
    pub rationale: &'static str,
    /// The paper's classification.
    pub paper: Symbols,
    /// The class the label names, sampled at several points.
    pub coverage: &'static [Coverage],
    /// The same economy without AI, against which the symbols are read.
    pub baseline: Baseline,
    /// Symbols the model does not reproduce across the class, with the reason.
    pub mismatches: &'static [Mismatch],
}

impl ScenarioRow {
    /// The symbols the simulation is expected to read at `point` (a parameter and its value; `None` for the row's own point): the paper's, except where a declared mismatch says otherwise.
    pub fn expected(&self, point: Option<(&str, f64)>) -> Symbols {
        self.expected_at(point.as_slice())
    }

    /// [`Self::expected`] at a point where several parameters move at once (`[]`: the row's own
    /// point); a parameter the point does not name is at the row's value.
    pub fn expected_at(&self, point: &[(&str, f64)]) -> Symbols {
        let mut s = self.paper;
        let first = self.coverage.first();
        for m in self.mismatches {
            let param = if m.param.is_empty() {
                first.map_or("", |c| c.param)
            } else {
                m.param
            };
            // Away from the swept parameter, the row sits at its first class's middle sample.
            let value = match point.iter().find(|(p, _)| *p == param) {
                Some((_, v)) => Some(*v),
                None if first.is_some_and(|c| c.param == param) => {
                    first.map(|c| c.samples[c.samples.len() / 2])
                }
                None => None,
            };
            let everywhere = m.within == EVERYWHERE;
            let inside = match (value, m.interval_at(self, point)) {
                (Some(v), Some((lo, hi))) => v >= lo && v <= hi,
                _ => false,
            };
            if !everywhere && !inside {
                continue;
            }
            match m.column {
                "growth" => s.growth = m.simulated,
                "labor_share" => s.labor_share = Some(m.simulated),
                _ => s.wages = Some(m.simulated),
            }
        }
        s
    }

    /// The value of parameter `name` at `point`: the point's, else the row's representative
    /// point ([`representative`]), else the row's parameters, else the model's default.
    pub fn value_at(&self, point: &[(&str, f64)], name: &str) -> Option<f64> {
        if let Some((_, v)) = point.iter().find(|(p, _)| *p == name) {
            return Some(*v);
        }
        let first = self.coverage.first().filter(|c| c.param == name);
        if let Some(c) = first {
            return Some(c.samples[c.samples.len() / 2]);
        }
        if let Some((_, v)) = self.params.iter().find(|(p, _)| *p == name) {
            return crate::parse_decimal(v);
        }
        let decl = models::find(self.model, ModelKind::Simulate).ok()?;
        decl.params
            .iter()
            .find(|p| p.name == name)
            .map(|p| p.default)
    }
}

/// A mismatch's interval covering the whole class.
pub const EVERYWHERE: (i32, i32) = (i32::MIN, i32::MAX);

const fn sym(growth: &'static str, labor_share: &'static str, wages: &'static str) -> Symbols {
    Symbols {
        growth,
        labor_share: Some(labor_share),
        wages: Some(wages),
    }
}

const fn growth_only(growth: &'static str) -> Symbols {
    Symbols {
        growth,
        labor_share: None,
        wages: None,
    }
}

const HS: Coverage = Coverage {
    param: "rho",
    class: Doc::new("HS: ρ ∈ (0, 1)"),
    samples: &[0.01, 0.05, 0.2, 0.5, 0.8, 0.95, 0.99],
};
const PS: Coverage = Coverage {
    param: "rho",
    class: Doc::new("PS: ρ = 1"),
    samples: &[1.0],
};
const LS_LAND: Coverage = Coverage {
    param: "rho",
    class: Doc::new("LS land constraint: ρ < 0"),
    samples: &[-0.01, -0.1, -0.25, -1.0, -3.0, -10.0],
};
const MS: Coverage = Coverage {
    param: "rho",
    class: Doc::new("MS: ρ = 0"),
    samples: &[0.0],
};
const LS: Coverage = Coverage {
    param: "rho",
    class: Doc::new("LS: ρ < 0"),
    samples: &[-0.01, -0.05, -0.25, -1.0, -3.0, -10.0],
};
/// Without AI: no capital-augmenting technology growth (the balanced path ignores ρ and the AI's g_A).
const NO_AI_TECH: Baseline = Baseline::BalancedPath(&[("g_A", "0")]);
/// Without AI: no automation beyond β₀ (the balanced path of the task model at β₀).
const NO_AUTOMATION: Baseline = Baseline::BalancedPath(&[("automation_rate", "0"), ("full", "0")]);
/// Without AI: research effort grows with the population, 1 %/yr, with the row's own research
/// technology (φ, λ): AI changes how fast effort grows, not the returns to it, so the no-AI rate
/// is λ·0.01/(1 − φ) at the λ the reader chose (λ = 1 here read λ = 0.1 as "=").
const NO_AI_RESEARCH: Baseline = Baseline::BalancedPath(&[("n", "0.01")]);
/// Growth of human research effort without AI (people: population and education), per year.
pub const HUMAN_RESEARCH_GROWTH: f64 = 0.01;
/// Without AI research is done by people, not capital, with the same research technology
/// Ȧ = θA^φ(SL)^λ (the row's φ and λ) and effort growing [`HUMAN_RESEARCH_GROWTH`]: the
/// semi-endogenous balanced rate λn/(1 − φ) of Jones (1995), `None` for φ ≥ 1.
const HUMAN_SCIENTISTS: Baseline = Baseline::OtherModel("research-feedback", &[("n", "0.01")]);

/// Why research capital whose productivity grows slowly does not beat people's research.
const SLOW_RESEARCH_CAPITAL: &str =
    "Capital's research grows at λg_Z/(1 − φ − λ), people's at λn/(1 − φ) (n = 0.01): '++' needs g_Z ≥ 1.5·n(1 − φ − λ)/(1 − φ) (0.005 at φ = −0.5, 0.0125 at φ = −5).";

/// Table titles as in the episode.
pub const IMPERFECT: &str = "AI as an imperfect substitute for human labor";
/// Table title.
pub const PERFECT: &str = "AI as a perfect substitute";
/// Table title.
pub const ROBOTICS: &str = "Substitutability in robotics production";
/// Table title.
pub const SAVINGS: &str = "Growth impacts via impacts on savings";
/// Table title.
pub const TASKS: &str = "Task-based models of goods production";
/// Table title.
pub const TECHNOLOGY: &str = "AI in technology production";

/// Every row of the episode's tables. Common calibration unless a rationale says otherwise:
/// s = 0.3, δ = 0.05, people's labor-augmenting growth g_B = 2 %/yr (today's growth), n = 0,
/// AI's capital-augmenting or TFP growth g_A = 2 %/yr, research effort growing 1 %/yr without AI.
pub static CATALOG: &[ScenarioRow] = &[
    ScenarioRow {
        id: "hs-consumption",
        table: IMPERFECT,
        label: "HS in consumption goods",
        sources: "§3.2 Nordhaus (2015)",
        model: "consumption-goods",
        params: &[("alpha", "0.5"), ("g_AI", "0.06"), ("g_B", "0.02"), ("s", "0.3"), ("delta", "0.05"), ("years", "1000")],
        rationale: "An AI good whose technology grows 6 %/yr and a human good, highly substitutable for consumers, each Cobb-Douglas: labor keeps a constant share while spending shifts to the AI good and growth rises toward α·g_AI/(1−α) = 6 %/yr (slowly as ρ → 0⁺: hence 1,000 years).",
        paper: sym("++", "C", "++"),
        coverage: &[HS, Coverage { param: "g_AI", class: Doc::new("AI good's technology growth"), samples: &[0.04, 0.1] }],
        baseline: Baseline::BalancedPath(&[]),
        mismatches: &[],
    },
    ScenarioRow {
        id: "hs-production",
        table: IMPERFECT,
        label: "HS in production",
        sources: "§3.2 Nordhaus (2015)",
        model: "exogenous",
        params: &[("slide_form", "1"), ("A0", "1"), ("s", "0.3"), ("delta", "0.05"), ("g_A", "0"), ("g_B", "0.02"), ("n", "0"), ("years", "500")],
        rationale: "Solow with the slide's CES [(AK)^ρ + (BL)^ρ]^{1/ρ}: capital alone can grow output and saving is high enough (sA − δ = 25 %/yr), so growth rises to sA − δ; labor's share vanishes while the wage grows at g_B + (1 − ρ)(sA − δ − g_B), above its no-AI g_B.",
        paper: sym("++", "→0", "++"),
        coverage: &[HS, Coverage { param: "s", class: Doc::new("saving high enough: sA − δ ≫ g_B"), samples: &[0.15, 0.5] }, Coverage { param: "g_B", class: Doc::new("people's productivity growth"), samples: &[0.005, 0.04] }],
        baseline: Baseline::BalancedPath(&[]),
        mismatches: &[Mismatch { param: "", within: (991305, 1000000), scale: Scale::Units, column: "wages", simulated: "L", reason: "ρ → 1⁻: the wage's rise over g_B, (1 − ρ)(sA − δ − g_B), is under τ = 0.1·g_B for ρ > 1 − 0.1·g_B/(sA − δ − g_B) = 0.991304." }],
    },
    ScenarioRow {
        id: "hs-capital-augmenting",
        table: IMPERFECT,
        label: "HS (not PS) in production & capital-augmenting tech growth",
        sources: "§3.2 Nordhaus (2015)",
        model: "exogenous",
        params: &[("slide_form", "1"), ("A0", "1"), ("s", "0.3"), ("delta", "0.05"), ("g_A", "0.02"), ("g_B", "0.02"), ("n", "0"), ("years", "300")],
        rationale: "As above with capital-augmenting technology growing 2 %/yr: the growth rate sA(t) − δ rises exponentially (type I), and with ρ < 1 wages ride along.",
        paper: sym("I", "→0", "I"),
        coverage: &[HS, Coverage { param: "g_A", class: Doc::new("capital-augmenting growth g_A > 0"), samples: &[0.005, 0.05] }],
        baseline: NO_AI_TECH,
        mismatches: &[],
    },
    ScenarioRow {
        id: "ps-capital-augmenting",
        table: PERFECT,
        label: "PS in production & capital-augmenting tech growth",
        sources: "§3.2",
        model: "exogenous",
        params: &[("alpha", "0.5"), ("A0", "1"), ("s", "0.3"), ("delta", "0.05"), ("g_A", "0.02"), ("g_B", "0.02"), ("n", "0"), ("years", "300")],
        rationale: "Y = αAK + (1−α)BL, robots beside people: capital-augmenting growth makes the growth rate rise without bound, while the wage (1−α)B grows only at its no-AI g_B.",
        paper: sym("I", "→0", "L"),
        coverage: &[PS, Coverage { param: "g_A", class: Doc::new("capital-augmenting growth g_A > 0"), samples: &[0.005, 0.05] }, Coverage { param: "g_B", class: Doc::new("people's productivity growth g_B > 0"), samples: &[0.005, 0.04] }],
        baseline: NO_AI_TECH,
        mismatches: &[],
    },
    ScenarioRow {
        id: "ps-land-hanson",
        table: PERFECT,
        label: "PS in production, capital-augmenting tech growth, & MS land constraint",
        sources: "§3.3 Hanson (2001)",
        model: "land",
        params: &[("a", "0.7"), ("g_A", "0.03"), ("g_B", "0.02"), ("s", "0.3"), ("delta", "0.05"), ("years", "600")],
        rationale: "Y = (AK + BL)^a X^{1−a} with fixed land: growth settles at a·g_A/(1−a) = 7 %/yr (1.4 %/yr for people and land alone); robots swamp people in AK + BL, so their share falls toward zero and so does their wage, which grows at g_B − g_A (here g_A = 3 %/yr, g_B = 2 %/yr).",
        paper: sym("++", "→0", "→0"),
        coverage: &[MS, Coverage { param: "g_A", class: Doc::new("capital-augmenting growth g_A > 0"), samples: &[0.01, 0.06] }],
        baseline: NO_AI_TECH,
        mismatches: &[Mismatch { param: "g_A", within: (1, 6600), scale: Scale::Units, column: "growth", simulated: "=", reason: "Growth a·g_A/(1 − a) stays within a tenth of the no-AI a·g_B while g_A ≤ 1.1·(1 − a)g_B = 0.0066." }, Mismatch { param: "g_A", within: (1, 6000), scale: Scale::Units, column: "labor_share", simulated: "C", reason: "Robots take over only if g_A > (1 − a)g_B = 0.006: below it people keep their share." }, Mismatch { param: "g_A", within: (1, 6451), scale: Scale::Units, column: "wages", simulated: "C", reason: "Without (or just after) a take-over the wage keeps pace with output (to g_A = 0.00645)." }, Mismatch { param: "g_A", within: (6601, 9000), scale: Scale::Units, column: "growth", simulated: "+", reason: "Growth rises by less than half: '++' needs g_A > 1.5·(1 − a)g_B = 0.009." }, Mismatch { param: "g_A", within: (6452, 18000), scale: Scale::Units, column: "wages", simulated: "L", reason: "The wage grows at g_B − g_A: it falls only if g_A > g_B." }, Mismatch { param: "g_A", within: (18001, 22000), scale: Scale::Units, column: "wages", simulated: "=", reason: "The wage grows at g_B − g_A, within a tenth of g_B of flat." }],
    },
    ScenarioRow {
        id: "ps-land-equipment",
        table: PERFECT,
        label: "PS in production, equipment-augmenting tech gr., & MS land constraint",
        sources: "§3.3",
        model: "land",
        params: &[("a", "0.7"), ("equipment", "0.4"), ("g_A", "0.04"), ("g_B", "0.02"), ("s", "0.3"), ("delta", "0.05"), ("years", "600")],
        rationale: "Technology (4 %/yr) augments only the equipment beside robots and people: output grows at e·g_A/(1−a) ≈ 5.3 %/yr; robots push wages down, better equipment pushes them up, and wages grow only at people's own g_B.",
        paper: sym("++", "→0", "L"),
        coverage: &[MS, Coverage { param: "g_A", class: Doc::new("equipment-augmenting growth g_A > 0"), samples: &[0.02, 0.08] }],
        baseline: NO_AI_TECH,
        mismatches: &[Mismatch { param: "g_A", within: (1, 1500), scale: Scale::Units, column: "growth", simulated: "=", reason: "Growth changes by less than a tenth." }, Mismatch { param: "g_A", within: (1501, 7500), scale: Scale::Units, column: "growth", simulated: "+", reason: "Growth rises by less than half." }, Mismatch { param: "g_A", within: (1, 15000), scale: Scale::Units, column: "labor_share", simulated: "C", reason: "Robots take over only if e·g_A/(1 − a) > g_B, i.e. g_A > (1 − a)g_B/e = 0.015: below it people keep their share." }, Mismatch { param: "g_A", within: (1, 7500), scale: Scale::Units, column: "wages", simulated: "C", reason: "Growth rises by less than half." }, Mismatch { param: "g_A", within: (7501, 16666), scale: Scale::Units, column: "wages", simulated: "++", reason: "People keep their share of a rise by half or more." }],
    },
    ScenarioRow {
        id: "ps-land-ls",
        table: PERFECT,
        label: "PS in production & LS land constraint (regardless of tech)",
        sources: "§3.3 Korinek and Stiglitz (2019)",
        model: "land",
        params: &[("a", "0.7"), ("g_A", "0.03"), ("g_X", "0.02"), ("g_B", "0.02"), ("s", "0.3"), ("delta", "0.05"), ("years", "2000")],
        rationale: "Land is a gross complement of everything else, so output grows only as fast as land-augmenting technology (2 %/yr), as without robots, while robots drive people's share and wage to zero. '=' is the long-run limit: as ρ → 0⁻ growth falls from the Cobb-Douglas 9 %/yr to g_X, its excess shrinking by e about every 1/(|ρ|·g_A) years, so a short run near ρ = 0 shows 9 %/yr.",
        paper: sym("=", "→0", "→0"),
        coverage: &[LS_LAND, Coverage { param: "g_A", class: Doc::new("any technology (regardless of tech)"), samples: &[0.0, 0.06] }],
        baseline: NO_AI_TECH,
        mismatches: &[Mismatch { param: "g_X", within: (22001, 29999), scale: Scale::Units, column: "growth", simulated: "+", reason: "Growth → g_X under LS, min(g_B, g_X) without AI: '=' needs g_X ≤ g_B." }, Mismatch { param: "g_X", within: (30000, 500000), scale: Scale::Units, column: "growth", simulated: "++", reason: "Growth → g_X under LS, min(g_B, g_X) without AI: '=' needs g_X ≤ 1.1·g_B, '++' comes at g_X ≥ 1.5·g_B." }, Mismatch { param: "g_X", within: (0, 0), scale: Scale::Units, column: "growth", simulated: "--", reason: "g_X = 0: growth dies out with or without AI." }, Mismatch { param: "g_A", within: (0, 0), scale: Scale::Units, column: "labor_share", simulated: "C", reason: "g_A = 0: robots' capital grows only as fast as people's productivity (g_X = g_B); any g_A > 0 makes people's share vanish." }, Mismatch { param: "g_A", within: (0, 999), scale: Scale::Units, column: "wages", simulated: "C", reason: "Under an LS land bound the wage grows at g_B − (1 − ρ)g_A: within a tenth of output's g_X while g_A < 0.1·g_X/(1 − ρ) = 0.001 (ρ = −1)." }, Mismatch { param: "g_A", within: (1000, 9000), scale: Scale::Units, column: "wages", simulated: "L", reason: "Under an LS land bound the wage grows at g_B − (1 − ρ)g_A: still rising, below output, until g_A = 0.9·g_B/(1 − ρ) = 0.009 (ρ = −1)." }, Mismatch { param: "g_A", within: (9001, 11000), scale: Scale::Units, column: "wages", simulated: "=", reason: "Under an LS land bound the wage grows at g_B − (1 − ρ)g_A: within a tenth of g_B of zero for g_A ∈ (0.9, 1.1]·g_B/(1 − ρ) = (0.009, 0.011] (ρ = −1); it falls (→0) beyond." }],
    },
    ScenarioRow {
        id: "robotics-hs-hs",
        table: ROBOTICS,
        label: "HS in final good production, HS in robotics production",
        sources: "§3.4 Mookherjee and Ray (2017), Korinek and Stiglitz (2019)",
        model: "robots",
        params: &[("alpha", "0.3"), ("rho", "0"), ("alpha_R", "0.5"), ("D", "1"), ("S_K", "0.2"), ("S_H", "0.1"), ("S_R", "0.3"), ("g_B", "0.02"), ("s", "0.3"), ("delta", "0.05"), ("years", "600")],
        rationale: "The slide's model with B growing 2 %/yr: robots and people are perfect substitutes in final goods, Y = K^α(BH_Y + R)^{1−α}; with ρ_R > 0 capital and robots alone make robots (Ṙ = F(S_K K + D S_R R, B S_H H) − δR), so they grow like an AK economy, robots swamp people and the wage grows only at g_B: 'L'.",
        paper: sym("++", "→0", "L"),
        coverage: &[Coverage { param: "rho_R", class: Doc::new("HS in robotics production: ρ_R ∈ (0, 1)"), samples: &[0.05, 0.2, 0.5, 0.8, 0.95] }, Coverage { param: "D", class: Doc::new("robots' worth in robot production"), samples: &[0.5, 3.0] }],
        baseline: Baseline::BalancedPath(&[]),
        mismatches: &[
            Mismatch { param: "", within: (0, 241026), scale: Scale::Units, column: "growth", simulated: "=", reason: "Machines alone make robots at productivity α_R^{1/ρ_R}: below ρ_R = 0.24103 robots made by machines alone grow no faster than 1.1·g_B (people's productivity growth)." },
            Mismatch { param: "", within: (0, 241568), scale: Scale::Units, column: "wages", simulated: "C", reason: "No take-off: the wage keeps pace with output, as on the no-AI path." },
            Mismatch { param: "", within: (0, 192135), scale: Scale::Units, column: "labor_share", simulated: "C", reason: "Below ρ_R = 0.1921 robots made by machines alone do not outgrow people's productivity (they outpace depreciation from 0.189): people keep a small share." },
            Mismatch { param: "", within: (241027, 260839), scale: Scale::Units, column: "growth", simulated: "+", reason: "Growth rises by less than half: robots' balanced growth is under 1.5·g_B below ρ_R = 0.26084." }],
    },
    ScenarioRow {
        id: "robotics-hs-ls",
        table: ROBOTICS,
        label: "HS in final good production, LS in robotics production",
        sources: "§3.4 Mookherjee and Ray (2017), Korinek (2018)",
        model: "robots",
        params: &[("alpha", "0.3"), ("rho", "0"), ("alpha_R", "0.5"), ("D", "1"), ("S_K", "0.2"), ("S_H", "0.1"), ("S_R", "0.3"), ("g_B", "0.02"), ("s", "0.3"), ("delta", "0.05"), ("years", "600")],
        rationale: "The same economy with ρ_R < 0: people are necessary for making robots ('humans will still maintain a positive labor share'), robot output is bounded by B·S_H·H, and people keep a constant share with wages growing with output.",
        paper: sym("+", "C", "C"),
        coverage: &[Coverage { param: "rho_R", class: Doc::new("LS in robotics production: ρ_R < 0"), samples: &[-0.05, -0.25, -1.0, -3.0, -10.0] }, Coverage { param: "D", class: Doc::new("robots' worth in robot production"), samples: &[0.5, 3.0] }],
        baseline: Baseline::BalancedPath(&[]),
        mismatches: &[Mismatch { param: "", within: EVERYWHERE, scale: Scale::Units, column: "growth", simulated: "=", reason: "With constant returns and people necessary for robots, robots grow as B·H: a level rise, not a rate." }],
    },
    ScenarioRow {
        id: "savings-increase",
        table: SAVINGS,
        label: "PS in production & one-off capital-augmenting tech increase – saving increase",
        sources: "§3.5 Korinek and Stiglitz (2019)",
        model: "exogenous",
        params: &[("alpha", "0.33"), ("A0", "1"), ("s", "0.3"), ("delta", "0.05"), ("g_A", "0"), ("g_B", "0"), ("n", "0"), ("years", "400")],
        rationale: "A one-off jump in A with a higher saving rate: with perfect substitutes saving alone sets growth at sαA − δ ≈ 5 %/yr, robots take the labor share, and the wage (1−α)B is unchanged (g_B = 0: the episode's case without labor-augmenting growth). Without the jump it is stationary (sαA < δ): any sustained growth is '++'.",
        paper: sym("++", "→0", "="),
        coverage: &[PS, Coverage { param: "s", class: Doc::new("saving increase to sαA > δ: s > 0.1515"), samples: &[0.152, 0.2, 0.5] }],
        baseline: Baseline::BalancedPath(&[]),
        mismatches: &[],
    },
    ScenarioRow {
        id: "savings-decrease",
        table: SAVINGS,
        label: "PS in production & capital-aug. tech growth → saving decrease",
        sources: "§3.5 Sachs and Kotlikoff (2012), Sachs et al. (2015)",
        model: "land",
        params: &[("a", "0.7"), ("g_A", "0.03"), ("g_B", "0"), ("wage_saving", "1"), ("s", "0.3"), ("delta", "0.05"), ("years", "800")],
        rationale: "Overlapping generations: only the young save, out of wages. Robots lower their wage, so saving shrinks: growth falls below the same economy saving out of all income (7 %/yr), and wages fall toward zero (g_B = 0 as in Sachs & Kotlikoff).",
        paper: sym("-", "→0", "→0"),
        coverage: &[MS, Coverage { param: "g_A", class: Doc::new("capital-augmenting growth g_A > 0"), samples: &[0.02, 0.05] }],
        baseline: Baseline::Simulated(&[("wage_saving", "0")]),
        mismatches: &[Mismatch { param: "a", within: (1000, 6644), scale: Scale::Units, column: "growth", simulated: "--", reason: "Growth a·g_A/(2 − a) is under 10⁻⁴/yr: read as dying out." }, Mismatch { param: "a", within: (888889, 999000), scale: Scale::Units, column: "growth", simulated: "--", reason: "a > 8/9, where (1 − a)/(2 − a) < 0.1: growth is under a tenth of its reference, read as dying out." }, Mismatch { param: "a", within: (888889, 999000), scale: Scale::Units, column: "wages", simulated: "=", reason: "a > 8/9, where (1 − a)/(2 − a) < 0.1: the wage falls forever, but at under a tenth of its reference rate, read as flat." }],
    },
    ScenarioRow {
        id: "tasks-full-automation",
        table: TASKS,
        label: "LS in production & full task automation with capital-augmenting tech growth (reconstructed row)",
        sources: "§4.2 Aghion et al. (2019)",
        model: "task-automation",
        params: &[("beta", "0.4"), ("full", "1"), ("A", "1"), ("g_A", "0.02"), ("s", "0.3"), ("delta", "0.05"), ("years", "300")],
        rationale: "The transcript's first row here is garbled (only 'I' and '→0' survive); the section's logic fixes the rest: with every task automated Y = A·K, so with A growing growth rises without bound and labor, with no tasks left, loses its share and wage.",
        paper: sym("I", "→0", "→0"),
        coverage: &[LS, Coverage { param: "g_A", class: Doc::new("capital-augmenting growth g_A > 0"), samples: &[0.005, 0.05] }],
        baseline: NO_AUTOMATION,
        mismatches: &[],
    },
    ScenarioRow {
        id: "tasks-ms-full",
        table: TASKS,
        label: "MS in production & asymptotic or full task automation",
        sources: "§4.2 Aghion et al. (2019)",
        model: "task-automation",
        params: &[("beta", "0.4"), ("automation_rate", "0.01"), ("A", "1"), ("g_A", "0.02"), ("s", "0.3"), ("delta", "0.05"), ("years", "1000")],
        rationale: "Tasks Cobb-Douglas with TFP growing 2 %/yr: growth is g_A/(1−β_t) (Aghion, Jones & Jones), rising without bound as automation drives 1 − β_t → 0; labor's share 1 − β_t → 0, and the wage grows at g_Y − a.",
        paper: sym("I", "→0", "I"),
        coverage: &[MS, Coverage { param: "automation_rate", class: Doc::new("asymptotic automation: a > 0"), samples: &[0.005, 0.01, 0.05] }],
        baseline: NO_AUTOMATION,
        mismatches: &[Mismatch { param: "full", within: (500000, 1000000), scale: Scale::Units, column: "wages", simulated: "→0", reason: "full ≥ 0.5 leaves people no task." }],
    },
    ScenarioRow {
        id: "tasks-ls-asymptotic",
        table: TASKS,
        label: "LS in production & asymptotic task automation",
        sources: "§4.2 Aghion et al. (2019)",
        model: "task-automation",
        params: &[("beta", "0.4"), ("automation_rate", "0.05"), ("A", "1"), ("g_A", "0.02"), ("s", "0.3"), ("delta", "0.05"), ("years", "2000")],
        rationale: "The human share of tasks shrinks 5 % a year but never vanishes: with tasks complements this acts like labor-augmenting growth a(1−ρ)/(−ρ), so growth tends to g_A + a(1−ρ)/(−ρ), labor's share to one, and wages grow with output. These are long-run limits: capital's share falls by e every 1/(|ρ|·g_A) years, so near ρ = 0 labor's share first collapses (0.31 after 2,000 years at ρ = −0.01).",
        paper: sym("++", "C", "++"),
        coverage: &[LS, Coverage { param: "automation_rate", class: Doc::new("asymptotic automation a > 0"), samples: &[0.01, 0.1] }, Coverage { param: "g_A", class: Doc::new("TFP growth"), samples: &[0.005, 0.04] }],
        baseline: NO_AUTOMATION,
        mismatches: &[Mismatch { param: "automation_rate", within: (1, 1000), scale: Scale::Units, column: "growth", simulated: "=", reason: "Automation adds about a(1 − ρ)/(−ρ) to labor-augmenting growth: under a tenth of g_A while a ≤ 0.1·g_A(−ρ)/(1 − ρ) = 0.001 (ρ = −1)." }, Mismatch { param: "automation_rate", within: (1001, 4999), scale: Scale::Units, column: "growth", simulated: "+", reason: "Growth rises by less than half: '++' from a = 0.005 (ρ = −1)." }, Mismatch { param: "automation_rate", within: (1, 4999), scale: Scale::Units, column: "wages", simulated: "C", reason: "The wage grows with output, which rises by less than half." }],
    },
    ScenarioRow {
        id: "tasks-ls-replacement",
        table: TASKS,
        label: "LS in production & task automation and replacement",
        sources: "§4.4 Acemoglu and Restrepo (2018b)",
        model: "task-automation",
        params: &[("beta", "0.6"), ("automation_rate", "0.06"), ("A", "1"), ("g_A", "0.02"), ("s", "0.3"), ("delta", "0.05"), ("years", "2000")],
        rationale: "Old tasks are automated while new labor-intensive ones replace them, so the human share of tasks shrinks 6 % a year without vanishing: asymptotic automation's balanced path. These are long-run limits: capital's share falls by e every 1/(|ρ|·g_A) years, so near ρ = 0 labor's share first collapses (0.31 after 2,000 years at ρ = −0.01).",
        paper: sym("++", "C", "++"),
        coverage: &[LS, Coverage { param: "automation_rate", class: Doc::new("automation and replacement a > 0"), samples: &[0.02, 0.1] }],
        baseline: NO_AUTOMATION,
        mismatches: &[Mismatch { param: "automation_rate", within: (1, 1000), scale: Scale::Units, column: "growth", simulated: "=", reason: "Automation adds about a(1 − ρ)/(−ρ) to labor-augmenting growth: under a tenth of g_A while a ≤ 0.1·g_A(−ρ)/(1 − ρ) = 0.001 (ρ = −1)." }, Mismatch { param: "automation_rate", within: (1001, 4999), scale: Scale::Units, column: "growth", simulated: "+", reason: "Growth rises by less than half: '++' from a = 0.005 (ρ = −1)." }, Mismatch { param: "automation_rate", within: (1, 4999), scale: Scale::Units, column: "wages", simulated: "C", reason: "The wage grows with output, which rises by less than half." }],
    },
    ScenarioRow {
        id: "tasks-hs-creation",
        table: TASKS,
        label: "HS in production & task automation and creation",
        sources: "§4.3 Hémous and Olsen (2014)",
        model: "task-automation",
        params: &[("beta", "0.4"), ("automation_rate", "0.02"), ("A", "1"), ("g_A", "0"), ("creation", "0.02"), ("s", "0.3"), ("delta", "0.05"), ("years", "300")],
        rationale: "Tasks are created at c (done by people at first) and automated at a, so a share a/(a + c) of a growing number of tasks ends up automated. With HS, more tasks act as TFP growth c(1 − ρ)/ρ on capital: the growth of K, and of the wage, rises without bound and labor's share vanishes (closed form, g_A = 0).",
        paper: sym("I", "→0", "I"),
        coverage: &[HS, Coverage { param: "automation_rate", class: Doc::new("automation a > 0"), samples: &[0.001, 0.05, 0.5] }, Coverage { param: "creation", class: Doc::new("task creation c > 0"), samples: &[0.001, 0.2] }],
        baseline: NO_AUTOMATION,
        mismatches: &[],
    },
    ScenarioRow {
        id: "tech-lbd-intermediate",
        table: TECHNOLOGY,
        label: "Learning by doing, w/intermed. feedback and/or automation",
        sources: "§5.1 Hanson (2001)",
        model: "research-feedback",
        params: &[("n", "0.05"), ("lambda", "1"), ("theta", "0.05"), ("years", "500")],
        rationale: "Learning by doing as research: automated production grows the experience input 5 %/yr instead of 1 %/yr; with φ ∈ (0, 1) technology settles at λn/(1−φ), five times its no-AI rate at any λ.",
        paper: growth_only("++"),
        coverage: &[Coverage { param: "phi", class: Doc::new("intermediate feedback: φ ∈ (0, 1)"), samples: &[0.01, 0.3, 0.5, 0.7, 0.99] }, Coverage { param: "n", class: Doc::new("automated experience growth"), samples: &[0.02, 0.1] }, Coverage { param: "lambda", class: Doc::new("returns to research effort"), samples: &[0.1, 3.0] }],
        baseline: NO_AI_RESEARCH,
        mismatches: &[],
    },
    ScenarioRow {
        id: "tech-lbd-sufficient",
        table: TECHNOLOGY,
        label: "Learning by doing, with suffic. feedback and/or automation",
        sources: "§5.1 Hanson (2001)",
        model: "research-feedback",
        params: &[("n", "0.02"), ("lambda", "1"), ("theta", "0.05"), ("years", "300")],
        rationale: "Sufficient feedback, φ > 1: each gain in know-how speeds the next, and technology reaches infinity in finite time.",
        paper: growth_only("II"),
        coverage: &[Coverage { param: "phi", class: Doc::new("sufficient feedback: φ > 1"), samples: &[1.000001, 1.01, 1.5, 2.0, 3.0] }, Coverage { param: "n", class: Doc::new("research effort growth n ≥ 0"), samples: &[0.0, 0.05] }],
        baseline: NO_AI_RESEARCH,
        mismatches: &[],
    },
    ScenarioRow {
        id: "tech-low-feedback-automation",
        table: TECHNOLOGY,
        label: "LS in tech production, low research feedback, & asymptotic research task automation; or HS in tech production, negative research feedback, & research capital productivity growth",
        sources: "§5.2 Aghion et al. (2019)",
        model: "research-feedback",
        params: &[("n", "0.1"), ("lambda", "1"), ("theta", "0.05"), ("years", "500")],
        rationale: "Automating research tasks makes research effort grow 10 %/yr instead of 1 %/yr: with φ < 1 growth settles at λn/(1−φ), ten times its no-AI rate whatever φ and λ are. The LS half; the HS half is its own entry.",
        paper: growth_only("++"),
        coverage: &[Coverage { param: "phi", class: Doc::new("low or negative feedback: φ < 1"), samples: &[-5.0, -2.1, -0.5, 0.3, 0.99] }, Coverage { param: "n", class: Doc::new("automated research effort growth"), samples: &[0.03, 0.2] }, Coverage { param: "lambda", class: Doc::new("returns to research effort"), samples: &[0.1, 3.0] }],
        baseline: NO_AI_RESEARCH,
        mismatches: &[],
    },
    ScenarioRow {
        id: "tech-intermediate-feedback-automation",
        table: TECHNOLOGY,
        label: "LS in tech production, intermed. research feedback & asymp. research task automation; or HS in tech prod., zero research feedback, & research capital prod. growth",
        sources: "§5.2 Aghion et al. (2019)",
        model: "research-feedback",
        params: &[("phi", "1"), ("lambda", "1"), ("theta", "0.05"), ("years", "1000")],
        rationale: "At φ = 1, Ḃ/B = θ(SLe^{nt})^λ: type I for every n > 0. Without AI (n = 0.01) too: AI speeds the acceleration; n = 0.01 is no sample. The LS half; the HS half is its own entry.",
        paper: growth_only("I"),
        coverage: &[Coverage { param: "n", class: Doc::new("growing research effort: n > 0"), samples: &[1e-6, 0.002, 0.05, 0.2] }],
        baseline: NO_AI_RESEARCH,
        mismatches: &[],
    },
    ScenarioRow {
        id: "tech-high-feedback",
        table: TECHNOLOGY,
        label: "LS in tech production & high research feedback or HS in tech production & positive research feedback",
        sources: "§5.2 Aghion et al. (2019)",
        model: "research-feedback",
        params: &[("n", "0"), ("lambda", "1"), ("theta", "0.05"), ("years", "300")],
        rationale: "φ > 1: Ḃ = θB^φ(SL)^λ blows up at B₀^{1−φ}/((φ−1)θ(SL)^λ) even with constant scientists, however close φ is to 1. The LS half; the HS half is its own entry.",
        paper: growth_only("II"),
        coverage: &[Coverage { param: "phi", class: Doc::new("high feedback: φ > 1"), samples: &[1.000001, 1.00001, 1.01, 1.5, 3.0] }, Coverage { param: "lambda", class: Doc::new("returns to research effort"), samples: &[0.5, 2.0] }],
        baseline: NO_AI_RESEARCH,
        mismatches: &[],
    },
    ScenarioRow {
        id: "tech-low-feedback-research-capital",
        table: TECHNOLOGY,
        label: "HS in tech production, negative research feedback, & research capital productivity growth — the HS half of its §5.2 row",
        sources: "§5.2 Aghion et al. (2019)",
        model: "research-capital",
        params: &[("lambda", "1"), ("theta", "0.05"), ("research_share", "0.1"), ("s", "0.3"), ("delta", "0.05"), ("alpha", "0.5"), ("g_Z", "0.02"), ("years", "1000")],
        rationale: "Robot scientists: research done by capital whose research productivity grows 2 %/yr; capital grows with labor-augmenting technology, so λ(g_A + g_Z) = (1 − φ)g_A gives steady g_Z/(−φ) for φ < 0. Without AI people do research, effort growing 1 %/yr.",
        paper: growth_only("++"),
        coverage: &[Coverage { param: "phi", class: Doc::new("negative research feedback: φ < 0"), samples: &[-5.0, -2.1, -0.5, -0.01, -1e-6] }, Coverage { param: "g_Z", class: Doc::new("research capital productivity growth g_Z ≥ 0"), samples: &[0.006, 0.1] }],
        baseline: HUMAN_SCIENTISTS,
        mismatches: &[
            Mismatch { param: "g_Z", within: (0, 100_000), scale: Scale::HumanScientists, column: "growth", simulated: "--", reason: SLOW_RESEARCH_CAPITAL },
            Mismatch { param: "g_Z", within: (100_000, 900_000), scale: Scale::HumanScientists, column: "growth", simulated: "-", reason: SLOW_RESEARCH_CAPITAL },
            Mismatch { param: "g_Z", within: (900_000, 1_100_000), scale: Scale::HumanScientists, column: "growth", simulated: "=", reason: SLOW_RESEARCH_CAPITAL },
            Mismatch { param: "g_Z", within: (1_100_001, 1_499_999), scale: Scale::HumanScientists, column: "growth", simulated: "+", reason: SLOW_RESEARCH_CAPITAL }],
    },
    ScenarioRow {
        id: "tech-zero-feedback-research-capital",
        table: TECHNOLOGY,
        label: "HS in tech prod., zero research feedback, & research capital prod. growth — the HS half of its §5.2 row",
        sources: "§5.2 Aghion et al. (2019)",
        model: "research-capital",
        params: &[("phi", "0"), ("lambda", "1"), ("theta", "0.05"), ("research_share", "0.1"), ("s", "0.3"), ("delta", "0.05"), ("alpha", "0.5"), ("years", "1000")],
        rationale: "The same robot scientists at φ = 0: no balanced path; capital lags technology, so the growth rate itself grows at λ(1 − α)g_Z/(λ + 1 − α) (type I) for every g_Z > 0; this needs φ + λ = 1.",
        paper: growth_only("I"),
        coverage: &[Coverage { param: "g_Z", class: Doc::new("research capital productivity growth: g_Z > 0"), samples: &[1e-5, 0.002, 0.005, 0.02, 0.1, 0.2] }],
        baseline: HUMAN_SCIENTISTS,
        mismatches: &[],
    },
    ScenarioRow {
        id: "tech-positive-feedback-research-capital",
        table: TECHNOLOGY,
        label: "HS in tech production & positive research feedback — the HS half of its §5.2 row",
        sources: "§5.2 Aghion et al. (2019)",
        model: "research-capital",
        params: &[("lambda", "1"), ("theta", "0.05"), ("research_share", "0.1"), ("s", "0.3"), ("delta", "0.05"), ("alpha", "0.5"), ("g_Z", "0"), ("years", "2000")],
        rationale: "Robot scientists with positive feedback: scientists grow with technology, so for φ + λ > 1 technology and output reach infinity in finite time (type II), however far off (about 52/φ years as φ → 0⁺).",
        paper: growth_only("II"),
        coverage: &[Coverage { param: "phi", class: Doc::new("positive research feedback: φ > 0"), samples: &[0.01, 0.1, 0.5, 1.0, 3.0] }],
        baseline: HUMAN_SCIENTISTS,
        mismatches: &[],
    },
    ScenarioRow {
        id: "tech-combinatorial",
        table: TECHNOLOGY,
        label: "AI-assisted multiplication of combinatorial idea discovery",
        sources: "§5.3 Agrawal et al. (2019)",
        model: "research-feedback",
        params: &[("phi", "0"), ("n", "0.01"), ("theta", "0.05"), ("years", "1000")],
        rationale: "AI lets researchers search more combinations of ideas, raising λ: with φ < 1 growth settles at λn/(1−φ), λ times its rate at λ = 1 and the same n; the class is a rise by more than half.",
        paper: growth_only("++"),
        coverage: &[Coverage { param: "lambda", class: Doc::new("multiplied discovery: λ > 1"), samples: &[1.005, 1.2, 1.6, 2.0, 5.0] }, Coverage { param: "n", class: Doc::new("research effort growth n > 0"), samples: &[0.005, 0.05] }],
        baseline: Baseline::BalancedPath(&[("lambda", "1")]),
        mismatches: &[Mismatch { param: "", within: (1000000, 1099999), scale: Scale::Units, column: "growth", simulated: "=", reason: "Growth changes by less than a tenth." }, Mismatch { param: "", within: (1100000, 1499999), scale: Scale::Units, column: "growth", simulated: "+", reason: "Growth is λ × its λ = 1 rate: '++' needs λ ≥ 1.5." }],
    },
    ScenarioRow {
        id: "tech-elasticity-change",
        table: TECHNOLOGY,
        label: "AI-assisted elasticity-change in idea discovery",
        sources: "§5.3 Agrawal et al. (2019)",
        model: "research-feedback",
        params: &[("n", "0.01"), ("lambda", "1"), ("theta", "0.05"), ("years", "400")],
        rationale: "AI changes how strongly the stock of ideas feeds discovery, pushing the effective feedback above one: a finite-time singularity.",
        paper: growth_only("II"),
        coverage: &[Coverage { param: "phi", class: Doc::new("feedback raised above 1"), samples: &[1.000001, 1.01, 1.3, 2.0, 3.0] }, Coverage { param: "n", class: Doc::new("research effort growth n ≥ 0"), samples: &[0.0, 0.05] }],
        baseline: NO_AI_RESEARCH,
        mismatches: &[],
    },
    ScenarioRow {
        id: "tech-diminished-incentives",
        table: TECHNOLOGY,
        label: "AI-diminished innovation incentives",
        sources: "§5.4 Aghion et al. (2019), Acemoglu and Restrepo (2018b)",
        model: "research-feedback",
        params: &[("n", "-0.02"), ("lambda", "1"), ("theta", "0.05"), ("years", "600")],
        rationale: "If AI erodes the rents that pay for research, research effort shrinks (here 2 %/yr); with φ < 1 technology stops growing.",
        paper: growth_only("--"),
        coverage: &[Coverage { param: "phi", class: Doc::new("ideas get harder to find: φ < 1"), samples: &[-5.0, -2.1, 0.0, 0.5, 0.99] }, Coverage { param: "n", class: Doc::new("shrinking research effort n < 0"), samples: &[-0.05, -0.005] }],
        baseline: NO_AI_RESEARCH,
        mismatches: &[],
    },
];

/// The row with this id.
pub fn find(id: &str) -> Option<&'static ScenarioRow> {
    CATALOG.iter().find(|r| r.id == id)
}

/// The row's representative point: the middle sampled value of the class its label names (its first coverage); further coverages sweep other parameters around the row's own values.
pub fn representative(row: &ScenarioRow) -> Vec<(&'static str, String)> {
    row.coverage
        .iter()
        .take(1)
        .map(|c| {
            (
                c.param,
                format!("{}", Digits(c.samples[c.samples.len() / 2], 15)),
            )
        })
        .collect()
}

/// The row's parameters with its representative point and then `overrides` (`key=value` texts) on top.
fn row_pairs<'a>(
    row: &'a ScenarioRow,
    middle: &'a [(&'static str, String)],
    overrides: &[(&'a str, &'a str)],
) -> Vec<(&'a str, &'a str)> {
    let mut pairs: Vec<(&str, &str)> = row.params.to_vec();
    for (k, v) in middle
        .iter()
        .map(|(k, v)| (*k, v.as_str()))
        .chain(overrides.iter().copied())
    {
        pairs.retain(|(key, _)| *key != k);
        pairs.push((k, v));
    }
    pairs
}

/// Runs a row at its own parameters (its representative point) with `overrides` (`key=value` texts) on top.
pub fn run_row(row: &ScenarioRow, overrides: &[(&str, &str)]) -> Result<Run, ModelError> {
    let middle = representative(row);
    models::simulate(row.model, &row_pairs(row, &middle, overrides))
}

/// The row's counterfactual at the point `overrides`: the same economy without AI ([`Baseline`]).
pub fn counterfactual(
    row: &ScenarioRow,
    overrides: &[(&str, &str)],
) -> Result<Option<Counterfactual>, ClassifyError> {
    let middle = representative(row);
    let (without_ai, simulated, model) = match row.baseline {
        Baseline::BalancedPath(o) => (o, false, row.model),
        Baseline::Simulated(o) => (o, true, row.model),
        Baseline::OtherModel(m, o) => (o, false, m),
    };
    let decl = models::find(model, ModelKind::Simulate)?;
    let mut pairs = row_pairs(row, &middle, overrides);
    // Another model keeps only the parameters it shares with the row's (φ, λ, θ, years).
    pairs.retain(|(key, _)| decl.params.iter().any(|p| p.name == *key));
    for (k, v) in without_ai {
        pairs.retain(|(key, _)| key != k);
        pairs.push((k, v));
    }
    if simulated {
        let run = models::simulate(model, &pairs)?;
        check_complete(&run)?;
        let growth = match run.trend {
            Trend::Steady(g) => g,
            _ => return Ok(None),
        };
        let wage_growth = run
            .series("g_wage")
            .map_or(growth, |w| long_run_rate(&run.t, w));
        Ok(Some(Counterfactual {
            growth,
            wage_growth,
        }))
    } else {
        Ok(models::balanced_path(&Args::parse(decl, &pairs)?))
    }
}

/// Runs row `row` at the point `overrides` and classifies it against its own counterfactual.
pub fn classify_row(
    row: &ScenarioRow,
    overrides: &[(&str, &str)],
) -> Result<(Run, Symbols), ClassifyError> {
    let run = run_row(row, overrides)?;
    let symbols = classify(&run, counterfactual(row, overrides)?)?;
    Ok((run, symbols))
}

/// Classifies every sampled point of a row's coverage (with `extra` overrides, e.g. a longer horizon): (point, symbols or why not) pairs; the row's own point when it declares none.
pub fn sample_row(
    row: &ScenarioRow,
    extra: &[(&str, &str)],
) -> Vec<(String, Result<Symbols, ClassifyError>)> {
    let mut out = Vec::new();
    if row.coverage.is_empty() {
        out.push((
            String::from("as declared"),
            classify_row(row, extra).map(|(_, s)| s),
        ));
    }
    for c in row.coverage {
        for value in c.samples {
            let text = format!("{}", Digits(*value, 15));
            let mut overrides: Vec<(&str, &str)> = extra.to_vec();
            overrides.push((c.param, text.as_str()));
            out.push((
                format!("{}={text}", c.param),
                classify_row(row, &overrides).map(|(_, s)| s),
            ));
        }
    }
    out
}
