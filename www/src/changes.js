// What follows a change of a widget's values, wherever it came from (a control, a key, a
// drag, Play, a linked widget, the address): the frame shows the engine's values, the drawing
// is scheduled, `growth-input`/`growth-change` are fired and linked widgets are told.
export class Changes {
  #element;
  #c;
  #links;

  /** `element` fires the events; `c` its connection (connection.js); `links()` its links (widget-links.js). */
  constructor(element, c, links) {
    this.#element = element;
    this.#c = c;
    this.#links = links;
  }

  /** A reader's control set `name` (`quiet`: a step of a continuing change). */
  set(name, value, quiet = true) {
    const c = this.#c;
    try {
      c.widget?.set_value(name, value);
      c.view.errors.clear(name);
    } catch (error) {
      c.fail(error, name);
    }
    // Drawn at once, so the coming frame paints the new figure.
    this.after('growth-input', true, quiet);
  }

  /** `quiet`: a step of a continuing change (keys, drag, Play), described once it pauses; `now`: drawn at once. */
  after(eventName, now = false, quiet = false) {
    const { frame, drawing } = this.#c.view;
    frame.sync();
    drawing.changed(now, quiet);
    if (eventName) this.emit(eventName);
    // Linked widgets follow every change; a committed one also reaches the address.
    if (quiet) this.#links().share();
    else this.#links().commit();
  }

  /** A continuing change ended (a slider or the point released, Play finished). */
  released() {
    this.emit('growth-change');
    this.#links().commit();
  }

  /** Values came from a linked widget or the address: shown, drawn in the next frame. */
  linked(committed, changed) {
    if (changed) {
      this.#c.view.frame.sync();
      this.#c.view.drawing.received(committed);
    }
    this.emit(committed ? 'growth-change' : 'growth-input');
  }

  emit(name) {
    const widget = this.#c.widget;
    if (!widget) return;
    const element = this.#element;
    element.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true, detail: { kind: element.getAttribute('kind'), values: widget.values() } }));
  }
}
