//! Land and robots: two ways human labor can stay scarce or become abundant.
//!
//! 1. Fixed land (Hanson 2001 as adapted in Trammell & Korinek §3.3): robots (capital) and
//!    people are perfect substitutes, Z = A K + L, and output needs land X in fixed supply,
//!    Y = [a Z^ρ + (1−a) X^ρ]^{1/ρ}; ρ = 0 is the "MS land constraint", ρ < 0 "LS".
//!    With `equipment` set, technology A augments only the equipment that complements
//!    workers and robots (Y = (A E)^e (K_R + L)^{a−e} X^{1−a}), the third row of the slide.
//! 2. Robotics production (Mookherjee & Ray 2017): Y = F((1−S_K)K, B(1−S_H)H + (1−S_R)R),
//!    Ṙ = f(S_K K + D S_R R, B S_H H) − δ R, with F and f CES and B growing at g_B. Robots and
//!    people are perfect substitutes in final goods (the slide's sum); in robot production
//!    robots (each worth D units of capital) and capital form one input and people the other,
//!    so ρ_R decides whether people are necessary for making robots (ρ_R < 0, LS) or not.
//!
//! Both are integrated in logs with the Dormand–Prince solver.

use crate::error::{Domain, ParamError};
use crate::exogenous::{simulate_economy, EconomyRun, DEPRECIATION, SAVING};
use crate::production::{log_point, ALPHA, RHO};
use crate::solver::{SolveError, System};
use crate::trend::Trend;
use libm::{exp, log};

/// Growth of capital-augmenting technology (per year).
pub const TECH_GROWTH: Domain = Domain::closed(0.0, 0.5);
/// Quantities of land and people.
pub const QUANTITY: Domain = Domain::closed(1e-6, 1e9);
/// Shares of an input allocated to robot production.
pub const ALLOCATION: Domain = Domain::closed(0.0, 0.99);
/// Robots' productivity relative to people in robot production, D.
pub const ROBOT_PRODUCTIVITY: Domain = Domain::closed(0.0, 100.0);

/// Output with fixed land (Hanson 2001, adapted in Trammell & Korinek §3.3).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FixedLand {
    /// Weight a of the capital-and-labor composite.
    pub composite_weight: f64,
    /// Substitution ρ between the composite and land (0: MS, < 0: LS).
    pub rho: f64,
    /// Growth of capital-augmenting technology g_A.
    pub g_a: f64,
    /// If set, the tech growth augments equipment only, with this output elasticity e.
    pub equipment: Option<f64>,
    /// Saving rate s.
    pub saving: f64,
    /// Depreciation δ.
    pub depreciation: f64,
    /// Land X.
    pub land: f64,
    /// People L.
    pub labor: f64,
    /// Growth of land-augmenting technology (per year).
    pub g_x: f64,
    /// Growth of people's labor-augmenting technology (per year).
    pub g_b: f64,
    /// True when only wages are saved (overlapping generations: the young save out of wages; Sachs & Kotlikoff 2012).
    pub wage_saving: bool,
}

impl FixedLand {
    /// The same economy with land-augmenting growth g_X and labor-augmenting growth g_B (per year).
    pub fn with_growth(self, g_x: f64, g_b: f64) -> Result<Self, ParamError> {
        Ok(FixedLand {
            g_x: TECH_GROWTH.check("g_X", g_x)?,
            g_b: TECH_GROWTH.check("g_B", g_b)?,
            ..self
        })
    }

    /// The same economy where only wages are saved: K̇ = s·w·L − δK (Sachs & Kotlikoff 2012).
    pub fn saving_from_wages(self) -> Self {
        FixedLand {
            wage_saving: true,
            ..self
        }
    }

