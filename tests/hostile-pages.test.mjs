// Hostile pages and careless authors (issue #20): page CSS that hides the host's box, a pasted
// megabyte, and storms of writes. Each reproduction is written out as the report gave it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canvasStats, newPage, useBrowser, waitDrawn } from './helpers.mjs';

const env = useBrowser();

async function plain() {
  const page = await newPage(env.browser);
  await page.goto(env.server.url('/tests/fixtures/plain.html'));
  await page.waitForFunction(() => customElements.get('growth-widget'));
  return page;
}

test('a theme that sets growth-widget { display: contents } still gets drawn widgets, also below the fold', async () => {
  const page = await plain();
  await page.evaluate(async () => {
    const style = document.createElement('style');
    style.textContent = 'growth-widget { display: contents } .spacer { height: 2400px }';
    document.head.append(style);
    const kinds = await (await fetch('/www/dist/kinds.json')).json();
    const stage = document.getElementById('stage');
    for (const { kind } of kinds) {
      const spacer = document.createElement('div');
      spacer.className = 'spacer';
      const widget = document.createElement('growth-widget');
      widget.setAttribute('kind', kind);
      stage.append(widget, spacer);
    }
  });
  const widgets = await page.locator('growth-widget').all();
  for (const widget of widgets) {
    await widget.evaluate((el) => el.shadowRoot.querySelector('figure').scrollIntoView());
    await waitDrawn(page, `growth-widget[kind="${await widget.getAttribute('kind')}"]`);
    const stats = await canvasStats(widget);
    assert.ok(stats.ink > stats.total * 0.01, `${await widget.getAttribute('kind')} drew (${stats.ink} px)`);
  }
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a megabyte attribute is refused as too long and does not grow the wasm memory', async () => {
  const page = await plain();
  const result = await page.evaluate(async () => {
    const el = document.createElement('growth-widget');
    el.setAttribute('kind', 'elasticity');
    document.getElementById('stage').append(el);
    await new Promise((resolve) => el.addEventListener('growth-render', resolve, { once: true }));
    const Element = customElements.get('growth-widget');
    const before = Element.wasmMemoryBytes;
    el.setAttribute('rho', '1'.repeat(1_000_000));
    const errors = el.errors;
    return { before, after: Element.wasmMemoryBytes, message: errors.map((e) => e.message).join(' '), rho: el.values.rho };
  });
  assert.match(result.message, /rho="1{40}…" is too long; at most 1000 characters/);
  assert.equal(result.rho, -0.5, 'the value shown stays');
  assert.ok(result.after - result.before < 256 * 1024, `wasm memory grew by ${result.after - result.before} bytes`);
  await page.context().close();
});

test('a storm of writes costs about what its last write costs: 300 ρ writes, 1,000 kind changes', async () => {
  const page = await plain();
  const times = await page.evaluate(async () => {
    // Three kinds with a ρ, from the declarations; the widget starts as the last of them.
    const declared = await (await fetch('/www/dist/kinds.json')).json();
    const kinds = declared.filter((spec) => spec.params.some((p) => p.name === 'rho')).map((spec) => spec.kind).slice(0, 3);
    const el = document.createElement('growth-widget');
    el.setAttribute('kind', kinds[2]);
    document.getElementById('stage').append(el);
    await new Promise((resolve) => el.addEventListener('growth-render', resolve, { once: true }));
    const timed = (write) => {
      const t0 = performance.now();
      write();
      void el.values; // every read applies the writes made so far
      return performance.now() - t0;
    };
    const one = Math.min(...[0, 1, 2, 3, 4].map((i) => timed(() => (el.rho = -1 + i * 0.01))));
    const storm = timed(() => {
      for (let i = 0; i < 300; i++) el.rho = -1 + (i % 100) * 0.015;
    });
    const oneKind = Math.min(...[0, 1, 2].map((i) => timed(() => el.setAttribute('kind', kinds[i]))));
    const kindStorm = timed(() => {
      for (let i = 0; i < 1000; i++) el.setAttribute('kind', kinds[i % 3]);
    });
    return { one, storm, oneKind, kindStorm, kind: el.getAttribute('kind'), last: kinds[999 % 3], rho: el.values.rho };
  });
  assert.ok(times.storm < 10 * times.one + 30, `300 writes ${times.storm.toFixed(1)} ms against one ${times.one.toFixed(1)} ms`);
  assert.ok(times.kindStorm < 10 * times.oneKind + 30, `1,000 kind changes ${times.kindStorm.toFixed(1)} ms against one ${times.oneKind.toFixed(1)} ms`);
  assert.equal(times.kind, times.last, 'the last kind written wins');
  await page.context().close();
});

test('a page that replaced built-ins before the script loads gets a message in each widget naming them', async () => {
  const cases = [
    ['Array.prototype.map = () => [];', /Array\.prototype\.map/],
    ["Array.prototype.map = () => { throw new Error('no'); };", /Array\.prototype\.map/],
    ["Object.defineProperty = () => { throw new Error('no'); };", /Object\.defineProperty/],
    ['Object.defineProperty = (o) => o;', /Object\.defineProperty/],
    ["JSON.stringify = () => { throw new Error('no'); };", /JSON\.stringify/],
  ];
  for (const [breakage, named] of cases) {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(breakage);
    // One widget of every kind; read through Playwright's own (isolated) world, whose built-ins
    // the page cannot reach.
    await page.goto(env.server.url('/tests/fixtures/kinds.html'));
    const message = page.locator('growth-widget .errors').first();
    await message.waitFor({ timeout: 10000 });
    const text = await message.textContent();
    assert.match(text, named, `${breakage} → ${text}`);
    assert.match(text, /replaced JavaScript built-ins the diagram needs/);
    assert.doesNotMatch(text, /GrowthWidget is not a constructor|Loading diagram/);
    await context.close();
  }
});
