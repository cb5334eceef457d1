//! Random points of every row's class: a fixed-seed pseudo-random sample (an LCG, so the points
//! are the same on every run) across the whole class each row names, edges included, at the
//! row's horizon and at 2,000 years — not only the coverage grid the catalog lists.
use growth_model::format::Digits;
use growth_model::scenarios::{
    classify_row, ClassifyError, Coverage, ScenarioRow, Symbols, CATALOG,
};

/// True when a row declares `column` as not classified at this point (a declared mismatch).
pub fn declared_unreadable(expected: &Symbols, column: &str) -> bool {
    let declared = match column {
        "growth" => Some(expected.growth),
        "labor_share" => expected.labor_share,
        _ => expected.wages,
    };
    declared == Some("not classified")
}

/// Knuth's MMIX linear congruential generator: uniform in [0, 1).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// The whole interval a coverage's class names (open edges approached to 10⁻³ of their width):
/// the grid's own extremes, widened to the class's boundary where the class is an open interval
/// at 0 or 1 (HS, LS, φ ∈ (0, 1), φ > 1, λ ∈ (1.5, 2], g > 0).
fn class_interval(c: &Coverage) -> (f64, f64) {
    let lo = c.samples.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = c.samples.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let class = c.class.text();
    let edge = 1e-3;
    let lo = if lo > 0.0 && lo < 0.05 && (class.contains("(0") || class.contains("> 0")) {
        edge
    } else if lo > 1.0 && lo < 1.01 && class.contains("> 1") {
        1.0 + 1e-6
    } else if lo > 1.5 && class.contains("(1.5") {
        1.5 + edge
    } else {
        lo
    };
    let hi = if hi < 0.0 && hi > -0.05 && class.contains("< 0") {
        -edge
    } else if hi < 1.0 && hi > 0.95 && (class.contains(", 1)") || class.contains("< 1")) {
        1.0 - edge
    } else {
        hi
    };
    (lo, hi)
}

/// Points of `c`: both ends of its interval and `count` uniform draws inside it.
fn points(c: &Coverage, rng: &mut Lcg, count: usize) -> Vec<f64> {
    let (lo, hi) = class_interval(c);
    if lo == hi {
        return vec![lo];
    }
    let mut out = vec![lo, hi];
    out.extend((0..count).map(|_| lo + (hi - lo) * rng.next()));
    out
}

fn check(row: &ScenarioRow, param: &str, value: f64, failures: &mut Vec<String>) {
    let text = format!("{}", Digits(value, 15));
    let value: f64 = text.parse().unwrap_or(value);
    for years in [None, Some("2000")] {
        let mut overrides = vec![(param, text.as_str())];
        if let Some(y) = years {
            overrides.push(("years", y));
        }
        let expected = row.expected(Some((param, value)));
        match classify_row(row, &overrides) {
            Ok((_, s)) if s == expected => {}
            Ok((_, s)) => failures.push(format!(
                "{} at {param}={text} ({}): simulated {s:?}, expected {expected:?}",
                row.id,
                years.unwrap_or("row horizon")
            )),
            // A declared "not classified" column must be refused for that column, not another reason.
            Err(ClassifyError::Unreadable { column, .. })
                if declared_unreadable(&expected, column) => {}
            Err(e) => failures.push(format!("{} at {param}={text}: {e}", row.id)),
        }
    }
}

#[test]
fn every_row_classifies_as_the_paper_says_at_random_points_of_its_whole_class() {
    let mut rng = Lcg(13);
    let mut failures = Vec::new();
    for row in CATALOG {
        for (i, c) in row.coverage.iter().enumerate() {
            // The class the label names gets more draws than the sweeps around the row's point.
            for value in points(c, &mut rng, if i == 0 { 3 } else { 1 }) {
                check(row, c.param, value, &mut failures);
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
