//! Task-based automation: a share β of tasks is done by capital, the rest by labor.
//! Y = A [β^{1−ρ} K^ρ + (1−β)^{1−ρ} L^ρ]^{1/ρ}, i.e. a CES over tasks with K spread over the
//! automated β and L over the remaining 1 − β.
//!
//! Source: Zeira (1998); Aghion, Jones & Jones (2019), as presented in Trammell & Korinek §4
//! and the episode: automating ever more of the remaining tasks acts like labor-augmenting
//! technology B = (1−β)^{(1−ρ)/ρ}; with ρ < 0 and 1 − β_t falling exponentially, growth is
//! constant and the labor share constant, while full automation (β = 1) gives Y = A K.

use crate::error::{Domain, ParamError};
use crate::exogenous::{simulate_economy, EconomyRun, DEPRECIATION, SAVING};
use crate::production::{log_point, RHO};
use crate::solver::{SolveError, System};
use libm::{exp, log};

/// Automated share of tasks β.
pub const BETA: Domain = Domain::closed(0.0, 1.0);
/// Total factor productivity A.
pub const TFP: Domain = Domain::closed(1e-6, 1e6);
/// Capital and labor quantities.
pub const FACTOR: Domain = Domain::closed(1e-9, 1e15);
/// Rate at which the non-automated share shrinks (per year).
pub const AUTOMATION_RATE: Domain = Domain::closed(0.0, 0.5);
/// Simulated years.
pub const YEARS: Domain = Domain::closed(0.1, 2000.0);
/// Rate at which new tasks are created (per year).
pub const CREATION: Domain = Domain::closed(0.0, 0.2);
/// Task substitution where task creation is modelled: the variety gain (1 − ρ)/ρ is finite and not negative.
pub const CREATION_RHO: Domain = Domain::above(0.0, 1.0);

/// Output and shares of the task model at one point.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TaskPoint {
    /// Output Y.
    pub output: f64,
    /// Output per worker Y/L.
    pub output_per_worker: f64,
    /// Capital share.
    pub capital_share: f64,
    /// Labor share.
    pub labor_share: f64,
    /// Wage F_L.
    pub wage: f64,
}

/// The task-automation technology (Zeira 1998; Aghion, Jones & Jones 2019).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TaskAutomation {
    /// Automated share β.
    pub beta: f64,
    /// Substitution between tasks ρ.
    pub rho: f64,
    /// Total factor productivity A.
    pub tfp: f64,
}

impl TaskAutomation {
    /// Validated parameters (β ∈ [0, 1], ρ ∈ [−50, 1], A > 0).
    pub fn new(beta: f64, rho: f64, tfp: f64) -> Result<Self, ParamError> {
        Ok(TaskAutomation {
            beta: BETA.check("beta", beta)?,
            rho: RHO.check("rho", rho)?,
            tfp: TFP.check("A", tfp)?,
        })
    }

    /// ln Y, the capital share and ln of the labor share from ln K, ln L, and ln(1 − β) (allowing 1 − β far below f64's range).
    fn log_point_at(
        &self,
        ln_k: f64,
        ln_l: f64,
        ln_beta: f64,
        ln_one_minus_beta: f64,
    ) -> (f64, f64, f64) {
        if ln_beta == f64::NEG_INFINITY {
            return (log(self.tfp) + ln_l, 0.0, 0.0);
        }
        if ln_one_minus_beta == f64::NEG_INFINITY {
            return (log(self.tfp) + ln_k, 1.0, f64::NEG_INFINITY);
        }
        // Weights β and 1 − β on K/β and L/(1 − β): the normalized CES over tasks. Either
        // weight may be far below f64's resolution next to 1 (or, with task creation and no
        // automation, β below f64's range), so it is carried in logs.
        if self.rho != 0.0 && (ln_one_minus_beta < -20.0 || ln_beta < -20.0) {
            // A weight below 2e−9: the weights are carried in logs (log-sum-exp).
            let (ln_y, ln_capital, ln_labor) = crate::production::log_weighted_point(
                ln_beta,
                ln_one_minus_beta,
                self.rho,
                ln_k - ln_beta,
                ln_l - ln_one_minus_beta,
            );
            return (log(self.tfp) + ln_y, exp(ln_capital), ln_labor);
        }
        let beta = exp(ln_beta);
        let p = log_point(beta, self.rho, ln_k - ln_beta, ln_l - ln_one_minus_beta);
        let ln_capital = ln_beta + self.rho * (ln_k - ln_beta - p.ln_output);
        let ln_labor = ln_one_minus_beta + self.rho * (ln_l - ln_one_minus_beta - p.ln_output);
        (
            log(self.tfp) + p.ln_output,
            exp(ln_capital.min(0.0)),
            ln_labor.min(0.0),
        )
    }

