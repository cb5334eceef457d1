//! Reading a simulated growth-rate series: does growth die out, hold steady, rise without
//! bound, or blow up in finite time? One set of documented thresholds for every model.
//!
//! The statistic is the growth rate's elasticity with respect to time over the run's second
//! half, s = [ln g(T) − ln g(T/2)] / ln 2: s ≈ −1 when g ∝ 1/t (growth dying out, as with
//! constant scientists and φ < 1), s ≈ 0 at a constant rate, and s ≫ 0 when the rate itself
//! keeps rising (type I). A finite-time blow-up found by the solver is type II.

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

/// The growth-rate trend of samples (t, g) with t increasing from the run's start (s = d ln g / d ln t over the second half).
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
    let elapsed_ratio = (t_end - t0) / (mid_time - t0);
    let s = libm::log(g_end / g_mid) / libm::log(elapsed_ratio);
    if s > STEADY_ELASTICITY {
        Trend::TypeI
    } else if s < -STEADY_ELASTICITY {
        Trend::DiesOut
    } else {
        Trend::Steady(g_end)
    }
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
