// One widget's links: its group (groups.js) and its place in the address (address.js).

/**
 * One widget's links: its group and its place in the address. `host` gives the engine
 * object (`widget()`), the element, and what to do after values came from outside
 * (`changed(committed)`), and shows or clears a notice (`notice(name, detail | null)`).
 */
export class WidgetLinks {
  #host;
  #groups;
  #address;
  /** The values after the last change, made here or received: a change to share is a difference from these. */
  #shared = {};
  #group = '';
  #id = '';
  #receiver = (changes, committed) => this.#receive(changes, committed);
  #addressed = {
    state: () => pairsOf(this.#host.widget()?.state() ?? []),
    restore: (pairs, reset) => this.#restore(pairs, reset),
    history: () => this.#host.widget()?.layout().history ?? 'replace',
  };

  constructor(host, groups, address) {
    this.#host = host;
    this.#groups = groups;
    this.#address = address;
  }

  /**
   * The engine object was (re)created with the attributes applied: it takes its group's
   * values (a new kind or a restart joins afresh), that is the state a link is relative to,
   * then the address's state for it, which its group follows (the link beats the group).
   */
  started() {
    const widget = this.#host.widget();
    this.#shared = widget.values();
    this.#rejoin(false);
    widget.snapshot();
    const id = this.#host.element.id;
    const pairs = id ? this.#address.take(id) : [];
    this.#apply(pairs);
    if (pairs.length) this.share();
    this.reidentify();
  }

  stopped() {
    if (this.#group) this.#groups.leave(this.#group, this.#host.element);
    if (this.#id) this.#address.detach(this.#id, this.#addressed);
    this.#group = this.#id = '';
  }

  /** The `group` attribute may have changed: leave the old group, take the new one's values. */
  regroup() {
    const name = this.#host.element.getAttribute('group')?.trim() ?? '';
    if (name !== this.#group && this.#host.widget()) this.#rejoin(true);
  }

  /** Leaves the group it was in and joins the one the attribute names, taking its values (shown at once when `show`). */
  #rejoin(show) {
    if (this.#group) this.#groups.leave(this.#group, this.#host.element);
    const name = this.#host.element.getAttribute('group')?.trim() ?? '';
    this.#group = name;
    if (!name) return;
    const values = this.#groups.join(name, this.#host.element, this.#receiver);
    this.#groups.offer(name, this.#host.element, Object.entries(this.#shared));
    if (this.#take([...values], true) && show) this.#host.changed(true, true);
  }

  /** The `id` may have changed: the address names the widget by it. */
  reidentify() {
    const id = this.#host.element.id;
    if (id === this.#id || !this.#host.widget()) return;
    if (this.#id) this.#address.detach(this.#id, this.#addressed);
    this.#id = id;
    if (id) this.#address.attach(id, this.#addressed);
  }

  /** After a change in this widget: its group gets what changed. */
  share() {
    const values = this.#host.widget()?.values();
    if (!values) return;
    const changes = Object.entries(values).filter(([name, value]) => this.#shared[name] !== value);
    this.#shared = values;
    if (this.#group && changes.length) this.#groups.publish(this.#group, this.#host.element, changes, false);
  }

  /** A change was committed here: the group's members commit too, and the address follows. */
  commit() {
    this.share();
    if (this.#group) this.#groups.publish(this.#group, this.#host.element, [], true);
    this.#commitAddress();
  }

  #commitAddress() {
    if (this.#id) this.#address.committed(this.#addressed.history() === 'push');
  }

  #receive(changes, committed) {
    if (!this.#host.widget()) return;
    const changed = this.#take(changes, committed);
    if (changed || committed) this.#host.changed(committed, changed);
    if (committed) this.#commitAddress();
  }

  /** Takes shared values into this widget; true if any changed it. A clamp notice is (re)worded only on a commit, so a drag does not rewrite it at every frame. */
  #take(changes, committed) {
    const widget = this.#host.widget();
    let changed = false;
    for (const [name, value] of changes) {
      if (!(name in this.#shared)) continue;
      if (this.#shared[name] === value) {
        this.#host.notice(name, null, true);
        continue;
      }
      try {
        this.#host.notice(name, widget.set_linked(name, value, this.#group), committed);
        changed = true;
      } catch (error) {
        this.#host.notice(name, error, true);
      }
    }
    // What was received (clamped or not) is this widget's own now: never published again.
    if (changed) this.#shared = widget.values();
    return changed;
  }

  /** Sets `[[name, text]]` from the address as a reader would; a refused one is named in the console. */
  #apply(pairs) {
    const widget = this.#host.widget();
    for (const [name, text] of pairs) {
      try {
        widget.set_text(name, text);
      } catch (error) {
        console.warn(error?.message ?? String(error));
      }
    }
  }

  #restore(pairs, reset) {
    const widget = this.#host.widget();
    if (!widget) return;
    if (reset) widget.reset();
    this.#apply(pairs);
    // The group follows (a link, Back and Forward restore the whole page).
    this.share();
    this.#host.changed(true, true);
  }
}

/** `[name, text, name, text, …]` → `[[name, text]]`. */
function pairsOf(flat) {
  const pairs = [];
  for (let i = 0; i + 1 < flat.length; i += 2) pairs.push([flat[i], flat[i + 1]]);
  return pairs;
}
