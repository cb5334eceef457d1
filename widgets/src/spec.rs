//! The one declaration of every widget kind: its parameters, presets and help text.
//! Controls, attribute validation, the authors' guide and the element manifest are all
//! generated from these values; nothing else lists a parameter.

use alloc::format;
use alloc::string::{String, ToString};
use growth_model::{parse_decimal, Doc};
use serde::Serialize;

/// Serializes a [`Doc`] as its text (declarations are built with the `declarations` feature, which keeps the text).
pub(crate) fn doc_text<S: serde::Serializer>(doc: &Doc, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(doc.text())
}

/// One parameter of a diagram, as an author and a reader meet it.
#[derive(Debug, Serialize)]
pub struct ParamSpec {
    /// Attribute and property name (`rho`, `alpha`).
    pub name: &'static str,
    /// The episode's symbol (`ρ`, `α`).
    pub symbol: &'static str,
    /// The control's label.
    #[serde(serialize_with = "doc_text")]
    pub label: Doc,
    /// Smallest valid value.
    pub min: f64,
    /// Largest valid value.
    pub max: f64,
    /// Slider step.
    pub step: f64,
    /// Value used when the attribute is absent or invalid.
    pub default: f64,
    /// Unit shown after the value ("" for pure numbers).
    pub unit: &'static str,
    /// One sentence of help.
    #[serde(serialize_with = "doc_text")]
    pub help: Doc,
    /// True for an on/off switch (values 0 and 1), shown as a checkbox.
    pub toggle: bool,
    /// Labelled marks under the slider (value, label), e.g. published estimates; serialized as
    /// `[value, label, spoken]`, the spoken text from [`ParamSpec::spoken_mark`].
    #[serde(serialize_with = "marks_with_speech")]
    pub marks: &'static [(f64, &'static str)],
}

impl ParamSpec {
    /// A numeric parameter with no marks.
    #[allow(clippy::too_many_arguments)]
    pub const fn number(
        name: &'static str,
        symbol: &'static str,
        label: &'static str,
        (min, max, step): (f64, f64, f64),
        default: f64,
        unit: &'static str,
        help: &'static str,
    ) -> Self {
        ParamSpec {
            name,
            symbol,
            label: Doc::new(label),
            min,
            max,
            step,
            default,
            unit,
            help: Doc::new(help),
            toggle: false,
            marks: &[],
        }
    }

    /// The same parameter with labelled marks under its slider.
    pub const fn with_marks(mut self, marks: &'static [(f64, &'static str)]) -> Self {
        self.marks = marks;
        self
    }

    /// An on/off switch.
    pub const fn switch(
        name: &'static str,
        label: &'static str,
        default: bool,
        help: &'static str,
    ) -> Self {
        ParamSpec {
            name,
            symbol: "",
            label: Doc::new(label),
            min: 0.0,
            max: 1.0,
            step: 1.0,
            default: if default { 1.0 } else { 0.0 },
            unit: "",
            help: Doc::new(help),
            toggle: true,
            marks: &[],
        }
    }
}

/// A handle on one declared parameter of a kind: its place in the kind's `PARAMS`, found when
/// compiled, so a diagram reads `params.get(P::RHO)` and cannot ask for an undeclared name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Param(usize);

impl Param {
    /// The parameter of `params` named `name`; in a `const`, an undeclared name fails to compile.
    pub const fn named(params: &[ParamSpec], name: &str) -> Param {
        let mut i = 0;
        while i < params.len() {
            if same(params[i].name.as_bytes(), name.as_bytes()) {
                return Param(i);
            }
            i += 1;
        }
        panic!("the kind declares no parameter of that name");
    }
}

/// Byte-wise equality, usable in a `const`.
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

/// A named set of parameter values, shown as a button.
#[derive(Debug, Serialize)]
pub struct Preset {
    /// Attribute value for `preset="…"`.
    pub name: &'static str,
    /// Button label.
    #[serde(serialize_with = "doc_text")]
    pub label: Doc,
    /// The values it sets, by parameter name.
    pub values: &'static [(&'static str, f64)],
}

/// Everything declared about one `kind`.
#[derive(Debug, Serialize)]
pub struct KindSpec {
    /// The `kind` attribute value.
    pub kind: &'static str,
    /// The figure's title.
    #[serde(serialize_with = "doc_text")]
    pub title: Doc,
    /// What the diagram teaches, in one sentence.
    #[serde(serialize_with = "doc_text")]
    pub summary: Doc,
    /// Default CSS height of the figure in pixels.
    pub height: u32,
    /// Parameters, in control order.
    pub params: &'static [ParamSpec],
    /// Preset buttons.
    pub presets: &'static [Preset],
    /// A parameter the "Play" button sweeps from its value to its maximum (time), if any.
    pub play: Option<&'static str>,
    /// Text attributes (not numbers), e.g. `scenario`; their values are checked by the diagram.
    pub options: &'static [OptionSpec],
}

