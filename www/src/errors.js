// The messages a widget shows about itself: refused attributes (keyed by attribute, so a later
// valid value clears its message), and internal errors, after which the widget is restarted a
// few times before it gives up, and the status over the plot when there is nothing to draw.
// Every text comes from the engine or, where there is no engine to ask (it failed to load, or
// trapped), from the element's declared messages.
import { el } from './dom.js';

/** Fills a declared page message's `{placeholders}`. */
export function say(messages, key, fields = {}) {
  const template = messages.find(([k]) => k === key)?.[1] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name) => String(fields[name] ?? ''));
}


/** Normalizes whatever the engine threw into {attribute, value, expected, message}. */
export function toDetail(error, attribute) {
  if (error && typeof error === 'object' && typeof error.message === 'string' && 'attribute' in error) return error;
  const message = error instanceof Error ? error.message : String(error);
  return { attribute, value: '', expected: '', message };
}

export class ErrorList {
  #els;
  #host;
  #messages;
  #errors = new Map();
  #crashes = [];

  /** Messages render into the skeleton's boxes `els`; `growth-error` is dispatched on `host`; `messages` are the declared ones. */
  constructor(els, host, messages) {
    this.#els = els;
    this.#host = host;
    this.#messages = messages;
  }

  get all() {
    return [...this.#errors.values()];
  }

  get(attribute) {
    return this.#errors.get(attribute);
  }

  report(attribute, detail) {
    this.#errors.set(attribute, detail);
    this.#render();
    this.#host.dispatchEvent(new CustomEvent('growth-error', { bubbles: true, composed: true, detail }));
  }

  /** Shows `detail` again without a new event (after a restart). */
  keep(attribute, detail) {
    this.#errors.set(attribute, detail);
    this.#render();
  }

  clear(attribute) {
    if (this.#errors.delete(attribute)) this.#render();
  }

  clearAll() {
    if (!this.#errors.size) return;
    this.#errors.clear();
    this.#render();
  }

  /** Records a trap; the detail to keep showing while restarting is still worth it (at most 3 in 10 s), else null. */
  crashed(panic) {
    const now = performance.now();
    this.#crashes = [...this.#crashes.filter((t) => now - t < 10000), now];
    const restart = this.#crashes.length <= 3;
    const detail = this.#detail('engine', restart ? 'restarted' : 'not-restarted', { panic }, 'crash-expected');
    this.report('engine', detail);
    if (!restart) this.status('stopped');
    return restart ? detail : null;
  }

  /** The engine failed to load: the fallback content is shown instead. */
  unloaded(error) {
    const reason = error instanceof Error ? error.message : String(error);
    this.status('unloaded');
    this.#els.fallback.hidden = false;
    this.report('wasm', this.#detail('wasm', 'unloaded-error', { reason }, 'unloaded-expected'));
    console.error(say(this.#messages, 'unloaded-console'), error);
  }

  /** The engine refused the kind: nothing to draw, the message is the description. */
  refused(detail) {
    const e = this.#els;
    this.report('kind', detail);
    this.status('no-diagram');
    e.canvas.hidden = true;
    e.readouts.replaceChildren();
    e.description.textContent = detail.message;
  }

  /** Shows the declared message `key` over the plot (hidden again by the next drawing). */
  status(key) {
    const status = this.#els.status;
    status.textContent = say(this.#messages, key);
    status.hidden = false;
  }

  #detail(attribute, key, fields, expected) {
    return { attribute, value: '', expected: say(this.#messages, expected), message: say(this.#messages, key, fields) };
  }

  #render() {
    this.#els.errorList.replaceChildren(...[...this.#errors.values()].map((d) => el('li', { part: 'error' }, d.message)));
  }
}
