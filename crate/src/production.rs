//! Production: the economy as one factory, Y = F(AK, BL), with constant elasticity of
//! substitution between capital and labor.
//!
//! Source: Trammell & Korinek, "Economic Growth under Transformative AI", the CES
//! production function of the episode's slide "Elasticity of Substitution". The slide
//! writes Y = [(AK)^ρ + (BL)^ρ]^{1/ρ}, which has no finite ρ → 0 limit; we use the
//! normalized form with a distribution weight α, whose ρ → 0 limit is the slide's
//! Cobb-Douglas case (AK)^α (BL)^{1−α}.
//!
//! Everything is computed in logs so that ρ from −50 to 1 (including ρ = 0 and values
//! a hair away from it) and factor ratios over thirty orders of magnitude stay finite:
//! with u = ln(AK), v = ln(BL) ordered so that t = ρ(v − u) ≤ 0,
//! ln Y = u + ln(1 + b·(eᵗ − 1)) / ρ, evaluated with `log1p`/`expm1`. Factor shares and
//! marginal products come from their own logarithms (ln s_u = ln a − ln(a + b eᵗ)), never as
//! one minus the other; where |t| < 1e−100 (every subnormal ρ, for one) the Cobb-Douglas limit
//! is exact in f64 and is used, so ρ → 0 is continuous for every representable ρ. Tested
//! against a 256-bit reference (`tests/integration/precision.rs`): relative error ≤ 1e−12.

use crate::error::{Domain, ParamError};
use libm::{exp, expm1, log, log1p};

/// ln(eˣ + eʸ) without overflow or underflow (log-sum-exp); a term of −∞ (a zero) leaves the other.
pub(crate) fn ln_sum(x: f64, y: f64) -> f64 {
    let (hi, lo) = if x > y { (x, y) } else { (y, x) };
    if lo == f64::NEG_INFINITY {
        hi
    } else {
        hi + log1p(exp(lo - hi))
    }
}

/// The substitution parameter ρ = (ε − 1)/ε: 1 is perfect substitutes, → −∞ is Leontief.
pub const RHO: Domain = Domain::closed(-50.0, 1.0);
/// The distribution weight α of capital (the Cobb-Douglas capital share at ρ = 0).
pub const ALPHA: Domain = Domain::closed(0.001, 0.999);
/// Factor-augmenting technology levels A and B.
pub const TECHNOLOGY: Domain = Domain::closed(1e-6, 1e6);
/// Factor quantities K and L.
pub const FACTOR: Domain = Domain::closed(1e-9, 1e15);
/// Output levels asked of an isoquant.
pub const OUTPUT: Domain = Domain::closed(1e-12, 1e24);
/// Log factor ratios ln(AK/BL) at which isoquants are sampled.
pub const LN_RATIO: Domain = Domain::closed(-200.0, 200.0);

/// ρ = (ε − 1)/ε, the substitution parameter from the elasticity ε (episode slide "Elasticity of Substitution").
pub fn rho_from_elasticity(elasticity: f64) -> Result<f64, ParamError> {
    // ε ∈ [1/51, ∞) maps onto ρ ∈ [−50, 1); ε = ∞ (ρ = 1) has no finite ε to pass.
    let e = Domain::closed(1.0 / 51.0, 1e300).check("elasticity", elasticity)?;
    Ok((e - 1.0) / e)
}

/// A normalized CES production function Y = [α (AK)^ρ + (1−α) (BL)^ρ]^{1/ρ} (Trammell & Korinek, CES production).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ces {
    /// Distribution weight of capital, α.
    pub alpha: f64,
    /// Substitution parameter ρ.
    pub rho: f64,
    /// Capital-augmenting technology A.
    pub a: f64,
    /// Labor-augmenting technology B.
    pub b: f64,
}

