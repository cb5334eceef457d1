//! `kind="elasticity"` — "Elasticity of substitution": isoquants of the CES production
//! function for the current ρ, a draggable input point with its MRTS tangent, and the
//! capital share as capital per worker grows (episode slides "Elasticity of Substitution"
//! and "Exogenous Growth": if ρ < 0, Y → BL and the capital share → 0).

use crate::plot::{
    clear, clip_polyline, draw_axes, label, label_clear_of, percent, split_panels, Axes, Chart,
    DrawResult, Frame, PanelMap, Placed,
};
use crate::spec::{format_number, InputError, KindSpec, Param, ParamSpec, Params, Preset};
use crate::theme::Theme;
use crate::{model_error, Diagram, DiagramKind, Drawing, Readout, Root};
use growth_model::Doc;
use growth_model::{Ces, FactorPoint};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

/// The parameters, in control order: declared once, read through typed handles.
#[rustfmt::skip]
const PARAMS: &[ParamSpec] = &[
    ParamSpec::number("rho", "ρ", "Substitution ρ", (-5.0, 1.0, 0.01), -0.5, "", "ρ = (ε−1)/ε. 1: perfect substitutes; 0: Cobb-Douglas; below 0: gross complements."),
    ParamSpec::number("alpha", "α", "Capital weight α", (0.05, 0.95, 0.01), 0.33, "", "Distribution weight of capital; the capital share when ρ = 0."),
    ParamSpec::number("K", "K", "Capital K", (0.05, 6.0, 0.01), 2.0, "", "Capital at the marked point (drag it on the plane)."),
    ParamSpec::number("L", "L", "Labor L", (0.05, 6.0, 0.01), 1.5, "", "Labor at the marked point (drag it on the plane)."),
];

/// This kind's parameters as typed handles: a name `PARAMS` does not declare fails to compile.
struct P;

impl P {
    const RHO: Param = Param::named(PARAMS, "rho");
    const ALPHA: Param = Param::named(PARAMS, "alpha");
    const K: Param = Param::named(PARAMS, "K");
    const L: Param = Param::named(PARAMS, "L");
}

static SPEC: KindSpec = KindSpec {
    kind: "elasticity",
    title: Doc::new("Elasticity of substitution"),
    summary: Doc::new("Isoquants of Y = [α K^ρ + (1−α) L^ρ]^{1/ρ}: how easily capital can stand in for labor, and what that does to the capital share."),
    height: 420,
    params: PARAMS,
    presets: &[
        Preset { name: "perfect-substitutes", label: Doc::new("Perfect substitutes (ρ = 1)"), values: &[("rho", 1.0)] },
        Preset { name: "cobb-douglas", label: Doc::new("Cobb-Douglas (ρ = 0)"), values: &[("rho", 0.0)] },
        Preset { name: "complements", label: Doc::new("Gross complements (ρ = −1)"), values: &[("rho", -1.0)] },
        Preset { name: "near-leontief", label: Doc::new("Left and right shoes (ρ = −5)"), values: &[("rho", -5.0)] },
    ],
        play: None,
    options: &[],
};

/// Output levels of the three isoquants drawn.
pub const LEVELS: [f64; 3] = [1.0, 2.0, 3.0];
/// The plane shown: K and L from 0 to this.
const EXTENT: f64 = 6.0;
/// Capital per worker on the share panel, log scale.
/// Room around both panels' plots (CSS px): margin, y labels, x labels.
const FRAME: Frame = Frame::new(10.0, 46.0, 40.0);

const RATIO_RANGE: (f64, f64) = (0.01, 100.0);

/// The elasticity diagram's state: a CES technology and one input point.
#[derive(Debug, Clone)]
pub struct Elasticity {
    ces: Ces,
    capital: f64,
    labor: f64,
    at_point: FactorPoint,
}

/// Which curve of a CES (with A = B = 1) a cache entry holds.
#[derive(Clone, Copy, PartialEq)]
enum Curve {
    /// The isoquant Y = 1 (others are it scaled by Y).
    UnitIsoquant,
    /// The capital share against K/L over [`RATIO_RANGE`].
    CapitalShare,
}

/// How many curves the cache keeps: a ρ sweep needs the three reference share curves and
/// the ghost isoquant again on every change; a drag of the point needs every curve again.
const CACHED_CURVES: usize = 12;

/// A curve's points, shared between the cache and a frame being drawn.
type Points = std::rc::Rc<Vec<(f64, f64)>>;

/// A cache key: the curve, and the bits of α and ρ.
type CurveKey = (Curve, u64, u64);

