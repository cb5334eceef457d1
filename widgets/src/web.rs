//! The wasm-bindgen surface the `<growth-widget>` shim calls: thin, no economics.

use crate::backend::{estimate_text, Measured};
use crate::plot::PanelMap;
use crate::spec::{InputError, KindSpec, Params};
use crate::theme::{Theme, ThemeInput};
use crate::{find_spec, AnyDiagram};
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// Serializes to plain JS objects (maps as objects, not `Map`), as the shim expects.
fn to_js<T: serde::Serialize>(value: &T) -> JsValue {
    let serializer = serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true);
    value.serialize(&serializer).unwrap_or(JsValue::NULL)
}

fn js_error(error: &InputError) -> JsValue {
    to_js(error)
}

thread_local! {
    /// The message of the last panic, for the element to show (a panic aborts the call).
    static LAST_PANIC: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Installs the panic hook: the console gets the Rust panic message (console_error_panic_hook)
/// and the message is kept for the widget that hit it.
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        LAST_PANIC.with(|last| *last.borrow_mut() = Some(message));
        console_error_panic_hook::hook(info);
    }));
}

/// The message of the most recent Rust panic, if any (cleared by reading it).
#[wasm_bindgen]
pub fn take_last_panic() -> Option<String> {
    LAST_PANIC.with(|last| last.borrow_mut().take())
}

/// Every kind's declaration: parameters, presets, titles (for controls and the guide). Only in
/// the build-time wasm (`declarations`): the shipped one never shows these texts, the shim
/// reads them from the JSON the build writes.
#[cfg(feature = "declarations")]
#[wasm_bindgen]
pub fn kinds() -> JsValue {
    to_js(&crate::specs())
}

/// Parameters as a `{name: value}` object in declaration order (no sorted map to build).
struct Values<'a>(&'a Params<'static>);

impl serde::Serialize for Values<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter())
    }
}

/// One diagram instance owned by one `<growth-widget>` element.
#[wasm_bindgen]
pub struct GrowthWidget {
    spec: &'static KindSpec,
    params: Params<'static>,
    diagram: AnyDiagram,
    panels: Vec<PanelMap>,
}

/// Text measured by the canvas's own 2D context (the font plotters sets), estimated if that fails.
fn canvas_measure(
    context: &CanvasRenderingContext2d,
) -> impl Fn(&str, &str, f64) -> (u32, u32) + '_ {
    move |text: &str, font: &str, size: f64| {
        context.set_font(font);
        match context.measure_text(text) {
            Ok(m) => (m.width().ceil() as u32, size.ceil() as u32),
            Err(_) => estimate_text(text, size),
        }
    }
}

/// The page's theme (as the shim reads it) at `scale` device pixels per CSS pixel.
fn theme_of(theme: JsValue, scale: f64) -> Theme {
    // Read field by field: a missing or non-string field is empty (the default colour is kept),
    // and no general deserializer has to ship in the wasm for one small object.
    let text = |name: &str| {
        js_sys::Reflect::get(&theme, &JsValue::from_str(name))
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    };
    let series = js_sys::Reflect::get(&theme, &JsValue::from_str("series"))
        .ok()
        .filter(js_sys::Array::is_array)
        .map(|v| {
            js_sys::Array::from(&v)
                .iter()
                .filter_map(|c| c.as_string())
                .collect()
        })
        .unwrap_or_default();
    let input = ThemeInput {
        fg: text("fg"),
        muted: text("muted"),
        bg: text("bg"),
        grid: text("grid"),
        accent: text("accent"),
        series,
        font: text("font"),
    };
    Theme::from_input(&input, scale)
}

/// The canvas's 2D context.
fn context_of(canvas: &HtmlCanvasElement) -> Result<CanvasRenderingContext2d, JsValue> {
    let context = canvas
        .get_context("2d")?
        .ok_or_else(|| JsValue::from_str("canvas has no 2d context"))?;
    context.dyn_into().map_err(JsValue::from)
}

fn drawing_failed<E: std::fmt::Display>(e: E) -> JsValue {
    JsValue::from_str(&format!("drawing failed: {e}"))
}

impl GrowthWidget {
    /// Draws the diagram on `surface` and returns where its draggable panels went.
    fn draw_on(
        &self,
        surface: &mut dyn crate::backend::Surface,
        theme: &Theme,
        measure: crate::backend::Measure<'_>,
    ) -> Result<Vec<PanelMap>, JsValue> {
        let root = Measured { surface, measure }.into_drawing_area();
        let panels = self.diagram.draw(&root, theme).map_err(drawing_failed)?;
        root.present().map_err(drawing_failed)?;
        Ok(panels)
    }

