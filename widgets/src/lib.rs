//! `growth-widgets`: the diagrams of "Economic Growth under Transformative AI" as
//! WebAssembly, drawn with plotters from numbers computed only by `growth-model`.
//!
//! Lifecycle of one frame:
//!
//! ```text
//! <growth-widget> attribute ──► element::Widget (every rule: parameters, height, controls,
//!   presets, options, removal, messages) ──► Kind::build (growth-model computes) ──►
//!   dyn Diagram::draw (plotters on the canvas) + describe (live text) + readouts, table
//! ```
//!
//! Adding a diagram: one module implementing [`Diagram`] and [`DiagramKind`], and one line
//! in [`KINDS`]. Nothing in `www/`, `scripts/`, `bench/` or the browser tests' helpers lists
//! kinds: they read the declarations the build writes from [`KINDS`].

extern crate alloc;

pub mod backend;
mod canvas;
pub mod elasticity;
pub mod element;
pub mod growth_regimes;
pub mod plot;
pub mod production;
#[cfg(feature = "regime-map")]
pub mod regime_map;
pub mod research_feedback;
pub mod scenarios;
pub mod spec;
pub mod svg;
pub mod task_automation;
pub mod theme;
mod web;

use backend::{Measured, SurfaceError};
use plot::PanelMap;
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingAreaErrorKind};
use serde::Serialize;
use spec::{InputError, KindSpec, Params};
use theme::Theme;

pub use web::GrowthWidget;

/// One labelled number shown beside the figure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Readout {
    /// Stable key (`wage`, `capital_share`).
    pub key: &'static str,
    /// Label with the episode's symbol.
    pub label: &'static str,
    /// The value, formatted for reading.
    pub value: String,
}

impl Readout {
    /// A readout.
    pub fn new(key: &'static str, label: &'static str, value: String) -> Self {
        Readout { key, label, value }
    }
}

/// The drawing area every diagram draws on: one backend type behind `dyn Surface` (canvas or SVG).
pub type Root<'a> = DrawingArea<Measured<'a>, Shift>;

/// What drawing a frame returns: the pixel-to-data map of each draggable panel.
pub type Drawing = Result<Vec<PanelMap>, DrawingAreaErrorKind<SurfaceError>>;

/// A diagram: parameters in, a drawing and a description out. Object-safe: the registry
/// holds every kind as `Box<dyn Diagram>`.
pub trait Diagram {
    /// Draws on `root`; returns the pixel-to-data map of each draggable panel.
    fn draw(&self, root: &Root<'_>, theme: &Theme) -> Drawing;
    /// What the figure now shows, in plain words, from the model's numbers.
    fn describe(&self) -> String;
    /// Labelled numbers shown beside the figure.
    fn readouts(&self) -> Vec<Readout>;
    /// Numbers behind the drawing, for tests and authors (`None` for unknown probes).
    fn probe(&self, _what: &str, _arg: f64) -> Option<Vec<f64>> {
        None
    }
    /// Parameter updates for a pointer at data (x, y) on draggable panel `panel`.
    fn drag(&self, _panel: usize, _x: f64, _y: f64) -> Vec<(&'static str, f64)> {
        Vec::new()
    }
    /// The parameters a keyboard moves with ←/→ and ↑/↓ on the figure, if any.
    fn drag_axes(&self) -> Option<(&'static str, &'static str)> {
        None
    }
    /// The parameters that matter now (controls for the others are hidden); `None` for all.
    fn active_params(&self) -> Option<Vec<&'static str>> {
        None
    }
    /// A table the element shows beside the figure, if the diagram has one.
    fn table(&self) -> Option<Table> {
        None
    }
    /// A slice of deferred work (filling a table's rows, refining a map): what it changed.
    fn work(&mut self) -> Work {
        Work::default()
    }
}

/// What one slice of [`Diagram::work`] did: whether more remains, and whether the figure
/// changed (the element then redraws it; otherwise it only refreshes the table).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Work {
    /// More slices remain.
    pub more: bool,
    /// The drawing changed and must be redrawn.
    pub redraw: bool,
}

impl Work {
    /// The slice as one number for the element: bit 0 = more remains, bit 1 = redraw.
    pub fn bits(self) -> u32 {
        u32::from(self.more) | u32::from(self.redraw) << 1
    }
}

/// The static half of a kind: its declaration and how to build it from parameters.
pub trait DiagramKind: Diagram + Sized + 'static {
    /// The kind's one declaration.
    fn spec() -> &'static KindSpec;
    /// Computes the diagram's state from validated parameters.
    fn from_params(params: &Params) -> Result<Self, InputError>;
    /// Adjusts parameters after text option `name` changed (e.g. a row's own values).
    fn option_changed(_params: &mut Params, _name: &str) {}
}