/// Everything the episode reads off the production function at one point (K, L).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FactorPoint {
    /// Output Y = F(AK, BL).
    pub output: f64,
    /// The wage: marginal product of labor F_L = B (1−α) (Y/BL)^{1−ρ}.
    pub wage: f64,
    /// Capital rent: marginal product of capital F_K = A α (Y/AK)^{1−ρ}.
    pub rent: f64,
    /// Capital share K F_K / Y.
    pub capital_share: f64,
    /// Labor share L F_L / Y.
    pub labor_share: f64,
    /// Marginal rate of technical substitution F_K / F_L = −dL/dK along the isoquant (saturates at `f64::MAX`).
    pub mrts: f64,
}

/// Output and shares from logs of effective inputs, for dynamics whose levels leave f64's range.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LogPoint {
    /// ln Y.
    pub ln_output: f64,
    /// Share of the first input (capital) in output.
    pub capital_share: f64,
    /// Share of the second input (labor) in output.
    pub labor_share: f64,
    /// ln of the capital share (finite where the share itself underflows to 0).
    pub ln_capital_share: f64,
    /// ln of the labor share (finite where the share itself underflows to 0).
    pub ln_labor_share: f64,
}

/// ln Y and factor shares of the normalized CES at ln(AK) = `ln_x`, ln(BL) = `ln_y` (normalized CES, log-space).
pub fn log_point(alpha: f64, rho: f64, ln_x: f64, ln_y: f64) -> LogPoint {
    let (ln_output, ln_capital_share, ln_labor_share) =
        ces_logs(log(alpha), log1p(-alpha), rho, ln_x, ln_y);
    LogPoint {
        ln_output,
        capital_share: exp(ln_capital_share),
        labor_share: exp(ln_labor_share),
        ln_capital_share,
        ln_labor_share,
    }
}

/// ln Y and ln shares of [w_u x^ρ + w_v y^ρ]^{1/ρ} with log weights w_u + w_v = 1, for weights too close to 0 or 1 for f64 (normalized CES; Cobb-Douglas x^{w_u} y^{w_v} at ρ = 0).
pub fn log_weighted_point(
    ln_wu: f64,
    ln_wv: f64,
    rho: f64,
    ln_x: f64,
    ln_y: f64,
) -> (f64, f64, f64) {
    ces_logs(ln_wu, ln_wv, rho, ln_x, ln_y)
}

/// Below this |t| = |ρ (ln y − ln x)| the CES is its Cobb-Douglas limit in f64: the first
/// correction, ρ w_u w_v (ln y − ln x)²/2, is under 1e−100 · |ln y − ln x|, far below an ulp of
/// ln Y, while the closed form would divide a subnormal by a subnormal (ρ = 5e−324 gave
/// Y = 2 where the limit is 1.649).
const COBB_DOUGLAS_T: f64 = 1e-100;

/// ln Y, ln s_x, ln s_y of [w_x e^{ρx} + w_y e^{ρy}]^{1/ρ} with w_x + w_y = 1, weights given by
/// their logs (normalized CES in log-space).
///
/// With the factors ordered so that t = ρ(v − u) ≤ 0, m = ln(w_u + w_v eᵗ) ∈ [max(t, ln w_u), 0]:
/// ln Y = u + m/ρ, ln s_u = ln w_u − m, ln s_v = ln w_v + t − m. Each share comes from its own
/// logarithm, never as one minus the other (which left no digits of a share near 0: issue #13),
/// and m is `log1p(w_v·expm1(t))` where that sum is ≥ ½, else log-sum-exp, so it keeps its relative
/// precision everywhere; for |t| < [`COBB_DOUGLAS_T`] the exact Cobb-Douglas limit is used.
fn ces_logs(ln_wx: f64, ln_wy: f64, rho: f64, ln_x: f64, ln_y: f64) -> (f64, f64, f64) {
    // Order the factors so that t = ρ(v − u) ≤ 0 and eᵗ never overflows.
    let swapped = rho * (ln_y - ln_x) > 0.0;
    let (u, v, ln_wu, ln_wv) = if swapped {
        (ln_y, ln_x, ln_wy, ln_wx)
    } else {
        (ln_x, ln_y, ln_wx, ln_wy)
    };
    let t = rho * (v - u);
    let (ln_output, ln_share_u, ln_share_v) = if t.abs() < COBB_DOUGLAS_T {
        // ρ → 0: ln Y = w_u u + w_v v, shares equal to the weights.
        let (wu, wv) = (exp(ln_wu), exp(ln_wv));
        let ln_output = if wu >= wv {
            u + wv * (v - u)
        } else {
            v + wu * (u - v)
        };
        (ln_output, ln_wu, ln_wv)
    } else {
        let wv = exp(ln_wv);
        let shortfall = wv * expm1(t); // w_u + w_v eᵗ − 1, in (−w_v, 0]
        let m = if shortfall >= -0.5 {
            log1p(shortfall)
        } else {
            ln_sum(ln_wu, ln_wv + t)
        };
        (u + m / rho, ln_wu - m, ln_wv + t - m)
    };
    let (ln_share_u, ln_share_v) = (ln_share_u.min(0.0), ln_share_v.min(0.0));
    if swapped {
        (ln_output, ln_share_v, ln_share_u)
    } else {
        (ln_output, ln_share_u, ln_share_v)
    }
}

