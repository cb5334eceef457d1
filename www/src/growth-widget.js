// <growth-widget>: the thin custom-element shim. It owns the DOM (shadow root, controls,
// canvas size, events) and forwards every parameter to the wasm widget; it computes no
// economics and validates nothing itself: parsing, ranges and messages come from Rust.

const STYLE_TEXT = `
:host {
  display: block;
  margin: 1.5em 0;
  --gw-fg: var(--growth-widget-fg, #222222);
  --gw-muted: var(--growth-widget-muted, #666666);
  --gw-bg: var(--growth-widget-bg, #ffffff);
  --gw-grid: var(--growth-widget-grid, #e8e8e8);
  --gw-accent: var(--growth-widget-accent, #d55e00);
  --gw-series-1: var(--growth-widget-series-1, #0072b2);
  --gw-series-2: var(--growth-widget-series-2, #e69f00);
  --gw-series-3: var(--growth-widget-series-3, #009e73);
  --gw-series-4: var(--growth-widget-series-4, #cc79a7);
  --gw-border: var(--growth-widget-border, #dddddd);
  --gw-error: var(--growth-widget-error, #b00020);
  --gw-font: var(--growth-widget-font, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif);
}
@media (prefers-color-scheme: dark) {
  :host {
    --gw-fg: var(--growth-widget-fg, #e6e6e6);
    --gw-muted: var(--growth-widget-muted, #a3a3a3);
    --gw-bg: var(--growth-widget-bg, #16181d);
    --gw-grid: var(--growth-widget-grid, #2d3139);
    --gw-accent: var(--growth-widget-accent, #ff8c42);
    --gw-series-1: var(--growth-widget-series-1, #56b4e9);
    --gw-series-2: var(--growth-widget-series-2, #e69f00);
    --gw-series-3: var(--growth-widget-series-3, #2fc28f);
    --gw-series-4: var(--growth-widget-series-4, #e08fbf);
    --gw-border: var(--growth-widget-border, #343842);
    --gw-error: var(--growth-widget-error, #ff8a80);
  }
}
:host([hidden]) { display: none; }
*, *::before, *::after { box-sizing: border-box; }
figure {
  margin: 0; padding: 12px 14px 10px; border: 1px solid var(--gw-border); border-radius: 8px;
  background: var(--gw-bg); color: var(--gw-fg);
  font-family: var(--gw-font); font-size: var(--growth-widget-font-size, 15px); line-height: 1.4;
  text-align: start; min-width: 0;
}
figcaption { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 12px; margin: 0 0 6px; }
.title { font-weight: 600; font-size: 1.05em; margin-right: auto; }
.plot { position: relative; width: 100%; height: 420px; }
canvas { display: block; width: 100%; height: 100%; border-radius: 4px; touch-action: none; }
canvas:focus-visible { outline: 2px solid var(--gw-accent); outline-offset: 2px; }
.status { position: absolute; inset: 0; display: flex; align-items: center; justify-content: center;
  padding: 1em; text-align: center; color: var(--gw-muted); }
.status[hidden], .fallback[hidden] { display: none; }
.fallback { margin-top: 6px; }
.errors { list-style: none; margin: 6px 0 0; padding: 0; color: var(--gw-error); font-size: 0.9em; }
.errors li { margin: 2px 0; padding-left: 1.2em; text-indent: -1.2em; }
.errors li::before { content: "⚠ "; }
.readouts { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 13em), 1fr)); gap: 2px 16px; margin: 8px 0 0; min-height: 1.4em; font-size: 0.9em; }
.readouts div { display: flex; flex-wrap: wrap; column-gap: 6px; min-width: 0; }
.readouts dt { flex: 0 1 auto; min-width: 0; overflow-wrap: break-word; }
.readouts dd { flex: 0 1 auto; min-width: 0; overflow-wrap: break-word; }
.readouts dt { color: var(--gw-muted); }
.readouts dd { margin: 0; font-variant-numeric: tabular-nums; font-weight: 600; }
.presets { display: flex; flex-wrap: wrap; gap: 6px; margin: 8px 0 0; }
.presets:empty { display: none; }
button {
  font: inherit; font-size: 0.85em; color: var(--gw-fg); background: transparent; cursor: pointer;
  border: 1px solid var(--gw-border); border-radius: 999px; padding: 3px 10px;
}
button:hover { border-color: var(--gw-accent); }
button:focus-visible, input:focus-visible { outline: 2px solid var(--gw-accent); outline-offset: 1px; }
.controls { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 250px), 1fr)); gap: 4px 20px; margin: 8px 0 0; }
.controls:empty { display: none; }
.control { display: grid; grid-template-columns: 1fr 5.5em; grid-template-rows: auto auto; align-items: center; gap: 0 8px; }
.control label { grid-column: 1 / -1; font-size: 0.9em; color: var(--gw-muted); }
.control input[type=range] { width: 100%; margin: 0; accent-color: var(--gw-accent); }
.control input[type=number] {
  width: 100%; font: inherit; font-size: 0.9em; font-variant-numeric: tabular-nums; color: var(--gw-fg);
  background: var(--gw-bg); border: 1px solid var(--gw-border); border-radius: 4px; padding: 1px 4px;
}
.actions { display: flex; gap: 6px; flex-wrap: wrap; }
.actions:empty { display: none; }
.toast { font-size: 0.85em; color: var(--gw-muted); margin: 4px 0 0; min-height: 0; overflow-wrap: anywhere; }
.toast:empty { display: none; }
.toast code { font-size: 0.95em; user-select: all; }
.control.toggle { grid-template-columns: auto 1fr; grid-template-rows: auto; }
.control.toggle label { grid-column: 2; font-size: 0.9em; color: var(--gw-fg); }
.control.toggle input { grid-column: 1; grid-row: 1; margin: 0; accent-color: var(--gw-accent); width: 1.1em; height: 1.1em; }
.marks { grid-column: 1; font-size: 0.72em; line-height: 1.25; color: var(--gw-muted); --thumb: 13px; }
/* One mark a row: a short rule where the slider's track puts the value (inside the thumb's
   half-widths), its label to the right, running on into the empty space under the number
   field if it needs to, and wrapping only beyond that. */
.marks span {
  --x: calc(var(--thumb) / 2 + var(--at) * (100% - var(--thumb)));
  display: block; width: max-content; max-width: calc(100% - var(--x) + 7.6em + 8px);
  margin-left: var(--x); padding-left: 4px; border-left: 1px solid var(--gw-muted);
}
.table-wrap { margin: 8px 0 0; max-height: 30em; overflow: auto; border: 1px solid var(--gw-border); border-radius: 6px; }
.table-wrap:empty { display: none; }
table { border-collapse: collapse; width: 100%; font-size: 0.85em; }
caption { text-align: start; padding: 6px 8px; color: var(--gw-muted); caption-side: top; }
th, td { text-align: start; vertical-align: top; padding: 4px 8px; border-top: 1px solid var(--gw-border); }
th { position: sticky; top: 0; background: var(--gw-bg); font-weight: 600; white-space: nowrap; }
th button { all: unset; cursor: pointer; }
th button:focus-visible { outline: 2px solid var(--gw-accent); }
tbody tr { cursor: pointer; }
tbody tr:hover { background: var(--gw-grid); }
tbody tr[aria-selected="true"] { background: var(--gw-grid); box-shadow: inset 3px 0 0 var(--gw-accent); }
tbody tr:focus-visible { outline: 2px solid var(--gw-accent); outline-offset: -2px; }
td.symbols { white-space: nowrap; font-variant-numeric: tabular-nums; font-weight: 600; }
td.mismatch { color: var(--gw-error); }
.control[hidden] { display: none; }
.visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
  clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; border: 0; }
@media (prefers-reduced-motion: reduce) { * { transition: none !important; animation: none !important; } }
`;

