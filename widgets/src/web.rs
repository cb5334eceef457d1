//! The wasm-bindgen surface the `<growth-widget>` shim calls: thin, no economics.

use crate::backend::estimate_text;
use crate::backend::CanvasSurface;
use crate::element::{Affects, Layout, Point, Widget};
use crate::plot::PanelMap;
use crate::spec::InputError;
use crate::theme::Theme;
use crate::{Cell, Readout, Table, TableRow};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// A plain JS object built field by field: the shim reads a handful of small objects, so no
/// general serializer (serde-wasm-bindgen and its string cache) ships in the wasm for them.
struct Object(js_sys::Object);

impl Object {
    fn new() -> Object {
        Object(js_sys::Object::new())
    }
    /// Sets `key` to `value` (setting a field on a fresh plain object cannot fail).
    #[inline(never)]
    fn set(self, key: &str, value: &JsValue) -> Object {
        let _ = js_sys::Reflect::set(&self.0, &JsValue::from_str(key), value);
        self
    }
    fn text(self, key: &str, value: &str) -> Object {
        self.set(key, &JsValue::from_str(value))
    }
    fn number(self, key: &str, value: f64) -> Object {
        self.set(key, &JsValue::from_f64(value))
    }
    fn flag(self, key: &str, value: bool) -> Object {
        self.set(key, &JsValue::from_bool(value))
    }
    fn done(self) -> JsValue {
        self.0.into()
    }
}

/// A JS array of what `item` makes of each element.
fn array<T>(items: &[T], item: fn(&T) -> JsValue) -> JsValue {
    items.iter().map(item).collect::<js_sys::Array>().into()
}

/// Strings as a JS array.
fn texts(items: &[&str]) -> JsValue {
    items
        .iter()
        .map(|t| JsValue::from_str(t))
        .collect::<js_sys::Array>()
        .into()
}

/// `{attribute, value, expected, message}`.
fn js_error(error: &InputError) -> JsValue {
    Object::new()
        .text("attribute", &error.attribute)
        .text("value", &error.value)
        .text("expected", &error.expected)
        .text("message", &error.message)
        .done()
}

/// `{name, affects, error}`; `error` is undefined when there is none.
fn js_outcome(name: &str, affects: Affects, error: Option<&InputError>) -> JsValue {
    Object::new()
        .text("name", name)
        .text("affects", affects.as_str())
        .set("error", &error.map_or(JsValue::UNDEFINED, js_error))
        .done()
}

fn js_layout(layout: &Layout) -> JsValue {
    Object::new()
        .number("height", f64::from(layout.height))
        .set("controls", &texts(&layout.controls))
        .text("label", &layout.label)
        .flag("focusable", layout.focusable)
        .text("role_description", layout.role_description)
        .text("history", layout.history.as_str())
        .done()
}

fn js_point(point: &Point) -> JsValue {
    Object::new()
        .number("min", point.min)
        .number("max", point.max)
        .number("now", point.now)
        .text("text", &point.text)
        .done()
}

fn js_panel(panel: &PanelMap) -> JsValue {
    Object::new()
        .number("left", panel.left)
        .number("top", panel.top)
        .number("right", panel.right)
        .number("bottom", panel.bottom)
        .number("x_min", panel.x_min)
        .number("x_max", panel.x_max)
        .number("y_min", panel.y_min)
        .number("y_max", panel.y_max)
        .done()
}

fn js_readout(readout: &Readout) -> JsValue {
    Object::new()
        .text("key", readout.key)
        .text("label", readout.label)
        .text("value", &readout.value)
        .done()
}

fn js_cell(cell: &Cell) -> JsValue {
    Object::new()
        .text("text", &cell.text)
        .text("kind", cell.kind)
        .done()
}

fn js_row(row: &TableRow) -> JsValue {
    Object::new()
        .text("id", row.id)
        .set("cells", &array(&row.cells, js_cell))
        .flag("selected", row.selected)
        .done()
}

fn js_table(table: &Table) -> JsValue {
    Object::new()
        .text("caption", &table.caption)
        .set("columns", &texts(&table.columns))
        .set("rows", &array(&table.rows, js_row))
        .text("select", table.select)
        .set(
            "embed",
            &table.embed.map_or(JsValue::UNDEFINED, JsValue::from_str),
        )
        .done()
}

thread_local! {
    /// The message of the last panic, for the element to show (a panic aborts the call).
    static LAST_PANIC: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Installs the panic hook: the console gets the Rust panic message (with the browser's own
/// stack trace, as `console.error` shows one) and the message is kept for the widget that hit it.
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        web_sys::console::error_1(&JsValue::from_str(&message));
        LAST_PANIC.with(|last| *last.borrow_mut() = Some(message));
    }));
}

/// The message of the most recent Rust panic, if any (cleared by reading it).
#[wasm_bindgen]
pub fn take_last_panic() -> Option<String> {
    LAST_PANIC.with(|last| last.borrow_mut().take())
}

