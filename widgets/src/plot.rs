//! Drawing pieces every diagram shares: a styled chart frame and polyline clipping.

use crate::spec::format_number;
use crate::theme::Theme;
use plotters::coord::ranged1d::Ranged;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::FontTransform;

/// The error type of drawing on backend `DB`.
pub type DrawResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// Where a panel's plotting rectangle lies, for turning pointer positions into data.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct PanelMap {
    /// Left edge in backing-store pixels.
    pub left: f64,
    /// Top edge in backing-store pixels.
    pub top: f64,
    /// Right edge in backing-store pixels.
    pub right: f64,
    /// Bottom edge in backing-store pixels.
    pub bottom: f64,
    /// Data x at the left edge.
    pub x_min: f64,
    /// Data x at the right edge.
    pub x_max: f64,
    /// Data y at the bottom edge.
    pub y_min: f64,
    /// Data y at the top edge.
    pub y_max: f64,
}

impl PanelMap {
    /// Data coordinates of a backing-store pixel, clamped into the panel.
    pub fn to_data(&self, px: f64, py: f64) -> (f64, f64) {
        let fx = ((px - self.left) / (self.right - self.left)).clamp(0.0, 1.0);
        let fy = ((self.bottom - py) / (self.bottom - self.top)).clamp(0.0, 1.0);
        (
            self.x_min + fx * (self.x_max - self.x_min),
            self.y_min + fy * (self.y_max - self.y_min),
        )
    }
}

/// Fills the background.
pub fn clear<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, theme: &Theme) -> DrawResult<DB> {
    root.fill(&theme.bg)
}

/// Splits `root` side by side when wide enough, else stacked; `first` is the first panel's share.
pub fn split_panels<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    theme: &Theme,
    first: f64,
) -> (DrawingArea<DB, Shift>, DrawingArea<DB, Shift>) {
    let (w, h) = root.dim_in_pixel();
    let css_width = w as f64 / theme.scale;
    if css_width >= 560.0 {
        root.split_horizontally((w as f64 * first) as u32)
    } else {
        root.split_vertically((h as f64 * first) as u32)
    }
}

/// What one chart's axes show: titles, how many labelled ticks, and how labels read.
#[derive(Clone, Copy)]
pub struct Axes<'a> {
    /// Title under the x axis.
    pub x_desc: &'a str,
    /// Title beside the y axis (rotated).
    pub y_desc: &'a str,
    /// At most this many labelled x ticks.
    pub x_labels: usize,
    /// At most this many labelled y ticks.
    pub y_labels: usize,
    /// Text of a y tick label.
    pub y_format: fn(f64) -> String,
}

impl<'a> Axes<'a> {
    /// Axes with numbers formatted by [`format_number`] on both.
    pub fn new(x_desc: &'a str, y_desc: &'a str, x_labels: usize, y_labels: usize) -> Self {
        Axes {
            x_desc,
            y_desc,
            x_labels,
            y_labels,
            y_format: format_number,
        }
    }

    /// The same axes with y labels in `format`.
    pub fn y_format(self, format: fn(f64) -> String) -> Self {
        Axes {
            y_format: format,
            ..self
        }
    }
}

/// A fraction as a whole percentage ("40%").
pub fn percent(v: f64) -> String {
    format!("{}%", format_number((v * 100.0).round()))
}

/// The plotting rectangle of `chart` in `area`'s pixels: (left, top, right, bottom).
fn plot_rect<DB: DrawingBackend, X: Ranged, Y: Ranged>(
    area: &DrawingArea<DB, Shift>,
    chart: &ChartContext<'_, DB, Cartesian2d<X, Y>>,
) -> (i32, i32, i32, i32) {
    let (xr, yr) = chart.plotting_area().get_pixel_range();
    let (bx, by) = area.get_base_pixel();
    (xr.start - bx, yr.start - by, xr.end - bx, yr.end - by)
}

