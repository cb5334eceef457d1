//! `kind="task-automation"` — "Tasks, automation and labor-augmenting technology": a strip
//! of 100 tasks split between capital and people, output per worker and the labor share as
//! the automated share β rises, and paths over time where 1 − β shrinks steadily (growth
//! like labor-augmenting technology, constant labor share for ρ < 0) versus full automation
//! (episode: "40 automated, then half of the remaining 60"; Aghion, Jones & Jones 2019).

use crate::plot::{
    clear, clip_polyline, cut, draw_axes, draw_share_axis, label, split_panels, to_primary, Axes,
    Chart, DrawResult, Frame, PanelMap,
};
use crate::spec::{format_number, InputError, KindSpec, Param, ParamSpec, Params, Preset};
use crate::theme::Theme;
use crate::{model_error, Diagram, DiagramKind, Drawing, Readout, Root};
use growth_model::exogenous::EconomyRun;
use growth_model::tasks::{AutomationPath, TaskAutomation};
use growth_model::Doc;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

/// Room around both charts' plots (CSS px), with the labor-share axis on the right.
const FRAME: Frame = Frame::new(8.0, 44.0, 38.0).with_right(54.0);

/// The parameters, in control order: declared once, read through typed handles.
#[rustfmt::skip]
const PARAMS: &[ParamSpec] = &[
    ParamSpec::number("beta", "β", "Automated share β", (0.0, 0.99, 0.01), 0.4, "", "Share of tasks done by capital at the start (drag the strip)."),
    ParamSpec::number("rho", "ρ", "Substitution between tasks ρ", (-20.0, 0.9, 0.1), -1.0, "", "Below 0 tasks are complements: every task must be done."),
    ParamSpec::number("K", "K/L", "Capital per worker K/L", (0.5, 50.0, 0.5), 10.0, "", "Machines per person at the marked point."),
    ParamSpec::number("automation_rate", "a", "Automation speed a", (0.0, 0.1, 0.005), 0.02, "/yr", "Each year this fraction of the remaining human tasks is automated."),
    ParamSpec::number("t", "t", "Year t", (0.0, 100.0, 1.0), 0.0, " yr", "Time along the automation path (press Play)."),
];

/// This kind's parameters as typed handles: a name `PARAMS` does not declare fails to compile.
struct P;

impl P {
    const BETA: Param = Param::named(PARAMS, "beta");
    const RHO: Param = Param::named(PARAMS, "rho");
    const K: Param = Param::named(PARAMS, "K");
    const AUTOMATION_RATE: Param = Param::named(PARAMS, "automation_rate");
    const T: Param = Param::named(PARAMS, "t");
}

static SPEC: KindSpec = KindSpec {
    kind: "task-automation",
    title: Doc::new("Tasks, automation and labor-augmenting technology"),
    summary: Doc::new("A share β of 100 tasks is done by capital, the rest by people; automating more of the rest works like making each worker more productive."),
    height: 470,
    params: PARAMS,
    presets: &[
        Preset { name: "forty-automated", label: Doc::new("Episode: 40 of 100 automated"), values: &[("beta", 0.4), ("rho", -20.0), ("t", 0.0)] },
        Preset { name: "half-of-the-rest", label: Doc::new("…then half of the other 60"), values: &[("beta", 0.7), ("rho", -20.0), ("t", 0.0)] },
        Preset { name: "substitutable-tasks", label: Doc::new("Substitutable tasks (ρ = 0.5)"), values: &[("rho", 0.5)] },
    ],
        play: Some("t"),
    options: &[],
};

const YEARS: f64 = 100.0;
const SAVING: f64 = 0.3;
const DEPRECIATION: f64 = 0.05;
/// The episode's starting point: 40 of 100 tasks automated.
const EPISODE_BETA: f64 = 0.4;

/// The task-automation diagram's state.
#[derive(Debug, Clone)]
pub struct TaskDiagram {
    rho: f64,
    capital: f64,
    rate: f64,
    time: f64,
    beta_now: f64,
    now: growth_model::tasks::TaskPoint,
    reference: growth_model::tasks::TaskPoint,
    augmenting: Option<f64>,
    gradual: EconomyRun,
    full: EconomyRun,
}

/// A run that failed, named by the kind the author wrote (never an attribute nobody set).
fn solve_error(e: growth_model::SolveError) -> InputError {
    InputError::new("kind", SPEC.kind, "could not be simulated", format!("{e}"))
}

/// The labor-augmenting term as read: "—" where it is not defined (ρ ≥ 0), and in words where
/// (1−β)^{(1−ρ)/ρ} passes f64's range as ρ → 0⁻ (it grows without bound there).
fn augmenting_text(term: Option<f64>) -> String {
    match term {
        Some(b) if b.is_finite() => format_number(b),
        Some(b) if b > 0.0 => "unbounded as ρ → 0⁻".into(),
        _ => "—".into(),
    }
}

