//! CES precision against a 256-bit reference (dashu-float): output, both factor shares, both
//! marginal products and the MRTS to a relative error of 1e−12 over the whole parameter box
//! K, L ∈ [1e−9, 1e15], A, B ∈ [1e−6, 1e6], ρ ∈ [−50, 1], α ∈ [0.001, 0.999] (issue #13), and
//! ρ → 0 continuous for every representable ρ, subnormals included (issue #20).
//!
//! The reference evaluates the definition directly, Y = [α (AK)^ρ + (1−α)(BL)^ρ]^{1/ρ} with
//! s_K = α (AK)^ρ / [·], from the exact f64 inputs: every term is positive, so 256 bits leave
//! well over 100 correct bits. For |ρ| < 1e−30 it uses the expansion to first order in ρ
//! instead (the remainder is below 1e−50), since exp(ρ ln x) − 1 would need ~|log₂ ρ| more bits.

use dashu_float::round::mode::HalfEven;
use dashu_float::FBig;
use growth_model::production::{log_point, log_weighted_point};
use growth_model::Ces;
use proptest::prelude::*;

type Big = FBig<HalfEven, 2>;

const BITS: usize = 256;
const TOLERANCE: f64 = 1e-12;

fn big(x: f64) -> Big {
    Big::try_from(x)
        .expect("finite input")
        .with_precision(BITS)
        .value()
}

/// Reference values: (Y, wage F_L, rent F_K, s_K, s_L, MRTS), each as the nearest f64.
fn reference(alpha: f64, rho: f64, a: f64, b: f64, k: f64, l: f64) -> [f64; 6] {
    let (al, one_minus) = (big(alpha), big(1.0) - big(alpha));
    let ln_x = (big(a) * big(k)).ln();
    let ln_y = (big(b) * big(l)).ln();
    let (ln_output, sk, sl) = if rho == 0.0 {
        (&al * &ln_x + &one_minus * &ln_y, al.clone(), one_minus)
    } else if rho.abs() < 1e-30 {
        // ln Y = α u + (1−α) v + ρ α(1−α)(u − v)²/2 + O(ρ²); s_K = α + ρ α(1−α)(u − v) + O(ρ²).
        let d = &ln_x - &ln_y;
        let cross = &al * &one_minus;
        let r = big(rho);
        let ln_output = &al * &ln_x + &one_minus * &ln_y + &r * &cross * &d * &d / big(2.0);
        let shift = &r * &cross * &d;
        (ln_output, &al + &shift, one_minus - shift)
    } else {
        let r = big(rho);
        let tx = &al * (&r * &ln_x).exp();
        let ty = &one_minus * (&r * &ln_y).exp();
        let sum = &tx + &ty;
        (sum.ln() / &r, &tx / &sum, &ty / &sum)
    };
    let output = ln_output.exp();
    let (bk, bl) = (big(k), big(l));
    let wage = &sl * &output / &bl;
    let rent = &sk * &output / &bk;
    let mrts = &sk / &sl * &bl / &bk;
    [output, wage, rent, sk, sl, mrts].map(|v| v.to_f64().value())
}

/// Relative error of `got` against `want`; values beyond f64's normal range are compared only
/// as "also out of range" (the crate saturates the MRTS at f64::MAX and lets shares underflow).
fn relative_error(got: f64, want: f64) -> f64 {
    if !(1e-300..=1e300).contains(&want.abs()) {
        return if (want.abs() < 1e-300 && got.abs() < 1e-290)
            || (want.abs() > 1e300 && got.abs() > 1e290)
        {
            0.0
        } else {
            f64::INFINITY
        };
    }
    (got - want).abs() / want.abs()
}

fn check(alpha: f64, rho: f64, a: f64, b: f64, k: f64, l: f64) -> Result<(), String> {
    let ces = Ces::new(alpha, rho, a, b).map_err(|e| e.to_string())?;
    let p = ces.point(k, l).map_err(|e| e.to_string())?;
    let got = [
        p.output,
        p.wage,
        p.rent,
        p.capital_share,
        p.labor_share,
        p.mrts,
    ];
    let want = reference(alpha, rho, a, b, k, l);
    let names = ["Y", "wage", "rent", "s_K", "s_L", "MRTS"];
    for i in 0..6 {
        let e = relative_error(got[i], want[i]);
        if e > TOLERANCE {
            return Err(format!(
                "{} = {:e}, reference {:e} (relative error {e:e}) at α={alpha} ρ={rho:e} A={a:e} B={b:e} K={k:e} L={l:e}",
                names[i], got[i], want[i]
            ));
        }
    }
    Ok(())
}

