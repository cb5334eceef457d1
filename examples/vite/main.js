// One import defines <growth-widget>; its .wasm is resolved from import.meta.url, which Vite
// rewrites to the emitted asset in a build (and serves from node_modules in dev).
import 'growth-widgets';

document.addEventListener('growth-change', (event) => {
  document.querySelector('#last-change').textContent = `ρ = ${event.detail.values.rho}`;
});