impl TaskDiagram {
    fn growth_now(&self) -> f64 {
        growth_model::trend::value_at(&self.gradual.t, &self.gradual.g_output, self.time)
    }

    fn draw_strip<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        theme: &Theme,
    ) -> Result<PanelMap, DrawingAreaErrorKind<DB::ErrorType>> {
        let (w, h) = area.dim_in_pixel();
        let left = theme.px(12.0);
        let right = w as i32 - theme.px(12.0);
        let top = theme.px(22.0);
        let bottom = h as i32 - theme.px(6.0);
        let automated = self.beta_now * 100.0;
        let cell = (right - left) as f64 / 100.0;
        // People's tasks, then capital's over them up to the exact automated share, then the
        // 99 gaps between the 100 tasks as one background-coloured path (down one gap, along
        // the edge, up the next): four drawing calls instead of one or two per task.
        area.draw(&Rectangle::new(
            [(left, top), (right, bottom)],
            theme.series[1].filled(),
        ))?;
        let boundary = left + (automated * cell).round() as i32;
        if automated > 0.0 {
            area.draw(&Rectangle::new(
                [(left, top), (boundary, bottom)],
                theme.series[0].filled(),
            ))?;
        }
        let gap = theme.px(1.0).max(1);
        let mut gaps = Vec::with_capacity(2 * 99);
        for i in 1..100 {
            let x = left + (i as f64 * cell).round() as i32 - (gap + 1) / 2;
            let (from, to) = if i % 2 == 1 {
                (top, bottom)
            } else {
                (bottom, top)
            };
            gaps.push((x, from));
            gaps.push((x, to));
        }
        area.draw(&PathElement::new(gaps, theme.bg.stroke_width(gap as u32)))?;
        area.draw(&PathElement::new(
            vec![
                (boundary, top - theme.px(4.0)),
                (boundary, bottom + theme.px(2.0)),
            ],
            theme.fg.stroke_width(theme.upx(2.0)),
        ))?;
        let machines = format!("Done by capital: {}", format_number(automated));
        let people = format!("Done by people: {}", format_number(100.0 - automated));
        area.draw(&Text::new(
            machines,
            (left, top - theme.px(5.0)),
            theme.anchored(12.0, theme.series[0], HPos::Left, VPos::Bottom),
        ))?;
        area.draw(&Text::new(
            people,
            (right, top - theme.px(5.0)),
            theme.anchored(12.0, theme.fg, HPos::Right, VPos::Bottom),
        ))?;
        Ok(PanelMap {
            left: left as f64,
            right: right as f64,
            top: top as f64,
            bottom: bottom as f64,
            x_min: 0.0,
            x_max: 1.0,
            y_min: 0.0,
            y_max: 1.0,
        })
    }

    fn draw_static<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        theme: &Theme,
    ) -> DrawResult<DB> {
        let tech = |beta: f64| {
            TaskAutomation::new(beta, self.rho, 1.0)
                .ok()
                .and_then(|m| m.point(self.capital, 1.0).ok())
        };
        let points: Vec<(f64, f64, f64)> = (0..=198)
            .map(|i| i as f64 / 200.0)
            .filter_map(|b| tech(b).map(|p| (b, p.output_per_worker, p.labor_share)))
            .collect();
        let y_max = points
            .iter()
            .map(|p| p.1)
            .fold(0.0, f64::max)
            .max(self.now.output_per_worker)
            * 1.08;
        let chart = Chart::new(area, theme, FRAME, 0.0..1.0, 0.0..y_max.max(1e-9));
        draw_axes(
            area,
            &chart,
            theme,
            &Axes::new("Automated share β", "Output per worker Y/L", 6, 5),
        )?;
        draw_share_axis(area, &chart, theme, 5, Some("Labor share"))?;
        let y_range = chart.y_range();
        chart.line(
            points.iter().map(|p| (p.0, p.1)),
            theme.series[0].stroke_width(theme.upx(2.5)),
        )?;
        chart.dashed(
            points.iter().map(|p| (p.0, to_primary(&y_range, p.2))),
            theme.upx(6.0),
            theme.upx(4.0),
            theme.series[1].stroke_width(theme.upx(2.0)),
        )?;
        chart.draw(&Circle::new(
            (self.beta_now, self.now.output_per_worker),
            theme.upx(6.0),
            theme.accent.filled(),
        ))?;
        chart.draw(&Circle::new(
            (self.beta_now, to_primary(&y_range, self.now.labor_share)),
            theme.upx(5.0),
            theme.series[1].filled(),
        ))?;
        if let Some(&(b, y, _)) = points.get(points.len() * 3 / 4) {
            label(
                &chart,
                "Y/L",
                (b, y),
                theme.anchored(12.0, theme.series[0], HPos::Right, VPos::Bottom),
            )?;
        }
        Ok(())
    }

    fn draw_paths<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        theme: &Theme,
    ) -> DrawResult<DB> {
        let series = |run: &EconomyRun| -> Vec<(f64, f64)> {
            run.t
                .iter()
                .zip(&run.ln_output_per_person)
                .map(|(t, y)| (*t, *y))
                .collect()
        };
        let gradual = series(&self.gradual);
        let full = series(&self.full);
        let lo = gradual
            .iter()
            .chain(&full)
            .map(|p| p.1)
            .fold(f64::INFINITY, f64::min);
        let hi_gradual = gradual
            .iter()
            .map(|p| p.1)
            .fold(f64::NEG_INFINITY, f64::max);
        // Keep the gradual path readable: full automation may run off the top, and is clipped there.
        let hi = (hi_gradual + (hi_gradual - lo).max(1.0) * 0.6).max(lo + 1.0);
        let chart = Chart::new(area, theme, FRAME, 0.0..YEARS, lo..hi);
        draw_axes(
            area,
            &chart,
            theme,
            &Axes::new("Years", "ln output per worker", 6, 5),
        )?;
        draw_share_axis(area, &chart, theme, 5, None)?;
        for run in clip_polyline(&full, 0.0, YEARS, lo, hi) {
            chart.line(run, theme.series[2].stroke_width(theme.upx(2.0)))?;
        }
        chart.line(
            gradual.iter().copied(),
            theme.series[0].stroke_width(theme.upx(2.5)),
        )?;
        let share = |run: &EconomyRun| -> Vec<(f64, f64)> {
            run.t
                .iter()
                .zip(&run.labor_share)
                .map(|(t, s)| (*t, to_primary(&(lo..hi), *s)))
                .collect()
        };
        chart.dashed(
            share(&self.gradual),
            theme.upx(6.0),
            theme.upx(4.0),
            theme.series[1].stroke_width(theme.upx(1.5)),
        )?;
        chart.draw(&PathElement::new(
            vec![(self.time, lo), (self.time, hi)],
            theme.muted.stroke_width(theme.upx(1.0)),
        ))?;
        let label_at = |points: &[(f64, f64)], frac: f64| {
            points
                .get(((points.len() as f64 - 1.0) * frac) as usize)
                .copied()
        };
        if let Some((t, y)) = label_at(&gradual, 0.55) {
            label(
                &chart,
                "gradual automation",
                (t, y),
                theme.anchored(11.0, theme.series[0], HPos::Left, VPos::Top),
            )?;
        }
        // Label full automation where it leaves the top of the panel.
        if let Some((t, y)) = full.iter().copied().take_while(|p| p.1 < hi).last() {
            label(
                &chart,
                "full automation",
                (t, y),
                theme.anchored(11.0, theme.series[2], HPos::Right, VPos::Bottom),
            )?;
        }
        Ok(())
    }
}

