//! `kind="regime-map"` — where in parameter space each outcome holds: a 2-D slice of a
//! model's parameters, each cell coloured by what the model does there, the current point
//! draggable and its time path beside the map. With no `scenario`, the research model
//! Ḃ = θ B^φ (S L e^{nt})^λ over φ × n (Jones 1995: steady, type I, type II with the blow-up
//! time as shading); with `scenario="<row>"`, the tables' classifier over two of that row's
//! parameters (Trammell & Korinek), the cells where the paper's symbols hold outlined.
//!
//! The map is computed coarse to fine ([`regime_map::LEVELS`]) in idle slices of
//! [`Diagram::work`] on the main thread, each slice bounded in time, and cached per (model,
//! parameters off the axes, axes): moving the point never recomputes it.

use crate::plot::{clear, clip_polyline, cut, draw_axes, split_panels};
use crate::plot::{Axes, Chart, Frame};
use crate::scenarios::symbols_text;
use crate::spec::{format_number, InputError, KindSpec, OptionSpec, ParamSpec, Params};
use crate::theme::{mix, Theme};
use crate::{Diagram, DiagramKind, Drawing, Readout, Root, Work};
use growth_model::models::{self, ModelKind, Run};
use growth_model::regime_map::{self as grid, pairs_text, Regime, LEVELS};
use growth_model::scenarios::{self as catalog, ScenarioRow, Symbols, CATALOG};
use growth_model::Doc;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use std::cell::RefCell;
use std::rc::Rc;

/// The parameters, in control order, declared once; read by the names the map's axes and its
/// model give (`usable`: declared names only).
#[rustfmt::skip]
const PARAMS: &[ParamSpec] = &[
    ParamSpec::number("phi", "φ", "Research feedback φ", (-5.0, 3.0, 0.05), 1.2, "", "Above 0, past ideas help find new ones; below 0, ideas get harder to find (fishing out)."),
    ParamSpec::number("lambda", "λ", "Returns to research effort λ", (0.1, 2.0, 0.05), 1.0, "", "Below 1: duplicated work; above 1: researchers complement each other."),
    ParamSpec::number("n", "n", "Growth of research effort n", (-0.1, 0.2, 0.005), 0.01, "/yr", "How fast research effort grows (automation, more scientists) or shrinks."),
    ParamSpec::number("theta", "θ", "Research productivity θ", (0.01, 1.0, 0.01), 0.05, "", "How much technology one unit of research effort produces."),
    ParamSpec::number("rho", "ρ", "Substitution ρ", (-10.0, 1.0, 0.05), 0.5, "", "The substitutability class: HS ρ > 0, MS ρ = 0, LS ρ < 0, PS ρ = 1."),
    ParamSpec::number("s", "s", "Saving rate s", (0.0, 1.0, 0.01), 0.3, "", "The share of output saved."),
    ParamSpec::number("automation_rate", "a", "Automation rate a", (0.0, 0.5, 0.005), 0.05, "/yr", "How fast the share of tasks not yet automated shrinks."),
    ParamSpec::number("g_A", "g_A", "AI's technology growth g_A", (0.0, 0.2, 0.005), 0.02, "/yr", "Capital-augmenting or total factor productivity growth."),
    ParamSpec::number("g_B", "g_B", "People's productivity growth g_B", (0.0, 0.1, 0.005), 0.02, "/yr", "Labor-augmenting technology growth."),
    ParamSpec::number("years", "T", "Horizon", (50.0, 2000.0, 10.0), 300.0, " yr", "How long each cell is simulated before it is classified."),
];