thread_local! {
    /// Curves by (kind, α, ρ), most recently used last, shared by every elasticity widget on
    /// the page: a curve is a function of its key alone, so one widget's curve is every
    /// widget's. A drag or a sweep of one parameter recomputes only what that parameter moves.
    static CURVES: std::cell::RefCell<Vec<(CurveKey, Points)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// `kind` of `ces` (A = B = 1), from the cache or computed and remembered.
fn curve(kind: Curve, ces: &Ces) -> Points {
    cached(
        (kind, ces.alpha.to_bits(), ces.rho.to_bits()),
        || match kind {
            Curve::UnitIsoquant => isoquant(ces, 1.0),
            Curve::CapitalShare => (0..=200)
                .map(|i| RATIO_RANGE.0 * libm::pow(RATIO_RANGE.1 / RATIO_RANGE.0, i as f64 / 200.0))
                .filter_map(|q| ces.point(q, 1.0).ok().map(|p| (q, p.capital_share)))
                .collect(),
        },
    )
}

/// The cached points of `key`, or `compute`'s, remembered. The cache is borrowed only to look
/// up and to store, never while `compute` runs, and never assumed free: a trap inside a
/// computation (a panic aborts the wasm call, so no borrow would ever be released) cannot
/// leave it borrowed for the page's other widgets.
fn cached(key: CurveKey, compute: impl FnOnce() -> Vec<(f64, f64)>) -> Points {
    // Least recently used goes first: a hit moves to the end.
    let hit = CURVES.with(|c| {
        let mut c = c.try_borrow_mut().ok()?;
        let at = c.iter().position(|(k, _)| *k == key)?;
        let entry = c.remove(at);
        let points = entry.1.clone();
        c.push(entry);
        Some(points)
    });
    if let Some(points) = hit {
        return points;
    }
    let points = std::rc::Rc::new(compute());
    CURVES.with(|c| {
        let Ok(mut c) = c.try_borrow_mut() else {
            return;
        };
        if c.len() >= CACHED_CURVES {
            c.remove(0);
        }
        c.push((key, points.clone()));
    });
    points
}

/// The test hooks' trap inside the curve cache's computation (see `GrowthWidget::probe`).
#[cfg(feature = "test-hooks")]
pub fn panic_while_caching() {
    cached((Curve::UnitIsoquant, 0, 0), || {
        panic!("deliberate panic from the test hook while the curve cache computes")
    });
}

/// Points (K, L) along the isoquant Y = `level`, ordered from labor-heavy to capital-heavy.
pub fn isoquant(ces: &Ces, level: f64) -> Vec<(f64, f64)> {
    (0..=600)
        .filter_map(|i| {
            ces.isoquant_point(level, -12.0 + 24.0 * i as f64 / 600.0)
                .ok()
        })
        .collect()
}

impl Elasticity {
    fn ghost_rho(&self) -> (f64, &'static str) {
        if self.ces.rho < 0.0 {
            (0.6, "high ε (ρ = 0.6)")
        } else {
            (-2.0, "low ε (ρ = −2)")
        }
    }

    fn draw_isoquants<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        theme: &Theme,
    ) -> Result<PanelMap, DrawingAreaErrorKind<DB::ErrorType>> {
        let chart = Chart::new(area, theme, FRAME, 0.0..EXTENT, 0.0..EXTENT);
        draw_axes(
            area,
            &chart,
            theme,
            &Axes::new("Capital K", "Labor L", 7, 7),
        )?;
        let map = chart.map();

        // Ghost of the other regime: the Y = 2 isoquant at a contrasting ρ.
        let (ghost_rho, ghost_label) = self.ghost_rho();
        if let Ok(ghost) = Ces::new(self.ces.alpha, ghost_rho, 1.0, 1.0) {
            let ghost_points = Ces::scale_isoquant(&curve(Curve::UnitIsoquant, &ghost), 2.0);
            let runs = clip_polyline(&ghost_points, 0.0, EXTENT, 0.0, EXTENT);
            for run in &runs {
                chart.dashed(
                    run.iter().copied(),
                    theme.upx(5.0),
                    theme.upx(4.0),
                    theme.muted.stroke_width(theme.upx(1.5)),
                )?;
            }
            // Label the ghost where it leaves the plane on the right, inside the frame.
            if let Some(&(k, l)) = runs.last().and_then(|r| {
                r.iter()
                    .rev()
                    .find(|p| p.0 < EXTENT * 0.97 && p.1 < EXTENT * 0.9)
            }) {
                let style = theme.anchored(11.0, theme.muted, HPos::Right, VPos::Bottom);
                label(&chart, ghost_label.to_string(), (k, l + 0.12), style)?;
            }
        }

        let unit = curve(Curve::UnitIsoquant, &self.ces);
        for (i, level) in LEVELS.iter().enumerate() {
            let color = theme.series[i];
            let points = Ces::scale_isoquant(&unit, *level);
            for run in clip_polyline(&points, 0.0, EXTENT, 0.0, EXTENT) {
                chart.line(run, color.stroke_width(theme.upx(2.5)))?;
            }
            if let Ok((k, l)) = self.ces.isoquant_point(*level, 0.0) {
                if k < EXTENT * 0.95 && l < EXTENT * 0.95 {
                    label(
                        &chart,
                        format!("Y = {}", format_number(*level)),
                        (k, l),
                        theme.anchored(12.0, color, HPos::Left, VPos::Bottom),
                    )?;
                }
            }
        }

        // The marked point, its isoquant level and the MRTS tangent.
        let (k, l, m) = (self.capital, self.labor, self.at_point.mrts);
        let half = 0.9 / (1.0 + m * m).sqrt();
        let tangent = [(k - half, l + m * half), (k + half, l - m * half)];
        for run in clip_polyline(&tangent, 0.0, EXTENT, 0.0, EXTENT) {
            chart.line(run, theme.fg.stroke_width(theme.upx(1.5)))?;
        }
        chart.draw(&Circle::new((k, l), theme.upx(7.0), theme.accent.filled()))?;
        chart.draw(&Circle::new(
            (k, l),
            theme.upx(7.0),
            theme.bg.stroke_width(theme.upx(2.0)),
        ))?;
        Ok(map)
    }

    fn draw_shares<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        theme: &Theme,
    ) -> DrawResult<DB> {
        let chart = Chart::new(area, theme, FRAME, RATIO_RANGE.0..RATIO_RANGE.1, 0.0..1.0).log_x();
        draw_axes(
            area,
            &chart,
            theme,
            &Axes::new("Capital per worker K/L (log scale)", "Capital share", 5, 6)
                .y_format(percent),
        )?;
        let mut placed = Placed::default();
        for reference in [-1.0, 0.0, 0.5] {
            if (reference - self.ces.rho).abs() < 1e-9 {
                continue;
            }
            if let Ok(ces) = Ces::new(self.ces.alpha, reference, 1.0, 1.0) {
                let points = curve(Curve::CapitalShare, &ces);
                // Reference curves carry information: muted (≥ 4.5:1), dashed, never the grid colour.
                chart.dashed(
                    points.iter().copied(),
                    theme.upx(5.0),
                    theme.upx(3.0),
                    theme.muted.stroke_width(theme.upx(1.5)),
                )?;
                if let Some(&(q, s)) = points.last() {
                    let v = if s > 0.5 { VPos::Top } else { VPos::Bottom };
                    let style = theme.anchored(11.0, theme.muted, HPos::Right, v);
                    label_clear_of(
                        &chart,
                        &mut placed,
                        format!("ρ = {}", format_number(reference)),
                        (q, s),
                        style,
                    )?;
                }
            }
        }
        chart.line(
            curve(Curve::CapitalShare, &self.ces).iter().copied(),
            theme.series[0].stroke_width(theme.upx(2.5)),
        )?;
        let ratio = growth_model::clamp(self.capital / self.labor, RATIO_RANGE.0, RATIO_RANGE.1);
        chart.draw(&Circle::new(
            chart.at(ratio, self.at_point.capital_share),
            theme.upx(6.0),
            theme.accent.filled(),
        ))?;
        Ok(())
    }

    fn regime(&self) -> &'static str {
        let rho = self.ces.rho;
        if rho >= 1.0 {
            "capital and labor are perfect substitutes: a machine can replace a worker one for one"
        } else if rho > 0.0 {
            "capital and labor are gross substitutes: piling up capital alone raises output without bound and the capital share rises toward 100%"
        } else if rho == 0.0 {
            "this is Cobb-Douglas: the capital share stays constant at α however much capital piles up"
        } else if rho > -3.0 {
            "capital and labor are gross complements: as capital piles up with labor fixed, output approaches a ceiling and the capital share falls toward 0"
        } else {
            "capital and labor are close to perfect complements, like left and right shoes: extra capital adds almost nothing, and the capital share falls toward 0"
        }
    }
}