/// A text attribute of a kind.
#[derive(Debug, Serialize)]
pub struct OptionSpec {
    /// Attribute name.
    pub name: &'static str,
    /// What it selects.
    #[serde(serialize_with = "doc_text")]
    pub help: Doc,
    /// A valid value, for the guide's copy-and-paste example.
    pub example: &'static str,
}

/// Why an attribute or property value was refused; serialized into the `growth-error` event.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InputError {
    /// The attribute or parameter name as given.
    pub attribute: String,
    /// The value as given.
    pub value: String,
    /// The valid range or list, in words.
    pub expected: String,
    /// The full sentence shown in the widget.
    pub message: String,
}

impl InputError {
    /// An error whose message is "`attribute="value"`: problem; expected".
    pub fn new(attribute: &str, value: &str, problem: &str, expected: String) -> Self {
        let shown = Self::shortened(value);
        InputError {
            attribute: Self::shortened(attribute),
            value: Self::shortened(value),
            message: format!(
                "{attribute}=\"{shown}\" {problem}; {expected}.",
                attribute = Self::shortened(attribute)
            ),
            expected,
        }
    }

    /// `text` as a message quotes it: at most 40 characters, then "…".
    pub fn shortened(text: &str) -> String {
        if text.chars().count() > 40 {
            let cut: String = text.chars().take(40).collect();
            format!("{cut}…")
        } else {
            text.to_string()
        }
    }
}

/// Formats a number for people: no trailing zeros, a true minus sign (3 decimals below 10,
/// 2 below 100, 1 above; scientific outside [0.001, 10⁶)).
pub fn format_number(value: f64) -> String {
    use growth_model::format::{write_exponent, write_fixed};
    if !value.is_finite() {
        return if value.is_nan() {
            "undefined".into()
        } else if value > 0.0 {
            "∞".into()
        } else {
            "−∞".into()
        };
    }
    let magnitude = value.abs();
    let mut text = String::new();
    // Writing into a String cannot fail.
    let _ = if magnitude != 0.0 && !(1e-3..1e6).contains(&magnitude) {
        write_exponent(&mut text, value, 3)
    } else {
        let digits = if magnitude >= 100.0 {
            1
        } else if magnitude >= 10.0 {
            2
        } else {
            3
        };
        write_fixed(&mut text, value, digits, true)
    };
    text.replace('-', "−")
}

/// A number as an attribute value: rounded to 9 decimals, at most 15 significant digits,
/// ASCII minus (what `parse_decimal` reads back).
pub fn format_attribute(value: f64) -> String {
    let rounded = libm::round(value * 1e9) / 1e9;
    let mut text = String::new();
    let _ = growth_model::format::write_general(&mut text, rounded, 15);
    text
}

/// Serializes marks as `[value, label, spoken]` triples.
fn marks_with_speech<S: serde::Serializer>(
    marks: &&'static [(f64, &'static str)],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(
        marks
            .iter()
            .map(|(value, label)| (*value, *label, ParamSpec::spoken_mark(*value, label))),
    )
}

impl ParamSpec {
    /// A value with its unit as a reader sees it next to the control: "0.02 /yr", "300 yr".
    pub fn shown(&self, value: f64) -> String {
        let mut text = format_number(value);
        text.push_str(self.unit);
        text
    }

    /// A value as a screen reader says it, from the declaration's unit and symbol: rates per
    /// year as percentages ("g = 2 % a year"), years in words ("T = 300 years"), pure numbers
    /// after the symbol ("ρ = −0.5"), a multiple as "20 times". The number is written by
    /// [`format_number`], as every number the widget shows.
    pub fn spoken(&self, value: f64) -> String {
        let amount = match self.unit.trim() {
            "/yr" => format!("{} % a year", format_number(value * 100.0)),
            "yr" if value == 1.0 => "1 year".into(),
            "yr" => format!("{} years", format_number(value)),
            "" => format_number(value),
            unit => format!("{} {unit}", format_number(value)),
        };
        match self.symbol {
            "" => amount,
            "×" => format!("{} times", format_number(value)),
            symbol => format!("{symbol} = {amount}"),
        }
    }

    /// A labelled mark as spoken: "Bloom et al. 2020 at −2.1" (a label that ends with its own
    /// value after a colon drops it, one that states it elsewhere is read as it is: "φ = 1").
    pub fn spoken_mark(value: f64, label: &str) -> String {
        let number = format_number(value);
        let trimmed = label
            .strip_suffix(number.as_str())
            .and_then(|rest| rest.trim_end().strip_suffix(':'))
            .map(str::trim_end);
        match trimmed {
            Some(rest) if !rest.is_empty() => format!("{rest} at {number}"),
            _ if label.contains(number.as_str()) => label.to_string(),
            _ => format!("{label} at {number}"),
        }
    }

