//! Every model of the crate by name, with its parameters declared once (name, default,
//! range, unit, meaning): what the `growth` CLI lists, evaluates and simulates, and what a
//! widget or the scenario catalog can run by name.

use crate::doc::Doc;
use crate::error::{Domain, ParamError};
use crate::exogenous::{EconomyRun, Solow};
use crate::land::{FixedLand, RobotEconomy};
use crate::production::Ces;
use crate::regimes::{GrowthRegime, Scenario};
use crate::research::{ResearchCapital, ResearchFeedback, ResearchRun, RobotScientists};
use crate::solver::SolveError;
use crate::tasks::{AutomationPath, TaskAutomation};
use crate::trend::Trend;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

/// One parameter of a named model.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ParamDecl {
    /// Name as the transcript writes it (`rho`, `phi`, `g_B`).
    pub name: &'static str,
    /// Default value (for a choice, the index of the default choice).
    pub default: f64,
    /// Valid values.
    pub domain: Domain,
    /// Unit ("" for pure numbers).
    pub unit: &'static str,
    /// What it means, in a few words.
    pub doc: Doc,
    /// For a choice parameter, the names it accepts; empty for numbers.
    pub choices: &'static [&'static str],
}

/// Whether a model is evaluated at a point or simulated over time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModelKind {
    /// `growth eval <model>`.
    Eval,
    /// `growth simulate <model>`.
    Simulate,
}

/// A named model.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ModelDecl {
    /// Kebab-case name.
    pub name: &'static str,
    /// Eval or simulate.
    pub kind: ModelKind,
    /// Equation and source, one line.
    pub doc: Doc,
    /// Its parameters.
    pub params: &'static [ParamDecl],
}

const fn num(
    name: &'static str,
    default: f64,
    domain: Domain,
    unit: &'static str,
    doc: &'static str,
) -> ParamDecl {
    ParamDecl {
        name,
        default,
        domain,
        unit,
        doc: Doc::new(doc),
        choices: &[],
    }
}

const YEARS: ParamDecl = num(
    "years",
    100.0,
    Domain::closed(0.1, 2000.0),
    "years",
    "simulated horizon",
);
const SCENARIOS: &[&str] = &["exponential", "increase", "type-i", "type-ii"];

