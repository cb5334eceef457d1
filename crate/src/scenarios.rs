//! The literature review's scenario tables, live: one entry per table row of the episode
//! (Trammell & Korinek, "Economic Growth under Transformative AI", tables of §3–§5), each
//! with the model and parameters that represent it and the paper's classification; and a
//! classifier that reads any simulated run and returns the same symbols from its numbers.
//!
//! ## The classifier's thresholds (the same for every row)
//! - Baseline growth g₀ = 2 % a year (the historical rate the episode starts from).
//! - Growth: `II` a finite-time blow-up; `I` a growth rate rising without bound (see
//!   [`crate::trend`]); otherwise the long-run rate g∞ gives `--` (growth dies out, or
//!   g∞ < g₀/4), `-` (g∞ < g₀ − ¼ pp), `=` (within ¼ pp of g₀), `+` (up to 2 g₀), `++` (≥ 2 g₀,
//!   a sustained increase of the kind the episode calls transformative).
//! - Labor share: `→0` below 5 % and not rising over the last quarter; `C` at or above 5 %
//!   and moving by less than 2 points over the last quarter.
//! - Wages, from the long-run wage growth g_w: `I` rising without bound; `→0` below
//!   −0.1 %/yr; `=` within ±0.1 %/yr; `++` at least 2 g₀; `C` within 10 % (or 0.1 pp) of
//!   output growth; `L` otherwise (a low constant rate, below output growth).

use crate::format::Digits;
use crate::models::{self, ModelError, Run};
use crate::trend::{growth_trend, value_at, Trend};
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

/// Baseline growth g₀ (per year).
pub const BASELINE_GROWTH: f64 = 0.02;
/// Labor share below which it counts as → 0.
pub const SHARE_ZERO: f64 = 0.05;
/// Largest change of the labor share over the last quarter that still counts as constant.
pub const SHARE_DRIFT: f64 = 0.02;
/// Wage growth within ± this counts as unchanged (per year).
pub const WAGE_FLAT: f64 = 0.001;

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

/// The growth symbol of a trend (thresholds above).
pub fn growth_symbol(trend: Trend) -> &'static str {
    match trend {
        Trend::TypeII(_) => "II",
        Trend::TypeI => "I",
        Trend::DiesOut => "--",
        Trend::Steady(g) => {
            let g0 = BASELINE_GROWTH;
            if g < g0 / 4.0 {
                "--"
            } else if g < g0 - 0.0025 {
                "-"
            } else if g <= g0 + 0.0025 {
                "="
            } else if g < 2.0 * g0 {
                "+"
            } else {
                "++"
            }
        }
    }
}

/// Mean of `v` over samples with t in [from, to].
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

/// The labor-share symbol of a series (thresholds above); `?` when it fits neither.
pub fn labor_share_symbol(t: &[f64], share: &[f64]) -> &'static str {
    let (Some(&t0), Some(&t_end)) = (t.first(), t.last()) else {
        return "?";
    };
    let end = share.last().copied().unwrap_or(0.0);
    let q3 = value_at(t, share, t0 + 0.75 * (t_end - t0));
    if end < SHARE_ZERO && end <= q3 + 1e-12 {
        "→0"
    } else if end >= SHARE_ZERO && (end - q3).abs() < SHARE_DRIFT {
        "C"
    } else {
        "?"
    }
}

/// The wage symbol from the ln wage, wage growth and output growth series (thresholds above); a recorded zero wage is `→0`.
pub fn wage_symbol(t: &[f64], ln_wage: &[f64], g_wage: &[f64], g_output: &[f64]) -> &'static str {
    let (Some(&t0), Some(&t_end)) = (t.first(), t.last()) else {
        return "?";
    };
    let zero_wage = ln_wage
        .last()
        .is_some_and(|w| *w <= crate::exogenous::LN_ZERO_WAGE);
    let span = t_end - t0;
    let positive: Vec<f64> = g_wage.iter().map(|g| g.max(1e-12)).collect();
    if !zero_wage
        && g_wage.last().is_some_and(|g| *g > WAGE_FLAT)
        && growth_trend(t, &positive, None) == Trend::TypeI
    {
        return "I";
    }
    let g_w = mean_between(t, g_wage, t0 + 0.9 * span, t_end);
    let g_y = mean_between(t, g_output, t0 + 0.9 * span, t_end);
    if g_w < -WAGE_FLAT || zero_wage {
        "→0"
    } else if g_w <= WAGE_FLAT {
        "="
    } else if g_w >= 2.0 * BASELINE_GROWTH {
        "++"
    } else if (g_w - g_y).abs() <= (0.1 * g_y.abs()).max(WAGE_FLAT) {
        "C"
    } else {
        "L"
    }
}