static SPEC: KindSpec = KindSpec {
    kind: "regime-map",
    title: Doc::new("Regime map: where each outcome holds"),
    summary: Doc::new("A slice of a model's parameter space, each cell coloured by what the model does there, with the point's time path. The map refines in idle slices on the main thread (no worker: it works under a strict CSP and costs no second WebAssembly instance)."),
    height: 460,
    params: PARAMS,
    presets: &[],
    play: None,
    options: &[
        OptionSpec { name: "scenario", help: Doc::new("Map one row of the tables (its id); without it, the research model's regimes."), example: "hs-production" },
        OptionSpec { name: "x", help: Doc::new("The parameter across (default: the row's class parameter, or φ)."), example: "rho" },
        OptionSpec { name: "y", help: Doc::new("The parameter up (default: the row's second parameter, or n)."), example: "s" },
        OptionSpec { name: "colour-by", help: Doc::new("A scenario map's column: growth (default), labor-share or wages."), example: "wages" },
    ],
};

const COLUMNS: [&str; 3] = ["growth", "labor-share", "wages"];

/// Every symbol a cell can show, in legend order; the research regimes first, in
/// [`Regime`]'s order (a cell's code in `probe("cell")` is its index here; 255: none).
const SYMBOLS: [&str; 11] = [
    "--", "steady", "I", "II", "-", "=", "+", "++", "→0", "C", "L",
];

/// The legend's words for each symbol of each column (growth, labor share, wages).
const WORDS: [[&str; 11]; 3] = [
    [
        "-- growth dies out",
        "steady exponential growth",
        "type I: growth rate rises without bound",
        "type II: infinite output in finite time",
        "- slower than without AI",
        "= as without AI",
        "+ faster than without AI",
        "++ far faster than without AI",
        "",
        "",
        "",
    ],
    [
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "→0 labor share heads to zero",
        "C labor share constant",
        "",
    ],
    [
        "",
        "",
        "I wages rise ever faster",
        "",
        "",
        "= wages flat",
        "",
        "++ wages grow faster than without AI",
        "→0 wages head to zero",
        "C wages grow with output",
        "L wages grow, less than output",
    ],
];

/// The fill of each symbol: one colour per meaning across columns (falling: muted grey; as
/// before: Okabe–Ito blue; below: amber; above: green, "+" half way to blue; type I pink;
/// type II the accent). Indices into [`fills`].
const FILL: [u8; 11] = [0, 1, 2, 3, 4, 1, 5, 6, 0, 1, 4];

/// The theme's colours in [`FILL`]'s order; the faint grid colour (last) where a cell is not classified.
fn fills(theme: &Theme) -> [RGBColor; 8] {
    let s = theme.series;
    [
        theme.muted,
        s[0],
        s[3],
        theme.accent,
        s[1],
        mix(s[0], s[2], 0.5),
        s[2],
        theme.grid,
    ]
}

/// One cell: the symbol codes of its three columns and its blow-up time (NaN if none).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Cell {
    c: [u8; 3],
    t: f32,
}

fn code(s: Option<&str>) -> u8 {
    s.and_then(|s| SYMBOLS.iter().position(|x| *x == s))
        .map_or(255, |i| i as u8)
}

fn codes(s: &Symbols) -> [u8; 3] {
    [code(Some(s.growth)), code(s.labor_share), code(s.wages)]
}

/// A map being refined: the last complete level and the one being filled.
struct Map {
    key: Vec<f64>,
    done: usize,
    shown: Rc<Vec<Cell>>,
    next: Vec<Cell>,
}

thread_local! {
    /// Maps by key (row, axes, parameters off the axes), the newest kept: a map whose
    /// parameters changed is no longer advanced, and the oldest is dropped when room is needed.
    static MAPS: RefCell<Vec<Map>> = const { RefCell::new(Vec::new()) };
}

/// Maps kept at once.
const KEPT: usize = 8;
/// Milliseconds one slice of work may take (the browser's long-task line is 50).
const BUDGET_MS: f64 = 8.0;

fn now_ms() -> f64 {
    #[cfg(target_arch = "wasm32")]
    return js_sys::Date::now();
    #[cfg(not(target_arch = "wasm32"))]
    return std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0.0, |d| d.as_secs_f64() * 1000.0);
}