impl Ces {
    /// Validated CES parameters: α ∈ [0.001, 0.999], ρ ∈ [−50, 1], A, B ∈ [1e−6, 1e6] (normalized CES).
    pub fn new(alpha: f64, rho: f64, a: f64, b: f64) -> Result<Self, ParamError> {
        Ok(Ces {
            alpha: ALPHA.check("alpha", alpha)?,
            rho: RHO.check("rho", rho)?,
            a: TECHNOLOGY.check("A", a)?,
            b: TECHNOLOGY.check("B", b)?,
        })
    }

    /// Elasticity of substitution ε = 1/(1−ρ); `None` when ρ = 1 (perfect substitutes, ε = ∞).
    pub fn elasticity(&self) -> Option<f64> {
        if self.rho >= 1.0 {
            None
        } else {
            Some(1.0 / (1.0 - self.rho))
        }
    }

    fn logs(&self, capital: f64, labor: f64) -> Result<(f64, f64), ParamError> {
        let k = FACTOR.check("K", capital)?;
        let l = FACTOR.check("L", labor)?;
        Ok((log(self.a) + log(k), log(self.b) + log(l)))
    }

    /// ln Y = (1/ρ) ln[α (AK)^ρ + (1−α) (BL)^ρ], → α ln AK + (1−α) ln BL at ρ = 0 (normalized CES).
    pub fn log_output(&self, capital: f64, labor: f64) -> Result<f64, ParamError> {
        let (ln_x, ln_y) = self.logs(capital, labor)?;
        Ok(self.logs_at(ln_x, ln_y).0)
    }

    /// Y = [α (AK)^ρ + (1−α) (BL)^ρ]^{1/ρ}, Cobb-Douglas (AK)^α (BL)^{1−α} at ρ = 0 (normalized CES).
    pub fn output(&self, capital: f64, labor: f64) -> Result<f64, ParamError> {
        Ok(exp(self.log_output(capital, labor)?))
    }

    /// Output, wage F_L, rent F_K, factor shares K F_K/Y + L F_L/Y = 1, and MRTS at (K, L) (episode slide "capital share + labor share = 1").
    pub fn point(&self, capital: f64, labor: f64) -> Result<FactorPoint, ParamError> {
        let (ln_x, ln_y) = self.logs(capital, labor)?;
        let (ln_output, ln_capital_share, ln_labor_share) = self.logs_at(ln_x, ln_y);
        // F_K = s_K Y / K, F_L = s_L Y / L and F_K / F_L from the log shares, so a share far
        // below 1 keeps its digits and no level overflows on the way.
        let (ln_k, ln_l) = (log(capital), log(labor));
        Ok(FactorPoint {
            output: exp(ln_output),
            wage: exp(ln_labor_share + ln_output - ln_l),
            rent: exp(ln_capital_share + ln_output - ln_k),
            capital_share: exp(ln_capital_share),
            labor_share: exp(ln_labor_share),
            // Saturates at f64::MAX where the isoquant is vertical to machine precision.
            mrts: exp(ln_capital_share - ln_labor_share + ln_l - ln_k).min(f64::MAX),
        })
    }