    /// Y, Y/L, shares and wage at (K, L) (Aghion, Jones & Jones 2019, eq. for Y with automated share β).
    pub fn point(&self, capital: f64, labor: f64) -> Result<TaskPoint, ParamError> {
        let k = FACTOR.check("K", capital)?;
        let l = FACTOR.check("L", labor)?;
        let (ln_y, capital_share, ln_labor_share) =
            self.log_point_at(log(k), log(l), log(self.beta), libm::log1p(-self.beta));
        let output = exp(ln_y);
        let labor_share = exp(ln_labor_share);
        Ok(TaskPoint {
            output,
            output_per_worker: output / l,
            capital_share,
            labor_share,
            wage: labor_share * output / l,
        })
    }

    /// The labor-augmenting term B = (1−β)^{(1−ρ)/ρ} that automation amounts to, for ρ < 0 and β < 1 (Aghion, Jones & Jones 2019).
    pub fn labor_augmenting_term(&self) -> Option<f64> {
        (self.rho < 0.0 && self.beta < 1.0)
            .then(|| exp(libm::log1p(-self.beta) * (1.0 - self.rho) / self.rho))
    }

    /// Output per worker with unlimited capital, A·(1−β)^{(1−ρ)/ρ}, the ceiling for ρ < 0 (the episode's "each worker spreads over fewer tasks").
    pub fn output_per_worker_ceiling(&self) -> Option<f64> {
        self.labor_augmenting_term().map(|b| self.tfp * b)
    }
}

/// The episode's worked example: automating half of the remaining 60 of 100 tasks (β 0.4 → 0.7) multiplies the labor-augmenting term by 2^{(1−ρ)/(−ρ)}, → 2 as tasks become perfect complements.
pub fn episode_example_multiplier(rho: f64) -> Result<f64, ParamError> {
    let before = TaskAutomation::new(0.4, rho, 1.0)?;
    let after = TaskAutomation::new(0.7, rho, 1.0)?;
    match (
        before.labor_augmenting_term(),
        after.labor_augmenting_term(),
    ) {
        (Some(b0), Some(b1)) => Ok(b1 / b0),
        _ => Err(ParamError {
            name: "rho",
            value: rho,
            domain: Domain::open(-50.0, 0.0),
        }),
    }
}

/// Automation dynamics: 1 − β_t = (1 − β₀)e^{−a t} (asymptotic) or β = 1 (full), with K̇ = sY − δK and L = 1 (Aghion, Jones & Jones 2019 §"automation and growth").
///
/// With task creation (Hémous & Olsen 2014, Trammell & Korinek §4.3) the measure of tasks N
/// grows at c, new tasks done by labor, while automation takes a share a of the non-automated
/// tasks each year (İ = a(N − I), so c = 0 is the path above). Y = A(∫₀ᴺ y_i^ρ di)^{1/ρ} with
/// K spread over the I automated tasks and L over the N − I others is
/// Y = A N^{(1−ρ)/ρ}[β^{1−ρ}K^ρ + (1−β)^{1−ρ}L^ρ]^{1/ρ}, β = I/N: more tasks raise output as
/// TFP growing at c(1 − ρ)/ρ (love of variety; modelled for ρ ∈ (0, 1] only), and the
/// non-automated share tends to c/(a + c): 1 − β_t = u* + (1 − β₀ − u*)e^{−(a+c)t}.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AutomationPath {
    /// The technology at t = 0.
    pub technology: TaskAutomation,
    /// Rate a at which the non-automated share shrinks.
    pub automation_rate: f64,
    /// True for full automation: β = 1 from the start.
    pub full: bool,
    /// Saving rate s.
    pub saving: f64,
    /// Depreciation δ.
    pub depreciation: f64,
    /// Growth of total factor productivity A (per year): capital-augmenting once every task is automated.
    pub tfp_growth: f64,
    /// Rate c at which new (non-automated) tasks are created.
    pub task_creation: f64,
}

impl System<1> for AutomationPath {
    fn rates(&self, t: f64, y: &[f64; 1]) -> [f64; 1] {
        let (ln_y, _, _) = self.at(t, y[0]);
        [self.saving * exp(ln_y - y[0]) - self.depreciation]
    }
}

