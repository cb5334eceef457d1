// The pages people read: the episode page, the transcript with widgets mounted in it, the
// authors' guide, and every widget's fallback with scripts off.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { artifacts, canvasStats, newPage, useBrowser, watchRequests } from './helpers.mjs';
import { root } from '../scripts/lib.mjs';
import { TRANSCRIPT } from '../scripts/pages.mjs';

const env = useBrowser();

/** Scrolls every widget into view and waits until each has drawn; returns their count. */
async function scrollThrough(page) {
  const widgets = await page.locator('growth-widget').all();
  for (const widget of widgets) {
    // Measuring a reserved box's height never puts a widget where a locator (which pierces open shadow roots) can see it.
    assert.equal(await page.locator('growth-widget').count(), widgets.length, 'the widgets a locator finds are the page\'s');
    await widget.scrollIntoViewIfNeeded();
    await page.waitForFunction((el) => el.shadowRoot.querySelector('.status').hidden, await widget.elementHandle(), { timeout: 15000 });
    const stats = await canvasStats(widget);
    assert.ok(stats.ink > stats.total * 0.01, `${await widget.getAttribute('kind')} drew (${stats.ink} px)`);
    assert.equal(await widget.evaluate((el) => el.shadowRoot.querySelector('.errors').textContent), '');
  }
  return widgets.length;
}

test('the episode page shows every widget as it is scrolled through, with no console errors and no foreign requests', async () => {
  const page = await newPage(env.browser);
  const foreign = watchRequests(page, [env.server.origin]);
  await page.goto(env.server.url('/www/index.html'));
  assert.equal(await page.locator('nav.toc a').count(), 10);
  // Widgets start only when near: far ones have not started yet.
  assert.equal(await page.locator('growth-widget').last().evaluate((el) => el.values), null);
  const count = await scrollThrough(page);
  assert.ok(count >= 9, `${count} widgets`);
  assert.ok((await page.locator('.katex').count()) > 10, 'formulas are typeset by KaTeX');
  await page.screenshot({ path: join(artifacts, 'page-episode.png'), fullPage: true });
  assert.deepEqual(page.problems, []);
  assert.deepEqual(foreign, []);
  // Readable on a phone: nothing wider than the screen.
  await page.setViewportSize({ width: 360, height: 800 });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 361), 'no horizontal scroll at 360 px');
  await page.context().close();
});

test('the transcript page mounts its widgets in the real transcript without shifting the layout', { skip: !existsSync(TRANSCRIPT) && 'the transcript is not present' }, async () => {
  const page = await newPage(env.browser);
  const foreign = watchRequests(page, [env.server.origin]);
  await page.addInitScript(() => {
    window.layoutShift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.layoutShift += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(env.server.url('/www/transcript.html'));
  assert.match(await page.locator('h1').textContent(), /Phil Trammell on Economic Growth Under Transformative AI/);
  assert.ok((await page.locator('main p').count()) > 100, 'the whole transcript');
  assert.ok((await page.locator('main table').count()) >= 6, 'its tables');
  const count = await scrollThrough(page);
  assert.ok(count >= 10, `${count} widgets share the page`);
  const shift = await page.evaluate(() => window.layoutShift);
  assert.ok(shift < 0.05, `cumulative layout shift ${shift}`);
  // The page's own CSS does not leak into the widgets (nor theirs out): the page's serif font stays outside.
  const fonts = await page.locator('growth-widget').first().evaluate((el) => [getComputedStyle(el.shadowRoot.querySelector('figure')).fontFamily, getComputedStyle(document.querySelector('main p')).fontFamily]);
  assert.doesNotMatch(fonts[0], /Georgia/);
  assert.match(fonts[1], /Georgia/);
  await page.screenshot({ path: join(artifacts, 'page-transcript.png'), fullPage: false });
  assert.deepEqual(page.problems, []);
  assert.deepEqual(foreign, []);
  await page.context().close();
});

test("the authors' guide shows every kind live with its generated attribute table; the manifests match", async () => {
  const page = await newPage(env.browser);
  await page.goto(env.server.url('/www/guide.html'));
  const kinds = JSON.parse(readFileSync(join(root, 'www', 'dist', 'kinds.json'), 'utf8'));
  for (const spec of kinds) {
    const section = page.locator(`section#${spec.kind}`);
    assert.equal(await section.locator('growth-widget').count(), 1, spec.kind);
    const table = await section.locator('div.scroll > table').textContent();
    for (const p of spec.params) assert.ok(table.includes(p.name) && table.includes(p.label), `${spec.kind}: ${p.name} documented`);
    assert.match(await section.locator('pre').first().textContent(), new RegExp(`<growth-widget kind="${spec.kind}"`));
  }
  assert.ok((await scrollThrough(page)) >= kinds.length);
  assert.match(await page.locator('#theming').textContent(), /--growth-widget-accent/);
  assert.match(await page.locator('#errors').textContent(), /is not a known kind/);
  await page.screenshot({ path: join(artifacts, 'page-guide.png'), fullPage: false });
  // Readable on a phone: no line of prose (inline code included) wider than the screen.
  await page.setViewportSize({ width: 360, height: 800 });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 361, `no horizontal scroll at 360 px (${width} px)`);
  assert.deepEqual(page.problems, []);
  await page.context().close();

  const manifest = JSON.parse(readFileSync(join(root, 'www', 'dist', 'custom-elements.json'), 'utf8'));
  const element = manifest.modules[0].declarations[0];
  assert.equal(element.tagName, 'growth-widget');
  for (const spec of kinds) for (const p of spec.params) assert.ok(element.attributes.some((a) => a.name === p.name), `manifest lists ${p.name}`);
  assert.deepEqual(element.events.map((e) => e.name), ['growth-input', 'growth-change', 'growth-error', 'growth-render']);
  const types = readFileSync(join(root, 'www', 'dist', 'growth-widgets.d.ts'), 'utf8');
  assert.match(types, /'growth-widget': GrowthWidgetElement/);
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  assert.ok(pkg.exports && pkg.types && pkg.files, 'package.json is publishable');
  for (const file of [pkg.types, pkg.customElements]) assert.ok(existsSync(join(root, file)), `${file} exists`);
});

test('with scripts off, every widget shows its fallback figure', async () => {
  const page = await newPage(env.browser, { javaScriptEnabled: false });
  await page.goto(env.server.url('/www/index.html'));
  const images = page.locator('growth-widget img');
  assert.ok((await images.count()) >= 9);
  for (const img of await images.all()) {
    await img.scrollIntoViewIfNeeded();
    await page.waitForFunction((el) => el.complete && el.naturalWidth > 0, await img.elementHandle());
    assert.ok(await img.isVisible());
  }
  await page.context().close();
});
