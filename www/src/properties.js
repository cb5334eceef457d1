// Properties mirror attributes: `el.name = 2` is `el.setAttribute('name', '2')`; a parameter
// reads back the engine's value, any other attribute its text.

/** Defines the reflected properties on `proto`: `params` (numbers) and `texts` (attribute texts). */
export function reflect(proto, params, texts) {
  const define = (name, get, set) => Object.defineProperty(proto, name, { configurable: true, enumerable: true, get, set });
  for (const name of params) {
    define(name, function () {
      return this.values?.[name] ?? null;
    }, function (value) {
      this.setAttribute(name, String(value));
    });
  }
  for (const name of texts) {
    define(name, function () {
      return this.getAttribute(name);
    }, function (value) {
      if (value === null || value === undefined) this.removeAttribute(name);
      else this.setAttribute(name, String(value));
    });
  }
}
