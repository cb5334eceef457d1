// The offline deck with the GrowthWidgets reveal.js plugin and reveal's speaker view, opened
// from file:// as a lecturer would: hidden slides do no work, a resize redraws crisply, and a
// widget moved in the speaker view moves in the audience window and the reverse — over
// BroadcastChannel, and over postMessage where BroadcastChannel does not exist.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { artifacts, canvasStats, launchBrowser } from './helpers.mjs';
import { root } from '../scripts/lib.mjs';

const deck = (hash) => `${pathToFileURL(join(root, 'www', 'slides', 'index.html')).href}${hash}`;
const ELASTICITY = 3;

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => browser?.close());

async function openDeck({ withoutBroadcastChannel = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  if (withoutBroadcastChannel) await context.addInitScript(() => delete window.BroadcastChannel);
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && page.problems.push(m.text()));
  await page.goto(deck(`#/${ELASTICITY}`));
  await page.waitForFunction(() => window.Reveal?.isReady());
  return { context, page };
}

/** Waits until the widget (a locator or handle in `frame`) has drawn, and returns its pixel stats. */
async function drawn(frame, widget) {
  await frame.waitForFunction((el) => el.values && el.shadowRoot.querySelector('.status').hidden && el.shadowRoot.querySelector('canvas').width > 0, await widget.elementHandle(), { timeout: 15000 });
  const stats = await canvasStats(widget);
  assert.ok(stats.ink > stats.total * 0.01, `drawn (${stats.ink} of ${stats.total} px)`);
  return stats;
}

test('the deck ships the speaker view and the GrowthWidgets plugin; widgets on hidden slides stay paused and a resize redraws only the shown ones, crisply', async () => {
  const { context, page } = await openDeck();
  assert.ok(await page.evaluate(() => Reveal.hasPlugin('notes') && Reveal.hasPlugin('growth-widgets')));
  assert.ok((await page.locator('.slides > section aside.notes').count()) >= 9, 'every slide has speaker notes');
  const shown = page.locator('section.present growth-widget');
  await drawn(page, shown);
  // Every other widget: paused (hidden, no box) and never started.
  const others = await page.evaluate(() =>
    [...document.querySelectorAll('.slides growth-widget')].filter((w) => !w.closest('section.present')).map((w) => ({ hidden: w.hidden, box: w.getBoundingClientRect().width, started: w.values !== null })),
  );
  assert.ok(others.length >= 7, `${others.length} widgets on other slides`);
  assert.deepEqual(others.filter((w) => !w.hidden || w.box !== 0 || w.started), [], 'widgets on hidden slides do nothing');

  // A resize: reveal rescales the slide; the shown widget redraws at its new on-screen size, hidden ones do not draw at all.
  await page.evaluate(() => {
    window.renders = { shown: 0, hidden: 0 };
    for (const w of document.querySelectorAll('.slides growth-widget')) w.addEventListener('growth-render', () => (w.closest('section.present') ? renders.shown++ : renders.hidden++));
  });
  const before = await canvasStats(shown);
  // Larger: reveal scales the slide up (by a transform), so a drawing at the old size would be blurred.
  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.waitForFunction(() => renders.shown > 0);
  await page.waitForTimeout(300);
  const crisp = await shown.evaluate((el) => {
    const canvas = el.shadowRoot.querySelector('canvas');
    return canvas.width / canvas.getBoundingClientRect().width;
  });
  assert.ok(Math.abs(crisp - 1) < 0.02, `backing store matches the scaled size (${crisp})`);
  const scale = await page.evaluate(() => [Reveal.getScale(), Reveal.getPlugin('growth-widgets').scale]);
  assert.ok(scale[0] > 1.2 && Math.abs(scale[0] - scale[1]) < 1e-9, `the plugin saw reveal's scale ${scale}`);
  assert.notEqual((await canvasStats(shown)).width, before.width, 'redrawn at the new size');
  assert.equal(await page.evaluate(() => renders.hidden), 0, 'no hidden widget drew');
  await page.screenshot({ path: join(artifacts, 'deck-resized.png') });

  // The next slide's widget starts when it is shown; the one left behind is paused again.
  await page.keyboard.press('ArrowRight');
  await drawn(page, page.locator('section.present growth-widget'));
  assert.ok(await page.evaluate((i) => document.querySelectorAll('.slides > section')[i].querySelector('growth-widget').hidden, ELASTICITY));
  assert.deepEqual(page.problems, []);
  await context.close();
});

