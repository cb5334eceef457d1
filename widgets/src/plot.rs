//! Drawing pieces every diagram shares: a styled chart frame and polyline clipping.

use crate::spec::format_number;
use crate::theme::Theme;
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::element::{DashedPathElement, Drawable, PointCollection};
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
        let fx = growth_model::clamp((px - self.left) / (self.right - self.left), 0.0, 1.0);
        let fy = growth_model::clamp((self.bottom - py) / (self.bottom - self.top), 0.0, 1.0);
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
        cut(root, (w as f64 * first) as u32, true)
    } else {
        cut(root, (h as f64 * first) as u32, false)
    }
}

/// `area` cut in two `at` pixels from its left edge (`across`) or its top.
pub fn cut<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    at: u32,
    across: bool,
) -> (DrawingArea<DB, Shift>, DrawingArea<DB, Shift>) {
    let (w, h) = area.dim_in_pixel();
    if across {
        let at = at.min(w);
        (
            cell(area, (0, 0), (at, h)),
            cell(area, (at, 0), (w - at, h)),
        )
    } else {
        let at = at.min(h);
        (
            cell(area, (0, 0), (w, at)),
            cell(area, (0, at), (w, h - at)),
        )
    }
}

/// `area` in `n` equal cells side by side (`across`) or stacked.
pub fn cells<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    n: usize,
    across: bool,
) -> Vec<DrawingArea<DB, Shift>> {
    let (w, h) = area.dim_in_pixel();
    let n = n.max(1) as u32;
    let length = if across { w } else { h };
    let edge = |i: u32| (u64::from(length) * u64::from(i) / u64::from(n)) as u32;
    (0..n)
        .map(|i| {
            let (start, size) = (edge(i), edge(i + 1) - edge(i));
            if across {
                cell(area, (start, 0), (size, h))
            } else {
                cell(area, (0, start), (w, size))
            }
        })
        .collect()
}

