// The ES-module bundle: the wasm is fetched beside this file (growth-widgets.wasm).
// Named imports, not a namespace: esbuild builds a namespace object with Object.defineProperty,
// which a hostile page may have replaced before this runs (see builtins.js).
import init, { GrowthWidget, take_last_panic } from '../../target/wasm-pkg/growth_widgets.js';
import element from '../../target/wasm-pkg/element.json';
import kinds from '../../target/wasm-pkg/kinds.json';
import { defineGrowthWidget } from './growth-widget.js';

defineGrowthWidget({
  bindings: { GrowthWidget, take_last_panic },
  kinds,
  element,
  load: () => init({ module_or_path: new URL('./growth-widgets.wasm', import.meta.url) }),
});