/// The regime-map diagram's state at one point.
#[derive(Debug, Clone)]
pub struct RegimeMap {
    /// The cache key: the row's index (−1: none), the axes' indices, the values off them.
    key: Vec<f64>,
    row: Option<&'static ScenarioRow>,
    usable: Vec<&'static str>,
    x: &'static str,
    y: &'static str,
    fixed: Vec<(&'static str, f64)>,
    column: usize,
    xr: (f64, f64),
    yr: (f64, f64),
    point: (f64, f64),
    run: Option<Run>,
    here: Cell,
    symbols: Option<Symbols>,
    cells: Rc<Vec<Cell>>,
    done: usize,
}

fn unknown(attribute: &str, value: &str, problem: &str, names: &[&str]) -> InputError {
    let mut expected = String::from("one of: ");
    expected.push_str(&names.join(", "));
    InputError::new(attribute, value, problem, expected)
}

/// Classifies the cell at `values`: the research model's regime, or row `row`'s symbols.
fn classify(
    row: Option<&ScenarioRow>,
    values: &[(&'static str, f64)],
) -> (Cell, Option<Run>, Option<Symbols>) {
    let text = pairs_text(values);
    let pairs: Vec<(&str, &str)> = text.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (run, symbols) = match row {
        None => (models::simulate("research-feedback", &pairs).ok(), None),
        Some(row) => match catalog::classify_row(row, &pairs) {
            Ok((run, s)) => (Some(run), Some(s)),
            Err(_) => (None, None),
        },
    };
    let c = match (&run, &symbols) {
        (_, Some(s)) => codes(s),
        (Some(run), None) => [Regime::of(run.trend).0 as u8, 255, 255],
        _ => [255; 3],
    };
    let t = run.as_ref().and_then(Run::blowup_time).unwrap_or(f64::NAN);
    (Cell { c, t: t as f32 }, run, symbols)
}

fn symbol_of(name: &str) -> &'static str {
    SPEC.param(name).map_or("", |(_, p)| p.symbol)
}

fn spoken(text: &mut String, name: &str, v: f64) {
    if let Some((_, p)) = SPEC.param(name) {
        text.push_str(&p.spoken(v));
    }
}

impl RegimeMap {
    /// The parameters of cell `k` (row-major from the bottom left) of a `dims` grid.
    fn cell_values(&self, (nx, ny): (usize, usize), k: usize) -> Vec<(&'static str, f64)> {
        let mut v = self.fixed.clone();
        v.push((self.x, grid::centre(self.xr.0, self.xr.1, nx, k % nx)));
        v.push((self.y, grid::centre(self.yr.0, self.yr.1, ny, k / nx)));
        v
    }

    /// The grid of the shown level, (0, 0) before the first.
    fn dims(&self) -> (usize, usize) {
        match self.done {
            0 => (0, 0),
            d => LEVELS[d - 1],
        }
    }

    /// The cache's state of this map.
    fn refresh(&mut self) {
        MAPS.with(|maps| {
            if let Ok(maps) = maps.try_borrow() {
                if let Some(m) = maps.iter().find(|m| m.key == self.key) {
                    (self.done, self.cells) = (m.done, m.shown.clone());
                }
            }
        });
    }

    /// The colour-by code of `cell`.
    fn code(&self, cell: &Cell) -> u8 {
        cell.c[self.column]
    }

    fn words(&self, code: u8) -> &'static str {
        match WORDS[self.column].get(usize::from(code)) {
            Some(w) if !w.is_empty() => w,
            _ => "not classified",
        }
    }

    /// "φ = 1.2, n = 1 % a year: type II: …, blow-up after 412 years".
    fn verdict(&self) -> String {
        let mut text = String::new();
        spoken(&mut text, self.x, self.point.0);
        text.push_str(", ");
        spoken(&mut text, self.y, self.point.1);
        text.push_str(": ");
        text.push_str(self.words(self.code(&self.here)));
        if self.here.t.is_finite() {
            text.push_str(", blow-up after ");
            text.push_str(&format_number(f64::from(self.here.t)));
            text.push_str(" years");
        }
        text
    }
}

impl DiagramKind for RegimeMap {
    fn spec() -> &'static KindSpec {
        &SPEC
    }