/// All three symbols of a run; the labor-share and wage columns only where the run has those series.
pub fn classify(run: &Run) -> Symbols {
    let growth = growth_symbol(run.trend);
    let labor_share = run
        .series("labor_share")
        .map(|s| labor_share_symbol(&run.t, s));
    let wages = match (
        run.series("ln_wage"),
        run.series("g_wage"),
        run.series("g_Y"),
    ) {
        (Some(level), Some(w), Some(y)) => Some(wage_symbol(&run.t, level, w, y)),
        _ => None,
    };
    Symbols {
        growth,
        labor_share,
        wages,
    }
}

/// The parameter range a row's label covers, and the points of it the tests sample.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Coverage {
    /// The parameter swept.
    pub param: &'static str,
    /// The class in the paper's words, e.g. "HS: ρ ∈ (0, 1)".
    pub class: &'static str,
    /// Points of the class that are simulated and must all classify as the paper says.
    pub samples: &'static [f64],
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
    /// `Some(reason)` when the row cannot be represented honestly.
    pub unrepresentable: Option<&'static str>,
}

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
    class: "HS: ρ ∈ (0, 1)",
    samples: &[0.2, 0.35, 0.5, 0.65, 0.8],
};
const PS: Coverage = Coverage {
    param: "rho",
    class: "PS: ρ = 1",
    samples: &[1.0],
};
const LS_LAND: Coverage = Coverage {
    param: "rho",
    class: "LS land constraint: ρ < 0",
    samples: &[-0.25, -0.5, -1.0, -2.0],
};
const MS_LAND: Coverage = Coverage {
    param: "rho",
    class: "MS land constraint: ρ = 0",
    samples: &[0.0],
};
const LS: Coverage = Coverage {
    param: "rho",
    class: "LS: ρ < 0",
    samples: &[-0.25, -0.5, -1.0, -3.0],
};
const MS: Coverage = Coverage {
    param: "rho",
    class: "MS: ρ = 0",
    samples: &[0.0],
};

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