impl DiagramKind for Elasticity {
    fn spec() -> &'static KindSpec {
        &SPEC
    }

    fn from_params(params: &Params) -> Result<Self, InputError> {
        let ces =
            Ces::new(params.get(P::ALPHA), params.get(P::RHO), 1.0, 1.0).map_err(model_error)?;
        let (capital, labor) = (params.get(P::K), params.get(P::L));
        let at_point = ces.point(capital, labor).map_err(model_error)?;
        Ok(Elasticity {
            ces,
            capital,
            labor,
            at_point,
        })
    }
}

impl Diagram for Elasticity {
    fn draw(&self, root: &Root<'_>, theme: &Theme) -> Drawing {
        clear(root, theme)?;
        let (left, right) = split_panels(root, theme, 0.56);
        let map = self.draw_isoquants(&left, theme)?;
        self.draw_shares(&right, theme)?;
        Ok(vec![map])
    }

    fn describe(&self) -> String {
        let p = &self.at_point;
        let elasticity = self.ces.elasticity().map_or("∞".to_string(), format_number);
        let ceiling = match self.ces.output_ceiling_in_capital(self.labor) {
            Ok(Some(y)) => format!(
                " With L = {} fixed, output can never exceed {} however much capital is added.",
                format_number(self.labor),
                format_number(y)
            ),
            _ => String::new(),
        };
        format!(
            "ρ = {} (elasticity of substitution ε = {}): {}. The three curves are the combinations of capital and labor that produce Y = 1, 2 and 3. At K = {}, L = {}: output {}, wage {}, capital rent {}, capital share {}%, labor share {}%.{}",
            format_number(self.ces.rho),
            elasticity,
            self.regime(),
            format_number(self.capital),
            format_number(self.labor),
            format_number(p.output),
            format_number(p.wage),
            format_number(p.rent),
            format_number(p.capital_share * 100.0),
            format_number(p.labor_share * 100.0),
            ceiling,
        )
    }