/// The part of `area` at `corner` with size `size`, in `area`'s pixels.
fn cell<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    corner: (u32, u32),
    size: (u32, u32),
) -> DrawingArea<DB, Shift> {
    area.clone().shrink(corner, size)
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

/// The room a chart leaves around its plotting rectangle, in CSS px: a margin on every
/// side, then the tick labels and titles on the left, at the bottom and (for a share axis)
/// on the right.
#[derive(Clone, Copy)]
pub struct Frame {
    /// Blank space on every side.
    pub margin: f64,
    /// Room for the y labels and title.
    pub left: f64,
    /// Room for the x labels and title.
    pub bottom: f64,
    /// Room for a share axis; 0 for none.
    pub right: f64,
}

impl Frame {
    /// A frame with no share axis.
    pub const fn new(margin: f64, left: f64, bottom: f64) -> Self {
        Frame {
            margin,
            left,
            bottom,
            right: 0.0,
        }
    }

    /// The same frame with `right` px for a share axis.
    pub const fn with_right(self, right: f64) -> Self {
        Frame { right, ..self }
    }
}

/// The plotting rectangle of a panel, in data coordinates.
pub type Plot<DB> = DrawingArea<DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// A chart: the plotting rectangle of a panel with its data ranges. On a log x axis the
/// plot's x coordinate is log₁₀ x; [`Chart::at`] maps data points onto it, and the drawing
/// methods do so themselves.
pub struct Chart<DB: DrawingBackend> {
    plot: Plot<DB>,
    x: core::ops::Range<f64>,
    y: core::ops::Range<f64>,
    log_x: bool,
}

impl<DB: DrawingBackend> Chart<DB> {
    /// A chart in `area` over `x` × `y`, framed by `frame`.
    pub fn new(
        area: &DrawingArea<DB, Shift>,
        theme: &Theme,
        frame: Frame,
        x: core::ops::Range<f64>,
        y: core::ops::Range<f64>,
    ) -> Self {
        let margin = theme.px(frame.margin);
        let plot = area.margin(
            margin,
            margin + theme.px(frame.bottom),
            margin + theme.px(frame.left),
            margin + theme.px(frame.right),
        );
        Self::on(plot, x, y, false)
    }

    /// The same chart with a logarithmic x axis over its x range (both ends positive).
    pub fn log_x(self) -> Self {
        let x = libm::log10(self.x.start)..libm::log10(self.x.end);
        Self::on(self.plot.strip_coord_spec(), x, self.y, true)
    }

    /// Data coordinates on the plotting rectangle `plot`.
    fn on(
        plot: DrawingArea<DB, Shift>,
        x: core::ops::Range<f64>,
        y: core::ops::Range<f64>,
        log_x: bool,
    ) -> Self {
        // Pixel ranges as plotters' chart builder sets them: the last row and column are
        // the plot's edge, and y grows upwards.
        let (mut xs, mut ys) = plot.get_pixel_range();
        xs.end = (xs.end - 1).max(xs.start);
        ys.end = (ys.end - 1).max(ys.start);
        let coord = Cartesian2d::<RangedCoordf64, RangedCoordf64>::new(
            x.clone(),
            y.clone(),
            (xs, ys.end..ys.start),
        );
        Chart {
            plot: plot.apply_coord_spec(coord),
            x,
            y,
            log_x,
        }
    }

    /// The x range in the plot's coordinate (log₁₀ x on a log axis).
    pub fn x_range(&self) -> core::ops::Range<f64> {
        self.x.clone()
    }

    /// The y range.
    pub fn y_range(&self) -> core::ops::Range<f64> {
        self.y.clone()
    }

    /// A data point in the plot's coordinates.
    pub fn at(&self, x: f64, y: f64) -> (f64, f64) {
        if self.log_x {
            (libm::log10(x), y)
        } else {
            (x, y)
        }
    }

    /// Data points in the plot's coordinates.
    fn placed(&self, points: impl IntoIterator<Item = (f64, f64)>) -> Vec<(f64, f64)> {
        points.into_iter().map(|(x, y)| self.at(x, y)).collect()
    }

    /// The backing-store pixel of a point in the plot's coordinates.
    fn pixel(&self, x: f64, y: f64) -> (i32, i32) {
        self.plot.map_coordinate(&(x, y))
    }

    /// The plotting rectangle in backing-store pixels: (left, top, right, bottom).
    fn rect(&self) -> (i32, i32, i32, i32) {
        let (xs, ys) = self.plot.get_pixel_range();
        (xs.start, ys.start, xs.end, ys.end)
    }

    /// Draws an element given in the plot's coordinates (see [`Chart::at`]).
    pub fn draw<E>(&self, element: &E) -> DrawResult<DB>
    where
        for<'b> &'b E: PointCollection<'b, (f64, f64)>,
        E: Drawable<DB>,
    {
        self.plot.draw(element)
    }

    /// A polyline through data points.
    pub fn line(
        &self,
        points: impl IntoIterator<Item = (f64, f64)>,
        style: ShapeStyle,
    ) -> DrawResult<DB> {
        self.plot
            .draw(&PathElement::new(self.placed(points), style))
    }

    /// A dashed polyline through data points: `dash` px drawn, `gap` px left out.
    pub fn dashed(
        &self,
        points: impl IntoIterator<Item = (f64, f64)>,
        dash: u32,
        gap: u32,
        style: ShapeStyle,
    ) -> DrawResult<DB> {
        self.plot.draw(&DashedPathElement::new(
            self.placed(points),
            dash,
            gap,
            style,
        ))
    }

    /// Where the plotting rectangle lies and what it shows, for pointer input.
    pub fn map(&self) -> PanelMap {
        let (left, top, right, bottom) = self.rect();
        PanelMap {
            left: f64::from(left),
            right: f64::from(right),
            top: f64::from(top),
            bottom: f64::from(bottom),
            x_min: self.x.start,
            x_max: self.x.end,
            y_min: self.y.start,
            y_max: self.y.end,
        }
    }
}

/// Draws the grid at labelled ticks, the axis lines, tick marks, tick labels and axis titles
/// of `chart` (built on `area`) in the project's style; numbers go through our own formatter.
pub fn draw_axes<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &Chart<DB>,
    theme: &Theme,
    axes: &Axes<'_>,
) -> DrawResult<DB> {
    let (bx, by) = area.get_base_pixel();
    let (left, top, right, bottom) = chart.rect();
    let (left, top, right, bottom) = (left - bx, top - by, right - bx, bottom - by);
    let (x_range, y_range) = (chart.x_range(), chart.y_range());
    let x_values = if chart.log_x {
        log_ticks(
            libm::pow(10.0, x_range.start),
            libm::pow(10.0, x_range.end),
            axes.x_labels,
        )
    } else {
        ticks(x_range.start, x_range.end, axes.x_labels)
    };
    let xs: Vec<(i32, f64)> = x_values
        .into_iter()
        .map(|v| (chart.pixel(chart.at(v, 0.0).0, y_range.start).0 - bx, v))
        .collect();
    let ys: Vec<(i32, f64)> = ticks(y_range.start, y_range.end, axes.y_labels)
        .into_iter()
        .map(|v| (chart.pixel(x_range.start, v).1 - by, v))
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

/// Labelled values on a linear axis over [lo, hi]: the multiples of the smallest step of
/// 1, 2 or 5 × 10ᵏ that gives at most `max` of them (plotters' rule for key points).
fn ticks(lo: f64, hi: f64, max: usize) -> Vec<f64> {
    let (lo, hi) = (lo.min(hi), lo.max(hi));
    let span = hi - lo;
    if !(span > 0.0 && span.is_finite()) || max == 0 {
        return vec![lo];
    }
    let count = |step: f64| libm::floor(hi / step + 1e-9) - libm::ceil(lo / step - 1e-9) + 1.0;
    let power = libm::pow(10.0, libm::floor(libm::log10(span)));
    let mut step = power * 10.0;
    'finer: for scale in [1.0, 0.1, 0.01] {
        for mantissa in [5.0, 2.0, 1.0] {
            let candidate = power * scale * mantissa;
            if count(candidate) > max as f64 {
                break 'finer;
            }
            step = candidate;
        }
    }
    let first = libm::ceil(lo / step - 1e-9) as i64;
    let last = libm::floor(hi / step + 1e-9) as i64;
    // A zero step count cannot happen (step ≤ 10^⌈log span⌉), but never loop without bound.
    (first..=last.min(first.saturating_add(100)))
        .map(|i| {
            let v = i as f64 * step;
            if v == 0.0 {
                0.0
            } else {
                v
            }
        })
        .collect()
}

