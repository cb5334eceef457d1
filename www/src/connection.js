// One widget's connection to the engine: its view built when it comes near the viewport
// (view.js), the engine object started once near, created from the element's attributes,
// freed on disconnect and restarted after a trap. The element (growth-widget.js) keeps the
// lifecycle callbacks and routes the attributes.
import { say, toDetail } from './errors.js';
import { measured } from './measure.js';
import { build, reserve } from './view.js';
import { near, watch, watchNear } from './watch.js';

// Widgets added by a script, measured together at the end of the task (one layout, not one a widget).
let added = [];

function addedNow(connection, box) {
  if (added.push([connection, box]) > 1) return;
  queueMicrotask(() => {
    const shown = added.filter(([, b]) => near(b));
    added = [];
    for (const [c] of shown) c.built();
  });
}

export class Connection {
  /** The engine object, or null before it starts (and after a trap until it restarts). */
  widget = null;
  /** The built view (view.js: `els`, `frame`, `drawing`, `errors`, …), null until the widget comes near. */
  view = null;
  /** Waiting for the engine or for its turn. */
  starting = false;
  #startup = null;
  #waiting = null;
  #reserved = null;
  #unwatch = null;
  #h;
  #el;

  /**
   * `host`: what every widget shares (`engine`, `bindings`, `addressRead`, `specs`,
   * `attributesOf(node)`, `declared`: the element's declarations), this widget's view handlers
   * (view.js's `build`), and `links`, `apply(outcome)`, `scheme()`.
   */
  constructor(host) {
    this.#h = host;
    this.#el = host.element;
    host.fail = (error, source, drawing) => this.fail(error, source, drawing);
  }

