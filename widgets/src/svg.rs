//! The SVG surface: plotters' primitives as SVG elements, in CSS pixels with sub-pixel
//! coordinates (backend units / [`SUB`]), so the exported figure is the canvas figure: the
//! same curves, the same font sizes, the same colours.

use crate::backend::{fixed, push_integer, Pen, Surface, SurfaceError, Type, SUB};
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{BackendColor, BackendCoord, DrawingErrorKind, FontStyle, FontTransform};

type Drawn = Result<(), DrawingErrorKind<SurfaceError>>;

/// An SVG document of `width` × `height` CSS pixels, written into a `String`.
pub struct SvgSurface {
    out: String,
    size: (u32, u32),
}

const UNIT: f64 = SUB as f64;

/// `text` safe in SVG text and double-quoted attributes.
fn escape(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
}

impl SvgSurface {
    /// An empty document of `width` × `height` CSS pixels.
    pub fn new(width: u32, height: u32) -> Self {
        let mut out = String::from("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"");
        push_integer(&mut out, u64::from(width));
        out.push_str("\" height=\"");
        push_integer(&mut out, u64::from(height));
        out.push_str("\" viewBox=\"0 0 ");
        push_integer(&mut out, u64::from(width));
        out.push(' ');
        push_integer(&mut out, u64::from(height));
        out.push_str("\">\n");
        SvgSurface {
            out,
            size: (
                width.saturating_mul(SUB as u32),
                height.saturating_mul(SUB as u32),
            ),
        }
    }

    /// The finished document.
    pub fn finish(mut self) -> String {
        self.out.push_str("</svg>\n");
        self.out
    }

    /// ` name="value"` with a coordinate in CSS pixels.
    fn coord(&mut self, name: &str, units: f64) {
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
        fixed(&mut self.out, units / UNIT, 3);
        self.out.push('"');
    }

    /// ` fill="#rrggbb"` (or stroke) with its opacity when not opaque.
    fn paint(&mut self, what: &str, color: BackendColor) {
        let (r, g, b) = color.rgb;
        self.out.push(' ');
        self.out.push_str(what);
        self.out.push_str("=\"#");
        for c in [r, g, b] {
            for nibble in [c >> 4, c & 15] {
                self.out
                    .push(char::from_digit(u32::from(nibble), 16).unwrap_or('0'));
            }
        }
        self.out.push('"');
        if color.alpha < 1.0 {
            self.out.push(' ');
            self.out.push_str(what);
            self.out.push_str("-opacity=\"");
            fixed(&mut self.out, color.alpha, 3);
            self.out.push('"');
        }
    }

    fn stroke(&mut self, pen: Pen) {
        self.paint("stroke", pen.color);
        self.coord("stroke-width", f64::from(pen.width));
    }

    /// A shape's paint, filled or outlined, and the end of its element.
    fn fill_or_stroke(&mut self, pen: Pen, fill: bool) {
        if fill {
            self.paint("fill", pen.color);
        } else {
            self.out.push_str(" fill=\"none\"");
            self.stroke(pen);
        }
        self.out.push_str("/>\n");
    }

    fn points(&mut self, points: &[BackendCoord]) {
        self.out.push_str(" points=\"");
        for (i, p) in points.iter().enumerate() {
            if i > 0 {
                self.out.push(' ');
            }
            fixed(&mut self.out, f64::from(p.0) / UNIT, 3);
            self.out.push(',');
            fixed(&mut self.out, f64::from(p.1) / UNIT, 3);
        }
        self.out.push('"');
    }
}

impl Surface for SvgSurface {
    fn size(&self) -> (u32, u32) {
        self.size
    }

    fn pixel(&mut self, p: BackendCoord, color: BackendColor) -> Drawn {
        self.rect(p, (p.0 + SUB, p.1 + SUB), Pen { color, width: 0 }, true)
    }

    fn line(&mut self, a: BackendCoord, b: BackendCoord, pen: Pen) -> Drawn {
        if pen.color.alpha > 0.0 {
            self.out.push_str("<line");
            self.coord("x1", f64::from(a.0));
            self.coord("y1", f64::from(a.1));
            self.coord("x2", f64::from(b.0));
            self.coord("y2", f64::from(b.1));
            self.stroke(pen);
            self.out.push_str("/>\n");
        }
        Ok(())
    }

