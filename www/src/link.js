// What ties widgets to each other and to the page's address: groups (widgets that share
// their same-named parameters) and the state in the address (`#id:name=value,…;id2:…`).
// Every rule about a value (its range, clamping, the message) is the engine's: this module
// only carries values between widgets and between the address and the widgets.

import { toDetail } from './errors.js';

/** Fills a declared page message's `{placeholders}`. */
export function say(messages, key, fields = {}) {
  const template = messages.find(([k]) => k === key)?.[1] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name) => String(fields[name] ?? ''));
}

/**
 * Widgets with the same `group` name. A member publishes the parameters it changed; every
 * other member receives them at once (its engine clamps each into its own range, and it draws
 * in its next animation frame, however many changes arrive in that frame). Received values are
 * never published again, so links cannot loop.
 */
export class Groups {
  /** group name → Map(member element → receiver) */
  #members = new Map();
  /** group name → Map(parameter → value): the values the group agrees on. */
  #values = new Map();

  /** Adds `member`; returns the group's values so far, for the member to take. */
  join(name, member, receiver) {
    if (!this.#members.has(name)) {
      this.#members.set(name, new Map());
      this.#values.set(name, new Map());
    }
    this.#members.get(name).set(member, receiver);
    return this.#values.get(name);
  }

  leave(name, member) {
    const members = this.#members.get(name);
    if (!members?.delete(member) || members.size) return;
    this.#members.delete(name);
    this.#values.delete(name);
  }

