use growth_model::production::rho_from_elasticity;
use growth_model::Ces;

fn rel(a: f64, b: f64) -> f64 {
    (a - b).abs() / b.abs().max(1e-300)
}

#[test]
fn ces_matches_the_closed_form() {
    let cases = [
        (0.5, -1.0, 2.0, 3.0),
        (0.33, 0.5, 1.5, 4.0),
        (0.7, -3.0, 10.0, 0.2),
        (0.4, 1.0, 2.0, 5.0),
    ];
    for (alpha, rho, k, l) in cases {
        let ces = Ces::new(alpha, rho, 1.3, 0.8).unwrap();
        let (x, y) = (1.3 * k, 0.8 * l);
        let expected =
            (alpha * f64::powf(x, rho) + (1.0 - alpha) * f64::powf(y, rho)).powf(1.0 / rho);
        assert!(rel(ces.output(k, l).unwrap(), expected) < 1e-12, "ρ={rho}");
    }
    let cd = Ces::new(0.3, 0.0, 2.0, 1.5).unwrap();
    let expected = f64::powf(2.0 * 4.0, 0.3) * f64::powf(1.5 * 9.0, 0.7);
    assert!(rel(cd.output(4.0, 9.0).unwrap(), expected) < 1e-12);
}

#[test]
fn shares_sum_to_one_and_marginal_products_match_finite_differences() {
    for rho in [-50.0, -5.0, -1.0, -1e-9, 0.0, 1e-9, 0.3, 0.9, 1.0] {
        for (k, l) in [(1e-6, 1e12), (2.0, 3.0), (1e12, 1e-6), (5.0, 5.0)] {
            let ces = Ces::new(0.35, rho, 1.0, 1.0).unwrap();
            let p = ces.point(k, l).unwrap();
            assert!((p.capital_share + p.labor_share - 1.0).abs() < 1e-12);
            assert!((0.0..=1.0).contains(&p.capital_share));
            assert!(
                p.output.is_finite()
                    && p.wage.is_finite()
                    && p.rent.is_finite()
                    && p.mrts.is_finite()
            );
            // Euler's theorem for constant returns: K F_K + L F_L = Y.
            assert!(
                rel(k * p.rent + l * p.wage, p.output) < 1e-9,
                "ρ={rho} K={k} L={l}"
            );
        }
    }
    let ces = Ces::new(0.4, -0.7, 1.0, 1.0).unwrap();
    let p = ces.point(2.0, 3.0).unwrap();
    let h = 1e-6;
    let fk = (ces.output(2.0 + h, 3.0).unwrap() - ces.output(2.0 - h, 3.0).unwrap()) / (2.0 * h);
    let fl = (ces.output(2.0, 3.0 + h).unwrap() - ces.output(2.0, 3.0 - h).unwrap()) / (2.0 * h);
    assert!(rel(p.rent, fk) < 1e-7 && rel(p.wage, fl) < 1e-7);
    assert!(rel(p.mrts, fk / fl) < 1e-7);
}

#[test]
fn constant_returns_to_scale() {
    for rho in [-10.0, -1.0, 0.0, 0.5, 1.0] {
        let ces = Ces::new(0.33, rho, 1.0, 2.0).unwrap();
        for t in [0.01, 2.0, 1000.0] {
            assert!(
                rel(
                    ces.output(t * 2.0, t * 3.0).unwrap(),
                    t * ces.output(2.0, 3.0).unwrap()
                ) < 1e-12
            );
        }
    }
}

#[test]
fn continuous_across_rho_zero_and_toward_leontief() {
    let at = |rho: f64| {
        Ces::new(0.4, rho, 1.0, 1.0)
            .unwrap()
            .output(2.0, 5.0)
            .unwrap()
    };
    let cd = at(0.0);
    for eps in [1e-3, 1e-6, 1e-9, 1e-12, 1e-15] {
        assert!(rel(at(eps), cd) < 10.0 * eps + 1e-14, "ρ=+{eps}");
        assert!(rel(at(-eps), cd) < 10.0 * eps + 1e-14, "ρ=−{eps}");
    }
    // ρ → −∞: Y → min(AK, BL) (here min(2, 5) = 2), with Y = min·weight^{1/ρ} for the binding factor.
    let leontief = at(-50.0);
    assert!(
        rel(leontief, 2.0 * f64::powf(0.4, -1.0 / 50.0)) < 1e-6,
        "{leontief}"
    );
}

