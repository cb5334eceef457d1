//! `growth-model`: the economics of "Economic Growth under Transformative AI"
//! (Trammell & Korinek, 2020/2023), as pure functions with no rendering and no web types.
//!
//! Every public function names its equation and source in its doc line. Parameters are
//! validated into a [`ParamError`]; no function panics on finite input or returns NaN.
//!
//! ```
//! use growth_model::Ces;
//! let ces = Ces::new(0.5, -1.0, 1.0, 1.0).unwrap();
//! let y = ces.output(2.0, 3.0).unwrap();
//! assert!((y - 2.4).abs() < 1e-12); // [½·2⁻¹ + ½·3⁻¹]⁻¹ = 2.4
//! ```
#![no_std]
#![warn(missing_docs)]
#![forbid(unsafe_code)]

#[cfg(feature = "alloc")]
extern crate alloc;
#[cfg(feature = "std")]
extern crate std;

#[cfg(feature = "alloc")]
pub mod consumption;
pub mod decimal;
pub mod doc;
pub mod error;
#[cfg(feature = "alloc")]
pub mod exogenous;
pub mod format;
#[cfg(feature = "alloc")]
pub mod land;
#[cfg(feature = "alloc")]
pub mod models;
pub mod production;
#[cfg(feature = "alloc")]
pub mod regime_map;
pub mod regimes;
#[cfg(feature = "alloc")]
pub mod research;
#[cfg(feature = "alloc")]
pub mod scenarios;
#[cfg(feature = "alloc")]
pub mod solver;
#[cfg(feature = "alloc")]
pub mod tasks;
pub mod trend;

/// `v` limited to [`lo`, `hi`] (NaN stays NaN). Used instead of `f64::clamp`, whose assertion
/// message formats floats and so links `core`'s float formatting (about 20 KB of wasm).
pub fn clamp(v: f64, lo: f64, hi: f64) -> f64 {
    if v < lo {
        lo
    } else if v > hi {
        hi
    } else {
        v
    }
}

pub use decimal::parse_decimal;
pub use doc::Doc;
pub use error::{Domain, ParamError};
#[cfg(feature = "alloc")]
pub use exogenous::{EconomyRun, Solow};
#[cfg(feature = "alloc")]
pub use land::{FixedLand, RobotEconomy};
pub use production::{Ces, FactorPoint};
pub use regimes::{GrowthRegime, Scenario};
#[cfg(feature = "alloc")]
pub use research::{ResearchCapital, ResearchFeedback, ResearchRun, RobotScientists};
#[cfg(feature = "alloc")]
pub use solver::{integrate, SolveError, SolverOptions, System, Trajectory};
#[cfg(feature = "alloc")]
pub use tasks::{AutomationPath, TaskAutomation};
pub use trend::{growth_trend, Blowup, Trend};