/// Throws an [`InputError`] as a plain JS object the element shows.
fn thrown<T>(result: Result<T, InputError>) -> Result<T, JsValue> {
    result.map_err(|e| js_error(&e))
}

/// One diagram instance owned by one `<growth-widget>` element: [`Widget`] behind wasm-bindgen.
#[wasm_bindgen]
pub struct GrowthWidget {
    widget: Widget,
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

#[wasm_bindgen]
impl GrowthWidget {
    /// A widget of `kind` with default parameters; throws `{attribute, value, expected, message}` for an unknown kind.
    #[wasm_bindgen(constructor)]
    pub fn new(kind: &str) -> Result<GrowthWidget, JsValue> {
        Ok(GrowthWidget {
            widget: thrown(Widget::new(kind))?,
        })
    }

    /// An attribute was set (a string) or removed (null): `{name, affects, error}`, where
    /// `affects` is `figure`, `height`, `controls`, `kind` or `nothing` and `error` is null or
    /// the `{attribute, value, expected, message}` to show.
    pub fn attribute(&mut self, name: &str, value: Option<String>) -> JsValue {
        let (affects, error) = self.widget.attribute(name, value.as_deref());
        js_outcome(name, affects, error.as_ref())
    }

    /// Every attribute of a new element, as `[name, value]` pairs in document order: one
    /// outcome (as from [`GrowthWidget::attribute`]) each, a preset applied first.
    pub fn attributes(&mut self, names: Vec<String>, values: Vec<String>) -> JsValue {
        let pairs: Vec<(&str, &str)> = names
            .iter()
            .zip(values.iter())
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect();
        self.widget
            .attributes(&pairs)
            .iter()
            .map(|(name, affects, error)| js_outcome(name, *affects, error.as_ref()))
            .collect::<js_sys::Array>()
            .into()
    }

    /// What shapes the widget's box: `{height, controls, label, focusable}` (the validated
    /// height in CSS pixels, the parameters that get controls, the figure's accessible name,
    /// and whether the figure has a point to move with the keys).
    pub fn layout(&self) -> JsValue {
        js_layout(&self.widget.layout())
    }

    /// Every parameter's value as spoken, `{name: "ρ = −0.5"}` (the controls' `aria-valuetext`).
    pub fn value_texts(&self) -> JsValue {
        let object = Object::new();
        let object = self
            .widget
            .value_texts()
            .iter()
            .fold(object, |o, (name, text)| o.text(name, text));
        object.done()
    }

    /// The draggable point as a control, `{min, max, now, text}`, or null when there is none.
    pub fn point(&self) -> JsValue {
        self.widget.point().map_or(JsValue::NULL, |p| js_point(&p))
    }

    /// The parameters that matter now, or undefined for all of them.
    pub fn active_params(&self) -> Option<Vec<String>> {
        self.widget
            .active_params()
            .map(|v| v.into_iter().map(String::from).collect())
    }

    /// Does a slice of deferred work (a few table rows, a map's refinement) when the page is
    /// idle: bit 0 set while more remains, bit 1 when the figure changed and must be redrawn.
    pub fn work(&mut self) -> u32 {
        self.widget.work().bits()
    }

    /// The diagram's table `{caption, columns, rows: [{id, cells: [{text, kind}], selected}], select, embed}`, or null.
    pub fn table(&self) -> JsValue {
        self.widget.table().map_or(JsValue::NULL, |t| js_table(&t))
    }

    /// Sets a parameter from a number; on error the old value stays and the error is thrown.
    pub fn set_value(&mut self, name: &str, value: f64) -> Result<(), JsValue> {
        thrown(self.widget.set_value(name, value))
    }

    /// A value shared by a linked widget of `group`: null when accepted as it is (or not a
    /// parameter of this kind), else the notice `{attribute, value, expected, message}` saying
    /// it was clamped into this kind's range.
    pub fn set_linked(&mut self, name: &str, value: f64, group: &str) -> Result<JsValue, JsValue> {
        let notice = thrown(self.widget.set_linked(name, value, group))?;
        Ok(notice.map_or(JsValue::NULL, |n| js_error(&n)))
    }

    /// The text `<growth-value>` or `<growth-text>` shows for `name` (a parameter, a readout
    /// key or `description`); throws `{attribute, value, expected, message}` for an unknown name.
    pub fn text(&self, name: &str) -> Result<String, JsValue> {
        thrown(self.widget.text(name))
    }

    /// The place in the kind's declared parameters of the one `name` names, matched as an
    /// attribute is (`k` finds `K`); −1 for a readout or an unknown name. What an adjustable
    /// `<growth-value>` moves.
    pub fn param(&self, name: &str) -> i32 {
        self.widget.spec().param(name).map_or(-1, |(i, _)| i as i32)
    }

