//! An adaptive Dormand–Prince 5(4) integrator with blow-up detection, for growth models
//! written in log-space (states such as ln B, whose derivatives are growth rates).
//!
//! Source: Dormand & Prince (1980), "A family of embedded Runge-Kutta formulae"; step
//! control as in Hairer, Nørsett & Wanner, *Solving ODEs I*, §II.4. A trajectory that
//! diverges in finite time stops when a growth rate passes [`SolverOptions::rate_cap`] or a
//! log-state passes [`SolverOptions::log_cap`], and reports the blow-up time estimated from
//! the growth rate's own acceleration, T ≈ t + g/ġ (exact for hyperbolic growth), with the
//! change in that estimate over the last step as its error. No NaN or infinity is stored.

use crate::format::Num;
pub use crate::trend::Blowup;
use alloc::vec::Vec;
use core::fmt;

/// Tolerances and limits of one integration.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SolverOptions {
    /// Relative tolerance per step.
    pub rtol: f64,
    /// Absolute tolerance per step.
    pub atol: f64,
    /// Largest step, so that stored series are smooth enough to plot.
    pub max_step: f64,
    /// Most accepted plus rejected steps before giving up.
    pub max_steps: usize,
    /// A growth rate (per unit time) above which the run is declared to blow up.
    pub rate_cap: f64,
    /// A log-state above which the run stops (states are logs, so this is only a backstop).
    pub log_cap: f64,
}

impl Default for SolverOptions {
    fn default() -> Self {
        SolverOptions {
            rtol: 1e-9,
            atol: 1e-12,
            max_step: f64::INFINITY,
            max_steps: 200_000,
            rate_cap: 1e4,
            log_cap: 1e9,
        }
    }
}

/// A system y' = f(t, y) with N states.
pub trait System<const N: usize> {
    /// The derivative at (t, y).
    fn rates(&self, t: f64, y: &[f64; N]) -> [f64; N];
    /// Which states are logarithms whose derivative is a growth rate (watched for blow-up).
    fn log_states(&self) -> [bool; N] {
        [true; N]
    }
    /// The exact blow-up time, if the model has a closed form for it.
    fn closed_form_blowup(&self) -> Option<f64> {
        None
    }
    /// A growth-rate cap for this system instead of [`SolverOptions::rate_cap`]'s default, when reaching that would take too many steps.
    fn rate_cap(&self) -> Option<f64> {
        None
    }
    /// Where the model proves a blow-up certain but has no exact time for it: the blow-up time
    /// estimated from the state `y` at `t` (`None`: no certain blow-up).
    fn blowup_from(&self, _t: f64, _y: &[f64; N]) -> Option<f64> {
        None
    }
}

/// The accepted steps of one integration.
#[derive(Debug, Clone, PartialEq)]
pub struct Trajectory<const N: usize> {
    /// Times of accepted steps, starting at t0.
    pub t: Vec<f64>,
    /// States at those times.
    pub y: Vec<[f64; N]>,
    /// Derivatives at those times (growth rates of log-states).
    pub dy: Vec<[f64; N]>,
    /// Set when the run diverged before the horizon.
    pub blowup: Option<Blowup>,
    /// Set when the run stopped at a cap without an imminent singularity (the rate rises without bound, type I).
    pub capped: bool,
}

/// At the cap, a blow-up is declared only if the estimated time left is below this fraction of the blow-up time.
pub const IMMINENT: f64 = 1e-3;

/// Why an integration could not finish.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum SolveError {
    /// The step size collapsed without a diverging growth rate (a stiff or ill-posed system).
    StepCollapsed {
        /// Where it happened.
        t: f64,
    },
    /// More steps than `max_steps` were needed.
    TooManySteps {
        /// Where it stopped.
        t: f64,
    },
    /// The initial state or horizon was not finite.
    BadInput,
}

impl fmt::Display for SolveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SolveError::StepCollapsed { t } => write!(
                f,
                "the solver's step collapsed at t = {} without a blow-up",
                Num(*t)
            ),
            SolveError::TooManySteps { t } => {
                write!(
                    f,
                    "the solver needed too many steps (stopped at t = {})",
                    Num(*t)
                )
            }
            SolveError::BadInput => write!(f, "the initial state or horizon is not finite"),
        }
    }
}