/// Draws the grid at labelled ticks, the axis lines, tick marks, tick labels and axis titles
/// of `chart` (built on `area`) in the project's style; numbers go through our own formatter.
pub fn draw_axes<DB: DrawingBackend, X, Y>(
    area: &DrawingArea<DB, Shift>,
    chart: &ChartContext<'_, DB, Cartesian2d<X, Y>>,
    theme: &Theme,
    axes: &Axes<'_>,
) -> DrawResult<DB>
where
    X: Ranged<ValueType = f64>,
    Y: Ranged<ValueType = f64>,
{
    let (left, top, right, bottom) = plot_rect(area, chart);
    let (bx, by) = area.get_base_pixel();
    let spec = chart.as_coord_spec();
    let (x_range, y_range) = (chart.x_range(), chart.y_range());
    let (x_any, y_any) = (x_range.start, y_range.start);
    let xs: Vec<(i32, f64)> = enough_ticks(spec.x_spec().key_points(axes.x_labels), &x_range)
        .into_iter()
        .map(|v| (chart.backend_coord(&(v, y_any)).0 - bx, v))
        .collect();
    let ys: Vec<(i32, f64)> = enough_ticks(spec.y_spec().key_points(axes.y_labels), &y_range)
        .into_iter()
        .map(|v| (chart.backend_coord(&(x_any, v)).1 - by, v))
        .collect();
    let grid = theme.grid.stroke_width(theme.upx(1.0));
    let line = theme.muted.stroke_width(theme.upx(1.0));
    let tick = theme.px(3.0);
    let gap = theme.px(3.0);
    // Few long paths instead of one per line (each path is a canvas call with a colour
    // string): the grid runs along the top edge out to each vertical line and back, and along
    // the right edge to each horizontal one, framing the plot lightly on those two sides; the
    // axes go out to each tick and back.
    let mut vertical = vec![(left, top)];
    for &(x, _) in &xs {
        vertical.extend([(x, top), (x, bottom), (x, top)]);
    }
    vertical.push((right, top));
    area.draw(&PathElement::new(vertical, grid))?;
    let mut horizontal = vec![(right, top)];
    for &(y, _) in ys.iter().rev() {
        horizontal.extend([(right, y), (left, y), (right, y)]);
    }
    horizontal.push((right, bottom));
    area.draw(&PathElement::new(horizontal, grid))?;
    let mut axis = vec![(left, top)];
    // Down the y axis (ticks come in rising value, so falling pixel y: walk them backwards)…
    for &(y, _) in ys.iter().rev() {
        axis.extend([(left, y), (left - tick, y), (left, y)]);
    }
    axis.push((left, bottom));
    // …then along the x axis.
    for &(x, _) in &xs {
        axis.extend([(x, bottom), (x, bottom + tick), (x, bottom)]);
    }
    axis.push((right, bottom));
    area.draw(&PathElement::new(axis, line))?;
    let label_style = theme.text(12.0, theme.muted);
    let x_style = label_style.pos(Pos::new(HPos::Center, VPos::Top));
    let (width, _) = area.dim_in_pixel();
    let right_style = label_style.pos(Pos::new(HPos::Right, VPos::Top));
    for &(x, v) in &xs {
        let text = format_number(v);
        // A label centred on a tick at the right edge would be cut off: end it at the edge.
        let half = theme.px(3.6) * text.chars().count() as i32;
        if x + half > width as i32 {
            area.draw(&Text::new(
                text,
                (width as i32 - 1, bottom + tick + gap),
                right_style.clone(),
            ))?;
        } else {
            area.draw(&Text::new(text, (x, bottom + tick + gap), x_style.clone()))?;
        }
    }
    let y_style = label_style.pos(Pos::new(HPos::Right, VPos::Center));
    let y_texts: Vec<(i32, String)> = ys.iter().map(|&(y, v)| (y, (axes.y_format)(v))).collect();
    for (y, text) in &y_texts {
        area.draw(&Text::new(
            text.as_str(),
            (left - tick - gap, *y),
            y_style.clone(),
        ))?;
    }
    // Text heights are the font size; only the longest y label is measured (measuring
    // crosses into the page), to place the y title beside it.
    let label_height = theme.px(12.0);
    let longest = y_texts
        .iter()
        .map(|(_, t)| t.as_str())
        .max_by_key(|t| t.chars().count())
        .unwrap_or("");
    let label_width = area.estimate_text_size(longest, &label_style)?.0 as i32;
    let desc = theme.text(13.0, theme.fg);
    area.draw(&Text::new(
        axes.x_desc.to_string(),
        ((left + right) / 2, bottom + tick + 2 * gap + label_height),
        desc.pos(Pos::new(HPos::Center, VPos::Top)),
    ))?;
    // Rotated a quarter turn: the title's top faces left, so it grows rightwards from x.
    let height = theme.px(13.0);
    area.draw(&Text::new(
        axes.y_desc.to_string(),
        (
            (left - tick - 2 * gap - label_width - height).max(0),
            (top + bottom) / 2,
        ),
        desc.pos(Pos::new(HPos::Center, VPos::Top))
            .transform(FontTransform::Rotate270),
    ))?;
    Ok(())
}

