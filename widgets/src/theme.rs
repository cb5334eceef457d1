//! Colours and sizes for one render: CSS custom properties read by the shim, scaled by the
//! device pixel ratio because plotters-canvas draws in backing-store pixels.

use growth_model::Doc;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::RGBColor;
use serde::Serialize;

/// One CSS custom property an author may set, with its defaults in both colour schemes: the
/// one place the theme's defaults live. The shim's CSS, the guide and the static figures are
/// generated from this table.
#[derive(Debug, Serialize)]
pub struct ThemeProperty {
    /// The name after `--growth-widget-` (`fg`, `series-1`).
    pub name: &'static str,
    /// Default under `prefers-color-scheme: light`.
    pub light: &'static str,
    /// Default under `prefers-color-scheme: dark`.
    pub dark: &'static str,
    /// The system colour under `forced-colors: active` (Windows high contrast), "" for none:
    /// the shim resolves it to rgb() for the canvas, so marks follow the reader's palette.
    pub forced: &'static str,
    /// What it colours or sets (kept with the `docs` feature only, like every text the wasm never shows).
    #[serde(serialize_with = "crate::spec::doc_text")]
    pub help: Doc,
}

/// Every themeable property, light and dark defaults (Okabe–Ito hues, darkened in the light
/// scheme): every colour used for text or marks reaches 4.5:1 against the background in both
/// schemes (`tests/accessibility.test.mjs` checks), so series labels can be drawn in their own
/// colour; only `grid` is faint.
pub const PROPERTIES: &[ThemeProperty] = &[
    ThemeProperty {
        name: "fg",
        light: "#222222",
        dark: "#e6e6e6",
        forced: "CanvasText",
        help: Doc::new("Text, axes and the draggable point’s outline"),
    },
    ThemeProperty {
        name: "muted",
        light: "#666666",
        dark: "#a3a3a3",
        forced: "CanvasText",
        help: Doc::new("Secondary text, tick labels, ghost curves"),
    },
    ThemeProperty {
        name: "bg",
        light: "#ffffff",
        dark: "#16181d",
        forced: "Canvas",
        help: Doc::new("Figure background"),
    },
    ThemeProperty {
        name: "grid",
        light: "#e8e8e8",
        dark: "#2d3139",
        forced: "GrayText",
        help: Doc::new("Grid lines, the figure's frame and the selected table row's background: faint on purpose, as they carry no information (the axes' ticks and labels, the row's accent bar and its selected state do)"),
    },
    ThemeProperty {
        name: "accent",
        light: "#c23b00",
        dark: "#ff8c42",
        forced: "Highlight",
        help: Doc::new("Highlights: the point, sliders, regime labels, focus rings"),
    },
    ThemeProperty {
        name: "series-1",
        light: "#0072b2",
        dark: "#56b4e9",
        forced: "LinkText",
        help: Doc::new("First series colour (Okabe–Ito blue)"),
    },
    ThemeProperty {
        name: "series-2",
        light: "#946000",
        dark: "#e69f00",
        forced: "CanvasText",
        help: Doc::new("Second series colour (amber)"),
    },
    ThemeProperty {
        name: "series-3",
        light: "#007a5a",
        dark: "#2fc28f",
        forced: "Highlight",
        help: Doc::new("Third series colour (green)"),
    },
    ThemeProperty {
        name: "series-4",
        light: "#b0487f",
        dark: "#e08fbf",
        forced: "LinkText",
        help: Doc::new("Fourth series colour (pink)"),
    },
    ThemeProperty {
        name: "border",
        light: "#8a8a8a",
        dark: "#6b7280",
        forced: "ButtonBorder",
        help: Doc::new("Borders of fields and buttons (at least 3:1 against the background)"),
    },
    ThemeProperty {
        name: "error",
        light: "#b00020",
        dark: "#ff8a80",
        forced: "CanvasText",
        help: Doc::new("Error messages"),
    },
    ThemeProperty {
        name: "font",
        light: "system-ui, -apple-system, \"Segoe UI\", Roboto, sans-serif",
        dark: "system-ui, -apple-system, \"Segoe UI\", Roboto, sans-serif",
        forced: "",
        help: Doc::new("Font family of the figure and its controls"),
    },
    ThemeProperty {
        name: "font-size",
        light: "15px",
        dark: "15px",
        forced: "",
        help: Doc::new("Base font size of the controls and captions"),
    },
];

