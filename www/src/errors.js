// The messages a widget shows about itself: refused attributes (keyed by attribute, so a later
// valid value clears its message), and internal errors, after which the widget is restarted a
// few times before it gives up. Every message text comes from the engine, except the ones that
// exist because the engine is not there (it failed to load, or trapped).
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
  #list;
  #host;
  #errors = new Map();
  #crashes = [];

  /** Messages render into `list`; `growth-error` is dispatched on `host`. */
  constructor(list, host) {
    this.#list = list;
    this.#host = host;
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

  /** Records a trap; true while restarting is still worth it (at most 3 in 10 s). */
  crashed(panic) {
    const now = performance.now();
    this.#crashes = [...this.#crashes.filter((t) => now - t < 10000), now];
    const restart = this.#crashes.length <= 3;
    const detail = {
      attribute: 'engine',
      value: '',
      expected: 'a diagram that draws',
      message: restart
        ? `The diagram stopped on an internal error and was restarted: ${panic}`
        : `The diagram stopped on repeated internal errors and was not restarted: ${panic}`,
    };
    this.report('engine', detail);
    return restart ? detail : null;
  }

  #render() {
    this.#list.replaceChildren(...[...this.#errors.values()].map((d) => el('li', { part: 'error' }, d.message)));
  }
}