    /// The figure as an SVG document of `width` × `height` pixels.
    fn svg(
        &self,
        width: u32,
        height: u32,
        theme: &Theme,
        measure: crate::backend::Measure<'_>,
    ) -> Result<String, JsValue> {
        let mut svg = String::new();
        {
            let mut backend = plotters::backend::SVGBackend::with_string(
                &mut svg,
                (width.clamp(1, 8192), height.clamp(1, 8192)),
            );
            self.draw_on(&mut backend, theme, measure)?;
        }
        Ok(svg)
    }
}

#[wasm_bindgen]
impl GrowthWidget {
    /// A widget of `kind` with default parameters; throws `{attribute, value, expected, message}` for an unknown kind.
    #[wasm_bindgen(constructor)]
    pub fn new(kind: &str) -> Result<GrowthWidget, JsValue> {
        let spec = find_spec(kind).map_err(|e| js_error(&e))?;
        let params = Params::defaults(spec);
        let diagram = AnyDiagram::build(spec, &params).map_err(|e| js_error(&e))?;
        Ok(GrowthWidget {
            spec,
            params,
            diagram,
            panels: Vec::new(),
        })
    }

    /// The declaration of this widget's kind (build-time wasm only, like [`kinds`]).
    #[cfg(feature = "declarations")]
    pub fn spec(&self) -> JsValue {
        to_js(self.spec)
    }

