// The offline deck as a lecturer meets it: opened from file://, every widget on its slide, arrow
// keys kept inside a slider, printed to PDF, packaged by npm run slides, and with reveal.js's
// speaker view: hidden slides do no work, a resize redraws crisply, and a widget moved in the
// speaker view moves in the audience window and the reverse (BroadcastChannel, or postMessage).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { artifacts, canvasStats, newPage, useBrowser, watchRequests } from './helpers.mjs';
import { root } from '../scripts/lib.mjs';
import { packageDeck } from '../scripts/slides.mjs';

const env = useBrowser();

const deckUrl = (hash = '') => `${pathToFileURL(join(root, 'www', 'slides', 'index.html')).href}${hash}`;

const ELASTICITY = 3;

async function openDeck({ withoutBroadcastChannel = false } = {}) {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  if (withoutBroadcastChannel) await context.addInitScript(() => delete window.BroadcastChannel);
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && page.problems.push(m.text()));
  await page.goto(deckUrl(`#/${ELASTICITY}`));
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

test('the deck opened from file:// renders every widget on its slide, and arrow keys inside a slider stay there', async () => {
  const page = await newPage(env.browser, { viewport: { width: 1280, height: 800 } });
  const foreign = watchRequests(page, ['file:']);
  await page.goto(deckUrl());
  await page.waitForFunction(() => window.Reveal?.isReady());
  const total = await page.evaluate(() => Reveal.getTotalSlides());
  let widgets = 0;
  for (let index = 0; index < total; index++) {
    await page.evaluate((i) => Reveal.slide(i), index);
    const slide = page.locator('section.present');
    for (const widget of await slide.locator('growth-widget').all()) {
      await page.waitForFunction((el) => el.shadowRoot.querySelector('.status').hidden, await widget.elementHandle(), { timeout: 15000 });
      const stats = await canvasStats(widget);
      assert.ok(stats.ink > stats.total * 0.01, `slide ${index + 1}: drawn`);
      // Fits the slide and is crisp: the backing store matches the on-screen size × DPR.
      const fit = await widget.evaluate((el) => {
        // The slide area reveal scales to the window (a section grows with what overflows it).
        const slideBox = document.querySelector('.reveal .slides').getBoundingClientRect();
        const box = el.getBoundingClientRect();
        const canvas = el.shadowRoot.querySelector('canvas');
        return { inside: box.top >= slideBox.top - 2 && box.bottom <= Math.min(slideBox.bottom, innerHeight) + 2 && box.right <= slideBox.right + 2, ratio: canvas.width / canvas.getBoundingClientRect().width };
      });
      assert.ok(fit.inside, `slide ${index + 1}: the widget, controls included, fits the slide on screen`);
      assert.ok(Math.abs(fit.ratio - 1) < 0.02, `slide ${index + 1}: crisp (${fit.ratio})`);
      widgets++;
    }
    if (index === 3) await page.screenshot({ path: join(artifacts, 'deck-elasticity.png') });
    if (index === 5) await page.screenshot({ path: join(artifacts, 'deck-research.png') });
  }
  assert.ok(widgets >= 8, `${widgets} widgets in the deck`);
  // Arrow keys inside a control change the control, not the slide.
  await page.evaluate(() => Reveal.slide(3));
  const widget = page.locator('section.present growth-widget');
  const slider = widget.locator('input[type=range][data-param="rho"]');
  await slider.focus();
  const before = await widget.evaluate((el) => el.values.rho);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => Reveal.getIndices().h), 3, 'still on the same slide');
  assert.ok((await widget.evaluate((el) => el.values.rho)) > before, 'the slider moved');
  // What is typed into a number field stays there: "." would pause the deck, "f" go full screen.
  const field = widget.locator('input[type=number][data-param="alpha"]');
  await field.fill('');
  await field.focus();
  await page.keyboard.type('0.45');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => Reveal.isPaused()), false, 'typing "." did not pause the deck');
  assert.equal(await widget.evaluate((el) => el.values.alpha), 0.45, 'the typed value was taken');
  assert.deepEqual(page.problems, []);
  assert.deepEqual(foreign, []);
  await page.context().close();
});

test('printing the deck (?print-pdf) gives a PDF whose widget pages show their figures', async () => {
  const page = await newPage(env.browser, { viewport: { width: 1280, height: 800 } });
  await page.goto(`${pathToFileURL(join(root, 'www', 'slides', 'index.html')).href}?print-pdf`);
  await page.waitForFunction(() => document.documentElement.classList.contains('widgets-ready'), null, { timeout: 30000 });
  const pdf = await page.pdf({ width: '960px', height: '700px', printBackground: true });
  const dir = mkdtempSync(join(tmpdir(), 'deck-pdf-'));
  writeFileSync(join(dir, 'deck.pdf'), pdf);
  writeFileSync(join(artifacts, 'deck.pdf'), pdf);
  execFileSync('pdftoppm', ['-r', '40', '-png', join(dir, 'deck.pdf'), join(dir, 'page')]);
  const pages = readdirSync(dir).filter((f) => f.endsWith('.png')).sort();
  const slides = await page.evaluate(() => [...document.querySelectorAll('.slides > section')].map((s) => s.querySelectorAll('growth-widget').length));
  assert.ok(pages.length >= slides.length, `${pages.length} PDF pages for ${slides.length} slides`);
  // Count saturated (coloured) pixels on each page in a browser canvas: curves are coloured, blank boxes are grey.
  const viewer = await newPage(env.browser);
  const coloured = [];
  for (const file of pages.slice(0, slides.length)) {
    const dataUrl = `data:image/png;base64,${readFileSync(join(dir, file)).toString('base64')}`;
    coloured.push(
      await viewer.evaluate(async (src) => {
        const img = new Image();
        img.src = src;
        await img.decode();
        const canvas = Object.assign(document.createElement('canvas'), { width: img.width, height: img.height });
        const ctx = canvas.getContext('2d');
        ctx.drawImage(img, 0, 0);
        const { data } = ctx.getImageData(0, 0, img.width, img.height);
        let count = 0;
        for (let i = 0; i < data.length; i += 4) if (Math.max(data[i], data[i + 1], data[i + 2]) - Math.min(data[i], data[i + 1], data[i + 2]) > 80) count++;
        return count;
      }, dataUrl),
    );
  }
  slides.forEach((widgetCount, i) => {
    if (widgetCount > 0) assert.ok(coloured[i] > 150, `PDF page ${i + 1} shows its widget (${coloured[i]} coloured px)`);
  });
  await viewer.context().close();
  await page.context().close();
});

test('npm run slides packages a self-contained deck that works from anywhere on the file system', async () => {
  const index = packageDeck(join(mkdtempSync(join(tmpdir(), 'deck-')), 'growth-widgets-deck'));
  const page = await newPage(env.browser, { viewport: { width: 1280, height: 800 } });
  const foreign = watchRequests(page, ['file:']);
  await page.goto(`${pathToFileURL(index).href}#/3`);
  const widget = page.locator('section.present growth-widget');
  await page.waitForFunction((el) => el.shadowRoot.querySelector('.status').hidden, await widget.elementHandle(), { timeout: 15000 });
  assert.ok((await canvasStats(widget)).ink > 0);
  assert.ok((await page.locator('.katex').count()) > 0, 'KaTeX comes along');
  assert.deepEqual(page.problems, []);
  assert.deepEqual(foreign, []);
  await page.context().close();
});

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
