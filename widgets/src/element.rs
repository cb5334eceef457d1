//! The rules of the `<growth-widget>` element, in one place: which attributes it reads, how
//! each is validated, what removing one means, and every message a reader or author sees.
//! The shim forwards attribute changes here and shows what comes back; it decides nothing.
//!
//! ```text
//! attribute (name, text | removed) ──► Widget::attribute ──► Affects::{Figure, Height, Controls, Kind, Nothing}
//!                                             │ (or an InputError with the full sentence)
//!                                             ▼
//!                                   Kind::build → dyn Diagram
//! ```

use crate::backend::{estimate_text, Measure, Measured, Surface, SUB};
use crate::plot::PanelMap;
use crate::spec::{format_attribute, unknown_param, InputError, KindSpec, Params};
use crate::svg::SvgSurface;
use crate::theme::Theme;
use crate::{find_kind, Diagram, Kind, Readout, Table};
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use growth_model::Doc;
use plotters::prelude::IntoDrawingArea;
use serde::Serialize;

/// Attributes of the element itself (not of a diagram), with what they do: the guide lists them.
pub const ELEMENT_ATTRIBUTES: &[(&str, Doc)] = &[
    ("kind", Doc::new("Which diagram to show (required).")),
    (
        "controls",
        Doc::new(
            "Comma-separated parameter names to show controls for, or none for a static figure.",
        ),
    ),
    (
        "preset",
        Doc::new("Applies one of the kind's presets before the other attributes."),
    ),
    ("height", Doc::new("The figure's height in CSS pixels.")),
    (
        "group",
        Doc::new("Links widgets with the same group name: a parameter moved in one moves every member that has it, within each member's own range (a value outside it is clamped, and the member says so). The group starts from its first member in document order, whichever starts first; a reader's change then holds for members that start later."),
    ),
    (
        "history",
        Doc::new("How the page's address keeps this widget's state (it needs an id): replace (the default: the address follows committed changes without adding history entries), push (each committed change is a history entry, so Back steps through them) or none."),
    ),
];

/// The `history` attribute's values: how a widget with an id keeps its state in the address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum History {
    /// The address follows committed changes, replacing its entry (the default).
    Replace,
    /// Each committed change adds a history entry.
    Push,
    /// The address never holds this widget's state.
    None,
}

impl History {
    /// The attribute value that selects it.
    pub fn as_str(self) -> &'static str {
        match self {
            History::Replace => "replace",
            History::Push => "push",
            History::None => "none",
        }
    }
}

const HISTORY_VALUES: [(&str, History); 3] = [
    ("replace", History::Replace),
    ("push", History::Push),
    ("none", History::None),
];

/// Attributes that belong to HTML or to the page, never to a diagram: ignored, never refused.
const GLOBAL_ATTRIBUTES: &[&str] = &[
    "class",
    "id",
    "style",
    "slot",
    "title",
    "lang",
    "dir",
    "hidden",
    "tabindex",
    "part",
    "exportparts",
    "role",
    "is",
    "inert",
    "nonce",
    "translate",
    "draggable",
    "autofocus",
    "accesskey",
    "popover",
    "loading",
    "contenteditable",
    "spellcheck",
    "enterkeyhint",
    "inputmode",
    "itemprop",
    "itemscope",
    "itemtype",
    "itemid",
    "itemref",
    "xmlns",
];

/// True for attributes the page owns (HTML globals, `aria-*`, `data-*`, event handlers).
pub fn is_page_attribute(name: &str) -> bool {
    GLOBAL_ATTRIBUTES
        .iter()
        .any(|g| g.eq_ignore_ascii_case(name))
        || name.starts_with("aria-")
        || name.starts_with("data-")
        || name.starts_with("on")
}

/// The figure's height: valid range in CSS pixels.
pub const HEIGHT_RANGE: (f64, f64) = (160.0, 2000.0);

/// The figure's height in CSS pixels while no kind is known (none given, or not declared).
pub const UNKNOWN_KIND_HEIGHT: f64 = 420.0;

/// Longest attribute text the engine reads; longer text is refused without being parsed
/// (the message shows its start), so a pasted megabyte costs what a short value costs.
pub const MAX_ATTRIBUTE_TEXT: usize = 1000;

/// What an accepted attribute change affects, so the element redoes only that.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Affects {
    /// Parameters, a preset or an option: redraw the figure.
    Figure,
    /// The figure's height (see [`Widget::height`]).
    Height,
    /// Which controls are shown (see [`Widget::controls`]).
    Controls,
    /// The kind itself: the element makes a new widget.
    Kind,
    /// A page attribute: nothing to do.
    Nothing,
}

impl Affects {
    /// The name the element switches on.
    pub fn as_str(self) -> &'static str {
        match self {
            Affects::Figure => "figure",
            Affects::Height => "height",
            Affects::Controls => "controls",
            Affects::Kind => "kind",
            Affects::Nothing => "nothing",
        }
    }
}

