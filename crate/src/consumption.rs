//! Two consumption goods: an AI-made good whose productivity grows fast and a human-made
//! good, combined by consumers with elasticity ρ (Nordhaus 2015, "HS in consumption goods",
//! Trammell & Korinek §3.2). Each good is made Cobb-Douglas from capital and labor, so the
//! labor share is 1 − α whatever the mix; with ρ ∈ (0, 1) consumers shift toward the cheap
//! AI good and growth rises to its rate.
//!
//! Y = [½Y_A^ρ + ½Y_H^ρ]^{1/ρ} (the slide's form with weights ½, see `ln_output`), Y_A = (A K_A)^α L_A^{1−α},
//! Y_H = K_H^α (B L_H)^{1−α}, half of K and L in each sector, K̇ = sY − δK.

use crate::error::{Domain, ParamError};
use crate::exogenous::{simulate_economy, EconomyRun, DEPRECIATION, SAVING};
use crate::production::log_point;
use crate::solver::{SolveError, System};
use libm::{exp, log};

/// Consumers' substitution between the goods ρ (the row's class is (0, 1), high substitutability; any CES ρ runs).
pub const RHO: Domain = crate::production::RHO;
/// Growth rates of the sectors' technologies (per year).
pub const RATE: Domain = Domain::closed(0.0, 0.3);

/// An economy with an AI good and a human good (Nordhaus 2015).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ConsumptionGoods {
    /// Substitution between the goods in consumption ρ.
    pub rho: f64,
    /// Capital's output elasticity in each sector α.
    pub alpha: f64,
    /// Growth of the AI sector's technology.
    pub g_ai: f64,
    /// Growth of the human sector's labor-augmenting technology.
    pub g_b: f64,
    /// Saving rate s.
    pub saving: f64,
    /// Depreciation δ.
    pub depreciation: f64,
}

impl ConsumptionGoods {
    /// Validated parameters (Nordhaus 2015).
    pub fn new(
        rho: f64,
        alpha: f64,
        g_ai: f64,
        g_b: f64,
        saving: f64,
        depreciation: f64,
    ) -> Result<Self, ParamError> {
        Ok(ConsumptionGoods {
            rho: RHO.check("rho", rho)?,
            alpha: Domain::closed(0.05, 0.95).check("alpha", alpha)?,
            g_ai: RATE.check("g_AI", g_ai)?,
            g_b: RATE.check("g_B", g_b)?,
            saving: SAVING.check("s", saving)?,
            depreciation: DEPRECIATION.check("delta", depreciation)?,
        })
    }

    /// ln Y at time t and capital ln K.
    fn ln_output(&self, t: f64, ln_k: f64) -> f64 {
        let half = -core::f64::consts::LN_2;
        let a = self.alpha;
        let ln_ai = a * (self.g_ai * t + ln_k + half) + (1.0 - a) * half;
        let ln_human = a * (ln_k + half) + (1.0 - a) * (self.g_b * t + half);
        // Weights ½: the unweighted [x^ρ + y^ρ]^{1/ρ} is 2^{1/ρ} times this, a level that explodes as
        // ρ → 0⁺ (10⁶ at ρ = 0.05) and would open the run with a saving-driven transient of 10⁵ %/yr;
        // a constant factor changes no long-run growth rate or share.
        log_point(0.5, self.rho, ln_ai, ln_human).ln_output
    }

    /// Simulates `years` from K = 1, L = 1: output, growth, the constant labor share 1 − α, wages.
    pub fn simulate(&self, years: f64) -> Result<EconomyRun, SolveError> {
        simulate_economy(self, [0.0], years, &|t, y| {
            (self.ln_output(t, y[0]), 0.0, log(1.0 - self.alpha))
        })
    }
}

impl System<1> for ConsumptionGoods {
    fn rates(&self, t: f64, y: &[f64; 1]) -> [f64; 1] {
        [self.saving * exp(self.ln_output(t, y[0]) - y[0]) - self.depreciation]
    }
}
