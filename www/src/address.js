// The state in the page's address (`#id:name=value,…;id2:…`): read and checked before the
// first widget starts, written after committed changes, followed on Back and Forward. Every
// rule about a value is the engine's: this module only carries values between the address
// and the widgets.
import { say, toDetail } from './errors.js';

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
