// Input, as a reader gives it: every control of every kind by mouse and keyboard, the draggable
// point, the events a page listens to, and the actions (PNG, SVG, copy tag). The kinds come from
// the build's declarations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../scripts/lib.mjs';
import { afterRender, canvasStats, openFixture, shadowText, useBrowser, waitDrawn } from './helpers.mjs';

const env = useBrowser();

const KINDS = JSON.parse(readFileSync(join(root, 'www', 'dist', 'kinds.json'), 'utf8')).map((spec) => spec.kind);

const openKinds = (options) => openFixture(env, 'kinds', options);

const description = (widget) => shadowText(widget, '.description');

test('every control of every kind changes the canvas and the description', async () => {
  const page = await openKinds();
  for (const kind of KINDS) {
    const widget = await waitDrawn(page, `#${kind}`);
    const stats = await canvasStats(widget);
    assert.ok(stats.ink > stats.total * 0.02, `${kind} draws (${stats.ink} px)`);
    // The parameters a reader can reach: those whose controls are shown (a kind may hide the ones that do not matter now).
    const params = await widget.evaluate((el) => [...new Set([...el.shadowRoot.querySelectorAll('.control:not([hidden]) [data-param]')].map((i) => i.dataset.param))]);
    for (const name of params) {
      const before = { hash: (await canvasStats(widget)).hash, text: await description(widget) };
      const control = widget.locator(`[data-param="${name}"]`).first();
      const type = await control.getAttribute('type');
      await afterRender(widget, async () => {
        if (type === 'checkbox') {
          await control.click();
        } else {
          const [value, max] = await control.evaluate((i) => [Number(i.value), Number(i.max)]);
          await control.fill(String(value >= max ? Number(await control.getAttribute('min')) : max));
        }
      });
      assert.notEqual((await canvasStats(widget)).hash, before.hash, `${kind}: ${name} changes the canvas`);
      assert.notEqual(await description(widget), before.text, `${kind}: ${name} changes the description`);
      assert.doesNotMatch(await description(widget), /NaN|undefined|Infinity/);
    }
  }
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the keyboard alone reaches and changes every control', async () => {
  const page = await openKinds();
  for (const kind of KINDS) {
    const widget = await waitDrawn(page, `#${kind}`);
    // The parameters a reader can reach: those whose controls are shown (a kind may hide the ones that do not matter now).
    const params = await widget.evaluate((el) => [...new Set([...el.shadowRoot.querySelectorAll('.control:not([hidden]) [data-param]')].map((i) => i.dataset.param))]);
    const changed = new Set();
    // Start just before the widget and Tab through it.
    await widget.evaluate((el) => {
      const anchor = document.createElement('button');
      anchor.textContent = 'before';
      anchor.id = `before-${el.id}`;
      el.before(anchor);
      anchor.focus();
    });
    for (let i = 0; i < 60 && changed.size < params.length; i++) {
      await page.keyboard.press('Tab');
      const focused = await widget.evaluate((el) => {
        const a = el.shadowRoot.activeElement;
        return a ? { param: a.dataset.param ?? null, type: a.type ?? a.tagName, value: a.type === 'checkbox' ? a.checked : a.value } : null;
      });
      if (!focused?.param || focused.type === 'number') continue;
      const before = await widget.evaluate((el, n) => el.values[n], focused.param);
      await page.keyboard.press(focused.type === 'checkbox' ? 'Space' : 'ArrowLeft');
      let after = await widget.evaluate((el, n) => el.values[n], focused.param);
      if (after === before && focused.type !== 'checkbox') {
        await page.keyboard.press('ArrowRight');
        after = await widget.evaluate((el, n) => el.values[n], focused.param);
      }
      if (after !== before) changed.add(focused.param);
    }
    assert.deepEqual([...changed].sort(), [...params].sort(), `${kind}: every parameter changed from the keyboard`);
  }
  await page.context().close();
});

