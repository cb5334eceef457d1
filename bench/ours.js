// One <growth-widget> of ?kind= at 800 px wide with a 500 px figure, and the benchmark's hooks.
const kind = new URLSearchParams(location.search).get('kind') ?? 'elasticity';
const box = document.getElementById('box');
let widget;
function make() {
  widget = document.createElement('growth-widget');
  widget.setAttribute('kind', kind);
  widget.setAttribute('height', '500');
  box.append(widget);
  return widget;
}
make().addEventListener('growth-render', () => { if (window.firstFrame === undefined) window.firstFrame = performance.now(); }, { once: true });
// Every drawn frame, so the benchmark can check that each change it times was drawn.
window.renders = 0;
box.addEventListener('growth-render', () => { window.renders += 1; });
await customElements.whenDefined('growth-widget');
window.bench = {
  /** Moves the kind's first slider to `fraction` of its range, as a drag does; the widget redraws within the input event. */
  async set(fraction) {
    const input = widget.shadowRoot.querySelector('input[type=range]');
    const min = Number(input.min);
    const max = Number(input.max);
    input.value = String(min + fraction * (max - min));
    input.dispatchEvent(new Event('input'));
  },
  async create() { make(); await widget.renderNow(); },
  destroy() { widget.remove(); },
  wasmBytes: () => customElements.get('growth-widget').wasmMemoryBytes,
  evaluate(n) {
    const t0 = performance.now();
    let points = 0;
    for (let i = 0; i < n; i++) points += widget.probe('isoquant', 2).length / 2;
    return (performance.now() - t0) / points;
  },
};