/// Labelled values on a log axis over [lo, hi] (both positive): the powers of ten inside
/// (every k-th when more than `max`), or the 1-2-5 values when fewer than three powers fit
/// (e.g. 0.25 to 4 has only 1).
fn log_ticks(lo: f64, hi: f64, max: usize) -> Vec<f64> {
    let (lo, hi) = (lo.min(hi), lo.max(hi));
    if !(lo > 0.0 && hi.is_finite()) {
        return vec![lo];
    }
    let inside = |v: f64| v >= lo * (1.0 - 1e-9) && v <= hi * (1.0 + 1e-9);
    let first = libm::floor(libm::log10(lo)) as i32;
    let last = libm::ceil(libm::log10(hi)) as i32;
    let exponents = first..=last.min(first + 60);
    let powers: Vec<f64> = exponents
        .clone()
        .map(|e| libm::pow(10.0, f64::from(e)))
        .filter(|&v| inside(v))
        .collect();
    if powers.len() < 3 {
        let fine: Vec<f64> = exponents
            .flat_map(|e| [1.0, 2.0, 5.0].map(|m| m * libm::pow(10.0, f64::from(e))))
            .filter(|&v| inside(v))
            .collect();
        if fine.len() > powers.len() && fine.len() <= max.max(3) {
            return fine;
        }
    }
    let every = powers.len().div_ceil(max.max(1)).max(1);
    powers.into_iter().step_by(every).collect()
}

