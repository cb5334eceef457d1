// The ES-module bundle: the wasm is fetched beside this file (growth-widgets.wasm).
import init, * as bindings from '../../target/wasm-pkg/growth_widgets.js';
import kinds from '../../target/wasm-pkg/kinds.json';
import { defineGrowthWidget } from './growth-widget.js';

// Server rendering imports the package where there is no DOM: define nothing there (the
// element upgrades on the client).
if (typeof customElements !== 'undefined') {
  defineGrowthWidget({
    bindings,
    kinds,
    load: () => init({ module_or_path: new URL('./growth-widgets.wasm', import.meta.url) }),
  });
}