/** CSS custom properties an author may set on the element (light defaults; dark ones under prefers-color-scheme). */
export const CSS_PROPERTIES = [
  ['--growth-widget-fg', '#222222', 'Text, axes and the draggable point’s outline'],
  ['--growth-widget-muted', '#666666', 'Secondary text, tick labels, ghost curves'],
  ['--growth-widget-bg', '#ffffff', 'Figure background'],
  ['--growth-widget-grid', '#e8e8e8', 'Grid lines and selected table rows'],
  ['--growth-widget-accent', '#d55e00', 'Highlights: the point, sliders, regime labels, focus rings'],
  ['--growth-widget-series-1', '#0072b2', 'First series colour (Okabe–Ito blue)'],
  ['--growth-widget-series-2', '#e69f00', 'Second series colour (orange)'],
  ['--growth-widget-series-3', '#009e73', 'Third series colour (green)'],
  ['--growth-widget-series-4', '#cc79a7', 'Fourth series colour (pink)'],
  ['--growth-widget-border', '#dddddd', 'Figure and field borders'],
  ['--growth-widget-error', '#b00020', 'Error messages'],
  ['--growth-widget-font', 'system-ui, sans-serif', 'Font family of the figure and its controls'],
  ['--growth-widget-font-size', '15px', 'Base font size of the controls and captions'],
];

/** Shadow parts, for ::part() styling. */
export const PARTS = [
  ['figure', 'The whole widget box'],
  ['caption', 'Title row with the actions'],
  ['title', 'The figure’s title'],
  ['actions', 'The Play / PNG / SVG / Copy tag buttons'],
  ['action', 'Each action button'],
  ['plot', 'The box that holds the canvas (its height is reserved before loading)'],
  ['canvas', 'The drawing'],
  ['status', 'Loading and failure messages over the plot'],
  ['fallback', 'Slotted fallback content, shown when the engine cannot load'],
  ['errors', 'The list of messages about refused attributes'],
  ['error', 'One message'],
  ['toast', 'The copied tag'],
  ['table', 'The scroll box around a table (scenarios)'],
  ['data-table', 'The table itself'],
  ['table-row', 'One table row'],
  ['readouts', 'The labelled numbers under the figure'],
  ['readout', 'One labelled number'],
  ['presets', 'The preset buttons'],
  ['preset', 'One preset button'],
  ['controls', 'The grid of controls'],
  ['control', 'One control: label, slider and number field'],
  ['slider', 'A range input'],
  ['number', 'A number input'],
  ['toggle', 'A checkbox'],
  ['marks', 'Labelled marks under a slider'],
  ['description', 'The visually hidden live description'],
];

/** Events the element dispatches (all bubble and cross the shadow boundary). */
export const EVENTS = [
  ['growth-input', '{ kind, values }', 'While a control or the point moves'],
  ['growth-change', '{ kind, values }', 'When a change is committed (slider released, preset, row chosen)'],
  ['growth-error', '{ attribute, value, expected, message }', 'An attribute or value was refused, or the engine failed'],
  ['growth-render', 'null', 'A frame was drawn'],
];

// Attributes that belong to HTML or to the page, never to a diagram.
const GLOBAL_ATTRIBUTES = new Set([
  'kind', 'controls', 'preset', 'height', 'class', 'id', 'style', 'slot', 'title', 'lang', 'dir',
  'hidden', 'tabindex', 'part', 'exportparts', 'role', 'is', 'inert', 'nonce', 'translate',
  'draggable', 'autofocus', 'accesskey', 'popover', 'loading',
]);
const isGlobalAttribute = (name) =>
  GLOBAL_ATTRIBUTES.has(name) || name.startsWith('aria-') || name.startsWith('data-') || name.startsWith('on');

const HEIGHT = { min: 160, max: 2000 };
const NAVIGATION_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End', ' ']);

/** An element with attributes and text; text is always set as text, never parsed as HTML. */
function el(tag, attributes = {}, text) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Normalizes whatever wasm threw into {attribute, value, expected, message}. */
function toDetail(error, attribute) {
  if (error && typeof error === 'object' && typeof error.message === 'string' && 'attribute' in error) return error;
  const message = error instanceof Error ? error.message : String(error);
  return { attribute, value: '', expected: '', message };
}

/**
 * Defines <growth-widget> once per page.
 * @param {{bindings: object, kinds: object[], load: () => Promise<unknown>, tagName?: string}} options
 */
