// Curves are stroked at sub-pixel precision: at DPR 2 a gently sloped isoquant must follow its
// exact position column by column, as a Canvas 2D path through the same f64 points does, not
// in whole-pixel (half-CSS-pixel) steps. Not timed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { artifacts, newPage, useBrowser } from './helpers.mjs';

const env = useBrowser();

test('a drawn isoquant follows its exact sub-pixel position like a reference Canvas 2D path', async () => {
  const page = await newPage(env.browser, { deviceScaleFactor: 2, viewport: { width: 900, height: 700 } });
  await page.goto(env.server.url('/tests/fixtures/plain.html'));
  const result = await page.evaluate(async () => {
    const el = document.createElement('growth-widget');
    el.setAttribute('kind', 'elasticity');
    el.setAttribute('controls', 'none');
    const drawn = new Promise((resolve) => el.addEventListener('growth-render', resolve, { once: true }));
    document.body.append(el);
    await drawn;
    const canvas = el.shadowRoot.querySelector('canvas');
    const [panel] = el.probe('panels');
    const flat = el.probe('isoquant', 1);
    const toPx = (k, l) => [
      panel.left + ((k - panel.x_min) / (panel.x_max - panel.x_min)) * (panel.right - panel.left),
      panel.bottom - ((l - panel.y_min) / (panel.y_max - panel.y_min)) * (panel.bottom - panel.top),
    ];
    const points = [];
    for (let i = 0; i < flat.length; i += 2) points.push(toPx(flat[i], flat[i + 1]));
    // The same curve stroked by hand on a blank canvas of the same size: the reference.
    // Also the same curve through whole device pixels, as integer backend coordinates drew it:
    // the staircase this test exists to catch (it shows the measure can fail).
    const stroke = (round) => {
      const c = document.createElement('canvas');
      c.width = canvas.width;
      c.height = canvas.height;
      const r = c.getContext('2d');
      r.fillStyle = '#fff';
      r.fillRect(0, 0, c.width, c.height);
      r.strokeStyle = '#0072b2';
      r.lineWidth = 2.5 * 2;
      r.lineJoin = 'round';
      r.beginPath();
      points.forEach(([x, y], i) => (i ? r.lineTo(round(x), round(y)) : r.moveTo(round(x), round(y))));
      r.stroke();
      return c;
    };
    const reference = stroke((v) => v);
    const staircase = stroke(Math.round);
    // Where the Y = 1 isoquant is nearly flat (K from 3 to 5.5): per device-pixel column, the
    // centroid of its blue ink against the exact curve's height there.
    const exactAt = (x) => {
      for (let i = 1; i < points.length; i++) {
        const [x0, y0] = points[i - 1];
        const [x1, y1] = points[i];
        if ((x0 - x) * (x1 - x) <= 0 && x1 !== x0) return y0 + ((x - x0) / (x1 - x0)) * (y1 - y0);
      }
      return null;
    };
    const errors = (source) => {
      const { data, width } = source.getContext('2d').getImageData(0, 0, source.width, source.height);
      const out = [];
      const [from] = toPx(3, 0);
      const [to] = toPx(5.5, 0);
      for (let x = Math.ceil(from); x < Math.floor(to); x++) {
        const exact = exactAt(x + 0.5);
        if (exact === null) continue;
        let sum = 0;
        let weight = 0;
        for (let y = Math.floor(exact - 8); y <= Math.ceil(exact + 8); y++) {
          const i = (y * width + x) * 4;
          const w = Math.max(0, Math.min(1, (data[i + 2] - data[i]) / 178));
          sum += w * (y + 0.5);
          weight += w;
        }
        if (weight > 0.5) out.push(sum / weight - exact);
      }
      return out;
    };
    const rms = (xs) => Math.sqrt(xs.reduce((s, v) => s + v * v, 0) / xs.length);
    const ours = errors(canvas);
    const theirs = errors(reference);
    return { columns: ours.length, ours: rms(ours), reference: rms(theirs), staircase: rms(errors(staircase)) };
  });
  await page.locator('growth-widget').screenshot({ path: join(artifacts, 'smoothness-elasticity-dpr2.png') });
  assert.ok(result.columns > 200, `${result.columns} columns measured`);
  assert.ok(result.staircase > 0.15, `the measure tells a staircase apart (${result.staircase.toFixed(3)} px RMS)`);
  // Measured here: the widget 0.045 px RMS, the reference path 0.070, whole-pixel steps 0.193
  // (the 5-px antialiased stroke softens a staircase's ±0.5 px jumps).
  assert.ok(result.ours < 0.1, `the drawn curve is ${result.ours.toFixed(3)} px RMS off its exact position (reference path: ${result.reference.toFixed(3)} px)`);
  assert.ok(Math.abs(result.ours - result.reference) < 0.1, `ours ${result.ours.toFixed(3)} px vs reference ${result.reference.toFixed(3)} px`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
