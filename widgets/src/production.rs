//! `kind="production"` — the economy as one factory: capital K and labor L go in, each
//! multiplied by its technology (AK, BL), output Y comes out; the wage and capital rent are
//! the marginal products and the shares add up to one (episode slides "Capital, Labor and
//! Output", "Marginal products", "Capital share + labor share = 1"). The second panel shows
//! the episode's gross-complements point: with ρ < 0, making labor more productive (raising B)
//! can lower the wage in the short run.

use crate::plot::{clear, draw_axes, label, split_panels, Axes, Chart, Frame};
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
    ParamSpec::number("K", "K", "Capital K", (0.1, 10.0, 0.1), 2.0, "", "Machines, desks, scissors: everything built to work with."),
    ParamSpec::number("L", "L", "Labor L", (0.1, 10.0, 0.1), 3.0, "", "Human work."),
    ParamSpec::number("A", "A", "Capital-augmenting A", (0.25, 4.0, 0.05), 1.0, "", "Doubling A means half the capital gives the same output."),
    ParamSpec::number("B", "B", "Labor-augmenting B", (0.25, 4.0, 0.05), 1.0, "", "Doubling B means half the workers give the same output."),
    ParamSpec::number("rho", "ρ", "Substitution ρ", (-5.0, 1.0, 0.01), -1.0, "", "Below 0 capital and labor are gross complements."),
    ParamSpec::number("alpha", "α", "Capital weight α", (0.05, 0.95, 0.01), 0.5, "", "Distribution weight of capital."),
];

/// This kind's parameters as typed handles: a name `PARAMS` does not declare fails to compile.
struct P;

impl P {
    const K: Param = Param::named(PARAMS, "K");
    const L: Param = Param::named(PARAMS, "L");
    const A: Param = Param::named(PARAMS, "A");
    const B: Param = Param::named(PARAMS, "B");
    const RHO: Param = Param::named(PARAMS, "rho");
    const ALPHA: Param = Param::named(PARAMS, "alpha");
}

static SPEC: KindSpec = KindSpec {
    kind: "production",
    title: Doc::new("The economy as one factory"),
    summary: Doc::new("Y = F(AK, BL): capital and labor go in, output comes out; wages and capital rents are marginal products, and the shares sum to one."),
    height: 420,
    params: PARAMS,
    presets: &[
        Preset {
            name: "gross-complements",
            label: Doc::new("Gross complements: better workers, lower wage"),
            values: &[("rho", -2.0), ("alpha", 0.5), ("K", 1.0), ("L", 1.0), ("A", 1.0), ("B", 2.0)],
        },
        Preset { name: "cobb-douglas", label: Doc::new("Cobb-Douglas (ρ = 0)"), values: &[("rho", 0.0)] },
        Preset { name: "perfect-substitutes", label: Doc::new("Perfect substitutes (ρ = 1)"), values: &[("rho", 1.0)] },
    ],
        play: None,
    options: &[],
};

/// The factory's state.
#[derive(Debug, Clone)]
pub struct ProductionDiagram {
    ces: Ces,
    capital: f64,
    labor: f64,
    point: FactorPoint,
    wage_at_b_one: f64,
}

impl ProductionDiagram {
    fn wage_curve(&self) -> Vec<(f64, f64, f64)> {
        (0..=120)
            .map(|i| 0.25 * libm::pow(16.0, i as f64 / 120.0))
            .filter_map(|b| {
                let ces = Ces::new(self.ces.alpha, self.ces.rho, self.ces.a, b).ok()?;
                let p = ces.point(self.capital, self.labor).ok()?;
                Some((b, p.wage, p.rent))
            })
            .collect()
    }