test('dragging the elasticity point updates the readouts to the model values', async () => {
  const page = await openKinds();
  const widget = await waitDrawn(page, '#elasticity');
  const [panel] = await widget.evaluate((el) => el.probe('panels'));
  const box = await widget.locator('canvas').boundingBox();
  const { width } = await widget.evaluate((el) => ({ width: el.shadowRoot.querySelector('canvas').width }));
  const scale = width / box.width;
  const toPage = (k, l) => [
    box.x + (panel.left + ((k - panel.x_min) / (panel.x_max - panel.x_min)) * (panel.right - panel.left)) / scale,
    box.y + (panel.bottom - ((l - panel.y_min) / (panel.y_max - panel.y_min)) * (panel.bottom - panel.top)) / scale,
  ];
  const { K, L } = await widget.evaluate((el) => el.values);
  const [x0, y0] = toPage(K, L);
  const [x1, y1] = toPage(4.2, 3.1);
  await afterRender(widget, async () => {
    await page.mouse.move(x0, y0);
    await page.mouse.down();
    await page.mouse.move(x1, y1, { steps: 10 });
    await page.mouse.up();
  });
  const values = await widget.evaluate((el) => el.values);
  assert.ok(Math.abs(values.K - 4.2) < 0.06 && Math.abs(values.L - 3.1) < 0.06, `dragged to ${values.K}, ${values.L}`);
  const [Y, wage, rent, capitalShare, laborShare] = await widget.evaluate((el) => el.probe('point'));
  const { rho: r, alpha: a, K: k, L: l } = values;
  const expectedY = (a * k ** r + (1 - a) * l ** r) ** (1 / r);
  const expectedWage = (1 - a) * (expectedY / l) ** (1 - r);
  const expectedRent = a * (expectedY / k) ** (1 - r);
  for (const [got, want, name] of [[Y, expectedY, 'Y'], [wage, expectedWage, 'wage'], [rent, expectedRent, 'rent'], [capitalShare, (k * expectedRent) / expectedY, 'capital share'], [laborShare, (l * expectedWage) / expectedY, 'labor share']]) {
    assert.ok(Math.abs(got - want) < 1e-9, `${name}: ${got} vs ${want}`);
  }
  const readout = await widget.evaluate((el) => el.shadowRoot.querySelector('[data-key="Y"] dd').textContent);
  assert.ok(Math.abs(Number(readout) - expectedY) < 5e-4 * expectedY, `readout ${readout} shows Y = ${expectedY}`);
  // Arrow keys on the focused figure move the point too.
  await widget.locator('canvas').focus();
  await afterRender(widget, () => page.keyboard.press('ArrowLeft'));
  assert.ok(Math.abs((await widget.evaluate((el) => el.values.K)) - (values.K - 0.01)) < 1e-9);
  await page.context().close();
});

test('PNG and SVG downloads are valid images of the figure, and copy-tag gives the exact tag', async () => {
  const page = await openKinds({ acceptDownloads: true });
  const widget = await waitDrawn(page, '#elasticity');
  await afterRender(widget, () => widget.evaluate((el) => el.setAttribute('rho', '-1')));
  const [png] = await Promise.all([page.waitForEvent('download'), widget.locator('button[data-action="png"]').click()]);
  const pngBytes = readFileSync(await png.path());
  assert.deepEqual([...pngBytes.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10]);
  const canvasSize = await widget.evaluate((el) => [el.shadowRoot.querySelector('canvas').width, el.shadowRoot.querySelector('canvas').height]);
  assert.deepEqual([pngBytes.readUInt32BE(16), pngBytes.readUInt32BE(20)], canvasSize);
  assert.equal(png.suggestedFilename(), 'growth-widget-elasticity.png');
  const [svg] = await Promise.all([page.waitForEvent('download'), widget.locator('button[data-action="svg"]').click()]);
  const svgText = readFileSync(await svg.path(), 'utf8');
  assert.match(svgText, /^<svg[^>]*width="\d+"[^>]*height="\d+"/);
  assert.match(svgText, /<polyline|<path/);
  assert.match(svgText, /Capital K/);
  const parsed = await page.evaluate((text) => new DOMParser().parseFromString(text, 'image/svg+xml').querySelector('parsererror') === null, svgText);
  assert.ok(parsed, 'the SVG parses');
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await widget.locator('button[data-action="copy-tag"]').click();
  await page.waitForFunction((el) => el.shadowRoot.querySelector('.toast').textContent.length > 0, await widget.elementHandle());
  assert.equal(await widget.evaluate((el) => el.tag), '<growth-widget kind="elasticity" rho="-1"></growth-widget>');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), '<growth-widget kind="elasticity" rho="-1"></growth-widget>');
  await page.context().close();
});

test('growth-input fires while a slider moves and growth-change on release, with the parameters', async () => {
  const page = await openKinds();
  const widget = await waitDrawn(page, '#elasticity');
  await page.evaluate(() => {
    window.events = [];
    for (const name of ['growth-input', 'growth-change']) document.addEventListener(name, (e) => window.events.push([name, e.detail.values.rho, e.composed, e.bubbles]));
  });
  const slider = widget.locator('input[type=range][data-param="rho"]');
  const box = await slider.boundingBox();
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.2, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  const events = await page.evaluate(() => window.events);
  assert.ok(events.filter(([n]) => n === 'growth-input').length >= 2, JSON.stringify(events));
  const last = events.at(-1);
  assert.equal(last[0], 'growth-change');
  assert.equal(last[1], await widget.evaluate((el) => el.values.rho));
  assert.ok(events.every(([, , composed, bubbles]) => composed && bubbles));
  await page.context().close();
});
