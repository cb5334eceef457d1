//! Semi-endogenous research feedback: Ḃ = θ B^φ (S L)^λ with research labor S L growing at n.
//!
//! Source: Jones (1995) as presented in Trammell & Korinek, §2 ("Endogenous Growth" slide of
//! the episode): φ < 1 needs growing scientists (g_B → λn/(1−φ)), φ = 1 gives exponential
//! growth from constant scientists, φ > 1 a type II singularity. Bloom et al. (2020) estimate
//! φ ≈ −2.1 economy-wide. The "robot scientists" variant (episode, "AI in technology
//! production") makes researchers out of accumulated capital, closing the loop.
//!
//! Integrated in logs: d ln B/dt = θ exp((φ−1) ln B + λ ln(S L) + λ n t).

use crate::error::{Domain, ParamError};
use crate::solver::{continue_run, over_horizon, Blowup, SolveError, System};
use crate::trend::{growth_trend, Trend};
use alloc::vec::Vec;
use libm::{exp, log, log1p};

/// Research feedback φ.
pub const PHI: Domain = Domain::closed(-5.0, 3.0);
/// Returns to research effort λ.
pub const LAMBDA: Domain = Domain::above(0.0, 5.0);
/// Research productivity θ.
pub const THETA: Domain = Domain::above(0.0, 10.0);
/// Initial technology level B₀.
pub const LEVEL: Domain = Domain::closed(1e-6, 1e6);
/// Share of labor doing research, S.
pub const SHARE: Domain = Domain::above(0.0, 1.0);
/// Labor force L (at t = 0).
pub const LABOR: Domain = Domain::closed(1e-6, 1e10);
/// Growth rate of scientists n (per year).
pub const GROWTH: Domain = Domain::closed(-0.1, 0.2);
/// Simulated years.
pub const YEARS: Domain = Domain::closed(0.1, 2000.0);
/// The Bloom et al. (2020) economy-wide estimate of φ.
pub const BLOOM_PHI: f64 = -2.1;

/// Parameters of Ḃ = θ B^φ (S L e^{nt})^λ (Jones 1995; episode slide "Endogenous Growth").
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ResearchFeedback {
    /// Initial technology B₀.
    pub b0: f64,
    /// Research feedback φ.
    pub phi: f64,
    /// Returns to research effort λ.
    pub lambda: f64,
    /// Research productivity θ.
    pub theta: f64,
    /// Share of labor in research S.
    pub share: f64,
    /// Labor force L at t = 0.
    pub labor: f64,
    /// Growth rate of scientists n.
    pub n: f64,
}

/// A simulated path of technology.
#[derive(Debug, Clone, PartialEq)]
pub struct ResearchRun {
    /// Times (years).
    pub t: Vec<f64>,
    /// ln B(t).
    pub ln_b: Vec<f64>,
    /// Growth rate g_B(t) = d ln B/dt.
    pub g_b: Vec<f64>,
    /// The finite-time singularity, if the path has one before the horizon.
    pub blowup: Option<Blowup>,
    /// Set to the time the plotted run stopped when a growth rate passed the solver's cap (no singularity estimate).
    pub capped_at: Option<f64>,
    /// Long-run behaviour read from the numbers.
    pub trend: Trend,
}

impl System<1> for ResearchFeedback {
    fn rates(&self, t: f64, y: &[f64; 1]) -> [f64; 1] {
        [self.growth_rate(y[0], t)]
    }
    fn closed_form_blowup(&self) -> Option<f64> {
        self.blowup_time_closed_form()
    }
}

impl ResearchFeedback {
    /// Validated parameters (Jones 1995 research production function).
    pub fn new(
        b0: f64,
        phi: f64,
        lambda: f64,
        theta: f64,
        share: f64,
        labor: f64,
        n: f64,
    ) -> Result<Self, ParamError> {
        Ok(ResearchFeedback {
            b0: LEVEL.check("B0", b0)?,
            phi: PHI.check("phi", phi)?,
            lambda: LAMBDA.check("lambda", lambda)?,
            theta: THETA.check("theta", theta)?,
            share: SHARE.check("S", share)?,
            labor: LABOR.check("L", labor)?,
            n: GROWTH.check("n", n)?,
        })
    }