impl DiagramKind for TaskDiagram {
    fn spec() -> &'static KindSpec {
        &SPEC
    }

    fn from_params(p: &Params) -> Result<Self, InputError> {
        let (rho, beta0, capital, rate, time) = (
            p.get(P::RHO),
            p.get(P::BETA),
            p.get(P::K),
            p.get(P::AUTOMATION_RATE),
            p.get(P::T),
        );
        let beta_now = 1.0 - (1.0 - beta0) * libm::exp(-rate * time);
        let tech_now = TaskAutomation::new(beta_now, rho, 1.0).map_err(model_error)?;
        let now = tech_now.point(capital, 1.0).map_err(model_error)?;
        let reference = TaskAutomation::new(EPISODE_BETA, rho, 1.0)
            .and_then(|m| m.point(capital, 1.0))
            .map_err(model_error)?;
        let start = TaskAutomation::new(beta0, rho, 1.0).map_err(model_error)?;
        let gradual = AutomationPath::new(start, rate, false, SAVING, DEPRECIATION)
            .map_err(model_error)?
            .simulate_from(YEARS, capital)
            .map_err(solve_error)?;
        let full = AutomationPath::new(start, rate, true, SAVING, DEPRECIATION)
            .map_err(model_error)?
            .simulate_from(YEARS, capital)
            .map_err(solve_error)?;
        Ok(TaskDiagram {
            rho,
            capital,
            rate,
            time,
            beta_now,
            now,
            reference,
            augmenting: tech_now.labor_augmenting_term(),
            gradual,
            full,
        })
    }
}