    fn rect(&mut self, a: BackendCoord, b: BackendCoord, pen: Pen, fill: bool) -> Drawn {
        if pen.color.alpha > 0.0 {
            self.out.push_str("<rect");
            self.coord("x", f64::from(a.0.min(b.0)));
            self.coord("y", f64::from(a.1.min(b.1)));
            self.coord("width", f64::from((b.0 - a.0).abs()));
            self.coord("height", f64::from((b.1 - a.1).abs()));
            self.fill_or_stroke(pen, fill);
        }
        Ok(())
    }

    fn path(&mut self, points: &[BackendCoord], pen: Pen) -> Drawn {
        if pen.color.alpha > 0.0 && points.len() > 1 {
            self.out
                .push_str("<polyline fill=\"none\" stroke-linejoin=\"round\"");
            self.stroke(pen);
            self.points(points);
            self.out.push_str("/>\n");
        }
        Ok(())
    }

    fn circle(&mut self, c: BackendCoord, r: u32, pen: Pen, fill: bool) -> Drawn {
        if pen.color.alpha > 0.0 {
            self.out.push_str("<circle");
            self.coord("cx", f64::from(c.0));
            self.coord("cy", f64::from(c.1));
            self.coord("r", f64::from(r));
            self.fill_or_stroke(pen, fill);
        }
        Ok(())
    }

    fn polygon(&mut self, points: &[BackendCoord], pen: Pen) -> Drawn {
        if pen.color.alpha > 0.0 && points.len() > 2 {
            self.out.push_str("<polygon");
            self.paint("fill", pen.color);
            self.points(points);
            self.out.push_str("/>\n");
        }
        Ok(())
    }

    fn text(&mut self, text: &str, style: &Type, pos: BackendCoord) -> Drawn {
        if style.color.alpha <= 0.0 {
            return Ok(());
        }
        self.out.push_str("<text");
        self.coord("x", f64::from(pos.0));
        self.coord("y", f64::from(pos.1));
        // The canvas's text baselines, in SVG terms.
        self.out.push_str(match style.anchor.v_pos {
            VPos::Top => " dominant-baseline=\"text-before-edge\"",
            VPos::Center => " dominant-baseline=\"central\"",
            VPos::Bottom => " dominant-baseline=\"text-after-edge\"",
        });
        self.out.push_str(match style.anchor.h_pos {
            HPos::Left => " text-anchor=\"start\"",
            HPos::Right => " text-anchor=\"end\"",
            HPos::Center => " text-anchor=\"middle\"",
        });
        self.out.push_str(" font-family=\"");
        escape(&mut self.out, &style.family);
        self.out.push('"');
        self.coord("font-size", style.size);
        match style.style {
            FontStyle::Bold => self.out.push_str(" font-weight=\"bold\""),
            FontStyle::Italic => self.out.push_str(" font-style=\"italic\""),
            _ => {}
        }
        self.paint("fill", style.color);
        let degrees = match style.transform {
            FontTransform::Rotate90 => "90",
            FontTransform::Rotate180 => "180",
            FontTransform::Rotate270 => "270",
            _ => "",
        };
        if !degrees.is_empty() {
            self.out.push_str(" transform=\"rotate(");
            self.out.push_str(degrees);
            self.out.push(' ');
            fixed(&mut self.out, f64::from(pos.0) / UNIT, 3);
            self.out.push(' ');
            fixed(&mut self.out, f64::from(pos.1) / UNIT, 3);
            self.out.push_str(")\"");
        }
        self.out.push('>');
        escape(&mut self.out, text);
        self.out.push_str("</text>\n");
        Ok(())
    }

    fn present(&mut self) -> Drawn {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coordinates_keep_their_sixteenths_and_text_is_escaped() {
        let mut svg = SvgSurface::new(10, 10);
        let pen = Pen {
            color: BackendColor {
                alpha: 1.0,
                rgb: (0, 0x72, 0xb2),
            },
            width: 24,
        };
        svg.path(&[(0, 0), (25, 40)], pen).ok();
        let doc = svg.finish();
        assert!(doc.contains("points=\"0,0 1.563,2.5\""), "{doc}");
        assert!(
            doc.contains("stroke=\"#0072b2\" stroke-width=\"1.5\""),
            "{doc}"
        );
        let mut out = String::new();
        escape(&mut out, "<b>\"x\" & y</b>");
        assert_eq!(out, "&lt;b&gt;&quot;x&quot; &amp; y&lt;/b&gt;");
    }
}