/// What shapes the element's box (see [`Widget::layout`]).
#[derive(Debug)]
pub struct Layout {
    /// The validated height in CSS pixels.
    pub height: u32,
    /// The parameters that get controls, in declaration order.
    pub controls: Vec<&'static str>,
    /// The figure's accessible name.
    pub label: String,
    /// True when the figure has a point to move with the arrow keys.
    pub focusable: bool,
    /// What the focusable figure is, spoken as its role (`aria-roledescription`); "" when none.
    pub role_description: &'static str,
    /// How the page's address keeps this widget's state (the `history` attribute, validated).
    pub history: History,
}

/// The figure's draggable point as an interactive control (a two-dimensional slider): the
/// x parameter's range and value, and the spoken value of both parameters.
#[derive(Debug)]
pub struct Point {
    /// The x parameter's smallest value.
    pub min: f64,
    /// The x parameter's largest value.
    pub max: f64,
    /// The x parameter's value.
    pub now: f64,
    /// Both parameters as spoken: "K = 2, L = 1.5".
    pub text: String,
}

/// The element's data that the shim needs before the engine loads, written into the
/// declarations by the build (so the shim lists no attribute itself).
#[derive(Debug, Serialize)]
pub struct ElementSpec {
    /// Element attributes with their help (guide).
    pub attributes: Vec<ElementAttribute>,
    /// Valid heights (guide), then the height while no kind is known (the stylesheet's default).
    pub height: (f64, f64, f64),
    /// CSS custom properties with both themes' defaults.
    pub theme: &'static [crate::theme::ThemeProperty],
    /// Longest attribute text the engine reads ([`MAX_ATTRIBUTE_TEXT`]): the element passes at
    /// most one character more, so a pasted megabyte never reaches (and grows) wasm memory.
    pub max_text: usize,
    /// The elements that show a widget's numbers and words in the page's prose.
    pub companions: &'static [Companion],
    /// Messages about the page rather than one widget, as templates (`{id}`, `{name}`, …).
    pub messages: &'static [(&'static str, &'static str)],
}

/// An element that shows one of a widget's values in the page's text (see [`COMPANIONS`]).
#[derive(Debug, Serialize)]
pub struct Companion {
    /// Its tag name.
    pub tag: &'static str,
    /// What it is, for the guide and the manifest.
    #[serde(serialize_with = "crate::spec::doc_text")]
    pub summary: Doc,
    /// Its attributes with their help.
    #[serde(serialize_with = "attribute_list")]
    pub attributes: &'static [(&'static str, Doc)],
}

/// Declared `(name, help)` pairs as the guide reads them: `[{name, help}]`.
fn attribute_list<S: serde::Serializer>(
    list: &&'static [(&'static str, Doc)],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(
        list.iter()
            .map(|(name, help)| ElementAttribute { name, help }),
    )
}

/// `<growth-value>` and `<growth-text>`: a widget's live numbers and words inside prose.
pub const COMPANIONS: &[Companion] = &[
    Companion {
        tag: "growth-value",
        summary: Doc::new("Shows, inline, the live value of a parameter or readout of the widget with that id, formatted as the widget shows it; with adjustable, the number itself can be dragged or stepped with the arrow keys and moves its widget."),
        attributes: &[
            ("for", Doc::new("The id of the <growth-widget> whose value to show.")),
            ("name", Doc::new("A parameter (rho, K, …) or a readout key (wage, capital_share, …) of that widget; the guide's tables list each kind's.")),
            ("adjustable", Doc::new("For a parameter: the number is a slider (drag left or right, or focus it and use the arrow keys, Page Up/Down, Home and End).")),
        ],
    },
    Companion {
        tag: "growth-text",
        summary: Doc::new("Shows, inline, the widget's own words: a readout such as the regime or a scenario's classification, or description for the sentence that describes the figure."),
        attributes: &[
            ("for", Doc::new("The id of the <growth-widget> whose words to show.")),
            ("name", Doc::new("A readout key (regime, simulated, …) or description.")),
        ],
    },
];