const C: [f64; 7] = [0.0, 1.0 / 5.0, 3.0 / 10.0, 4.0 / 5.0, 8.0 / 9.0, 1.0, 1.0];
const A: [[f64; 6]; 7] = [
    [0.0; 6],
    [1.0 / 5.0, 0.0, 0.0, 0.0, 0.0, 0.0],
    [3.0 / 40.0, 9.0 / 40.0, 0.0, 0.0, 0.0, 0.0],
    [44.0 / 45.0, -56.0 / 15.0, 32.0 / 9.0, 0.0, 0.0, 0.0],
    [
        19372.0 / 6561.0,
        -25360.0 / 2187.0,
        64448.0 / 6561.0,
        -212.0 / 729.0,
        0.0,
        0.0,
    ],
    [
        9017.0 / 3168.0,
        -355.0 / 33.0,
        46732.0 / 5247.0,
        49.0 / 176.0,
        -5103.0 / 18656.0,
        0.0,
    ],
    [
        35.0 / 384.0,
        0.0,
        500.0 / 1113.0,
        125.0 / 192.0,
        -2187.0 / 6784.0,
        11.0 / 84.0,
    ],
];
/// Fifth-order minus embedded fourth-order weights: the local error estimate.
const E: [f64; 7] = [
    71.0 / 57600.0,
    0.0,
    -71.0 / 16695.0,
    71.0 / 1920.0,
    -17253.0 / 339200.0,
    22.0 / 525.0,
    -1.0 / 40.0,
];

/// The most states a [`System`] may have: the integrator's one body works on arrays this long
/// (the first N entries used), so it is compiled once whatever N is.
pub const MAX_STATES: usize = 2;

/// A state of up to [`MAX_STATES`] entries.
type State = [f64; MAX_STATES];

/// A system of N states seen by the integrator through [`State`]s, the entries past N zero.
trait Padded {
    /// The number of states N.
    fn len(&self) -> usize;
    /// [`System::rates`] at (t, y[..N]), padded.
    fn rates(&self, t: f64, y: &State) -> State;
}

impl<const N: usize> Padded for &dyn System<N> {
    fn len(&self) -> usize {
        N
    }
    fn rates(&self, t: f64, y: &State) -> State {
        let mut state = [0.0; N];
        state.copy_from_slice(&y[..N]);
        let mut out = [0.0; MAX_STATES];
        out[..N].copy_from_slice(&System::rates(*self, t, &state));
        out
    }
}

/// The accepted steps of one integration, as [`State`]s.
struct Steps {
    t: Vec<f64>,
    y: Vec<State>,
    dy: Vec<State>,
    blowup: Option<Blowup>,
    capped: bool,
}

fn max_rate(dy: &State, logs: &[bool; MAX_STATES]) -> f64 {
    (0..MAX_STATES)
        .filter(|&i| logs[i])
        .map(|i| dy[i])
        .fold(f64::NEG_INFINITY, f64::max)
}

fn max_log(y: &State, logs: &[bool; MAX_STATES]) -> f64 {
    (0..MAX_STATES)
        .filter(|&i| logs[i])
        .map(|i| y[i])
        .fold(f64::NEG_INFINITY, f64::max)
}

/// Integrates `system` from (t0, y0) to `t_end` (Dormand–Prince 5(4), adaptive), stopping early at a blow-up.
pub fn integrate<const N: usize>(
    system: &dyn System<N>,
    t0: f64,
    y0: [f64; N],
    t_end: f64,
    options: &SolverOptions,
) -> Result<Trajectory<N>, SolveError> {
    const { assert!(N <= MAX_STATES, "a System has at most MAX_STATES states") };
    let mut logs = [false; MAX_STATES];
    logs[..N].copy_from_slice(&system.log_states());
    let mut start = [0.0; MAX_STATES];
    start[..N].copy_from_slice(&y0);
    let steps = integrate_padded(&system, t0, start, t_end, options, &logs)?;
    let first = |s: &State| -> [f64; N] { core::array::from_fn(|i| s[i]) };
    Ok(Trajectory {
        t: steps.t,
        y: steps.y.iter().map(first).collect(),
        dy: steps.dy.iter().map(first).collect(),
        blowup: steps.blowup,
        capped: steps.capped,
    })
}

