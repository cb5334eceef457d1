//! Shared by the host tests: every kind's parameter extremes, and a render of a diagram into
//! plotters' SVG backend (the static export's path) that also records each text it draws.
#![allow(dead_code)]

use growth_widgets::backend::{
    estimate_text, Measured, Pen, Surface, SurfaceError, SvgSurface, Type, SUB,
};
use growth_widgets::spec::{InputError, KindSpec, Params};
use growth_widgets::theme::Theme;
use growth_widgets::{find_kind, Diagram};
use plotters::prelude::IntoDrawingArea;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendTextStyle, DrawingErrorKind, FontTransform,
};

type Drawn = Result<(), DrawingErrorKind<SurfaceError>>;

/// The diagram of `spec`'s kind built from `params`, through the registry.
pub fn build(spec: &KindSpec, params: &Params) -> Result<Box<dyn Diagram>, InputError> {
    (find_kind(spec.kind)?.build)(params)
}

/// Width of the static figures the build writes (`scripts/build.mjs`: `figure_svg(720, height)`).
pub const FIGURE_WIDTH: u32 = 720;

/// The representable extremes of one parameter inside its declared range: both ends, and where
/// the range holds 0, ±0 and the subnormals and smallest normals either side of it.
pub fn extremes(min: f64, max: f64) -> Vec<f64> {
    let mut values = vec![min, max];
    for v in [
        0.0,
        -0.0,
        5e-324,
        -5e-324,
        1e-320,
        -1e-320,
        f64::MIN_POSITIVE,
        -f64::MIN_POSITIVE,
    ] {
        if v >= min && v <= max {
            values.push(v);
        }
    }
    // The next representable values inside each end.
    values.push(next_toward(min, max));
    values.push(next_toward(max, min));
    values.retain(|v| *v >= min && *v <= max);
    values
}

/// The representable value after `from` in the direction of `to`.
fn next_toward(from: f64, to: f64) -> f64 {
    if from == to {
        return from;
    }
    if from == 0.0 {
        return if to > 0.0 { 5e-324 } else { -5e-324 };
    }
    // Away from zero is one more in the bits' magnitude, toward zero one less.
    let away = (to > from) == (from > 0.0);
    f64::from_bits(if away {
        from.to_bits() + 1
    } else {
        from.to_bits() - 1
    })
}

/// Every corner of a kind's parameter box (each parameter at its minimum or maximum).
pub fn corners(spec: &'static KindSpec) -> Vec<Params<'static>> {
    let n = spec.params.len();
    (0..1u32 << n)
        .map(|mask| {
            let mut params = Params::defaults(spec);
            for (i, p) in spec.params.iter().enumerate() {
                let v = if mask & (1 << i) != 0 { p.max } else { p.min };
                params.set(p.name, v).expect("a declared end is valid");
            }
            params
        })
        .collect()
}

/// One text the figure drew: its words, and its box in pixels as estimated from the font size
/// and character count (the same estimate `figure_svg` lays text out with).
#[derive(Debug, Clone)]
pub struct TextBox {
    pub text: String,
    pub left: f64,
    pub top: f64,
    pub right: f64,
    pub bottom: f64,
}

impl TextBox {
    fn of(text: &str, style: &Type, (x, y): BackendCoord) -> TextBox {
        let (w, h) = estimate_text(text, style.size());
        let (w, h) = (f64::from(w), f64::from(h));
        let anchor = style.anchor();
        // Offsets of the box from the anchor point along the text's own axes.
        let dx = match anchor.h_pos {
            HPos::Left => 0.0,
            HPos::Center => -w / 2.0,
            HPos::Right => -w,
        };
        let dy = match anchor.v_pos {
            VPos::Top => 0.0,
            VPos::Center => -h / 2.0,
            VPos::Bottom => -h,
        };
        // Backend units to pixels.
        let unit = f64::from(SUB);
        let (w, h, dx, dy) = (w / unit, h / unit, dx / unit, dy / unit);
        let (x, y) = (f64::from(x) / unit, f64::from(y) / unit);
        // Corners (dx, dy) and (dx + w, dy + h), turned with the text about the anchor.
        let turn = |(u, v): (f64, f64)| match style.transform() {
            FontTransform::None => (u, v),
            FontTransform::Rotate90 => (-v, u),
            FontTransform::Rotate180 => (-u, -v),
            FontTransform::Rotate270 => (v, -u),
        };
        let (a, b) = (turn((dx, dy)), turn((dx + w, dy + h)));
        TextBox {
            text: text.to_string(),
            left: x + a.0.min(b.0),
            right: x + a.0.max(b.0),
            top: y + a.1.min(b.1),
            bottom: y + a.1.max(b.1),
        }
    }

    /// True when the two boxes share more than a pixel's overlap in both directions.
    pub fn overlaps(&self, other: &TextBox) -> bool {
        let w = self.right.min(other.right) - self.left.max(other.left);
        let h = self.bottom.min(other.bottom) - self.top.max(other.top);
        w > 1.0 && h > 1.0
    }
}

/// A surface that forwards to another and keeps every text it is given.
struct Recorder<'a> {
    inner: &'a mut dyn Surface,
    texts: Vec<TextBox>,
}