/// The default of property `name` in the light (`dark == false`) or dark scheme ("" if none:
/// a bug the tests catch). Evaluated at compile time for the colours.
const fn default_of(name: &str, dark: bool) -> &'static str {
    let mut i = 0;
    while i < PROPERTIES.len() {
        let p = &PROPERTIES[i];
        if same(p.name.as_bytes(), name.as_bytes()) {
            return if dark { p.dark } else { p.light };
        }
        i += 1;
    }
    ""
}

const fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

const fn hex_digit(b: u8) -> u8 {
    match b {
        b'0'..=b'9' => b - b'0',
        b'a'..=b'f' => b - b'a' + 10,
        b'A'..=b'F' => b - b'A' + 10,
        _ => 0,
    }
}

/// The default colour of property `name`, from its `#rrggbb` text, at compile time.
const fn default_color(name: &str, dark: bool) -> RGBColor {
    let b = default_of(name, dark).as_bytes();
    if b.len() != 7 {
        return RGBColor(0, 0, 0);
    }
    RGBColor(
        hex_digit(b[1]) * 16 + hex_digit(b[2]),
        hex_digit(b[3]) * 16 + hex_digit(b[4]),
        hex_digit(b[5]) * 16 + hex_digit(b[6]),
    )
}

/// The canvas colours of both schemes: fg, muted, bg, grid, accent, series 1–4.
const SCHEMES: [[RGBColor; 9]; 2] = {
    const fn scheme(dark: bool) -> [RGBColor; 9] {
        [
            default_color("fg", dark),
            default_color("muted", dark),
            default_color("bg", dark),
            default_color("grid", dark),
            default_color("accent", dark),
            default_color("series-1", dark),
            default_color("series-2", dark),
            default_color("series-3", dark),
            default_color("series-4", dark),
        ]
    }
    [scheme(false), scheme(true)]
};

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
    /// Backend units per CSS pixel ([`crate::backend::SUB`] per device pixel).
    pub scale: f64,
}

/// `a` blended toward `b` by `t` ∈ [0, 1] (0: `a`), channel by channel.
pub fn mix(a: RGBColor, b: RGBColor, t: f64) -> RGBColor {
    let t = growth_model::clamp(t, 0.0, 1.0);
    let c = |x: u8, y: u8| (f64::from(x) + (f64::from(y) - f64::from(x)) * t + 0.5) as u8;
    RGBColor(c(a.0, b.0), c(a.1, b.1), c(a.2, b.2))
}

impl Theme {
    /// The light theme used when the page sets nothing (static figures, host tests).
    pub fn light(scale: f64) -> Self {
        Theme::defaults(false, scale)
    }

    /// The defaults of [`PROPERTIES`] in the light or dark scheme.
    pub fn defaults(dark: bool, scale: f64) -> Self {
        let [fg, muted, bg, grid, accent, s1, s2, s3, s4] = SCHEMES[usize::from(dark)];
        Theme {
            fg,
            muted,
            bg,
            grid,
            accent,
            series: [s1, s2, s3, s4],
            font: default_of("font", dark).into(),
            // Backend units per CSS pixel: device pixels per CSS pixel, in sub-pixel units.
            scale: if scale.is_finite() && scale > 0.0 {
                growth_model::clamp(scale, 0.25, 8.0)
            } else {
                1.0
            } * f64::from(crate::backend::SUB),
        }
    }

    /// The page's colours over the light defaults: `colours` holds 0xRRGGBB per property of
    /// [`PROPERTIES`] in its order (the shim resolves each CSS colour to rgb() in the browser,
    /// which parses every colour syntax), negative for one it could not read, which keeps the
    /// default; `font` is the CSS font family.
    pub fn from_colours(colours: &[i32], font: &str, scale: f64) -> Self {
        let mut theme = Theme::light(scale);
        {
            let slots = [
                &mut theme.fg,
                &mut theme.muted,
                &mut theme.bg,
                &mut theme.grid,
                &mut theme.accent,
            ]
            .into_iter()
            .chain(theme.series.iter_mut());
            for (slot, &value) in slots.zip(colours) {
                if value >= 0 {
                    let [_, r, g, b] = value.to_be_bytes();
                    *slot = RGBColor(r, g, b);
                }
            }
        }
        let font = font.trim();
        if !font.is_empty() && font.len() < 200 && !font.contains([';', '{', '}']) {
            theme.font = font.into();
        }
        theme
    }