    fn from_params(p: &Params) -> Result<Self, InputError> {
        let at = match p.option("scenario") {
            Some(id) => Some(CATALOG.iter().position(|r| r.id == id).ok_or_else(|| {
                let ids: Vec<&str> = CATALOG.iter().map(|r| r.id).collect();
                unknown("scenario", id, "is not a row of the tables", &ids)
            })?),
            None => None,
        };
        let row = at.map(|i| &CATALOG[i]);
        let model = row.map_or("research-feedback", |r| r.model);
        let declared = models::find(model, ModelKind::Simulate).map_or(&[][..], |d| d.params);
        // The parameters a map can vary: the declared ones the model takes.
        let mut usable = Vec::new();
        for q in SPEC.params {
            if declared.iter().any(|d| d.name == q.name) {
                usable.push(q.name);
            }
        }
        // Default axes: the row's class parameter and its next one, else φ and n.
        let defaults: Vec<&str> = row
            .map_or(&[][..], |r| r.coverage)
            .iter()
            .map(|c| c.param)
            .chain(["phi", "n", "years"])
            .filter(|n| usable.contains(n))
            .collect();
        let mut axes = Vec::new();
        for name in ["x", "y"] {
            let chosen = match p.option(name) {
                None => defaults.iter().find(|n| !axes.contains(*n)),
                Some(v) => usable.iter().find(|u| **u == v && !axes.contains(*u)),
            };
            let Some(chosen) = chosen else {
                let v = p.option(name).unwrap_or("");
                let problem = "is not a parameter of this map (or is the other axis)";
                return Err(unknown(name, v, problem, &usable));
            };
            axes.push(*chosen);
        }
        let (x, y) = (axes[0], axes[1]);
        let column = match p.option("colour-by") {
            None => 0,
            Some(v) => COLUMNS
                .iter()
                .position(|c| *c == v)
                .ok_or_else(|| unknown("colour-by", v, "is not a column", &COLUMNS))?,
        };
        // An axis spans its control's range within the model's declared domain.
        let range = |name: &str| {
            let (mut lo, mut hi) = SPEC.param(name).map_or((0.0, 1.0), |(_, q)| (q.min, q.max));
            if let Some(d) = declared.iter().find(|d| d.name == name) {
                (lo, hi) = (lo.max(d.domain.min), hi.min(d.domain.max));
            }
            (lo, hi)
        };
        let (xr, yr) = (range(x), range(y));
        let point = (
            growth_model::clamp(p.named(x).unwrap_or(xr.0), xr.0, xr.1),
            growth_model::clamp(p.named(y).unwrap_or(yr.0), yr.0, yr.1),
        );
        // The cache key: the row, the axes and the values off them (their names follow).
        let index = |name: &str| SPEC.param(name).map_or(0.0, |(i, _)| i as f64);
        let mut key = vec![at.map_or(-1.0, |i| i as f64), index(x), index(y)];
        let mut fixed = Vec::new();
        for n in &usable {
            if let Some(v) = p.named(n).filter(|_| *n != x && *n != y) {
                key.push(v);
                fixed.push((*n, v));
            }
        }
        let mut all = fixed.clone();
        all.extend([(x, point.0), (y, point.1)]);
        let (here, run, symbols) = classify(row, &all);
        let mut map = RegimeMap {
            key,
            row,
            usable,
            x,
            y,
            fixed,
            column,
            xr,
            yr,
            point,
            run,
            here,
            symbols,
            cells: Rc::default(),
            done: 0,
        };
        map.refresh();
        Ok(map)
    }

