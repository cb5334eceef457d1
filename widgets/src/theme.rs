//! Colours and sizes for one render: CSS custom properties read by the shim, scaled by the
//! device pixel ratio because plotters-canvas draws in backing-store pixels.

use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::RGBColor;

/// Colours as CSS strings, as the shim reads them from `--growth-widget-*` properties.
#[derive(Debug, Default)]
pub struct ThemeInput {
    /// Text and axes.
    pub fg: String,
    /// Secondary text, ghost curves.
    pub muted: String,
    /// Figure background.
    pub bg: String,
    /// Grid lines.
    pub grid: String,
    /// Highlight (the draggable point, current regime).
    pub accent: String,
    /// Series colours, in order.
    pub series: Vec<String>,
    /// CSS font family.
    pub font: String,
}

/// Resolved drawing style for one frame.
#[derive(Debug, Clone)]
pub struct Theme {
    /// Text and axes.
    pub fg: RGBColor,
    /// Secondary text, ghost curves.
    pub muted: RGBColor,
    /// Figure background.
    pub bg: RGBColor,
    /// Grid lines.
    pub grid: RGBColor,
    /// Highlight colour.
    pub accent: RGBColor,
    /// Series colours (Okabe–Ito by default: distinguishable with colour-blindness).
    pub series: [RGBColor; 4],
    /// CSS font family for all text.
    pub font: String,
    /// Device pixels per CSS pixel.
    pub scale: f64,
}

/// Parses `#rgb`, `#rrggbb` or `rgb(r, g, b)`; `None` for anything else.
pub fn parse_color(text: &str) -> Option<RGBColor> {
    let t = text.trim();
    if let Some(hex) = t.strip_prefix('#') {
        let digits: Vec<u8> = hex
            .chars()
            .map(|c| c.to_digit(16).map(|d| d as u8))
            .collect::<Option<_>>()?;
        return match digits.len() {
            3 => Some(RGBColor(digits[0] * 17, digits[1] * 17, digits[2] * 17)),
            6 => Some(RGBColor(
                digits[0] * 16 + digits[1],
                digits[2] * 16 + digits[3],
                digits[4] * 16 + digits[5],
            )),
            _ => None,
        };
    }
    let inner = t
        .strip_prefix("rgba(")
        .or_else(|| t.strip_prefix("rgb("))?
        .strip_suffix(')')?;
    let mut parts = inner.split([',', ' ', '/']).filter(|s| !s.is_empty());
    let mut channel =
        || growth_model::parse_decimal(parts.next()?.trim()).map(|v| v.clamp(0.0, 255.0) as u8);
    Some(RGBColor(channel()?, channel()?, channel()?))
}

impl Theme {
    /// The light theme used when the page sets nothing.
    pub fn light(scale: f64) -> Self {
        Theme {
            fg: RGBColor(0x22, 0x22, 0x22),
            muted: RGBColor(0x77, 0x77, 0x77),
            bg: RGBColor(0xff, 0xff, 0xff),
            grid: RGBColor(0xe6, 0xe6, 0xe6),
            accent: RGBColor(0xd5, 0x5e, 0x00),
            series: [
                RGBColor(0x00, 0x72, 0xb2),
                RGBColor(0xe6, 0x9f, 0x00),
                RGBColor(0x00, 0x9e, 0x73),
                RGBColor(0xcc, 0x79, 0xa7),
            ],
            font: "system-ui, sans-serif".into(),
            scale: if scale.is_finite() && scale > 0.0 {
                scale.clamp(0.25, 8.0)
            } else {
                1.0
            },
        }
    }

    /// The shim's colours over the light defaults; unparseable entries keep the default.
    pub fn from_input(input: &ThemeInput, scale: f64) -> Self {
        let mut theme = Theme::light(scale);
        let pick = |text: &str, fallback: RGBColor| parse_color(text).unwrap_or(fallback);
        theme.fg = pick(&input.fg, theme.fg);
        theme.muted = pick(&input.muted, theme.muted);
        theme.bg = pick(&input.bg, theme.bg);
        theme.grid = pick(&input.grid, theme.grid);
        theme.accent = pick(&input.accent, theme.accent);
        for (slot, text) in theme.series.iter_mut().zip(input.series.iter()) {
            *slot = pick(text, *slot);
        }
        let font = input.font.trim();
        if !font.is_empty() && font.len() < 200 && !font.contains([';', '{', '}']) {
            theme.font = font.into();
        }
        theme
    }

    /// CSS pixels to backing-store pixels.
    pub fn px(&self, css: f64) -> i32 {
        (css * self.scale).round() as i32
    }

    /// CSS pixels to backing-store pixels, unsigned (line widths, label areas).
    pub fn upx(&self, css: f64) -> u32 {
        (css * self.scale).round().max(1.0) as u32
    }

    /// A text style of `size` CSS pixels in `color`, anchored at its (h, v) point.
    pub fn anchored(
        &self,
        size: f64,
        color: RGBColor,
        h: HPos,
        v: VPos,
    ) -> plotters::style::TextStyle<'_> {
        self.text(size, color).pos(Pos::new(h, v))
    }

    /// A text style of `size` CSS pixels in `color`.
    pub fn text(&self, size: f64, color: RGBColor) -> plotters::style::TextStyle<'_> {
        use plotters::style::{FontFamily, IntoFont};
        (FontFamily::Name(&self.font), size * self.scale)
            .into_font()
            .color(&color)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_css_colours() {
        assert_eq!(parse_color("#0072b2"), Some(RGBColor(0, 0x72, 0xb2)));
        assert_eq!(parse_color(" #fff "), Some(RGBColor(255, 255, 255)));
        assert_eq!(parse_color("rgb(1, 2, 3)"), Some(RGBColor(1, 2, 3)));
        assert_eq!(parse_color("rgb(1 2 3 / 50%)"), Some(RGBColor(1, 2, 3)));
        assert_eq!(parse_color("red"), None);
        assert_eq!(parse_color("#12"), None);
    }
}