impl AutomationPath {
    /// Validated automation dynamics.
    pub fn new(
        technology: TaskAutomation,
        automation_rate: f64,
        full: bool,
        saving: f64,
        depreciation: f64,
    ) -> Result<Self, ParamError> {
        Ok(AutomationPath {
            technology,
            automation_rate: AUTOMATION_RATE.check("automation_rate", automation_rate)?,
            full,
            saving: SAVING.check("s", saving)?,
            depreciation: DEPRECIATION.check("delta", depreciation)?,
            tfp_growth: 0.0,
            task_creation: 0.0,
        })
    }

    /// The same path with total factor productivity growing at `g` a year.
    pub fn with_tfp_growth(self, g: f64) -> Result<Self, ParamError> {
        Ok(AutomationPath {
            tfp_growth: Domain::closed(0.0, 0.2).check("g_A", g)?,
            ..self
        })
    }

    /// The same path with new tasks created at `c` a year (needs ρ ∈ (0, 1] when c > 0).
    pub fn with_task_creation(self, c: f64) -> Result<Self, ParamError> {
        let c = CREATION.check("creation", c)?;
        if c > 0.0 {
            CREATION_RHO.check("rho", self.technology.rho)?;
        }
        Ok(AutomationPath {
            task_creation: c,
            ..self
        })
    }

    /// Growth of A N^{(1−ρ)/ρ}: TFP growth plus the variety gain of task creation.
    #[inline(never)]
    fn tfp_rate(&self) -> f64 {
        if self.task_creation > 0.0 {
            let rho = self.technology.rho;
            // Finite even as ρ → 0⁺ (the run then meets the solver's rate cap at once).
            (self.tfp_growth + self.task_creation * (1.0 - rho) / rho).min(1e6)
        } else {
            self.tfp_growth
        }
    }

    fn at(&self, t: f64, ln_k: f64) -> (f64, f64, f64) {
        let (ln_y, capital_share, ln_labor_share) = self.at_fixed_tfp(t, ln_k);
        (ln_y + self.tfp_rate() * t, capital_share, ln_labor_share)
    }

    /// ln β_t and ln(1 − β_t) with task creation: each the sum of its limit (a/(a + c), c/(a + c))
    /// times 1 − e^{−(a+c)t} and its start times e^{−(a+c)t}, added in logs, so neither cancels
    /// nor underflows (without automation β_t = β₀e^{−ct} falls below f64's range after
    /// 745/c years, and capital must not drop out of the economy then).
    #[inline(never)]
    fn created_shares(&self, t: f64) -> (f64, f64) {
        let (a, c, beta) = (
            self.automation_rate,
            self.task_creation,
            self.technology.beta,
        );
        let decay = -(a + c) * t;
        let ln_gone = log(-libm::expm1(decay));
        use crate::production::ln_sum;
        (
            ln_sum(log(a / (a + c)) + ln_gone, log(beta) + decay),
            ln_sum(log(c / (a + c)) + ln_gone, libm::log1p(-beta) + decay),
        )
    }

    fn at_fixed_tfp(&self, t: f64, ln_k: f64) -> (f64, f64, f64) {
        let tech = &self.technology;
        // β₀ = 1 with task creation is not full automation: new tasks go to people.
        if self.full || (tech.beta >= 1.0 && self.task_creation == 0.0) {
            return tech.log_point_at(ln_k, 0.0, 0.0, f64::NEG_INFINITY);
        }
        if self.task_creation > 0.0 {
            let (ln_beta, ln_rest) = self.created_shares(t);
            return tech.log_point_at(ln_k, 0.0, ln_beta, ln_rest);
        }
        let ln_rest = libm::log1p(-tech.beta) - self.automation_rate * t;
        // ln β = ln(1 − e^{ln_rest}), exact even when 1 − β is far below f64's resolution.
        let ln_beta = if tech.beta <= 0.0 && ln_rest >= 0.0 {
            f64::NEG_INFINITY
        } else {
            libm::log(-libm::expm1(ln_rest))
        };
        tech.log_point_at(ln_k, 0.0, ln_beta, ln_rest)
    }

