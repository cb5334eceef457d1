//! The four growth scenarios of the episode's slides, in closed form: constant exponential
//! growth; a one-off growth-rate increase (the industrial revolution's ×20, 0.1 % → 2 %);
//! a type I singularity (the growth rate itself grows without bound); and a type II
//! singularity (infinite output in finite time: "halving doubling times").
//!
//! Source: Trammell & Korinek, §1 (definitions of transformative growth), episode slides
//! "Scenario 1–4". Type II with first doubling time d is Y = Y₀·T/(T − t), T = 2d: its
//! doubling times are d, d/2, d/4, … and sum to 2d.

use crate::error::{Domain, ParamError};
use libm::{exp, log};

/// Which of the slides' scenarios.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scenario {
    /// Constant exponential growth at g.
    Exponential,
    /// Growth at g until `switch_time`, then at g × `multiple`.
    Increase,
    /// Growth rate g·e^{kt}: the rate itself grows exponentially.
    TypeI,
    /// Halving doubling times from a first doubling time d: Y = Y₀·2d/(2d − t).
    TypeII,
}

impl Scenario {
    /// The kebab-case name used by the CLI and the widgets.
    pub fn name(&self) -> &'static str {
        match self {
            Scenario::Exponential => "exponential",
            Scenario::Increase => "increase",
            Scenario::TypeI => "type-i",
            Scenario::TypeII => "type-ii",
        }
    }

    /// Parses a kebab-case name.
    pub fn from_name(name: &str) -> Option<Scenario> {
        [
            Scenario::Exponential,
            Scenario::Increase,
            Scenario::TypeI,
            Scenario::TypeII,
        ]
        .into_iter()
        .find(|s| s.name() == name)
    }
}

/// Base growth rate g (per year).
pub const RATE: Domain = Domain::closed(0.0001, 1.0);
/// Multiple of the growth rate after a one-off increase.
pub const MULTIPLE: Domain = Domain::closed(1.0, 100.0);
/// Years before the increase.
pub const SWITCH: Domain = Domain::closed(0.0, 1000.0);
/// Growth of the growth rate k (per year) in type I.
pub const ACCELERATION: Domain = Domain::closed(0.0001, 1.0);
/// First doubling time d (years) in type II.
pub const DOUBLING: Domain = Domain::closed(0.01, 1000.0);
/// The industrial revolution's multiple: 0.1 % → 2 % a year.
pub const INDUSTRIAL_REVOLUTION_MULTIPLE: f64 = 20.0;

/// One scenario with its parameters (episode slides "Scenario 1–4").
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GrowthRegime {
    /// Which scenario.
    pub scenario: Scenario,
    /// Base growth rate g.
    pub rate: f64,
    /// Multiple after the increase (Increase only).
    pub multiple: f64,
    /// Time of the increase (Increase only).
    pub switch_time: f64,
    /// Growth of the growth rate k (TypeI only).
    pub acceleration: f64,
    /// First doubling time d (TypeII only).
    pub first_doubling: f64,
}

impl GrowthRegime {
    /// Validated parameters; those a scenario does not use are still range-checked (episode slides).
    pub fn new(
        scenario: Scenario,
        rate: f64,
        multiple: f64,
        switch_time: f64,
        acceleration: f64,
        first_doubling: f64,
    ) -> Result<Self, ParamError> {
        Ok(GrowthRegime {
            scenario,
            rate: RATE.check("g", rate)?,
            multiple: MULTIPLE.check("multiple", multiple)?,
            switch_time: SWITCH.check("switch_time", switch_time)?,
            acceleration: ACCELERATION.check("acceleration", acceleration)?,
            first_doubling: DOUBLING.check("first_doubling", first_doubling)?,
        })
    }

    /// The time output reaches infinity: 2d for type II, `None` otherwise (halving doubling times sum to 2d).
    pub fn blowup_time(&self) -> Option<f64> {
        (self.scenario == Scenario::TypeII).then_some(2.0 * self.first_doubling)
    }

    /// ln(Y(t)/Y₀), or `None` at or past a type II blow-up (closed forms of the four scenarios).
    pub fn log_output(&self, t: f64) -> Option<f64> {
        let t = t.max(0.0);
        match self.scenario {
            Scenario::Exponential => Some(self.rate * t),
            Scenario::Increase => {
                let before = t.min(self.switch_time);
                Some(self.rate * before + self.rate * self.multiple * (t - before))
            }
            Scenario::TypeI => {
                Some(self.rate * libm::expm1(self.acceleration * t) / self.acceleration)
            }
            Scenario::TypeII => {
                let end = 2.0 * self.first_doubling;
                (t < end).then(|| log(end) - log(end - t))
            }
        }
    }

    /// The growth rate g(t) = d ln Y/dt, or `None` at or past a type II blow-up.
    pub fn growth_rate(&self, t: f64) -> Option<f64> {
        let t = t.max(0.0);
        match self.scenario {
            Scenario::Exponential => Some(self.rate),
            Scenario::Increase => Some(if t < self.switch_time {
                self.rate
            } else {
                self.rate * self.multiple
            }),
            Scenario::TypeI => Some(self.rate * exp(self.acceleration * t)),
            Scenario::TypeII => {
                let end = 2.0 * self.first_doubling;
                (t < end).then(|| 1.0 / (end - t))
            }
        }
    }

    /// The time output first reaches 2ⁿ·Y₀ (inverse of the closed forms); `None` if never.
    pub fn doubling_time_at(&self, doublings: u32) -> Option<f64> {
        let target = doublings as f64 * core::f64::consts::LN_2;
        match self.scenario {
            Scenario::Exponential => Some(target / self.rate),
            Scenario::Increase => {
                let before = self.rate * self.switch_time;
                if target <= before {
                    Some(target / self.rate)
                } else {
                    Some(self.switch_time + (target - before) / (self.rate * self.multiple))
                }
            }
            Scenario::TypeI => {
                Some(libm::log1p(self.acceleration * target / self.rate) / self.acceleration)
            }
            Scenario::TypeII => Some(2.0 * self.first_doubling * (1.0 - exp(-target))),
        }
    }

    /// The first `count` doubling times (years each doubling takes), written into `out`; returns how many were written.
    pub fn doubling_times(&self, out: &mut [f64]) -> usize {
        let mut previous = 0.0;
        let mut written = 0;
        for (i, slot) in out.iter_mut().enumerate() {
            match self.doubling_time_at(i as u32 + 1) {
                Some(t) if t.is_finite() => {
                    *slot = t - previous;
                    previous = t;
                    written += 1;
                }
                _ => break,
            }
        }
        written
    }

    /// The first time the growth rate reaches `threshold` (e.g. the 12 %, 15 % or 40 % lines); `None` if never.
    pub fn threshold_crossing(&self, threshold: f64) -> Option<f64> {
        if !(threshold.is_finite() && threshold > 0.0) {
            return None;
        }
        if self.growth_rate(0.0).is_some_and(|g| g >= threshold) {
            return Some(0.0);
        }
        match self.scenario {
            Scenario::Exponential => None,
            Scenario::Increase => {
                (self.rate * self.multiple >= threshold).then_some(self.switch_time)
            }
            Scenario::TypeI => Some(log(threshold / self.rate) / self.acceleration),
            Scenario::TypeII => Some((2.0 * self.first_doubling - 1.0 / threshold).max(0.0)),
        }
    }
}