    /// g_B = Ḃ/B = θ B^{φ−1} (S L e^{nt})^λ at ln B and time t (Jones 1995).
    pub fn growth_rate(&self, ln_b: f64, t: f64) -> f64 {
        exp(log(self.theta)
            + (self.phi - 1.0) * ln_b
            + self.lambda * (log(self.share) + log(self.labor) + self.n * t))
    }

    /// Balanced growth g_B = λ n / (1 − φ) for φ < 1 (Jones 1995); `None` for φ ≥ 1.
    pub fn balanced_growth_rate(&self) -> Option<f64> {
        (self.phi < 1.0).then(|| self.lambda * self.n / (1.0 - self.phi))
    }

    /// The regime as t → ∞ in closed form, for φ ≤ 1 (Jones 1995; φ > 1 is the exact blow-up,
    /// [`Self::blowup_time_closed_form`]). φ < 1: g → λn/(1 − φ) when n > 0, and g → 0 when
    /// n ≤ 0 (∝ 1/t at n = 0). φ = 1: g = θ(SL)^λe^{λnt} exactly, rising without bound (type I)
    /// for n > 0, constant for n = 0, → 0 for n < 0. However slowly a run approaches it (n·t ≪ 1,
    /// φ → 1⁻), this is where it goes, so no horizon can change the reading.
    pub fn long_run(&self) -> Option<Trend> {
        Some(if self.phi > 1.0 {
            return None;
        } else if self.n < 0.0 || (self.n == 0.0 && self.phi < 1.0) {
            Trend::DiesOut
        } else if self.phi < 1.0 {
            Trend::Steady(self.lambda * self.n / (1.0 - self.phi))
        } else if self.n == 0.0 {
            Trend::Steady(self.growth_rate(log(self.b0), 0.0))
        } else {
            Trend::TypeI
        })
    }

    /// Exact blow-up time for φ > 1 (Jones 1995, Ḃ = θB^φ(SLe^{nt})^λ): with z = B^{1−φ},
    /// ż = −(φ−1)θ(SL)^λ e^{λnt}, so z reaches 0 at t* = ln(1 + λn·c)/(λn), where
    /// c = B₀^{1−φ}/((φ−1)θ(SL)^λ) is the time at n = 0 (Ḃ = cB^φ). With n < 0 research effort
    /// shrinks fast enough to prevent it when λn·c ≤ −1 (`None`). Computed from ln c, so neither
    /// a huge c nor a tiny λn loses digits.
    pub fn blowup_time_closed_form(&self) -> Option<f64> {
        if self.phi <= 1.0 {
            return None;
        }
        let ln_c = (1.0 - self.phi) * log(self.b0)
            - log(self.phi - 1.0)
            - log(self.theta)
            - self.lambda * (log(self.share) + log(self.labor));
        let rate = self.lambda * self.n;
        if rate == 0.0 {
            return Some(exp(ln_c));
        }
        // ln |λn·c|
        let ln_x = log(rate.abs()) + ln_c;
        if rate > 0.0 {
            let ln_1px = if ln_x > 36.0 {
                ln_x + log1p(exp(-ln_x))
            } else {
                log1p(exp(ln_x))
            };
            Some(ln_1px / rate)
        } else {
            (ln_x < 0.0).then(|| log1p(-exp(ln_x)) / rate)
        }
    }

    /// Integrates ln B over `years` (Dormand–Prince in log-space), detecting a type II blow-up.
    pub fn simulate(&self, years: f64) -> Result<ResearchRun, SolveError> {
        let path = over_horizon(self, [log(self.b0)], years)?;
        Ok(finish_run(self, path, years, self.long_run()))
    }
}