  /** `changes` (`[[name, value]]`) made in `source`; `committed` for a change that ends (a release, a typed number). */
  publish(name, source, changes, committed) {
    const values = this.#values.get(name);
    if (!values || (!changes.length && !committed)) return;
    for (const [param, value] of changes) values.set(param, value);
    for (const [member, receiver] of this.#members.get(name)) if (member !== source) receiver(changes, committed);
  }

  /** Adds values the group does not have yet (a new member's own). */
  offer(name, entries) {
    const values = this.#values.get(name);
    if (values) for (const [param, value] of entries) if (!values.has(param)) values.set(param, value);
  }
}

/** The fragment's text when it has the shape of a state (`id:name=…`), else null. */
const stateText = (hash) => (/^#[^:]+:[^=]+=/.test(hash) ? hash.slice(1) : null);

/** A percent-encoded part, or null when it is not valid encoding. */
function decode(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/**
 * The address's state: `#id:name=value,name=value;id2:…`, for widgets with an id whose state
 * differs from their attributes. `messages` are the declared page messages.
 */
export class AddressState {
  #messages;
  /** id → [[name, text]] still to restore (the widget has not started yet). */
  #pending = new Map();
  /** id → receiver {state(), restore(pairs), reset(), history()} of started widgets. */
  #widgets = new Map();
  #written = null;
  #timer = 0;

  constructor(messages) {
    this.#messages = messages;
  }

  /** Reads the address; `validate(id, pairs)` returns the problems (texts) of one widget's pairs, or null when there is no such widget. */
  read(validate) {
    const parsed = this.#parse(location.hash);
    if (!parsed) return;
    const problems = [...parsed.problems];
    this.#pending = new Map();
    for (const [id, pairs] of parsed.entries) {
      const found = validate(id, pairs);
      if (found === null) problems.push(say(this.#messages, 'state-no-widget', { id }));
      else {
        problems.push(...found.problems);
        if (found.pairs.length) this.#pending.set(id, found.pairs);
      }
    }
    this.#written = location.hash;
    if (problems.length) console.warn(say(this.#messages, 'state-ignored', { list: problems.join('; ') }));
  }

  /** What a widget with `id` restores when it starts (and is then restored from the address no more). */
  take(id) {
    const pairs = this.#pending.get(id) ?? [];
    this.#pending.delete(id);
    return pairs;
  }

  attach(id, receiver) {
    this.#widgets.set(id, receiver);
  }

  detach(id, receiver) {
    if (this.#widgets.get(id) === receiver) this.#widgets.delete(id);
  }

  /** The page's address with every widget's state in its fragment. */
  link() {
    const url = new URL(location.href);
    url.hash = this.#fragment();
    return url.href;
  }

  /** After a committed change in a widget with an id: the address follows (pushed when its `history` is push). */
  committed(push) {
    clearTimeout(this.#timer);
    // A drag's release and the linked widgets' changes arrive together: one write.
    const write = () => {
      const fragment = this.#fragment();
      if (fragment === (this.#written ?? '').replace(/^#/, '')) return;
      // The address is the state's, unless a reader is at an anchor and nothing is changed.
      if (!fragment && !this.#parse(location.hash)) return;
      this.#written = fragment ? `#${fragment}` : '';
      const url = new URL(location.href);
      url.hash = fragment;
      history[push ? 'pushState' : 'replaceState'](history.state, '', url.href);
    };
    if (push) write();
    else this.#timer = setTimeout(write, 100);
  }

  /** Back or forward (or an edited address): every widget takes the state the address now holds. */
  navigated() {
    if (location.hash === this.#written) return;
    const parsed = this.#parse(location.hash);
    // An ordinary anchor (a table of contents' link) moves the reader, not the widgets.
    if (!parsed && (location.hash.length > 1 || this.#written === null)) return;
    this.#written = location.hash;
    for (const [id, receiver] of this.#widgets) if (receiver.history() !== 'none') receiver.restore(parsed?.entries.get(id) ?? [], true);
    // Widgets that have not started take the new state when they do.
    this.#pending = new Map([...(parsed?.entries ?? [])].filter(([id]) => !this.#widgets.has(id)));
  }

  #fragment() {
    const parts = [];
    const ids = new Set([...this.#widgets.keys(), ...this.#pending.keys()]);
    for (const id of ids) {
      const receiver = this.#widgets.get(id);
      if (receiver && receiver.history() === 'none') continue;
      const pairs = receiver ? receiver.state() : this.#pending.get(id);
      if (pairs.length) parts.push(`${encodeURIComponent(id)}:${pairs.map(([n, v]) => `${encodeURIComponent(n)}=${encodeURIComponent(v)}`).join(',')}`);
    }
    return parts.join(';');
  }

  /** `{entries: Map(id → [[name, text]]), problems}` or null when the fragment is not a state (an anchor). */
  #parse(hash) {
    const text = stateText(hash);
    if (text === null || document.getElementById(text) || document.getElementById(decode(text) ?? text)) return null;
    const entries = new Map();
    const problems = [];
    for (const part of text.split(';')) {
      // `id:name=value,name=value`: each name and value split at its first `=`, all decoded.
      const match = /^([^:]+):(.+)$/.exec(part);
      const id = match && decode(match[1]);
      const pairs = match?.[2].split(',').map((pair) => {
        const at = pair.indexOf('=');
        return at < 0 ? [null] : [decode(pair.slice(0, at)), decode(pair.slice(at + 1))];
      });
      if (id === null || !pairs || pairs.some((p) => p.includes(null))) {
        problems.push(say(this.#messages, 'state-malformed', { part: (decode(part) ?? part).slice(0, 80) }));
        continue;
      }
      entries.set(id, pairs);
    }
    return { entries, problems };
  }
}

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
    if (this.#take([...values], true) && show) this.#host.changed(true, true);
    this.#groups.offer(name, Object.entries(this.#shared));
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

/**
 * Reads the address's state once the engine and the document are ready (each widget waits
 * for it before it starts), and follows Back, Forward and edited addresses. Each widget's
 * pairs are tried on a scratch widget with that element's attributes, so every problem is
 * known, and warned about once, before any widget starts. Null when the address holds no state.
 */
export function readAddress(address, { engine, bindings, tagName, attributesOf }) {
  addEventListener('popstate', () => address.navigated());
  addEventListener('hashchange', () => address.navigated());
  if (stateText(location.hash) === null) return null;
  const parsed = document.readyState === 'loading' ? new Promise((r) => addEventListener('DOMContentLoaded', r, { once: true })) : null;
  const check = (id, pairs) => {
    const target = document.getElementById(id);
    if (target?.localName !== tagName) return null;
    let scratch = null;
    try {
      scratch = new bindings.GrowthWidget(target.getAttribute('kind') ?? '');
      scratch.attributes(...attributesOf(target));
    } catch (error) {
      scratch?.free();
      return { pairs: [], problems: [`${id}: ${toDetail(error, 'kind').message}`] };
    }
    const problems = [];
    const ok = pairs.filter(([name, text]) => {
      try {
        scratch.set_text(name, text);
        return true;
      } catch (error) {
        problems.push(`${id}: ${toDetail(error, name).message}`);
        return false;
      }
    });
    scratch.free();
    return { pairs: ok, problems };
  };
  return Promise.all([engine.ready(), parsed])
    .then(() => address.read(check))
    .catch(() => {});
}