/// Every row of the episode's tables.
pub static CATALOG: &[ScenarioRow] = &[
    ScenarioRow {
        id: "hs-consumption",
        table: IMPERFECT,
        label: "HS in consumption goods",
        sources: "§3.2 Nordhaus (2015)",
        model: "consumption-goods",
        params: &[("alpha", "0.5"), ("g_AI", "0.06"), ("g_B", "0.01"), ("years", "600")],
        rationale: "An AI good whose technology grows 6 %/yr and a human good, highly substitutable for consumers; each good is Cobb-Douglas, so labor keeps a constant share while spending shifts to the AI good and growth rises to its rate.",
        paper: sym("++", "C", "++"),
        coverage: &[HS],
        unrepresentable: None,
    },
    ScenarioRow {
        id: "hs-production",
        table: IMPERFECT,
        label: "HS in production",
        sources: "§3.2 Nordhaus (2015)",
        model: "exogenous",
        params: &[("slide_form", "1"), ("A0", "0.85"), ("s", "0.3"), ("delta", "0.05"), ("g_A", "0"), ("g_B", "0.01"), ("n", "0"), ("years", "500")],
        rationale: "Solow with the slide's CES and ρ ∈ (0, 1): capital alone can grow output, so a saving rate high enough (sA − δ ≈ 20 %/yr, 'if the saving rate is high enough') sets growth; labor's share vanishes while wages rise with the capital beside them.",
        paper: sym("++", "→0", "++"),
        coverage: &[HS],
        unrepresentable: None,
    },
    ScenarioRow {
        id: "hs-capital-augmenting",
        table: IMPERFECT,
        label: "HS (not PS) in production & capital-augmenting tech growth",
        sources: "§3.2 Nordhaus (2015)",
        model: "exogenous",
        params: &[("slide_form", "1"), ("A0", "0.5"), ("s", "0.3"), ("delta", "0.05"), ("g_A", "0.02"), ("g_B", "0.01"), ("n", "0"), ("years", "300")],
        rationale: "As above with capital-augmenting technology growing 2 %/yr: capital, itself growing, becomes ever more productive, so the growth rate sA(t) − δ rises exponentially (type I), and with ρ < 1 wages ride along.",
        paper: sym("I", "→0", "I"),
        coverage: &[HS],
        unrepresentable: None,
    },
    ScenarioRow {
        id: "ps-capital-augmenting",
        table: PERFECT,
        label: "PS in production & capital-augmenting tech growth",
        sources: "§3.2",
        model: "exogenous",
        params: &[("alpha", "0.5"), ("A0", "0.5"), ("s", "0.3"), ("delta", "0.05"), ("g_A", "0.02"), ("g_B", "0.01"), ("n", "0"), ("years", "300")],
        rationale: "Y = αAK + (1−α)BL: robots and people side by side. Capital-augmenting growth makes the growth rate rise without bound, while the wage (1−α)B grows only at the low rate of labor-augmenting technology (1 %/yr).",
        paper: sym("I", "→0", "L"),
        coverage: &[PS],
        unrepresentable: None,
    },
    ScenarioRow {
        id: "ps-land-hanson",
        table: PERFECT,
        label: "PS in production, capital-augmenting tech growth, & MS land constraint",
        sources: "§3.3 Hanson (2001)",
        model: "land",
        params: &[("a", "0.7"), ("g_A", "0.03"), ("s", "0.3"), ("delta", "0.05"), ("years", "600")],
        rationale: "Y = (AK + L)^a X^{1−a} with fixed land X: growth settles at a·g_A/(1−a) = 7 %/yr, a boost but no singularity; robots swamp people in AK + L, so their share and their marginal product (the wage) fall toward zero.",
        paper: sym("++", "→0", "→0"),
        coverage: &[MS_LAND],
        unrepresentable: None,
    },
    ScenarioRow {
        id: "ps-land-equipment",
        table: PERFECT,
        label: "PS in production, equipment-augmenting tech gr., & MS land constraint",
        sources: "§3.3",
        model: "land",
        params: &[("a", "0.7"), ("equipment", "0.4"), ("g_A", "0.04"), ("g_B", "0.01"), ("s", "0.3"), ("delta", "0.05"), ("years", "600")],
        rationale: "Technology (4 %/yr) augments only the equipment that complements robots and people, so output grows at e·g_A/(1−a) ≈ 5 %/yr; more robots push wages down, better equipment pushes them up, and they cancel, so wages grow only at the low rate of people's own productivity (1 %/yr) while output grows faster.",
        paper: sym("++", "→0", "L"),
        coverage: &[MS_LAND],
        unrepresentable: None,
    },
    ScenarioRow {
        id: "ps-land-ls",
        table: PERFECT,
        label: "PS in production & LS land constraint (regardless of tech)",
        sources: "§3.3 Korinek and Stiglitz (2019)",
        model: "land",
        params: &[("a", "0.7"), ("g_A", "0.03"), ("g_X", "0.02"), ("s", "0.3"), ("delta", "0.05"), ("years", "600")],
        rationale: "Land is a gross complement of everything else, so output grows only as fast as land-augmenting technology (2 %/yr, the baseline): growth is unchanged, while ever more robots drive people's share and wage to zero.",
        paper: sym("=", "→0", "→0"),
        coverage: &[LS_LAND],
        unrepresentable: None,
    },
    ScenarioRow {
        id: "robotics-hs-hs",
        table: ROBOTICS,
        label: "HS in final good production, HS in robotics production",
        sources: "§3.4 Mookherjee and Ray (2017), Korinek and Stiglitz (2019)",
        model: "robots",
        params: &[],
        rationale: "",
        paper: sym("++", "→0", "L"),
        coverage: &[],
        unrepresentable: Some("The episode shows this row's symbols but not the model's structure. Built from the slide's equations (Y = F((1−S_K)K, (1−S_H)H + (1−S_R)R), Ṙ = f(S_K K, S_H H + D S_R R)), highly substitutable final production lets wages grow with the robots beside people rather than at a low constant rate for ρ across (0, 1), so the paper's 'L' holds only at the PS edge; we list the row rather than tune the structure to the answer."),
    },
    ScenarioRow {
        id: "robotics-hs-ls",
        table: ROBOTICS,
        label: "HS in final good production, LS in robotics production",
        sources: "§3.4 Mookherjee and Ray (2017), Korinek (2018)",
        model: "robots",
        params: &[],
        rationale: "",
        paper: sym("+", "C", "C"),
        coverage: &[],
        unrepresentable: Some("A modest growth increase ('+') with a constant labor share needs the paper's specification of what bounds robot production; from the slide's equations alone, accumulating capital either drives growth to '++' (highly substitutable final goods) or leaves it at the baseline when people bound robot output, so '+' cannot be reproduced across the class without an invented calibration."),
    },
    ScenarioRow {
        id: "savings-increase",
        table: SAVINGS,
        label: "PS in production & one-off capital-augmenting tech increase – saving increase",
        sources: "§3.5 Korinek and Stiglitz (2019)",
        model: "exogenous",
        params: &[("alpha", "0.33"), ("A0", "1"), ("s", "0.3"), ("delta", "0.05"), ("g_A", "0"), ("g_B", "0"), ("n", "0"), ("years", "400")],
        rationale: "AI arrives as a one-off jump in A with a higher saving rate; with perfect substitutes saving alone sets growth at sαA − δ ≈ 5 %/yr, robots take over the labor share, and the wage (1−α)B is unchanged.",
        paper: sym("++", "→0", "="),
        coverage: &[PS],
        unrepresentable: None,
    },
    ScenarioRow {
        id: "savings-decrease",
        table: SAVINGS,
        label: "PS in production & capital-aug. tech growth → saving decrease",
        sources: "§3.5 Sachs and Kotlikoff (2012), Sachs et al. (2015)",
        model: "land",
        params: &[("a", "0.7"), ("g_A", "0.03"), ("wage_saving", "1"), ("s", "0.3"), ("delta", "0.05"), ("years", "800")],
        rationale: "Overlapping generations: only the young save, out of wages. Robots substitute for young workers and lower their wage, so saving and the capital stock shrink relative to output: growth falls below the baseline (1.6 %/yr) and wages fall toward zero. Production is as in the Hanson row.",
        paper: sym("-", "→0", "→0"),
        coverage: &[MS_LAND],
        unrepresentable: None,
    },
    ScenarioRow {
        id: "tasks-full-automation",
        table: TASKS,
        label: "LS in production & full task automation with capital-augmenting tech growth (reconstructed row)",
        sources: "§4.2 Aghion et al. (2019)",
        model: "task-automation",
        params: &[("beta", "0.4"), ("full", "1"), ("A", "1"), ("g_A", "0.02"), ("s", "0.3"), ("delta", "0.05"), ("years", "300")],
        rationale: "The transcript's first row of this table is garbled: only 'I' and '→0' survive. The section's logic fixes the rest: once every task is automated, Y = A·K; with A growing the growth rate rises without bound (I), labor has no tasks left (labor share →0) and no marginal product, so its wage falls toward zero. We read the row that way and simulate the task model with β = 1 and A growing 2 %/yr.",
        paper: sym("I", "→0", "→0"),
        coverage: &[LS],
        unrepresentable: None,
    },
    ScenarioRow {
        id: "tasks-ms-full",
        table: TASKS,
        label: "MS in production & asymptotic or full task automation",
        sources: "§4.2 Aghion et al. (2019)",
        model: "task-automation",
        params: &[("beta", "0.4"), ("automation_rate", "0.01"), ("A", "1"), ("s", "0.3"), ("delta", "0.05"), ("years", "400")],
        rationale: "Tasks Cobb-Douglas (ρ = 0): the automated share β_t → 1 raises capital's exponent toward one, so growth keeps accelerating toward the AK limit and beyond any fixed rate in the task form (I); labor's share equals 1 − β_t → 0, and wages rise with output.",
        paper: sym("I", "→0", "I"),
        coverage: &[MS],
        unrepresentable: None,
    },
    ScenarioRow {
        id: "tasks-ls-asymptotic",
        table: TASKS,
        label: "LS in production & asymptotic task automation",
        sources: "§4.2 Aghion et al. (2019)",
        model: "task-automation",
        params: &[("beta", "0.4"), ("automation_rate", "0.05"), ("A", "2"), ("s", "0.3"), ("delta", "0.05"), ("years", "800")],
        rationale: "The episode's example: the human share of tasks keeps shrinking (5 % of the rest each year) but never reaches zero. With tasks complements this works like labor-augmenting technology growing at 5 %·(1−ρ)/(−ρ) > 5 %/yr: faster steady growth, a constant labor share, wages growing with output. A = 2 lets saving (sA − δ = 55 %/yr at most) keep up with that effective labor growth even for ρ near 0.",
        paper: sym("++", "C", "++"),
        coverage: &[LS],
        unrepresentable: None,
    },
    ScenarioRow {
        id: "tasks-ls-replacement",
        table: TASKS,
        label: "LS in production & task automation and replacement",
        sources: "§4.4 Acemoglu and Restrepo (2018b)",
        model: "task-automation",
        params: &[("beta", "0.6"), ("automation_rate", "0.06"), ("A", "2"), ("s", "0.3"), ("delta", "0.05"), ("years", "800")],
        rationale: "Old tasks are automated while new labor-intensive tasks replace them, so the effective human share of tasks keeps shrinking at a steady rate without vanishing: the same balanced path as asymptotic automation, here at 6 % of the rest a year.",
        paper: sym("++", "C", "++"),
        coverage: &[LS],
        unrepresentable: None,
    },
    ScenarioRow {
        id: "tasks-hs-creation",
        table: TASKS,
        label: "HS in production & task automation and creation",
        sources: "§4.3 Hémous and Olsen (2014)",
        model: "exogenous",
        params: &[("slide_form", "1"), ("A0", "0.5"), ("s", "0.3"), ("delta", "0.05"), ("g_A", "0.02"), ("g_B", "0.01"), ("n", "0"), ("years", "300")],
        rationale: "With tasks highly substitutable, automation that keeps raising machines' productivity across tasks acts as capital-augmenting growth in a highly substitutable economy: the growth rate, and wages with it, rise without bound while labor's share vanishes.",
        paper: sym("I", "→0", "I"),
        coverage: &[HS],
        unrepresentable: None,
    },
    ScenarioRow {
        id: "tech-lbd-intermediate",
        table: TECHNOLOGY,
        label: "Learning by doing, w/intermed. feedback and/or automation",
        sources: "§5.1 Hanson (2001)",
        model: "research-feedback",
        params: &[("n", "0.05"), ("lambda", "1"), ("theta", "0.05"), ("years", "500")],
        rationale: "Learning by doing as research: automated production grows the experience input 5 %/yr; with intermediate feedback φ ∈ (0, 1) technology settles at λn/(1−φ) ≥ 5 %/yr.",
        paper: growth_only("++"),
        coverage: &[Coverage { param: "phi", class: "intermediate feedback: φ ∈ (0, 1)", samples: &[0.1, 0.3, 0.5, 0.7] }],
        unrepresentable: None,
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
        coverage: &[Coverage { param: "phi", class: "sufficient feedback: φ > 1", samples: &[1.1, 1.5, 2.0, 3.0] }],
        unrepresentable: None,
    },
    ScenarioRow {
        id: "tech-low-feedback-automation",
        table: TECHNOLOGY,
        label: "LS in tech production, low research feedback, & asymptotic research task automation; or HS in tech production, negative research feedback, & research capital productivity growth",
        sources: "§5.2 Aghion et al. (2019)",
        model: "research-feedback",
        params: &[("n", "0.1"), ("lambda", "1"), ("theta", "0.05"), ("years", "500")],
        rationale: "Automating research tasks makes effective research effort grow (here 10 %/yr); with low or negative feedback φ < 1 growth settles at λn/(1−φ), well above the baseline but steady.",
        paper: growth_only("++"),
        coverage: &[Coverage { param: "phi", class: "low or negative feedback: φ < 1", samples: &[-1.0, -0.5, 0.0, 0.3] }],
        unrepresentable: None,
    },
    ScenarioRow {
        id: "tech-intermediate-feedback-automation",
        table: TECHNOLOGY,
        label: "LS in tech production, intermed. research feedback & asymp. research task automation; or HS in tech prod., zero research feedback, & research capital prod. growth",
        sources: "§5.2 Aghion et al. (2019)",
        model: "research-feedback",
        params: &[("phi", "1"), ("lambda", "1"), ("theta", "0.05"), ("years", "300")],
        rationale: "The knife edge φ = 1 with research effort that keeps growing (automation): Ḃ/B = θ(SL e^{nt})^λ itself grows exponentially — a type I singularity.",
        paper: growth_only("I"),
        coverage: &[Coverage { param: "n", class: "growing research effort: n > 0", samples: &[0.005, 0.01, 0.02, 0.05] }],
        unrepresentable: None,
    },
    ScenarioRow {
        id: "tech-high-feedback",
        table: TECHNOLOGY,
        label: "LS in tech production & high research feedback or HS in tech production & positive research feedback",
        sources: "§5.2 Aghion et al. (2019)",
        model: "research-feedback",
        params: &[("n", "0"), ("lambda", "1"), ("theta", "0.05"), ("years", "300")],
        rationale: "High feedback φ > 1: Ḃ = θB^φ(SL)^λ blows up at B₀^{1−φ}/((φ−1)θ(SL)^λ) even with a constant number of scientists.",
        paper: growth_only("II"),
        coverage: &[Coverage { param: "phi", class: "high feedback: φ > 1", samples: &[1.2, 1.5, 2.0, 2.5] }],
        unrepresentable: None,
    },
    ScenarioRow {
        id: "tech-combinatorial",
        table: TECHNOLOGY,
        label: "AI-assisted multiplication of combinatorial idea discovery",
        sources: "§5.3 Agrawal et al. (2019)",
        model: "research-feedback",
        params: &[("phi", "0"), ("n", "0.03"), ("theta", "0.05"), ("years", "600")],
        rationale: "AI lets researchers search more combinations of existing ideas, raising the returns to research effort λ: with φ < 1 growth settles at the higher steady rate λn/(1−φ).",
        paper: growth_only("++"),
        coverage: &[Coverage { param: "lambda", class: "multiplied discovery: λ raised to 1.5–2", samples: &[1.5, 1.75, 2.0] }],
        unrepresentable: None,
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
        coverage: &[Coverage { param: "phi", class: "feedback raised above 1", samples: &[1.1, 1.3, 1.6, 2.0] }],
        unrepresentable: None,
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
        coverage: &[Coverage { param: "phi", class: "ideas get harder to find: φ < 1", samples: &[-2.1, -1.0, 0.0, 0.5] }],
        unrepresentable: None,
    },
];