/// Every model, evaluated ones first.
pub static MODELS: &[ModelDecl] = &[
    ModelDecl {
        name: "production",
        kind: ModelKind::Eval,
        doc: Doc::new("Y = [α(AK)^ρ + (1−α)(BL)^ρ]^{1/ρ}: output, wage, rent, shares (normalized CES; episode slide 'Elasticity of Substitution')"),
        params: &[
            num("K", 2.0, crate::production::FACTOR, "", "capital"),
            num("L", 3.0, crate::production::FACTOR, "", "labor"),
            num("A", 1.0, crate::production::TECHNOLOGY, "", "capital-augmenting technology"),
            num("B", 1.0, crate::production::TECHNOLOGY, "", "labor-augmenting technology"),
            num("rho", -1.0, crate::production::RHO, "", "substitution parameter ρ = (ε−1)/ε"),
            num("alpha", 0.5, crate::production::ALPHA, "", "capital weight α"),
        ],
    },
    ModelDecl {
        name: "task-automation",
        kind: ModelKind::Eval,
        doc: Doc::new("Y = A[β^{1−ρ}K^ρ + (1−β)^{1−ρ}L^ρ]^{1/ρ}: a share β of tasks automated (Zeira 1998; Aghion, Jones & Jones 2019)"),
        params: &[
            num("beta", 0.4, crate::tasks::BETA, "", "automated share of tasks β"),
            num("rho", -1.0, crate::production::RHO, "", "substitution between tasks ρ"),
            num("K", 1.0, crate::tasks::FACTOR, "", "capital"),
            num("L", 1.0, crate::tasks::FACTOR, "", "labor"),
            num("A", 1.0, crate::tasks::TFP, "", "total factor productivity"),
        ],
    },
    ModelDecl {
        name: "growth-regimes",
        kind: ModelKind::Simulate,
        doc: Doc::new("The four scenarios of the slides: exponential, one-off increase, type I, type II (halving doubling times)"),
        params: &[
            ParamDecl { name: "scenario", default: 0.0, domain: Domain::closed(0.0, 3.0), unit: "", doc: Doc::new("exponential | increase | type-i | type-ii"), choices: SCENARIOS },
            num("g", 0.02, crate::regimes::RATE, "per year", "base growth rate"),
            num("multiple", 20.0, crate::regimes::MULTIPLE, "×", "growth-rate multiple after the increase"),
            num("switch_time", 20.0, crate::regimes::SWITCH, "years", "time of the increase"),
            num("acceleration", 0.05, crate::regimes::ACCELERATION, "per year", "growth of the growth rate (type I)"),
            num("first_doubling", 35.0, crate::regimes::DOUBLING, "years", "first doubling time d (type II)"),
            num("threshold", 0.12, Domain::closed(0.001, 10.0), "per year", "the 'transformative' growth-rate line"),
            YEARS,
        ],
    },
    ModelDecl {
        name: "exogenous",
        kind: ModelKind::Simulate,
        doc: Doc::new("K' = sY − δK with Y = F(AK, BL), A, B, L growing at g_A, g_B, n (Solow 1956; episode slide 'Exogenous Growth')"),
        params: &[
            num("alpha", 0.33, crate::production::ALPHA, "", "capital weight α"),
            num("rho", -0.5, crate::production::RHO, "", "substitution parameter ρ"),
            num("s", 0.25, crate::exogenous::SAVING, "", "saving rate"),
            num("delta", 0.05, crate::exogenous::DEPRECIATION, "per year", "depreciation"),
            num("g_A", 0.0, crate::exogenous::RATE, "per year", "capital-augmenting technology growth"),
            num("g_B", 0.02, crate::exogenous::RATE, "per year", "labor-augmenting technology growth"),
            num("n", 0.01, crate::exogenous::RATE, "per year", "population growth"),
            num("A0", 1.0, crate::exogenous::LEVEL, "", "initial A"),
            num("B0", 1.0, crate::exogenous::LEVEL, "", "initial B"),
            num("K0", 1.0, crate::exogenous::LEVEL, "", "initial capital"),
            num("L0", 1.0, crate::exogenous::LEVEL, "", "initial labor"),
            num("slide_form", 0.0, Domain::closed(0.0, 1.0), "", "1: the slide's [(AK)^ρ + (BL)^ρ]^{1/ρ} (ρ > 0; α ignored)"),
            YEARS,
        ],
    },
    ModelDecl {
        name: "research-feedback",
        kind: ModelKind::Simulate,
        doc: Doc::new("B' = θ B^φ (S L e^{nt})^λ (Jones 1995; episode slide 'Endogenous Growth'; Bloom et al. 2020: φ ≈ −2.1)"),
        params: &[
            num("B0", 1.0, crate::research::LEVEL, "", "initial technology"),
            num("phi", 0.5, crate::research::PHI, "", "research feedback φ"),
            num("lambda", 1.0, crate::research::LAMBDA, "", "returns to research effort λ"),
            num("theta", 0.05, crate::research::THETA, "", "research productivity θ"),
            num("S", 0.1, crate::research::SHARE, "", "share of labor doing research"),
            num("L", 1.0, crate::research::LABOR, "", "labor force at t = 0"),
            num("n", 0.0, crate::research::GROWTH, "per year", "growth of scientists"),
            YEARS,
        ],
    },
    ModelDecl {
        name: "robot-scientists",
        kind: ModelKind::Simulate,
        doc: Doc::new("A' = θ A^φ (s_R A K)^λ, K' = sY − δK, Y = A K^α: scientists made of capital (episode, 'AI in technology production')"),
        params: &[
            num("phi", -0.5, crate::research::PHI, "", "research feedback φ"),
            num("lambda", 1.0, crate::research::LAMBDA, "", "returns to research effort λ"),
            num("theta", 0.05, crate::research::THETA, "", "research productivity θ"),
            num("research_share", 0.1, Domain::open(0.0, 1.0), "", "share of capital doing research"),
            num("s", 0.3, crate::research::SAVING, "", "saving rate"),
            num("delta", 0.05, crate::research::DEPRECIATION, "per year", "depreciation"),
            num("alpha", 0.5, Domain::closed(0.01, 0.99), "", "capital's output elasticity"),
            YEARS,
        ],
    },
    ModelDecl {
        name: "research-capital",
        kind: ModelKind::Simulate,
        doc: Doc::new("A' = θ A^φ (s_R e^{g_Z t} K)^λ, K' = sY − δK, Y = ((1−s_R)K)^α A^{1−α}: research done by capital (HS in tech production; Aghion, Jones & Jones 2019)"),
        params: &[
            num("phi", -0.5, crate::research::PHI, "", "research feedback φ"),
            num("lambda", 1.0, crate::research::LAMBDA, "", "returns to research capital λ"),
            num("theta", 0.05, crate::research::THETA, "", "research productivity θ"),
            num("research_share", 0.1, Domain::open(0.0, 1.0), "", "share of capital doing research"),
            num("s", 0.3, crate::research::SAVING, "", "saving rate"),
            num("delta", 0.05, crate::research::DEPRECIATION, "per year", "depreciation"),
            num("alpha", 0.5, Domain::closed(0.01, 0.99), "", "capital's output elasticity"),
            num("g_Z", 0.02, crate::research::GROWTH, "per year", "growth of research capital's productivity"),
            YEARS,
        ],
    },
    ModelDecl {
        name: "task-automation",
        kind: ModelKind::Simulate,
        doc: Doc::new("1 − β_t = (1 − β₀)e^{−at} or β = 1, with K' = sY − δK (Aghion, Jones & Jones 2019); tasks created at c, Y ∝ N^{(1−ρ)/ρ} (Hémous & Olsen 2014)"),
        params: &[
            num("beta", 0.4, crate::tasks::BETA, "", "automated share at t = 0"),
            num("rho", -1.0, crate::production::RHO, "", "substitution between tasks ρ"),
            num("A", 1.0, crate::tasks::TFP, "", "total factor productivity"),
            num("automation_rate", 0.02, crate::tasks::AUTOMATION_RATE, "per year", "rate the non-automated share shrinks"),
            num("full", 0.0, Domain::closed(0.0, 1.0), "", "1 for full automation from the start"),
            num("g_A", 0.0, Domain::closed(0.0, 0.2), "per year", "growth of total factor productivity"),
            num("creation", 0.0, crate::tasks::CREATION, "per year", "rate new tasks are created (with ρ ∈ (0, 1])"),
            num("s", 0.3, crate::exogenous::SAVING, "", "saving rate"),
            num("delta", 0.05, crate::exogenous::DEPRECIATION, "per year", "depreciation"),
            YEARS,
        ],
    },
    ModelDecl {
        name: "land",
        kind: ModelKind::Simulate,
        doc: Doc::new("Y = [a(AK + L)^ρ + (1−a)X^ρ]^{1/ρ} with fixed land X (Hanson 2001, adapted in Trammell & Korinek §3.3)"),
        params: &[
            num("a", 0.7, crate::production::ALPHA, "", "weight of capital-and-labor"),
            num("rho", 0.0, crate::production::RHO, "", "substitution with land (0: MS, < 0: LS)"),
            num("g_A", 0.03, crate::land::TECH_GROWTH, "per year", "capital-augmenting technology growth"),
            num("equipment", 0.0, Domain::closed(0.0, 0.99), "", "if > 0 (it must be below a), tech augments equipment only, with this elasticity"),
            num("s", 0.3, crate::exogenous::SAVING, "", "saving rate"),
            num("delta", 0.05, crate::exogenous::DEPRECIATION, "per year", "depreciation"),
            num("X", 1.0, crate::land::QUANTITY, "", "land"),
            num("L", 1.0, crate::land::QUANTITY, "", "people"),
            num("g_X", 0.0, crate::land::TECH_GROWTH, "per year", "land-augmenting technology growth"),
            num("g_B", 0.0, crate::land::TECH_GROWTH, "per year", "people's labor-augmenting technology growth"),
            num("wage_saving", 0.0, Domain::closed(0.0, 1.0), "", "1: only wages are saved (Sachs & Kotlikoff 2012)"),
            YEARS,
        ],
    },
    ModelDecl {
        name: "consumption-goods",
        kind: ModelKind::Simulate,
        doc: Doc::new("Y = [½Y_A^ρ + ½Y_H^ρ]^{1/ρ}: an AI good with fast technology growth and a human good, each Cobb-Douglas (Nordhaus 2015)"),
        params: &[
            num("rho", 0.5, crate::consumption::RHO, "", "substitution between the goods in consumption"),
            num("alpha", 0.5, Domain::closed(0.05, 0.95), "", "capital's output elasticity in each sector"),
            num("g_AI", 0.05, crate::consumption::RATE, "per year", "AI sector technology growth"),
            num("g_B", 0.01, crate::consumption::RATE, "per year", "human sector labor-augmenting growth"),
            num("s", 0.3, crate::exogenous::SAVING, "", "saving rate"),
            num("delta", 0.05, crate::exogenous::DEPRECIATION, "per year", "depreciation"),
            YEARS,
        ],
    },
    ModelDecl {
        name: "robots",
        kind: ModelKind::Simulate,
        doc: Doc::new("Y = F((1−S_K)K, B(1−S_H)H + (1−S_R)R), R' = f(S_K K + D S_R R, B S_H H) − δR (Mookherjee & Ray 2017)"),
        params: &[
            num("alpha", 0.3, crate::production::ALPHA, "", "capital weight in final goods"),
            num("rho", 0.5, crate::production::RHO, "", "substitution in final goods ρ_Y"),
            num("alpha_R", 0.5, crate::production::ALPHA, "", "weight of capital and robots in robot production"),
            num("rho_R", 0.5, crate::production::RHO, "", "substitution between machines and people in robot production ρ_R"),
            num("S_K", 0.2, crate::land::ALLOCATION, "", "share of capital making robots"),
            num("S_H", 0.1, crate::land::ALLOCATION, "", "share of people making robots"),
            num("S_R", 0.3, crate::land::ALLOCATION, "", "share of robots making robots"),
            num("D", 1.0, crate::land::ROBOT_PRODUCTIVITY, "", "units of capital one robot is worth in robot production"),
            num("g_B", 0.0, crate::land::TECH_GROWTH, "per year", "people's labor-augmenting technology growth"),
            num("s", 0.3, crate::exogenous::SAVING, "", "saving rate"),
            num("delta", 0.05, crate::exogenous::DEPRECIATION, "per year", "depreciation"),
            num("H", 1.0, crate::land::QUANTITY, "", "people"),
            YEARS,
        ],
    },
];