/// The chart's key points, or, where a log axis spans too little for plotters to find more
/// than two (e.g. 0.25 to 4 gives only 1), the 1-2-5 values inside `range`.
fn enough_ticks(points: Vec<f64>, range: &core::ops::Range<f64>) -> Vec<f64> {
    let (lo, hi) = (range.start.min(range.end), range.start.max(range.end));
    if points.len() >= 3 || !(lo > 0.0 && hi.is_finite()) {
        return points;
    }
    let mut ticks = Vec::new();
    let first = libm::floor(libm::log10(lo)) as i32;
    let last = libm::ceil(libm::log10(hi)) as i32;
    for exponent in first..=last.min(first + 30) {
        for mantissa in [1.0, 2.0, 5.0] {
            let v = mantissa * libm::pow(10.0, f64::from(exponent));
            if v >= lo * (1.0 - 1e-9) && v <= hi * (1.0 + 1e-9) {
                ticks.push(v);
            }
        }
    }
    if ticks.len() > points.len() {
        ticks
    } else {
        points
    }
}

/// A second y axis on the right of `chart` for fractions 0..1 (drawn as percentages), with
/// an optional rotated title; series on it are mapped with [`to_primary`].
pub fn draw_share_axis<DB: DrawingBackend, X, Y>(
    area: &DrawingArea<DB, Shift>,
    chart: &ChartContext<'_, DB, Cartesian2d<X, Y>>,
    theme: &Theme,
    labels: usize,
    desc: Option<&str>,
) -> DrawResult<DB>
where
    X: Ranged<ValueType = f64>,
    Y: Ranged<ValueType = f64>,
{
    let (_, top, right, bottom) = plot_rect(area, chart);
    let line = theme.muted.stroke_width(theme.upx(1.0));
    let tick = theme.px(3.0);
    let gap = theme.px(3.0);
    let style = theme
        .text(12.0, theme.muted)
        .pos(Pos::new(HPos::Left, VPos::Center));
    let steps = labels.max(2) - 1;
    let at = |i: usize| bottom - ((bottom - top) as f64 * i as f64 / steps as f64).round() as i32;
    // The axis with its ticks as one path: up the right edge, out to each tick and back.
    let mut axis = vec![(right, bottom)];
    for i in 0..=steps {
        axis.extend([(right, at(i)), (right + tick, at(i)), (right, at(i))]);
    }
    axis.push((right, top));
    area.draw(&PathElement::new(axis, line))?;
    for i in 0..=steps {
        let (v, y) = (i as f64 / steps as f64, at(i));
        area.draw(&Text::new(
            percent(v),
            (right + tick + gap, y),
            style.clone(),
        ))?;
    }
    if let Some(desc) = desc {
        // The widest label is "100%"; the title's height is its font size.
        let label_width = area.estimate_text_size("100%", &style)?.0 as i32;
        let desc_style = theme.text(13.0, theme.fg);
        let height = theme.px(13.0);
        let (w, _) = area.dim_in_pixel();
        area.draw(&Text::new(
            desc.to_string(),
            (
                (right + tick + 2 * gap + label_width + height).min(w as i32),
                (top + bottom) / 2,
            ),
            desc_style
                .pos(Pos::new(HPos::Center, VPos::Bottom))
                .transform(FontTransform::Rotate270),
        ))?;
    }
    Ok(())
}

/// A fraction 0..1 on a share axis as a y value of the chart's primary range `y`.
pub fn to_primary(y: &core::ops::Range<f64>, share: f64) -> f64 {
    y.start + share * (y.end - y.start)
}

/// Draws `text` at data point `at` of `chart` in `style`.
pub fn label<DB: DrawingBackend, X, Y>(
    chart: &mut ChartContext<'_, DB, Cartesian2d<X, Y>>,
    text: impl Into<String>,
    at: (f64, f64),
    style: TextStyle<'_>,
) -> DrawResult<DB>
where
    X: plotters::coord::ranged1d::Ranged<ValueType = f64>,
    Y: plotters::coord::ranged1d::Ranged<ValueType = f64>,
{
    chart.draw_series(std::iter::once(Text::new(text.into(), at, style)))?;
    Ok(())
}