export function defineGrowthWidget({ bindings, kinds, load, tagName = 'growth-widget' }) {
  const existing = customElements.get(tagName);
  if (existing) return existing;

  const specs = new Map(kinds.map((spec) => [spec.kind, spec]));
  const paramNames = [...new Set(kinds.flatMap((spec) => spec.params.map((p) => p.name)))];
  const optionNames = [...new Set(kinds.flatMap((spec) => spec.options.map((o) => o.name)))];
  let ready = null;
  let exports = null;
  // One instantiation per page, shared by every element.
  // The fetch starts synchronously (not in a microtask), so it overlaps the first element's
  // layout instead of waiting for it: a measured 25 ms of the first frame.
  const wasmReady = () => {
    if (!ready) {
      let loading;
      try {
        loading = Promise.resolve(load());
      } catch (error) {
        loading = Promise.reject(error);
      }
      ready = loading.then((instance) => {
        exports = instance;
        return instance;
      });
    }
    return ready;
  };
  let sheet = null;
  const styles = () => {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(STYLE_TEXT);
    }
    return sheet;
  };
  const darkQuery = matchMedia('(prefers-color-scheme: dark)');
  let counter = 0;

  class GrowthWidgetElement extends HTMLElement {
    /** Bytes of WebAssembly memory the page's widgets use (0 before loading): for leak checks. */
    static get wasmMemoryBytes() {
      return exports?.memory?.buffer.byteLength ?? 0;
    }

    static get observedAttributes() {
      // HTML lowercases attribute names: `K="2"` arrives as `k` (the wasm matches it to K).
      return [...new Set(['kind', 'controls', 'preset', 'height', 'class', 'style', ...paramNames, ...optionNames].map((n) => n.toLowerCase()))];
    }

    #root;
    #els = {};
    #uid = ++counter;
    #widget = null;
    #spec = null;
    #errors = new Map();
    #inputs = new Map();
    #started = false;
    #visible = false;
    #dirty = true;
    #frame = 0;
    /** The animation frame (its timestamp) of the last drawing within an input event. */
    #drewInFrame = null;
    #dragging = false;
    #playing = false;
    #playFrame = 0;
    #observers = [];
    #themeCache = null;
    /** The plot's CSS size and on-screen scale, measured when it may have changed (not per frame: reading layout after the controls changed forces a synchronous layout on every redraw). */
    #box = null;
    #onLayout = () => {
      this.#box = null;
      this.#dirty = true;
      this.#schedule();
    };
    /** The plot resized; its first report (the size already measured) is not a change. */
    #onResize = (entries) => {
      const size = entries[entries.length - 1]?.contentRect;
      const box = this.#box;
      if (box && size && Math.abs(size.width - box.cssWidth) < 0.5 && Math.abs(size.height - box.cssHeight) < 0.5) return;
      this.#onLayout();
    };
    #onScheme = () => {
      this.#themeCache = null;
      this.#dirty = true;
      this.#schedule();
    };

    constructor() {
      super();
      this.#root = this.attachShadow({ mode: 'open' });
      this.#root.adoptedStyleSheets = [styles()];
      this.#skeleton();
    }

    static {
      // Properties mirror attributes: el.rho = -1 is el.setAttribute('rho', '-1').
      for (const name of paramNames) {
        Object.defineProperty(this.prototype, name, {
          configurable: true,
          enumerable: true,
          get() {
            return this.#value(name);
          },
          set(value) {
            this.setAttribute(name, String(value));
          },
        });
      }
      for (const name of ['kind', 'controls', 'preset', 'height', ...optionNames]) {
        Object.defineProperty(this.prototype, name, {
          configurable: true,
          enumerable: true,
          get() {
            return this.getAttribute(name);
          },
          set(value) {
            if (value === null || value === undefined) this.removeAttribute(name);
            else this.setAttribute(name, String(value));
          },
        });
      }
    }

    /** Current parameter values, `{name: number}`, or null before the widget starts. */
    get values() {
      return this.#widget ? this.#widget.values() : null;
    }

    /** The messages currently shown, as `{attribute, value, expected, message}`. */
    get errors() {
      return [...this.#errors.values()];
    }

    /** Numbers behind the drawing (see the authors' guide), or null. */
    probe(what, arg = 0) {
      if (!this.#widget) return null;
      try {
        if (what === 'panels') return this.#widget.panels();
        return this.#widget.probe(what, arg) ?? null;
      } catch (error) {
        this.#fail(error, 'probe');
        return null;
      }
    }

    /** The exact tag for the current state, e.g. `<growth-widget kind="elasticity" rho="-1"></growth-widget>`. */
    get tag() {
      return this.#widget ? this.#widget.tag() : null;
    }

    /** The figure as an SVG document (string), drawn by plotters' SVG backend. */
    toSVG() {
      if (!this.#widget) return null;
      const { clientWidth, clientHeight } = this.#els.plot;
      return this.#widget.to_svg(this.#els.canvas, Math.max(1, clientWidth), Math.max(1, clientHeight), this.#theme());
    }

    /** Downloads the figure as PNG (the canvas at device resolution). */
    downloadPNG() {
      if (!this.#widget) return;
      this.#draw(true);
      this.#els.canvas.toBlob((blob) => blob && this.#download(blob, 'png'), 'image/png');
    }

    /** Downloads the figure as SVG. */
    downloadSVG() {
      const svg = this.toSVG();
      if (svg) this.#download(new Blob([svg], { type: 'image/svg+xml' }), 'svg');
    }

    /** Puts the tag for the current state on the clipboard (or shows it to copy by hand). */
    async copyTag() {
      const tag = this.tag;
      if (!tag) return;
      try {
        await navigator.clipboard.writeText(tag);
        this.#toast('Copied: ', tag);
      } catch {
        this.#toast('Copy this tag: ', tag);
      }
    }

    #download(blob, extension) {
      const url = URL.createObjectURL(blob);
      const link = el('a', { href: url, download: `growth-widget-${this.getAttribute('kind')}.${extension}` });
      this.#root.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    }

    #toast(prefix, code) {
      this.#els.toast.replaceChildren(prefix, el('code', {}, code));
    }

    #togglePlay() {
      if (this.#playing) {
        this.#stopPlay();
        return;
      }
      const name = this.#spec?.play;
      const p = this.#spec?.params.find((q) => q.name === name);
      if (!p || !this.#widget) return;
      const button = this.#els.actions.querySelector('[data-action="play"]');
      let value = this.#widget.values()[name];
      if (value >= p.max) value = p.min;
      if (matchMedia('(prefers-reduced-motion: reduce)').matches) {
        this.#userSet(name, p.max, 'growth-input');
        this.#emit('growth-change');
        return;
      }
      this.#playing = true;
      button.textContent = '❚❚ Pause';
      const perSecond = (p.max - p.min) / 8;
      let last = performance.now();
      const tick = (now) => {
        if (!this.#playing) return;
        value = Math.min(p.max, value + ((now - last) / 1000) * perSecond);
        last = now;
        this.#userSet(name, Math.round(value / p.step) * p.step, 'growth-input');
        if (value >= p.max) {
          this.#stopPlay();
          this.#emit('growth-change');
          return;
        }
        this.#playFrame = requestAnimationFrame(tick);
      };
      this.#playFrame = requestAnimationFrame(tick);
    }

    #stopPlay() {
      this.#playing = false;
      cancelAnimationFrame(this.#playFrame);
      const button = this.#els.actions.querySelector('[data-action="play"]');
      if (button) button.textContent = '▶ Play';
    }

    /** Measures the plot again and draws now (e.g. after a slide deck rescaled, or before printing); resolves when drawn. */
    async renderNow() {
      await this.#start();
      this.#visible = true;
      this.#dirty = true;
      this.#box = null;
      this.#draw();
    }

    connectedCallback() {
      // The engine is already loading (since the element was defined); this element starts
      // only when near.
      this.#applyHeight();
      this.#buildFrame();
      darkQuery.addEventListener('change', this.#onScheme);
      const near = new IntersectionObserver(
        (entries) => {
          const entry = entries[entries.length - 1];
          this.#visible = entry.isIntersecting;
          if (this.#visible) {
            this.#start();
            this.#schedule();
          }
        },
        { rootMargin: '300px 0px' },
      );
      near.observe(this);
      // Already on screen: start now rather than one frame later when the observer reports.
      const box = this.getBoundingClientRect();
      if (box.bottom > -300 && box.top < innerHeight + 300 && box.width > 0) {
        this.#visible = true;
        this.#start();
        this.#prepare();
      }
      const resize = new ResizeObserver(this.#onResize);
      resize.observe(this.#els.plot);
      // A transform (reveal.js scales slides on window resize) changes the on-screen scale without resizing the plot.
      window.addEventListener('resize', this.#onLayout);
      this.#observers = [near, resize];
    }

    disconnectedCallback() {
      for (const observer of this.#observers) observer.disconnect();
      this.#observers = [];
      darkQuery.removeEventListener('change', this.#onScheme);
      window.removeEventListener('resize', this.#onLayout);
      this.#box = null;
      if (this.#frame) cancelAnimationFrame(this.#frame);
      this.#frame = 0;
      this.#stopPlay();
      this.#free();
      this.#started = false;
    }

    attributeChangedCallback(name, oldValue, value) {
      if (oldValue === value) return;
      if (name === 'class' || name === 'style') {
        this.#onScheme();
        return;
      }
      if (name === 'height') {
        this.#applyHeight();
        return;
      }
      if (!this.#widget) {
        if (name === 'kind' && this.isConnected) {
          this.#buildFrame();
          if (this.#started) this.#create();
        }
        return;
      }
      if (name === 'kind') {
        this.#buildFrame();
        this.#create();
      } else if (name === 'controls') {
        this.#buildControls();
        this.#syncControls();
      } else if (name === 'preset') {
        if (value !== null) this.#applyPreset(value, false);
      } else {
        this.#setAttribute(name, value);
        this.#afterChange(null);
      }
    }

    // ---- structure ---------------------------------------------------------------------

    #skeleton() {
      const e = this.#els;
      e.figure = el('figure', { part: 'figure' });
      e.caption = el('figcaption', { part: 'caption' });
      e.title = el('span', { class: 'title', part: 'title' });
      e.actions = el('div', { class: 'actions', part: 'actions', role: 'group', 'aria-label': 'Figure actions' });
      e.caption.append(e.title, e.actions);
      e.plot = el('div', { class: 'plot', part: 'plot' });
      e.canvas = el('canvas', { part: 'canvas', role: 'img' });
      e.status = el('div', { class: 'status', part: 'status', 'aria-hidden': 'true' }, 'Loading diagram…');
      e.plot.append(e.canvas, e.status);
      e.fallback = el('div', { class: 'fallback', part: 'fallback', hidden: '' });
      e.fallback.append(el('slot'));
      e.errors = el('ul', { class: 'errors', part: 'errors', role: 'alert' });
      e.toast = el('p', { class: 'toast', part: 'toast', role: 'status' });
      e.table = el('div', { class: 'table-wrap', part: 'table' });
      e.readouts = el('dl', { class: 'readouts', part: 'readouts' });
      e.presets = el('div', { class: 'presets', part: 'presets', role: 'group', 'aria-label': 'Presets' });
      e.controls = el('div', { class: 'controls', part: 'controls' });
      e.description = el('p', { class: 'description visually-hidden', part: 'description', 'aria-live': 'polite' });
      e.figure.append(e.caption, e.plot, e.fallback, e.errors, e.toast, e.table, e.readouts, e.presets, e.controls, e.description);
      this.#root.append(e.figure);

      e.canvas.addEventListener('pointerdown', (ev) => this.#pointerDown(ev));
      e.canvas.addEventListener('pointermove', (ev) => this.#pointerMove(ev));
      e.canvas.addEventListener('pointerup', (ev) => this.#pointerUp(ev));
      e.canvas.addEventListener('pointercancel', (ev) => this.#pointerUp(ev));
      e.canvas.addEventListener('keydown', (ev) => this.#canvasKey(ev));
      // Arrow keys inside the widget move its controls, not the page's slides.
      e.figure.addEventListener('keydown', (ev) => {
        if (NAVIGATION_KEYS.has(ev.key)) ev.stopPropagation();
      });
    }

    /** Title, presets and controls from the declaration: present before wasm loads, so nothing shifts. */
    #buildFrame() {
      this.#spec = specs.get(this.getAttribute('kind') ?? '') ?? null;
      const spec = this.#spec;
      this.#els.title.textContent = spec ? spec.title : '';
      this.#els.canvas.setAttribute('aria-label', spec ? `${spec.title}: ${spec.summary}` : 'Growth diagram');
      this.#applyHeight();
      this.#buildActions();
      this.#buildPresets();
      this.#buildControls();
      this.#syncControls();
      this.#renderInitial();
    }

    #buildActions() {
      const box = this.#els.actions;
      box.replaceChildren();
      if (!this.#spec) return;
      const actions = [];
      if (this.#spec.play) actions.push(['play', '▶ Play', () => this.#togglePlay()]);
      actions.push(
        ['png', 'PNG', () => this.downloadPNG()],
        ['svg', 'SVG', () => this.downloadSVG()],
        ['copy-tag', 'Copy tag', () => this.copyTag()],
      );
      for (const [name, label, action] of actions) {
        const button = el('button', { type: 'button', part: `action ${name}-button`, 'data-action': name }, label);
        if (name === 'png') button.setAttribute('aria-label', 'Download the figure as PNG');
        if (name === 'svg') button.setAttribute('aria-label', 'Download the figure as SVG');
        if (name === 'copy-tag') button.setAttribute('aria-label', 'Copy the <growth-widget> tag for this exact figure');
        button.disabled = !this.#widget;
        button.addEventListener('click', action);
        box.append(button);
      }
    }

    #applyHeight() {
      const text = this.getAttribute('height');
      let height = this.#spec?.height ?? 420;
      this.#clearError('height');
      if (text !== null) {
        const parsed = Number(String(text).trim().replace(/px$/, ''));
        if (text.trim() !== '' && Number.isFinite(parsed) && parsed >= HEIGHT.min && parsed <= HEIGHT.max) {
          height = parsed;
        } else {
          this.#report('height', {
            attribute: 'height',
            value: text,
            expected: `a height in CSS pixels from ${HEIGHT.min} to ${HEIGHT.max}`,
            message: `height="${text}" is not a valid height; a height in CSS pixels from ${HEIGHT.min} to ${HEIGHT.max}. Using ${height}.`,
          });
        }
      }
      this.#els.plot.style.height = `${height}px`;
    }

    #buildPresets() {
      const box = this.#els.presets;
      box.replaceChildren();
      for (const preset of this.#spec?.presets ?? []) {
        const button = el('button', { type: 'button', part: 'preset', 'data-preset': preset.name }, preset.label);
        button.disabled = !this.#widget;
        button.addEventListener('click', () => this.#applyPreset(preset.name, true));
        box.append(button);
      }
    }

    #shownParams() {
      const params = this.#spec?.params ?? [];
      const list = this.getAttribute('controls');
      if (list === null) return params;
      const wanted = list.split(/[\s,]+/).filter(Boolean);
      if (wanted.length === 1 && wanted[0] === 'none') return [];
      const unknown = wanted.filter((name) => !params.some((p) => p.name === name));
      this.#clearError('controls');
      if (unknown.length) {
        this.#report('controls', {
          attribute: 'controls',
          value: list,
          expected: `a comma-separated list of ${params.map((p) => p.name).join(', ')}, or none`,
          message: `controls="${list}" names ${unknown.join(', ')}, which this kind does not have; valid names: ${params.map((p) => p.name).join(', ')}, or none.`,
        });
      }
      return params.filter((p) => wanted.includes(p.name));
    }

    #buildControls() {
      const container = this.#els.controls;
      container.replaceChildren();
      this.#inputs.clear();
      for (const p of this.#shownParams()) {
        const id = `gw${this.#uid}-${p.name}`;
        if (p.toggle) {
          const row = el('div', { class: 'control toggle', part: 'control' });
          const box = el('input', { type: 'checkbox', id: `${id}-check`, part: 'toggle', 'data-param': p.name, title: p.help });
          box.checked = p.default >= 0.5;
          box.disabled = !this.#widget;
          box.addEventListener('change', () => {
            this.#userSet(p.name, box.checked ? 1 : 0, 'growth-input');
            this.#emit('growth-change');
          });
          row.append(box, el('label', { for: `${id}-check` }, p.label));
          container.append(row);
          this.#inputs.set(p.name, { check: box });
          continue;
        }
        const row = el('div', { class: 'control', part: 'control' });
        const label = el('label', { for: `${id}-range`, id: `${id}-label` }, p.label);
        const common = { min: String(p.min), max: String(p.max), step: String(p.step), title: p.help };
        const range = el('input', { ...common, type: 'range', id: `${id}-range`, part: 'slider', 'data-param': p.name });
        const number = el('input', {
          ...common, type: 'number', id: `${id}-number`, part: 'number', 'data-param': p.name,
          'aria-labelledby': `${id}-label`, inputmode: 'decimal',
        });
        range.value = number.value = String(p.default);
        range.disabled = number.disabled = !this.#widget;
        range.addEventListener('input', () => this.#userSet(p.name, range.valueAsNumber, 'growth-input'));
        range.addEventListener('change', () => this.#emit('growth-change'));
        number.addEventListener('change', () => {
          this.#userSet(p.name, number.value.trim() === '' ? NaN : Number(number.value), 'growth-input');
          this.#emit('growth-change');
        });
        row.append(label, range, number);
        if (p.marks.length) {
          const list = el('datalist', { id: `${id}-marks` });
          const labels = el('div', { class: 'marks', part: 'marks', 'aria-hidden': 'true' });
          for (const [value, text] of p.marks) {
            list.append(el('option', { value: String(value), label: text }));
            const fraction = (value - p.min) / (p.max - p.min);
            const mark = el('span', {}, text);
            mark.style.setProperty('--at', fraction.toFixed(4));
            labels.append(mark);
          }
          range.setAttribute('list', `${id}-marks`);
          range.setAttribute('aria-describedby', `${id}-marks-text`);
          row.append(list, labels, el('span', { id: `${id}-marks-text`, class: 'visually-hidden' }, `Marks: ${p.marks.map(([v, t]) => `${t} at ${v}`).join('; ')}.`));
        }
        container.append(row);
        this.#inputs.set(p.name, { range, number });
      }
    }

    #syncControls() {
      // Only what changed is written: every write to an input invalidates its style, and a
      // drag syncs the controls on every change.
      const set = (node, key, value) => {
        if (node[key] !== value) node[key] = value;
      };
      const values = this.#widget ? this.#widget.values() : {};
      const off = !this.#widget;
      for (const [name, { range, number, check }] of this.#inputs) {
        if (check) {
          set(check, 'disabled', off);
          if (name in values) set(check, 'checked', values[name] >= 0.5);
          continue;
        }
        set(range, 'disabled', off);
        set(number, 'disabled', off);
        if (name in values) {
          const text = String(values[name]);
          set(range, 'value', text);
          if (this.#root.activeElement !== number) set(number, 'value', text);
        }
      }
      for (const button of this.#els.figure.querySelectorAll('.presets button, .actions button')) set(button, 'disabled', off);
      const active = this.#widget ? this.#widget.active_params() : this.#spec?.initial?.active;
      for (const [name, inputs] of this.#inputs) {
        const row = (inputs.range ?? inputs.check).closest('.control');
        set(row, 'hidden', Array.isArray(active) && !active.includes(name));
      }
    }

    // ---- lifecycle -----------------------------------------------------------------------

    async #start() {
      if (this.#started) return;
      this.#started = true;
      try {
        await wasmReady();
      } catch (error) {
        this.#loadFailed(error);
        return;
      }
      if (this.isConnected && !this.#widget) this.#create();
    }

    #loadFailed(error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.#els.status.textContent = 'This diagram could not be loaded. Its description and any fallback content are shown instead.';
      this.#els.status.hidden = false;
      this.#els.fallback.hidden = false;
      this.#report('wasm', { attribute: 'wasm', value: '', expected: 'the growth-widgets WebAssembly module', message: `The diagram engine failed to load: ${reason}` });
      console.error('growth-widget: the WebAssembly module failed to load:', error);
    }

    #free() {
      if (this.#widget) {
        this.#widget.free();
        this.#widget = null;
      }
    }

    #create() {
      this.#free();
      for (const key of [...this.#errors.keys()]) if (key !== 'height' && key !== 'controls') this.#clearError(key);
      const kind = this.getAttribute('kind') ?? '';
      try {
        this.#widget = new bindings.GrowthWidget(kind);
      } catch (error) {
        this.#report('kind', toDetail(error, 'kind'));
        this.#els.status.textContent = 'No diagram to show: see the message below.';
        this.#els.status.hidden = false;
        this.#els.canvas.hidden = true;
        this.#els.readouts.replaceChildren();
        this.#els.description.textContent = this.#errors.get('kind')?.message ?? '';
        return;
      }
      this.#els.canvas.hidden = false;
      // The figure is focusable where it has a point to move (the kind decides, once).
      const axes = this.#widget.drag_axes();
      if (axes) {
        this.#els.canvas.tabIndex = 0;
        this.#els.canvas.setAttribute(
          'aria-label',
          `${this.#spec.title}. Drag the point, or focus here and use the arrow keys to change ${axes[0]} and ${axes[1]}.`,
        );
      } else {
        this.#els.canvas.removeAttribute('tabindex');
      }
      const preset = this.getAttribute('preset');
      if (preset !== null) this.#applyPreset(preset, false);
      for (const { name, value } of [...this.attributes]) {
        if (!isGlobalAttribute(name)) this.#setAttribute(name, value);
      }
      this.#syncControls();
      this.#dirty = true;
      // The first frame is drawn at once; later ones are batched into animation frames.
      if (this.#visible) this.#draw();
      else this.#schedule();
    }

    // ---- parameters ------------------------------------------------------------------------

    #value(name) {
      if (this.#widget) {
        const values = this.#widget.values();
        if (name in values) return values[name];
      }
      const text = this.getAttribute(name);
      return text === null ? undefined : Number(text);
    }

    #setAttribute(name, value) {
      try {
        if (value === null) {
          const p = this.#spec?.params.find((q) => q.name.toLowerCase() === name.toLowerCase());
          if (p) this.#widget.set_value(p.name, p.default);
          else if (this.#widget.is_option(name)) this.#widget.clear_option(name);
        } else {
          this.#widget.set_attribute(name, value);
        }
        this.#clearError(name);
      } catch (error) {
        if (error instanceof WebAssembly.RuntimeError) {
          this.#crashed(error);
          return;
        }
        const detail = toDetail(error, name);
        const canonical = this.#spec?.params.find((q) => q.name.toLowerCase() === name.toLowerCase())?.name ?? name;
        const current = this.#widget.values()[canonical];
        const fallback = current === undefined ? '' : ` Showing ${canonical} = ${current} instead.`;
        this.#report(name, { ...detail, message: `${detail.message}${fallback}` });
      }
    }

    #applyPreset(name, fromUser) {
      try {
        this.#widget.apply_preset(name);
        this.#clearError('preset');
      } catch (error) {
        this.#fail(error, 'preset');
      }
      this.#afterChange(fromUser ? 'growth-change' : null);
    }

    #userSet(name, value, eventName) {
      try {
        this.#widget.set_value(name, value);
        this.#clearError(name);
      } catch (error) {
        this.#fail(error, name);
      }
      // Drawn at once, so the coming frame paints the new figure (see #afterChange).
      this.#afterChange(eventName, true);
    }

    #afterChange(eventName, now = false) {
      this.#syncControls();
      this.#dirty = true;
      // At most one such drawing a frame, whatever rate a browser delivers input at (the
      // document timeline's time is the current frame's); a second change in the same frame
      // is drawn by the frame's callback as usual.
      const frame = document.timeline?.currentTime ?? null;
      if (now && this.#visible && (frame === null || frame !== this.#drewInFrame)) {
        if (this.#frame) cancelAnimationFrame(this.#frame);
        this.#frame = 0;
        this.#draw();
        this.#drewInFrame = frame;
      } else {
        this.#schedule();
      }
      if (eventName) this.#emit(eventName);
    }

    #emit(name) {
      if (!this.#widget) return;
      this.dispatchEvent(
        new CustomEvent(name, { bubbles: true, composed: true, detail: { kind: this.getAttribute('kind'), values: this.#widget.values() } }),
      );
    }

    /** A refused value is reported; a trap inside the wasm (a Rust panic) restarts this widget. */
    #fail(error, attribute) {
      if (error instanceof WebAssembly.RuntimeError) this.#crashed(error);
      else this.#report(attribute, toDetail(error, attribute));
    }

    #crashes = [];

    #crashed(error) {
      const panic = bindings.take_last_panic?.() ?? error.message;
      console.error(`growth-widget: the ${this.getAttribute('kind')} diagram stopped on an internal error: ${panic}`);
      // The object that trapped may be left mid-borrow: drop it (never call into it again) and start afresh.
      this.#widget = null;
      const now = performance.now();
      this.#crashes = [...this.#crashes.filter((t) => now - t < 10000), now];
      const restart = this.#crashes.length <= 3;
      const detail = {
        attribute: 'engine',
        value: '',
        expected: 'a diagram that draws',
        message: restart
          ? `The diagram stopped on an internal error and was restarted: ${panic}`
          : `The diagram stopped on repeated internal errors and was not restarted: ${panic}`,
      };
      this.#report('engine', detail);
      if (restart) {
        queueMicrotask(() => {
          if (this.isConnected && !this.#widget) {
            this.#create();
            this.#errors.set('engine', detail);
            this.#renderErrors();
          }
        });
      } else {
        this.#els.status.textContent = 'This diagram stopped after repeated internal errors.';
        this.#els.status.hidden = false;
      }
    }

    #report(attribute, detail) {
      this.#errors.set(attribute, detail);
      this.#renderErrors();
      this.dispatchEvent(new CustomEvent('growth-error', { bubbles: true, composed: true, detail }));
    }

    #clearError(attribute) {
      if (this.#errors.delete(attribute)) this.#renderErrors();
    }

    #renderErrors() {
      this.#els.errors.replaceChildren(...[...this.#errors.values()].map((d) => el('li', { part: 'error' }, d.message)));
    }

    // ---- drawing -----------------------------------------------------------------------------

    #schedule() {
      if (!this.#widget || !this.#visible || this.#frame) return;
      this.#frame = requestAnimationFrame(() => {
        this.#frame = 0;
        this.#draw();
      });
    }

    /** The page's colours for the canvas; read once (getComputedStyle is costly per frame) and again when the scheme or the element's class or style change. */
    #theme() {
      if (this.#themeCache) return this.#themeCache;
      const style = getComputedStyle(this);
      const read = (name) => style.getPropertyValue(name).trim();
      const theme = {
        fg: read('--gw-fg'),
        muted: read('--gw-muted'),
        bg: read('--gw-bg'),
        grid: read('--gw-grid'),
        accent: read('--gw-accent'),
        series: [1, 2, 3, 4].map((i) => read(`--gw-series-${i}`)),
        font: read('--gw-font'),
      };
      this.#themeCache = theme;
      return theme;
    }

    #measure() {
      const plot = this.#els.plot;
      // Crisp under CSS transforms too (reveal.js scales slides): count the on-screen scale.
      const box = plot.getBoundingClientRect();
      return {
        cssWidth: plot.clientWidth,
        cssHeight: plot.clientHeight,
        transformScale: box.width > 0 && plot.offsetWidth > 0 ? box.width / plot.offsetWidth : 1,
      };
    }

    /**
     * While the engine downloads and compiles: measure the plot (its size is reserved, and the
     * page was just laid out), read the theme, and resolve the canvas font once, so the first
     * frame does none of that work after the engine is ready.
     */
    #prepare() {
      this.#box = this.#measure();
      const theme = this.#theme();
      const context = this.#els.canvas.getContext('2d');
      if (context) {
        context.font = `${12 * (window.devicePixelRatio || 1)}px ${theme.font || 'sans-serif'}`;
        context.measureText('0.5');
      }
    }

    #draw(force = false) {
      if (!this.#widget || (!this.#dirty && !force)) return;
      const canvas = this.#els.canvas;
      this.#box ??= this.#measure();
      const { cssWidth, cssHeight, transformScale } = this.#box;
      if (cssWidth < 1 || cssHeight < 1) {
        this.#box = null;
        return;
      }
      const ratio = Math.min(4, Math.max(1, (window.devicePixelRatio || 1) * transformScale));
      const width = Math.round(cssWidth * ratio);
      const height = Math.round(cssHeight * ratio);
      if (canvas.width !== width) canvas.width = width;
      if (canvas.height !== height) canvas.height = height;
      this.#dirty = false;
      try {
        this.#widget.render(canvas, width / cssWidth, this.#theme());
        this.#els.status.hidden = true;
        this.#clearError('render');
      } catch (error) {
        if (error instanceof WebAssembly.RuntimeError) {
          this.#crashed(error);
          return;
        }
        this.#els.status.textContent = 'The diagram could not be drawn.';
        this.#els.status.hidden = false;
        this.#report('render', toDetail(error, 'render'));
        return;
      }
      try {
        this.#describeSoon();
        this.#renderReadouts(this.#widget.readouts());
        const table = this.#widget.table();
        this.#renderTable(table);
        if (table) this.#scheduleWork();
      } catch (error) {
        this.#fail(error, 'render');
        return;
      }
      this.dispatchEvent(new CustomEvent('growth-render', { bubbles: true, composed: true }));
    }

    // ---- the diagram's table (scenarios) ---------------------------------------------------

    #sort = null;
    #describeTimer = 0;
    #workPending = false;

    /** Deferred work (the rest of a table's rows) runs a slice at a time when the page is idle, never as one long task. */
    #scheduleWork() {
      if (this.#workPending || !this.#widget) return;
      this.#workPending = true;
      const idle = window.requestIdleCallback ?? ((fn) => setTimeout(fn, 16));
      idle(() => {
        this.#workPending = false;
        if (!this.#widget || !this.isConnected) return;
        let more = false;
        try {
          more = this.#widget.work();
          this.#renderTable(this.#widget.table());
        } catch (error) {
          this.#fail(error, 'render');
          return;
        }
        if (more) this.#scheduleWork();
      });
    }

    /** The live description is updated once changes pause, so screen readers are not flooded while dragging. */
    #describeSoon() {
      clearTimeout(this.#describeTimer);
      const update = () => {
        if (this.#widget) this.#els.description.textContent = this.#widget.describe();
      };
      if (!this.#els.description.textContent || this.#dragging || this.#playing) this.#describeTimer = setTimeout(update, 250);
      else update();
    }

    #renderReadouts(list) {
      const box = this.#els.readouts;
      const existing = [...box.children];
      if (existing.length === list.length && existing.every((node, i) => node.dataset.key === list[i].key)) {
        list.forEach((r, i) => {
          const value = existing[i].lastChild;
          if (value.textContent !== r.value) value.textContent = r.value;
        });
        return;
      }
      box.replaceChildren(
        ...list.map((r) => {
          const pair = el('div', { part: 'readout', 'data-key': r.key });
          pair.append(el('dt', {}, r.label), el('dd', {}, r.value));
          return pair;
        }),
      );
    }

    /** What the kind shows at its defaults (from the build), so the box has its final size before the wasm loads. */
    #renderInitial() {
      const initial = this.#spec?.initial;
      if (!initial || this.#widget) return;
      this.#renderReadouts(initial.readouts);
      this.#els.description.textContent = initial.description;
      const embedded = this.getAttribute('scenario');
      const table = initial.table && embedded ? { ...initial.table, rows: initial.table.rows.filter((r) => r.id === embedded) } : initial.table;
      this.#renderTable(table, false);
    }

    #tableKey = '';

    #renderTable(data, live = true, force = false) {
      const wrap = this.#els.table;
      const key = data ? `${live}|${JSON.stringify(data)}|${JSON.stringify(this.#sort)}` : '';
      if (!force && key === this.#tableKey) return;
      this.#tableKey = key;
      if (!data) {
        wrap.replaceChildren();
        return;
      }
      const hadFocus = this.#root.activeElement?.closest?.('tr')?.dataset.id;
      const table = el('table', { part: 'data-table' });
      table.append(el('caption', {}, data.caption));
      const head = el('tr');
      data.columns.forEach((name, index) => {
        const th = el('th', { scope: 'col' });
        const sorted = this.#sort?.column === index;
        th.setAttribute('aria-sort', sorted ? (this.#sort.ascending ? 'ascending' : 'descending') : 'none');
        const button = el('button', { type: 'button' }, `${name}${sorted ? (this.#sort.ascending ? ' ▲' : ' ▼') : ''}`);
        button.addEventListener('click', () => {
          this.#sort = { column: index, ascending: sorted ? !this.#sort.ascending : true };
          this.#renderTable(this.#widget?.table() ?? data, live);
        });
        th.append(button);
        head.append(th);
      });
      const thead = el('thead');
      thead.append(head);
      table.append(thead);
      let rows = [...data.rows];
      if (this.#sort) {
        const { column, ascending } = this.#sort;
        rows = rows
          .map((row, i) => [row, i])
          .sort((a, b) => a[0].cells[column].localeCompare(b[0].cells[column]) * (ascending ? 1 : -1) || a[1] - b[1])
          .map(([row]) => row);
      }
      const body = el('tbody');
      for (const row of rows) {
        const tr = el('tr', { tabindex: '0', 'aria-selected': String(row.selected), 'data-id': row.id, part: 'table-row' });
        row.cells.forEach((text, index) => {
          const symbols = index >= data.columns.length - 2;
          const td = el('td', symbols ? { class: `symbols${row.mismatch && index === data.columns.length - 1 ? ' mismatch' : ''}` } : {}, row.mismatch && index === data.columns.length - 1 ? `⚠ ${text}` : text);
          tr.append(td);
        });
        const choose = () => {
          if (row.selected || !live || !this.#widget) return;
          try {
            this.#widget.set_attribute(data.select, row.id);
            this.#clearError(data.select);
          } catch (error) {
            this.#fail(error, data.select);
          }
          this.#afterChange('growth-change');
        };
        tr.addEventListener('click', choose);
        tr.addEventListener('keydown', (ev) => {
          if (ev.key === 'Enter' || ev.key === ' ') {
            ev.preventDefault();
            choose();
          }
        });
        body.append(tr);
      }
      table.append(body);
      wrap.replaceChildren(table);
      if (hadFocus) wrap.querySelector(`tr[data-id="${CSS.escape(hadFocus)}"]`)?.focus({ preventScroll: true });
    }

    // ---- pointer and keyboard on the figure ------------------------------------------------

    #backingPoint(ev) {
      const box = this.#els.canvas.getBoundingClientRect();
      return [
        ((ev.clientX - box.left) * this.#els.canvas.width) / box.width,
        ((ev.clientY - box.top) * this.#els.canvas.height) / box.height,
      ];
    }

    #pointerDown(ev) {
      if (!this.#widget || ev.button > 0) return;
      const [x, y] = this.#backingPoint(ev);
      if (!this.#widget.hit(x, y)) return;
      ev.preventDefault();
      this.#dragging = true;
      this.#els.canvas.setPointerCapture?.(ev.pointerId);
      this.#els.canvas.focus({ preventScroll: true });
      this.#drag(x, y);
    }

    #pointerMove(ev) {
      if (!this.#dragging) return;
      const [x, y] = this.#backingPoint(ev);
      this.#drag(x, y);
    }

    #pointerUp(ev) {
      if (!this.#dragging) return;
      this.#dragging = false;
      this.#els.canvas.releasePointerCapture?.(ev.pointerId);
      this.#emit('growth-change');
    }

    #drag(x, y) {
      try {
        if (this.#widget.pointer(x, y)) this.#afterChange('growth-input');
      } catch (error) {
        this.#fail(error, 'pointer');
      }
    }

    #canvasKey(ev) {
      if (!this.#widget) return;
      const steps = ev.shiftKey ? 10 : 1;
      const moves = { ArrowLeft: [-steps, 0], ArrowRight: [steps, 0], ArrowUp: [0, steps], ArrowDown: [0, -steps] };
      const move = moves[ev.key];
      if (!move) return;
      ev.preventDefault();
      try {
        if (this.#widget.nudge(move[0], move[1])) {
          this.#afterChange('growth-input');
          this.#emit('growth-change');
        }
      } catch (error) {
        this.#fail(error, 'keyboard');
      }
    }
  }

  // Start fetching and compiling the engine now, while the page goes on parsing, running its
  // other scripts and laying out the elements: compiling in the background from here, rather
  // than from the first element's connection, takes it off the first frame's path (a page
  // that loads this script is a page with a diagram).
  wasmReady().catch(() => {});
  customElements.define(tagName, GrowthWidgetElement);
  return GrowthWidgetElement;
}