    /// CSS pixels to backing-store pixels.
    #[inline(never)]
    pub fn px(&self, css: f64) -> i32 {
        (css * self.scale).round() as i32
    }

    /// CSS pixels to backing-store pixels, unsigned (line widths, label areas).
    #[inline(never)]
    pub fn upx(&self, css: f64) -> u32 {
        (css * self.scale).round().max(1.0) as u32
    }

    /// A text style of `size` CSS pixels in `color`, anchored at its (h, v) point.
    #[inline(never)]
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
    #[inline(never)]
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

    /// Parses `#rgb`, `#rrggbb` or `rgb(r, g, b)`; `None` for anything else.
    fn parse_color(text: &str) -> Option<RGBColor> {
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
        let mut channel = || {
            growth_model::parse_decimal(parts.next()?.trim())
                .map(|v| growth_model::clamp(v, 0.0, 255.0) as u8)
        };
        Some(RGBColor(channel()?, channel()?, channel()?))
    }

    #[test]
    fn parses_css_colours() {
        assert_eq!(parse_color("#0072b2"), Some(RGBColor(0, 0x72, 0xb2)));
        assert_eq!(parse_color(" #fff "), Some(RGBColor(255, 255, 255)));
        assert_eq!(parse_color("rgb(1, 2, 3)"), Some(RGBColor(1, 2, 3)));
        assert_eq!(parse_color("rgb(1 2 3 / 50%)"), Some(RGBColor(1, 2, 3)));
        assert_eq!(parse_color("red"), None);
        assert_eq!(parse_color("#12"), None);
    }

    #[test]
    fn every_default_colour_parses_in_both_schemes() {
        for p in PROPERTIES.iter().filter(|p| p.light.starts_with('#')) {
            assert!(parse_color(p.light).is_some(), "{}", p.name);
            assert!(parse_color(p.dark).is_some(), "{}", p.name);
        }
        // The compile-time colours are the table's: each scheme's Theme reads the same text.
        for dark in [false, true] {
            let theme = Theme::defaults(dark, 1.0);
            let drawn = [theme.fg, theme.muted, theme.bg, theme.grid, theme.accent];
            for (name, colour) in ["fg", "muted", "bg", "grid", "accent"].iter().zip(drawn) {
                assert_eq!(parse_color(default_of(name, dark)), Some(colour), "{name}");
            }
            for (i, colour) in theme.series.iter().enumerate() {
                let name = format!("series-{}", i + 1);
                assert_eq!(
                    parse_color(default_of(&name, dark)),
                    Some(*colour),
                    "{name}"
                );
            }
        }
        let light = Theme::light(1.0);
        assert_eq!(light.muted, RGBColor(0x66, 0x66, 0x66));
        // The shim sends the colours in PROPERTIES' order: the first nine are the canvas's.
        let names: Vec<&str> = PROPERTIES.iter().take(9).map(|p| p.name).collect();
        assert_eq!(
            names,
            [
                "fg", "muted", "bg", "grid", "accent", "series-1", "series-2", "series-3",
                "series-4"
            ]
        );
        let page = Theme::from_colours(
            &[0x010203, -1, 0xffffff, -1, -1, -1, 0x00ff00],
            "serif",
            1.0,
        );
        assert_eq!(
            (page.fg, page.muted, page.bg),
            (RGBColor(1, 2, 3), light.muted, RGBColor(255, 255, 255))
        );
        assert_eq!(
            (page.series[1], page.series[2], page.font.as_str()),
            (RGBColor(0, 255, 0), light.series[2], "serif")
        );
        assert_eq!(light.grid, RGBColor(0xe8, 0xe8, 0xe8));
    }
}