/// [`integrate`]'s body, once for every N: the states past `system.len()` stay zero and are not logs.
fn integrate_padded(
    system: &dyn Padded,
    t0: f64,
    y0: State,
    t_end: f64,
    options: &SolverOptions,
    logs: &[bool; MAX_STATES],
) -> Result<Steps, SolveError> {
    let n = system.len();
    if !(t0.is_finite() && t_end.is_finite() && t_end > t0 && y0.iter().all(|v| v.is_finite())) {
        return Err(SolveError::BadInput);
    }
    let mut t = t0;
    let mut y = y0;
    let mut k1 = system.rates(t, &y);
    if !k1.iter().all(|v| v.is_finite()) {
        return Err(SolveError::BadInput);
    }
    let mut out = Steps {
        t: Vec::new(),
        y: Vec::new(),
        dy: Vec::new(),
        blowup: None,
        capped: false,
    };
    out.t.push(t);
    out.y.push(y);
    out.dy.push(k1);
    let span = t_end - t0;
    let mut h = (span * 1e-3).min(options.max_step);
    let rate = max_rate(&k1, logs);
    if rate.is_finite() && rate > 0.0 {
        h = h.min(0.1 / rate);
    }
    let mut previous_estimate: Option<f64> = None;
    let mut steps = 0usize;

    while t < t_end {
        steps += 1;
        if steps > options.max_steps {
            return Err(SolveError::TooManySteps { t });
        }
        h = h.min(t_end - t).min(options.max_step);
        if h <= 1e-14 * t.abs().max(1.0) {
            return match blowup_from_tail(&out, logs, previous_estimate) {
                Some(b) => {
                    out.blowup = Some(b);
                    Ok(out)
                }
                None => Err(SolveError::StepCollapsed { t }),
            };
        }
        let mut k = [[0.0; MAX_STATES]; 7];
        k[0] = k1;
        let mut stage_ok = true;
        for s in 1..7 {
            let mut ys = y;
            for (i, value) in ys.iter_mut().enumerate().take(n) {
                let mut acc = 0.0;
                for (j, kj) in k.iter().enumerate().take(s) {
                    acc += A[s][j] * kj[i];
                }
                *value += h * acc;
            }
            k[s] = system.rates(t + C[s] * h, &ys);
            if !k[s].iter().all(|v| v.is_finite()) {
                stage_ok = false;
                break;
            }
        }
        if !stage_ok {
            h *= 0.25;
            continue;
        }
        // The fifth-order solution is the last stage's argument (FSAL).
        let mut y_new = y;
        let mut err_sq = 0.0;
        for i in 0..n {
            let mut acc = 0.0;
            let mut e = 0.0;
            for s in 0..7 {
                acc += A[6].get(s).copied().unwrap_or(0.0) * k[s][i];
                e += E[s] * k[s][i];
            }
            y_new[i] = y[i] + h * acc;
            let scale = options.atol + options.rtol * y[i].abs().max(y_new[i].abs());
            err_sq += (h * e / scale) * (h * e / scale);
        }
        let err = libm::sqrt(err_sq / n as f64);
        if !err.is_finite() || !y_new.iter().all(|v| v.is_finite()) {
            h *= 0.25;
            continue;
        }
        if err <= 1.0 {
            t += h;
            y = y_new;
            k1 = k[6];
            out.t.push(t);
            out.y.push(y);
            out.dy.push(k1);
            let rate = max_rate(&k1, logs);
            let capped = rate > options.rate_cap || max_log(&y, logs) > options.log_cap;
            let estimate = hyperbolic_estimate(&out, logs);
            if capped {
                // A true singularity is imminent at the cap; an exponentially rising rate (type I) is not.
                match estimate {
                    Some(time) if time - t <= IMMINENT * time.abs().max(1.0) => {
                        let error = previous_estimate
                            .map_or(time - t, |p| (time - p).abs())
                            .max(f64::EPSILON * t.abs());
                        out.blowup = Some(Blowup { time, error });
                    }
                    _ => out.capped = true,
                }
                return Ok(out);
            }
            if estimate.is_some() {
                previous_estimate = estimate;
            }
            let factor = if err == 0.0 {
                5.0
            } else {
                crate::clamp(0.9 * libm::pow(err, -0.2), 0.2, 5.0)
            };
            h *= factor;
            if let Some(rate_growth) = rate_growth(&out, logs) {
                // Never step past a few e-foldings of the growth rate itself, so a rising rate
                // is followed step by step towards a blow-up or the cap.
                h = h.min(2.0 / rate_growth);
            }
        } else {
            h *= crate::clamp(0.9 * libm::pow(err, -0.2), 0.1, 0.9);
        }
    }
    Ok(out)
}