/// Why a named model could not run.
#[derive(Debug, Clone, PartialEq)]
pub enum ModelError {
    /// No model of that kind has this name.
    UnknownModel(String),
    /// The model has no such parameter.
    UnknownParam {
        /// The model.
        model: &'static str,
        /// The parameter as given.
        name: String,
    },
    /// The text is not a number.
    NotANumber {
        /// The parameter.
        name: &'static str,
        /// The text given.
        text: String,
    },
    /// A choice parameter got a name it does not accept.
    BadChoice {
        /// The parameter.
        name: &'static str,
        /// The text given.
        text: String,
        /// Accepted names.
        choices: &'static [&'static str],
    },
    /// A value outside its range.
    Param(ParamError),
    /// The solver could not finish.
    Solve(SolveError),
}

impl From<ParamError> for ModelError {
    fn from(e: ParamError) -> Self {
        ModelError::Param(e)
    }
}

impl From<SolveError> for ModelError {
    fn from(e: SolveError) -> Self {
        ModelError::Solve(e)
    }
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ModelError::UnknownModel(name) => {
                write!(f, "no model named \"{name}\"; models: ")?;
                let mut seen: Vec<&str> = Vec::new();
                for m in MODELS {
                    if !seen.contains(&m.name) {
                        seen.push(m.name);
                    }
                }
                write!(f, "{}", seen.join(", "))
            }
            ModelError::UnknownParam { model, name } => {
                write!(f, "{model} has no parameter \"{name}\"; its parameters: ")?;
                let names: Vec<&str> = MODELS
                    .iter()
                    .filter(|m| m.name == *model)
                    .flat_map(|m| m.params.iter().map(|p| p.name))
                    .collect();
                write!(f, "{}", names.join(", "))
            }
            ModelError::NotANumber { name, text } => write!(f, "{name}=\"{text}\" is not a number"),
            ModelError::BadChoice {
                name,
                text,
                choices,
            } => write!(f, "{name}=\"{text}\" is not one of {}", choices.join(", ")),
            ModelError::Param(e) => write!(f, "{e}"),
            ModelError::Solve(e) => write!(f, "{e}"),
        }
    }
}