/// The plotting rectangle of `chart` with its data ranges.
pub fn panel_map<DB: DrawingBackend>(
    chart: &ChartContext<
        '_,
        DB,
        Cartesian2d<plotters::coord::types::RangedCoordf64, plotters::coord::types::RangedCoordf64>,
    >,
) -> PanelMap {
    let (xr, yr) = chart.plotting_area().get_pixel_range();
    let x = chart.x_range();
    let y = chart.y_range();
    PanelMap {
        left: xr.start as f64,
        right: xr.end as f64,
        top: yr.start as f64,
        bottom: yr.end as f64,
        x_min: x.start,
        x_max: x.end,
        y_min: y.start,
        y_max: y.end,
    }
}

/// Splits a polyline into the runs that lie inside [x0, x1] × [y0, y1], cutting segments at the edges (Liang–Barsky).
pub fn clip_polyline(
    points: &[(f64, f64)],
    x0: f64,
    x1: f64,
    y0: f64,
    y1: f64,
) -> Vec<Vec<(f64, f64)>> {
    let mut runs: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut current: Vec<(f64, f64)> = Vec::new();
    for pair in points.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        match clip_segment(a, b, x0, x1, y0, y1) {
            Some((p, q)) => {
                if current.last() != Some(&p) {
                    if !current.is_empty() {
                        runs.push(core::mem::take(&mut current));
                    }
                    current.push(p);
                }
                current.push(q);
            }
            None => {
                if !current.is_empty() {
                    runs.push(core::mem::take(&mut current));
                }
            }
        }
    }
    if current.len() > 1 {
        runs.push(current);
    }
    runs.retain(|r| r.len() > 1);
    runs
}

fn clip_segment(
    a: (f64, f64),
    b: (f64, f64),
    x0: f64,
    x1: f64,
    y0: f64,
    y1: f64,
) -> Option<((f64, f64), (f64, f64))> {
    if !(a.0.is_finite() && a.1.is_finite() && b.0.is_finite() && b.1.is_finite()) {
        return None;
    }
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let (mut t0, mut t1) = (0.0f64, 1.0f64);
    for (p, q) in [
        (-dx, a.0 - x0),
        (dx, x1 - a.0),
        (-dy, a.1 - y0),
        (dy, y1 - a.1),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return None;
            }
        } else {
            let r = q / p;
            if p < 0.0 {
                t0 = t0.max(r);
            } else {
                t1 = t1.min(r);
            }
            if t0 > t1 {
                return None;
            }
        }
    }
    Some((
        (a.0 + t0 * dx, a.1 + t0 * dy),
        (a.0 + t1 * dx, a.1 + t1 * dy),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_log_axes_get_1_2_5_ticks() {
        let ticks = enough_ticks(vec![1.0], &(0.25..4.0));
        assert_eq!(ticks.len(), 3);
        for (t, want) in ticks.iter().zip([0.5, 1.0, 2.0]) {
            assert!((t - want).abs() < 1e-12, "{t} vs {want}");
        }
        // Enough key points, or a range through zero: unchanged.
        assert_eq!(
            enough_ticks(vec![0.0, 1.0, 2.0], &(0.0..2.0)),
            vec![0.0, 1.0, 2.0]
        );
        assert_eq!(enough_ticks(vec![0.0], &(-1.0..1.0)), vec![0.0]);
    }

    #[test]
    fn clipping_cuts_at_the_edges_and_splits_runs() {
        let line = [
            (-1.0, 0.5),
            (0.5, 0.5),
            (2.0, 0.5),
            (2.0, 2.0),
            (0.5, 0.7),
            (0.6, 0.8),
        ];
        let runs = clip_polyline(&line, 0.0, 1.0, 0.0, 1.0);
        assert_eq!(runs.len(), 2);
        assert_eq!(runs[0], vec![(0.0, 0.5), (0.5, 0.5), (1.0, 0.5)]);
        assert_eq!(runs[1].last(), Some(&(0.6, 0.8)));
    }

    #[test]
    fn panel_map_inverts_pixels() {
        let m = PanelMap {
            left: 10.0,
            top: 0.0,
            right: 110.0,
            bottom: 100.0,
            x_min: 0.0,
            x_max: 5.0,
            y_min: 0.0,
            y_max: 10.0,
        };
        assert_eq!(m.to_data(60.0, 50.0), (2.5, 5.0));
        assert_eq!(m.to_data(-50.0, 500.0), (0.0, 0.0));
    }
}