    fn readouts(&self) -> Vec<Readout> {
        let p = &self.at_point;
        vec![
            Readout::new(
                "epsilon",
                "Elasticity ε",
                self.ces.elasticity().map_or("∞".into(), format_number),
            ),
            Readout::new("Y", "Output Y", format_number(p.output)),
            Readout::new("wage", "Wage F_L", format_number(p.wage)),
            Readout::new("rent", "Capital rent F_K", format_number(p.rent)),
            Readout::new(
                "capital_share",
                "Capital share",
                format!("{}%", format_number(p.capital_share * 100.0)),
            ),
            Readout::new(
                "labor_share",
                "Labor share",
                format!("{}%", format_number(p.labor_share * 100.0)),
            ),
            Readout::new("mrts", "MRTS F_K/F_L", format_number(p.mrts)),
        ]
    }

    fn probe(&self, what: &str, arg: f64) -> Option<Vec<f64>> {
        match what {
            // Flattened (K, L) pairs of the isoquant Y = arg, exactly as drawn.
            "isoquant" => Ces::new(self.ces.alpha, self.ces.rho, 1.0, 1.0)
                .ok()
                .filter(|_| arg > 0.0 && arg.is_finite())
                .map(|ces| {
                    isoquant(&ces, arg)
                        .into_iter()
                        .flat_map(|(k, l)| [k, l])
                        .collect()
                }),
            // [Y, wage, rent, capital share, labor share, MRTS] at the marked point.
            "point" => {
                let p = &self.at_point;
                Some(vec![
                    p.output,
                    p.wage,
                    p.rent,
                    p.capital_share,
                    p.labor_share,
                    p.mrts,
                ])
            }
            _ => None,
        }
    }

    fn drag(&self, panel: usize, x: f64, y: f64) -> Vec<(&'static str, f64)> {
        if panel != 0 {
            return Vec::new();
        }
        let clamp = |v: f64| (v.max(0.05) * 100.0).round() / 100.0;
        vec![("K", clamp(x).min(EXTENT)), ("L", clamp(y).min(EXTENT))]
    }

    fn drag_axes(&self) -> Option<(&'static str, &'static str)> {
        Some(("K", "L"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drawn_isoquants_lie_on_their_level() {
        let ces = Ces::new(0.33, -0.5, 1.0, 1.0).unwrap();
        for (k, l) in isoquant(&ces, 2.0) {
            let y = ces.output(k, l).unwrap();
            assert!((y - 2.0).abs() < 1e-9, "Y({k}, {l}) = {y}");
        }
    }

    #[test]
    fn the_curve_cache_is_free_while_a_curve_is_computed() {
        let key = (Curve::CapitalShare, 1, 2);
        let points = cached(key, || {
            let free = CURVES.with(|c| c.try_borrow_mut().is_ok());
            assert!(free, "the cache is borrowed while a curve is computed");
            vec![(1.0, 2.0)]
        });
        assert_eq!(*points, vec![(1.0, 2.0)]);
        let again = cached(key, || unreachable!("a cached curve is computed again"));
        assert!(std::rc::Rc::ptr_eq(&points, &again));
    }

    #[test]
    fn a_cache_left_borrowed_still_gives_the_same_curves() {
        let ces = Ces::new(0.33, -0.5, 1.0, 1.0).unwrap();
        let before = curve(Curve::UnitIsoquant, &ces);
        // What a trap in the middle of a borrow would leave (the wasm aborts: nothing is dropped).
        CURVES.with(|c| std::mem::forget(c.borrow_mut()));
        assert_eq!(*curve(Curve::UnitIsoquant, &ces), *before);
        assert_eq!(*before, isoquant(&ces, 1.0));
    }
}
