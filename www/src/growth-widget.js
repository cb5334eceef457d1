// <growth-widget>: the element's lifecycle and attribute routing. It owns the DOM and forwards
// every attribute to the engine (the wasm), which validates it, computes the diagram and
// returns what to show; this file knows no kind, parameter, rule or sentence. One concern per
// module: engine.js (loading), frame.js (structure: controls.js, actions.js, table.js),
// drawing.js (frames and descriptions; painter.js), errors.js, pointer.js, watch.js,
// properties.js, and the links (groups.js, address.js, widget-links.js).
import { copy, download, Player } from './actions.js';
import { AddressState, readAddress } from './address.js';
import { skeleton } from './dom.js';
import { Drawing } from './drawing.js';
import { engineLoader } from './engine.js';
import { ErrorList, say, toDetail } from './errors.js';
import { Frame } from './frame.js';
import { Groups } from './groups.js';
import { Painter } from './painter.js';
import { attachPointer } from './pointer.js';
import { reflect } from './properties.js';
import { brokenBuiltins, defineStandIn } from './builtins.js';
import { styleSheet } from './styles.js';
import { DataTable } from './table.js';
import { defineCompanions } from './values.js';
import { watch } from './watch.js';
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
  const addressRead = readAddress(address, { engine, bindings, tagName, attributesOf });

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
    #els = skeleton(this.#root, messages);
    #widget = null;
    #errors = new ErrorList(this.#els, this, messages);
    #painter = new Painter(this, this.#els.plot, this.#els.canvas, this.#els.probe, element.theme);
    #table = new DataTable(this.#els.table, (option, id) => this.#route(option, id, 'growth-change'));
    #player = new Player(() => this.#els.actions.querySelector('[data-action="play"]'));
    #engine = () => this.#widget;
    /** What the drawing and the frame use of this element (drawing.js, frame.js). */
    #host = {
      element: this,
      root: this.#root,
      els: this.#els,
      widget: this.#engine,
      table: this.#table,
      painter: this.#painter,
      player: this.#player,
      errors: this.#errors,
      uid: ++counter,
      declared: element,
      fail: (error, source, drawing) => this.#fail(error, source, drawing),
      play: () => this.#togglePlay(),
      route: (name, value) => this.#route(name, value, 'growth-change'),
      input: (name, value, committed) => this.#userSet(name, value, !committed),
      // A slider released (or set) is described now; one stepped by keys once the keys pause.
      commit: (keyed = false) => {
        if (!keyed) this.#drawing.describeNow();
        this.#release();
      },
    };
    #drawing = new Drawing(this.#host);
    #frame = new Frame(this.#host);
    #unwatch = null;
    #links = new WidgetLinks(
      {
        element: this,
        widget: this.#engine,
        changed: (committed, changed) => this.#linked(committed, changed),
        // A notice is new (reported), or reworded on a commit only.
        notice: (name, detail, committed) => {
          const shown = this.#errors.get(name);
          if (!detail) this.#errors.clear(name);
          else if (!shown || (committed && shown.message !== detail.message)) this.#errors.report(name, toDetail(detail, name));
        },
      },
      groups,
      address,
    );

    constructor() {
      super();
      this.#root.adoptedStyleSheets = [styleSheet(element.theme)];
      attachPointer(this.#els.canvas, this.#els.figure, {
        engine: this.#engine,
        onMove: (name) => this.#afterChange(name, true, true),
        onCommit: () => this.#release(),
        onError: (error, source) => this.#fail(error, source),
        onDrag: (on) => (this.#drawing.dragging = on),
      });
    }

    /** Current parameter values, `{name: number}`, or null before the widget starts. */
    get values() {
      return this.#live()?.values() ?? null;
    }

    /** The messages currently shown, as `{attribute, value, expected, message}`. */
    get errors() {
      this.#flush();
      return this.#errors.all;
    }

    /** Numbers behind the drawing (see the authors' guide), or null. */
    probe(what, arg = 0) {
      const widget = this.#live();
      if (!widget) return null;
      try {
        return what === 'panels' ? widget.panels() : (widget.probe(what, arg) ?? null);
      } catch (error) {
        this.#fail(error, 'probe');
        return null;
      }
    }

    /** The exact tag for the current state, as `<growth-widget kind="…" name="value" …></growth-widget>`. */
    get tag() {
      return this.#live()?.tag() ?? null;
    }

    /** The figure as an SVG document (string), drawn by plotters' SVG backend. */
    toSVG() {
      const widget = this.#live();
      const { colours, font } = this.#painter.look;
      return widget ? widget.to_svg(this.#els.canvas, ...this.#painter.cssSize, colours, font) : null;
    }

    /** Downloads the figure as PNG (the canvas at device resolution). */
    downloadPNG() {
      if (!this.#widget) return;
      this.#drawing.draw(true);
      this.#els.canvas.toBlob((blob) => blob && download(this.#root, blob, this.#fileName('png')), 'image/png');
    }

    /** Downloads the figure as SVG. */
    downloadSVG() {
      const svg = this.toSVG();
      if (svg) download(this.#root, new Blob([svg], { type: 'image/svg+xml' }), this.#fileName('svg'));
    }

    /** Puts the tag for the current state on the clipboard (or shows it to copy by hand). */
    async copyTag() {
      const tag = this.tag;
      if (tag) await copy(this.#els.toast, tag, messages, 'tag');
    }

    /** A link to this page that reopens every widget with an id as it is now (the guide's "Links that keep the state"). */
    get link() {
      this.#flush();
      return address.link();
    }

    /** Puts the page's link with every widget's state on the clipboard (or shows it to copy). */
    async copyLink() {
      await copy(this.#els.toast, this.link, messages, 'link');
    }

    /** Starts the engine for this widget if it has not started (it starts anyway near the viewport); resolves when its values can be read. */
    async ready() {
      this.#flush();
      await this.#start();
      return this.#widget !== null;
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
        this.#fail(error, name);
      }
      if (moved) this.#afterChange(committed ? 'growth-change' : 'growth-input', true, !committed);
      else if (committed) this.#release();
      return moved;
    }

    /** Measures the plot again and draws now (e.g. after a slide deck rescaled, or before printing); resolves when drawn. */
    async renderNow() {
      this.#flush();
      await this.#start();
      this.#drawing.visible = true;
      this.#painter.invalidateLayout();
      this.#drawing.draw(true);
    }

    connectedCallback() {
      this.#frame.build(specs);
      this.#unwatch = watch(this.#els.plot, {
        near: (on) => {
          this.#drawing.visible = on;
          if (on) this.#start().then(() => this.#drawing.schedule());
        },
        layout: (size) => {
          if (size && this.#painter.sameSize(size.width, size.height)) return;
          this.#painter.invalidateLayout();
          this.#drawing.redraw();
        },
        scheme: () => this.#onScheme(),
      });
      const box = this.#els.plot.getBoundingClientRect();
      if (box.bottom > -300 && box.top < innerHeight + 300 && box.width > 0) {
        // Already on screen: start now rather than one frame later when the observer reports.
        this.#drawing.visible = true;
        this.#start();
        this.#painter.prepare();
      }
    }

    disconnectedCallback() {
      this.#unwatch?.();
      this.#unwatch = null;
      this.#painter.invalidateLayout();
      this.#drawing.stop();
      this.#player.stop();
      this.#links.stopped();
      this.#widget?.free();
      this.#widget = null;
      this.#startup = null;
    }

    attributeChangedCallback(name, oldValue, value) {
      if (oldValue === value) return;
      if (name === 'class' || name === 'style') return this.#onScheme();
      if (name === 'id') {
        this.#links.reidentify();
        this.#frame.actions();
        return this.#frame.sync();
      }
      // Writes are applied together at the end of the task that made them, the last value of
      // each in the order last written, so a storm of writes costs one rebuild per name; every
      // read of the widget's state applies them first.
      this.#pending.delete(name);
      this.#pending.set(name, value);
      if (this.#pending.size === 1) queueMicrotask(() => this.#flush());
    }

    #pending = new Map();
    #starting = false;
    #startup = null;

    /** The engine object after the pending writes, or null before the widget starts. */
    #live() {
      this.#flush();
      return this.#widget;
    }

    #flush() {
      if (!this.#pending.size) return;
      const writes = [...this.#pending];
      this.#pending.clear();
      const written = (...names) => writes.some(([name]) => names.includes(name));
      if (!this.#widget) {
        // Before the engine answers, only what shapes the reserved box is redone.
        if (!this.isConnected || !written('kind', 'controls', this.#frame.spec?.initial.table?.embed)) return;
        this.#frame.build(specs);
        // A widget that is starting creates itself; one whose kind was refused starts again here.
        if (written('kind') && this.#startup && !this.#starting && engine.loaded) this.#create();
        return;
      }
      // A new kind reads every attribute afresh.
      if (written('kind')) return this.#create();
      for (const [name, value] of writes) this.#route(name, value, null);
      if (written('group')) this.#links.regroup();
      if (written('history')) {
        this.#frame.actions();
        this.#frame.sync();
      }
    }

    // ---- lifecycle -------------------------------------------------------------------------

    /** Starts once (until disconnected): every caller waits for the same start. */
    #start() {
      this.#startup ??= this.#startOnce();
      return this.#startup;
    }

    async #startOnce() {
      this.#starting = true;
      try {
        await engine.ready();
        await addressRead;
      } catch (error) {
        this.#starting = false;
        return this.#errors.unloaded(error);
      }
      // Each widget starts in a task of its own: widgets that come into view together (one
      // observer callback, or the engine becoming ready) would otherwise all build and draw in
      // one long task.
      await engine.turn();
      this.#starting = false;
      if (this.isConnected && !this.#widget) this.#create();
    }

    #create() {
      this.#widget?.free();
      this.#widget = null;
      this.#errors.clearAll();
      if (this.#frame.spec?.kind !== this.getAttribute('kind')) this.#frame.build(specs);
      try {
        this.#widget = new bindings.GrowthWidget(this.getAttribute('kind') ?? '');
      } catch (error) {
        return this.#errors.refused(toDetail(error, 'kind'));
      }
      for (const outcome of this.#widget.attributes(...attributesOf(this))) this.#apply(outcome);
      // The address's state for this widget, then its group's values.
      this.#links.started();
      const layout = this.#layout();
      // Enabled by the controls' sync below.
      this.#frame.actions(layout.history);
      this.#frame.canvas(layout);
      this.#frame.controlsFor(layout.controls);
      // The first frame is drawn at once; later ones are batched into animation frames.
      if (this.#drawing.visible) this.#drawing.draw(true);
      else this.#drawing.redraw();
    }

    // ---- attributes and values: the engine decides, this shows ------------------------------

    /** An attribute (or a row or preset chosen in the widget) goes to the engine. */
    #route(name, value, eventName) {
      if (!this.#widget) return;
      let outcome;
      try {
        outcome = this.#widget.attribute(name, bounded(value));
      } catch (error) {
        return this.#fail(error, name);
      }
      if (outcome.affects === 'kind') return this.#create();
      this.#apply(outcome);
      if (outcome.affects === 'height') this.#layout();
      else if (outcome.affects === 'controls') this.#frame.controls();
      if (outcome.affects !== 'nothing') this.#afterChange(eventName);
    }

    #apply({ name, error }) {
      if (error) this.#errors.report(name, error);
      else this.#errors.clear(name);
    }

    /** The engine's layout answer; applies its height. */
    #layout() {
      const layout = this.#widget.layout();
      this.#els.plot.style.height = `${layout.height}px`;
      return layout;
    }

    #userSet(name, value, quiet = true) {
      try {
        this.#widget?.set_value(name, value);
        this.#errors.clear(name);
      } catch (error) {
        this.#fail(error, name);
      }
      // Drawn at once, so the coming frame paints the new figure.
      this.#afterChange('growth-input', true, quiet);
    }

    #togglePlay() {
      const name = this.#frame.spec?.play;
      const param = this.#frame.spec?.params.find((p) => p.name === name);
      this.#player.toggle(param, this.#widget?.values()[name], (value) => this.#userSet(name, value), () => this.#release());
    }

    /** `quiet`: a step of a continuing change (keys, drag, Play), described once it pauses; `now`: drawn at once. */
    #afterChange(eventName, now = false, quiet = false) {
      this.#frame.sync();
      this.#drawing.changed(now, quiet);
      if (eventName) this.#emit(eventName);
      // Linked widgets follow every change; a committed one also reaches the address.
      if (quiet) this.#links.share();
      else this.#links.commit();
    }

    /** A continuing change ended (a slider or the point released, Play finished). */
    #release() {
      this.#emit('growth-change');
      this.#links.commit();
    }

    /** Values came from a linked widget or the address: show them, drawn in the next frame. */
    #linked(committed, changed) {
      if (changed) {
        this.#frame.sync();
        this.#drawing.received(committed);
      }
      this.#emit(committed ? 'growth-change' : 'growth-input');
    }

    #onScheme() {
      this.#painter.invalidateTheme();
      this.#drawing.redraw();
    }

    #emit(name) {
      if (!this.#widget) return;
      this.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true, detail: { kind: this.getAttribute('kind'), values: this.#widget.values() } }));
    }

    #fileName(extension) {
      return `growth-widget-${this.getAttribute('kind')}.${extension}`;
    }

    /** A refused value is reported; a trap inside the wasm (a Rust panic) restarts this widget (`drawing`: it failed to draw). */
    #fail(error, attribute, drawing = false) {
      if (!(error instanceof WebAssembly.RuntimeError)) {
        if (drawing) this.#errors.status('not-drawn');
        return this.#errors.report(attribute, toDetail(error, attribute));
      }
      const panic = bindings.take_last_panic?.() ?? error.message;
      console.error(say(messages, 'panic-console', { kind: this.getAttribute('kind'), panic }));
      // The object that trapped may be left mid-borrow: drop it (never call into it again) and start afresh.
      this.#widget = null;
      const restart = this.#errors.crashed(panic);
      if (restart) {
        queueMicrotask(() => {
          if (!this.isConnected || this.#widget) return;
          this.#create();
          this.#errors.keep('engine', restart);
        });
      }
    }
  }

  engine.ready().catch(() => {});
  customElements.define(tagName, GrowthWidgetElement);
  defineCompanions({ element, specs, tagName });
  return GrowthWidgetElement;
}