    fn draw_factory<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        theme: &Theme,
    ) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        let (w, h) = area.dim_in_pixel();
        let (w, h) = (w as i32, h as i32);
        let p = &self.point;
        let x_eff = self.ces.a * self.capital;
        let y_eff = self.ces.b * self.labor;
        let biggest = x_eff.max(y_eff).max(p.output);
        let thickness = |v: f64| {
            ((v / biggest).sqrt() * theme.px(34.0) as f64).max(theme.px(3.0) as f64) as i32
        };
        let box_left = w * 40 / 100;
        let box_right = w * 64 / 100;
        let box_top = h * 16 / 100;
        let box_bottom = h * 58 / 100;
        let mid = (box_top + box_bottom) / 2;
        let pipe = |y: i32, t: i32, x0: i32, x1: i32, color: RGBColor| {
            Rectangle::new([(x0, y - t / 2), (x1, y + t / 2)], color.filled())
        };
        let k_y = box_top + (box_bottom - box_top) / 4;
        let l_y = box_bottom - (box_bottom - box_top) / 4;
        area.draw(&pipe(
            k_y,
            thickness(x_eff),
            theme.px(8.0),
            box_left,
            theme.series[0],
        ))?;
        area.draw(&pipe(
            l_y,
            thickness(y_eff),
            theme.px(8.0),
            box_left,
            theme.series[1],
        ))?;
        area.draw(&pipe(
            mid,
            thickness(p.output),
            box_right,
            w - theme.px(8.0),
            theme.series[2],
        ))?;
        area.draw(&Rectangle::new(
            [(box_left, box_top), (box_right, box_bottom)],
            theme.grid.filled(),
        ))?;
        area.draw(&Rectangle::new(
            [(box_left, box_top), (box_right, box_bottom)],
            theme.fg.stroke_width(theme.upx(2.0)),
        ))?;
        let center = (box_left + box_right) / 2;
        area.draw(&Text::new(
            "F",
            (center, mid - theme.px(8.0)),
            theme.anchored(22.0, theme.fg, HPos::Center, VPos::Center),
        ))?;
        let eps = self.ces.elasticity().map_or("∞".into(), format_number);
        let rho = format!("ρ = {}", format_number(self.ces.rho));
        let style = theme.anchored(11.0, theme.muted, HPos::Center, VPos::Center);
        // On a narrow figure the box holds ρ alone (ε is in the readouts).
        let both = format!("{rho}, ε = {eps}");
        let fits = area.estimate_text_size(&both, &style)?.0 as i32 <= box_right - box_left;
        area.draw(&Text::new(
            if fits { both } else { rho },
            (center, mid + theme.px(14.0)),
            style,
        ))?;
        let above = |t: i32| theme.px(6.0) + t / 2;
        let label = |text: String, x: i32, y: i32, color: RGBColor, h_pos: HPos| {
            Text::new(
                text,
                (x, y),
                theme.anchored(12.0, color, h_pos, VPos::Bottom),
            )
        };
        area.draw(&label(
            format!(
                "K = {} (AK = {})",
                format_number(self.capital),
                format_number(x_eff)
            ),
            theme.px(8.0),
            k_y - above(thickness(x_eff)),
            theme.series[0],
            HPos::Left,
        ))?;
        area.draw(&label(
            format!(
                "L = {} (BL = {})",
                format_number(self.labor),
                format_number(y_eff)
            ),
            theme.px(8.0),
            l_y - above(thickness(y_eff)),
            theme.series[1],
            HPos::Left,
        ))?;
        area.draw(&label(
            format!("Y = {}", format_number(p.output)),
            w - theme.px(8.0),
            mid - above(thickness(p.output)),
            theme.series[2],
            HPos::Right,
        ))?;
        let pay = theme.anchored(12.0, theme.fg, HPos::Left, VPos::Top);
        area.draw(&Text::new(
            format!("wage F_L = {} per worker", format_number(p.wage)),
            (theme.px(8.0), box_bottom + theme.px(8.0)),
            pay.clone(),
        ))?;
        area.draw(&Text::new(
            format!("capital rent F_K = {} per machine", format_number(p.rent)),
            (theme.px(8.0), box_bottom + theme.px(25.0)),
            pay,
        ))?;

        // Shares as one stacked bar that always sums to 1.
        let bar_top = h - theme.px(40.0);
        let bar_bottom = h - theme.px(20.0);
        let (x0, x1) = (theme.px(8.0), w - theme.px(8.0));
        let split = x0 + ((x1 - x0) as f64 * p.capital_share).round() as i32;
        area.draw(&Rectangle::new(
            [(x0, bar_top), (split, bar_bottom)],
            theme.series[0].filled(),
        ))?;
        area.draw(&Rectangle::new(
            [(split, bar_top), (x1, bar_bottom)],
            theme.series[1].filled(),
        ))?;
        let share_style = theme.anchored(11.0, theme.fg, HPos::Left, VPos::Top);
        area.draw(&Text::new(
            format!("capital share {}%", format_number(p.capital_share * 100.0)),
            (x0, bar_bottom + theme.px(3.0)),
            share_style,
        ))?;
        area.draw(&Text::new(
            format!("labor share {}%", format_number(p.labor_share * 100.0)),
            (x1, bar_bottom + theme.px(3.0)),
            theme.anchored(11.0, theme.fg, HPos::Right, VPos::Top),
        ))?;
        Ok(())
    }
}

impl DiagramKind for ProductionDiagram {
    fn spec() -> &'static KindSpec {
        &SPEC
    }

    fn from_params(p: &Params) -> Result<Self, InputError> {
        let ces = Ces::new(p.get(P::ALPHA), p.get(P::RHO), p.get(P::A), p.get(P::B))
            .map_err(model_error)?;
        let (capital, labor) = (p.get(P::K), p.get(P::L));
        let point = ces.point(capital, labor).map_err(model_error)?;
        let wage_at_b_one = Ces::new(ces.alpha, ces.rho, ces.a, 1.0)
            .and_then(|c| c.point(capital, labor))
            .map_err(model_error)?
            .wage;
        Ok(ProductionDiagram {
            ces,
            capital,
            labor,
            point,
            wage_at_b_one,
        })
    }
}