/// One entry of the registry: a kind's declaration and its constructors, as plain function
/// pointers (no generics, no forwarding enum).
pub struct Kind {
    /// The kind's declaration.
    pub spec: fn() -> &'static KindSpec,
    /// Builds the diagram from validated parameters.
    pub build: fn(&Params) -> Result<Box<dyn Diagram>, InputError>,
    /// See [`DiagramKind::option_changed`].
    pub option_changed: fn(&mut Params, &str),
}

fn build_boxed<D: DiagramKind>(params: &Params) -> Result<Box<dyn Diagram>, InputError> {
    D::from_params(params).map(|d| Box::new(d) as Box<dyn Diagram>)
}

impl Kind {
    /// The registry entry of diagram type `D`.
    pub const fn of<D: DiagramKind>() -> Kind {
        Kind {
            spec: D::spec,
            build: build_boxed::<D>,
            option_changed: D::option_changed,
        }
    }
}

/// Every kind, in the order the guide lists them. Adding a diagram adds one line here.
/// With the `regime-map` feature, the regime map too: it is built and tested (the browser tests'
/// bundle, `tests/dist`, has it) but not shipped until the size budget has room (README, "Size").
pub static KINDS: &[Kind] = &[
    Kind::of::<elasticity::Elasticity>(),
    Kind::of::<task_automation::TaskDiagram>(),
    Kind::of::<research_feedback::ResearchDiagram>(),
    Kind::of::<growth_regimes::RegimesDiagram>(),
    Kind::of::<production::ProductionDiagram>(),
    Kind::of::<scenarios::ScenariosDiagram>(),
    #[cfg(feature = "regime-map")]
    Kind::of::<regime_map::RegimeMap>(),
];

/// `parts` joined by `sep`, through `[&str]::join`: one instance of std's join in the wasm
/// instead of one for `String`s as well (1.2 KB).
pub fn joined(parts: &[String], sep: &str) -> String {
    parts
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(sep)
}

/// Every kind's declaration, in registry order.
pub fn specs() -> Vec<&'static KindSpec> {
    KINDS.iter().map(|k| (k.spec)()).collect()
}

/// The registry entry of `kind`, or an error listing the valid kinds.
pub fn find_kind(kind: &str) -> Result<&'static Kind, InputError> {
    KINDS
        .iter()
        .find(|k| (k.spec)().kind == kind)
        .ok_or_else(|| unknown_kind(kind))
}

/// The declaration of `kind`, or an error listing the valid kinds.
pub fn find_spec(kind: &str) -> Result<&'static KindSpec, InputError> {
    find_kind(kind).map(|k| (k.spec)())
}

/// A table the element renders as a real `<table>`, one `<tr>` per row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Table {
    /// The table's caption.
    pub caption: String,
    /// Column headers.
    pub columns: Vec<&'static str>,
    /// Rows, in display order.
    pub rows: Vec<TableRow>,
    /// The option a row click sets to the row's id.
    pub select: &'static str,
    /// An option that, when the element has it, narrows the table to the row with that id
    /// (so the box reserved before the engine loads is the one drawn after).
    pub embed: Option<&'static str>,
}

/// One row of a [`Table`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TableRow {
    /// Value given to the select option when chosen.
    pub id: &'static str,
    /// The cells, each with what it holds.
    pub cells: Vec<Cell>,
    /// True for the chosen row.
    pub selected: bool,
}

/// One table cell: its text and what kind of content it is (the element styles by kind).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cell {
    /// The text shown.
    pub text: String,
    /// `text`, `symbols` (a classification: tabular figures) or `mismatch` (a classification
    /// that differs from the paper's: shown, never hidden).
    pub kind: &'static str,
}

impl Cell {
    /// Plain text.
    pub fn text(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            kind: "text",
        }
    }
    /// A classification, e.g. `++ · C · ++`.
    pub fn symbols(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            kind: "symbols",
        }
    }
    /// A classification that differs from the paper's.
    pub fn mismatch(text: impl Into<String>) -> Cell {
        Cell {
            text: format!("⚠ {}", text.into()),
            kind: "mismatch",
        }
    }
}

/// A model's range error as the widget's message.
pub(crate) fn model_error(e: growth_model::ParamError) -> InputError {
    InputError::new(
        e.name,
        &spec::format_number(e.value),
        "is refused by the model",
        format!("valid range {}", e.domain),
    )
}

fn unknown_kind(kind: &str) -> InputError {
    let kinds: Vec<&str> = specs().iter().map(|s| s.kind).collect();
    let problem = if kind.trim().is_empty() {
        "is missing"
    } else {
        "is not a known kind"
    };
    InputError::new(
        "kind",
        kind,
        problem,
        format!("one of: {}", kinds.join(", ")),
    )
}

#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