    /// ln Y, ln s_K, ln s_L at ln(AK) = `ln_x`, ln(BL) = `ln_y` (normalized CES, log-space).
    fn logs_at(&self, ln_x: f64, ln_y: f64) -> (f64, f64, f64) {
        ces_logs(log(self.alpha), log1p(-self.alpha), self.rho, ln_x, ln_y)
    }

    /// The labor L with F(K, L) = Y on the isoquant through K; `None` if no L reaches Y (normalized CES solved for BL).
    pub fn isoquant_labor(&self, output: f64, capital: f64) -> Result<Option<f64>, ParamError> {
        let ln_y_target = log(OUTPUT.check("Y", output)?);
        let ln_x = log(self.a) + log(FACTOR.check("K", capital)?);
        let (alpha, rho) = (self.alpha, self.rho);
        let ratio = alpha / (1.0 - alpha);
        // (BL)^ρ = (Y^ρ − α (AK)^ρ)/(1−α)  ⇔  ln BL = ln Y + ln(1 − ratio·(e^z − 1))/ρ, z = ρ(ln AK − ln Y).
        let z = rho * (ln_x - ln_y_target);
        let ln_bl = if z.abs() < COBB_DOUGLAS_T {
            // The Cobb-Douglas isoquant, exact in f64 here (see `COBB_DOUGLAS_T`).
            ln_y_target - ratio * (ln_x - ln_y_target)
        } else {
            let arg = -ratio * expm1(z);
            if arg <= -1.0 || !arg.is_finite() {
                return Ok(None); // capital alone already gives (ρ > 0) or caps (ρ < 0) this output
            }
            ln_y_target + log1p(arg) / rho
        };
        let labor = exp(ln_bl - log(self.b));
        Ok(if FACTOR.contains(labor) {
            Some(labor)
        } else {
            None
        })
    }

    /// The point (K, L) on the isoquant F(K, L) = Y where ln(AK/BL) = `ln_ratio`, from Y = BL·F(AK/BL, 1) (CES is homogeneous of degree one).
    pub fn isoquant_point(&self, output: f64, ln_ratio: f64) -> Result<(f64, f64), ParamError> {
        let ln_y_target = log(OUTPUT.check("Y", output)?);
        let r = LN_RATIO.check("ln_ratio", ln_ratio)?;
        let ln_unit = self.logs_at(r, 0.0).0;
        let ln_bl = ln_y_target - ln_unit;
        Ok((exp(r + ln_bl - log(self.a)), exp(ln_bl - log(self.b))))
    }

    /// Points (K, L) of the isoquant F(K, L) = `output` from those of F(K, L) = 1: both factors scale with Y because CES is homogeneous of degree one (so several isoquants cost one).
    #[cfg(feature = "alloc")]
    pub fn scale_isoquant(unit: &[(f64, f64)], output: f64) -> alloc::vec::Vec<(f64, f64)> {
        unit.iter()
            .map(|&(k, l)| (k * output, l * output))
            .collect()
    }

    /// The ceiling on output as K → ∞ with L fixed: B L (1−α)^{1/ρ} for ρ < 0, `None` (unbounded) for ρ ≥ 0 or a ceiling beyond f64 as ρ → 0⁻ (episode slide "Exogenous Growth": Y → BL).
    pub fn output_ceiling_in_capital(&self, labor: f64) -> Result<Option<f64>, ParamError> {
        let l = FACTOR.check("L", labor)?;
        if self.rho < 0.0 {
            let ceiling = exp(log(self.b) + log(l) + log1p(-self.alpha) / self.rho);
            Ok(ceiling.is_finite().then_some(ceiling))
        } else {
            Ok(None)
        }
    }

    /// The capital share's limit as K/L → ∞: 0 for ρ < 0, α for ρ = 0, 1 for ρ > 0 (episode: "capital share → 0 if ρ < 0").
    pub fn capital_share_limit(&self) -> f64 {
        if self.rho < 0.0 {
            0.0
        } else if self.rho == 0.0 {
            self.alpha
        } else {
            1.0
        }
    }
}
