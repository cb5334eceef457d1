// The economics on screen: what each diagram shows is the model's own number. The closed-form
// blow-up, the episode's task example, the scenario tables (rows chosen by pointer and keyboard,
// the robotics rows, single-row embeds), the type II asymptote and the gross-complements wage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { afterRender, artifacts, canvasStats, openFixture, shadowText, useBrowser, waitDrawn } from './helpers.mjs';

const env = useBrowser();

const openKinds = (options) => openFixture(env, 'kinds', options);

const description = (widget) => shadowText(widget, '.description');

const open = (options) => openFixture(env, 'tables', options);

const rowIds = (widget) => widget.evaluate((el) => [...el.shadowRoot.querySelectorAll('tbody tr')].map((tr) => tr.dataset.id));

test('the research widget reports the closed-form blow-up time for φ = 1.5, n = 0', async () => {
  const page = await openKinds();
  const widget = await waitDrawn(page, '#research-feedback');
  await afterRender(widget, () => widget.evaluate((el) => { el.phi = 1.5; el.n = 0; }));
  const [time] = await widget.evaluate((el) => el.probe('blowup'));
  const { theta, lambda } = await widget.evaluate((el) => el.values);
  const exact = 1 / ((1.5 - 1) * theta * 0.1 ** lambda); // B0^{1−φ}/((φ−1)θ(SL)^λ) with B0 = 1, S·L = 0.1
  assert.ok(Math.abs(time - exact) / exact < 0.005, `${time} vs ${exact}`);
  assert.match(await description(widget), /type II singularity at t ≈ 400/);
  await afterRender(widget, () => widget.evaluate((el) => { el.years = 600; }));
  assert.match(await shadowText(widget, '.readouts'), /Blow-up time400 yr/);
  await page.screenshot({ path: join(artifacts, 'research-type-ii.png'), clip: await widget.boundingBox() });
  await page.context().close();
});

test('the task presets reproduce the episode: automating half of the remaining 60 doubles output per worker', async () => {
  const page = await openKinds();
  const widget = await waitDrawn(page, '#task-automation');
  await afterRender(widget, () => widget.locator('button[data-preset="forty-automated"]').click());
  const [beta40, perWorker40] = await widget.evaluate((el) => el.probe('point'));
  assert.equal(beta40, 0.4);
  assert.match(await shadowText(widget, '.readouts'), /40 of 100/);
  await afterRender(widget, () => widget.locator('button[data-preset="half-of-the-rest"]').click());
  const [beta70, perWorker70] = await widget.evaluate((el) => el.probe('point'));
  assert.ok(Math.abs(beta70 - 0.7) < 1e-12);
  const ratio = perWorker70 / perWorker40;
  assert.ok(Math.abs(ratio - 2) < 0.1, `output per worker ×${ratio}`);
  assert.match(await shadowText(widget, '.readouts'), /×2\.0\d/);
  await page.context().close();
});

test('selecting three rows of the scenario table changes the plot and the symbols shown', async () => {
  const page = await open();
  const widget = await waitDrawn(page, '#scenarios');
  const ids = await rowIds(widget);
  assert.equal(ids.length, 27, 'every row of the tables, and the HS halves of three §5.2 rows');
  const seen = new Set();
  let previous = (await canvasStats(widget)).hash;
  for (const id of ['ps-land-hanson', 'tech-high-feedback', 'tasks-ls-asymptotic']) {
    await afterRender(widget, () => widget.locator(`tbody tr[data-id="${id}"]`).click());
    const hash = (await canvasStats(widget)).hash;
    assert.notEqual(hash, previous, `${id} changes the plot`);
    previous = hash;
    assert.equal(await widget.locator(`tbody tr[data-id="${id}"]`).getAttribute('aria-selected'), 'true');
    const readouts = await shadowText(widget, '.readouts');
    seen.add(readouts);
    const paper = await widget.evaluate((el, rowId) => el.shadowRoot.querySelector(`tr[data-id="${rowId}"] td:nth-child(4)`).textContent, id);
    assert.ok(readouts.includes(`Paper${paper}`), `${id}: readouts show the paper's ${paper}`);
    assert.match(readouts, new RegExp(`Simulated${paper.replace(/[+]/g, '\\+')}`), `${id}: simulated symbols match and are shown`);
  }
  assert.equal(seen.size, 3);
  // The row's parameters are the ones its label covers, and editing one re-runs it.
  const visible = await widget.evaluate((el) => [...el.shadowRoot.querySelectorAll('.control:not([hidden]) input[type=range]')].map((i) => i.dataset.param));
  assert.deepEqual(visible.sort(), ['rho', 'years']);
  await page.context().close();
});