impl Diagram for TaskDiagram {
    fn draw(&self, root: &Root<'_>, theme: &Theme) -> Drawing {
        clear(root, theme)?;
        let (_, h) = root.dim_in_pixel();
        let strip_height = (theme.px(58.0) as u32).min(h / 4);
        let (strip, rest) = cut(root, strip_height, false);
        let strip_map = self.draw_strip(&strip, theme)?;
        let (a, b) = split_panels(&rest, theme, 0.5);
        self.draw_static(&a, theme)?;
        self.draw_paths(&b, theme)?;
        Ok(vec![strip_map])
    }

    fn describe(&self) -> String {
        let automated = format_number(self.beta_now * 100.0);
        let people = format_number(100.0 - self.beta_now * 100.0);
        let regime = if self.rho < 0.0 {
            format!(
                "Tasks are complements (ρ = {}), so automating more of the remaining tasks works like labor-augmenting technology: each worker spreads effort over fewer tasks",
                format_number(self.rho)
            )
        } else {
            format!(
                "Tasks are substitutes (ρ = {}), so capital can stand in for people across tasks",
                format_number(self.rho)
            )
        };
        let ratio = self.now.output_per_worker / self.reference.output_per_worker;
        let path = if self.rate > 0.0 && self.rho < 0.0 {
            format!(
                " Automating {}% of the remaining human tasks each year, output grows {}% a year now and approaches a steady {}% a year with a constant labor share; full automation instead grows output like capital, at {}% a year, and the labor share drops to 0.",
                format_number(self.rate * 100.0),
                format_number(self.growth_now() * 100.0),
                format_number(self.gradual.g_output.last().copied().unwrap_or(0.0) * 100.0),
                format_number(self.full.g_output.last().copied().unwrap_or(0.0) * 100.0)
            )
        } else if self.rate > 0.0 {
            // Substitutes: no balanced path to name; report where the simulated runs end up.
            let last = |v: &[f64]| v.last().copied().unwrap_or(0.0) * 100.0;
            format!(
                " Automating {}% of the remaining human tasks each year, output grows {}% a year by year {} and the labor share is {}%; with every task automated, output grows {}% a year.",
                format_number(self.rate * 100.0),
                format_number(last(&self.gradual.g_output)),
                format_number(YEARS),
                format_number(last(&self.gradual.labor_share)),
                format_number(last(&self.full.g_output))
            )
        } else {
            String::new()
        };
        format!(
            "{automated} of 100 tasks are done by capital and {people} by people{}. {regime}. With {} machines per worker, output per worker is {} ({}× what it is with 40 of 100 automated) and the labor share is {}%.{path}",
            if self.time > 0.0 { format!(" in year {}", format_number(self.time)) } else { String::new() },
            format_number(self.capital),
            format_number(self.now.output_per_worker),
            format_number(ratio),
            format_number(self.now.labor_share * 100.0),
        )
    }

    fn readouts(&self) -> Vec<Readout> {
        vec![
            Readout::new(
                "automated",
                "Automated tasks",
                format!("{} of 100", format_number(self.beta_now * 100.0)),
            ),
            Readout::new(
                "labor_augmenting",
                "Effective labor term (1−β)^((1−ρ)/ρ)",
                augmenting_text(self.augmenting),
            ),
            Readout::new(
                "output_per_worker",
                "Output per worker",
                format_number(self.now.output_per_worker),
            ),
            Readout::new(
                "versus_forty",
                "vs 40 of 100 automated",
                format!(
                    "×{}",
                    format_number(self.now.output_per_worker / self.reference.output_per_worker)
                ),
            ),
            Readout::new(
                "labor_share",
                "Labor share",
                format!("{}%", format_number(self.now.labor_share * 100.0)),
            ),
            Readout::new(
                "growth",
                "Growth rate (gradual path)",
                format!("{}%/yr", format_number(self.growth_now() * 100.0)),
            ),
        ]
    }

    fn probe(&self, what: &str, _arg: f64) -> Option<Vec<f64>> {
        match what {
            // [β now, output per worker, labor share, output per worker at β = 0.4, labor-augmenting term or NaN]
            "point" => Some(vec![
                self.beta_now,
                self.now.output_per_worker,
                self.now.labor_share,
                self.reference.output_per_worker,
                self.augmenting.unwrap_or(f64::NAN),
            ]),
            "growth" => Some(vec![
                self.growth_now(),
                self.gradual.g_output.last().copied().unwrap_or(0.0),
                self.full.g_output.last().copied().unwrap_or(0.0),
            ]),
            _ => None,
        }
    }

    fn drag(&self, panel: usize, x: f64, _y: f64) -> Vec<(&'static str, f64)> {
        if panel != 0 {
            return Vec::new();
        }
        // Dragging the boundary sets the starting share and returns to year 0.
        let beta = growth_model::clamp((x * 100.0).round() / 100.0, 0.0, 0.99);
        vec![("beta", beta), ("t", 0.0)]
    }
}
