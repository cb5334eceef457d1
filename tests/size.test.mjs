// The size budget, checked on every run (not timed): all kinds together, JS + wasm, at most
// 150 KB after brotli. The benchmark (npm run bench) reports the rest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { root } from '../scripts/lib.mjs';

export const BUDGET_BYTES = 150 * 1024;

const brotli = (file) => brotliCompressSync(readFileSync(join(root, 'www', 'dist', file)), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

test('the bundle (JS + wasm, every kind and the whole model) stays within 150 KB brotli', () => {
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