test('rows are chosen from the keyboard and sorted by table', async () => {
  const page = await open();
  const widget = await waitDrawn(page, '#scenarios');
  await widget.locator('tbody tr[data-id="savings-decrease"]').focus();
  await afterRender(widget, () => page.keyboard.press('Enter'));
  assert.equal(await widget.locator('tbody tr[data-id="savings-decrease"]').getAttribute('aria-selected'), 'true');
  await widget.locator('th button', { hasText: 'Table' }).click();
  const tables = await widget.evaluate((el) => [...el.shadowRoot.querySelectorAll('tbody tr td:first-child')].map((td) => td.textContent));
  assert.deepEqual(tables, [...tables].sort((a, b) => a.localeCompare(b)));
  assert.equal(await widget.locator('th').first().getAttribute('aria-sort'), 'ascending');
  await page.context().close();
});

test('the robotics rows are simulated, and a symbol they do not reproduce is shown as a mismatch with its reason', async () => {
  const page = await open();
  const widget = await waitDrawn(page, '#scenarios');
  await afterRender(widget, () => widget.locator('tbody tr[data-id="robotics-hs-ls"]').click());
  assert.match(await shadowText(widget, 'tbody tr[data-id="robotics-hs-ls"] td:last-child'), /⚠ = · C · C/);
  assert.match(await widget.locator('tbody tr[data-id="robotics-hs-ls"] td:last-child').getAttribute('class'), /mismatch/);
  assert.match(await shadowText(widget, '.readouts'), /Paper\+ · C · C/);
  assert.match(await shadowText(widget, '.description'), /Mismatch \(growth: =\): With constant returns and people necessary for robots/);
  const visible = await widget.evaluate((el) => [...el.shadowRoot.querySelectorAll('.control:not([hidden]) input[type=range]')].map((i) => i.dataset.param));
  assert.deepEqual(visible.sort(), ['rho_R', 'years']);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('scenario="…" embeds a single row, and an unknown id is named with the valid ones', async () => {
  const page = await open();
  const widget = await waitDrawn(page, '#one-row');
  assert.deepEqual(await rowIds(widget), ['ps-land-hanson']);
  assert.match(await shadowText(widget, '.readouts'), /Paper\+\+ · →0 · →0/);
  await widget.evaluate((el) => el.setAttribute('scenario', 'no-such-row'));
  await page.waitForFunction((el) => el.shadowRoot.querySelector('.errors').textContent.length > 0, await widget.elementHandle());
  const message = await shadowText(widget, '.errors');
  assert.match(message, /scenario="no-such-row" is not a row of the tables; one of: hs-consumption, /);
  assert.deepEqual(await rowIds(widget), ['ps-land-hanson'], 'keeps showing the last valid row');
  await page.context().close();
});

test('the type II path reaches its asymptote at twice the first doubling time', async () => {
  const page = await open();
  const widget = await waitDrawn(page, '#growth-regimes');
  for (const d of [10, 35, 45]) {
    await afterRender(widget, () => widget.evaluate((el, v) => { el.first_doubling = v; }, d));
    const [tLast, lnLast, gLast, blowup] = await widget.evaluate((el) => el.probe('type-ii'));
    assert.equal(blowup, 2 * d);
    assert.ok(tLast < 2 * d && 2 * d - tLast < 1e-3 * d, `last sample ${tLast} just before 2d = ${2 * d}`);
    assert.ok(gLast > 1000 / d && lnLast > 10, `growth ${gLast}/yr and ln Y ${lnLast} explode there`);
    assert.match(await shadowText(widget, '.readouts'), new RegExp(`Type II infinite atyear ${2 * d}`));
  }
  const crossings = await widget.evaluate((el) => el.probe('crossings'));
  assert.ok(Number.isNaN(crossings[0]), 'constant 2 % growth never crosses 12 %');
  assert.equal(crossings[1], 20);
  await page.context().close();
});

test('the gross-complements preset: making labor more productive lowers the wage', async () => {
  const page = await open();
  const widget = await waitDrawn(page, '#production');
  await afterRender(widget, () => widget.locator('button[data-preset="gross-complements"]').click());
  const [, wage, , capitalShare, laborShare, wageAtBOne] = await widget.evaluate((el) => el.probe('point'));
  assert.ok(wage < wageAtBOne, `wage ${wage} below ${wageAtBOne} at B = 1`);
  assert.ok(Math.abs(capitalShare + laborShare - 1) < 1e-12);
  // Closed form: ρ = −2, α = ½, K = L = A = 1, B = 2 → Y = (½ + ½·¼)^(−½), w = B(1−α)(Y/B)^3.
  const Y = (0.5 + 0.5 * 0.25) ** -0.5;
  assert.ok(Math.abs(wage - 2 * 0.5 * (Y / 2) ** 3) < 1e-12);
  assert.match(await shadowText(widget, '.description'), /lowers the wage from 0\.5 to 0\.253/);
  await page.context().close();
});
