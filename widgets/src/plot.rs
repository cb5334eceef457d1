//! Drawing pieces every diagram shares: a styled chart frame and polyline clipping.

use crate::spec::format_number;
use crate::theme::Theme;
use plotters::coord::Shift;
use plotters::prelude::*;

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

/// Draws axes, light grid and axis titles in the project's style.
pub fn style_mesh<DB: DrawingBackend, X, Y>(
    chart: &mut ChartContext<'_, DB, Cartesian2d<X, Y>>,
    theme: &Theme,
    x_desc: &str,
    y_desc: &str,
    x_labels: usize,
    y_labels: usize,
) -> DrawResult<DB>
where
    X: plotters::coord::ranged1d::Ranged<ValueType = f64>
        + plotters::coord::ranged1d::ValueFormatter<f64>,
    Y: plotters::coord::ranged1d::Ranged<ValueType = f64>
        + plotters::coord::ranged1d::ValueFormatter<f64>,
{
    let fmt = |v: &f64| format_number(*v);
    chart
        .configure_mesh()
        .light_line_style(TRANSPARENT)
        .bold_line_style(theme.grid.stroke_width(theme.upx(1.0)))
        .axis_style(theme.muted.stroke_width(theme.upx(1.0)))
        .x_labels(x_labels)
        .y_labels(y_labels)
        .x_label_formatter(&fmt)
        .y_label_formatter(&fmt)
        .label_style(theme.text(12.0, theme.muted))
        .axis_desc_style(theme.text(13.0, theme.fg))
        .x_desc(x_desc)
        .y_desc(y_desc)
        .set_all_tick_mark_size(theme.px(3.0))
        .draw()
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