/// Robot scientists: researchers made of capital, Ȧ = θ A^φ (s_R A K)^λ, K̇ = s Y − δK, Y = A K^α L^{1−α} (episode, "AI in technology production").
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RobotScientists {
    /// Research feedback φ.
    pub phi: f64,
    /// Returns to research effort λ.
    pub lambda: f64,
    /// Research productivity θ.
    pub theta: f64,
    /// Share of capital doing research s_R.
    pub research_share: f64,
    /// Saving rate s.
    pub saving: f64,
    /// Depreciation δ.
    pub depreciation: f64,
    /// Capital's output elasticity α.
    pub alpha: f64,
}

impl System<2> for RobotScientists {
    // y = [ln A, ln K]
    fn rates(&self, _t: f64, y: &[f64; 2]) -> [f64; 2] {
        let (ln_a, ln_k) = (y[0], y[1]);
        let g_a = exp(log(self.theta)
            + (self.phi - 1.0) * ln_a
            + self.lambda * (log(self.research_share) + ln_a + ln_k));
        // Production capital is (1 − s_R) K; labor fixed at 1.
        let ln_y = ln_a + self.alpha * (log(1.0 - self.research_share) + ln_k);
        let g_k = self.saving * exp(ln_y - ln_k) - self.depreciation;
        [g_a, g_k]
    }
}

/// Saving rate s.
pub const SAVING: Domain = Domain::closed(0.0, 1.0);
/// Depreciation δ.
pub const DEPRECIATION: Domain = Domain::closed(0.0, 0.5);

impl RobotScientists {
    /// Validated parameters (robot-scientist loop).
    pub fn new(
        phi: f64,
        lambda: f64,
        theta: f64,
        research_share: f64,
        saving: f64,
        depreciation: f64,
        alpha: f64,
    ) -> Result<Self, ParamError> {
        Ok(RobotScientists {
            phi: PHI.check("phi", phi)?,
            lambda: LAMBDA.check("lambda", lambda)?,
            theta: THETA.check("theta", theta)?,
            research_share: Domain::open(0.0, 1.0).check("research_share", research_share)?,
            saving: SAVING.check("s", saving)?,
            depreciation: DEPRECIATION.check("delta", depreciation)?,
            alpha: Domain::closed(0.01, 0.99).check("alpha", alpha)?,
        })
    }

    /// Integrates ln A and ln K from A = K = 1 over `years`; g_A series and blow-up as in [`ResearchFeedback::simulate`].
    pub fn simulate(&self, years: f64) -> Result<ResearchRun, SolveError> {
        let path = over_horizon(self, [0.0, 0.0], years)?;
        Ok(finish_run(self, path, years, None))
    }
}

/// Research done by capital, "HS in tech production" (Aghion, Jones & Jones 2019; the episode's robot scientists): Ȧ = θ A^φ (s_R Z K)^λ with research capital's productivity Z = e^{g_Z t}, Y = ((1−s_R)K)^α A^{1−α}, K̇ = sY − δK.
///
/// A is labor-augmenting, so capital, and with it the scientists made of capital, grows with A:
/// on a balanced path λ(g_A + g_Z) = (1 − φ) g_A, i.e. g_A = λ g_Z/(1 − φ − λ). With λ = 1 that is
/// steady growth g_Z/(−φ) for negative feedback, a rate rising without bound at φ = 0 (type I)
/// and a finite-time blow-up for positive feedback (type II), the three HS halves of §5.2.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ResearchCapital {
    /// Research feedback φ.
    pub phi: f64,
    /// Returns to research capital λ.
    pub lambda: f64,
    /// Research productivity θ.
    pub theta: f64,
    /// Share of capital doing research s_R.
    pub research_share: f64,
    /// Saving rate s.
    pub saving: f64,
    /// Depreciation δ.
    pub depreciation: f64,
    /// Capital's output elasticity α.
    pub alpha: f64,
    /// Growth of research capital's productivity g_Z (per year).
    pub g_z: f64,
}