    /// Validated parameters (episode slide "AI as a Perfect Substitute").
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        composite_weight: f64,
        rho: f64,
        g_a: f64,
        equipment: Option<f64>,
        saving: f64,
        depreciation: f64,
        land: f64,
        labor: f64,
    ) -> Result<Self, ParamError> {
        let composite_weight = ALPHA.check("a", composite_weight)?;
        if let Some(e) = equipment {
            Domain::open(0.0, composite_weight).check("equipment", e)?;
        }
        Ok(FixedLand {
            composite_weight,
            rho: RHO.check("rho", rho)?,
            g_a: TECH_GROWTH.check("g_A", g_a)?,
            equipment,
            saving: SAVING.check("s", saving)?,
            depreciation: DEPRECIATION.check("delta", depreciation)?,
            land: QUANTITY.check("X", land)?,
            labor: QUANTITY.check("L", labor)?,
            g_x: 0.0,
            g_b: 0.0,
            wage_saving: false,
        })
    }

    /// ln Y and ln of labor's share at time t with capital ln K.
    fn at(&self, t: f64, ln_k: f64) -> (f64, f64) {
        let ln_a = self.g_a * t;
        let ln_l = log(self.labor) + self.g_b * t;
        let ln_land = log(self.land) + self.g_x * t;
        match self.equipment {
            None => {
                // Z = A K + L in logs: ln Z = max + ln(1 + e^{min − max}).
                let (u, v) = (ln_a + ln_k, ln_l);
                let ln_z = crate::production::ln_sum(u, v);
                let p = log_point(self.composite_weight, self.rho, ln_z, ln_land);
                // People earn Z's marginal product: share of Z times L/Z (in logs).
                (p.ln_output, p.ln_capital_share + ln_l - ln_z)
            }
            Some(e) => {
                // Half the capital is equipment E (augmented by A), half robots R (not augmented).
                let ln_half = ln_k - core::f64::consts::LN_2;
                let robots_and_people = crate::production::ln_sum(ln_half, ln_l);
                let a = self.composite_weight;
                let ln_y = e * (ln_a + ln_half) + (a - e) * robots_and_people + (1.0 - a) * ln_land;
                (ln_y, log(a - e) + ln_l - robots_and_people)
            }
        }
    }

    /// The long run in closed form under an LS land constraint (ρ < 0) with capital-augmenting
    /// growth (g_A > 0, s > 0, no equipment, saving out of all income; Korinek & Stiglitz 2019,
    /// §3.3 of the review): Y = [aZ^ρ + (1−a)X^ρ]^{1/ρ}, Z = AK + BL. K grows with Y, so AK
    /// outgrows land and Z grows at g_Z = max(g_A + g_X, g_B): land binds, growth tends to g_X
    /// (dies out at g_X = 0), Z's share, and with it people's, tends to zero, and the wage
    /// aB(Y/Z)^{1−ρ} grows at g_B + (1 − ρ)(g_X − g_Z). As ρ → 0⁻ a run approaches this only at a
    /// speed ∝ |ρ| (from the MS rate a·g_A/(1 − a)), so no horizon could read it. `None` elsewhere.
    ///
    /// With MS land (ρ = 0, saving out of all income; Hanson 2001): Y = Z^a X^{1−a}. Once robots
    /// take over, Z ∝ AK and K grows with Y, so Z grows at r = g_A/(1−a) + g_X and output at
    /// r − g_A = a·g_A/(1−a) + g_X, the wage aBY/Z at g_B − g_A; with equipment E = K/2 (Y =
    /// (AE)^e(R + BL)^{a−e}X^{1−a}) the robots R grow at r = e·g_A/(1−a) + g_X, as output, and
    /// the wage at g_B. They take over iff r > g_B (people's share → 0); otherwise Z ∝ BL, the
    /// share settles and output and the wage grow at the no-robot rate
    /// (e·g_A + (a−e)g_B + (1−a)g_X)/(1−e). Next to r = g_B a run moves ∝ |r − g_B|, so the
    /// closed form reads it.
    pub fn long_run(&self) -> Option<crate::models::LongRun> {
        if self.rho == 0.0 && self.saving > 0.0 && !self.wage_saving {
            let (a, e) = (self.composite_weight, self.equipment.unwrap_or(0.0));
            let aug = if self.equipment.is_some() {
                0.0
            } else {
                self.g_a
            };
            let r = self.equipment.unwrap_or(1.0) * self.g_a / (1.0 - a) + self.g_x;
            let take = r > self.g_b;
            let g = if take {
                r - aug
            } else {
                (e * self.g_a + (a - e) * self.g_b + (1.0 - a) * self.g_x) / (1.0 - e)
            };
            return Some(crate::models::LongRun {
                trend: if g > 0.0 {
                    Trend::Steady(g)
                } else {
                    Trend::DiesOut
                },
                share_vanishes: Some(take),
                wage_growth: Some(if take { self.g_b - aug } else { g }),
            });
        }
        let g_z = (self.g_a + self.g_x).max(self.g_b);
        (self.rho < 0.0
            && self.g_a > 0.0
            && self.saving > 0.0
            && self.equipment.is_none()
            && !self.wage_saving)
            .then_some(crate::models::LongRun {
                trend: if self.g_x > 0.0 {
                    Trend::Steady(self.g_x)
                } else {
                    Trend::DiesOut
                },
                share_vanishes: Some(true),
                wage_growth: Some(self.g_b + (1.0 - self.rho) * (self.g_x - g_z)),
            })
    }

    /// Simulates `years` from K = 1: output, growth, labor share and wage.
    pub fn simulate(&self, years: f64) -> Result<EconomyRun, SolveError> {
        simulate_economy(self, [0.0], years, &|t, y| {
            let (ln_y, ln_labor_share) = self.at(t, y[0]);
            (ln_y, log(self.labor), ln_labor_share)
        })
    }
}

