//! Exogenous growth: Solow accumulation K̇ = sY − δK with Y = F(AK, BL) (normalized CES),
//! capital-augmenting growth g_A, labor-augmenting growth g_B and population growth n.
//!
//! Source: Trammell & Korinek §2 and the episode's "Exogenous Growth" slide: when ρ < 0,
//! Y → BL and the capital share → 0 as capital piles up, so capital accumulation cannot be
//! the primary force driving long-run growth; growth in B is the only way. Integrated in
//! logs (state ln K) so that long horizons never overflow.

use crate::error::{Domain, ParamError};
use crate::production::{log_point, log_weighted_point, ALPHA, RHO};
use crate::solver::{SolveError, System};
use crate::trend::{growth_trend, Trend};
use alloc::vec::Vec;
use libm::{exp, log, log1p};

/// Saving rate s.
pub const SAVING: Domain = Domain::closed(0.0, 1.0);
/// Depreciation δ.
pub const DEPRECIATION: Domain = Domain::closed(0.0, 0.5);
/// Growth rates g_A, g_B, n (per year).
pub const RATE: Domain = Domain::closed(-0.1, 0.5);
/// Initial levels A₀, B₀, K₀, L₀.
pub const LEVEL: Domain = Domain::closed(1e-6, 1e9);
/// ln of a wage of exactly zero, as recorded in a run's ln_wage series.
pub const LN_ZERO_WAGE: f64 = -1e6;
/// Simulated years.
pub const YEARS: Domain = crate::solver::HORIZON;

/// A Solow economy (Solow 1956 with CES production; episode slide "Exogenous Growth").
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Solow {
    /// Capital weight α.
    pub alpha: f64,
    /// Substitution parameter ρ.
    pub rho: f64,
    /// Saving rate s.
    pub saving: f64,
    /// Depreciation δ.
    pub depreciation: f64,
    /// Capital-augmenting technology growth g_A.
    pub g_a: f64,
    /// Labor-augmenting technology growth g_B.
    pub g_b: f64,
    /// Population growth n.
    pub n: f64,
    /// Initial A, B, K, L.
    pub initial: [f64; 4],
    /// True for the slide's form [(AK)^ρ + (BL)^ρ]^{1/ρ} with ρ > 0 (no distribution weights; state ln K̃, see [`Solow::slide_form`]).
    pub slide_form: bool,
}

/// A simulated economy: levels in logs, rates per year, shares in [0, 1].
#[derive(Debug, Clone, PartialEq)]
pub struct EconomyRun {
    /// Times (years).
    pub t: Vec<f64>,
    /// ln Y.
    pub ln_output: Vec<f64>,
    /// Growth rate of output g_Y.
    pub g_output: Vec<f64>,
    /// ln(Y/L): output per person.
    pub ln_output_per_person: Vec<f64>,
    /// Labor share (human labor's share of output).
    pub labor_share: Vec<f64>,
    /// ln of the human wage.
    pub ln_wage: Vec<f64>,
    /// Growth rate of the wage.
    pub g_wage: Vec<f64>,
    /// Finite-time blow-up, if any.
    pub blowup: Option<crate::Blowup>,
    /// Set to the time the run stopped when a growth rate passed the solver's cap before the horizon (no singularity estimate).
    pub capped_at: Option<f64>,
    /// Long-run behaviour of g_Y read from the numbers (of [`EconomyRun::long_run`] when there is one).
    pub trend: Trend,
    /// The same run followed from t = 0 to LOOKAHEAD × the horizon (coarser steps), from which its long-run symbols are read; `None` when it stopped before its horizon or could not be continued.
    pub long_run: Option<alloc::boxed::Box<EconomyRun>>,
}