impl Diagram for ProductionDiagram {
    fn draw(&self, root: &Root<'_>, theme: &Theme) -> Drawing {
        clear(root, theme)?;
        let (left, right) = split_panels(root, theme, 0.55);
        self.draw_factory(&left, theme)?;
        let curve = self.wage_curve();
        let top = curve
            .iter()
            .map(|c| c.1.max(c.2))
            .fold(0.0, f64::max)
            .max(self.point.wage.max(self.point.rent))
            * 1.1;
        let chart = Chart::new(
            &right,
            theme,
            Frame::new(10.0, 46.0, 38.0),
            0.25..4.0,
            0.0..top.max(1e-9),
        )
        .log_x();
        draw_axes(
            &right,
            &chart,
            theme,
            &Axes::new("labor-augmenting B (K, L fixed)", "price per unit", 5, 6),
        )?;
        chart.line(
            curve.iter().map(|c| (c.0, c.1)),
            theme.series[1].stroke_width(theme.upx(2.5)),
        )?;
        chart.line(
            curve.iter().map(|c| (c.0, c.2)),
            theme.series[0].stroke_width(theme.upx(2.5)),
        )?;
        chart.draw(&Circle::new(
            chart.at(self.ces.b, self.point.wage),
            theme.upx(6.0),
            theme.accent.filled(),
        ))?;
        chart.draw(&Circle::new(
            chart.at(self.ces.b, self.point.rent),
            theme.upx(4.0),
            theme.series[0].filled(),
        ))?;
        if let (Some(w), Some(r)) = (curve.last(), curve.last()) {
            label(
                &chart,
                "wage",
                (w.0, w.1),
                theme.anchored(11.0, theme.series[1], HPos::Right, VPos::Bottom),
            )?;
            label(
                &chart,
                "rent",
                (r.0, r.2),
                theme.anchored(11.0, theme.series[0], HPos::Right, VPos::Bottom),
            )?;
        }
        Ok(Vec::new())
    }

    fn describe(&self) -> String {
        let p = &self.point;
        let b = self.ces.b;
        let example = if self.ces.rho < 0.0 && b > 1.0 && p.wage < self.wage_at_b_one {
            format!(
                " Because capital and labor are gross complements (ρ < 0), making labor {}× as productive lowers the wage from {} to {} until capital catches up: the episode's left-and-right-shoes point.",
                format_number(b),
                format_number(self.wage_at_b_one),
                format_number(p.wage)
            )
        } else {
            String::new()
        };
        let (effective_capital, effective_labor) = (self.ces.a * self.capital, b * self.labor);
        // With equal effective inputs the CES aggregate is the same for every ρ: say so, or a
        // reader moving ρ sees nothing change and cannot tell why.
        let balance = if (effective_capital - effective_labor).abs()
            <= 1e-9 * effective_capital.max(effective_labor)
        {
            " With equal effective inputs, ρ changes neither output nor the shares: move K, L, A or B apart to see it matter."
        } else {
            ""
        };
        format!(
            "Substitution ρ = {} (elasticity of substitution ε = {}). Capital {} (effective {}) and labor {} (effective {}) produce output {}. Each worker earns the marginal product of labor, {}; each unit of capital earns {}. Capital takes {}% of output and labor {}%, which add up to 100%.{balance}{example}",
            format_number(self.ces.rho),
            self.ces.elasticity().map_or("∞".to_string(), format_number),
            format_number(self.capital),
            format_number(effective_capital),
            format_number(self.labor),
            format_number(effective_labor),
            format_number(p.output),
            format_number(p.wage),
            format_number(p.rent),
            format_number(p.capital_share * 100.0),
            format_number(p.labor_share * 100.0),
        )
    }

    fn readouts(&self) -> Vec<Readout> {
        let p = &self.point;
        vec![
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
            Readout::new(
                "wage_at_b_one",
                "Wage if B = 1",
                format_number(self.wage_at_b_one),
            ),
        ]
    }

    fn probe(&self, what: &str, _arg: f64) -> Option<Vec<f64>> {
        let p = &self.point;
        match what {
            // [Y, wage, rent, capital share, labor share, wage at B = 1]
            "point" => Some(vec![
                p.output,
                p.wage,
                p.rent,
                p.capital_share,
                p.labor_share,
                self.wage_at_b_one,
            ]),
            _ => None,
        }
    }
}
