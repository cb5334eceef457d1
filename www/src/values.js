// <growth-value> and <growth-text>: a widget's live numbers and words inside the page's prose.
// The text is the engine's (the widget's valueText: a parameter with its unit, a readout as
// shown under the figure, or the description); this file only finds the widget and listens.
// A reader hears the value once a change is committed (a polite live region), never per frame.
import { el, put } from './dom.js';
import { say } from './errors.js';

const CSS = `:host { font-variant-numeric: tabular-nums; }
:host(growth-value) { white-space: nowrap; }
:host([adjustable]) { cursor: ew-resize; touch-action: none; user-select: none; border-bottom: 1px dashed currentColor; }
:host([adjustable]:focus-visible) { outline: 2px solid var(--growth-widget-accent, Highlight); outline-offset: 2px; border-radius: 2px; }
.problem { white-space: normal; text-decoration: underline wavy; text-underline-offset: 3px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }`;

// Pixels of horizontal drag that sweep a parameter's whole range.
const DRAG_SPAN = 300;
// What a widget fires when its values may have changed.
const EVENTS = ['growth-render', 'growth-input', 'growth-change'];

/** Defines the companions declared in `element.companions` (once per page); `paramOf(widget, name)` is the place of the parameter `name` names among its kind's, as the engine matches it (−1: none). */
export function defineCompanions({ element, specs, tagName, paramOf }) {
  let sheet = null;
  const messages = element.messages;
  for (const companion of element.companions) {
    if (customElements.get(companion.tag)) continue;
    const adjustable = companion.attributes.some((a) => a.name === 'adjustable');

    class Companion extends HTMLElement {
      static observedAttributes = companion.attributes.map((a) => a.name);
      #root = this.attachShadow({ mode: 'open' });
      #shown = el('span', { part: 'value', 'aria-hidden': 'true' }, say(messages, 'loading'));
      #spoken = el('span', { class: 'visually-hidden' });
      #widget = null;
      #onEvent = (event) => {
        const target = event.composedPath()[0];
        if (target?.id && target.id === this.getAttribute('for')) this.#update(target, event.type === 'growth-change');
      };

      constructor() {
        super();
        if (!sheet) {
          sheet = new CSSStyleSheet();
          sheet.replaceSync(CSS);
        }
        this.#root.adoptedStyleSheets = [sheet];
        this.#root.append(this.#shown, this.#spoken);
        if (adjustable) {
          this.addEventListener('keydown', (e) => this.#key(e));
          this.addEventListener('pointerdown', (e) => this.#pointer(e));
        }
      }

      connectedCallback() {
        for (const type of EVENTS) document.addEventListener(type, this.#onEvent);
        if (document.readyState === 'loading') addEventListener('DOMContentLoaded', () => this.#find(), { once: true });
        else this.#find();
      }

      disconnectedCallback() {
        for (const type of EVENTS) document.removeEventListener(type, this.#onEvent);
        this.#widget = null;
        this.#near?.disconnect();
        clearTimeout(this.#speakTimer);
        clearTimeout(this.#keyTimer);
      }

      attributeChangedCallback() {
        if (this.isConnected && document.readyState !== 'loading') this.#find();
      }

      /** Finds the widget named by `for` and shows its value once it can be read. */
      async #find() {
        const id = this.getAttribute('for');
        const name = this.getAttribute('name');
        const tag = companion.tag;
        if (!id || !name) return this.#problem(say(messages, 'missing', { tag }));
        const target = document.getElementById(id);
        if (target?.localName !== tagName) return this.#problem(say(messages, 'no-widget', { tag, id }));
        await customElements.whenDefined(tagName);
        if (!this.isConnected) return;
        // A value in view starts its widget (which may be far off, not started yet); one out of
        // view (a hidden slide, the end of a long page) costs nothing until it comes near.
        this.#near?.disconnect();
        this.#near = new IntersectionObserver(async (entries) => {
          // Near but not shown (a past slide kept in place, invisible): its widget's first frame updates it.
          if (!entries[entries.length - 1].isIntersecting) return;
          // Asked again after the page's own scripts had two frames to lay out (a deck hides
          // its other slides' widgets once it starts): a hidden widget is not started from here.
          await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
          if (this.checkVisibility?.({ visibilityProperty: true }) === false || target.hidden) return;
          this.#near?.disconnect();
          if (!(await target.ready())) return this.#problem(target.errors[0]?.message ?? say(messages, 'no-widget', { tag, id }));
          this.#update(target, true);
        }, { rootMargin: '300px 0px' });
        this.#near.observe(this);
      }

      #near = null;

      #update(target, committed) {
        const name = this.getAttribute('name');
        let text;
        try {
          text = target.valueText(name);
        } catch (error) {
          return this.#problem(say(messages, 'unreadable', { tag: companion.tag, id: this.getAttribute('for'), message: error?.message ?? error }));
        }
        if (text === null) return;
        this.#widget = target;
        this.#shown.className = '';
        this.#shown.setAttribute('aria-hidden', 'true');
        put(this.#shown, 'textContent', text);
        const param = adjustable && this.hasAttribute('adjustable') ? this.#param(target) : undefined;
        if (param === null) return this.#problem(say(messages, 'not-adjustable', { tag: companion.tag, name, names: this.#spec(target).params.map((p) => p.name).join(', ') }));
        if (param) return this.#slider(param, target, text);
        this.#plain();
        // The live region is written when a change is committed (and once at first), so a
        // screen reader hears the new value once, not at every frame of a drag; a change that
        // was not committed (a drag, a script's write) is spoken once it pauses.
        clearTimeout(this.#speakTimer);
        const speak = () => {
          put(this.#spoken, 'textContent', this.#shown.textContent);
          if (!this.#spoken.hasAttribute('aria-live')) this.#spoken.setAttribute('aria-live', 'polite');
        };
        if (committed || !this.#spoken.textContent) speak();
        else this.#speakTimer = setTimeout(speak, 1000);
      }

      #spec(target) {
        return specs.get(target.getAttribute('kind')) ?? { params: [] };
      }

      /** The parameter a key or drag moves now: this value is adjustable and shows one. */
      #moving() {
        return this.#widget && this.hasAttribute('adjustable') ? this.#param(this.#widget) : null;
      }

      /** The declared parameter this adjustable value moves (the engine matches the name), or null when `name` is not one. */
      #param(target) {
        return this.#spec(target).params[paramOf(target, this.getAttribute('name'))] ?? null;
      }

      /** An adjustable value is a slider: its range, value and spoken value from the declaration and the widget. */
      #slider(param, target, text) {
        const value = target.values?.[param.name];
        const set = (n, v) => this.getAttribute(n) !== v && this.setAttribute(n, v);
        set('role', 'slider');
        set('tabindex', '0');
        set('aria-label', param.label);
        set('aria-valuemin', String(param.min));
        set('aria-valuemax', String(param.max));
        if (value !== undefined) set('aria-valuenow', String(value));
        set('aria-valuetext', text);
        this.#spoken.textContent = '';
        this.#spoken.removeAttribute('aria-live');
      }

      #plain() {
        for (const name of ['role', 'tabindex', 'aria-label', 'aria-valuemin', 'aria-valuemax', 'aria-valuenow', 'aria-valuetext']) this.removeAttribute(name);
      }

      #problem(message) {
        this.#widget = null;
        this.#plain();
        this.#shown.className = 'problem';
        this.#shown.removeAttribute('aria-hidden');
        put(this.#shown, 'textContent', `[${message}]`);
        this.#spoken.textContent = '';
        if (this.#warned !== message) console.warn(message);
        this.#warned = message;
      }

      #warned = '';
      #speakTimer = 0;
      #keyTimer = 0;

      #key(event) {
        const param = this.#moving();
        if (!param) return;
        const range = (param.max - param.min) / param.step;
        const steps = { ArrowRight: 1, ArrowUp: 1, ArrowLeft: -1, ArrowDown: -1, PageUp: 10, PageDown: -10, Home: -range, End: range }[event.key];
        if (steps === undefined) return;
        // The keys move the value, not the page or a deck's slides.
        event.preventDefault();
        event.stopPropagation();
        // Keys step quietly and commit once they pause, as the widget's own sliders do.
        const widget = this.#widget;
        widget.adjust(param.name, steps, false);
        clearTimeout(this.#keyTimer);
        this.#keyTimer = setTimeout(() => widget.adjust(param.name, 0, true), 500);
      }

      #pointer(event) {
        const param = this.#moving();
        if (!param || event.button !== 0) return;
        event.preventDefault();
        this.focus();
        this.setPointerCapture(event.pointerId);
        // Steps from where the drag began; each move applies only the difference.
        const x = event.clientX;
        let applied = 0;
        const perPixel = (param.max - param.min) / param.step / DRAG_SPAN;
        const move = (e) => {
          const steps = Math.round((e.clientX - x) * perPixel);
          if (steps !== applied) this.#widget?.adjust(param.name, steps - applied, false);
          applied = steps;
        };
        const end = () => {
          this.removeEventListener('pointermove', move);
          this.removeEventListener('pointerup', end);
          this.removeEventListener('pointercancel', end);
          this.#widget?.adjust(param.name, 0, true);
        };
        this.addEventListener('pointermove', move);
        this.addEventListener('pointerup', end);
        this.addEventListener('pointercancel', end);
      }
    }
    customElements.define(companion.tag, Companion);
  }
}
