// A bench-only build of the module bundle (never shipped): the same sources as
// www/src/entry-module.js, with every call into the wasm timed, so `npm run bench` can split
// a change into the model (set_value rebuilds the diagram), drawing in wasm (render, with its
// Canvas 2D calls) and the other engine answers the DOM shows (readouts, values, table, …).
import init, { GrowthWidget, take_last_panic } from '../target/wasm-pkg/growth_widgets.js';
import element from '../target/wasm-pkg/element.json';
import kinds from '../target/wasm-pkg/kinds.json';
import { defineGrowthWidget } from '../www/src/growth-widget.js';

const PART = { set_value: 'model', render: 'drawing' };
const spent = { model: 0, drawing: 0, answers: 0, calls: {} };
window.benchWasm = spent;
for (const name of Object.getOwnPropertyNames(GrowthWidget.prototype)) {
  const original = Object.getOwnPropertyDescriptor(GrowthWidget.prototype, name).value;
  if (name === 'constructor' || typeof original !== 'function') continue;
  const part = PART[name] ?? 'answers';
  GrowthWidget.prototype[name] = function timed(...args) {
    const t0 = performance.now();
    try {
      return original.apply(this, args);
    } finally {
      spent[part] += performance.now() - t0;
      spent.calls[name] = (spent.calls[name] ?? 0) + 1;
    }
  };
}

defineGrowthWidget({
  bindings: { GrowthWidget, take_last_panic },
  kinds,
  element,
  load: () => init({ module_or_path: new URL('/www/dist/growth-widgets.wasm', location.href) }),
});