impl System<2> for ResearchCapital {
    // y = [ln A, ln K]
    fn rates(&self, t: f64, y: &[f64; 2]) -> [f64; 2] {
        let (ln_a, ln_k) = (y[0], y[1]);
        let g_a = exp(log(self.theta)
            + (self.phi - 1.0) * ln_a
            + self.lambda * (log(self.research_share) + self.g_z * t + ln_k));
        let ln_y = self.alpha * (log(1.0 - self.research_share) + ln_k) + (1.0 - self.alpha) * ln_a;
        [g_a, self.saving * exp(ln_y - ln_k) - self.depreciation]
    }
    fn blowup_from(&self, t: f64, y: &[f64; 2]) -> Option<f64> {
        let g = self.rates(t, y)[0];
        self.blowup_time_left(g).map(|left| t + left)
    }
    fn rate_cap(&self) -> Option<f64> {
        // A type I path accelerating at μ ≤ λg_Z takes ∫g dt ≈ cap/μ e-folds to reach the cap, each a
        // step: 10⁴ %/yr keeps that to thousands, and a type II path is still imminent there.
        Some(100.0)
    }
}

impl ResearchCapital {
    /// Validated parameters (research by capital, Aghion, Jones & Jones 2019).
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        phi: f64,
        lambda: f64,
        theta: f64,
        research_share: f64,
        saving: f64,
        depreciation: f64,
        alpha: f64,
        g_z: f64,
    ) -> Result<Self, ParamError> {
        // The same ranges as the robot-scientist loop, plus g_Z.
        let r = RobotScientists::new(
            phi,
            lambda,
            theta,
            research_share,
            saving,
            depreciation,
            alpha,
        )?;
        Ok(ResearchCapital {
            phi: r.phi,
            lambda: r.lambda,
            theta: r.theta,
            research_share: r.research_share,
            saving: r.saving,
            depreciation: r.depreciation,
            alpha: r.alpha,
            g_z: GROWTH.check("g_Z", g_z)?,
        })
    }

    /// Balanced growth g_A = λ g_Z/(1 − φ − λ) when 1 − φ − λ > 0 (`None` otherwise: no balanced path).
    pub fn balanced_growth_rate(&self) -> Option<f64> {
        let gap = self.gap();
        (gap > 0.0).then(|| {
            // Finite where g_Z/(−φ) passes f64's range (φ = −5·10⁻³²⁴).
            let g = self.lambda * self.g_z / gap;
            if g.is_finite() {
                g.max(0.0)
            } else {
                f64::MAX
            }
        })
    }

    /// φ + λ > 1 (1 − φ − λ < 0) with g_Z ≥ 0 and s > 0: the time left to the blow-up from a
    /// state growing at g_A = g; `None` off that class.
    ///
    /// The blow-up is certain (Aghion, Jones & Jones 2019, robot scientists). With w = sY/K the
    /// gross return to capital, g_K = w − δ, and from the model's equations
    /// d ln g_A/dt = (φ − 1)g_A + λ(g_Z + g_K) and d ln w/dt = (1 − α)(g_A − g_K). For large rates
    /// this is homogeneous of degree 2 in (g_A, w) with an attracting ray w = βg_A,
    /// β = (2 − α − φ)/(1 − α + λ) (w/g_A → 0 when φ ≥ 2 − α), along which
    /// ġ_A = κg_A², κ = (1 − α)(φ + λ − 1)/(1 − α + λ) > 0 ((φ − 1)g_A² when w/g_A → 0): g_A, A
    /// and Y = ((1 − s_R)K)^α A^{1−α} reach infinity in finite time (type II), however close
    /// φ + λ is to 1. Its time has no closed form; this is the quasi-steady estimate, where
    /// capital's return tracks w = g_A + δ (K lags A by ln(A/K) = ln(w/s(1 − s_R)^α)/(1 − α)):
    /// ġ/g · (1 + λg/((1 − α)(g + δ))) = εg + c with ε = φ + λ − 1, c = λg_Z, so the time left is
    /// ∫_g^∞ [1/(h(εh + c)) + λ/((1 − α)(h + δ)(εh + c))] dh
    /// = L(c/(εg))/(εg) + λ/(1 − α) · L((εδ − c)/(εg + c))/(εg + c), with L(x) = ln(1 + x)/x.
    /// It is 52/φ years at the row's φ → 0⁺ (λ = 1, α = ½, δ = 0.05, g_A ≈ 0.045 on the path),
    /// between 1/(εg) and 1/(κg) for g_Z = 0, and exact as g → ∞.
    pub fn blowup_time_left(&self, g: f64) -> Option<f64> {
        let epsilon = -self.gap();
        if epsilon <= 0.0 || self.g_z < 0.0 || self.saving <= 0.0 || g <= 0.0 {
            return None;
        }
        // ln(1 + x)/x, 1 at x = 0 (x > −1 here: εδ − c > −(εg + c)).
        let l = |x: f64| {
            if x.abs() < 1e-8 {
                1.0 - 0.5 * x
            } else {
                log1p(x) / x
            }
        };
        let (c, delta) = (self.lambda * self.g_z, self.depreciation);
        let first = l(c / (epsilon * g)) / (epsilon * g);
        let lag = l((epsilon * delta - c) / (epsilon * g + c)) / (epsilon * g + c);
        let left = first + self.lambda / (1.0 - self.alpha) * lag;
        // Past f64's range (φ + λ − 1 = 5·10⁻³²⁴: εg underflows, 0/0) it is held finite.
        Some(if left.is_nan() {
            f64::MAX
        } else {
            left.min(f64::MAX)
        })
    }

    /// 1 − φ − λ, as (1 − λ) − φ: exact at λ = 1.
    fn gap(&self) -> f64 {
        (1.0 - self.lambda) - self.phi
    }

    /// The regime as t → ∞ in closed form, where there is one (Aghion, Jones & Jones 2019, as in
    /// [`Self::balanced_growth_rate`]); it needs saving s > 0, so that capital, and the scientists
    /// made of it, grow with A. 1 − φ − λ > 0: the balanced rate λg_Z/(1 − φ − λ) when g_Z > 0
    /// (g_Z/(−φ) at λ = 1, however large as φ → 0⁻), growth dying out when g_Z ≤ 0 (g_A ∝
    /// A^{−(1−φ−λ)} once K ∝ A). 1 − φ − λ = 0 with g_Z > 0: the growth rate itself grows at
    /// [`Self::acceleration_rate`], a rate rising without bound (type I). 1 − φ − λ < 0 with
    /// g_Z ≥ 0: a certain blow-up in finite time (type II, [`Self::blowup_time_left`]), at the
    /// time the run finds, else at the estimate from the furthest state the run reaches. `None`
    /// otherwise (read from the run). 1 − φ − λ is computed as (1 − λ) − φ, exactly −φ at λ = 1, so φ = −5·10⁻³²⁴ is
    /// still negative feedback (its balanced rate, past f64's range, is held finite).
    pub fn long_run(&self) -> Option<Trend> {
        let gap = self.gap();
        if self.saving <= 0.0 || (gap <= 0.0 && (self.g_z < 0.0 || (gap == 0.0 && self.g_z == 0.0)))
        {
            None
        } else if gap < 0.0 {
            // The estimate from the start (A = K = 1); the run refines it (finish_run).
            let time = self.blowup_from(0.0, &[0.0, 0.0]).unwrap_or(f64::INFINITY);
            Some(Trend::TypeII(Blowup { time, error: time }))
        } else if gap == 0.0 {
            Some(Trend::TypeI)
        } else if self.g_z > 0.0 {
            Some(Trend::Steady((self.lambda * self.g_z / gap).min(f64::MAX)))
        } else {
            Some(Trend::DiesOut)
        }
    }

    /// The knife edge φ + λ = 1 with g_Z > 0 (and s > 0): the long-run growth rate of the growth
    /// rate, μ = lim d ln g_A/dt = λ(1 − α)g_Z/(λ + 1 − α); `None` off the edge.
    ///
    /// Derivation from the model's equations: at φ = 1 − λ, g_A = θ(s_R Z K/A)^λ, so
    /// d ln g_A/dt = λ(g_Z + g_K − g_A). There is no balanced path (a constant g_A would need
    /// g_K = g_A and g_Z = 0), and g_A rises without bound; capital lags it, since
    /// g_K = s(1 − s_R)^α (A/K)^{1−α} − δ keeps up only while (A/K)^{1−α} tracks (g_A + δ)/(s(1 − s_R)^α),
    /// so ln(A/K) rises at μ/(1 − α) once g_A ≫ δ, μ, i.e. g_A − g_K → μ/(1 − α). Then
    /// μ = λ(g_Z − μ/(1 − α)), which gives μ. Without the lag (K ∝ A) it would be λg_Z.
    pub fn acceleration_rate(&self) -> Option<f64> {
        let on_edge = self.gap() == 0.0 && self.g_z > 0.0 && self.saving > 0.0;
        on_edge.then(|| {
            let labor = 1.0 - self.alpha;
            self.lambda * labor * self.g_z / (self.lambda + labor)
        })
    }

    /// Integrates ln A and ln K from A = K = 1 over `years`; the regime as in [`ResearchFeedback::simulate`].
    pub fn simulate(&self, years: f64) -> Result<ResearchRun, SolveError> {
        let path = over_horizon(self, [0.0, 0.0], years)?;
        Ok(finish_run(self, path, years, self.long_run()))
    }
}