#[test]
fn the_episodes_limits_for_rho_below_zero() {
    let ces = Ces::new(0.33, -1.0, 1.0, 1.5).unwrap();
    let ceiling = ces.output_ceiling_in_capital(2.0).unwrap().unwrap();
    assert!(rel(ceiling, 1.5 * 2.0 * f64::powf(0.67, -1.0)) < 1e-12);
    let big = ces.point(1e12, 2.0).unwrap();
    assert!(rel(big.output, ceiling) < 1e-9);
    assert!(
        big.capital_share < 1e-9,
        "capital share → 0: {}",
        big.capital_share
    );
    assert_eq!(ces.capital_share_limit(), 0.0);
    // ρ > 0: output grows without bound in K alone.
    let subs = Ces::new(0.33, 0.5, 1.0, 1.0).unwrap();
    assert!(subs.output_ceiling_in_capital(1.0).unwrap().is_none());
    assert!(subs.output(1e12, 1.0).unwrap() > 1e10);
    assert!(subs.point(1e12, 1.0).unwrap().capital_share > 0.999);
}

#[test]
fn isoquants_hit_their_level() {
    for rho in [-5.0, -1.0, 0.0, 0.5, 1.0] {
        let ces = Ces::new(0.33, rho, 1.2, 0.9).unwrap();
        for k in [0.5, 1.0, 3.0] {
            if let Some(l) = ces.isoquant_labor(2.0, k).unwrap() {
                assert!(rel(ces.output(k, l).unwrap(), 2.0) < 1e-10, "ρ={rho} K={k}");
            }
        }
        for r in [-8.0, -1.0, 0.0, 2.0, 8.0] {
            let (k, l) = ces.isoquant_point(3.0, r).unwrap();
            assert!(rel(ces.output(k, l).unwrap(), 3.0) < 1e-10);
        }
    }
    // ρ < 0: below the asymptote no labor is enough.
    let comp = Ces::new(0.5, -1.0, 1.0, 1.0).unwrap();
    assert_eq!(comp.isoquant_labor(2.0, 0.9).unwrap(), None);
}

#[test]
fn elasticity_and_rho_are_inverse() {
    for eps in [0.1, 0.5, 1.0, 2.0, 10.0] {
        let rho = rho_from_elasticity(eps).unwrap();
        let ces = Ces::new(0.5, rho, 1.0, 1.0).unwrap();
        assert!(rel(ces.elasticity().unwrap(), eps) < 1e-12);
    }
    assert_eq!(Ces::new(0.5, 1.0, 1.0, 1.0).unwrap().elasticity(), None);
}

#[test]
fn bad_parameters_are_typed_errors() {
    let e = Ces::new(0.5, 2.0, 1.0, 1.0).unwrap_err();
    assert_eq!(e.name, "rho");
    assert_eq!(
        format!("{e}"),
        "rho = 2 is outside its valid range [-50, 1]"
    );
    assert_eq!(Ces::new(f64::NAN, 0.0, 1.0, 1.0).unwrap_err().name, "alpha");
    let ces = Ces::new(0.5, 0.0, 1.0, 1.0).unwrap();
    assert_eq!(ces.output(-1.0, 1.0).unwrap_err().name, "K");
    assert_eq!(ces.output(1.0, f64::INFINITY).unwrap_err().name, "L");
}

#[test]
fn scaled_unit_isoquant_is_the_isoquant() {
    for rho in [-50.0, -5.0, -1.0, 0.0, 0.5, 1.0] {
        let ces = Ces::new(0.33, rho, 1.3, 0.7).unwrap();
        let ratios: Vec<f64> = (0..=48).map(|i| -12.0 + i as f64 * 0.5).collect();
        let unit: Vec<(f64, f64)> = ratios
            .iter()
            .map(|&r| ces.isoquant_point(1.0, r).unwrap())
            .collect();
        for level in [0.5, 2.0, 3.0] {
            let scaled = Ces::scale_isoquant(&unit, level);
            for (&r, &(k, l)) in ratios.iter().zip(&scaled) {
                let (k0, l0) = ces.isoquant_point(level, r).unwrap();
                assert!(
                    (k - k0).abs() <= 1e-12 * k0.abs(),
                    "rho {rho}, Y {level}: K {k} vs {k0}"
                );
                assert!(
                    (l - l0).abs() <= 1e-12 * l0.abs(),
                    "rho {rho}, Y {level}: L {l} vs {l0}"
                );
                assert!((ces.output(k, l).unwrap() / level - 1.0).abs() < 1e-9);
            }
        }
    }
}