    /// The long run in closed form for tasks that are gross complements (ρ < 0) with asymptotic
    /// automation and TFP growth (Aghion, Jones & Jones 2019): (1 − β_t)^{1−ρ}L^ρ =
    /// ((1 − β_t)^{(1−ρ)/ρ}L)^ρ, so automation acts as labor-augmenting growth at
    /// b = a(1 − ρ)/(−ρ). With g_A > 0 and s > 0 capital outgrows effective labor (while it is
    /// the scarce factor K̇/K ≈ sA_t − δ rises without bound), so Y → A(1 − β_t)^{(1−ρ)/ρ}L:
    /// growth tends to g_A + b, labor's share to one (capital's term, ∝ (K/effective labor)^ρ,
    /// vanishes) and the wage grows with output. However large b is as ρ → 0⁻ (the run then
    /// hits the solver's rate cap long before it gets there), this is where it goes. `None`
    /// elsewhere (ρ ≥ 0, full automation, g_A = 0, s = 0: read from the run).
    ///
    /// With task creation c > 0, automation a > 0 and ρ ∈ (0, 1) (Hémous & Olsen 2014): the
    /// automated share settles at a/(a + c) while N grows, so Y ≥ A(βN)^{(1−ρ)/ρ}K with the
    /// factor on K growing at c(1 − ρ)/ρ: K̇/K = sY/K − δ rises without bound (type I), K/L
    /// with it, so labor's share vanishes (ρ > 0), and the wage, ∝ N^{(1−ρ)/ρ}K^{1−ρ}(1 − β)^{1−ρ},
    /// grows at c(1 − ρ)/ρ + (1 − ρ)K̇/K, rising without bound too (`wage_growth` ∞). Without
    /// automation (a = 0) I stays fixed and the factor on K with it: no singularity.
    pub fn long_run(&self) -> Option<crate::models::LongRun> {
        let rho = self.technology.rho;
        if self.task_creation > 0.0
            && self.automation_rate > 0.0
            && rho < 1.0
            && !self.full
            && self.saving > 0.0
        {
            return Some(crate::models::LongRun {
                trend: crate::trend::Trend::TypeI,
                share_vanishes: Some(true),
                wage_growth: Some(f64::INFINITY),
            });
        }
        // Finite even where b passes f64's range (ρ = −5·10⁻³²⁴).
        let growth = (self.tfp_growth + self.automation_rate * (1.0 - rho) / -rho).min(f64::MAX);
        (rho < 0.0
            && !self.full
            && self.technology.beta < 1.0
            && self.tfp_growth > 0.0
            && self.saving > 0.0)
            .then_some(crate::models::LongRun {
                trend: crate::trend::Trend::Steady(growth),
                share_vanishes: Some(false),
                wage_growth: Some(growth),
            })
    }

    /// Simulates `years` from K = 1 (L = 1): output, growth, labor share and wage (log-space).
    pub fn simulate(&self, years: f64) -> Result<EconomyRun, SolveError> {
        self.simulate_from(years, 1.0)
    }

    /// Every task automated (new tasks too): Y = A e^{g t} K with g the TFP rate and task creation's variety gain, an AK economy, so ln K = ln K₀ + sA(e^{gt} − 1)/g − δt in closed form (sampled like a solver run: 401 points).
    fn simulate_automated(&self, years: f64, ln_k0: f64) -> Result<EconomyRun, SolveError> {
        let years = crate::solver::HORIZON
            .check("years", years)
            .map_err(|_| SolveError::BadInput)?;
        let (s, a, g, delta) = (
            self.saving,
            self.technology.tfp,
            self.tfp_rate(),
            self.depreciation,
        );
        let mut run = EconomyRun::with_capacity(401);
        for i in 0..=400 {
            let t = years * i as f64 / 400.0;
            let accumulated = if g == 0.0 { t } else { libm::expm1(g * t) / g };
            let ln_k = ln_k0 + s * a * accumulated - delta * t;
            let (ln_y, _, ln_labor_share) = self.at(t, ln_k);
            run.push(t, ln_y, 0.0, ln_labor_share);
        }
        run.finish();
        Ok(run)
    }

    /// Simulates `years` from capital per worker `initial_capital` (L = 1).
    pub fn simulate_from(
        &self,
        years: f64,
        initial_capital: f64,
    ) -> Result<EconomyRun, SolveError> {
        let initial = FACTOR
            .check("K", initial_capital)
            .map_err(|_| SolveError::BadInput)?;
        if self.full || (self.technology.beta >= 1.0 && self.task_creation == 0.0) {
            return self.simulate_automated(years, log(initial));
        }
        simulate_economy(self, [log(initial)], years, &|t, y| {
            let (ln_y, _, ln_labor_share) = self.at(t, y[0]);
            (ln_y, 0.0, ln_labor_share)
        })
    }
}