    /// Takes the current parameters as the attributes' state.
    pub fn snapshot(&mut self) {
        self.widget.snapshot();
    }

    /// What a reader changed since the attributes: `[name, text, name, text, …]`.
    pub fn state(&self) -> Vec<String> {
        self.widget.state()
    }

    /// Back to the attributes' state.
    pub fn reset(&mut self) -> Result<(), JsValue> {
        thrown(self.widget.reset())
    }

    /// Sets a parameter or option from text as a reader would (a restored link); throws when refused.
    pub fn set_text(&mut self, name: &str, text: &str) -> Result<(), JsValue> {
        thrown(self.widget.set_text(name, text))
    }

    /// Moves parameter `name` by `steps` of its step within its range; false when it is not one.
    pub fn step(&mut self, name: &str, steps: f64) -> Result<bool, JsValue> {
        thrown(self.widget.step(name, steps))
    }

    /// Current parameter values as `{name: value}`.
    pub fn values(&self) -> JsValue {
        self.widget
            .params()
            .iter()
            .fold(Object::new(), |o, (name, value)| o.number(name, value))
            .done()
    }

    /// Draws on `canvas` (already sized in device pixels) with the page's colours (0xRRGGBB in
    /// the order of the theme's properties, negative to keep a default: [`Theme::from_colours`])
    /// and font; returns nothing, throws on a drawing error.
    pub fn render(
        &mut self,
        canvas: HtmlCanvasElement,
        device_pixel_ratio: f64,
        colours: &[i32],
        font: &str,
    ) -> Result<(), JsValue> {
        let theme = Theme::from_colours(colours, font, device_pixel_ratio);
        let context = context_of(&canvas)?;
        // A full clear lets the browser drop the previous frame's recorded drawing at once;
        // without it, redraws that come faster than paints pile up until one long flush.
        context.clear_rect(
            0.0,
            0.0,
            f64::from(canvas.width()),
            f64::from(canvas.height()),
        );
        let measure = canvas_measure(&context);
        let mut surface = CanvasSurface::new(context.clone(), canvas.width(), canvas.height())
            .map_err(drawing_failed)?;
        let drawn = self.widget.draw(&mut surface, &theme, &measure);
        drawn.map_err(drawing_failed)
    }

    /// The figure as an SVG document of `width` × `height` CSS pixels (plotters' SVG backend); `canvas` measures text.
    pub fn to_svg(
        &self,
        canvas: HtmlCanvasElement,
        width: u32,
        height: u32,
        colours: &[i32],
        font: &str,
    ) -> Result<String, JsValue> {
        let context = context_of(&canvas)?;
        let measure = canvas_measure(&context);
        self.widget
            .svg(
                width,
                height,
                &Theme::from_colours(colours, font, 1.0),
                &measure,
            )
            .map_err(drawing_failed)
    }

    /// The `<growth-widget …>` tag that reproduces the current state (parameters that differ from their defaults).
    pub fn tag(&self) -> String {
        self.widget.tag()
    }

    /// What the figure shows, in words.
    pub fn describe(&self) -> String {
        self.widget.describe()
    }

    /// Where the last render put each draggable panel: `[{left, top, right, bottom, x_min, x_max, y_min, y_max}]` in backing pixels.
    pub fn panels(&self) -> JsValue {
        array(self.widget.panels(), js_panel)
    }

    /// Labelled numbers `[{key, label, value}]`.
    pub fn readouts(&self) -> JsValue {
        array(&self.widget.readouts(), js_readout)
    }

    /// Numbers behind the drawing (e.g. `probe("isoquant", 2)` → flattened K, L pairs).
    pub fn probe(&self, what: &str, arg: f64) -> Option<Vec<f64>> {
        #[cfg(feature = "test-hooks")]
        match what {
            "debug-panic" => panic!("deliberate panic from the test hook (arg {arg})"),
            // A trap while a page-wide cache computes what it will keep: the other widgets
            // of the kind must still read and fill it.
            "debug-panic-in-cache" => crate::elasticity::panic_while_caching(),
            _ => {}
        }
        self.widget.diagram().probe(what, arg)
    }

    /// Handles a pointer at backing-store pixel (x, y): applies the drag and returns true if anything changed.
    pub fn pointer(&mut self, x: f64, y: f64) -> Result<bool, JsValue> {
        thrown(self.widget.pointer(x, y))
    }

    /// Moves the draggable point by `dx`, `dy` slider steps (arrow keys); false when the kind has no point.
    pub fn nudge(&mut self, dx: f64, dy: f64) -> Result<bool, JsValue> {
        thrown(self.widget.nudge(dx, dy))
    }

    /// True when a pointer at backing-store pixel (x, y) would drag something.
    pub fn hit(&self, x: f64, y: f64) -> bool {
        self.widget.hit(x, y)
    }
}
