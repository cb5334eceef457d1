// The reserved boxes' heights. A widget not yet built (view.js) holds a box as tall as a built
// widget of the same tag would be, so the page keeps its length as widgets build, whether the
// reader scrolls to them or jumps (a link, a search). Widgets whose tags differ only in
// parameter values and `id` lay out alike and share one measurement: the first built one of
// them gives it, or, before the reader gets there, a stand-in measured out of sight in idle
// time: an invisible, inert copy of the tag inside a closed shadow root of its own, next to the
// waiting widget's figure (so neither the page's `querySelectorAll('growth-widget')` nor a
// tool that pierces open shadow roots, like Playwright's locators, ever meets it, and it
// inherits what the widget inherits), built, drawn once, measured and removed. A page
// measures once per distinct tag, never once per widget.

import { near } from './watch.js';

/** Each layout key's height once known, and its boxes still reserved. */
const reservations = new Map();
/** Keys waiting for a stand-in: key → [element, box] of the first box reserved with it. */
const queue = new Map();
let scheduled = false;
let ready = null;

const reservationOf = (key) => reservations.get(key) ?? reservations.set(key, { height: 0, boxes: new Set() }).get(key);

function settle(key, height) {
  const reservation = reservationOf(key);
  if (reservation.height || !height) return;
  reservation.height = height;
  queue.delete(key);
  for (const box of reservation.boxes) box.style.minHeight = `${height}px`;
}

/**
 * `figure`, the reserved box of `element` under `key`, takes the key's height when known;
 * returns the function that ends the reservation. `whenReady` resolves once widgets can start
 * (the engine is loaded): only then is a stand-in measured.
 */
export function reserveBox(key, figure, element, whenReady) {
  const reservation = reservationOf(key);
  reservation.boxes.add(figure);
  if (reservation.height) figure.style.minHeight = `${reservation.height}px`;
  else if (!queue.has(key)) {
    queue.set(key, [element, figure]);
    ready ??= whenReady;
    schedule();
  }
  return () => reservation.boxes.delete(figure);
}

/** A built widget under `key` is laid out: its figure's height is the key's, if not known yet (a resize observer reads it, never forcing a layout). */
export function measured(key, figure) {
  if (reservationOf(key).height) return;
  const laidOut = new ResizeObserver(() => {
    laidOut.disconnect();
    settle(key, figure.offsetHeight);
  });
  laidOut.observe(figure);
}

function schedule() {
  if (scheduled || !queue.size) return;
  scheduled = true;
  const idle = window.requestIdleCallback ?? ((fn) => setTimeout(fn, 50));
  ready.then(() => idle(() => {
    scheduled = false;
    standIn().finally(schedule);
  }), () => (scheduled = false));
}

const SILENT = ['growth-render', 'growth-change', 'growth-input', 'growth-error'];

/** Measures the first waiting key whose boxes are still reserved (one a slice: each is a widget's build and first drawing). */
async function standIn() {
  for (const [key, [element, figure]] of queue) {
    queue.delete(key);
    const reservation = reservationOf(key);
    if (reservation.height || !reservation.boxes.size || !element.isConnected || !figure.isConnected) continue;
    const width = figure.getBoundingClientRect().width;
    // Near the viewport its own widget is about to build and gives the height for real: a
    // stand-in would only delay the widgets the reader is looking at.
    if (!width || near(figure)) continue;
    const copy = element.cloneNode(false);
    copy.removeAttribute('id');
    copy.inert = true;
    copy.style.cssText = `display: block; width: ${width}px;`;
    for (const type of SILENT) copy.addEventListener(type, (event) => event.stopImmediatePropagation());
    // Hidden from assistive technology with everything in it.
    const host = document.createElement('div');
    host.setAttribute('aria-hidden', 'true');
    host.style.cssText = 'position: absolute; visibility: hidden; pointer-events: none; contain: layout paint;';
    host.attachShadow({ mode: 'closed' }).append(copy);
    figure.after(host);
    try {
      await copy.renderNow();
      settle(key, copy.shadowRoot.querySelector('figure')?.offsetHeight ?? 0);
    } finally {
      host.remove();
    }
    return;
  }
}
