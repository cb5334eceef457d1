//! `growth-widgets`: the diagrams of "Economic Growth under Transformative AI" as
//! WebAssembly, drawn with plotters from numbers computed only by `growth-model`.
//!
//! Lifecycle of one frame:
//!
//! ```text
//! <growth-widget> attribute / control ──► GrowthWidget::set_* (validated against the
//!   kind's one declaration) ──► Diagram::from_params (growth-model computes) ──►
//!   Diagram::draw (plotters on the canvas) + Diagram::describe (live text)
//! ```
//!
//! Adding a diagram: one module implementing [`Diagram`], one line in `diagrams!` below.

extern crate alloc;

pub mod backend;
pub mod elasticity;
pub mod growth_regimes;
pub mod plot;
pub mod production;
pub mod research_feedback;
pub mod scenarios;
pub mod spec;
pub mod task_automation;
pub mod theme;
mod web;

use plot::PanelMap;
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingAreaErrorKind, DrawingBackend};
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

/// A diagram: parameters in, a drawing and a description out.
pub trait Diagram: Sized {
    /// The kind's one declaration.
    fn spec() -> &'static KindSpec;
    /// Computes the diagram's state from validated parameters.
    fn from_params(params: &Params) -> Result<Self, InputError>;
    /// Draws on `root`; returns the pixel-to-data map of each draggable panel.
    fn draw<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        theme: &Theme,
    ) -> Result<Vec<PanelMap>, DrawingAreaErrorKind<DB::ErrorType>>;
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
    /// An HTML table the element shows beside the figure, if the diagram has one.
    fn table(&self) -> Option<Table> {
        None
    }
    /// Adjusts parameters after text option `name` changed (e.g. a row's own values).
    fn option_changed(_params: &mut Params, _name: &str) {}
    /// A slice of deferred work (e.g. filling a table's rows); true while more remains.
    fn work(&mut self) -> bool {
        false
    }
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
}

/// One row of a [`Table`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TableRow {
    /// Value given to the select option when chosen.
    pub id: &'static str,
    /// Cell texts.
    pub cells: Vec<String>,
    /// True for the chosen row.
    pub selected: bool,
    /// True when the simulated classification differs from the paper's (shown, never hidden).
    pub mismatch: bool,
}

macro_rules! diagrams {
    ($($module:ident :: $ty:ident),+ $(,)?) => {
        /// Every diagram kind, for dispatch without trait objects (plotters backends are generic).
        #[derive(Debug, Clone)]
        pub enum AnyDiagram { $( #[allow(missing_docs)] $ty(Box<$module::$ty>) ),+ }

        /// Every kind's declaration, in the order the guide lists them.
        pub fn specs() -> Vec<&'static KindSpec> {
            vec![$( <$module::$ty as Diagram>::spec() ),+]
        }

        impl AnyDiagram {
            /// Builds the diagram of `spec.kind` from `params`.
            pub fn build(spec: &KindSpec, params: &Params) -> Result<Self, InputError> {
                $( if spec.kind == <$module::$ty as Diagram>::spec().kind {
                    return <$module::$ty as Diagram>::from_params(params).map(|d| AnyDiagram::$ty(Box::new(d)));
                } )+
                Err(unknown_kind(spec.kind))
            }
            /// See [`Diagram::draw`].
            pub fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>, theme: &Theme) -> Result<Vec<PanelMap>, DrawingAreaErrorKind<DB::ErrorType>> {
                match self { $( AnyDiagram::$ty(d) => d.draw(root, theme) ),+ }
            }
            /// See [`Diagram::describe`].
            pub fn describe(&self) -> String {
                match self { $( AnyDiagram::$ty(d) => d.describe() ),+ }
            }
            /// See [`Diagram::readouts`].
            pub fn readouts(&self) -> Vec<Readout> {
                match self { $( AnyDiagram::$ty(d) => d.readouts() ),+ }
            }
            /// See [`Diagram::probe`].
            pub fn probe(&self, what: &str, arg: f64) -> Option<Vec<f64>> {
                match self { $( AnyDiagram::$ty(d) => d.probe(what, arg) ),+ }
            }
            /// See [`Diagram::drag_axes`].
            pub fn drag_axes(&self) -> Option<(&'static str, &'static str)> {
                match self { $( AnyDiagram::$ty(d) => d.drag_axes() ),+ }
            }
                        /// See [`Diagram::active_params`].
            pub fn active_params(&self) -> Option<Vec<&'static str>> {
                match self { $( AnyDiagram::$ty(d) => d.active_params() ),+ }
            }
                        /// See [`Diagram::work`].
            pub fn work(&mut self) -> bool {
                match self { $( AnyDiagram::$ty(d) => d.work() ),+ }
            }
            /// See [`Diagram::table`].
            pub fn table(&self) -> Option<Table> {
                match self { $( AnyDiagram::$ty(d) => d.table() ),+ }
            }
            /// See [`Diagram::option_changed`].
            pub fn option_changed(spec: &KindSpec, params: &mut Params, name: &str) {
                $( if spec.kind == <$module::$ty as Diagram>::spec().kind {
                    <$module::$ty as Diagram>::option_changed(params, name);
                } )+
            }
            /// See [`Diagram::drag`].
            pub fn drag(&self, panel: usize, x: f64, y: f64) -> Vec<(&'static str, f64)> {
                match self { $( AnyDiagram::$ty(d) => d.drag(panel, x, y) ),+ }
            }
        }
    };
}

diagrams!(
    elasticity::Elasticity,
    task_automation::TaskDiagram,
    research_feedback::ResearchDiagram,
    growth_regimes::RegimesDiagram,
    production::ProductionDiagram,
    scenarios::ScenariosDiagram,
);

/// A model's range error as the widget's message.
pub(crate) fn model_error(e: growth_model::ParamError) -> InputError {
    InputError::new(
        e.name,
        &spec::format_number(e.value),
        "is refused by the model",
        format!("valid range {}", e.domain),
    )
}

/// The declaration of `kind`, or an error listing the valid kinds.
pub fn find_spec(kind: &str) -> Result<&'static KindSpec, InputError> {
    specs()
        .into_iter()
        .find(|s| s.kind == kind)
        .ok_or_else(|| unknown_kind(kind))
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