/// The declaration of model `name` of `kind`.
pub fn find(name: &str, kind: ModelKind) -> Result<&'static ModelDecl, ModelError> {
    MODELS
        .iter()
        .find(|m| m.name == name && m.kind == kind)
        .ok_or_else(|| ModelError::UnknownModel(name.into()))
}

/// Binds a model's parameter values, in declaration order, to locals named as the parameters
/// are declared. The names are checked against the declaration in debug builds (every test
/// run: `tests::every_binding_matches_its_declaration` reaches each binding), so the order
/// here and in [`MODELS`] cannot drift; a release build reads the values by position only.
macro_rules! bind {
    ($a:expr => $($name:ident),+) => {
        debug_assert!(
            $a.decl.params.iter().map(|p| p.name).eq([$(stringify!($name)),+]),
            "{} binds its parameters out of declaration order",
            $a.decl.name
        );
        #[allow(non_snake_case, unused_variables)]
        let [$($name),+, ..] = $a.values;
    };
}

/// The most parameters a model declares (a test holds every declaration to it).
pub const MAX_PARAMS: usize = 13;

/// Parameter values of one call: declared defaults overridden by `key=value` texts.
#[derive(Debug, Clone)]
pub struct Args {
    /// The model's declaration.
    pub decl: &'static ModelDecl,
    /// In declaration order, then zeros up to [`MAX_PARAMS`].
    values: [f64; MAX_PARAMS],
}