impl Surface for Recorder<'_> {
    fn size(&self) -> (u32, u32) {
        self.inner.size()
    }
    fn pixel(&mut self, p: BackendCoord, color: BackendColor) -> Drawn {
        self.inner.pixel(p, color)
    }
    fn line(&mut self, a: BackendCoord, b: BackendCoord, pen: Pen) -> Drawn {
        self.inner.line(a, b, pen)
    }
    fn rect(&mut self, a: BackendCoord, b: BackendCoord, pen: Pen, fill: bool) -> Drawn {
        self.inner.rect(a, b, pen, fill)
    }
    fn path(&mut self, points: &[BackendCoord], pen: Pen) -> Drawn {
        self.inner.path(points, pen)
    }
    fn circle(&mut self, c: BackendCoord, r: u32, pen: Pen, fill: bool) -> Drawn {
        self.inner.circle(c, r, pen, fill)
    }
    fn polygon(&mut self, points: &[BackendCoord], pen: Pen) -> Drawn {
        self.inner.polygon(points, pen)
    }
    fn text(&mut self, text: &str, style: &Type, pos: BackendCoord) -> Drawn {
        if !text.trim().is_empty() {
            self.texts.push(TextBox::of(text, style, pos));
        }
        self.inner.text(text, style, pos)
    }
    fn present(&mut self) -> Drawn {
        self.inner.present()
    }
}

/// The static SVG export of `diagram` at `width` × `height` (light theme, estimated text), with
/// the boxes of every text drawn; `Err` with the drawing error's text.
pub fn render_svg(
    diagram: &dyn Diagram,
    width: u32,
    height: u32,
) -> Result<(String, Vec<TextBox>), String> {
    let mut backend = SvgSurface::new(width, height);
    let texts = {
        let mut recorder = Recorder {
            inner: &mut backend,
            texts: Vec::new(),
        };
        let measure = |text: &str, _font: &str, size: f64| estimate_text(text, size);
        {
            let root = Measured {
                surface: &mut recorder,
                measure: &measure,
            }
            .into_drawing_area();
            diagram
                .draw(&root, &Theme::light(1.0))
                .map_err(|e| e.to_string())?;
            root.present().map_err(|e| e.to_string())?;
        }
        recorder.texts
    };
    Ok((backend.finish(), texts))
}

/// Pairs of texts whose boxes overlap, or that stick out of the figure, in words.
pub fn overlaps(texts: &[TextBox], width: u32, height: u32) -> Vec<String> {
    let mut found = Vec::new();
    for (i, a) in texts.iter().enumerate() {
        if a.left < -1.0
            || a.top < -1.0
            || a.right > f64::from(width) + 1.0
            || a.bottom > f64::from(height) + 1.0
        {
            found.push(format!("{:?} leaves the figure: {a:?}", a.text));
        }
        for b in &texts[i + 1..] {
            if a.overlaps(b) {
                found.push(format!("{:?} overlaps {:?}: {a:?} / {b:?}", a.text, b.text));
            }
        }
    }
    found
}

/// "name=value …" for messages.
pub fn describe(params: &Params<'_>) -> String {
    params
        .iter()
        .map(|(n, v)| format!("{n}={v:e}"))
        .collect::<Vec<_>>()
        .join(" ")
}