impl EconomyRun {
    /// An empty run to fill.
    pub fn with_capacity(n: usize) -> Self {
        EconomyRun {
            t: Vec::with_capacity(n),
            ln_output: Vec::with_capacity(n),
            g_output: Vec::with_capacity(n),
            ln_output_per_person: Vec::with_capacity(n),
            labor_share: Vec::with_capacity(n),
            ln_wage: Vec::with_capacity(n),
            g_wage: Vec::with_capacity(n),
            blowup: None,
            capped_at: None,
            trend: Trend::DiesOut,
            long_run: None,
        }
    }

    /// Appends one sample: ln Y, ln of the number of people, and ln of labor's share (wage = s_L·Y/people).
    pub fn push(&mut self, t: f64, ln_output: f64, ln_people: f64, ln_labor_share: f64) {
        if !ln_labor_share.is_finite() {
            // A share of exactly zero (no tasks left for people): a zero wage, recorded finitely.
            self.t.push(t);
            self.ln_output.push(ln_output);
            self.ln_output_per_person.push(ln_output - ln_people);
            self.labor_share.push(0.0);
            self.ln_wage.push(LN_ZERO_WAGE);
            return;
        }
        self.t.push(t);
        self.ln_output.push(ln_output);
        self.ln_output_per_person.push(ln_output - ln_people);
        self.labor_share.push(exp(ln_labor_share));
        self.ln_wage.push(ln_labor_share + ln_output - ln_people);
    }

    /// Fills g_Y and the wage's growth by differencing ln levels (central where possible), then reads the trend.
    pub fn finish(&mut self) {
        self.g_output = log_derivative(&self.t, &self.ln_output);
        self.g_wage = log_derivative(&self.t, &self.ln_wage);
        self.trend = growth_trend(&self.t, &self.g_output, self.blowup);
    }
}

/// What an economy records at (t, state): (ln Y, ln people, ln labor share).
pub type Sample<'a, const N: usize> = dyn Fn(f64, &[f64; N]) -> (f64, f64, f64) + 'a;

/// Simulates an economy over `years` and records each step through `sample(t, y) -> (ln Y, ln people, ln labor share)`.
pub fn simulate_economy<const N: usize>(
    system: &dyn System<N>,
    y0: [f64; N],
    years: f64,
    sample: &Sample<'_, N>,
) -> Result<EconomyRun, SolveError> {
    let path = crate::solver::over_horizon(system, y0, years)?;
    let mut run = EconomyRun::with_capacity(path.t.len());
    for (t, y) in path.t.iter().zip(&path.y) {
        let (ln_output, ln_people, ln_labor_share) = sample(*t, y);
        run.push(*t, ln_output, ln_people, ln_labor_share);
    }
    run.blowup = path.blowup;
    run.capped_at = path.capped.then(|| path.t.last().copied().unwrap_or(0.0));
    run.finish();
    if run.blowup.is_none() && run.capped_at.is_none() {
        // Long-run symbols are read from the run followed 20 × further, so that extending the
        // horizon cannot change them (slow approaches, e.g. to a land-bound rate, finish there).
        if let (Some(&t_end), Some(&y_end)) = (path.t.last(), path.y.last()) {
            let limit = years * crate::research::LOOKAHEAD;
            if let Some(rest) = crate::solver::continue_run(system, t_end, y_end, limit) {
                let mut whole = EconomyRun::with_capacity(path.t.len() + rest.t.len());
                let steps = path.t.iter().zip(&path.y);
                for (t, y) in steps.chain(rest.t.iter().zip(&rest.y).skip(1)) {
                    let (ln_output, ln_people, ln_labor_share) = sample(*t, y);
                    whole.push(*t, ln_output, ln_people, ln_labor_share);
                }
                whole.blowup = rest.blowup;
                whole.capped_at = rest.capped.then(|| rest.t.last().copied().unwrap_or(t_end));
                whole.finish();
                run.trend = whole.trend;
                run.long_run = Some(alloc::boxed::Box::new(whole));
            }
        }
    }
    Ok(run)
}

