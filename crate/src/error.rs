//! Typed parameter errors: which parameter, the value given, and the valid range.

use crate::format::Num;
use core::fmt;

/// A closed or half-open interval of valid values for one parameter.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Domain {
    /// Lower bound.
    pub min: f64,
    /// Upper bound.
    pub max: f64,
    /// True when `min` itself is excluded.
    pub min_open: bool,
    /// True when `max` itself is excluded.
    pub max_open: bool,
}

impl Domain {
    /// The closed interval [min, max].
    pub const fn closed(min: f64, max: f64) -> Self {
        Domain {
            min,
            max,
            min_open: false,
            max_open: false,
        }
    }

    /// The open interval (min, max).
    pub const fn open(min: f64, max: f64) -> Self {
        Domain {
            min,
            max,
            min_open: true,
            max_open: true,
        }
    }

    /// The interval (min, max]: excludes the lower bound.
    pub const fn above(min: f64, max: f64) -> Self {
        Domain {
            min,
            max,
            min_open: true,
            max_open: false,
        }
    }

    /// True when `value` is a finite number inside the interval.
    pub fn contains(&self, value: f64) -> bool {
        value.is_finite()
            && (if self.min_open {
                value > self.min
            } else {
                value >= self.min
            })
            && (if self.max_open {
                value < self.max
            } else {
                value <= self.max
            })
    }

    /// `Ok(value)` when inside, otherwise a [`ParamError`] naming `name`.
    pub fn check(&self, name: &'static str, value: f64) -> Result<f64, ParamError> {
        if self.contains(value) {
            Ok(value)
        } else {
            Err(ParamError {
                name,
                value,
                domain: *self,
            })
        }
    }
}

impl fmt::Display for Domain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let open = if self.min_open { '(' } else { '[' };
        let close = if self.max_open { ')' } else { ']' };
        let (min, max) = (Num(self.min), Num(self.max));
        write!(f, "{open}{min}, {max}{close}")
    }
}

/// A parameter outside its documented range, or not a finite number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ParamError {
    /// The parameter's name as the episode writes it (`rho`, `alpha`, `K`, …).
    pub name: &'static str,
    /// The value that was given.
    pub value: f64,
    /// Where valid values lie.
    pub domain: Domain,
}

impl fmt::Display for ParamError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.value.is_finite() {
            write!(
                f,
                "{} = {} is outside its valid range {}",
                self.name,
                Num(self.value),
                self.domain
            )
        } else {
            write!(
                f,
                "{} = {} is not a finite number; valid range {}",
                self.name,
                Num(self.value),
                self.domain
            )
        }
    }
}

#[cfg(feature = "std")]
impl std::error::Error for ParamError {}
