// DOM helpers shared by the element's modules.
import { say } from './errors.js';

/** An element with attributes and text; text is always set as text, never parsed as HTML. */
export function el(tag, attributes = {}, text) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Writes `value` to `node[key]` only when it differs: every write to an input invalidates its style. */
export function put(node, key, value) {
  if (node[key] !== value) node[key] = value;
}

/** The shadow tree's skeleton: every box the widget shows, empty (`messages`: the declared labels). */
export function skeleton(root, messages) {
  const e = {};
  // Named by its title and described by the live description (ids are the shadow root's own).
  e.figure = el('figure', { part: 'figure', 'aria-labelledby': 'gw-title', 'aria-describedby': 'gw-description' });
  e.caption = el('figcaption', { part: 'caption' });
  e.title = el('span', { class: 'title', part: 'title', id: 'gw-title' });
  e.actions = el('div', { class: 'actions', part: 'actions', role: 'group', 'aria-label': say(messages, 'actions') });
  e.caption.append(e.title, e.actions);
  e.plot = el('div', { class: 'plot', part: 'plot' });
  e.canvas = el('canvas', { part: 'canvas', role: 'img' });
  e.status = el('div', { class: 'status', part: 'status', 'aria-hidden': 'true' }, say(messages, 'loading-diagram'));
  e.plot.append(e.canvas, e.status);
  e.fallback = el('div', { class: 'fallback', part: 'fallback', hidden: '' });
  e.fallback.append(el('slot'));
  // role="alert" belongs on a container, not on a list (a <ul> keeps its list role).
  e.errors = el('div', { class: 'errors', part: 'errors', role: 'alert' });
  e.errorList = el('ul');
  e.errors.append(e.errorList);
  e.toast = el('p', { class: 'toast', part: 'toast', role: 'status' });
  e.table = el('div', { class: 'table-wrap', part: 'table' });
  e.readouts = el('dl', { class: 'readouts', part: 'readouts' });
  e.presets = el('div', { class: 'presets', part: 'presets', role: 'group', 'aria-label': say(messages, 'presets') });
  e.controls = el('div', { class: 'controls', part: 'controls' });
  // The live description follows the picture it describes, before the controls that change it.
  e.description = el('p', { class: 'description visually-hidden', part: 'description', id: 'gw-description', 'aria-live': 'polite' });
  // Resolves theme colours (names, system colours under forced-colors) to rgb() for the canvas.
  e.probe = el('span', { class: 'probe', 'aria-hidden': 'true' });
  e.figure.append(e.caption, e.plot, e.description, e.fallback, e.errors, e.toast, e.table, e.readouts, e.presets, e.controls, e.probe);
  root.append(e.figure);
  return e;
}

/** Readouts `[{key, label, value}]` into the `<dl>`, rewriting only values that changed; `pending` values take their room but are not shown. */
export function renderReadouts(box, list, pending = false) {
  const existing = [...box.children];
  if (existing.length === list.length && existing.every((node, i) => node.dataset.key === list[i].key)) {
    list.forEach((r, i) => {
      put(existing[i].lastChild, 'textContent', r.value);
      put(existing[i].lastChild, 'className', pending ? 'pending' : '');
    });
    return;
  }
  box.replaceChildren(
    ...list.map((r) => {
      const pair = el('div', { part: 'readout', 'data-key': r.key });
      pair.append(el('dt', {}, r.label), el('dd', pending ? { class: 'pending' } : {}, r.value));
      return pair;
    }),
  );
}