#[test]
fn the_issues_examples_have_every_digit() {
    // Issue #13: `growth eval production K=1e6 L=1e-9 rho=1 alpha=0.5` gave wage 0.555 and MRTS
    // 0.90; with ρ = 1, F_L = (1−α)B = 0.5 and F_K/F_L = α/(1−α) · A/B = 1 exactly.
    for k in [1e6, 1e7, 1e15] {
        let p = Ces::new(0.5, 1.0, 1.0, 1.0)
            .unwrap()
            .point(k, 1e-9)
            .unwrap();
        assert!((p.wage - 0.5).abs() < 1e-13, "K={k}: wage {}", p.wage);
        assert!((p.mrts - 1.0).abs() < 1e-13, "K={k}: MRTS {}", p.mrts);
        assert!(p.labor_share > 0.0, "K={k}: labor share {}", p.labor_share);
        check(0.5, 1.0, 1.0, 1.0, k, 1e-9).unwrap();
    }
}

#[test]
fn corners_of_the_box_match_the_reference() {
    let mut failures = Vec::new();
    for alpha in [0.001, 0.5, 0.999] {
        for rho in [-50.0, -1.0, -1e-7, 0.0, 1e-7, 0.5, 1.0] {
            for (a, b) in [(1e-6, 1e6), (1e6, 1e-6), (1.0, 1.0)] {
                for (k, l) in [(1e-9, 1e15), (1e15, 1e-9), (1e15, 1e15), (2.0, 3.0)] {
                    if let Err(e) = check(alpha, rho, a, b, k, l) {
                        failures.push(e);
                    }
                }
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

#[test]
fn rho_to_zero_is_continuous_for_every_representable_rho() {
    // Issue #20: at ρ = 5e−324 the closed form divided a subnormal by a subnormal (Y = 2 against
    // the Cobb-Douglas 2.449 of the production widget's defaults).
    let at = |rho: f64| {
        Ces::new(0.5, rho, 1.0, 1.0)
            .unwrap()
            .point(2.0, 3.0)
            .unwrap()
    };
    let cd = at(0.0);
    for magnitude in [
        5e-324,
        1e-320,
        f64::MIN_POSITIVE,
        1e-300,
        1e-100,
        1e-30,
        1e-12,
    ] {
        for rho in [magnitude, -magnitude] {
            let p = at(rho);
            for (got, want) in [
                (p.output, cd.output),
                (p.wage, cd.wage),
                (p.rent, cd.rent),
                (p.capital_share, cd.capital_share),
                (p.mrts, cd.mrts),
            ] {
                assert!(
                    (got - want).abs() <= want * (1e-15 + 10.0 * magnitude),
                    "ρ={rho:e}: {got} vs {want} at ρ = 0"
                );
            }
        }
    }
    // The shared log-space forms the dynamics use (exogenous, land, tasks) are continuous too.
    for rho in [5e-324, -5e-324, 1e-320, -1e-320, -1e-200] {
        let p = log_point(0.3, rho, 0.7, -1.2);
        let q = log_point(0.3, 0.0, 0.7, -1.2);
        assert!((p.ln_output - q.ln_output).abs() < 1e-15, "ρ={rho:e}");
        assert!((p.labor_share - q.labor_share).abs() < 1e-15, "ρ={rho:e}");
        // Weights 1 − β = e^{−40} carried in logs (the task model late in automation).
        let (ln_beta, ln_rest) = ((-(-40.0f64).exp()).ln_1p(), -40.0);
        let w = log_weighted_point(ln_beta, ln_rest, rho, 3.0, 40.0);
        let w0 = log_weighted_point(ln_beta, ln_rest, 0.0, 3.0, 40.0);
        assert!(
            w.0.is_finite() && (w.0 - w0.0).abs() < 1e-14,
            "ρ={rho:e}: {w:?} vs {w0:?}"
        );
        assert!((w.2 - w0.2).abs() < 1e-12, "ρ={rho:e}: {w:?} vs {w0:?}");
    }
}

#[test]
fn isoquants_and_ceilings_near_rho_zero() {
    let cd = Ces::new(0.4, 0.0, 1.0, 1.0).unwrap();
    for rho in [5e-324, -5e-324, 1e-300, -1e-300] {
        let ces = Ces::new(0.4, rho, 1.0, 1.0).unwrap();
        let (l, l0) = (
            ces.isoquant_labor(2.0, 1.5).unwrap().unwrap(),
            cd.isoquant_labor(2.0, 1.5).unwrap().unwrap(),
        );
        assert!((l / l0 - 1.0).abs() < 1e-14, "ρ={rho:e}: L {l} vs {l0}");
        let (k, l) = ces.isoquant_point(2.0, 0.7).unwrap();
        assert!((ces.output(k, l).unwrap() / 2.0 - 1.0).abs() < 1e-14);
        // ρ → 0⁻: the ceiling (1−α)^{1/ρ} B L leaves f64; it is reported as none, never ∞.
        assert!(ces
            .output_ceiling_in_capital(1.0)
            .unwrap()
            .is_none_or(|c| c.is_finite()));
    }
}

fn log_uniform(lo: f64, hi: f64) -> impl Strategy<Value = f64> {
    (lo.ln()..=hi.ln()).prop_map(f64::exp)
}

fn cases() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(96);
    ProptestConfig {
        cases,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(cases())]

    #[test]
    fn ces_matches_a_256_bit_reference(
        alpha in prop_oneof![0.001..=0.999f64, Just(0.001), Just(0.999)],
        rho in prop_oneof![
            -50.0..=1.0f64,
            Just(-50.0), Just(1.0), Just(0.0),
            log_uniform(1e-300, 1e-3),
            log_uniform(1e-300, 1e-3).prop_map(|r| -r),
        ],
        a in prop_oneof![log_uniform(1e-6, 1e6), Just(1e-6), Just(1e6)],
        b in prop_oneof![log_uniform(1e-6, 1e6), Just(1e-6), Just(1e6)],
        k in prop_oneof![log_uniform(1e-9, 1e15), Just(1e-9), Just(1e15)],
        l in prop_oneof![log_uniform(1e-9, 1e15), Just(1e-9), Just(1e15)],
    ) {
        if let Err(e) = check(alpha, rho, a, b, k, l) {
            prop_assert!(false, "{}", e);
        }
        // The log-space form the dynamics call (exogenous, land, consumption) agrees too.
        let want = reference(alpha, rho, a, b, k, l);
        let p = log_point(alpha, rho, a.ln() + k.ln(), b.ln() + l.ln());
        for (got, want, name) in [
            (p.ln_output.exp(), want[0], "Y"),
            (p.capital_share, want[3], "s_K"),
            (p.labor_share, want[4], "s_L"),
        ] {
            let e = relative_error(got, want);
            prop_assert!(e <= TOLERANCE, "log_point {}: {:e} vs {:e} ({:e})", name, got, want, e);
        }
    }

    #[test]
    fn task_model_matches_the_reference(
        beta in prop_oneof![0.001..=0.999f64, Just(0.5), log_uniform(1e-15, 1e-7).prop_map(|e| 1.0 - e)],
        rho in prop_oneof![-50.0..=1.0f64, Just(0.0), log_uniform(1e-300, 1e-3).prop_map(|r| -r)],
        k in log_uniform(1e-9, 1e15),
        l in log_uniform(1e-9, 1e15),
    ) {
        // Y = [β^{1−ρ} K^ρ + (1−β)^{1−ρ} L^ρ]^{1/ρ} is the normalized CES in K/β and L/(1−β).
        let task = growth_model::TaskAutomation::new(beta, rho, 1.0).unwrap();
        let p = task.point(k, l).unwrap();
        let want = reference(beta, rho, 1.0 / beta, 1.0 / (1.0 - beta), k, l);
        for (got, want, name) in [
            (p.output, want[0], "Y"),
            (p.capital_share, want[3], "s_K"),
            (p.labor_share, want[4], "s_L"),
            (p.wage, want[1], "wage"),
        ] {
            let e = relative_error(got, want);
            prop_assert!(e <= TOLERANCE, "task model {}: {:e} vs {:e} ({:e})", name, got, want, e);
        }
    }
}