impl Args {
    /// Parses `key=value` texts against the model's declaration (names, numbers, choices, ranges).
    pub fn parse(decl: &'static ModelDecl, pairs: &[(&str, &str)]) -> Result<Self, ModelError> {
        let mut values = [0.0; MAX_PARAMS];
        for (v, p) in values.iter_mut().zip(decl.params) {
            *v = p.default;
        }
        for (key, text) in pairs {
            let (slot, p) = values
                .iter_mut()
                .zip(decl.params)
                .find(|(_, p)| p.name == *key)
                .ok_or_else(|| ModelError::UnknownParam {
                    model: decl.name,
                    name: (*key).into(),
                })?;
            *slot = if p.choices.is_empty() {
                let v =
                    crate::parse_decimal(text.trim()).ok_or_else(|| ModelError::NotANumber {
                        name: p.name,
                        text: (*text).into(),
                    })?;
                p.domain.check(p.name, v)?
            } else {
                p.choices
                    .iter()
                    .position(|c| c == text)
                    .ok_or(ModelError::BadChoice {
                        name: p.name,
                        text: (*text).into(),
                        choices: p.choices,
                    })? as f64
            };
        }
        Ok(Args { decl, values })
    }

    /// The value of a declared parameter.
    pub fn get(&self, name: &str) -> f64 {
        self.decl
            .params
            .iter()
            .position(|p| p.name == name)
            .map_or(0.0, |i| self.values[i])
    }

    /// All values, in declaration order, with their names.
    pub fn pairs(&self) -> impl Iterator<Item = (&'static str, f64)> + '_ {
        self.decl
            .params
            .iter()
            .zip(&self.values)
            .map(|(p, v)| (p.name, *v))
    }
}

/// A simulated run in one shape for every model: times, named series, regime, blow-up.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    /// Times (years).
    pub t: Vec<f64>,
    /// Named series, each as long as `t`.
    pub series: Vec<(&'static str, Vec<f64>)>,
    /// The growth trend read from the numbers.
    pub trend: Trend,
    /// Extra named numbers (doubling times, threshold crossing, balanced growth…).
    pub facts: Vec<(&'static str, Option<f64>)>,
    /// Set to the time the run stopped before its horizon when a growth rate passed the solver's cap without a blow-up estimate.
    pub capped_at: Option<f64>,
    /// The horizon asked for (years).
    pub years: f64,
    /// The run followed to 20 × its horizon, from which long-run symbols are read (economy models; `None` otherwise).
    pub long_run: Option<alloc::boxed::Box<Run>>,
    /// The long run in closed form, where the model has one at these parameters: the classifier reads it instead of the numbers ([`crate::scenarios`] module docs).
    pub analytic: Option<LongRun>,
}

/// A model's behaviour as t → ∞ in closed form (each model's `long_run` cites its equation).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LongRun {
    /// The growth regime.
    pub trend: Trend,
    /// Whether labor's share tends to zero (`None`: read from the run).
    pub share_vanishes: Option<bool>,
    /// The wage's long-run growth rate (`None`: read from the run).
    pub wage_growth: Option<f64>,
}

impl Run {
    /// A series by name.
    pub fn series(&self, name: &str) -> Option<&[f64]> {
        self.series
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_slice())
    }

    /// The blow-up time, if the run has one.
    pub fn blowup_time(&self) -> Option<f64> {
        match self.trend {
            Trend::TypeII(b) => Some(b.time),
            _ => None,
        }
    }
}