impl System<1> for FixedLand {
    fn rates(&self, t: f64, y: &[f64; 1]) -> [f64; 1] {
        let (ln_y, ln_labor_share) = self.at(t, y[0]);
        // Saving out of wages, s·s_L·Y/K, in one exponent: Y/K alone passes f64's range when A
        // has grown for centuries while the wage-saving capital shrank (g_A = 0.5 over 2,000
        // years: e^{700}), where s_L ≈ e^{−700} makes the product ordinary (issue #20's "every
        // accepted value simulates"; the product of the two factors was 0·∞).
        let ln_saved = if self.wage_saving {
            ln_labor_share
        } else {
            0.0
        };
        [self.saving * exp(ln_saved + ln_y - y[0]) - self.depreciation]
    }
}

/// Robotics production (Mookherjee & Ray 2017): robots are made from capital, people and robots.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RobotEconomy {
    /// Final goods: capital weight and ρ between capital and (people + robots).
    pub final_alpha: f64,
    /// Final goods substitution ρ_Y.
    pub final_rho: f64,
    /// Robot production: capital weight.
    pub robot_alpha: f64,
    /// Robot production substitution ρ_R between capital and (people + D·robots).
    pub robot_rho: f64,
    /// Shares S_K, S_H, S_R of capital, people and robots making robots.
    pub allocation: [f64; 3],
    /// A robot replaces D workers in robot production.
    pub robot_productivity: f64,
    /// Saving rate s.
    pub saving: f64,
    /// Depreciation of capital and robots δ.
    pub depreciation: f64,
    /// People H.
    pub people: f64,
    /// Growth of people's labor-augmenting technology B (per year).
    pub g_b: f64,
}

impl RobotEconomy {
    /// The same economy with people's labor-augmenting technology growing at g_B (per year).
    pub fn with_labor_growth(self, g_b: f64) -> Result<Self, ParamError> {
        Ok(RobotEconomy {
            g_b: TECH_GROWTH.check("g_B", g_b)?,
            ..self
        })
    }

    /// Validated parameters (Mookherjee & Ray 2017).
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        final_alpha: f64,
        final_rho: f64,
        robot_alpha: f64,
        robot_rho: f64,
        allocation: [f64; 3],
        robot_productivity: f64,
        saving: f64,
        depreciation: f64,
        people: f64,
    ) -> Result<Self, ParamError> {
        for (name, v) in ["S_K", "S_H", "S_R"].iter().zip(allocation) {
            ALLOCATION.check(name, v)?;
        }
        Ok(RobotEconomy {
            final_alpha: ALPHA.check("alpha", final_alpha)?,
            final_rho: RHO.check("rho", final_rho)?,
            robot_alpha: ALPHA.check("alpha_R", robot_alpha)?,
            robot_rho: RHO.check("rho_R", robot_rho)?,
            allocation,
            robot_productivity: ROBOT_PRODUCTIVITY.check("D", robot_productivity)?,
            saving: SAVING.check("s", saving)?,
            depreciation: DEPRECIATION.check("delta", depreciation)?,
            people: QUANTITY.check("H", people)?,
            g_b: 0.0,
        })
    }

    /// (ln Y, ln human labor share, ln of robots made) at time t, ln K, ln R (Mookherjee & Ray 2017 with B = e^{g_B t}).
    fn at(&self, t: f64, ln_k: f64, ln_r: f64) -> (f64, f64, f64) {
        let [sk, sh, sr] = self.allocation;
        let ln_h = log(self.people) + self.g_b * t;
        let ln_labor_final = crate::production::ln_sum(log(1.0 - sh) + ln_h, log(1.0 - sr) + ln_r);
        let p = log_point(
            self.final_alpha,
            self.final_rho,
            log(1.0 - sk) + ln_k,
            ln_labor_final,
        );
        // Human labor share: the labor composite's share times humans' part of it (in logs).
        let ln_human_part = log(1.0 - sh) + ln_h - ln_labor_final;
        let machines = if self.robot_productivity > 0.0 && sr > 0.0 {
            crate::production::ln_sum(
                log(sk.max(1e-300)) + ln_k,
                log(self.robot_productivity * sr) + ln_r,
            )
        } else {
            log(sk.max(1e-300)) + ln_k
        };
        let q = log_point(
            self.robot_alpha,
            self.robot_rho,
            machines,
            log(sh.max(1e-300)) + ln_h,
        );
        (p.ln_output, p.ln_labor_share + ln_human_part, q.ln_output)
    }

    /// Simulates `years` from K = R = 1: output, growth, human labor share and wage.
    pub fn simulate(&self, years: f64) -> Result<EconomyRun, SolveError> {
        simulate_economy(self, [0.0, 0.0], years, &|t, y| {
            let (ln_y, ln_labor_share, _) = self.at(t, y[0], y[1]);
            (ln_y, log(self.people), ln_labor_share)
        })
    }
}

impl System<2> for RobotEconomy {
    fn rates(&self, t: f64, y: &[f64; 2]) -> [f64; 2] {
        let (ln_y, _, ln_robots_made) = self.at(t, y[0], y[1]);
        [
            self.saving * exp(ln_y - y[0]) - self.depreciation,
            exp(ln_robots_made - y[1]) - self.depreciation,
        ]
    }
}
