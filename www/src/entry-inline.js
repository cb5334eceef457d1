// The single-file bundle: the wasm bytes are inlined, so it works from file:// with no server.
import init, * as bindings from '../../target/wasm-pkg/growth_widgets.js';
import wasmBytes from '../../target/wasm-pkg/growth_widgets_bg.wasm';
import element from '../../target/wasm-pkg/element.json';
import kinds from '../../target/wasm-pkg/kinds.json';
import { defineGrowthWidget } from './growth-widget.js';

// Compiled asynchronously (WebAssembly.instantiate) and memoised by the shim: once per page.
defineGrowthWidget({ bindings, kinds, element, load: () => init({ module_or_path: wasmBytes }) });