    /// "from −5 to 1" with the unit: the valid range in words.
    pub fn range_text(&self) -> String {
        format!(
            "valid range {} to {}{}",
            format_number(self.min),
            format_number(self.max),
            self.unit
        )
    }

    /// Parses and range-checks an attribute's text.
    pub fn parse(&self, text: &str) -> Result<f64, InputError> {
        let trimmed = text.trim();
        let number = trimmed
            .strip_suffix(self.unit.trim())
            .filter(|_| !self.unit.trim().is_empty())
            .unwrap_or(trimmed)
            .trim();
        match parse_decimal(&number.replace('−', "-")) {
            Some(v) if v.is_finite() => self.check(v).map_err(|_| {
                InputError::new(self.name, text, "is out of range", self.range_text())
            }),
            Some(_) => Err(InputError::new(
                self.name,
                text,
                "is not a finite number",
                self.range_text(),
            )),
            None if trimmed.is_empty() => Err(InputError::new(
                self.name,
                text,
                "is empty",
                self.range_text(),
            )),
            None => Err(InputError::new(
                self.name,
                text,
                "is not a number",
                self.range_text(),
            )),
        }
    }

    /// Range-checks a numeric property value.
    pub fn check(&self, value: f64) -> Result<f64, InputError> {
        if value.is_finite() && value >= self.min && value <= self.max {
            Ok(value)
        } else {
            let problem = if value.is_finite() {
                "is out of range"
            } else {
                "is not a finite number"
            };
            Err(InputError::new(
                self.name,
                &format_number(value),
                problem,
                self.range_text(),
            ))
        }
    }
}

impl KindSpec {
    /// The parameter declared under `name`; HTML lowercases attribute names, so `k` finds `K`.
    pub fn param(&self, name: &str) -> Option<(usize, &ParamSpec)> {
        let exact = self.params.iter().enumerate().find(|(_, p)| p.name == name);
        exact.or_else(|| {
            self.params
                .iter()
                .enumerate()
                .find(|(_, p)| p.name.eq_ignore_ascii_case(name))
        })
    }

    /// The parameter names, comma-separated, for messages.
    pub fn param_names(&self) -> String {
        let mut names = String::new();
        for p in self.params {
            if !names.is_empty() {
                names.push_str(", ");
            }
            names.push_str(p.name);
        }
        names
    }

    /// The preset declared under `name`.
    pub fn preset(&self, name: &str) -> Result<&Preset, InputError> {
        self.presets.iter().find(|p| p.name == name).ok_or_else(|| {
            let names: alloc::vec::Vec<&str> = self.presets.iter().map(|p| p.name).collect();
            InputError::new(
                "preset",
                name,
                "is not a preset of this kind",
                format!("one of: {}", names.join(", ")),
            )
        })
    }

    /// Default values of every parameter, in declaration order.
    pub fn defaults(&self) -> alloc::vec::Vec<f64> {
        self.params.iter().map(|p| p.default).collect()
    }
}

/// Current parameter values of one widget, in declaration order.
#[derive(Debug, Clone)]
pub struct Params<'s> {
    spec: &'s KindSpec,
    values: alloc::vec::Vec<f64>,
    options: alloc::vec::Vec<(&'static str, String)>,
}

impl<'s> Params<'s> {
    /// The declared defaults.
    pub fn defaults(spec: &'s KindSpec) -> Self {
        Params {
            spec,
            values: spec.defaults(),
            options: alloc::vec::Vec::new(),
        }
    }

    /// The value of one of this kind's parameters (its handle is checked when compiled; the
    /// handles are private to their kind's module, so another kind's cannot be passed here).
    pub fn get(&self, param: Param) -> f64 {
        self.values[param.0]
    }

    /// The value of the parameter declared under `name` (a name read from data: a catalog
    /// row, a map's axis), matched as [`KindSpec::param`] matches; `None` when undeclared.
    pub fn named(&self, name: &str) -> Option<f64> {
        self.spec.param(name).map(|(i, _)| self.values[i])
    }

    /// Sets a declared parameter after range-checking it.
    pub fn set(&mut self, name: &str, value: f64) -> Result<(), InputError> {
        let (i, p) = self
            .spec
            .param(name)
            .ok_or_else(|| unknown_param(self.spec, name, &format_number(value)))?;
        self.values[i] = p.check(value)?;
        Ok(())
    }

    /// The value of the `i`-th declared parameter.
    pub fn value(&self, i: usize) -> f64 {
        self.values.get(i).copied().unwrap_or(0.0)
    }