    fn option_changed(params: &mut Params, name: &str) {
        let Some(row) = params
            .option(name)
            .filter(|_| name == "scenario")
            .and_then(catalog::find)
        else {
            return;
        };
        let Ok(decl) = models::find(row.model, ModelKind::Simulate) else {
            return;
        };
        // A row starts at its own point: its class's middle, its values, else the model's defaults.
        for p in decl.params {
            let value = row
                .coverage
                .first()
                .filter(|c| c.param == p.name)
                .map(|c| c.samples[c.samples.len() / 2])
                .or_else(|| {
                    let (_, v) = row.params.iter().find(|(k, _)| *k == p.name)?;
                    growth_model::parse_decimal(v)
                })
                .unwrap_or(p.default);
            if let Some((_, spec)) = SPEC.param(p.name) {
                let _ = params.set(p.name, growth_model::clamp(value, spec.min, spec.max));
            }
        }
    }
}

impl Diagram for RegimeMap {
    fn active_params(&self) -> Option<Vec<&'static str>> {
        Some(self.usable.clone())
    }

    fn drag_axes(&self) -> Option<(&'static str, &'static str)> {
        Some((self.x, self.y))
    }

    fn drag(&self, _panel: usize, x: f64, y: f64) -> Vec<(&'static str, f64)> {
        vec![(self.x, x), (self.y, y)]
    }

    fn work(&mut self) -> Work {
        let start = now_ms();
        let mut redraw = false;
        let more = MAPS.with(|maps| {
            let Ok(mut maps) = maps.try_borrow_mut() else {
                return false;
            };
            if !maps.iter().any(|m| m.key == self.key) {
                if maps.len() >= KEPT {
                    maps.remove(0);
                }
                maps.push(Map {
                    key: self.key.clone(),
                    done: 0,
                    shown: Rc::default(),
                    next: Vec::new(),
                });
            }
            let Some(m) = maps.iter_mut().find(|m| m.key == self.key) else {
                return false;
            };
            // Whole cells until the slice's time is up; a level is shown once complete.
            while m.done < LEVELS.len() {
                let dims = LEVELS[m.done];
                if m.next.len() == dims.0 * dims.1 {
                    m.shown = Rc::new(core::mem::take(&mut m.next));
                    m.done += 1;
                    redraw = true;
                } else if now_ms() - start > BUDGET_MS {
                    break;
                } else {
                    let values = self.cell_values(dims, m.next.len());
                    m.next.push(classify(self.row, &values).0);
                }
            }
            m.done < LEVELS.len()
        });
        self.refresh();
        Work { more, redraw }
    }

    fn draw(&self, root: &Root<'_>, theme: &Theme) -> Drawing {
        clear(root, theme)?;
        let (band, body) = cut(root, theme.upx(22.0), false);
        let accent = theme.anchored(13.0, theme.accent, HPos::Left, VPos::Top);
        // A narrow figure says only what the point does (the controls give its values).
        let mut verdict = self.verdict();
        if verdict.chars().count() as f64 * 7.5 + 16.0
            > f64::from(band.dim_in_pixel().0) / theme.scale
        {
            verdict = self.words(self.code(&self.here)).into();
        }
        band.draw(&Text::new(verdict, (theme.px(8.0), theme.px(4.0)), accent))?;
        let (left, right) = split_panels(&body, theme, 0.6);
        let fills = fills(theme);
        let fill = |code: u8| fills[FILL.get(usize::from(code)).map_or(7, |f| usize::from(*f))];
        // The legend: the symbols the map shows, in words, under the map.
        let mut seen = [false; 12];
        for c in self.cells.iter() {
            seen[usize::from(self.code(c)).min(11)] = true;
        }
        let mut items: Vec<(RGBColor, &str)> = Vec::new();
        for code in 0..12 {
            if seen[usize::from(code)] {
                items.push((fill(code), self.words(code)));
            }
        }
        items.push(match self.row {
            None => (mix(theme.accent, theme.bg, 0.6), "fainter: later blow-up"),
            Some(_) => (theme.fg, "outlined: the paper's symbols hold"),
        });
        let (width, height) = left.dim_in_pixel();
        let line = theme.px(16.0);
        // Two to a line where there is room, else one.
        let per = 1 + i32::from(f64::from(width) / theme.scale >= 520.0);
        let lines = (items.len() as i32 + per - 1) / per;
        let (map_area, legend) = cut(&left, height.saturating_sub((lines * line) as u32), false);
        let style = theme.text(11.0, theme.fg);
        for (k, (c, text)) in (0..).zip(items) {
            let x = theme.px(8.0) + k % per * width as i32 / 2;
            let y = k / per * line;
            legend.draw(&Rectangle::new(
                [(x, y), (x + theme.px(10.0), y + theme.px(10.0))],
                c.filled(),
            ))?;
            legend.draw(&Text::new(text, (x + theme.px(14.0), y), style.clone()))?;
        }
        let chart = Chart::new(
            &map_area,
            theme,
            Frame::new(8.0, 46.0, 38.0),
            self.xr.0..self.xr.1,
            self.yr.0..self.yr.1,
        );
        // The cells in backing-store pixels: each run of one colour a rectangle reaching a
        // pixel into the next run and row (drawn after it, so no seam of background shows);
        // a row's outline (the edges between cells where the paper's symbols hold and the
        // others) after its cells.
        let m = chart.map();
        let (nx, ny) = self.dims();
        let (l, t, r, b) = (m.left as i32, m.top as i32, m.right as i32, m.bottom as i32);
        let ex = |i: usize| l + (r - l) * i as i32 / nx.max(1) as i32;
        let ey = |j: usize| b - (b - t) * j as i32 / ny.max(1) as i32;
        let cell = |i: usize, j: usize| self.cells.get(j * nx + i).filter(|_| i < nx && j < ny);
        let colour = |i: usize, j: usize| {
            let cell = cell(i, j);
            let c = fill(cell.map_or(255, |c| self.code(c)));
            // Inside type II, a later blow-up is fainter (log₁₀ years from 1 to 4).
            let f = (libm::log10(f64::from(cell.map_or(f32::NAN, |c| c.t))) - 1.0) / 3.0;
            if self.row.is_none() && f.is_finite() {
                mix(c, theme.bg, 0.6 * growth_model::clamp(f, 0.0, 1.0))
            } else {
                c
            }
        };
        let paper = self.row.map(|r| codes(&r.paper));
        let inside = |i: usize, j: usize| paper.is_some() && cell(i, j).map(|c| c.c) == paper;
        let pen = theme.px(1.0);
        for j in 0..=ny {
            let mut i = 0;
            while i < nx && j < ny {
                let c = colour(i, j);
                let mut e = i + 1;
                while e < nx && colour(e, j) == c {
                    e += 1;
                }
                let top = ey(j + 1) - if j + 1 < ny { pen } else { 0 };
                let right = ex(e) + if e < nx { pen } else { 0 };
                root.draw(&Rectangle::new([(ex(i), top), (right, ey(j))], c.filled()))?;
                i = e;
            }
            for i in 0..=nx {
                let here = inside(i, j);
                if j < ny && here != inside(i.wrapping_sub(1), j) {
                    let edge = [(ex(i) - pen, ey(j + 1)), (ex(i) + pen, ey(j))];
                    root.draw(&Rectangle::new(edge, theme.fg.filled()))?;
                }
                if i < nx && here != inside(i, j.wrapping_sub(1)) {
                    let edge = [(ex(i) - pen, ey(j) - pen), (ex(i + 1) + pen, ey(j) + pen)];
                    root.draw(&Rectangle::new(edge, theme.fg.filled()))?;
                }
            }
        }
        draw_axes(
            &map_area,
            &chart,
            theme,
            &Axes::new(symbol_of(self.x), symbol_of(self.y), 6, 5),
        )?;
        chart.draw(&Circle::new(
            self.point,
            theme.upx(7.0),
            theme.accent.filled(),
        ))?;
        chart.draw(&Circle::new(
            self.point,
            theme.upx(7.0),
            theme.fg.stroke_width(theme.upx(2.0)),
        ))?;
        // The time path at the point: the colour-by column's series, else log output or technology.
        if let Some(run) = &self.run {
            let series = [
                ("ln_Y", "ln output", 1.0),
                ("labor_share", "labor share (%)", 100.0),
                ("ln_wage", "ln wage", 1.0),
                ("ln_B", "ln technology", 1.0),
            ];
            let (name, title, scale) = [series[self.column], series[0]]
                .into_iter()
                .find(|s| run.series(s.0).is_some())
                .unwrap_or(series[3]);
            let t_end = run.t.last().copied().unwrap_or(1.0).max(1e-9);
            let points: Vec<(f64, f64)> = run
                .t
                .iter()
                .zip(run.series(name).unwrap_or(&[]))
                .map(|(t, v)| (*t, v * scale))
                .filter(|p| p.1 > growth_model::exogenous::LN_ZERO_WAGE / 2.0)
                .collect();
            let lo = points.iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
            let hi = points.iter().map(|p| p.1).fold(f64::NEG_INFINITY, f64::max);
            // At least half a unit tall: a nearly flat path gets readable ticks, not 2.000e−4 steps.
            let (lo, hi) = if lo.is_finite() && hi.is_finite() && hi > lo {
                (lo, (hi + 0.05 * (hi - lo)).max(lo + 0.5))
            } else {
                (lo.min(0.0), lo.min(0.0) + 1.0)
            };
            let chart = Chart::new(
                &right,
                theme,
                Frame::new(8.0, 46.0, 36.0),
                0.0..t_end,
                lo..hi,
            );
            draw_axes(&right, &chart, theme, &Axes::new("Years", title, 5, 5))?;
            for segment in clip_polyline(&points, 0.0, t_end, lo, hi) {
                chart.line(segment, theme.series[0].stroke_width(theme.upx(2.5)))?;
            }
        }
        Ok(vec![m])
    }

    fn describe(&self) -> String {
        let mut text = self.verdict();
        // The extent along x of the point's region on its row of the shown map.
        let (nx, ny) = self.dims();
        let j = grid::index(self.yr.0, self.yr.1, ny, self.point.1);
        if let Some(cells) = self.cells.get(j * nx..(j + 1) * nx).filter(|_| nx > 0) {
            let at = grid::index(self.xr.0, self.xr.1, nx, self.point.0);
            let same = |i: usize| self.code(&cells[i]) == self.code(&cells[at]);
            let (mut a, mut b) = (at, at);
            while a > 0 && same(a - 1) {
                a -= 1;
            }
            while b + 1 < nx && same(b + 1) {
                b += 1;
            }
            let w = (self.xr.1 - self.xr.0) / nx as f64;
            text.push_str("; at this ");
            text.push_str(symbol_of(self.y));
            text.push_str(" the region runs from ");
            text.push_str(symbol_of(self.x));
            text.push_str(" = ");
            text.push_str(&format_number(self.xr.0 + a as f64 * w));
            text.push_str(" to ");
            text.push_str(&format_number(self.xr.0 + (b + 1) as f64 * w));
        }
        if let Some(row) = self.row {
            text.push_str(". “");
            text.push_str(row.label);
            text.push_str("”: the paper says ");
            text.push_str(&symbols_text(&row.paper));
            text.push_str("; here ");
            if let Some(s) = &self.symbols {
                text.push_str(&symbols_text(s));
            }
        }
        // What the map holds fixed: changing any of these recomputes it.
        text.push_str(". The map holds ");
        for (k, (name, v)) in self.fixed.iter().enumerate() {
            if k > 0 {
                text.push_str(", ");
            }
            spoken(&mut text, name, *v);
        }
        text.push('.');
        text
    }

    fn readouts(&self) -> Vec<Readout> {
        let (nx, ny) = self.dims();
        let refining = if self.done < LEVELS.len() {
            ", refining"
        } else {
            ""
        };
        vec![
            Readout::new("regime", "Here", self.verdict()),
            Readout::new("map", "Map cells", format!("{nx} × {ny}{refining}")),
        ]
    }

    fn probe(&self, what: &str, arg: f64) -> Option<Vec<f64>> {
        let (nx, ny) = self.dims();
        let k = arg as usize;
        match what {
            // [columns, rows, complete levels, x min, x max, y min, y max] of the shown map.
            "map" => Some(vec![
                nx as f64,
                ny as f64,
                self.done as f64,
                self.xr.0,
                self.xr.1,
                self.yr.0,
                self.yr.1,
            ]),
            // [x, y, symbol code, blow-up time] of cell `arg` (row-major from the bottom
            // left), or at the point.
            "cell" | "point" => {
                let (x, y, cell) = if what == "point" {
                    (self.point.0, self.point.1, &self.here)
                } else {
                    (
                        grid::centre(self.xr.0, self.xr.1, nx, k % nx),
                        grid::centre(self.yr.0, self.yr.1, ny, k / nx),
                        self.cells.get(k)?,
                    )
                };
                let code = match self.code(cell) {
                    255 => -1.0,
                    k => f64::from(k),
                };
                Some(vec![x, y, code, f64::from(cell.t)])
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {

    use crate::element::Widget;

    fn finish(w: &mut Widget) {
        while w.work().more {}
    }

    #[test]
    fn the_default_map_reads_the_research_model() {
        let mut w = Widget::new("regime-map").expect("kind");
        finish(&mut w);
        let d = w.diagram();
        let map = d.probe("map", 0.0).expect("map");
        assert_eq!(&map[..3], &[64.0, 48.0, 4.0]);
        let (mut steady, mut type_ii) = (0, 0);
        for k in 0..64 * 48 {
            let c = d.probe("cell", k as f64).expect("cell");
            // φ < 1 with n > 0 is steady; φ > 1 with n ≥ 0 is type II (Jones 1995).
            if c[0] < 0.95 && c[1] > 0.001 {
                assert_eq!(c[2], 1.0, "φ = {}, n = {}", c[0], c[1]);
                steady += 1;
            }
            if c[0] > 1.05 && c[1] >= 0.0 {
                assert_eq!(c[2], 3.0, "φ = {}, n = {}", c[0], c[1]);
                assert!(c[3] > 0.0);
                type_ii += 1;
            }
        }
        assert!(steady > 500 && type_ii > 200, "{steady} {type_ii}");
        assert!(w.describe().contains("type II"), "{}", w.describe());
    }

    #[test]
    fn moving_the_point_keeps_the_map_and_a_third_parameter_recomputes_it() {
        let mut w = Widget::new("regime-map").expect("kind");
        finish(&mut w);
        w.attribute("phi", Some("0.5"));
        assert_eq!(w.diagram().probe("map", 0.0).expect("map")[2], 4.0);
        assert_eq!(w.diagram().probe("point", 0.0).expect("point")[2], 1.0);
        w.attribute("lambda", Some("0.5"));
        assert_eq!(w.diagram().probe("map", 0.0).expect("map")[2], 0.0);
    }

    #[test]
    fn scenario_maps_take_the_rows_axes_and_refuse_others() {
        let mut w = Widget::new("regime-map").expect("kind");
        let (_, e) = w.attribute("scenario", Some("tech-high-feedback"));
        assert!(e.is_none(), "{e:?}");
        assert_eq!(w.diagram().drag_axes(), Some(("phi", "lambda")));
        assert_eq!(w.diagram().probe("point", 0.0).expect("point")[2], 3.0);
        let (_, e) = w.attribute("x", Some("rho"));
        assert!(e
            .expect("refused")
            .message
            .contains("not a parameter of this map"));
        let (_, e) = w.attribute("colour-by", Some("colour"));
        assert!(e.is_some());
    }
}