/// (t, g) of the largest growth rate at the last two accepted steps, when it is positive and rising.
fn rising_rate(out: &Steps, logs: &[bool; MAX_STATES]) -> Option<((f64, f64), (f64, f64))> {
    let n = out.t.len();
    if n < 2 {
        return None;
    }
    let (g1, g2) = (
        max_rate(&out.dy[n - 2], logs),
        max_rate(&out.dy[n - 1], logs),
    );
    (g2 > g1 && g1 > 0.0).then_some(((out.t[n - 2], g1), (out.t[n - 1], g2)))
}

/// d ln g/dt of the largest growth rate over the last accepted step, when it is rising.
fn rate_growth(out: &Steps, logs: &[bool; MAX_STATES]) -> Option<f64> {
    let ((t1, g1), (t2, g2)) = rising_rate(out, logs)?;
    let growth = (libm::log(g2) - libm::log(g1)) / (t2 - t1);
    (growth.is_finite() && growth > 0.0).then_some(growth)
}

/// T ≈ t + g/ġ from the last two accepted steps, when the largest growth rate is rising.
fn hyperbolic_estimate(out: &Steps, logs: &[bool; MAX_STATES]) -> Option<f64> {
    let ((t1, g1), (t2, g2)) = rising_rate(out, logs)?;
    // For g = c/(T−t): 1/g is linear in t and reaches 0 at T.
    let (u1, u2) = (1.0 / g1, 1.0 / g2);
    let slope = (u2 - u1) / (t2 - t1);
    if slope >= 0.0 {
        return None;
    }
    let estimate = t2 - u2 / slope;
    estimate.is_finite().then_some(estimate)
}

fn blowup_from_tail(
    out: &Steps,
    logs: &[bool; MAX_STATES],
    previous: Option<f64>,
) -> Option<Blowup> {
    let estimate = hyperbolic_estimate(out, logs)?;
    let t = *out.t.last()?;
    Some(Blowup {
        time: estimate,
        error: previous.map_or(estimate - t, |p| (estimate - p).abs()),
    })
}

/// The run from t = 0 over `years` (checked against [`HORIZON`]) with steps of at most years/400, so plotted series are smooth.
pub fn over_horizon<const N: usize>(
    system: &dyn System<N>,
    y0: [f64; N],
    years: f64,
) -> Result<Trajectory<N>, SolveError> {
    let years = HORIZON
        .check("years", years)
        .map_err(|_| SolveError::BadInput)?;
    let defaults = SolverOptions::default();
    let options = SolverOptions {
        max_step: years / 400.0,
        rate_cap: system.rate_cap().unwrap_or(defaults.rate_cap),
        ..defaults
    };
    integrate(system, 0.0, y0, years, &options)
}

/// The horizons the models simulate (years).
pub const HORIZON: crate::Domain = crate::Domain::closed(0.1, 2000.0);

/// Continues a run past its horizon to `t_limit` (coarser steps), to read its long-run behaviour.
pub fn continue_run<const N: usize>(
    system: &dyn System<N>,
    t0: f64,
    y0: [f64; N],
    t_limit: f64,
) -> Option<Trajectory<N>> {
    let defaults = SolverOptions::default();
    let options = SolverOptions {
        max_step: (t_limit - t0) / 200.0,
        rate_cap: system.rate_cap().unwrap_or(defaults.rate_cap),
        ..defaults
    };
    integrate(system, t0, y0, t_limit, &options).ok()
}
