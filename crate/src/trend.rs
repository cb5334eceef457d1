//! Reading a simulated growth-rate series: does growth die out, hold steady, rise without
//! bound, or blow up in finite time? One set of documented thresholds for every model.
//!
//! The statistic is the growth rate's elasticity with respect to time, s = d ln g / d ln t,
//! over the run's third and fourth quarters: s ≈ −1 when g ∝ 1/t (growth dying out, as with
//! constant scientists and φ < 1), s ≈ 0 at a constant rate, and s ≫ 0 when the rate itself
//! keeps rising (type I). When |s| shrinks quickly between the two quarters the rate is
//! levelling off and counts as steady at its extrapolated limit. A falling rate dies out only
//! when 1/g grows without bound over τ/2, 3τ/4, τ (linearly, as 1/t does, or faster), or levels
//! off beyond ten times its last value; otherwise it is steady (at the same extrapolated limit). A finite-time blow-up found by the solver is type II.

/// A finite-time singularity found by the integrator.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Blowup {
    /// Estimated time at which the state reaches infinity.
    pub time: f64,
    /// Estimated error of `time`.
    pub error: f64,
}

/// |s| at or below this is "steady".
pub const STEADY_ELASTICITY: f64 = 0.25;
/// A growth rate below this (per year) counts as zero.
pub const ZERO_RATE: f64 = 1e-4;

/// What a growth-rate path does in the long run (episode: "transformative" growth regimes).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Trend {
    /// The growth rate falls toward zero.
    DiesOut,
    /// The growth rate settles at this constant (per year).
    Steady(f64),
    /// The growth rate keeps rising without bound (type I singularity).
    TypeI,
    /// Output reaches infinity in finite time (type II singularity).
    TypeII(Blowup),
}

impl Trend {
    /// Short label as the episode says it.
    pub fn label(&self) -> &'static str {
        match self {
            Trend::DiesOut => "growth dies out",
            Trend::Steady(_) => "steady exponential growth",
            Trend::TypeI => "type I singularity",
            Trend::TypeII(_) => "type II singularity",
        }
    }
}

/// The growth-rate trend of samples (t, g) with t increasing from the run's start (s = d ln g / d ln t over the last two quarters).
pub fn growth_trend(t: &[f64], g: &[f64], blowup: Option<Blowup>) -> Trend {
    if let Some(b) = blowup {
        return Trend::TypeII(b);
    }
    let n = t.len().min(g.len());
    if n < 3 {
        return Trend::Steady(g.last().copied().unwrap_or(0.0));
    }
    let (t0, t_end) = (t[0], t[n - 1]);
    let mid_time = t0 + 0.5 * (t_end - t0);
    let g_end = g[n - 1];
    let g_mid = value_at(t, g, mid_time);
    if g_end <= ZERO_RATE {
        return if g_mid > g_end || g_end.abs() <= ZERO_RATE {
            Trend::DiesOut
        } else {
            Trend::Steady(g_end)
        };
    }
    if g_mid <= 0.0 {
        return Trend::TypeI;
    }
    // Elasticities over the third and fourth quarters: a rate that is levelling off (|s| shrinking
    // fast) is settling to a constant, not rising without bound or dying out.
    let q3_time = t0 + 0.75 * (t_end - t0);
    let g_q3 = value_at(t, g, q3_time);
    if g_q3 <= 0.0 {
        return Trend::TypeI;
    }
    let elasticity =
        |a: f64, b: f64, ta: f64, tb: f64| libm::log(b / a) / libm::log((tb - t0) / (ta - t0));
    let s_early = elasticity(g_mid, g_q3, mid_time, q3_time);
    let s_late = elasticity(g_q3, g_end, q3_time, t_end);
    let levelling_off = s_late.abs() < LEVELLING * s_early.abs();
    if s_late > STEADY_ELASTICITY && !levelling_off {
        Trend::TypeI
    } else if s_late < -STEADY_ELASTICITY && !levelling_off {
        // Dying out, or converging slowly from above to a positive rate? Read 1/g: it grows
        // without bound when g dies out (linearly for the 1/t of constant scientists, faster for
        // shrinking ones) and levels off at 1/g∞ when g settles, which Aitken's Δ² extrapolates
        // (hs-production at ρ = 10⁻⁴ read "--" while growing 31–48 %/yr toward sA − δ: issue #13).
        // A settling rate is read at the same extrapolated limit as any other steady one.
        let inverse = aitken_limit(1.0 / g_mid, 1.0 / g_q3, 1.0 / g_end);
        if inverse.is_some_and(|h| h * DIES_OUT_FRACTION * g_end < 1.0) {
            Trend::Steady(aitken_limit(g_mid, g_q3, g_end).unwrap_or(g_end))
        } else {
            Trend::DiesOut
        }
    } else {
        Trend::Steady(aitken_limit(g_mid, g_q3, g_end).unwrap_or(g_end))
    }
}