  /** Connected: a built widget watches its plot; one not built reserves its box and builds in a task of its own when it comes near (widgets that come near together would otherwise build in one long task). */
  connected() {
    if (this.view) return this.#watch();
    const { declared, specs, engine, root } = this.#h;
    const spec = specs.get(this.#el.getAttribute('kind') ?? '') ?? null;
    // Reserved already for this kind (the `kind` attribute arrives after a parsed element connects).
    if (this.#waiting && this.#reserved === spec) return;
    this.#reserved = spec;
    this.#waiting?.();
    const [box, unreserve] = reserve(root, spec, declared.messages, { key: this.#h.layoutKey(this.#el), element: this.#el, whenReady: engine.ready() });
    // Once near it starts, as a built widget does, even if the reader has scrolled on since.
    const unwatch = watchNear(box, (on) => on && engine.turn().then(() => this.#el.isConnected && this.built() && this.start()));
    this.#waiting = () => {
      unwatch();
      unreserve();
    };
    // Added by a script and already on screen: built at the end of this task. While the page
    // parses, the observer answers after the first layout (measuring each widget as it arrives
    // would lay out the page once per widget).
    if (document.readyState !== 'loading') addedNow(this, box);
  }

  disconnected() {
    this.#waiting?.();
    this.#unwatch?.();
    this.#waiting = this.#unwatch = null;
    if (this.view) {
      const { painter, drawing, player } = this.view;
      painter.invalidateLayout();
      drawing.stop();
      player.stop();
    }
    this.#h.links.stopped();
    this.free();
  }

  /** The engine object freed (never called into again); the widget starts afresh when next near. */
  free() {
    this.widget?.free();
    this.widget = null;
    this.#startup = null;
  }

  /** The view, built now if it was not. */
  built() {
    if (this.view) return this.view;
    this.#waiting?.();
    this.#waiting = null;
    this.view = build(this.#h);
    if (this.#el.isConnected) this.#watch();
    return this.view;
  }

  #watch() {
    const { frame, drawing, painter, els } = this.view;
    frame.build(this.#h.specs);
    let reported = false;
    this.#unwatch = watch(els.plot, {
      near: (on) => {
        // The first report of a plot far off changes nothing (a widget starts unseen), nor
        // undoes a renderNow() made before it.
        if (!on && !reported) return;
        reported = true;
        drawing.visible = on;
        if (on) this.start().then(() => drawing.schedule());
      },
      layout: (size) => {
        if (size && painter.sameSize(size.width, size.height)) return;
        painter.invalidateLayout();
        drawing.redraw();
      },
      scheme: this.#h.scheme,
    });
    if (near(els.plot)) {
      // Already on screen: start now rather than one frame later when the observer reports.
      drawing.visible = true;
      this.start();
      painter.prepare();
    }
  }

  /** Before printing: built, created and drawn now (the engine is there by then on a page that drew). */
  print() {
    const { drawing, painter } = this.built();
    if (this.#h.engine.loaded && !this.widget) this.create();
    drawing.visible = true;
    painter.invalidateLayout();
    drawing.draw(true);
  }

  /** Starts once (until disconnected): every caller waits for the same start. */
  start() {
    this.#startup ??= this.#startOnce();
    return this.#startup;
  }

  /** A widget whose kind was refused starts again (one still starting creates itself). */
  retry() {
    if (this.#startup && !this.starting && this.#h.engine.loaded) this.create();
  }

  async #startOnce() {
    const { engine, addressRead } = this.#h;
    this.starting = true;
    try {
      await engine.ready();
      await addressRead;
    } catch (error) {
      this.starting = false;
      return this.view.errors.unloaded(error);
    }
    // Each widget starts in a task of its own: widgets that come into view together (one
    // observer callback, or the engine becoming ready) would otherwise all build and draw in
    // one long task.
    await engine.turn();
    this.starting = false;
    if (this.#el.isConnected && !this.widget) this.create();
  }

  /** A new engine object from the element's attributes, then the layout it answers. */
  create() {
    const { bindings, specs, attributesOf, links, apply, frame, errors, drawing } = this.#h;
    const element = this.#el;
    this.widget?.free();
    this.widget = null;
    errors.clearAll();
    if (frame.spec?.kind !== element.getAttribute('kind')) frame.build(specs);
    try {
      this.widget = new bindings.GrowthWidget(element.getAttribute('kind') ?? '');
    } catch (error) {
      return errors.refused(toDetail(error, 'kind'));
    }
    for (const outcome of this.widget.attributes(...attributesOf(element))) apply(outcome);
    // The address's state for this widget, then its group's values.
    links.started();
    const layout = this.layout();
    // Enabled by the controls' sync below.
    frame.actions(layout.history);
    frame.canvas(layout);
    frame.controlsFor(layout.controls);
    measured(this.#h.layoutKey(element), this.view.els.figure);
    // The first frame is drawn at once; later ones are batched into animation frames.
    if (drawing.visible) drawing.draw(true);
    else drawing.redraw();
  }

  /** The engine's layout answer; applies its height. */
  layout() {
    const layout = this.widget.layout();
    this.view.els.plot.style.height = `${layout.height}px`;
    return layout;
  }

  /** A refused value is reported; a trap inside the wasm (a Rust panic) restarts this widget (`drawing`: it failed to draw). */
  fail(error, attribute, drawing = false) {
    const { errors } = this.view;
    if (!(error instanceof WebAssembly.RuntimeError)) {
      if (drawing) errors.status('not-drawn');
      return errors.report(attribute, toDetail(error, attribute));
    }
    const host = this.#el;
    const panic = this.#h.bindings.take_last_panic?.() ?? error.message;
    console.error(say(this.#h.declared.messages, 'panic-console', { kind: host.getAttribute('kind'), panic }));
    // The object that trapped may be left mid-borrow: drop it (never call into it again) and start afresh.
    this.widget = null;
    const restart = errors.crashed(panic);
    if (restart) {
      queueMicrotask(() => {
        if (!host.isConnected || this.widget) return;
        this.create();
        errors.keep('engine', restart);
      });
    }
  }
}