    /// Applies `change` to a copy of the parameters and rebuilds the diagram from it; on any error the old parameters and diagram stay and the error is thrown.
    fn update(
        &mut self,
        change: impl FnOnce(&mut Params<'static>) -> Result<(), InputError>,
    ) -> Result<(), JsValue> {
        let mut next = self.params.clone();
        change(&mut next).map_err(|e| js_error(&e))?;
        self.diagram = AnyDiagram::build(self.spec, &next).map_err(|e| js_error(&e))?;
        self.params = next;
        Ok(())
    }

    /// Sets a parameter or text option from attribute text; on error the old value stays and the error is thrown.
    pub fn set_attribute(&mut self, name: &str, text: &str) -> Result<(), JsValue> {
        let spec = self.spec;
        self.update(|params| {
            params.set_text(name, text)?;
            if params.is_option(name) {
                AnyDiagram::option_changed(spec, params, name);
            }
            Ok(())
        })
    }

    /// Clears a text option (the attribute was removed).
    pub fn clear_option(&mut self, name: &str) -> Result<(), JsValue> {
        self.update(|params| {
            params.set_option(name, None);
            Ok(())
        })
    }

    /// True when `name` is one of this kind's text options.
    pub fn is_option(&self, name: &str) -> bool {
        self.params.is_option(name)
    }

    /// The parameters that matter now, or undefined for all of them.
    pub fn active_params(&self) -> Option<Vec<String>> {
        self.diagram
            .active_params()
            .map(|v| v.into_iter().map(String::from).collect())
    }

    /// Does a slice of deferred work (a few table rows); true while more remains. Call it when the page is idle.
    pub fn work(&mut self) -> bool {
        self.diagram.work()
    }

    /// The diagram's table `{caption, columns, rows: [{id, cells, selected, mismatch}], select}`, or null.
    pub fn table(&self) -> JsValue {
        self.diagram.table().map_or(JsValue::NULL, |t| to_js(&t))
    }

    /// Sets a parameter from a number; on error the old value stays and the error is thrown.
    pub fn set_value(&mut self, name: &str, value: f64) -> Result<(), JsValue> {
        self.update(|params| params.set(name, value))
    }

    /// Applies a declared preset.
    pub fn apply_preset(&mut self, name: &str) -> Result<(), JsValue> {
        let preset = self.spec.preset(name).map_err(|e| js_error(&e))?;
        self.update(|params| {
            preset
                .values
                .iter()
                .try_for_each(|(key, value)| params.set(key, *value))
        })
    }

    /// Restores every parameter to its declared default.
    pub fn reset(&mut self) -> Result<(), JsValue> {
        let spec = self.spec;
        self.update(|params| {
            *params = Params::defaults(spec);
            Ok(())
        })
    }

    /// Current parameter values as `{name: value}`.
    pub fn values(&self) -> JsValue {
        to_js(&Values(&self.params))
    }

    /// Draws on `canvas` (already sized in device pixels) with the page's theme; returns nothing, throws on a drawing error.
    pub fn render(
        &mut self,
        canvas: HtmlCanvasElement,
        device_pixel_ratio: f64,
        theme: JsValue,
    ) -> Result<(), JsValue> {
        let theme = theme_of(theme, device_pixel_ratio);
        let context = context_of(&canvas)?;
        // A full clear lets the browser drop the previous frame's recorded drawing at once;
        // without it, redraws that come faster than paints pile up until one long flush.
        context.clear_rect(
            0.0,
            0.0,
            f64::from(canvas.width()),
            f64::from(canvas.height()),
        );
        let mut backend = CanvasBackend::with_canvas_object(canvas)
            .ok_or_else(|| JsValue::from_str("canvas backend unavailable"))?;
        self.panels = self.draw_on(&mut backend, &theme, &canvas_measure(&context))?;
        Ok(())
    }

    /// The figure as an SVG document of `width` × `height` CSS pixels (plotters' SVG backend); `canvas` measures text.
    pub fn to_svg(
        &self,
        canvas: HtmlCanvasElement,
        width: u32,
        height: u32,
        theme: JsValue,
    ) -> Result<String, JsValue> {
        let context = context_of(&canvas)?;
        let measure = canvas_measure(&context);
        self.svg(width, height, &theme_of(theme, 1.0), &measure)
    }

    /// The figure as SVG without a page (for static fallbacks generated at build time): text is measured by estimate.
    #[cfg(feature = "declarations")]
    pub fn figure_svg(&self, width: u32, height: u32) -> Result<String, JsValue> {
        let estimate = |text: &str, _font: &str, size: f64| estimate_text(text, size);
        self.svg(width, height, &Theme::light(1.0), &estimate)
    }

    /// The `<growth-widget …>` tag that reproduces the current state (parameters that differ from their defaults).
    pub fn tag(&self) -> String {
        let mut tag = format!("<growth-widget kind=\"{}\"", self.spec.kind);
        for ((name, value), p) in self.params.iter().zip(self.spec.params.iter()) {
            if (value - p.default).abs() > 1e-12 {
                tag.push_str(&format!(
                    " {name}=\"{}\"",
                    crate::spec::format_attribute(value)
                ));
            }
        }
        tag.push_str("></growth-widget>");
        tag
    }

    /// What the figure shows, in words.
    pub fn describe(&self) -> String {
        self.diagram.describe()
    }

    /// Where the last render put each draggable panel: `[{left, top, right, bottom, x_min, x_max, y_min, y_max}]` in backing pixels.
    pub fn panels(&self) -> JsValue {
        to_js(&self.panels)
    }

    /// Labelled numbers `[{key, label, value}]`.
    pub fn readouts(&self) -> JsValue {
        to_js(&self.diagram.readouts())
    }

    /// Numbers behind the drawing (e.g. `probe("isoquant", 2)` → flattened K, L pairs).
    pub fn probe(&self, what: &str, arg: f64) -> Option<Vec<f64>> {
        #[cfg(feature = "test-hooks")]
        if what == "debug-panic" {
            panic!("deliberate panic from the test hook (arg {arg})");
        }
        self.diagram.probe(what, arg)
    }

    /// Handles a pointer at backing-store pixel (x, y): applies the drag and returns true if anything changed.
    pub fn pointer(&mut self, x: f64, y: f64) -> Result<bool, JsValue> {
        let Some((index, map)) = self.panels.iter().enumerate().find(|(_, m)| {
            x >= m.left - 12.0 && x <= m.right + 12.0 && y >= m.top - 12.0 && y <= m.bottom + 12.0
        }) else {
            return Ok(false);
        };
        let (dx, dy) = map.to_data(x, y);
        let updates = self.diagram.drag(index, dx, dy);
        if updates.is_empty() {
            return Ok(false);
        }
        self.update(|params| {
            updates
                .into_iter()
                .try_for_each(|(key, value)| params.set(key, value))
        })?;
        Ok(true)
    }

    /// Moves the draggable point by `dx`, `dy` slider steps (arrow keys); false when the kind has no point.
    pub fn nudge(&mut self, dx: f64, dy: f64) -> Result<bool, JsValue> {
        let Some((x_name, y_name)) = self.diagram.drag_axes() else {
            return Ok(false);
        };
        let spec = self.spec;
        self.update(|params| {
            for (name, delta) in [(x_name, dx), (y_name, dy)] {
                if let Some((_, p)) = spec.param(name) {
                    let value = (params.get(name) + delta * p.step).clamp(p.min, p.max);
                    params.set(name, value)?;
                }
            }
            Ok(())
        })?;
        Ok(true)
    }

    /// The (x, y) parameter names the figure's point drags, or undefined.
    pub fn drag_axes(&self) -> Option<Vec<String>> {
        self.diagram
            .drag_axes()
            .map(|(x, y)| vec![x.to_string(), y.to_string()])
    }

    /// True when a pointer at backing-store pixel (x, y) would drag something.
    pub fn hit(&self, x: f64, y: f64) -> bool {
        self.panels.iter().enumerate().any(|(i, m)| {
            x >= m.left
                && x <= m.right
                && y >= m.top
                && y <= m.bottom
                && !self.diagram.drag(i, m.x_min, m.y_min).is_empty()
        })
    }
}
