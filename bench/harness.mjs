// The in-page measurement `npm run bench` uses (and tests/bench.test.mjs checks): how a page
// is opened (fresh context, isolated, first frame rendered) and how one sweep of changes is timed.

/** Headers that make the page crossOriginIsolated, so performance.now() has 5 µs resolution. */
export const ISOLATED = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };
/** Every page: 1000 × 800 viewport at DPR 2 (the chart is 800 × 500 CSS px). */
export const VIEW = { viewport: { width: 1000, height: 800 }, deviceScaleFactor: 2 };

/** Opens `url` in a fresh context, waits for its first rendered frame, checks isolation. */
export async function open(browser, url) {
  const context = await browser.newContext(VIEW);
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(url);
  try {
    await page.waitForFunction(() => window.firstFrame !== undefined && window.bench?.slider, null, { timeout: 30000 });
  } catch (error) {
    throw new Error(`${url} did not draw: ${problems.join('; ') || error.message}`);
  }
  if (!(await page.evaluate(() => self.crossOriginIsolated))) {
    throw new Error(`${url} is not crossOriginIsolated: performance.now() would be coarse, so the timings would mean little`);
  }
  return { context, page };
}

/**
 * Runs in the page: `changes` changes of the first slider over its whole range, each applied
 * as a drag applies it (set the value, fire `input`). Per change: align to just after a
 * rendered frame (a rAF callback, then a message posted from it); t0; the change; t1 when
 * dispatch returns; in the next rAF callback tA, post a message, tM when it arrives (that
 * frame's style, layout and paint are done); render = (t1 − t0) + (tM − tA); frame = t0 →
 * the second rAF callback after t0. With `breakdown`, the wasm calls of each change too.
 * `range` ({min, max}) narrows the sweep (elasticity sweeps ρ −3 … 0.9, as the peers do).
 */
export async function sweep({ changes, breakdown, range = null }) {
  const now = () => performance.now();
  const message = () => new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => { channel.port1.close(); resolve(now()); };
    channel.port2.postMessage(null);
  });
  const animationFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(now())));
  const input = window.bench.slider();
  const min = range?.min ?? Number(input.min);
  const max = range?.max ?? Number(input.max);
  const out = { render: [], sync: [], browser: [], frame: [], model: [], drawing: [], answers: [], undrawn: 0 };
  const wasm = window.benchWasm;
  await animationFrame();
  await message();
  for (let i = 0; i < changes; i++) {
    const drawn = window.renders;
    const before = wasm ? { ...wasm } : null;
    const t0 = now();
    input.value = String(min + ((i + 1) / changes) * (max - min) * 0.999);
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    const t1 = now();
    const after = wasm ? { ...wasm } : null;
    if (drawn !== undefined && window.renders === drawn) out.undrawn += 1;
    const [tA, tM] = await new Promise((resolve) => requestAnimationFrame(() => {
      const tA = now();
      message().then((tM) => resolve([tA, tM]));
    }));
    const second = await animationFrame();
    out.render.push(t1 - t0 + (tM - tA));
    out.sync.push(t1 - t0);
    out.browser.push(tM - tA);
    out.frame.push(second - t0);
    if (breakdown) for (const part of ['model', 'drawing', 'answers']) out[part].push(after[part] - before[part]);
    await message();
  }
  return out;
}

