// The size budget, checked on every run (not timed): all kinds together, JS + wasm, at most
// 110 KB after brotli (issue #19) and at most a tenth of Plotly (the benchmark's peer, from npm). The
// benchmark (npm run bench) reports the rest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { root } from '../scripts/lib.mjs';

export const BUDGET_BYTES = 110 * 1024;

const compressed = (path) => brotliCompressSync(readFileSync(path), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const brotli = (file) => compressed(join(root, 'www', 'dist', file));

test('the bundle (JS + wasm, every kind and the whole model) stays within 110 KB brotli', () => {
  const total = brotli('growth-widgets.js') + brotli('growth-widgets.wasm');
  assert.ok(total <= BUDGET_BYTES, `${(total / 1024).toFixed(1)} KB brotli is over the ${BUDGET_BYTES / 1024} KB budget`);
});

test('the single-file bundle is the same code with the wasm inlined (no second copy of the model)', () => {
  const inline = readFileSync(join(root, 'www', 'dist', 'growth-widgets.inline.js')).length;
  const wasm = readFileSync(join(root, 'www', 'dist', 'growth-widgets.wasm')).length;
  const js = readFileSync(join(root, 'www', 'dist', 'growth-widgets.js')).length;
  // base64 costs 4/3; the rest is the same shim and glue.
  assert.ok(inline < js * 1.2 + (wasm * 4) / 3 + 4096, `inline bundle ${inline} bytes`);
});

test('the bundle is at least 10× smaller than Plotly, the library the benchmark compares', () => {
  const plotly = compressed(createRequire(join(root, 'package.json')).resolve('plotly.js-dist-min'));
  const total = brotli('growth-widgets.js') + brotli('growth-widgets.wasm');
  assert.ok(
    total * 10 <= plotly,
    `${(total / 1024).toFixed(1)} KB brotli is ${(plotly / total).toFixed(2)}× smaller than Plotly's ${(plotly / 1024).toFixed(1)} KB; 10× needs at most ${(plotly / 10240).toFixed(1)} KB`,
  );
});
