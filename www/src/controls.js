// Controls generated from a kind's declaration: a slider and a number field per parameter
// (a checkbox for a switch), labelled marks, and the preset buttons. Which parameters get a
// control is the engine's answer (its `layout().controls`); before the engine loads, a hint.
import { el, put } from './dom.js';

/**
 * Builds the controls for `params` (declarations) into `container`.
 * `onInput(name, value, committed)` on each change (`committed` for a typed number or a
 * switch, not for a slider's steps), `onCommit(keyed)` when committed (`keyed`: a slider's
 * step by a key, which fires change on every press). Returns Map name → inputs.
 */
export function buildControls(container, params, uid, { onInput, onCommit }) {
  container.replaceChildren();
  const inputs = new Map();
  for (const p of params) {
    const id = `gw${uid}-${p.name}`;
    if (p.toggle) {
      const row = el('div', { class: 'control toggle', part: 'control' });
      const box = el('input', { type: 'checkbox', id: `${id}-check`, part: 'toggle', 'data-param': p.name, title: p.help });
      box.checked = p.default >= 0.5;
      box.disabled = true;
      box.addEventListener('change', () => {
        onInput(p.name, box.checked ? 1 : 0, true);
        onCommit();
      });
      row.append(box, el('label', { for: `${id}-check` }, p.label));
      container.append(row);
      inputs.set(p.name, { check: box, row });
      continue;
    }
    const row = el('div', { class: 'control', part: 'control' });
    const label = el('label', { for: `${id}-range`, id: `${id}-label` }, p.label);
    const common = { min: String(p.min), max: String(p.max), step: String(p.step), title: p.help };
    const range = el('input', { ...common, type: 'range', id: `${id}-range`, part: 'slider', 'data-param': p.name });
    const number = el('input', {
      ...common, type: 'number', id: `${id}-number`, part: 'number', 'data-param': p.name,
      'aria-labelledby': `${id}-label`, inputmode: 'decimal',
    });
    range.value = number.value = String(p.default);
    range.disabled = number.disabled = true;
    // A slider's steps (keys fire input and change on each) are described once they pause;
    // a number typed into the field is a committed change, described at once.
    range.addEventListener('input', () => onInput(p.name, range.valueAsNumber, false));
    // Keys fire a change on every step: a change within half a second of a key is a step.
    let keyed = -Infinity;
    range.addEventListener('keydown', () => (keyed = performance.now()));
    range.addEventListener('change', () => onCommit(performance.now() - keyed < 500));
    number.addEventListener('change', () => {
      onInput(p.name, number.value.trim() === '' ? NaN : Number(number.value), true);
      onCommit();
    });
    // The unit on screen beside the number (the spoken value says it in words).
    const field = el('span', { class: 'field' });
    field.append(number);
    if (p.unit.trim()) field.append(el('span', { class: 'unit', part: 'unit', 'aria-hidden': 'true' }, p.unit.trim()));
    row.append(label, range, field);
    if (p.marks.length) row.append(...marks(p, id, range));
    container.append(row);
    inputs.set(p.name, { range, number, row });
  }
  return inputs;
}

/** Labelled marks under a slider: a datalist for the track and visible labels at their values. */
function marks(p, id, range) {
  const list = el('datalist', { id: `${id}-marks` });
  const labels = el('div', { class: 'marks', part: 'marks', 'aria-hidden': 'true' });
  for (const [value, text] of p.marks) {
    list.append(el('option', { value: String(value), label: text }));
    const mark = el('span', {}, text);
    mark.style.setProperty('--at', ((value - p.min) / (p.max - p.min)).toFixed(4));
    labels.append(mark);
  }
  range.setAttribute('list', `${id}-marks`);
  // The description keeps the help text (the title it replaces) and adds the marks, each
  // spoken as the engine wrote it ("Bloom et al. 2020 at −2.1").
  range.setAttribute('aria-describedby', `${id}-help ${id}-marks-text`);
  const help = el('span', { id: `${id}-help`, class: 'visually-hidden' }, p.help);
  const spoken = el('span', { id: `${id}-marks-text`, class: 'visually-hidden' }, `Marks: ${p.marks.map((m) => m[2] ?? m[1]).join('; ')}.`);
  return [list, labels, help, spoken];
}

/** Puts `values` into the controls, enables them when live, hides those not `active`. */
export function syncControls(inputs, { values, texts = {}, live, active, focused }) {
  for (const [name, { range, number, check, row }] of inputs) {
    put(row, 'hidden', Array.isArray(active) && !active.includes(name));
    if (check) {
      put(check, 'disabled', !live);
      if (name in values) put(check, 'checked', values[name] >= 0.5);
      continue;
    }
    put(range, 'disabled', !live);
    put(number, 'disabled', !live);
    if (name in values) {
      const text = String(values[name]);
      put(range, 'value', text);
      if (focused !== number) put(number, 'value', text);
    }
    // The value with its unit and meaning, as the engine says it ("g = 2 % a year").
    if (name in texts && range.getAttribute('aria-valuetext') !== texts[name]) {
      range.setAttribute('aria-valuetext', texts[name]);
      number.setAttribute('aria-valuetext', texts[name]);
    }
  }
}

/** One button per declared preset; `onPreset(name)` when pressed. */
export function buildPresets(box, presets, onPreset) {
  box.replaceChildren(
    ...presets.map((preset) => {
      const button = el('button', { type: 'button', part: 'preset', 'data-preset': preset.name }, preset.label);
      button.disabled = true;
      button.addEventListener('click', () => onPreset(preset.name));
      return button;
    }),
  );
}