/// How far past the horizon (as a multiple of it) a run is followed to read its long-run regime.
pub const LOOKAHEAD: f64 = 20.0;

/// How far to follow a run: LOOKAHEAD × the horizon, or past the n = 0 closed-form blow-up time when there is one.
fn lookahead_limit<const N: usize>(system: &dyn System<N>, years: f64) -> f64 {
    let closed = system.closed_form_blowup().filter(|t| t.is_finite());
    closed.map_or(years * LOOKAHEAD, |t| {
        crate::clamp(1.2 * t, years * LOOKAHEAD, 1e7)
    })
}

/// Series of the first state for the plotted horizon; the regime is read from the run followed
/// to LOOKAHEAD × the horizon, so slow convergence or a blow-up past the horizon is named rightly.
/// Where the model's long run has a closed form (`analytic`) that is the regime, and the run is
/// followed further only when it may still find a blow-up (type I there: a blow-up found is kept);
/// near a class edge that lookahead is the slow part and could not decide anyway.
fn finish_run<const N: usize>(
    system: &dyn System<N>,
    path: crate::solver::Trajectory<N>,
    years: f64,
    analytic: Option<Trend>,
) -> ResearchRun {
    let lookahead = matches!(analytic, None | Some(Trend::TypeI) | Some(Trend::TypeII(_)));
    let ln_b: Vec<f64> = path.y.iter().map(|y| y[0]).collect();
    let g_b: Vec<f64> = path.dy.iter().map(|d| d[0]).collect();
    let mut trend = growth_trend(&path.t, &g_b, path.blowup);
    // The plotted run's last state, and the furthest state reached (the lookahead's end once it
    // runs), for a certain blow-up the run does not reach (blowup_from).
    let end = path.t.last().copied().zip(path.y.last().copied());
    let mut furthest = end;
    // A run stopped at the rate cap keeps the reading of its own samples: type I when the rate
    // was rising without bound; anything else is an early stop the classifier refuses to read.
    if lookahead && path.blowup.is_none() && !path.capped {
        if let Some((t_end, y_end)) = end {
            if let Some(rest) = continue_run(system, t_end, y_end, lookahead_limit(system, years)) {
                if let (Some(&t), Some(&y)) = (rest.t.last(), rest.y.last()) {
                    furthest = Some((t, y));
                }
                if rest.blowup.is_some() {
                    trend = Trend::TypeII(rest.blowup.unwrap_or(Blowup {
                        time: t_end,
                        error: 0.0,
                    }));
                } else if rest.capped {
                    trend = Trend::TypeI;
                } else {
                    let mut t = path.t.clone();
                    let mut g = g_b.clone();
                    t.extend(rest.t.iter().skip(1));
                    g.extend(rest.dy.iter().skip(1).map(|d| d[0]));
                    trend = growth_trend(&t, &g, None);
                }
            }
        }
    }
    // With φ > 1 the closed form gives the blow-up however far it is: the regime is type II
    // even when no run reaches it, at the exact time.
    if path.blowup.is_none() && !matches!(trend, Trend::TypeII(_)) {
        if let Some(time) = system.closed_form_blowup().filter(|b| b.is_finite()) {
            trend = Trend::TypeII(Blowup { time, error: 0.0 });
        }
    }
    // A certain blow-up the run did not reach: estimated from the furthest state, with the
    // estimate from the start (or from the plotted run's end) as its error.
    let estimated = |start: Blowup| {
        let at =
            |state: Option<(f64, [f64; N])>| state.and_then(|(t, y)| system.blowup_from(t, &y));
        let plotted = at(end);
        match at(furthest) {
            Some(time) => {
                let other = match plotted {
                    Some(p) if furthest.map(|f| f.0) != end.map(|e| e.0) => p,
                    _ => start.time,
                };
                Blowup {
                    time,
                    error: (other - time).abs(),
                }
            }
            None => start,
        }
    };
    trend = match (analytic, trend) {
        (Some(Trend::TypeI | Trend::TypeII(_)), found @ Trend::TypeII(_)) | (None, found) => found,
        (Some(Trend::TypeII(start)), _) => Trend::TypeII(estimated(start)),
        (Some(limit), _) => limit,
    };
    let capped_at = path.capped.then(|| path.t.last().copied().unwrap_or(0.0));
    ResearchRun {
        t: path.t,
        ln_b,
        g_b,
        blowup: path.blowup,
        capped_at,
        trend,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_blow_up_time_is_exact_for_growing_and_shrinking_research_effort() {
        // The solver, where it finds the blow-up, against t* = ln(1 + λn·c)/(λn).
        for (phi, lambda, n) in [
            (1.2, 1.0, 0.02),
            (1.5, 0.8, 0.05),
            (1.1, 1.0, -0.001),
            (2.0, 0.5, 0.1),
        ] {
            let model = ResearchFeedback::new(1.0, phi, lambda, 0.05, 0.1, 10.0, n)
                .unwrap_or_else(|e| panic!("{e:?}"));
            let exact = model.blowup_time_closed_form().unwrap_or(f64::NAN);
            let run = model
                .simulate(exact * 2.0)
                .unwrap_or_else(|e| panic!("{e:?}"));
            let found = run.blowup.map_or(f64::NAN, |b| b.time);
            assert!(
                (found - exact).abs() <= 5e-3 * exact,
                "φ={phi} n={n}: {found} vs {exact}"
            );
        }
        // Shrinking effort that prevents the blow-up: λn·c ≤ −1.
        let model = ResearchFeedback::new(1.0, 1.2, 1.0, 0.05, 0.1, 10.0, -0.1)
            .unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(model.blowup_time_closed_form(), None);
    }

    #[test]
    fn a_blow_up_past_the_rate_cap_is_dated_by_the_exact_form_not_the_n_zero_bound() {
        // Audit of issue #13: tech-lbd-sufficient at φ = 1 + 1e−6, n = 0.02 reported 2·10⁸ years
        // (the n = 0 time) where the run reached the solver's rate cap at ≈ 710 years.
        let model = ResearchFeedback::new(1.0, 1.000001, 1.0, 0.05, 0.1, 1.0, 0.02)
            .unwrap_or_else(|e| panic!("{e:?}"));
        let exact = model.blowup_time_closed_form().unwrap_or(f64::NAN);
        let c = 1.0 / (1e-6 * 0.05 * 0.1);
        assert!((exact - libm::log1p(0.02 * c) / 0.02).abs() < 1e-9 * exact);
        assert!(exact > 600.0 && exact < 900.0, "{exact}");
    }
}
