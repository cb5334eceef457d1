// <growth-widget>: the element's lifecycle and attribute routing. It owns the DOM and forwards
// every attribute to the engine (the wasm), which validates it, computes the diagram and
// returns what to show; this file knows no kind, parameter or rule. One concern per module:
// engine.js (loading), controls.js, actions.js, table.js, errors.js, pointer.js, painter.js.
import { buildActions, download, Player } from './actions.js';
import { buildControls, buildPresets, syncControls } from './controls.js';
import { put, renderReadouts, skeleton } from './dom.js';
import { engineLoader } from './engine.js';
import { ErrorList, toDetail } from './errors.js';
import { AddressState, readAddress } from './address.js';
import { Groups } from './groups.js';
import { WidgetLinks } from './widget-links.js';
import { Painter } from './painter.js';
import { attachPointer } from './pointer.js';
import { brokenBuiltins, defineStandIn } from './builtins.js';
import { styleSheet } from './styles.js';
import { DataTable } from './table.js';
import { defineCompanions } from './values.js';

/**
 * Defines <growth-widget> once per page.
 * @param {{bindings: object, kinds: object[], element: object, load: () => Promise<unknown>, tagName?: string}} options
 */
export function defineGrowthWidget({ bindings, kinds, element, load, tagName = 'growth-widget' }) {
  // Imported on a server (no DOM): define nothing; the element upgrades in the browser.
  if (typeof customElements === 'undefined' || typeof HTMLElement === 'undefined') return null;
  const existing = customElements.get(tagName);
  if (existing) return existing;
  const broken = brokenBuiltins();
  if (broken.length) return defineStandIn(tagName, broken);

  const specs = new Map(kinds.map((spec) => [spec.kind, spec]));
  const paramNames = [...new Set(kinds.flatMap((spec) => spec.params.map((p) => p.name)))];
  const textNames = [...new Set([...element.attributes.map((a) => a.name), ...kinds.flatMap((spec) => spec.options.map((o) => o.name))])];
  const engine = engineLoader(load);
  const darkQuery = matchMedia('(prefers-color-scheme: dark)');
  let counter = 0;
  // Linked widgets and the state in the address (link.js); a state in the address is read,
  // and checked, before the first widget starts.
  const groups = new Groups();
  const address = new AddressState(element.messages);
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

    #root = this.attachShadow({ mode: 'open' });
    #els = skeleton(this.#root);
    #uid = ++counter;
    #widget = null;
    #spec = null;
    #inputs = new Map();
    #errors = new ErrorList(this.#els.errorList, this);
    #painter = new Painter(this, this.#els.plot, this.#els.canvas, this.#els.probe, element.theme);
    #table = new DataTable(this.#els.table, (option, id) => this.#route(option, id, 'growth-change'));
    #player = new Player(() => this.#els.actions.querySelector('[data-action="play"]'));
    #visible = false;
    #dirty = true;
    #frame = 0;
    #drewInFrame = null;
    #dragging = false;
    #describeTimer = 0;
    /** How the next drawing's description is announced: at once (a committed change) or once changes pause. */
    #announce = 'now';
    #workPending = false;
    #observers = [];
    #links = new WidgetLinks(
      {
        element: this,
        widget: () => this.#widget,
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
    #onLayout = () => {
      this.#painter.invalidateLayout();
      this.#redraw();
    };
    #onScheme = () => {
      this.#painter.invalidateTheme();
      this.#redraw();
    };

    constructor() {
      super();
      this.#root.adoptedStyleSheets = [styleSheet(element.theme)];
      attachPointer(this.#els.canvas, this.#els.figure, {
        engine: () => this.#widget,
        onMove: (name) => this.#afterChange(name, true, true),
        onCommit: () => this.#release(),
        onError: (error, source) => this.#fail(error, source),
        onDrag: (on) => (this.#dragging = on),
      });
    }

    static {
      // Properties mirror attributes: el.name = 2 is el.setAttribute('name', '2').
      const define = (name, get, set) => Object.defineProperty(this.prototype, name, { configurable: true, enumerable: true, get, set });
      for (const name of paramNames) {
        define(name, function () {
          return this.values?.[name] ?? null;
        }, function (value) {
          this.setAttribute(name, String(value));
        });
      }
      for (const name of textNames) {
        define(name, function () {
          return this.getAttribute(name);
        }, function (value) {
          if (value === null || value === undefined) this.removeAttribute(name);
          else this.setAttribute(name, String(value));
        });
      }
    }

    /** Current parameter values, `{name: number}`, or null before the widget starts. */
    get values() {
      this.#flush();
      return this.#widget ? this.#widget.values() : null;
    }

    /** The messages currently shown, as `{attribute, value, expected, message}`. */
    get errors() {
      this.#flush();
      return this.#errors.all;
    }

    /** Numbers behind the drawing (see the authors' guide), or null. */
    probe(what, arg = 0) {
      this.#flush();
      if (!this.#widget) return null;
      try {
        return what === 'panels' ? this.#widget.panels() : (this.#widget.probe(what, arg) ?? null);
      } catch (error) {
        this.#fail(error, 'probe');
        return null;
      }
    }

    /** The exact tag for the current state, as `<growth-widget kind="…" name="value" …></growth-widget>`. */
    get tag() {
      this.#flush();
      return this.#widget ? this.#widget.tag() : null;
    }

    /** The figure as an SVG document (string), drawn by plotters' SVG backend. */
    toSVG() {
      this.#flush();
      if (!this.#widget) return null;
      const [width, height] = this.#painter.cssSize;
      return this.#widget.to_svg(this.#els.canvas, width, height, this.#painter.colours);
    }

    /** Downloads the figure as PNG (the canvas at device resolution). */
    downloadPNG() {
      if (!this.#widget) return;
      this.#draw(true);
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
      if (!tag) return;
      const toast = (prefix) => this.#els.toast.replaceChildren(prefix, Object.assign(document.createElement('code'), { textContent: tag }));
      try {
        await navigator.clipboard.writeText(tag);
        toast('Copied: ');
      } catch {
        toast('Copy this tag: ');
      }
    }

    /** A link to this page that reopens every widget with an id as it is now (the guide's "Links that keep the state"). */
    get link() {
      this.#flush();
      return address.link();
    }

    /** Puts the page's link with every widget's state on the clipboard (or shows it to copy). */
    async copyLink() {
      const link = this.link;
      const toast = (prefix) => this.#els.toast.replaceChildren(prefix, Object.assign(document.createElement('code'), { textContent: link }));
      try {
        await navigator.clipboard.writeText(link);
        toast('Copied link: ');
      } catch {
        toast('Copy this link: ');
      }
    }

    /** Starts the engine for this widget if it has not started (it starts anyway near the viewport); resolves when its values can be read. */
    async ready() {
      this.#flush();
      await this.#start();
      return this.#widget !== null;
    }

    /** The text of a parameter, readout or `description`, as `<growth-value>` shows it; null before the widget starts; throws `{attribute, value, expected, message}` for an unknown name. */
    valueText(name) {
      this.#flush();
      return this.#widget ? this.#widget.text(name) : null;
    }

    /** Moves parameter `name` by `steps` of its step, as a reader's control does (not an attribute); `committed` ends the change. */
    adjust(name, steps, committed = true) {
      this.#flush();
      if (!this.#widget) return false;
      let moved = false;
      try {
        moved = this.#widget.step(name, steps);
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
      this.#visible = true;
      this.#dirty = true;
      this.#painter.invalidateLayout();
      this.#draw();
    }

    connectedCallback() {
      this.#buildFrame();
      darkQuery.addEventListener('change', this.#onScheme);
      const near = new IntersectionObserver((entries) => {
        this.#visible = entries[entries.length - 1].isIntersecting;
        if (this.#visible) this.#start().then(() => this.#schedule());
      }, { rootMargin: '300px 0px' });
      // The plot, not the host: a host with `display: contents` has no box of its own.
      near.observe(this.#els.plot);
      const box = this.#els.plot.getBoundingClientRect();
      if (box.bottom > -300 && box.top < innerHeight + 300 && box.width > 0) {
        // Already on screen: start now rather than one frame later when the observer reports.
        this.#visible = true;
        this.#start();
        this.#painter.prepare();
      }
      const resize = new ResizeObserver((entries) => {
        const size = entries[entries.length - 1]?.contentRect;
        if (!size || !this.#painter.sameSize(size.width, size.height)) this.#onLayout();
      });
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
      this.#painter.invalidateLayout();
      cancelAnimationFrame(this.#frame);
      this.#frame = 0;
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
        this.#buildActions();
        return this.#syncControls();
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

    #flush() {
      if (!this.#pending.size) return;
      const writes = [...this.#pending];
      this.#pending.clear();
      const kindChanged = writes.some(([name]) => name === 'kind');
      if (!this.#widget) {
        // Before the engine answers, only what shapes the reserved box is redone.
        const shaping = (name) => name === 'kind' || name === 'controls' || name === this.#spec?.initial.table?.embed;
        if (!this.isConnected || !writes.some(([name]) => shaping(name))) return;
        this.#buildFrame();
        // A widget that is starting creates itself; one whose kind was refused starts again here.
        if (kindChanged && this.#startup && !this.#starting && engine.loaded) this.#create();
        return;
      }
      // A new kind reads every attribute afresh.
      if (kindChanged) return this.#create();
      for (const [name, value] of writes) this.#route(name, value, null);
      if (writes.some(([name]) => name === 'group')) this.#links.regroup();
      if (writes.some(([name]) => name === 'history')) {
        this.#buildActions();
        this.#syncControls();
      }
    }

    // ---- structure: what the declaration says, present before the engine loads ----------

    #buildFrame() {
      const spec = (this.#spec = specs.get(this.getAttribute('kind') ?? '') ?? null);
      const e = this.#els;
      e.title.textContent = spec?.title ?? '';
      e.canvas.setAttribute('aria-label', spec?.initial.label ?? 'Growth diagram');
      e.plot.style.setProperty('--gw-kind-height', `${spec?.height ?? 420}px`);
      this.#buildActions();
      buildPresets(e.presets, spec?.presets ?? [], (name) => this.#route('preset', name, 'growth-change'));
      this.#buildControls();
      if (!spec || this.#widget) return;
      // The kind's readouts and table as the build computed them, so the box has its final
      // size; the numbers are held back (they are the defaults', not these attributes') until
      // the engine computes them.
      renderReadouts(e.readouts, spec.initial.readouts, true);
      e.description.textContent = '';
      this.#table.render(spec.initial.table, { live: false, embedded: this.#embedded(spec.initial.table) });
    }

    /**
     * The actions: Play for a kind that sweeps a parameter; Copy link for a widget with an id
     * (the link names it) whose `history` the engine did not validate as none.
     */
    #buildActions(history = this.#widget?.layout().history) {
      const spec = this.#spec;
      const actions = {};
      if (spec?.play) actions.play = () => this.#togglePlay();
      if (spec) Object.assign(actions, { png: () => this.downloadPNG(), svg: () => this.downloadSVG(), 'copy-tag': () => this.copyTag() });
      if (spec && this.id && history !== 'none') actions['copy-link'] = () => this.copyLink();
      buildActions(this.#els.actions, actions);
    }

    /** Controls for the engine's list; before it loads, a hint from the attribute's names. */
    #buildControls() {
      const params = this.#spec?.params ?? [];
      let names;
      if (this.#widget) names = this.#widget.layout().controls;
      else {
        const list = this.getAttribute('controls');
        const words = list === null ? null : list.toLowerCase().split(/[\s,]+/);
        names = params.map((p) => p.name).filter((n) => !words || words.includes(n.toLowerCase()));
      }
      this.#inputs = buildControls(this.#els.controls, params.filter((p) => names.includes(p.name)), this.#uid, {
        onInput: (name, value, committed) => this.#userSet(name, value, !committed),
        // A slider released (or set) is described now; one stepped by keys once the keys pause.
        onCommit: (keyed = false) => {
          if (!keyed) this.#describeNow();
          this.#release();
        },
      });
      this.#syncControls();
    }

    #syncControls() {
      const live = !!this.#widget;
      syncControls(this.#inputs, {
        values: live ? this.#widget.values() : {},
        texts: live ? this.#widget.value_texts() : {},
        live,
        active: live ? this.#widget.active_params() : this.#spec?.initial.active,
        focused: this.#root.activeElement,
      });
      for (const button of this.#els.figure.querySelectorAll('.presets button, .actions button')) put(button, 'disabled', !live);
      this.#syncPoint();
    }

    /** The drag point's value as a slider's (the x parameter's range, both values spoken). */
    #syncPoint() {
      const canvas = this.#els.canvas;
      const point = this.#widget && canvas.getAttribute('role') === 'slider' ? this.#widget.point() : null;
      if (!point) return;
      const set = (name, value) => canvas.getAttribute(name) !== value && canvas.setAttribute(name, value);
      set('aria-valuemin', String(point.min));
      set('aria-valuemax', String(point.max));
      set('aria-valuenow', String(point.now));
      set('aria-valuetext', point.text);
    }

    #embedded(table) {
      return table?.embed ? this.getAttribute(table.embed) : null;
    }

    // ---- lifecycle -------------------------------------------------------------------------

    /** Starts once (until disconnected): every caller waits for the same start. */
    #start() {
      this.#startup ??= this.#startOnce();
      return this.#startup;
    }

    #startup = null;

    async #startOnce() {
      this.#starting = true;
      try {
        await engine.ready();
        await addressRead;
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        this.#status('This diagram could not be loaded. Any fallback content is shown instead.');
        this.#els.fallback.hidden = false;
        this.#errors.report('wasm', { attribute: 'wasm', value: '', expected: 'the growth-widgets WebAssembly module', message: `The diagram engine failed to load: ${reason}` });
        console.error('growth-widget: the WebAssembly module failed to load:', error);
        this.#starting = false;
        return;
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
      if (this.#spec?.kind !== this.getAttribute('kind')) this.#buildFrame();
      try {
        this.#widget = new bindings.GrowthWidget(this.getAttribute('kind') ?? '');
      } catch (error) {
        const detail = toDetail(error, 'kind');
        this.#errors.report('kind', detail);
        this.#status('No diagram to show: see the message below.');
        this.#els.canvas.hidden = true;
        this.#els.readouts.replaceChildren();
        this.#els.description.textContent = detail.message;
        return;
      }
      const outcomes = this.#widget.attributes(...attributesOf(this));
      for (const outcome of outcomes) this.#apply(outcome);
      // The address's state for this widget, then its group's values.
      this.#links.started();
      const layout = this.#layout();
      // Enabled by the controls' sync below.
      this.#buildActions(layout.history);
      this.#els.canvas.hidden = false;
      const canvas = this.#els.canvas;
      canvas.tabIndex = layout.focusable ? 0 : -1;
      // The declarations' label (the wasm carries no title text): the title and how to move the point.
      canvas.setAttribute('aria-label', this.#spec?.initial.label || layout.label);
      // A point to move is a control (a two-dimensional slider), not a picture.
      canvas.setAttribute('role', layout.focusable ? 'slider' : 'img');
      if (layout.focusable) canvas.setAttribute('aria-roledescription', layout.role_description);
      else for (const name of ['aria-roledescription', 'aria-valuemin', 'aria-valuemax', 'aria-valuenow', 'aria-valuetext']) canvas.removeAttribute(name);
      if (!layout.focusable) canvas.removeAttribute('tabindex');
      // The controls built before the engine answered are kept when the engine agrees.
      const shown = layout.controls;
      if (shown.length !== this.#inputs.size || shown.some((name) => !this.#inputs.has(name))) this.#buildControls();
      else this.#syncControls();
      this.#dirty = true;
      // The first frame is drawn at once; later ones are batched into animation frames.
      if (this.#visible) this.#draw();
      else this.#schedule();
    }

    #status(text) {
      this.#els.status.textContent = text;
      this.#els.status.hidden = false;
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
      else if (outcome.affects === 'controls') this.#buildControls();
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
      // Drawn at once, so the coming frame paints the new figure (see #afterChange).
      this.#afterChange('growth-input', true, quiet);
    }

    #togglePlay() {
      const name = this.#spec?.play;
      const param = this.#spec?.params.find((p) => p.name === name);
      this.#player.toggle(param, this.#widget?.values()[name], (value) => this.#userSet(name, value), () => this.#release());
    }

    /** `quiet`: a step of a continuing change (keys, drag, Play), described once it pauses. */
    #afterChange(eventName, now = false, quiet = false) {
      this.#announce = quiet ? 'quiet' : 'now';
      // A committed change is described at once, before its frame is drawn.
      if (!quiet) this.#describeNow();
      this.#syncControls();
      this.#dirty = true;
      // At most one such drawing a frame, whatever rate a browser delivers input at (the
      // document timeline's time is the current frame's); a second change in the same frame
      // is drawn by the frame's callback as usual.
      const frame = document.timeline?.currentTime ?? null;
      if (now && this.#visible && (frame === null || frame !== this.#drewInFrame)) {
        cancelAnimationFrame(this.#frame);
        this.#frame = 0;
        this.#draw();
        this.#drewInFrame = frame;
      } else {
        this.#schedule();
      }
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
        this.#syncControls();
        this.#announce = committed ? 'now' : 'quiet';
        if (committed) this.#describeNow();
        this.#redraw();
      }
      this.#emit(committed ? 'growth-change' : 'growth-input');
    }

    #emit(name) {
      if (!this.#widget) return;
      this.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true, detail: { kind: this.getAttribute('kind'), values: this.#widget.values() } }));
    }

    #fileName(extension) {
      return `growth-widget-${this.getAttribute('kind')}.${extension}`;
    }

    /** A refused value is reported; a trap inside the wasm (a Rust panic) restarts this widget. */
    #fail(error, attribute) {
      if (!(error instanceof WebAssembly.RuntimeError)) return this.#errors.report(attribute, toDetail(error, attribute));
      const panic = bindings.take_last_panic?.() ?? error.message;
      console.error(`growth-widget: the ${this.getAttribute('kind')} diagram stopped on an internal error: ${panic}`);
      // The object that trapped may be left mid-borrow: drop it (never call into it again) and start afresh.
      this.#widget = null;
      const restart = this.#errors.crashed(panic);
      if (!restart) return this.#status('This diagram stopped after repeated internal errors.');
      queueMicrotask(() => {
        if (!this.isConnected || this.#widget) return;
        this.#create();
        this.#errors.keep('engine', restart);
      });
    }

    // ---- drawing ---------------------------------------------------------------------------

    #redraw() {
      this.#dirty = true;
      this.#schedule();
    }

    #schedule() {
      if (!this.#widget || !this.#visible || this.#frame) return;
      this.#frame = requestAnimationFrame(() => {
        this.#frame = 0;
        this.#draw();
      });
    }

    #draw(force = false) {
      if (!this.#widget || (!this.#dirty && !force)) return;
      this.#dirty = false;
      try {
        if (!this.#painter.paint((canvas, ratio, colours) => this.#widget.render(canvas, ratio, colours))) return;
        this.#els.status.hidden = true;
        this.#errors.clear('render');
        this.#describeSoon();
        renderReadouts(this.#els.readouts, this.#widget.readouts());
        this.#showTable();
        this.#scheduleWork();
      } catch (error) {
        if (!(error instanceof WebAssembly.RuntimeError)) this.#status('The diagram could not be drawn.');
        return this.#fail(error, 'render');
      }
      this.dispatchEvent(new CustomEvent('growth-render', { bubbles: true, composed: true }));
    }

    #showTable() {
      const table = this.#widget.table();
      this.#table.render(table);
    }

    /**
     * Deferred work (the rest of a table's rows, a map's refinement) runs a slice at a time when
     * the page is idle, never as one long task: bit 0 of the answer says more remains, bit 1 that
     * the figure changed (redrawn in the next frame, which schedules the next slice).
     */
    #scheduleWork() {
      if (this.#workPending || !this.#widget) return;
      this.#workPending = true;
      const idle = window.requestIdleCallback ?? ((fn) => setTimeout(fn, 16));
      idle(() => {
        this.#workPending = false;
        if (!this.#widget || !this.isConnected) return;
        try {
          const done = this.#widget.work();
          if (done & 2) return this.#redraw();
          this.#table.render(this.#widget.table());
          if (done & 1) this.#scheduleWork();
        } catch (error) {
          this.#fail(error, 'render');
        }
      });
    }

    /**
     * The live description: written at once after a committed change (a preset, an attribute,
     * a row chosen, a number typed), and after half a second of quiet while keys, drags or Play
     * continue; never rewritten with the same text, so a screen reader hears each change once.
     */
    #describeNow() {
      clearTimeout(this.#describeTimer);
      this.#announce = 'now';
      if (this.#widget) put(this.#els.description, 'textContent', this.#widget.describe());
    }

    #describeSoon() {
      clearTimeout(this.#describeTimer);
      const update = () => {
        if (this.#widget) put(this.#els.description, 'textContent', this.#widget.describe());
      };
      if (this.#announce === 'quiet' || this.#dragging || this.#player.playing) this.#describeTimer = setTimeout(update, 500);
      else update();
    }
  }

  engine.ready().catch(() => {});
  customElements.define(tagName, GrowthWidgetElement);
  defineCompanions({ element, specs, tagName });
  return GrowthWidgetElement;
}
