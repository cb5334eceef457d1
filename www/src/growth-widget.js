// <growth-widget>: the element's lifecycle and attribute routing. It owns the DOM and forwards
// every attribute to the engine (the wasm), which validates it, computes the diagram and
// returns what to show; this file knows no kind, parameter, rule or sentence. One concern per
// module: engine.js (loading), connection.js (this widget's engine object and view: built near
// the viewport by view.js, started, restarted), frame.js (structure: controls.js, actions.js, table.js),
// drawing.js (frames and descriptions; painter.js), errors.js, pointer.js, watch.js,
// properties.js, changes.js (what follows a change), and the links (groups.js, address.js,
// widget-links.js).
import { AddressState, readAddress } from './address.js';
import { engineLoader } from './engine.js';
import { say, toDetail } from './errors.js';
import { Groups } from './groups.js';
import { reflect } from './properties.js';
import { brokenBuiltins, defineStandIn } from './builtins.js';
import { styleSheet } from './styles.js';
import { defineCompanions } from './values.js';
import { Changes } from './changes.js';
import { Connection } from './connection.js';
import { copy } from './actions.js';
import { downloadFigure, figureSVG } from './view.js';
import { WidgetLinks } from './widget-links.js';

/**
 * Defines <growth-widget> once per page.
 * @param {{bindings: object, kinds: object[], element: object, load: () => Promise<unknown>, tagName?: string}} options
 */
