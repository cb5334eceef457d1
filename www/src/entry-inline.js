// The single-file bundle: the wasm bytes are inlined, so it works from file:// with no server.
// Named imports, not a namespace: esbuild builds a namespace object with Object.defineProperty,
// which a hostile page may have replaced before this runs (see builtins.js).
import init, { GrowthWidget, take_last_panic } from '../../target/wasm-pkg/growth_widgets.js';
import wasmBytes from '../../target/wasm-pkg/growth_widgets_bg.wasm';
import element from '../../target/wasm-pkg/element.json';
import kinds from '../../target/wasm-pkg/kinds.json';
import { defineGrowthWidget } from './growth-widget.js';

// Compiled asynchronously (WebAssembly.instantiate) and memoised by the shim: once per page.
defineGrowthWidget({ bindings: { GrowthWidget, take_last_panic }, kinds, element, load: () => init({ module_or_path: wasmBytes }) });