/// The row with this id.
pub fn find(id: &str) -> Option<&'static ScenarioRow> {
    CATALOG.iter().find(|r| r.id == id)
}

/// The row's representative point: for each class it covers, the middle sampled value.
pub fn representative(row: &ScenarioRow) -> Vec<(&'static str, String)> {
    row.coverage
        .iter()
        .map(|c| {
            (
                c.param,
                format!("{}", Digits(c.samples[c.samples.len() / 2], 15)),
            )
        })
        .collect()
}

/// Runs a row at its own parameters (its representative point) with `overrides` (`key=value` texts) on top.
pub fn run_row(row: &ScenarioRow, overrides: &[(&str, &str)]) -> Result<Run, ModelError> {
    let middle = representative(row);
    let mut pairs: Vec<(&str, &str)> = row.params.to_vec();
    for (k, v) in middle
        .iter()
        .map(|(k, v)| (*k, v.as_str()))
        .chain(overrides.iter().copied())
    {
        pairs.retain(|(key, _)| *key != k);
        pairs.push((k, v));
    }
    models::simulate(row.model, &pairs)
}

/// Simulates every sampled point of a row's coverage and returns (point, symbols) pairs; the row's own point when it declares none.
pub fn sample_row(row: &ScenarioRow) -> Result<Vec<(String, Symbols)>, ModelError> {
    let mut out = Vec::new();
    if row.coverage.is_empty() {
        out.push((String::from("as declared"), classify(&run_row(row, &[])?)));
    }
    for c in row.coverage {
        for value in c.samples {
            let text = format!("{}", Digits(*value, 15));
            let run = run_row(row, &[(c.param, text.as_str())])?;
            out.push((format!("{}={text}", c.param), classify(&run)));
        }
    }
    Ok(out)
}