export function defineGrowthWidget({ bindings, kinds, element, load, tagName = 'growth-widget' }) {
  // Imported on a server (no DOM): define nothing; the element upgrades in the browser.
  if (typeof customElements === 'undefined' || typeof HTMLElement === 'undefined') return null;
  const existing = customElements.get(tagName);
  if (existing) return existing;
  const { messages } = element;
  const broken = brokenBuiltins();
  if (broken.length) return defineStandIn(tagName, say(messages, 'builtins', { list: broken.join(', ') }));

  const specs = new Map(kinds.map((spec) => [spec.kind, spec]));
  const paramNames = [...new Set(kinds.flatMap((spec) => spec.params.map((p) => p.name)))];
  const textNames = [...new Set([...element.attributes.map((a) => a.name), ...kinds.flatMap((spec) => spec.options.map((o) => o.name))])];
  const engine = engineLoader(load);
  let counter = 0;
  // Linked widgets and the state in the address; a state in the address is read, and
  // checked, before the first widget starts.
  const groups = new Groups();
  const address = new AddressState(messages);
  /** Attribute text as the engine reads it: at most one character past its limit. */
  const bounded = (value) => (value !== null && value.length > element.max_text ? value.slice(0, element.max_text + 1) : value);
  /** An element's attributes as the engine takes them: names and bounded values. */
  const attributesOf = (node) => {
    const list = [...node.attributes];
    return [list.map((a) => a.name), list.map((a) => bounded(a.value))];
  };
  const numeric = new Set(paramNames.map((n) => n.toLowerCase()));
  /** What shapes a widget's layout: its attributes but its parameters' values and its id (measure.js). */
  const layoutKey = (node) =>
    [...node.attributes]
      .filter((a) => a.name !== 'id' && !numeric.has(a.name))
      .map((a) => `${a.name}=${a.value}`)
      .sort()
      .join('\n');
  const addressRead = readAddress(address, { engine, bindings, tagName, attributesOf });
  // The connected widgets: printing builds and draws every one of them.
  const connected = new Set();
  let paramOf;

  class GrowthWidgetElement extends HTMLElement {
    /** Bytes of WebAssembly memory the page's widgets use (0 before loading): for leak checks. */
    static get wasmMemoryBytes() {
      return engine.memoryBytes;
    }

    static get observedAttributes() {
      // HTML lowercases attribute names: `K="2"` arrives as `k` (the engine matches it to K).
      return [...new Set(['class', 'style', 'id', ...paramNames, ...textNames].map((n) => n.toLowerCase()))];
    }

    static {
      reflect(this.prototype, paramNames, textNames);
    }

    #root = this.attachShadow({ mode: 'open' });
    #engine = () => this.#c.widget;
    #links = new WidgetLinks(
      {
        element: this,
        widget: this.#engine,
        changed: (committed, changed) => this.#changes.linked(committed, changed),
        // A notice is new (reported), or reworded on a commit only.
        notice: (name, detail, committed) => {
          const errors = this.#c.view.errors;
          const shown = errors.get(name);
          if (!detail) errors.clear(name);
          else if (!shown || (committed && shown.message !== detail.message)) errors.report(name, toDetail(detail, name));
        },
      },
      groups,
      address,
    );
    /** The engine object and the view (connection.js). */
    #c = new Connection({
      engine,
      bindings,
      addressRead,
      specs,
      attributesOf,
      layoutKey,
      element: this,
      root: this.#root,
      widget: this.#engine,
      uid: ++counter,
      declared: element,
      links: this.#links,
      apply: (outcome) => this.#apply(outcome),
      scheme: () => this.#onScheme(),
      route: (name, value) => this.#route(name, value, 'growth-change'),
      input: (name, value, committed) => this.#changes.set(name, value, !committed),
      // A slider released (or set) is described now; one stepped by keys once the keys pause.
      commit: (keyed = false) => {
        if (!keyed) this.#c.view.drawing.describeNow();
        this.#changes.released();
      },
      moved: () => this.#changes.after('growth-input', true, true),
      released: () => this.#changes.released(),
    });
    #changes = new Changes(this, this.#c, () => this.#links);

    static {
      paramOf = (widget, name) => (#c in widget ? widget.#c.widget?.param(name) : -1);
      // Printing builds and draws every widget first, so the printed page is complete.
      addEventListener('beforeprint', () => connected.forEach((widget) => widget.#c.print()));
    }

    constructor() {
      super();
      this.#root.adoptedStyleSheets = [styleSheet(element)];
    }

    /** Current parameter values, `{name: number}`, or null before the widget starts. */
    get values() {
      return this.#live()?.values() ?? null;
    }

    /** The messages currently shown, as `{attribute, value, expected, message}`. */
    get errors() {
      this.#flush();
      return this.#c.view?.errors.all ?? [];
    }

    /** Numbers behind the drawing (see the authors' guide), or null. */
    probe(what, arg = 0) {
      const widget = this.#live();
      if (!widget) return null;
      try {
        return what === 'panels' ? widget.panels() : (widget.probe(what, arg) ?? null);
      } catch (error) {
        this.#c.fail(error, 'probe');
        return null;
      }
    }

    /** The exact tag for the current state, as `<growth-widget kind="…" name="value" …></growth-widget>`. */
    get tag() {
      return this.#live()?.tag() ?? null;
    }

    /** The figure as an SVG document (string), drawn by plotters' SVG backend. */
    toSVG() {
      return this.#live() ? figureSVG(this.#c.view) : null;
    }

    /** Downloads the figure as PNG (the canvas at device resolution). */
    downloadPNG() {
      if (this.#c.widget) downloadFigure(this.#c.view, 'png');
    }

    /** Downloads the figure as SVG. */
    downloadSVG() {
      if (this.#live()) downloadFigure(this.#c.view, 'svg');
    }

    /** Puts the tag for the current state on the clipboard (or shows it to copy by hand). */
    async copyTag() {
      const tag = this.tag;
      if (tag) await copy(this.#c.view.els.toast, tag, messages, 'tag');
    }

    /** A link to this page that reopens every widget with an id as it is now (the guide's "Links that keep the state"). */
    get link() {
      this.#flush();
      return address.link();
    }

    /** Puts the page's link with every widget's state on the clipboard (or shows it to copy). */
    async copyLink() {
      await copy(this.#c.built().els.toast, this.link, messages, 'link');
    }

    /** Starts the engine for this widget if it has not started (it starts anyway near the viewport); resolves when its values can be read. */
    async ready() {
      this.#flush();
      this.#c.built();
      await this.#c.start();
      return this.#c.widget !== null;
    }

    /** The text of a parameter, readout or `description`, as `<growth-value>` shows it; null before the widget starts; throws `{attribute, value, expected, message}` for an unknown name. */
    valueText(name) {
      return this.#live()?.text(name) ?? null;
    }

    /** Moves parameter `name` by `steps` of its step, as a reader's control does (not an attribute); `committed` ends the change. */
    adjust(name, steps, committed = true) {
      const widget = this.#live();
      if (!widget) return false;
      let moved = false;
      try {
        moved = widget.step(name, steps);
      } catch (error) {
        this.#c.fail(error, name);
      }
      if (moved) this.#changes.after(committed ? 'growth-change' : 'growth-input', true, !committed);
      else if (committed) this.#changes.released();
      return moved;
    }

    /** Measures the plot again and draws now (e.g. after a slide deck rescaled, or before printing); resolves when drawn. */
    async renderNow() {
      this.#flush();
      const { drawing, painter } = this.#c.built();
      await this.#c.start();
      drawing.visible = true;
      painter.invalidateLayout();
      drawing.draw(true);
    }

    connectedCallback() {
      connected.add(this);
      this.#c.connected();
    }

    disconnectedCallback() {
      connected.delete(this);
      this.#c.disconnected();
    }

    attributeChangedCallback(name, oldValue, value) {
      if (oldValue === value) return;
      if (name === 'class' || name === 'style') return this.#onScheme();
      if (name === 'id') {
        this.#links.reidentify();
        this.#c.view?.frame.actions();
        return this.#c.view?.frame.sync();
      }
      // Writes are applied together at the end of the task that made them, the last value of
      // each in the order last written, so a storm of writes costs one rebuild per name; every
      // read of the widget's state applies them first.
      this.#pending.delete(name);
      this.#pending.set(name, value);
      if (this.#pending.size === 1) queueMicrotask(() => this.#flush());
    }

    #pending = new Map();

    /** The engine object after the pending writes, or null before the widget starts. */
    #live() {
      this.#flush();
      return this.#c.widget;
    }

    #flush() {
      if (!this.#pending.size) return;
      const writes = [...this.#pending];
      this.#pending.clear();
      const written = (...names) => writes.some(([name]) => names.includes(name));
      const c = this.#c;
      if (!c.widget) {
        // Before the engine answers, only what shapes the reserved box is redone.
        if (!this.isConnected) return;
        if (!c.view) return written('kind') && c.connected();
        if (!written('kind', 'controls', c.view.frame.spec?.initial.table?.embed)) return;
        c.view.frame.build(specs);
        if (written('kind')) c.retry();
        return;
      }
      // A new kind reads every attribute afresh.
      if (written('kind')) return c.create();
      for (const [name, value] of writes) this.#route(name, value, null);
      if (written('group')) this.#links.regroup();
      if (written('history')) {
        c.view.frame.actions();
        c.view.frame.sync();
      }
    }

    // ---- attributes and values: the engine decides, this shows ------------------------------

    /** An attribute (or a row or preset chosen in the widget) goes to the engine. */
    #route(name, value, eventName) {
      if (!this.#c.widget) return;
      let outcome;
      try {
        outcome = this.#c.widget.attribute(name, bounded(value));
      } catch (error) {
        return this.#c.fail(error, name);
      }
      if (outcome.affects === 'kind') return this.#c.create();
      this.#apply(outcome);
      if (outcome.affects === 'height') this.#c.layout();
      else if (outcome.affects === 'controls') this.#c.view.frame.controls();
      if (outcome.affects !== 'nothing') this.#changes.after(eventName);
    }

    #apply({ name, error }) {
      if (error) this.#c.view.errors.report(name, error);
      else this.#c.view.errors.clear(name);
    }

    #onScheme() {
      this.#c.view?.painter.invalidateTheme();
      this.#c.view?.drawing.redraw();
    }
  }

  engine.ready().catch(() => {});
  customElements.define(tagName, GrowthWidgetElement);
  defineCompanions({ element, specs, tagName, paramOf });
  return GrowthWidgetElement;
}