/// Every sentence and label the element shows or logs that no engine call returns: about links
/// and companions, the element's own labels, and the states in which there is no engine to ask
/// (loading, failed to load, stopped on a trap). The shim fills in the `{names}`.
pub const PAGE_MESSAGES: &[(&str, &str)] = &[
    ("missing", "{tag} needs for=\"…\" (the id of a <growth-widget>) and name=\"…\" (one of its parameters or readouts)"),
    ("no-widget", "{tag} for=\"{id}\": no <growth-widget id=\"{id}\"> on this page"),
    ("not-adjustable", "{tag} name=\"{name}\" is not a parameter of its widget, so it cannot be adjustable; parameters: {names}"),
    ("unreadable", "{tag} for=\"{id}\": {message}"),
    ("loading", "…"),
    ("state-ignored", "growth-widget: parts of the address's state were ignored: {list}"),
    ("state-no-widget", "no <growth-widget> with id=\"{id}\""),
    ("state-malformed", "\"{part}\" is not id:name=value,…"),
    ("label", "Growth diagram"),
    ("loading-diagram", "Loading diagram…"),
    ("actions", "Figure actions"),
    ("presets", "Presets"),
    // An action's visible text, then its accessible name (which begins with the visible
    // text, WCAG 2.5.3); Play keeps one name, its state in aria-pressed.
    ("play", "Play"),
    ("png", "PNG"),
    ("png-name", "PNG: download the figure"),
    ("svg", "SVG"),
    ("svg-name", "SVG: download the figure"),
    ("copy-tag", "Copy tag"),
    ("copy-tag-name", "Copy tag for this exact figure"),
    ("copy-link", "Copy link"),
    ("copy-link-name", "Copy link to this page with the widgets as they are now"),
    ("copied-tag", "Copied: "),
    ("manual-tag", "Copy this tag: "),
    ("copied-link", "Copied link: "),
    ("manual-link", "Copy this link: "),
    ("unloaded", "This diagram could not be loaded. Any fallback content is shown instead."),
    ("unloaded-error", "The diagram engine failed to load: {reason}"),
    ("unloaded-expected", "the growth-widgets WebAssembly module"),
    ("unloaded-console", "growth-widget: the WebAssembly module failed to load:"),
    ("no-diagram", "No diagram to show: see the message below."),
    ("not-drawn", "The diagram could not be drawn."),
    ("restarted", "The diagram stopped on an internal error and was restarted: {panic}"),
    ("not-restarted", "The diagram stopped on repeated internal errors and was not restarted: {panic}"),
    ("crash-expected", "a diagram that draws"),
    ("stopped", "This diagram stopped after repeated internal errors."),
    ("panic-console", "growth-widget: the {kind} diagram stopped on an internal error: {panic}"),
    ("builtins", "This page has replaced JavaScript built-ins the diagram needs ({list}), so it cannot run here."),
];

/// One element attribute, for the guide.
#[derive(Debug, Serialize)]
pub struct ElementAttribute {
    /// Its name.
    pub name: &'static str,
    /// What it does.
    #[serde(serialize_with = "crate::spec::doc_text")]
    pub help: &'static Doc,
}

/// The element's declaration.
pub fn element_spec() -> ElementSpec {
    ElementSpec {
        attributes: ELEMENT_ATTRIBUTES
            .iter()
            .map(|(name, help)| ElementAttribute { name, help })
            .collect(),
        height: (HEIGHT_RANGE.0, HEIGHT_RANGE.1, UNKNOWN_KIND_HEIGHT),
        theme: crate::theme::PROPERTIES,
        max_text: MAX_ATTRIBUTE_TEXT,
        companions: COMPANIONS,
        messages: PAGE_MESSAGES,
    }
}

/// The attribute text as the engine reads it: at most [`MAX_ATTRIBUTE_TEXT`] bytes.
fn bounded(name: &str, text: &str) -> Result<(), InputError> {
    if text.len() > MAX_ATTRIBUTE_TEXT {
        return Err(InputError::new(
            name,
            text,
            "is too long",
            format!("at most {MAX_ATTRIBUTE_TEXT} characters"),
        ));
    }
    Ok(())
}

/// One diagram instance with the element's state: parameters, height and shown controls.
pub struct Widget {
    kind: &'static Kind,
    spec: &'static KindSpec,
    params: Params<'static>,
    /// The parameters as the attributes set them: a reader's changes are the difference.
    base: Params<'static>,
    diagram: Box<dyn Diagram>,
    height: u32,
    history: History,
    controls: Option<Vec<&'static str>>,
    panels: Vec<PanelMap>,
}

impl Widget {
    /// A widget of `kind` with default parameters.
    pub fn new(kind: &str) -> Result<Widget, InputError> {
        bounded("kind", kind)?;
        let entry = find_kind(kind)?;
        let spec = (entry.spec)();
        let params = Params::defaults(spec);
        let diagram = (entry.build)(&params)?;
        Ok(Widget {
            kind: entry,
            spec,
            base: params.clone(),
            params,
            diagram,
            height: spec.height,
            history: History::Replace,
            controls: None,
            panels: Vec::new(),
        })
    }

