// The single-file bundle: the wasm bytes are inlined, so it works from file:// with no server.
import init, * as bindings from '../../target/wasm-pkg/growth_widgets.js';
import wasmBytes from '../../target/wasm-pkg/growth_widgets_bg.wasm';
import kinds from '../../target/wasm-pkg/kinds.json';
import { defineGrowthWidget } from './growth-widget.js';

// Compiled asynchronously (WebAssembly.instantiate) and memoised by the shim: once per page.
// No DOM (server rendering): define nothing.
if (typeof customElements !== 'undefined') defineGrowthWidget({ bindings, kinds, load: () => init({ module_or_path: wasmBytes }) });
