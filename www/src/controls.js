// Controls generated from a kind's declaration: a slider and a number field per parameter
// (a checkbox for a switch), labelled marks, and the preset buttons. Which parameters get a
// control is the engine's answer (its `layout().controls`); before the engine loads, a hint.
import { el, put } from './dom.js';

/**
 * Builds the controls for `params` (declarations) into `container`.
 * `onInput(name, value)` while moving, `onCommit()` when committed. Returns Map name → inputs.
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
        onInput(p.name, box.checked ? 1 : 0);
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
    range.addEventListener('input', () => onInput(p.name, range.valueAsNumber));
    range.addEventListener('change', () => onCommit());
    number.addEventListener('change', () => {
      onInput(p.name, number.value.trim() === '' ? NaN : Number(number.value));
      onCommit();
    });
    row.append(label, range, number);
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
  range.setAttribute('aria-describedby', `${id}-marks-text`);
  const spoken = el('span', { id: `${id}-marks-text`, class: 'visually-hidden' }, `Marks: ${p.marks.map(([v, t]) => `${t} at ${v}`).join('; ')}.`);
  return [list, labels, spoken];
}

/** Puts `values` into the controls, enables them when live, hides those not `active`. */
export function syncControls(inputs, { values, live, active, focused }) {
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
