// The benchmark's harness (bench/harness.mjs), not its numbers: the floor (and the floor in a worker), a peer and one of
// our kinds load crossOriginIsolated under COOP/COEP, draw, and a short sweep gives finite,
// positive render and frame times for every change (and ours draws on every change).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ISOLATED, open, sweep } from '../bench/harness.mjs';
import { useBrowser } from './helpers.mjs';

const env = useBrowser({ headers: () => ISOLATED });

for (const path of ['/bench/peers/floor.html', '/bench/peers/floor-worker.html', '/bench/peers/chartjs.html', '/bench/ours.html?kind=elasticity']) {
  test(`bench page ${path} is isolated, draws and times a sweep`, async () => {
    const { context, page } = await open(env.browser, env.server.url(path));
    try {
      assert.ok((await page.evaluate(() => window.firstFrame)) > 0);
      const s = await page.evaluate(sweep, { changes: 5, breakdown: false });
      assert.equal(s.undrawn, 0);
      for (const key of ['render', 'frame', 'sync', 'browser']) {
        assert.equal(s[key].length, 5);
        assert.ok(s[key].every((t) => Number.isFinite(t) && t >= 0), `${key}: ${s[key]}`);
      }
      assert.ok(s.frame.every((t, i) => t >= s.render[i]), 'a frame lasts at least as long as its render');
      // The worker page's drawings are counted as the worker answers: the first and one per change.
      if (path.includes('worker')) await page.waitForFunction(() => window.drawnInWorker === 6, null, { timeout: 5000 });
    } finally {
      await context.close();
    }
  });
}