/// A second y axis on the right of `chart` for fractions 0..1 (drawn as percentages), with
/// an optional rotated title; series on it are mapped with [`to_primary`].
pub fn draw_share_axis<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &Chart<DB>,
    theme: &Theme,
    labels: usize,
    desc: Option<&str>,
) -> DrawResult<DB> {
    let (bx, by) = area.get_base_pixel();
    let (_, top, right, bottom) = chart.rect();
    let (top, right, bottom) = (top - by, right - bx, bottom - by);
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

/// Draws `text` at data point `at` of `chart` in `style`, moved the least that keeps its box
/// inside the plotting rectangle: an annotation near an edge (a blow-up at t ≈ 0, a curve
/// along the x axis) never prints over the tick labels outside it.
pub fn label<DB: DrawingBackend>(
    chart: &Chart<DB>,
    text: impl Into<String>,
    at: (f64, f64),
    style: TextStyle<'_>,
) -> DrawResult<DB> {
    label_clear_of(chart, &mut Placed::default(), text, at, style)
}

/// The boxes (left, top, right, bottom, in backing pixels) of the labels drawn so far on one
/// chart, so that the next keeps clear of them.
#[derive(Default)]
pub struct Placed(Vec<(i32, i32, i32, i32)>);

impl Placed {
    fn clear_of(&self, b: (i32, i32, i32, i32)) -> bool {
        self.0
            .iter()
            .all(|p| b.2 <= p.0 || p.2 <= b.0 || b.3 <= p.1 || p.3 <= b.1)
    }
}

/// Like [`label`], and also moved up or down by whole lines (nearest first) off the labels in
/// `placed`, to which it is added: curves that end close together keep readable labels.
pub fn label_clear_of<DB: DrawingBackend>(
    chart: &Chart<DB>,
    placed: &mut Placed,
    text: impl Into<String>,
    at: (f64, f64),
    style: TextStyle<'_>,
) -> DrawResult<DB> {
    placed_label(chart, placed, text.into(), at, style)
}

/// [`label_clear_of`] once for every kind of text it is given (a copy per text type was a
/// second copy of this body in the wasm).
fn placed_label<DB: DrawingBackend>(
    chart: &Chart<DB>,
    placed: &mut Placed,
    text: String,
    at: (f64, f64),
    style: TextStyle<'_>,
) -> DrawResult<DB> {
    let (x, y) = chart.at(at.0, at.1);
    let (px, py) = chart.pixel(x, y);
    let (w, h) = chart.plot.estimate_text_size(&text, &style)?;
    let (w, h) = (w as i32, h as i32);
    let (left, top, right, bottom) = chart.rect();
    let x0 = match style.pos.h_pos {
        HPos::Left => px,
        HPos::Center => px - w / 2,
        HPos::Right => px - w,
    };
    let y0 = match style.pos.v_pos {
        VPos::Top => py,
        VPos::Center => py - h / 2,
        VPos::Bottom => py - h,
    };
    // Into [lo, hi − size]; a box larger than the plot starts at its left (top) edge.
    let inside = |start: i32, size: i32, lo: i32, hi: i32| start.min(hi - size).max(lo);
    let x = inside(x0, w, left, right);
    let line = h + h / 4 + 1;
    let y = [0, -1, 1, -2, 2, -3, 3]
        .iter()
        .map(|k| inside(y0 + k * line, h, top, bottom))
        .find(|&y| placed.clear_of((x, y, x + w, y + h)))
        .unwrap_or(inside(y0, h, top, bottom));
    placed.0.push((x, y, x + w, y + h));
    let (bx, by) = chart.plot.get_base_pixel();
    chart.plot.strip_coord_spec().draw(&Text::new(
        text,
        (px + (x - x0) - bx, py + (y - y0) - by),
        style,
    ))
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

    fn close(got: &[f64], want: &[f64]) {
        assert_eq!(got.len(), want.len(), "{got:?} vs {want:?}");
        for (g, w) in got.iter().zip(want) {
            assert!(
                (g - w).abs() < 1e-9 * w.abs().max(1.0),
                "{got:?} vs {want:?}"
            );
        }
    }

    #[test]
    fn linear_ticks_take_the_finest_1_2_5_step_that_fits() {
        close(&ticks(0.0, 6.0, 7), &[0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0]);
        close(&ticks(0.0, 300.0, 6), &[0.0, 100.0, 200.0, 300.0]);
        close(&ticks(0.0, 1.0, 6), &[0.0, 0.2, 0.4, 0.6, 0.8, 1.0]);
        close(&ticks(-0.37, 1.42, 5), &[0.0, 0.5, 1.0]);
        close(&ticks(0.0, 2.4e-3, 3), &[0.0, 1e-3, 2e-3]);
        // Same as plotters' key points for the ranges the diagrams use.
        close(&ticks(0.0, 400.0, 5), &[0.0, 100.0, 200.0, 300.0, 400.0]);
        close(&ticks(0.0, 100.0, 6), &[0.0, 20.0, 40.0, 60.0, 80.0, 100.0]);
        // Degenerate ranges give their one value, never an endless loop.
        close(&ticks(2.0, 2.0, 5), &[2.0]);
        assert!(ticks(0.0, 1.0, 0).len() == 1);
        assert!(ticks(0.0, f64::MAX, 5).len() <= 5);
        // Extreme but finite ranges stay bounded (no overflow in the tick count).
        assert!(ticks(1e300, 1.0000001e300, 5).len() <= 101);
        assert!(ticks(-1e308, 1e308, 7).len() <= 7);
    }

    #[test]
    fn log_ticks_are_powers_of_ten_or_1_2_5_on_short_axes() {
        close(&log_ticks(0.01, 100.0, 5), &[0.01, 0.1, 1.0, 10.0, 100.0]);
        close(&log_ticks(0.01, 100.0, 3), &[0.01, 1.0, 100.0]);
        // 0.25 to 4 holds only the power 1: label 0.5, 1 and 2 instead.
        close(&log_ticks(0.25, 4.0, 5), &[0.5, 1.0, 2.0]);
        close(&log_ticks(-1.0, 1.0, 5), &[-1.0]);
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
