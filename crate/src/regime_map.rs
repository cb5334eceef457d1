//! Regime maps: a two-parameter slice of a model's parameter space, each cell classified by
//! what the model does there (Trammell & Korinek's tables read as a map: "HS → ++, φ > 1 →
//! II"; the research model's regimes after Jones 1995). Pure pieces only: the grid, its
//! coarse-to-fine schedule, a cell's research regime, and runs of equal cells; the classifier
//! itself is [`crate::scenarios::classify_row`] and [`crate::models::simulate`].

use crate::models::{self, ModelError};
use crate::trend::Trend;
use alloc::string::String;
use alloc::vec::Vec;

/// The grids a map is computed on, coarse to fine: the first is complete after 48 cells, the
/// last has 64 × 48 cells (each level a full pass, so every shown level is exact).
pub const LEVELS: [(usize, usize); 4] = [(8, 6), (16, 12), (32, 24), (64, 48)];

/// The research model's regime in a cell (Jones 1995; episode slide "Endogenous Growth").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Regime {
    /// The growth rate falls toward zero.
    DiesOut = 0,
    /// Steady exponential growth.
    Steady = 1,
    /// Type I: the growth rate rises without bound.
    TypeI = 2,
    /// Type II: infinite output in finite time.
    TypeII = 3,
}

impl Regime {
    /// The regime of a trend read by [`crate::trend::growth_trend`], and its blow-up time (NaN if none).
    pub fn of(trend: Trend) -> (Regime, f64) {
        match trend {
            Trend::DiesOut => (Regime::DiesOut, f64::NAN),
            Trend::Steady(_) => (Regime::Steady, f64::NAN),
            Trend::TypeI => (Regime::TypeI, f64::NAN),
            Trend::TypeII(b) => (Regime::TypeII, b.time),
        }
    }
}

/// The centre of cell `i` of `n` equal cells over [`lo`, `hi`].
pub fn centre(lo: f64, hi: f64, n: usize, i: usize) -> f64 {
    lo + (i as f64 + 0.5) / n.max(1) as f64 * (hi - lo)
}

/// The cell of `n` over [`lo`, `hi`] that holds `v` (edges included, out-of-range values clamped).
pub fn index(lo: f64, hi: f64, n: usize, v: f64) -> usize {
    let n = n.max(1);
    let f = crate::clamp((v - lo) / (hi - lo), 0.0, 1.0);
    let i = (f * n as f64) as usize;
    i.min(n - 1)
}

/// The research-feedback model Ḃ = θ B^φ (S L e^{nt})^λ (Jones 1995) at `pairs` (`key=value`
/// texts, others at the model's defaults), simulated and read as a regime with its blow-up time.
pub fn research_regime(pairs: &[(&str, &str)]) -> Result<(Regime, f64), ModelError> {
    models::simulate("research-feedback", pairs).map(|run| Regime::of(run.trend))
}

/// The contiguous run of cells equal to `cells[at]` in `cells`: (first, last) index.
pub fn run_around<T: PartialEq>(cells: &[T], at: usize) -> (usize, usize) {
    let Some(v) = cells.get(at) else {
        return (at, at);
    };
    let mut first = at;
    while first > 0 && cells[first - 1] == *v {
        first -= 1;
    }
    let mut last = at;
    while last + 1 < cells.len() && cells[last + 1] == *v {
        last += 1;
    }
    (first, last)
}

/// `key=value` override texts for `values`, exact to 15 significant digits (the form
/// [`crate::scenarios::classify_row`] takes).
pub fn pairs_text(values: &[(&'static str, f64)]) -> Vec<(&'static str, String)> {
    values
        .iter()
        .map(|(k, v)| (*k, alloc::format!("{}", crate::format::Digits(*v, 15))))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn regime(phi: f64, n: f64) -> (Regime, f64) {
        let v = pairs_text(&[("phi", phi), ("n", n), ("years", 300.0)]);
        let p: Vec<(&str, &str)> = v.iter().map(|(k, v)| (*k, v.as_str())).collect();
        research_regime(&p).expect("in range")
    }

    #[test]
    fn cells_tile_the_axis() {
        assert_eq!(centre(0.0, 1.0, 4, 0), 0.125);
        assert_eq!(index(0.0, 1.0, 4, 0.125), 0);
        assert_eq!(index(0.0, 1.0, 4, 1.0), 3);
        assert_eq!(index(0.0, 1.0, 4, -7.0), 0);
        for i in 0..64 {
            assert_eq!(index(-5.0, 3.0, 64, centre(-5.0, 3.0, 64, i)), i);
        }
        assert_eq!(LEVELS[3], (64, 48));
    }

    #[test]
    fn research_regimes_as_the_episode_says() {
        // φ < 1 with growing scientists: steady; φ > 1 without: type II (closed form B₀^{1−φ}/((φ−1)θ(SL)^λ)).
        for phi in [-2.1, 0.0, 0.5, 0.9] {
            assert_eq!(regime(phi, 0.01).0, Regime::Steady, "φ = {phi}");
            assert_eq!(regime(phi, -0.05).0, Regime::DiesOut, "φ = {phi}");
        }
        for phi in [1.1, 1.5, 2.5] {
            let (r, t) = regime(phi, 0.0);
            assert_eq!(r, Regime::TypeII, "φ = {phi}");
            let closed = 1.0 / ((phi - 1.0) * 0.05 * 0.1);
            assert!(
                (t - closed).abs() < 1e-6 * closed,
                "φ = {phi}: {t} vs {closed}"
            );
        }
    }

    #[test]
    fn runs_of_equal_cells() {
        let row = [0, 0, 1, 1, 1, 2];
        assert_eq!(run_around(&row, 3), (2, 4));
        assert_eq!(run_around(&row, 0), (0, 1));
        assert_eq!(run_around(&row, 5), (5, 5));
        assert_eq!(run_around(&row, 9), (9, 9));
    }
}