    /// The text options that are set, as (name, value).
    pub fn options(&self) -> impl Iterator<Item = (&'static str, &str)> + '_ {
        self.options.iter().map(|(n, v)| (*n, v.as_str()))
    }

    /// The value of a text option, if set.
    pub fn option(&self, name: &str) -> Option<&str> {
        self.options
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }

    /// True when `name` is a declared text option of this kind.
    pub fn is_option(&self, name: &str) -> bool {
        self.spec.options.iter().any(|o| o.name == name)
    }

    /// Sets (or with `None` clears) a declared text option; the diagram validates its value.
    pub fn set_option(&mut self, name: &str, value: Option<&str>) {
        let Some(spec) = self.spec.options.iter().find(|o| o.name == name) else {
            return;
        };
        self.options.retain(|(n, _)| *n != spec.name);
        if let Some(v) = value {
            self.options.push((spec.name, v.to_string()));
        }
    }

    /// Parses and sets a declared parameter from attribute text.
    pub fn set_text(&mut self, name: &str, text: &str) -> Result<(), InputError> {
        if self.is_option(name) {
            self.set_option(name, Some(text));
            return Ok(());
        }
        let (i, p) = self
            .spec
            .param(name)
            .ok_or_else(|| unknown_param(self.spec, name, text))?;
        self.values[i] = p.parse(text)?;
        Ok(())
    }

    /// Name and value pairs, in declaration order.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, f64)> + '_ {
        self.spec
            .params
            .iter()
            .zip(self.values.iter())
            .map(|(p, v)| (p.name, *v))
    }
}

/// The error for an attribute this kind does not declare.
pub fn unknown_param(spec: &KindSpec, name: &str, value: &str) -> InputError {
    InputError::new(
        name,
        value,
        &format!("is not a parameter of kind=\"{}\"", spec.kind),
        format!("its parameters are {}", spec.param_names()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_spoken_with_their_units_and_symbols() {
        let rate = ParamSpec::number("g", "g", "Growth", (0.0, 1.0, 0.01), 0.02, "/yr", "");
        assert_eq!(rate.spoken(0.02), "g = 2 % a year");
        assert_eq!(rate.spoken(0.12), "g = 12 % a year");
        assert_eq!(rate.shown(0.02), "0.02/yr");
        let years = ParamSpec::number("years", "T", "Horizon", (1.0, 900.0, 1.0), 300.0, " yr", "");
        assert_eq!(years.spoken(300.0), "T = 300 years");
        assert_eq!(years.spoken(1.0), "T = 1 year");
        let rho = ParamSpec::number("rho", "ρ", "Substitution", (-5.0, 1.0, 0.01), -0.5, "", "");
        assert_eq!(rho.spoken(-0.5), "ρ = −0.5");
        let times = ParamSpec::number("multiple", "×", "Increase", (1.0, 40.0, 1.0), 20.0, "", "");
        assert_eq!(times.spoken(20.0), "20 times");
    }

    const LIST: &[ParamSpec] = &[
        ParamSpec::number("rho", "ρ", "Substitution", (-5.0, 1.0, 0.01), -0.5, "", ""),
        ParamSpec::number("K", "K", "Capital", (0.1, 6.0, 0.1), 2.0, "", ""),
    ];

    #[test]
    fn a_handle_reads_the_parameter_it_names() {
        const CAPITAL: Param = Param::named(LIST, "K");
        let spec = KindSpec {
            kind: "test",
            title: Doc::new(""),
            summary: Doc::new(""),
            height: 300,
            params: LIST,
            presets: &[],
            play: None,
            options: &[],
        };
        let mut params = Params::defaults(&spec);
        assert_eq!(params.get(CAPITAL), 2.0);
        assert!(params.set("K", 3.0).is_ok());
        assert_eq!(params.get(CAPITAL), 3.0);
        // A name from data is matched as an attribute is, and an undeclared one reads nothing.
        assert_eq!(params.named("k"), Some(3.0));
        assert_eq!(params.named("alpha"), None);
    }

    #[test]
    #[should_panic(expected = "no parameter of that name")]
    fn an_undeclared_name_has_no_handle() {
        // In a `const` (as the kinds declare them) this fails to compile.
        let _ = Param::named(LIST, "alpha");
    }

    #[test]
    fn marks_say_their_label_and_value_once() {
        assert_eq!(
            ParamSpec::spoken_mark(-2.1, "Bloom et al. 2020: −2.1"),
            "Bloom et al. 2020 at −2.1"
        );
        assert_eq!(ParamSpec::spoken_mark(1.0, "φ = 1"), "φ = 1");
        assert_eq!(
            ParamSpec::spoken_mark(0.2, "Moore's law: slightly > 0"),
            "Moore's law: slightly > 0 at 0.2"
        );
        assert_eq!(
            ParamSpec::spoken_mark(1.6, "φ > 1: type II"),
            "φ > 1: type II at 1.6"
        );
    }
}
