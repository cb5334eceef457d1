// One <growth-widget> of ?kind= at 800 px wide with a 500 px figure, and the benchmark's hooks.
import { markFirstFrame } from './peers/common.js';

const kind = new URLSearchParams(location.search).get('kind') ?? 'elasticity';
const box = document.getElementById('box');
const widget = document.createElement('growth-widget');
widget.setAttribute('kind', kind);
widget.setAttribute('height', '500');
widget.addEventListener('growth-render', markFirstFrame, { once: true });
box.append(widget);
// Every drawn frame, so the benchmark can check that each change it times was drawn.
window.renders = 0;
box.addEventListener('growth-render', () => { window.renders += 1; });
await customElements.whenDefined('growth-widget');
window.bench = {
  /** The kind's first slider: the benchmark sets its value and fires `input`, as a drag does. */
  slider: () => widget.shadowRoot.querySelector('input[type=range]'),
};
