//! The canvas surface: plotters' primitives as Canvas 2D path calls. Coordinates arrive in
//! [`SUB`]-ths of a device pixel and the context is scaled by 1/[`SUB`], so a curve is
//! stroked through its sub-pixel points (smooth at any zoom) rather than rounded to whole
//! pixels; axis and grid lines are snapped to the pixel grid so they stay crisp.

use crate::backend::{css_color, css_font, Pen, Surface, SurfaceError, Type, SUB};
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{BackendColor, BackendCoord, DrawingErrorKind, FontTransform};
use web_sys::CanvasRenderingContext2d;

type Drawn = Result<(), DrawingErrorKind<SurfaceError>>;

/// A canvas's 2D context of `width` × `height` device pixels, drawn in backend units.
pub struct CanvasSurface {
    context: CanvasRenderingContext2d,
    size: (u32, u32),
}

fn failed(e: wasm_bindgen::JsValue) -> DrawingErrorKind<SurfaceError> {
    DrawingErrorKind::DrawingError(SurfaceError(
        e.as_string()
            .unwrap_or_else(|| "the canvas refused a drawing call".into()),
    ))
}

const UNIT: f64 = SUB as f64;

/// A coordinate in device pixels, moved to the middle of a pixel when a line of `width`
/// device pixels would otherwise straddle two (odd widths), so it is drawn crisp.
fn snapped(units: i32, width: f64) -> f64 {
    let px = f64::from(units) / UNIT;
    let odd = (width.round() as i64) % 2 == 1;
    (if odd { px.floor() + 0.5 } else { px.round() }) * UNIT
}

impl CanvasSurface {
    /// Draws on `context`, whose canvas is `width` × `height` device pixels.
    pub fn new(
        context: CanvasRenderingContext2d,
        width: u32,
        height: u32,
    ) -> Result<Self, SurfaceError> {
        context
            .set_transform(1.0 / UNIT, 0.0, 0.0, 1.0 / UNIT, 0.0, 0.0)
            .map_err(|e| SurfaceError(e.as_string().unwrap_or_default()))?;
        context.set_line_join("round");
        Ok(CanvasSurface {
            context,
            size: (
                width.saturating_mul(SUB as u32),
                height.saturating_mul(SUB as u32),
            ),
        })
    }

    fn stroke_style(&self, pen: Pen) {
        self.context.set_stroke_style_str(&css_color(pen.color));
        self.context.set_line_width(f64::from(pen.width));
    }

    fn trace(&self, points: &[BackendCoord]) {
        self.context.begin_path();
        if let Some((first, rest)) = points.split_first() {
            self.context.move_to(f64::from(first.0), f64::from(first.1));
            for p in rest {
                self.context.line_to(f64::from(p.0), f64::from(p.1));
            }
        }
    }
}

fn visible(color: BackendColor) -> bool {
    color.alpha > 0.0
}

impl Surface for CanvasSurface {
    fn size(&self) -> (u32, u32) {
        self.size
    }

    fn pixel(&mut self, p: BackendCoord, color: BackendColor) -> Drawn {
        if visible(color) {
            self.context.set_fill_style_str(&css_color(color));
            self.context
                .fill_rect(f64::from(p.0), f64::from(p.1), UNIT, UNIT);
        }
        Ok(())
    }

    fn line(&mut self, a: BackendCoord, b: BackendCoord, pen: Pen) -> Drawn {
        if !visible(pen.color) {
            return Ok(());
        }
        self.stroke_style(pen);
        let width = f64::from(pen.width) / UNIT;
        let (mut a, mut b) = (
            (f64::from(a.0), f64::from(a.1)),
            (f64::from(b.0), f64::from(b.1)),
        );
        if a.0 == b.0 {
            a.0 = snapped(a.0 as i32, width);
            b.0 = a.0;
        }
        if a.1 == b.1 {
            a.1 = snapped(a.1 as i32, width);
            b.1 = a.1;
        }
        self.context.begin_path();
        self.context.move_to(a.0, a.1);
        self.context.line_to(b.0, b.1);
        self.context.stroke();
        Ok(())
    }

    fn rect(&mut self, a: BackendCoord, b: BackendCoord, pen: Pen, fill: bool) -> Drawn {
        if !visible(pen.color) {
            return Ok(());
        }
        let (x, y, w, h) = (
            f64::from(a.0),
            f64::from(a.1),
            f64::from(b.0 - a.0),
            f64::from(b.1 - a.1),
        );
        if fill {
            self.context.set_fill_style_str(&css_color(pen.color));
            self.context.fill_rect(x, y, w, h);
        } else {
            self.stroke_style(pen);
            let width = f64::from(pen.width) / UNIT;
            let (x0, y0) = (snapped(a.0, width), snapped(a.1, width));
            let (x1, y1) = (snapped(b.0, width), snapped(b.1, width));
            self.context.stroke_rect(x0, y0, x1 - x0, y1 - y0);
        }
        Ok(())
    }

    fn path(&mut self, points: &[BackendCoord], pen: Pen) -> Drawn {
        if visible(pen.color) && points.len() > 1 {
            self.stroke_style(pen);
            self.trace(points);
            self.context.stroke();
        }
        Ok(())
    }

    fn circle(&mut self, c: BackendCoord, r: u32, pen: Pen, fill: bool) -> Drawn {
        if !visible(pen.color) {
            return Ok(());
        }
        self.context.begin_path();
        self.context
            .arc(
                f64::from(c.0),
                f64::from(c.1),
                f64::from(r),
                0.0,
                core::f64::consts::TAU,
            )
            .map_err(failed)?;
        if fill {
            self.context.set_fill_style_str(&css_color(pen.color));
            self.context.fill();
        } else {
            self.stroke_style(pen);
            self.context.stroke();
        }
        Ok(())
    }

    fn polygon(&mut self, points: &[BackendCoord], pen: Pen) -> Drawn {
        if visible(pen.color) && points.len() > 2 {
            self.context.set_fill_style_str(&css_color(pen.color));
            self.trace(points);
            self.context.close_path();
            self.context.fill();
        }
        Ok(())
    }

    fn text(&mut self, text: &str, style: &Type, pos: BackendCoord) -> Drawn {
        if !visible(style.color) {
            return Ok(());
        }
        let turn = match style.transform {
            FontTransform::Rotate90 => 0.25,
            FontTransform::Rotate180 => 0.5,
            FontTransform::Rotate270 => 0.75,
            _ => 0.0,
        };
        let (mut x, mut y) = (f64::from(pos.0), f64::from(pos.1));
        if turn != 0.0 {
            self.context.save();
            self.context.translate(x, y).map_err(failed)?;
            self.context
                .rotate(turn * core::f64::consts::TAU)
                .map_err(failed)?;
            (x, y) = (0.0, 0.0);
        }
        self.context.set_text_baseline(match style.anchor.v_pos {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        });
        self.context.set_text_align(match style.anchor.h_pos {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "center",
        });
        self.context.set_fill_style_str(&css_color(style.color));
        self.context.set_font(&css_font(style));
        let drawn = self.context.fill_text(text, x, y).map_err(failed);
        if turn != 0.0 {
            self.context.restore();
        }
        drawn
    }

    fn present(&mut self) -> Drawn {
        // Back to device pixels for whoever uses the context next (clearing, the shim).
        self.context
            .set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
            .map_err(failed)
    }
}
