//! One drawing surface for every backend. The diagrams draw on [`Measured`], which forwards
//! to a `dyn Surface`: the drawing code is compiled once however many backends there are
//! (canvas and SVG), and text is measured through a function we supply, so plotters never
//! measures text by inserting styled elements into the page (slow, and refused by a strict
//! Content-Security-Policy).

use plotters_backend::text_anchor::Pos;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontFamily, FontStyle, FontTransform,
};
use std::fmt;

pub use crate::canvas::CanvasSurface;
pub use crate::svg::SvgSurface;

/// Backend units per device pixel. The diagrams lay out in these units (a theme's scale
/// includes them), so every coordinate plotters hands a surface is an integer number of
/// sixteenths of a pixel: curves are stroked at sub-pixel precision, not in whole-pixel steps.
pub const SUB: i32 = 16;

/// `value` in decimal with at most `decimals` digits after the point, trailing zeros dropped
/// (integer arithmetic: no float formatting machinery in the wasm for a colour or a size).
pub fn fixed(out: &mut String, value: f64, decimals: u32) {
    // Writing into a String cannot fail.
    let _ = growth_model::format::write_fixed(out, value, decimals, true);
}

/// A non-negative integer in decimal.
pub fn push_integer(out: &mut String, n: u64) {
    use core::fmt::Write;
    let _ = write!(out, "{n}");
}

/// A colour as CSS `rgba(r,g,b,a)`.
pub fn css_color(color: BackendColor) -> String {
    let (r, g, b) = color.rgb;
    let mut out = String::from("rgba(");
    for c in [r, g, b] {
        push_integer(&mut out, u64::from(c));
        out.push(',');
    }
    fixed(&mut out, color.alpha, 3);
    out.push(')');
    out
}

/// Text measurement: (text, CSS font, size in px) → (width, height) in the backend's pixels.
pub type Measure<'a> = &'a dyn Fn(&str, &str, f64) -> (u32, u32);

/// A drawing error, as text.
#[derive(Debug)]
pub struct SurfaceError(pub String);

impl fmt::Display for SurfaceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for SurfaceError {}

type Drawn = Result<(), DrawingErrorKind<SurfaceError>>;

/// A stroke or fill: colour and width.
#[derive(Clone, Copy)]
pub struct Pen {
    pub(crate) color: BackendColor,
    pub(crate) width: u32,
}

impl BackendStyle for Pen {
    fn color(&self) -> BackendColor {
        self.color
    }
    fn stroke_width(&self) -> u32 {
        self.width
    }
}

impl Pen {
    fn of<S: BackendStyle>(style: &S) -> Pen {
        Pen {
            color: style.color(),
            width: style.stroke_width(),
        }
    }
}

/// A text style with everything resolved.
#[derive(Clone)]
pub struct Type {
    pub(crate) family: String,
    pub(crate) size: f64,
    pub(crate) style: FontStyle,
    pub(crate) color: BackendColor,
    pub(crate) anchor: Pos,
    pub(crate) transform: FontTransform,
}

impl Type {
    fn of<S: BackendTextStyle>(style: &S) -> Type {
        Type {
            family: style.family().as_str().to_string(),
            size: style.size(),
            style: style.style(),
            color: style.color(),
            anchor: style.anchor(),
            transform: style.transform(),
        }
    }
}

impl BackendTextStyle for Type {
    type FontError = SurfaceError;
    fn color(&self) -> BackendColor {
        self.color
    }
    fn size(&self) -> f64 {
        self.size
    }
    fn transform(&self) -> FontTransform {
        self.transform.clone()
    }
    fn style(&self) -> FontStyle {
        self.style
    }
    fn anchor(&self) -> Pos {
        self.anchor
    }
    fn family(&self) -> FontFamily<'_> {
        FontFamily::Name(&self.family)
    }
    fn layout_box(&self, text: &str) -> Result<((i32, i32), (i32, i32)), SurfaceError> {
        let (w, h) = estimate_text(text, self.size);
        Ok(((0, 0), (w as i32, h as i32)))
    }
    fn draw<E, F: FnMut(i32, i32, BackendColor) -> Result<(), E>>(
        &self,
        _text: &str,
        _pos: BackendCoord,
        _draw: F,
    ) -> Result<Result<(), E>, SurfaceError> {
        // Canvas and SVG draw text themselves; nothing rasterizes glyphs here.
        Ok(Ok(()))
    }
}

/// What a backend can do, without generics, so it can sit behind `dyn`.
pub trait Surface {
    /// Size in pixels.
    fn size(&self) -> (u32, u32);
    /// One pixel.
    fn pixel(&mut self, p: BackendCoord, color: BackendColor) -> Drawn;
    /// A line.
    fn line(&mut self, a: BackendCoord, b: BackendCoord, pen: Pen) -> Drawn;
    /// A rectangle.
    fn rect(&mut self, a: BackendCoord, b: BackendCoord, pen: Pen, fill: bool) -> Drawn;
    /// A polyline.
    fn path(&mut self, points: &[BackendCoord], pen: Pen) -> Drawn;
    /// A circle.
    fn circle(&mut self, c: BackendCoord, r: u32, pen: Pen, fill: bool) -> Drawn;
    /// A filled polygon.
    fn polygon(&mut self, points: &[BackendCoord], pen: Pen) -> Drawn;
    /// Text.
    fn text(&mut self, text: &str, style: &Type, pos: BackendCoord) -> Drawn;
    /// Flushes the drawing.
    fn present(&mut self) -> Drawn;
}

/// The one backend the diagrams draw on: a surface plus text measurement.
pub struct Measured<'a> {
    /// Where the drawing goes.
    pub surface: &'a mut dyn Surface,
    /// Text measurement.
    pub measure: Measure<'a>,
}

/// The CSS font shorthand for `style` (its size in backend units).
pub fn css_font<S: BackendTextStyle>(style: &S) -> String {
    let mut font = String::from(style.style().as_str());
    font.push(' ');
    fixed(&mut font, style.size(), 2);
    font.push_str("px ");
    font.push_str(style.family().as_str());
    font
}

/// A width estimate for when no canvas is at hand (host tests, build-time figures): 0.55 em per character.
pub fn estimate_text(text: &str, size: f64) -> (u32, u32) {
    (
        (text.chars().count() as f64 * size * 0.55).ceil() as u32,
        size.ceil() as u32,
    )
}

impl DrawingBackend for Measured<'_> {
    type ErrorType = SurfaceError;

    fn get_size(&self) -> (u32, u32) {
        self.surface.size()
    }
    fn ensure_prepared(&mut self) -> Drawn {
        Ok(())
    }
    fn present(&mut self) -> Drawn {
        self.surface.present()
    }
    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Drawn {
        self.surface.pixel(point, color)
    }
    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Drawn {
        self.surface.line(from, to, Pen::of(style))
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Drawn {
        self.surface
            .rect(upper_left, bottom_right, Pen::of(style), fill)
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Drawn {
        let points: Vec<BackendCoord> = path.into_iter().collect();
        self.surface.path(&points, Pen::of(style))
    }
    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Drawn {
        self.surface.circle(center, radius, Pen::of(style), fill)
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Drawn {
        let points: Vec<BackendCoord> = vert.into_iter().collect();
        self.surface.polygon(&points, Pen::of(style))
    }
    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Drawn {
        self.surface.text(text, &Type::of(style), pos)
    }
    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<SurfaceError>> {
        Ok((self.measure)(text, &css_font(style), style.size()))
    }
}