fn economy(mut run: EconomyRun, facts: Vec<(&'static str, Option<f64>)>, years: f64) -> Run {
    let long_run = run
        .long_run
        .take()
        .map(|whole| alloc::boxed::Box::new(economy(*whole, Vec::new(), years)));
    Run {
        analytic: None,
        long_run,
        capped_at: run.capped_at,
        years,
        t: run.t,
        series: alloc::vec![
            ("ln_Y", run.ln_output),
            ("g_Y", run.g_output),
            ("ln_Y_per_person", run.ln_output_per_person),
            ("labor_share", run.labor_share),
            ("ln_wage", run.ln_wage),
            ("g_wage", run.g_wage),
        ],
        trend: run.trend,
        facts,
    }
}

/// A research run; `analytic` is the model's closed-form regime, if any (already the run's trend).
fn research(
    run: ResearchRun,
    facts: Vec<(&'static str, Option<f64>)>,
    years: f64,
    analytic: Option<Trend>,
) -> Run {
    Run {
        // The run's regime is the closed form's where there is one (research::finish_run).
        analytic: analytic.map(|_| LongRun {
            trend: run.trend,
            share_vanishes: None,
            wage_growth: None,
        }),
        long_run: None,
        capped_at: run.capped_at,
        years,
        t: run.t,
        series: alloc::vec![("ln_B", run.ln_b), ("g_B", run.g_b)],
        trend: run.trend,
        facts,
    }
}

/// Evaluates an `Eval` model at a point: named outputs (`None` where a value is infinite or undefined).
pub fn evaluate(
    name: &str,
    pairs: &[(&str, &str)],
) -> Result<Vec<(&'static str, Option<f64>)>, ModelError> {
    let decl = find(name, ModelKind::Eval)?;
    let a = Args::parse(decl, pairs)?;
    match decl.name {
        "production" => {
            bind!(a => K, L, A, B, rho, alpha);
            let ces = Ces::new(alpha, rho, A, B)?;
            let p = ces.point(K, L)?;
            Ok(alloc::vec![
                ("Y", Some(p.output)),
                ("wage", Some(p.wage)),
                ("rent", Some(p.rent)),
                ("capital_share", Some(p.capital_share)),
                ("labor_share", Some(p.labor_share)),
                ("elasticity", ces.elasticity()),
                ("mrts", Some(p.mrts)),
            ])
        }
        _ => {
            bind!(a => beta, rho, K, L, A);
            let tasks = TaskAutomation::new(beta, rho, A)?;
            let p = tasks.point(K, L)?;
            Ok(alloc::vec![
                ("Y", Some(p.output)),
                ("output_per_worker", Some(p.output_per_worker)),
                ("capital_share", Some(p.capital_share)),
                ("labor_share", Some(p.labor_share)),
                ("wage", Some(p.wage)),
                ("labor_augmenting_term", tasks.labor_augmenting_term()),
            ])
        }
    }
}

/// Simulates a `Simulate` model with `key=value` texts over its `years`.
pub fn simulate(name: &str, pairs: &[(&str, &str)]) -> Result<Run, ModelError> {
    let decl = find(name, ModelKind::Simulate)?;
    let a = Args::parse(decl, pairs)?;
    simulate_args(&a)
}

/// Simulates a model from parsed arguments.
pub fn simulate_args(a: &Args) -> Result<Run, ModelError> {
    // The economy models share one tail: their run and facts, read into a [`Run`].
    let (run, facts, years, analytic) = match a.decl.name {
        "growth-regimes" => {
            bind!(a => scenario, g, multiple, switch_time, acceleration, first_doubling, threshold, years);
            let scenario = [
                Scenario::Exponential,
                Scenario::Increase,
                Scenario::TypeI,
                Scenario::TypeII,
            ][scenario as usize];
            let r = GrowthRegime::new(
                scenario,
                g,
                multiple,
                switch_time,
                acceleration,
                first_doubling,
            )?;
            return Ok(regime_run(&r, years, threshold));
        }
        "exogenous" => {
            bind!(a => alpha, rho, s, delta, g_A, g_B, n, A0, B0, K0, L0, slide_form, years);
            let m = Solow::new(alpha, rho, s, delta, g_A, g_B, n, [A0, B0, K0, L0])?;
            let m = if slide_form >= 0.5 {
                m.slide_form()?
            } else {
                m
            };
            let facts = alloc::vec![
                ("balanced_growth", m.balanced_growth_rate()),
                ("labor_share_pre_ai", m.pre_ai_labor_share())
            ];
            (m.simulate(years), facts, years, m.long_run())
        }
        "research-feedback" => {
            bind!(a => B0, phi, lambda, theta, S, L, n, years);
            let m = ResearchFeedback::new(B0, phi, lambda, theta, S, L, n)?;
            let facts = alloc::vec![
                ("balanced_growth", m.balanced_growth_rate()),
                ("blowup_closed_form", m.blowup_time_closed_form())
            ];
            return Ok(research(m.simulate(years)?, facts, years, m.long_run()));
        }
        "robot-scientists" => {
            bind!(a => phi, lambda, theta, research_share, s, delta, alpha, years);
            let m = RobotScientists::new(phi, lambda, theta, research_share, s, delta, alpha)?;
            return Ok(research(m.simulate(years)?, Vec::new(), years, None));
        }
        "research-capital" => {
            bind!(a => phi, lambda, theta, research_share, s, delta, alpha, g_Z, years);
            let m = ResearchCapital::new(phi, lambda, theta, research_share, s, delta, alpha, g_Z)?;
            let facts = alloc::vec![
                ("balanced_growth", m.balanced_growth_rate()),
                ("acceleration", m.acceleration_rate())
            ];
            return Ok(research(m.simulate(years)?, facts, years, m.long_run()));
        }
        "task-automation" => {
            bind!(a => beta, rho, A, automation_rate, full, g_A, creation, s, delta, years);
            let tech = TaskAutomation::new(beta, rho, A)?;
            let m = AutomationPath::new(tech, automation_rate, full >= 0.5, s, delta)?;
            let m = m.with_tfp_growth(g_A)?.with_task_creation(creation)?;
            (m.simulate(years), Vec::new(), years, m.long_run())
        }
        "land" => {
            bind!(a => a, rho, g_A, equipment, s, delta, X, L, g_X, g_B, wage_saving, years);
            let e = equipment;
            let m = FixedLand::new(a, rho, g_A, (e > 0.0).then_some(e), s, delta, X, L)?
                .with_growth(g_X, g_B)?;
            let m = if wage_saving >= 0.5 {
                m.saving_from_wages()
            } else {
                m
            };
            (m.simulate(years), Vec::new(), years, m.long_run())
        }
        "consumption-goods" => {
            bind!(a => rho, alpha, g_AI, g_B, s, delta, years);
            let m = crate::consumption::ConsumptionGoods::new(rho, alpha, g_AI, g_B, s, delta)?;
            (m.simulate(years), Vec::new(), years, None)
        }
        _ => {
            bind!(a => alpha, rho, alpha_R, rho_R, S_K, S_H, S_R, D, g_B, s, delta, H, years);
            let m = RobotEconomy::new(alpha, rho, alpha_R, rho_R, [S_K, S_H, S_R], D, s, delta, H)?
                .with_labor_growth(g_B)?;
            (m.simulate(years), Vec::new(), years, None)
        }
    };
    Ok(with_limit(economy(run?, facts, years), analytic))
}

/// The model's balanced growth path without AI at these parameters, in closed form: the counterfactual the scenario tables read symbols against (`None` where the model has no such path).
///
/// - exogenous, consumption-goods, robots: capital a gross complement of labor, so output grows at g_B + n and wages at g_B (Uzawa; the episode's "growth in B is the only way").
/// - land: people and land without robots, Z = BL: g₀ = a·g_B + (1−a)·g_X at ρ = 0, min/max(g_B, g_X) for ρ < 0 / > 0; with equipment, (e·g_A + (a−e)·g_B + (1−a)·g_X)/(1−e). The wage's benchmark is people's own productivity growth g_B: the rate of a wage beside perfect substitutes (the tables' 'L'), which land alone would drag lower.
/// - task-automation: no further automation (β fixed at β₀) with TFP growing at g_A: g_A/(1−β₀) at ρ = 0, g_A for ρ < 0 (Aghion, Jones & Jones 2019); wages with output.
/// - research-feedback: λn/(1−φ) for φ < 1 (Jones 1995); research-capital: λg_Z/(1−φ−λ) when positive. growth-regimes: the base rate g.
pub fn balanced_path(a: &Args) -> Option<crate::scenarios::Counterfactual> {
    let both = |g: f64, w: f64| {
        Some(crate::scenarios::Counterfactual {
            growth: g,
            wage_growth: w,
        })
    };
    match a.decl.name {
        "exogenous" => {
            bind!(a => alpha, rho, s, delta, g_A, g_B, n, A0, B0, K0, L0, slide_form, years);
            both(g_B + n, g_B)
        }
        "consumption-goods" => {
            bind!(a => rho, alpha, g_AI, g_B, s, delta, years);
            both(g_B, g_B)
        }
        "robots" => {
            bind!(a => alpha, rho, alpha_R, rho_R, S_K, S_H, S_R, D, g_B, s, delta, H, years);
            both(g_B, g_B)
        }
        "land" => {
            bind!(a => a, rho, g_A, equipment, s, delta, X, L, g_X, g_B, wage_saving, years);
            let (share, e) = (a, equipment);
            if e > 0.0 {
                let g = (e * g_A + (share - e) * g_B + (1.0 - share) * g_X) / (1.0 - e);
                return both(g, g_B);
            }
            let g = if rho == 0.0 {
                share * g_B + (1.0 - share) * g_X
            } else if rho < 0.0 {
                g_B.min(g_X)
            } else {
                g_B.max(g_X)
            };
            both(g, g_B)
        }
        "task-automation" => {
            bind!(a => beta, rho, A, automation_rate, full, g_A, creation, s, delta, years);
            if rho == 0.0 {
                let g = g_A / (1.0 - beta.min(0.999));
                both(g, g)
            } else if rho < 0.0 {
                both(g_A, g_A)
            } else {
                None
            }
        }
        "research-feedback" => {
            bind!(a => B0, phi, lambda, theta, S, L, n, years);
            if phi < 1.0 {
                let g = (lambda * n / (1.0 - phi)).max(0.0);
                both(g, g)
            } else {
                None
            }
        }
        "research-capital" => {
            bind!(a => phi, lambda, theta, research_share, s, delta, alpha, g_Z, years);
            let gap = (1.0 - lambda) - phi;
            (gap > 0.0).then(|| {
                let g = (lambda * g_Z / gap).max(0.0);
                crate::scenarios::Counterfactual {
                    growth: g,
                    wage_growth: g,
                }
            })
        }
        "growth-regimes" => {
            bind!(a => scenario, g, multiple, switch_time, acceleration, first_doubling, threshold, years);
            both(g, g)
        }
        _ => None,
    }
}

/// Samples a growth regime's closed form on 401 points up to the horizon or the blow-up.
pub fn regime_run(r: &GrowthRegime, years: f64, threshold: f64) -> Run {
    let end = r.blowup_time().map_or(years, |b| b.min(years));
    let mut t = Vec::with_capacity(401);
    let mut ln_y = Vec::with_capacity(401);
    let mut g = Vec::with_capacity(401);
    for i in 0..=400 {
        // For type II, crowd samples toward the asymptote so the curve's rise is drawn.
        let f = i as f64 / 400.0;
        let time = if r.blowup_time().is_some_and(|b| b <= years) {
            end * (1.0 - (1.0 - f) * (1.0 - f))
        } else {
            end * f
        };
        let time = if i == 400 && r.blowup_time().is_some_and(|b| b <= years) {
            end * (1.0 - 1e-6)
        } else {
            time
        };
        if let (Some(l), Some(rate)) = (r.log_output(time), r.growth_rate(time)) {
            t.push(time);
            ln_y.push(l);
            g.push(rate);
        }
    }
    // The closed form blows up at 2d whether or not the plotted horizon reaches it: still type II.
    let blowup = r
        .blowup_time()
        .map(|time| crate::Blowup { time, error: 0.0 });
    let trend = crate::trend::growth_trend(&t, &g, blowup);
    let mut doublings = [0.0; 3];
    let count = r.doubling_times(&mut doublings);
    let facts = alloc::vec![
        ("threshold_crossing", r.threshold_crossing(threshold)),
        ("first_doubling_time", (count > 0).then_some(doublings[0])),
        ("second_doubling_time", (count > 1).then_some(doublings[1])),
        ("third_doubling_time", (count > 2).then_some(doublings[2])),
        ("blowup_time", r.blowup_time()),
    ];
    Run {
        t,
        series: alloc::vec![("ln_Y", ln_y), ("g_Y", g)],
        trend,
        facts,
        capped_at: None,
        years,
        long_run: None,
        analytic: None,
    }
}

/// `run` with its closed-form long run, whose regime is then also the run's.
fn with_limit(mut run: Run, analytic: Option<LongRun>) -> Run {
    if let Some(limit) = analytic {
        run.trend = limit.trend;
    }
    run.analytic = analytic;
    run
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every model fits in [`Args`]'s fixed array.
    #[test]
    fn every_model_fits_max_params() {
        for m in MODELS {
            assert!(
                m.params.len() <= MAX_PARAMS,
                "{} has {} parameters",
                m.name,
                m.params.len()
            );
        }
    }

    /// Reaches every `bind!` (simulate_args, evaluate and balanced_path for each model), whose
    /// debug assertion holds the locals' names and order to the declaration in [`MODELS`].
    #[test]
    fn every_binding_matches_its_declaration() {
        for m in MODELS {
            let a = Args::parse(m, &[("years", "1")]).or_else(|_| Args::parse(m, &[]));
            let a = a.expect("defaults parse");
            match m.kind {
                ModelKind::Eval => {
                    assert!(evaluate(m.name, &[]).is_ok(), "{}", m.name);
                }
                ModelKind::Simulate => {
                    assert!(simulate_args(&a).is_ok(), "{}", m.name);
                    // Every simulated model but robot-scientists has a closed-form pre-AI path at its defaults.
                    assert_eq!(
                        balanced_path(&a).is_some(),
                        m.name != "robot-scientists",
                        "{}",
                        m.name
                    );
                }
            }
        }
    }

    /// The binding is by position: a changed value lands in the parameter of that name.
    #[test]
    fn bound_values_follow_the_parsed_names() {
        let a = Args::parse(
            find("exogenous", ModelKind::Simulate).unwrap(),
            &[("g_B", "0.03"), ("n", "0.004")],
        )
        .unwrap();
        let path = balanced_path(&a).unwrap();
        assert_eq!(path.growth, 0.03 + 0.004);
        assert_eq!(path.wage_growth, 0.03);
    }
}