    /// The kind's declaration.
    pub fn spec(&self) -> &'static KindSpec {
        self.spec
    }

    /// The diagram as now computed.
    pub fn diagram(&self) -> &dyn Diagram {
        self.diagram.as_ref()
    }

    /// Applies `change` to a copy of the parameters and rebuilds; on error nothing changes.
    fn update(
        &mut self,
        change: impl FnOnce(&mut Params<'static>) -> Result<(), InputError>,
    ) -> Result<(), InputError> {
        let mut next = self.params.clone();
        change(&mut next)?;
        self.diagram = (self.kind.build)(&next)?;
        self.params = next;
        Ok(())
    }

    /// An attribute was set (`Some(text)`) or removed (`None`): what it affects, and the
    /// error to show if it was refused (the widget then keeps its state, and the message
    /// says what is shown instead). A refused height or controls list still affects the
    /// layout: the fallback applies.
    pub fn attribute(&mut self, name: &str, value: Option<&str>) -> (Affects, Option<InputError>) {
        if is_page_attribute(name) {
            return (Affects::Nothing, None);
        }
        let affects = match name {
            "kind" => Affects::Kind,
            "height" => Affects::Height,
            "controls" => Affects::Controls,
            "group" | "history" => Affects::Nothing,
            "preset" if value.is_none() => Affects::Nothing,
            _ => Affects::Figure,
        };
        if let Some(text) = value {
            if let Err(e) = bounded(name, text) {
                return (affects, Some(e));
            }
        }
        let result = match affects {
            Affects::Height => self.set_height(value),
            Affects::Controls => self.set_controls(value),
            Affects::Nothing if name == "history" => self.set_history(value),
            Affects::Kind | Affects::Nothing => Ok(()),
            Affects::Figure if name == "preset" => self.apply_preset(value.unwrap_or_default()),
            Affects::Figure => self.set_parameter(name, value),
        };
        if result.is_ok() && affects == Affects::Figure {
            self.rebase(name);
        }
        (affects, result.err())
    }

    /// Every attribute of a new element, in the order that makes them mean what they say: a
    /// preset first, then the rest as written (so `preset="…" rho="1"` shows ρ = 1).
    pub fn attributes<'n>(
        &mut self,
        attributes: &[(&'n str, &str)],
    ) -> Vec<(&'n str, Affects, Option<InputError>)> {
        let presets = attributes.iter().filter(|(n, _)| *n == "preset");
        let others = attributes.iter().filter(|(n, _)| *n != "preset");
        presets
            .chain(others)
            .map(|(name, value)| {
                let (affects, error) = self.attribute(name, Some(value));
                (*name, affects, error)
            })
            .collect()
    }

    fn set_parameter(&mut self, name: &str, value: Option<&str>) -> Result<(), InputError> {
        let kind = self.kind;
        let result = match value {
            Some(text) => self.update(|params| {
                params.set_text(name, text)?;
                if params.is_option(name) {
                    (kind.option_changed)(params, name);
                }
                Ok(())
            }),
            None => {
                let spec = self.spec;
                self.update(|params| {
                    if let Some((_, p)) = spec.param(name) {
                        params.set(p.name, p.default)
                    } else if params.is_option(name) {
                        params.set_option(name, None);
                        Ok(())
                    } else {
                        Err(unknown_param(spec, name, ""))
                    }
                })
            }
        };
        result.map_err(|mut error| {
            // Say what the reader sees instead: the value the widget kept.
            if let Some((i, p)) = self.spec.param(name) {
                let kept = self.params.value(i);
                error.message = format!(
                    "{} Showing {} = {} instead.",
                    error.message,
                    p.name,
                    format_attribute(kept)
                );
            }
            error
        })
    }

    fn set_height(&mut self, value: Option<&str>) -> Result<(), InputError> {
        let default = self.spec.height;
        self.height = default;
        let Some(text) = value else { return Ok(()) };
        let trimmed = text.trim();
        let number = trimmed.strip_suffix("px").unwrap_or(trimmed).trim();
        let (min, max) = HEIGHT_RANGE;
        match growth_model::parse_decimal(number) {
            Some(h) if h.is_finite() && (min..=max).contains(&h) => {
                self.height = h.round() as u32;
                Ok(())
            }
            _ => Err(InputError::new(
                "height",
                text,
                "is not a valid height",
                format!(
                    "a height in CSS pixels from {} to {}. Using {default}",
                    min as u32, max as u32
                ),
            )),
        }
    }

    fn set_history(&mut self, value: Option<&str>) -> Result<(), InputError> {
        self.history = History::Replace;
        let Some(text) = value else { return Ok(()) };
        let found = HISTORY_VALUES
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(text.trim()));
        match found {
            Some((_, history)) => {
                self.history = *history;
                Ok(())
            }
            None => {
                let names: Vec<&str> = HISTORY_VALUES.iter().map(|(name, _)| *name).collect();
                Err(InputError::new(
                    "history",
                    text,
                    "is not a history mode",
                    format!(
                        "one of: {}. Using {}",
                        names.join(", "),
                        History::Replace.as_str()
                    ),
                ))
            }
        }
    }

    fn set_controls(&mut self, value: Option<&str>) -> Result<(), InputError> {
        self.controls = None;
        let Some(list) = value else { return Ok(()) };
        let words = || {
            list.split(|c: char| c == ',' || c.is_whitespace())
                .filter(|s| !s.is_empty())
        };
        let mut shown = Vec::new();
        if !words().eq(["none"]) {
            // Shown in declaration order, as the guide lists them (a filter of the declaration, no sort).
            for p in self.spec.params {
                if words().any(|w| w.eq_ignore_ascii_case(p.name)) {
                    shown.push(p.name);
                }
            }
        }
        self.controls = Some(shown);
        let mut unknown = String::new();
        for w in words().filter(|w| *w != "none" && self.spec.param(w).is_none()) {
            if !unknown.is_empty() {
                unknown.push_str(", ");
            }
            unknown.push_str(w);
        }
        if unknown.is_empty() {
            return Ok(());
        }
        Err(InputError::new(
            "controls",
            list,
            &format!("names {unknown}, which this kind does not have"),
            format!("valid names: {}, or none", self.spec.param_names()),
        ))
    }

    /// The validated height in CSS pixels.
    pub fn height(&self) -> u32 {
        self.height
    }

    /// The parameters that get controls, in declaration order; toggles included.
    pub fn controls(&self) -> Vec<&'static str> {
        match &self.controls {
            Some(list) => list.clone(),
            None => self.spec.params.iter().map(|p| p.name).collect(),
        }
    }

    /// Sets a parameter from a number (a control or a property); on error the old value stays.
    pub fn set_value(&mut self, name: &str, value: f64) -> Result<(), InputError> {
        self.update(|params| params.set(name, value))
    }

    /// A value shared by a linked widget of `group`: a parameter this kind does not declare is
    /// not shared (`Ok(None)`); one outside this kind's range is clamped into it, and the
    /// notice saying so is returned to show.
    pub fn set_linked(
        &mut self,
        name: &str,
        value: f64,
        group: &str,
    ) -> Result<Option<InputError>, InputError> {
        let Some(p) = self.spec.params.iter().find(|p| p.name == name) else {
            return Ok(None);
        };
        // A value that is not finite is refused with the range (`check` refuses every one).
        if !value.is_finite() {
            p.check(value)?;
        }
        let shown = growth_model::clamp(value, p.min, p.max);
        self.update(|params| params.set(p.name, shown))?;
        if shown == value {
            return Ok(None);
        }
        Ok(Some(InputError::new(
            p.name,
            &format_attribute(value),
            &format!(
                "from group \"{}\" is outside this diagram's range",
                InputError::shortened(group)
            ),
            format!(
                "{}. Showing {} = {} instead",
                p.range_text(),
                p.name,
                format_attribute(shown)
            ),
        )))
    }

    /// The text of a parameter (with its unit), a readout (as shown under the figure) or the
    /// `description` (the figure in words): what `<growth-value>` and `<growth-text>` show.
    pub fn text(&self, name: &str) -> Result<String, InputError> {
        if let Some((i, p)) = self.spec.param(name) {
            return Ok(p.shown(self.params.value(i)));
        }
        if name == "description" {
            return Ok(self.describe());
        }
        let readouts = self.readouts();
        if let Some(r) = readouts.iter().find(|r| r.key == name) {
            return Ok(r.value.clone());
        }
        let mut names = self.spec.param_names();
        for r in &readouts {
            names.push_str(", ");
            names.push_str(r.key);
        }
        Err(InputError::new(
            "name",
            name,
            &format!("is not a value of kind=\"{}\"", self.spec.kind),
            format!("one of: {names}, description"),
        ))
    }

    /// An attribute written after the start is the attributes' state too (not a reader's
    /// change a link should carry): one parameter, or everything a preset or option set.
    fn rebase(&mut self, name: &str) {
        match self.spec.param(name) {
            Some((i, p)) => {
                let _ = self.base.set(p.name, self.params.value(i));
            }
            None => self.base = self.params.clone(),
        }
    }

    /// Takes the current parameters as the attributes' state (after the attributes are applied).
    pub fn snapshot(&mut self) {
        self.base = self.params.clone();
    }

    /// What a reader changed since the attributes: `[name, text, …]` for every option and
    /// parameter that differs, with texts an attribute reads back exactly.
    pub fn state(&self) -> Vec<String> {
        let mut out = Vec::new();
        for (name, text) in self.params.options() {
            if self.base.option(name) != Some(text) {
                out.push(name.to_string());
                out.push(text.to_string());
            }
        }
        for ((name, value), (_, base)) in self.params.iter().zip(self.base.iter()) {
            if value != base {
                out.push(name.to_string());
                out.push(format_attribute(value));
            }
        }
        out
    }

    /// Back to the attributes' state.
    pub fn reset(&mut self) -> Result<(), InputError> {
        let base = self.base.clone();
        self.update(|params| {
            *params = base;
            Ok(())
        })
    }

    /// Sets a parameter or option from text as a reader would (a restored link): validated as
    /// the attribute is, but the attributes' state stays as it was.
    pub fn set_text(&mut self, name: &str, text: &str) -> Result<(), InputError> {
        bounded(name, text)?;
        self.set_parameter(name, Some(text))
    }

    /// Moves parameter `name` by `steps` of its step, within its range; false when it is not a
    /// parameter of this kind.
    pub fn step(&mut self, name: &str, steps: f64) -> Result<bool, InputError> {
        let Some((i, p)) = self.spec.param(name) else {
            return Ok(false);
        };
        // On the slider's grid (steps from the minimum), so repeated steps never drift.
        let grid = libm::round((self.params.value(i) + steps * p.step - p.min) / p.step);
        let value = growth_model::clamp(
            libm::round((p.min + grid * p.step) * 1e9) / 1e9,
            p.min,
            p.max,
        );
        self.update(|params| params.set(p.name, value))?;
        Ok(true)
    }

    /// Applies a declared preset.
    pub fn apply_preset(&mut self, name: &str) -> Result<(), InputError> {
        let preset = self.spec.preset(name)?;
        self.update(|params| {
            preset
                .values
                .iter()
                .try_for_each(|(key, value)| params.set(key, *value))
        })
    }

    /// Current parameter values, in declaration order.
    pub fn params(&self) -> &Params<'static> {
        &self.params
    }

    /// The parameters that matter now, or `None` for all of them.
    pub fn active_params(&self) -> Option<Vec<&'static str>> {
        self.diagram.active_params()
    }

    /// A slice of deferred work: whether more remains and whether the figure changed.
    pub fn work(&mut self) -> crate::Work {
        self.diagram.work()
    }

    /// The diagram's table, if any.
    pub fn table(&self) -> Option<Table> {
        self.diagram.table()
    }

    /// What the figure shows, in words.
    pub fn describe(&self) -> String {
        self.diagram.describe()
    }

    /// Labelled numbers.
    pub fn readouts(&self) -> Vec<Readout> {
        self.diagram.readouts()
    }

    /// The `<growth-widget …>` tag that reproduces the current state: the kind, then every
    /// parameter and option that differs from its default.
    pub fn tag(&self) -> String {
        let mut tag = format!("<growth-widget kind=\"{}\"", self.spec.kind);
        for (name, text) in self.params.options() {
            tag.push_str(&format!(" {name}=\"{}\"", escape_attribute(text)));
        }
        for ((name, value), p) in self.params.iter().zip(self.spec.params.iter()) {
            if (value - p.default).abs() > 1e-12 {
                tag.push_str(&format!(" {name}=\"{}\"", format_attribute(value)));
            }
        }
        tag.push_str("></growth-widget>");
        tag
    }

    /// Where the last drawing put each draggable panel.
    pub fn panels(&self) -> &[PanelMap] {
        &self.panels
    }

    /// Remembers where the drawing put the draggable panels (for pointer hits).
    pub fn set_panels(&mut self, panels: Vec<PanelMap>) {
        self.panels = panels;
    }

    /// A pointer at backing-store pixel (x, y): applies the drag; true if anything changed.
    pub fn pointer(&mut self, x: f64, y: f64) -> Result<bool, InputError> {
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
    pub fn nudge(&mut self, dx: f64, dy: f64) -> Result<bool, InputError> {
        let Some((x_name, y_name)) = self.diagram.drag_axes() else {
            return Ok(false);
        };
        let spec = self.spec;
        self.update(|params| {
            for (name, delta) in [(x_name, dx), (y_name, dy)] {
                if let Some((i, p)) = spec.param(name) {
                    let value = growth_model::clamp(params.value(i) + delta * p.step, p.min, p.max);
                    params.set(name, value)?;
                }
            }
            Ok(())
        })?;
        Ok(true)
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

    /// Draws the figure on `surface` and remembers where its draggable panels went.
    pub fn draw(
        &mut self,
        surface: &mut dyn Surface,
        theme: &Theme,
        measure: Measure<'_>,
    ) -> Result<(), String> {
        // Kept in device pixels, as pointers arrive.
        let unit = f64::from(SUB);
        self.panels = draw_on(self.diagram.as_ref(), surface, theme, measure)?
            .into_iter()
            .map(|m| PanelMap {
                left: m.left / unit,
                top: m.top / unit,
                right: m.right / unit,
                bottom: m.bottom / unit,
                ..m
            })
            .collect();
        Ok(())
    }

    /// The figure as an SVG document of `width` × `height` CSS pixels.
    pub fn svg(
        &self,
        width: u32,
        height: u32,
        theme: &Theme,
        measure: Measure<'_>,
    ) -> Result<String, String> {
        let mut svg = SvgSurface::new(width.clamp(1, 8192), height.clamp(1, 8192));
        draw_on(self.diagram.as_ref(), &mut svg, theme, measure)?;
        Ok(svg.finish())
    }

    /// The figure as SVG in the light theme with estimated text widths (no page at hand:
    /// the build's static fallbacks, host tests).
    pub fn figure_svg(&self, width: u32, height: u32) -> Result<String, String> {
        let estimate = |text: &str, _font: &str, size: f64| estimate_text(text, size);
        self.svg(width, height, &Theme::light(1.0), &estimate)
    }

    /// What shapes the element's box, in one answer.
    pub fn layout(&self) -> Layout {
        Layout {
            height: self.height,
            controls: self.controls(),
            label: self.figure_label(),
            focusable: self.diagram.drag_axes().is_some(),
            role_description: if self.diagram.drag_axes().is_some() {
                "draggable point"
            } else {
                ""
            },
            history: self.history,
        }
    }

    /// Every parameter's value as a screen reader says it (`aria-valuetext`), in declaration order.
    pub fn value_texts(&self) -> Vec<(&'static str, String)> {
        self.spec
            .params
            .iter()
            .zip(self.params.iter())
            .map(|(p, (name, value))| (name, p.spoken(value)))
            .collect()
    }

    /// The draggable point as a control, or `None` when the figure has none.
    pub fn point(&self) -> Option<Point> {
        let (x, y) = self.diagram.drag_axes()?;
        let (xi, xp) = self.spec.param(x)?;
        let (yi, yp) = self.spec.param(y)?;
        Some(Point {
            min: xp.min,
            max: xp.max,
            now: self.params.value(xi),
            text: format!(
                "{}, {}",
                xp.spoken(self.params.value(xi)),
                yp.spoken(self.params.value(yi))
            ),
        })
    }

    /// The sentence for the figure's accessible name when it has a point to move.
    pub fn figure_label(&self) -> String {
        match self.diagram.drag_axes() {
            Some((x, y)) => format!(
                "{}. Drag the point, or focus here and use the arrow keys to change {x} and {y}.",
                self.spec.title.text()
            ),
            None => self.spec.title.text().to_string(),
        }
    }
}

/// Draws `diagram` on `surface`; returns where its draggable panels went.
fn draw_on(
    diagram: &dyn Diagram,
    surface: &mut dyn Surface,
    theme: &Theme,
    measure: Measure<'_>,
) -> Result<Vec<PanelMap>, String> {
    let root = Measured { surface, measure }.into_drawing_area();
    let panels = diagram.draw(&root, theme).map_err(|e| e.to_string())?;
    root.present().map_err(|e| e.to_string())?;
    Ok(panels)
}

/// `text` safe inside a double-quoted attribute.
fn escape_attribute(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused((_, error): (Affects, Option<InputError>)) -> InputError {
        error.expect("the attribute is refused")
    }

    #[test]
    fn a_preset_applies_before_the_attributes_written_after_it() {
        let mut w = elasticity();
        let results = w.attributes(&[("rho", "0.5"), ("preset", "complements")]);
        assert!(results.iter().all(|(_, _, e)| e.is_none()));
        assert_eq!(w.params().iter().next(), Some(("rho", 0.5)));
    }

    fn elasticity() -> Widget {
        Widget::new("elasticity").expect("elasticity is a kind")
    }

    #[test]
    fn a_refused_parameter_says_what_is_shown_instead() {
        let mut w = elasticity();
        let e = refused(w.attribute("rho", Some("abc")));
        assert_eq!(
            e.message,
            "rho=\"abc\" is not a number; valid range −5 to 1. Showing rho = -0.5 instead."
        );
        assert_eq!(w.params().iter().next(), Some(("rho", -0.5)));
    }

    #[test]
    fn removing_a_parameter_restores_its_default_and_names_match_case_insensitively() {
        let mut w = elasticity();
        assert_eq!(w.attribute("k", Some("3")), (Affects::Figure, None));
        assert_eq!(w.params().iter().nth(2), Some(("K", 3.0)));
        assert_eq!(w.attribute("k", None), (Affects::Figure, None));
        assert_eq!(w.params().iter().nth(2), Some(("K", 2.0)));
    }

    #[test]
    fn height_is_validated_here_with_the_fallback_in_the_message() {
        let mut w = elasticity();
        assert_eq!(
            w.attribute("height", Some("300px")),
            (Affects::Height, None)
        );
        assert_eq!(w.height(), 300);
        let e = refused(w.attribute("height", Some("5000")));
        assert_eq!(e.message, "height=\"5000\" is not a valid height; a height in CSS pixels from 160 to 2000. Using 420.");
        assert_eq!(w.height(), 420);
        assert_eq!(w.attribute("height", None), (Affects::Height, None));
        assert_eq!(w.height(), 420);
    }

    #[test]
    fn controls_are_validated_in_declaration_order() {
        let mut w = elasticity();
        assert_eq!(
            w.attribute("controls", Some("K, rho")),
            (Affects::Controls, None)
        );
        assert_eq!(w.controls(), ["rho", "K"]);
        let e = refused(w.attribute("controls", Some("rho,zeta")));
        assert!(e.message.starts_with("controls=\"rho,zeta\" names zeta, which this kind does not have; valid names: rho, alpha, K, L, or none."), "{}", e.message);
        assert_eq!(w.controls(), ["rho"]);
        assert_eq!(
            w.attribute("controls", Some("none")),
            (Affects::Controls, None)
        );
        assert!(w.controls().is_empty());
    }

    #[test]
    fn page_attributes_are_ignored_and_unknown_ones_refused() {
        let mut w = elasticity();
        for name in ["class", "aria-label", "data-x", "onclick", "id", "group"] {
            assert_eq!(
                w.attribute(name, Some("x")),
                (Affects::Nothing, None),
                "{name}"
            );
        }
        let e = refused(w.attribute("foo", Some("1")));
        assert_eq!(e.message, "foo=\"1\" is not a parameter of kind=\"elasticity\"; its parameters are rho, alpha, K, L.");
    }

    #[test]
    fn long_text_is_refused_without_parsing() {
        let mut w = elasticity();
        let long = "1".repeat(1_000_000);
        let e = refused(w.attribute("rho", Some(&long)));
        assert!(e.message.contains("is too long"), "{}", e.message);
        assert!(e.message.len() < 200);
    }

    #[test]
    fn the_point_and_the_controls_speak_their_values() {
        let w = elasticity();
        let point = w.point().expect("elasticity has a point");
        assert_eq!(point.text, "K = 2, L = 1.5");
        assert_eq!((point.min, point.max, point.now), (0.05, 6.0, 2.0));
        assert_eq!(w.value_texts()[0], ("rho", "ρ = −0.5".to_string()));
    }

    #[test]
    fn every_kind_builds_and_tags_itself() {
        for kind in crate::KINDS.iter() {
            let spec = (kind.spec)();
            let w = Widget::new(spec.kind).expect("every registered kind builds at its defaults");
            assert_eq!(
                w.tag(),
                format!("<growth-widget kind=\"{}\"></growth-widget>", spec.kind)
            );
        }
    }

    #[test]
    fn a_linked_value_outside_the_range_is_clamped_and_said() {
        let mut w = elasticity();
        assert_eq!(w.set_linked("rho", -1.0, "g"), Ok(None));
        assert_eq!(w.params().named("rho").unwrap_or(f64::NAN), -1.0);
        let notice = w
            .set_linked("rho", -8.0, "g")
            .expect("a finite value is accepted")
            .expect("a value outside −5 … 1 is clamped with a notice");
        assert_eq!(w.params().named("rho").unwrap_or(f64::NAN), -5.0);
        assert_eq!(notice.message, "rho=\"-8\" from group \"g\" is outside this diagram's range; valid range −5 to 1. Showing rho = -5 instead.");
        // A name this kind does not declare is not shared.
        assert_eq!(w.set_linked("phi", 9.0, "g"), Ok(None));
        assert!(w.set_linked("rho", f64::NAN, "g").is_err());
        assert_eq!(w.params().named("rho").unwrap_or(f64::NAN), -5.0);
    }

    #[test]
    fn texts_name_parameters_readouts_and_the_description() {
        let w = Widget::new("production").expect("production is a kind");
        assert_eq!(w.text("wage").as_deref(), Ok("0.32"));
        assert_eq!(w.text("capital_share").as_deref(), Ok("60%"));
        assert_eq!(w.text("rho").as_deref(), Ok("−1"));
        assert_eq!(w.text("description"), Ok(w.describe()));
        let e = w.text("wages").expect_err("an unknown name is refused");
        assert!(e.message.starts_with("name=\"wages\" is not a value of kind=\"production\"; one of: K, L, A, B, rho, alpha, Y, wage,"), "{}", e.message);
    }

    #[test]
    fn the_state_is_what_changed_since_the_attributes_and_restores_exactly() {
        let mut w = elasticity();
        w.attributes(&[("rho", "-1")]);
        w.snapshot();
        assert!(w.state().is_empty());
        // Written as attributes are: to 9 decimals, which `set_text` reads back exactly.
        w.set_value("alpha", 0.123456789012345).expect("in range");
        assert_eq!(w.state(), ["alpha", "0.123456789"]);
        let mut fresh = elasticity();
        fresh.attributes(&[("rho", "-1")]);
        fresh.snapshot();
        fresh.set_text("alpha", "0.123456789").expect("restores");
        assert_eq!(
            fresh.params().named("alpha").unwrap_or(f64::NAN),
            0.123456789
        );
        assert_eq!(fresh.state(), w.state());
        assert!(fresh.set_text("alpha", "7").is_err());
        assert!(fresh.set_text("zeta", "1").is_err());
        // An attribute written later is the attributes' state, not a change to carry.
        w.attribute("rho", Some("0.5"));
        assert_eq!(w.state(), ["alpha", "0.123456789"]);
        w.reset().expect("the attributes' state is valid");
        assert_eq!(
            w.params().named("alpha").unwrap_or(f64::NAN),
            fresh.base.named("alpha").unwrap_or(f64::NAN)
        );
        assert!(w.state().is_empty());
    }

    #[test]
    fn steps_stay_in_range_and_history_is_validated() {
        let mut w = elasticity();
        assert_eq!(w.step("rho", 1000.0), Ok(true));
        assert_eq!(w.params().named("rho").unwrap_or(f64::NAN), 1.0);
        assert_eq!(w.step("wage", 1.0), Ok(false));
        w.set_value("rho", -0.5).expect("in range");
        for _ in 0..7 {
            w.step("rho", 1.0).expect("in range");
        }
        assert_eq!(w.params().named("rho").unwrap_or(f64::NAN), -0.43);
        assert_eq!(
            format_attribute(w.params().named("rho").unwrap_or(f64::NAN)),
            "-0.43"
        );
        assert_eq!(
            w.attribute("history", Some("push")),
            (Affects::Nothing, None)
        );
        assert_eq!(w.layout().history, History::Push);
        let e = refused(w.attribute("history", Some("pushy")));
        assert_eq!(
            e.message,
            "history=\"pushy\" is not a history mode; one of: replace, push, none. Using replace."
        );
        assert_eq!(w.layout().history, History::Replace);
        // The table the attribute is read with and the names the shim reads agree.
        for (name, history) in HISTORY_VALUES {
            assert_eq!(history.as_str(), name);
        }
    }
}