/// d/dt of a sampled series by finite differences (one-sided at the ends).
pub fn log_derivative(t: &[f64], v: &[f64]) -> Vec<f64> {
    let n = t.len().min(v.len());
    (0..n)
        .map(|i| {
            let (a, b) = if n < 2 {
                return 0.0;
            } else if i == 0 {
                (0, 1)
            } else if i == n - 1 {
                (n - 2, n - 1)
            } else {
                (i - 1, i + 1)
            };
            let dt = t[b] - t[a];
            if dt > 0.0 {
                (v[b] - v[a]) / dt
            } else {
                0.0
            }
        })
        .collect()
}

impl System<1> for Solow {
    fn rates(&self, t: f64, y: &[f64; 1]) -> [f64; 1] {
        let (_, ln_output_per_capital, _) = self.logs(t, y[0]);
        [self.saving * exp(ln_output_per_capital) - self.depreciation]
    }
}

impl Solow {
    /// Validated parameters (Solow 1956, CES).
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        alpha: f64,
        rho: f64,
        saving: f64,
        depreciation: f64,
        g_a: f64,
        g_b: f64,
        n: f64,
        initial: [f64; 4],
    ) -> Result<Self, ParamError> {
        let names = ["A0", "B0", "K0", "L0"];
        for (name, value) in names.iter().zip(initial) {
            LEVEL.check(name, value)?;
        }
        Ok(Solow {
            alpha: ALPHA.check("alpha", alpha)?,
            rho: RHO.check("rho", rho)?,
            saving: SAVING.check("s", saving)?,
            depreciation: DEPRECIATION.check("delta", depreciation)?,
            g_a: RATE.check("g_A", g_a)?,
            g_b: RATE.check("g_B", g_b)?,
            n: RATE.check("n", n)?,
            initial,
            slide_form: false,
        })
    }

    /// The slide's CES without distribution weights, Y = [(AK)^ρ + (BL)^ρ]^{1/ρ}, for ρ ∈ (0, 1]: capital alone then yields Y → AK (episode slide "Elasticity of Substitution").
    ///
    /// This form has Y/K = A[1 + (BL/AK)^ρ]^{1/ρ}: 2^{1/ρ}A at AK = BL (10⁶A at ρ = 0.05), so a
    /// start at K = L would open with a transient of ~10⁵ %/yr as ρ → 0⁺. Capital therefore starts
    /// at K₀·ρ^{−1/ρ}, where (BL/AK)^ρ = ρ·(B₀L₀/A₀K₀)^ρ: labor's share starts near ρ/(1+ρ) and
    /// Y/K below e·A, for every ρ (K₀ unchanged at ρ = 1).
    /// For ρ ≤ 0, where the unweighted form has no finite ρ → 0 limit, it is the normalized form with α = ½, so every ρ of [−50, 1] runs.
    ///
    /// Nor has it one from above: ρ^{−1/ρ} and Y itself leave f64's range as ρ → 0⁺. The state is
    /// therefore ln K̃ = ln K + ln(ρ)/ρ, with which Y = ρ^{−1/ρ}[(AK̃)^ρ + ρ(BL)^ρ]^{1/ρ} =
    /// e^{c(ρ)}·[w(AK̃)^ρ + (1−w)(BL)^ρ]^{1/ρ}, w = 1/(1+ρ), c(ρ) = ln((1+ρ)/ρ)/ρ: a normalized CES
    /// with weights (1/(1+ρ), ρ/(1+ρ)) times a constant. Y/K = (1+ρ)^{1/ρ}·CES/K̃ and labor's share
    /// come from the normalized CES alone, so every ρ ∈ (0, 1] (subnormals included) runs, and the
    /// run reports ln Y and ln wage net of the constant c(ρ) (growth rates and shares are unchanged
    /// by it; the levels are the form's up to that factor).
    ///
    /// Returns a `Result` like every constructor of a model; no ρ of [`Solow::new`]'s range is refused.
    pub fn slide_form(self) -> Result<Self, ParamError> {
        Ok(Solow {
            alpha: 0.5,
            slide_form: self.rho > 0.0,
            ..self
        })
    }

    /// Labor's share today, before the capital the slide's form starts with (K₀ rather than
    /// K₀ρ^{−1/ρ}, see [`Solow::slide_form`]): (B₀L₀)^ρ/((A₀K₀)^ρ + (B₀L₀)^ρ), ½ at A₀K₀ = B₀L₀.
    /// The form's run starts with labor's share already at ≈ ρ/(1+ρ), so a share that is
    /// ≈ 0 from the first year is read against this one (`None` outside the form, whose run
    /// starts today).
    pub fn pre_ai_labor_share(&self) -> Option<f64> {
        // With equal weights the form's shares are the normalized CES's at α = ½.
        let (ln_x, ln_y) = self.effective(0.0, log(self.initial[2]));
        self.slide_form
            .then(|| log_point(self.alpha, self.rho, ln_x, ln_y).labor_share)
    }

    /// ln(AK) (or ln(AK̃) in the slide's form) and ln(BL) at time t with ln K (or ln K̃) = `ln_k`.
    fn effective(&self, t: f64, ln_k: f64) -> (f64, f64) {
        let [a0, b0, _, l0] = self.initial;
        (
            log(a0) + self.g_a * t + ln_k,
            log(b0) + self.g_b * t + log(l0) + self.n * t,
        )
    }

    /// (ln Y, ln Y/K, ln labor share) at time t in state `ln_k`; ln Y net of c(ρ) in the slide's form (see [`Solow::slide_form`]).
    fn logs(&self, t: f64, ln_k: f64) -> (f64, f64, f64) {
        let (ln_x, ln_y) = self.effective(t, ln_k);
        if self.slide_form {
            let ln_w = log1p(self.rho);
            let (ln_ces, _, ln_labor) =
                log_weighted_point(-ln_w, log(self.rho) - ln_w, self.rho, ln_x, ln_y);
            (ln_ces, ln_w / self.rho + ln_ces - ln_k, ln_labor)
        } else {
            let p = log_point(self.alpha, self.rho, ln_x, ln_y);
            (p.ln_output, p.ln_output - ln_k, p.ln_labor_share)
        }
    }

    /// Long-run growth of Y when it is pinned by effective labor: g_B + n for ρ < 0 with g_A = 0 (Uzawa); CD: (α g_A)/(1−α) + g_B + n.
    pub fn balanced_growth_rate(&self) -> Option<f64> {
        if self.rho < 0.0 && self.g_a == 0.0 {
            Some(self.g_b + self.n)
        } else if self.rho == 0.0 {
            Some(self.alpha * self.g_a / (1.0 - self.alpha) + self.g_b + self.n)
        } else {
            None
        }
    }

    /// The long run in closed form for perfect substitutes without capital-augmenting growth
    /// (ρ = 1, g_A = 0, normalized form; Korinek & Stiglitz 2019, §3.5 of the review):
    /// Y = αAK + (1−α)BL, so K̇/K = sαA − δ + s(1−α)BL/K. Capital outgrows effective labor iff
    /// sαA − δ > g_B + n: growth then tends to sαA − δ and labor's share to zero, however slowly
    /// next to the edge s = (δ + g_B + n)/(αA), where the approach takes ~1/(sαA − δ − g_B − n)
    /// years; below the edge K/BL settles and growth tends to g_B + n with a constant share. The
    /// wage (1−α)B grows at g_B either way. `None` elsewhere and on the edge itself.
    pub fn long_run(&self) -> Option<crate::models::LongRun> {
        let (ak, bl) = (
            self.saving * self.alpha * self.initial[0] - self.depreciation,
            self.g_b + self.n,
        );
        (self.rho == 1.0 && self.g_a == 0.0 && !self.slide_form && ak != bl).then(|| {
            crate::models::LongRun {
                trend: Trend::Steady(ak.max(bl)),
                share_vanishes: Some(ak > bl),
                wage_growth: Some(self.g_b),
            }
        })
    }

    /// Integrates ln K over `years` and reports output, shares and wages (Solow accumulation in log-space).
    pub fn simulate(&self, years: f64) -> Result<EconomyRun, SolveError> {
        simulate_economy(self, [log(self.initial[2])], years, &|t, y| {
            let (ln_output, _, ln_labor_share) = self.logs(t, y[0]);
            (ln_output, log(self.initial[3]) + self.n * t, ln_labor_share)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// hs-production's economy (the slide's form, sA − δ = 25 %/yr) at `rho`, over `years`.
    fn slide_run(rho: f64, years: f64) -> EconomyRun {
        let m =
            Solow::new(0.5, rho, 0.3, 0.05, 0.0, 0.02, 0.0, [1.0; 4]).and_then(Solow::slide_form);
        match m.map(|m| m.simulate(years)) {
            Ok(Ok(run)) => run,
            other => panic!("ρ = {rho:e} did not simulate: {other:?}"),
        }
    }

    #[test]
    fn the_slide_form_runs_for_every_positive_rho_and_is_continuous_as_rho_falls_to_zero() {
        // Issue #20: ρ ∈ (0, 1e−6) was refused because 2^{1/ρ} and ρ^{−1/ρ} overflowed.
        let reference = slide_run(1e-6, 500.0);
        for rho in [
            1e-7,
            1e-12,
            1e-100,
            1e-300,
            f64::MIN_POSITIVE,
            1e-320,
            5e-324,
        ] {
            let run = slide_run(rho, 500.0);
            assert_eq!(run.capped_at, None, "ρ = {rho:e} stopped early");
            for series in [
                &run.ln_output,
                &run.g_output,
                &run.labor_share,
                &run.ln_wage,
            ] {
                assert!(
                    series.iter().all(|v| v.is_finite()),
                    "ρ = {rho:e}: a non-finite value"
                );
            }
            // As ρ → 0⁺ the form's Y/K tends to e·A on every finite horizon (labor's share ≈ ρ
            // decays at the rate ρ(g − g_B)), so g_Y tends to s·e·A − δ: continuous at 1e−6.
            let g = run.g_output.last().copied().unwrap_or(0.0);
            let g_ref = reference.g_output.last().copied().unwrap_or(0.0);
            let limit = 0.3 * core::f64::consts::E - 0.05;
            assert!(
                (g - g_ref).abs() <= 1e-3 * g_ref,
                "ρ = {rho:e}: g_Y {g} vs {g_ref} at 1e−6"
            );
            // The gap is O(ρ·years): x = (BL/AK̃)^ρ has fallen by ρ(g − g_B)·500 ≈ 370ρ.
            let gap = (1e3 * rho).max(1e-12);
            assert!(
                (g - limit).abs() <= gap * limit,
                "ρ = {rho:e}: g_Y {g}, limit {limit}"
            );
            let share = run.labor_share.first().copied().unwrap_or(1.0);
            assert!(
                share <= 1.01 * rho / (1.0 + rho),
                "ρ = {rho:e}: s_L(0) = {share:e}"
            );
        }
    }

    #[test]
    fn the_state_in_k_tilde_is_the_old_state_shifted() {
        // At ρ = 0.5 the form is well inside f64: ln Y net of c(ρ) plus c(ρ) is the direct
        // [(AK)^ρ + (BL)^ρ]^{1/ρ} at K = K₀ρ^{−1/ρ}.
        let rho: f64 = 0.5;
        let run = slide_run(rho, 10.0);
        let c = log((1.0 + rho) / rho) / rho;
        let k = exp(-log(rho) / rho);
        let direct = log(libm::pow(libm::pow(k, rho) + 1.0, 1.0 / rho));
        assert!((run.ln_output[0] + c - direct).abs() < 1e-12);
    }
}
