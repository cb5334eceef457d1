// A page may replace JavaScript built-ins before this script runs (a polyfill gone wrong, a
// hostile embed). The element and the engine's glue need these to behave; if one does not, every
// widget says which instead of staying on "Loading diagram…" or showing an internal name.

const CHECKS = [
  ['Array.prototype.map', () => [1, 2].map((x) => x * 2).join() === '2,4'],
  ['Array.prototype.filter', () => [1, 2, 3].filter((x) => x > 1).join() === '2,3'],
  ['Array.prototype.flatMap', () => [[1], [2]].flatMap((x) => x).join() === '1,2'],
  ['Array.prototype.some', () => [1, 2].some((x) => x === 2)],
  ['Array.from', () => Array.from('ab').join() === 'a,b'],
  ['Object.defineProperty', () => Object.defineProperty({}, 'x', { value: 1 }).x === 1],
  ['Object.entries', () => Object.entries({ a: 1 }).join() === 'a,1'],
  ['Object.fromEntries', () => Object.fromEntries([['a', 1]]).a === 1],
  ['JSON.stringify', () => JSON.stringify({ a: [1] }) === '{"a":[1]}'],
  ['JSON.parse', () => JSON.parse('{"a":1}').a === 1],
  ['Map', () => new Map([[1, 2]]).get(1) === 2],
  ['Set', () => new Set([1, 1]).size === 1],
  ['Promise', () => typeof Promise.resolve(1).then === 'function'],
  ['WebAssembly', () => typeof WebAssembly === 'object' && typeof WebAssembly.instantiate === 'function'],
];

/** The names of the built-ins that do not behave, in the order checked. */
export function brokenBuiltins() {
  const broken = [];
  for (const [name, works] of CHECKS) {
    let ok = false;
    try {
      ok = works() === true;
    } catch {
      ok = false;
    }
    if (!ok) broken.push(name);
  }
  return broken;
}

/** Defines a stand-in element that shows, inside each widget, the `message` naming the built-ins the page broke. */
export function defineStandIn(tagName, message) {
  console.error(`growth-widget: ${message}`);
  class GrowthWidgetStandIn extends HTMLElement {
    connectedCallback() {
      if (this.shadowRoot) return;
      const root = this.attachShadow({ mode: 'open' });
      const box = document.createElement('p');
      box.setAttribute('role', 'alert');
      box.setAttribute('part', 'errors');
      box.className = 'errors';
      box.textContent = message;
      box.style.cssText = 'margin:1.5em 0;padding:12px 14px;border:1px solid currentColor;border-radius:8px';
      root.append(box, document.createElement('slot'));
    }
  }
  customElements.define(tagName, GrowthWidgetStandIn);
  return GrowthWidgetStandIn;
}
