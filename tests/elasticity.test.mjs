// The vertical slice: <growth-widget kind="elasticity"> drawn by wasm in headless Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterRender, artifacts, canvasStats, newPage, shadowText, waitDrawn, useBrowser } from './helpers.mjs';
import { root } from '../scripts/lib.mjs';

const env = useBrowser();

/** Drags the range input for `param` with the mouse to fraction `f` of its track. */
async function dragSlider(widget, param, f) {
  const slider = widget.locator(`input[type=range][data-param="${param}"]`);
  const box = await slider.boundingBox();
  const page = slider.page();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * f, box.y + box.height / 2, { steps: 8 });
  await page.mouse.up();
}

test('the episode page draws the elasticity widget and redraws when ρ is dragged', async () => {
  const page = await newPage(env.browser);
  await page.goto(env.server.url('/www/index.html'));
  const widget = await waitDrawn(page, 'growth-widget[kind="elasticity"]');
  const before = await canvasStats(widget);
  assert.ok(before.ink > before.total * 0.02, `expected drawn pixels, got ${before.ink} of ${before.total}`);
  const rhoBefore = await widget.evaluate((el) => el.values.rho);
  await afterRender(widget, () => dragSlider(widget, 'rho', 0.95));
  const rhoAfter = await widget.evaluate((el) => el.values.rho);
  assert.ok(rhoAfter > rhoBefore + 0.5, `ρ moved from ${rhoBefore} to ${rhoAfter}`);
  const afterDrag = await canvasStats(widget);
  assert.notEqual(afterDrag.hash, before.hash, 'the canvas changed');
  const number = await widget.locator('input[type=number][data-param="rho"]').inputValue();
  assert.equal(Number(number), rhoAfter, 'the number field follows the slider');
  await page.screenshot({ path: join(artifacts, 'episode-elasticity.png'), fullPage: true });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('points the wasm reports on the Y = 2 isoquant satisfy the CES formula to 1e-9', async () => {
  const page = await newPage(env.browser);
  await page.goto(env.server.url('/www/index.html'));
  const widget = await waitDrawn(page, 'growth-widget[kind="elasticity"]');
  for (const rho of ['-0.5', '0', '0.5', '-3']) {
    await afterRender(widget, () => widget.evaluate((el, r) => el.setAttribute('rho', r), rho));
    const { values, points } = await widget.evaluate((el) => ({ values: el.values, points: el.probe('isoquant', 2) }));
    const { rho: r, alpha: a } = values;
    let checked = 0;
    for (let i = 0; i < points.length; i += 2) {
      const [K, L] = [points[i], points[i + 1]];
      if (K > 6 || L > 6 || K < 0.01 || L < 0.01) continue; // the plotted window, where the plain formula is exact enough
      const Y = r === 0 ? K ** a * L ** (1 - a) : (a * K ** r + (1 - a) * L ** r) ** (1 / r);
      assert.ok(Math.abs(Y - 2) < 1e-9, `ρ=${r}: Y(${K}, ${L}) = ${Y}`);
      checked++;
    }
    assert.ok(checked > 50, `ρ=${rho}: checked ${checked} points`);
  }
  await page.context().close();
});

test('the inline bundle renders from file:// with no server', async () => {
  const page = await newPage(env.browser);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(join(root, 'tests', 'fixtures', 'inline.html')).href);
  const widget = await waitDrawn(page);
  const stats = await canvasStats(widget);
  assert.ok(stats.ink > stats.total * 0.02, `drawn pixels: ${stats.ink}`);
  assert.equal(await widget.evaluate((el) => el.values.rho), -1);
  assert.ok(requests.every((u) => u.startsWith('file:') || u.startsWith('data:')), `only local requests: ${requests}`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('an invalid attribute is named in the widget and a second widget still renders', async () => {
  const page = await newPage(env.browser);
  const errors = [];
  await page.exposeFunction('recordError', (d) => errors.push(d));
  await page.addInitScript(() => document.addEventListener('growth-error', (e) => window.recordError(e.detail)));
  await page.goto(env.server.url('/tests/fixtures/bad-attribute.html'));
  const bad = await waitDrawn(page, '#bad');
  const good = await waitDrawn(page, '#good');
  const message = await shadowText(bad, '.errors');
  assert.match(message, /rho="abc"/);
  assert.match(message, /not a number/);
  assert.match(message, /−5 to 1/);
  assert.match(message, /Showing rho = -0.5 instead/);
  assert.equal(errors.length, 1);
  assert.equal(errors[0].attribute, 'rho');
  assert.equal(errors[0].value, 'abc');
  const badStats = await canvasStats(bad);
  assert.ok(badStats.ink > badStats.total * 0.02, 'the bad widget falls back to its default and draws');
  const goodStats = await canvasStats(good);
  assert.ok(goodStats.ink > goodStats.total * 0.02, 'the good widget draws');
  assert.equal(await shadowText(good, '.errors'), '');
  assert.doesNotMatch(await shadowText(bad, '.readouts'), /NaN/);
  await page.screenshot({ path: join(artifacts, 'bad-attribute.png'), fullPage: true });
  await page.context().close();
});