/// A falling rate whose extrapolated limit is below this fraction of its last value dies out.
pub const DIES_OUT_FRACTION: f64 = 0.1;

/// A late elasticity below this fraction of the earlier one means the rate is levelling off.
pub const LEVELLING: f64 = 0.7;

/// The limit of a geometrically converging sequence a, b, c (Aitken's Δ² extrapolation), if it converges.
fn aitken_limit(a: f64, b: f64, c: f64) -> Option<f64> {
    let (d1, d2) = (b - a, c - b);
    let denom = d2 - d1;
    if denom.abs() < 1e-15 || d1 == 0.0 || d2 / d1 >= 1.0 || d2 / d1 <= 0.0 {
        return None;
    }
    let limit = c - d2 * d2 / denom;
    limit.is_finite().then_some(limit)
}

/// Linear interpolation of samples (t, v) at time `at`.
pub fn value_at(t: &[f64], v: &[f64], at: f64) -> f64 {
    let n = t.len().min(v.len());
    if n == 0 {
        return 0.0;
    }
    if at <= t[0] {
        return v[0];
    }
    for i in 1..n {
        if t[i] >= at {
            let f = (at - t[i - 1]) / (t[i] - t[i - 1]);
            return v[i - 1] + f * (v[i] - v[i - 1]);
        }
    }
    v[n - 1]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn trend_of(g: impl Fn(f64) -> f64, years: f64) -> Trend {
        let t: alloc::vec::Vec<f64> = (0..=400).map(|i| years * f64::from(i) / 400.0).collect();
        let rates: alloc::vec::Vec<f64> = t.iter().map(|&t| g(t)).collect();
        growth_trend(&t, &rates, None)
    }

    #[test]
    fn a_rate_falling_slowly_to_a_positive_limit_is_steady_and_one_falling_to_zero_dies_out() {
        // Issue #13's audit: a rate converging from above to 25 %/yr, falling like t^{−0.3} on
        // the way, read "growth dies out".
        let settling = trend_of(|t| 0.25 + 0.6 * libm::pow(1.0 + t / 100.0, -0.3), 40_000.0);
        assert!(
            matches!(settling, Trend::Steady(g) if g > 0.25 && g < 0.4),
            "{settling:?}"
        );
        let approach = trend_of(|t| 0.02 + 0.05 * libm::exp(-t / 8000.0), 40_000.0);
        assert!(
            matches!(approach, Trend::Steady(g) if (g - 0.02).abs() < 5e-4),
            "{approach:?}"
        );
        // Constant scientists with φ < 1: g = 1/((1 − φ)(t + t₀)), with and without the offset.
        for t0 in [1.0, 100.0, 10_000.0] {
            assert_eq!(
                trend_of(|t| 1.0 / (1.5 * (t + t0)), 10_000.0),
                Trend::DiesOut,
                "t₀ = {t0}"
            );
        }
        // Shrinking scientists: exponential decay to zero.
        assert_eq!(
            trend_of(|t| 0.05 * libm::exp(-t / 300.0), 2_000.0),
            Trend::DiesOut
        );
    }

    #[test]
    fn hs_production_at_a_tiny_rho_over_two_thousand_years_reads_the_papers_symbols() {
        // The audit's point: ρ = 10⁻⁴, years = 2000 read "-- →0 C" while growing 31–48 %/yr.
        let row = crate::scenarios::find("hs-production");
        let (_, symbols) = row
            .map(|r| crate::scenarios::classify_row(r, &[("rho", "0.0001"), ("years", "2000")]))
            .unwrap_or_else(|| panic!("no row"))
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(symbols, row.map(|r| r.paper).unwrap_or(symbols));
        assert_eq!(symbols.growth, "++");
    }
}