for (const transport of ['BroadcastChannel', 'postMessage']) {
  test(`the speaker view opened from file:// and the audience window stay in sync both ways (${transport})`, async () => {
    const { context, page } = await openDeck({ withoutBroadcastChannel: transport === 'postMessage' });
    const audience = page.locator('section.present growth-widget');
    await drawn(page, audience);
    assert.equal(await page.evaluate(() => Reveal.getPlugin('growth-widgets').transport), transport);

    // S opens reveal's speaker view: a popup with the current and the upcoming slide in iframes.
    const [speaker] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('s')]);
    speaker.on('pageerror', (e) => page.problems.push(`speaker: ${e.message}`));
    await speaker.waitForSelector('#current-slide iframe');
    const frameOf = async (pattern) => {
      for (let i = 0; i < 100; i++) {
        const frame = speaker.frames().find((f) => pattern.test(f.url()));
        if (frame) return frame;
        await speaker.waitForTimeout(100);
      }
      throw new Error(`no speaker-view frame matching ${pattern}`);
    };
    const current = await frameOf(/receiver.*postMessageEvents=true/);
    await current.waitForFunction(() => window.Reveal?.isReady() && Reveal.getIndices().h === 3, null, { timeout: 15000 });
    const mirrored = current.locator('section.present growth-widget');
    await drawn(current, mirrored);
    // The preview iframes run only the widgets of the slide they show: the others are paused,
    // and count any drawing they do while the audience's change arrives.
    const upcoming = await frameOf(/receiver.*controls=false/);
    await upcoming.waitForFunction((h) => window.Reveal?.isReady() && Reveal.getIndices().h === h, ELASTICITY + 1, { timeout: 15000 });
    for (const frame of [current, upcoming]) {
      const running = await frame.evaluate(() => {
        window.hiddenRenders = 0;
        const off = [...document.querySelectorAll('.slides growth-widget')].filter((w) => !w.closest('section.present'));
        for (const w of off) w.addEventListener('growth-render', () => window.hiddenRenders++);
        return off.filter((w) => !w.hidden).length;
      });
      assert.equal(running, 0, 'every widget off the shown slide is paused');
    }
    await speaker.waitForTimeout(300);
    const speakerBefore = await canvasStats(mirrored);
    assert.match(await speaker.locator('.speaker-controls-notes .value').textContent(), /ρ = \(ε − 1\)\/ε/, 'the speaker sees the slide’s notes');

    // The lecturer moves ρ in the audience window: the speaker view shows the same value and redraws.
    const slider = audience.locator('input[type=range][data-param=rho]');
    await slider.focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    const moved = await audience.evaluate((el) => el.values.rho);
    await current.waitForFunction((rho) => document.querySelector('section.present growth-widget').values.rho === rho, moved, { timeout: 5000 });
    await speaker.waitForTimeout(200);
    assert.notEqual((await canvasStats(mirrored)).hash, speakerBefore.hash, 'the speaker view redrew');
    await upcoming.waitForFunction((rho) => document.querySelectorAll('.slides > section')[3].querySelector('growth-widget').rho === rho, moved, { timeout: 5000 });
    assert.deepEqual(await Promise.all([current, upcoming].map((f) => f.evaluate(() => window.hiddenRenders))), [0, 0], 'the change reached the upcoming preview’s paused copy without drawing it');
    assert.equal(await page.evaluate(() => Reveal.getIndices().h), ELASTICITY, 'the slide did not change');

    // And the reverse: α dragged in the speaker view shows in the audience window.
    const audienceBefore = await canvasStats(audience);
    const alpha = await audience.evaluate((el) => el.values.alpha);
    await mirrored.locator('input[type=range][data-param=alpha]').focus();
    for (let i = 0; i < 3; i++) await speaker.keyboard.press('ArrowLeft');
    const speakerAlpha = await mirrored.evaluate((el) => el.values.alpha);
    assert.ok(speakerAlpha < alpha, 'α moved in the speaker view');
    await page.waitForFunction((a) => document.querySelector('section.present growth-widget').values.alpha === a, speakerAlpha, { timeout: 5000 });
    await page.waitForTimeout(200);
    assert.notEqual((await canvasStats(audience)).hash, audienceBefore.hash, 'the audience window redrew');
    assert.equal(await audience.evaluate((el) => el.values.rho), moved, 'ρ kept its synced value');
    await speaker.screenshot({ path: join(artifacts, `deck-speaker-view-${transport}.png`) });
    await page.screenshot({ path: join(artifacts, `deck-audience-${transport}.png`) });
    assert.deepEqual(page.problems, []);
    await context.close();
  });
}
