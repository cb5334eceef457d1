// The ES-module bundle: the wasm is fetched beside this file (growth-widgets.wasm).
import init, * as bindings from '../../target/wasm-pkg/growth_widgets.js';
import element from '../../target/wasm-pkg/element.json';
import kinds from '../../target/wasm-pkg/kinds.json';
import { defineGrowthWidget } from './growth-widget.js';

defineGrowthWidget({
  bindings,
  kinds,
  element,
  load: () => init({ module_or_path: new URL('./growth-widgets.wasm', import.meta.url) }),
});
