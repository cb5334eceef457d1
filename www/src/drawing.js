// When a widget draws, and what it says about the drawing: changes are batched into animation
// frames (at most one drawing a frame, whatever rate input arrives at), the readouts, the table
// and the live description follow each drawing, and deferred work (the rest of a table's rows,
// a map's refinement) runs a slice at a time when the page is idle.
import { put, renderReadouts } from './dom.js';

export class Drawing {
  /** Near the viewport: only a visible widget draws. */
  visible = false;
  /** A pointer drag is under way (its description waits until it pauses). */
  dragging = false;
  #host;
  #dirty = true;
  #frame = 0;
  #drewInFrame = null;
  #describeTimer = 0;
  /** How the next drawing's description is announced: at once (a committed change) or once changes pause. */
  #announce = 'now';
  #workPending = false;

  /**
   * `host`: the element, its engine object (`widget()`), its painter, boxes (`els`), table,
   * player and error list, and `fail(error, source, drawing)` for what the engine threw.
   */
  constructor(host) {
    this.#host = host;
  }

  /** Something changed: drawn in the next frame. */
  redraw() {
    this.#dirty = true;
    this.schedule();
  }

  schedule() {
    if (!this.#host.widget() || !this.visible || this.#frame) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      this.draw();
    });
  }

  stop() {
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
  }

  /**
   * A change made here (`quiet`: a step of a continuing change, described once it pauses);
   * `now` draws it at once, so the coming frame paints the new figure: at most one such drawing
   * a frame (the document timeline's time is the current frame's); a second change in the same
   * frame is drawn by the frame's callback as usual.
   */
  changed(now, quiet) {
    this.#announce = quiet ? 'quiet' : 'now';
    // A committed change is described at once, before its frame is drawn.
    if (!quiet) this.describeNow();
    this.#dirty = true;
    const frame = document.timeline?.currentTime ?? null;
    if (now && this.visible && (frame === null || frame !== this.#drewInFrame)) {
      this.stop();
      this.draw();
      this.#drewInFrame = frame;
    } else {
      this.schedule();
    }
  }

  /** Values came from outside (a linked widget, the address): drawn in the next frame. */
  received(committed) {
    this.#announce = committed ? 'now' : 'quiet';
    if (committed) this.describeNow();
    this.redraw();
  }

  draw(force = false) {
    const { widget, painter, els, table, element } = this.#host;
    const engine = widget();
    if (!engine || (!this.#dirty && !force)) return;
    this.#dirty = false;
    try {
      if (!painter.paint((canvas, ratio, { colours, font }) => engine.render(canvas, ratio, colours, font))) return;
      els.status.hidden = true;
      this.#host.errors.clear('render');
      this.#describeSoon();
      renderReadouts(els.readouts, engine.readouts());
      table.render(engine.table());
      this.#scheduleWork();
    } catch (error) {
      return this.#host.fail(error, 'render', true);
    }
    element.dispatchEvent(new CustomEvent('growth-render', { bubbles: true, composed: true }));
  }

  /**
   * Deferred work runs a slice at a time when the page is idle, never as one long task: bit 0
   * of the answer says more remains, bit 1 that the figure changed (redrawn in the next frame,
   * which schedules the next slice).
   */
  #scheduleWork() {
    if (this.#workPending) return;
    this.#workPending = true;
    const idle = window.requestIdleCallback ?? ((fn) => setTimeout(fn, 16));
    idle(() => {
      this.#workPending = false;
      const engine = this.#host.widget();
      if (!engine || !this.#host.element.isConnected) return;
      try {
        const done = engine.work();
        if (done & 2) return this.redraw();
        this.#host.table.render(engine.table());
        if (done & 1) this.#scheduleWork();
      } catch (error) {
        this.#host.fail(error, 'render');
      }
    });
  }

  /**
   * The live description: written at once after a committed change (a preset, an attribute,
   * a row chosen, a number typed), and after half a second of quiet while keys, drags or Play
   * continue; never rewritten with the same text, so a screen reader hears each change once.
   */
  describeNow() {
    clearTimeout(this.#describeTimer);
    this.#announce = 'now';
    this.#describe();
  }

  #describe() {
    const engine = this.#host.widget();
    if (engine) put(this.#host.els.description, 'textContent', engine.describe());
  }

  #describeSoon() {
    clearTimeout(this.#describeTimer);
    if (this.#announce === 'quiet' || this.dragging || this.#host.player.playing) this.#describeTimer = setTimeout(() => this.#describe(), 500);
    else this.#describe();
  }
}
