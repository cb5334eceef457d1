// Accessible for real (issue 18): axe-core inside every widget's shadow tree and on every page,
// the theme's contrast in both schemes, the live description's announcements, the figure's and
// the drag point's names and values, the table as one tab stop with its selection exposed, and
// screenshots of every kind in light, dark and forced colours for review.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from '../scripts/lib.mjs';
import { artifacts, newPage, useBrowser, waitDrawn } from './helpers.mjs';

const KINDS = JSON.parse(readFileSync(join(root, 'www', 'dist', 'kinds.json'), 'utf8'));
const THEME = JSON.parse(readFileSync(join(root, 'www', 'dist', 'element.json'), 'utf8')).theme;
const AXE = readFileSync(join(root, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const env = useBrowser();

/** axe-core's violations on the page (it walks open shadow roots itself), of any impact. */
async function axe(page) {
  await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(' > ')}: ${n.failureSummary}`) }));
  });
  return violations;
}

const report = (violations) => violations.map((v) => `${v.impact} ${v.id}: ${v.help}\n    ${v.nodes.join('\n    ')}`).join('\n');

async function openKinds(options = {}) {
  const page = await newPage(env.browser, options);
  await page.goto(env.server.url('/tests/fixtures/kinds.html'));
  for (const { kind } of KINDS) await waitDrawn(page, `#${kind}`);
  return page;
}

// ---- axe-core ----------------------------------------------------------------------------------

for (const colorScheme of ['light', 'dark']) {
  test(`axe-core finds no violation in any kind (${colorScheme})`, async () => {
    const page = await openKinds({ colorScheme });
    const violations = await axe(page);
    assert.deepEqual(violations, [], report(violations));
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
}

const PAGES = [
  ['episode page', '/www/index.html'],
  ['transcript', '/www/transcript.html'],
  ['guide', '/www/guide.html'],
  ['deck', '/www/slides/index.html'],
];

for (const [name, path] of PAGES) {
  test(`axe-core finds no violation on the ${name}`, { skip: !existsSync(join(root, path)) && `${path} is not built` }, async () => {
    for (const colorScheme of ['light', 'dark']) {
      const page = await newPage(env.browser, { colorScheme });
      await page.goto(env.server.url(path));
      await page.waitForLoadState('networkidle');
      // The first widget has drawn (the others may wait for scrolling or their slide, by design).
      if (await page.locator('growth-widget').count()) await page.waitForFunction(() => document.querySelector('growth-widget').shadowRoot?.querySelector('.status')?.hidden, null, { timeout: 15000 }).catch(() => {});
      const violations = await axe(page);
      assert.deepEqual(violations, [], `${name} (${colorScheme}):\n${report(violations)}`);
      await page.context().close();
    }
  });
}

test('axe-core finds no violation in the deck opened from file://', async () => {
  const page = await newPage(env.browser);
  await page.goto(pathToFileURL(join(root, 'www', 'slides', 'index.html')).href);
  await page.waitForLoadState('load');
  const violations = await axe(page);
  assert.deepEqual(violations, [], report(violations));
  await page.context().close();
});

// ---- contrast ----------------------------------------------------------------------------------

function luminance(hex) {
  const channel = (i) => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

function contrast(a, b) {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

test('every theme colour for text reaches 4.5:1 and for marks 3:1 against the background, in both schemes', () => {
  // Text (the figure's and the canvas's labels, series labels drawn in their own colour),
  // marks (borders of fields and buttons). `grid` is the one faint colour: grid lines, the
  // figure's frame and the selected row's background carry no information (the guide says so).
  const text = ['fg', 'muted', 'accent', 'error', 'series-1', 'series-2', 'series-3', 'series-4'];
  const marks = ['border'];
  const colours = THEME.filter((p) => p.light.startsWith('#')).map((p) => p.name);
  for (const name of colours) assert.ok([...text, ...marks, 'bg', 'grid'].includes(name), `${name} is classified as text, mark or faint`);
  const failures = [];
  for (const scheme of ['light', 'dark']) {
    const of = (name) => THEME.find((p) => p.name === name)[scheme];
    const bg = of('bg');
    for (const [names, minimum] of [[text, 4.5], [marks, 3]]) {
      for (const name of names) {
        const ratio = contrast(of(name), bg);
        if (ratio < minimum) failures.push(`${scheme} ${name} ${of(name)} on ${bg}: ${ratio.toFixed(2)} < ${minimum}`);
      }
    }
  }
  assert.deepEqual(failures, []);
});

// ---- the live description ------------------------------------------------------------------------

/** Counts rewrites of `widget`'s live description from now on (read with `takeCount`). */
async function countAnnouncements(widget) {
  await widget.evaluate((el) => {
    const live = el.shadowRoot.querySelector('[aria-live]');
    el.announcements = [];
    el.liveObserver?.disconnect();
    el.liveObserver = new MutationObserver(() => el.announcements.push(live.textContent));
    el.liveObserver.observe(live, { childList: true, characterData: true, subtree: true });
  });
}

const announcements = (widget) => widget.evaluate((el) => el.announcements.length);

test('the live description is announced once per committed change, never when unchanged', async () => {
  const page = await openKinds();
  const widget = page.locator('#elasticity');
  const slider = widget.locator('input[type=range]').first();
  await countAnnouncements(widget);
  await slider.focus();
  for (let i = 0; i < 20; i++) await slider.press('ArrowRight');
  await page.waitForTimeout(900);
  assert.equal(await announcements(widget), 1, '20 key presses on a slider: one announcement once they pause');

  await countAnnouncements(widget);
  await widget.locator('.presets button').first().click();
  await page.waitForTimeout(100);
  assert.equal(await announcements(widget), 1, 'a preset: one announcement at once');
  await page.waitForTimeout(700);
  assert.equal(await announcements(widget), 1, 'and no second one');

  // An attribute set to the value already shown changes nothing to say.
  await countAnnouncements(widget);
  const rho = await widget.evaluate((el) => el.values.rho);
  await widget.evaluate((el, v) => el.setAttribute('rho', String(v)), rho);
  await page.waitForTimeout(700);
  assert.equal(await announcements(widget), 0, 'an unchanged description is not rewritten');

  // The drag point's keys, like a slider's, are announced once they pause.
  await countAnnouncements(widget);
  await widget.locator('canvas').focus();
  for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowUp');
  await page.waitForTimeout(900);
  assert.equal(await announcements(widget), 1, 'ten arrow keys on the point: one announcement');
  await page.context().close();
});

// ---- names, roles, values ------------------------------------------------------------------------

/** The page's accessibility tree as Chromium exposes it. */
async function axTree(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  return nodes.filter((n) => !n.ignored).map((n) => ({
    role: n.role?.value,
    name: n.name?.value ?? '',
    description: n.description?.value ?? '',
    value: n.value?.value,
    properties: Object.fromEntries((n.properties ?? []).map((p) => [p.name, p.value?.value])),
  }));
}

test('each figure is named by its title and described by the live description', async () => {
  const page = await openKinds();
  const tree = await axTree(page);
  for (const spec of KINDS) {
    const figure = tree.find((n) => n.role === 'figure' && n.name === spec.title);
    assert.ok(figure, `a figure named "${spec.title}"`);
    const text = await page.locator(`#${spec.kind}`).evaluate((el) => el.shadowRoot.querySelector('.description').textContent);
    assert.ok(text.length > 40, `${spec.kind} has a description`);
    assert.equal(figure.description, text, `${spec.kind}'s figure is described by its live description`);
  }
  await page.context().close();
});

test('the drag point is a slider whose value text says both values, updated as it moves', async () => {
  const page = await openKinds();
  const widget = page.locator('#elasticity');
  const canvas = widget.locator('canvas');
  assert.equal(await canvas.getAttribute('role'), 'slider');
  assert.equal(await canvas.getAttribute('tabindex'), '0');
  assert.equal(await canvas.getAttribute('aria-roledescription'), 'draggable point');
  assert.equal(await canvas.getAttribute('aria-valuetext'), 'K = 2, L = 1.5');
  assert.equal(await canvas.getAttribute('aria-valuenow'), '2');
  const tree = await axTree(page);
  const point = tree.find((n) => n.role === 'slider' && n.name.startsWith(KINDS.find((k) => k.kind === 'elasticity').title));
  assert.ok(point, 'the point is exposed as a slider named with the figure’s summary');
  assert.match(point.name, /arrow keys/);
  await canvas.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowUp');
  assert.equal(await canvas.getAttribute('aria-valuetext'), 'K = 2.01, L = 1.51');
  assert.equal(await canvas.getAttribute('aria-valuenow'), '2.01');
  // A kind without a point keeps a picture's role and no tab stop.
  for (const spec of KINDS) {
    const other = page.locator(`#${spec.kind} canvas`);
    if ((await other.getAttribute('role')) === 'img') assert.equal(await other.getAttribute('tabindex'), null, spec.kind);
  }
  await page.context().close();
});

test('every slider and number field speaks its value with its unit, from the declarations', async () => {
  const page = await openKinds();
  for (const spec of KINDS) {
    const widget = page.locator(`#${spec.kind}`);
    const fields = await widget.evaluate((el) => [...el.shadowRoot.querySelectorAll('input[type=range], input[type=number]')].map((i) => ({ param: i.dataset.param, text: i.getAttribute('aria-valuetext') })));
    for (const { param, text } of fields) {
      const p = spec.params.find((q) => q.name === param);
      assert.ok(text, `${spec.kind}.${param} has a value text`);
      if (p.unit.trim() === '/yr') assert.match(text, / % a year$/, `${spec.kind}.${param}`);
      if (p.unit.trim() === 'yr') assert.match(text, / years?$/, `${spec.kind}.${param}`);
      if (p.symbol && p.symbol !== '×') assert.ok(text.startsWith(`${p.symbol} = `), `${spec.kind}.${param}: ${text}`);
    }
    // Units are shown on screen too.
    const units = await widget.evaluate((el) => [...el.shadowRoot.querySelectorAll('.unit')].map((u) => u.textContent));
    assert.equal(units.length, spec.params.filter((p) => p.unit.trim() && !p.toggle).length, `${spec.kind} shows its units`);
  }
  // The φ slider keeps its help text and reads its marks as "label at value".
  const phi = page.locator('#research-feedback input[type=range][data-param="phi"]');
  const described = await phi.evaluate((i) => i.getAttribute('aria-describedby').split(' ').map((id) => i.getRootNode().getElementById(id).textContent).join(' '));
  const help = KINDS.find((k) => k.kind === 'research-feedback').params.find((p) => p.name === 'phi').help;
  assert.ok(described.startsWith(help), described);
  assert.match(described, /Bloom et al\. 2020 at −2\.1/);
  assert.doesNotMatch(described, /−2\.1 at -2\.1/);
  await page.context().close();
});

test('Play keeps its name and says whether it is pressed; Copy tag is named by its text', async () => {
  const page = await openKinds();
  const play = page.locator('growth-widget [data-action="play"]').first();
  assert.equal(await play.getAttribute('aria-pressed'), 'false');
  const name = (await play.textContent()).trim();
  await play.click();
  assert.equal(await play.getAttribute('aria-pressed'), 'true');
  assert.equal((await play.textContent()).replace('❚❚', '▶').trim(), name);
  await play.click();
  assert.equal(await play.getAttribute('aria-pressed'), 'false');
  const copy = page.locator('#elasticity [data-action="copy-tag"]');
  assert.ok((await copy.getAttribute('aria-label')).startsWith(await copy.textContent()));
  await page.context().close();
});

// ---- the table -----------------------------------------------------------------------------------

const TABLE_KINDS = KINDS.filter((spec) => spec.initial.table);

test('the table is one tab stop with arrow keys, exposes its selection and keeps focus on sorting', { skip: !TABLE_KINDS.length && 'no kind has a table' }, async () => {
  const page = await openKinds();
  const widget = page.locator(`#${TABLE_KINDS[0].kind}`);
  const grid = widget.locator('table');
  assert.equal(await grid.getAttribute('role'), 'grid');
  const stops = () => widget.evaluate((el) => [...el.shadowRoot.querySelectorAll('tbody tr')].filter((tr) => tr.tabIndex === 0).map((tr) => tr.dataset.id));
  const selected = () => widget.evaluate((el) => [...el.shadowRoot.querySelectorAll('tbody tr[aria-selected="true"]')].map((tr) => tr.dataset.id));
  const focusedRow = () => widget.evaluate((el) => el.shadowRoot.activeElement?.closest?.('tr')?.dataset.id ?? null);
  assert.equal((await stops()).length, 1, 'one row is the tab stop');
  assert.equal((await selected()).length, 1, 'one row is selected');
  assert.deepEqual(await stops(), await selected(), 'the tab stop starts on the selected row');

  // Tab reaches the row, Tab again leaves the table (not the next row).
  const rows = widget.locator('tbody tr');
  await rows.nth(0).evaluate((tr) => [...tr.closest('table').querySelectorAll('thead button')].at(-1).focus());
  await page.keyboard.press('Tab');
  const first = await focusedRow();
  assert.deepEqual([first], await stops());
  await page.keyboard.press('ArrowDown');
  const second = await focusedRow();
  assert.notEqual(second, first, 'ArrowDown moves to the next row');
  assert.deepEqual(await stops(), [second], 'the tab stop follows focus');
  await page.keyboard.press('Home');
  const top = await rows.nth(0).getAttribute('data-id');
  assert.equal(await focusedRow(), top);
  await page.keyboard.press('End');
  const last = await rows.nth((await rows.count()) - 1).getAttribute('data-id');
  assert.equal(await focusedRow(), last);
  await page.keyboard.press('Tab');
  assert.equal(await widget.evaluate((el) => el.shadowRoot.activeElement?.closest?.('tbody') ?? null), null, 'Tab leaves the table');

  // Enter chooses the focused row: it becomes the selected one, in place, and keeps focus.
  await rows.nth(2).focus();
  const chosen = await rows.nth(2).getAttribute('data-id');
  const node = await rows.nth(2).elementHandle();
  await page.keyboard.press('Enter');
  await page.waitForFunction(([el, id]) => el.shadowRoot.querySelector(`tbody tr[data-id="${id}"]`).getAttribute('aria-selected') === 'true', [await widget.elementHandle(), chosen]);
  assert.deepEqual(await selected(), [chosen]);
  assert.equal(await node.evaluate((tr) => tr.isConnected), true, 'the row was updated in place, not rebuilt');
  assert.equal(await focusedRow(), chosen, 'focus stays on the chosen row');

  // Sorting with the keyboard keeps focus on the sort button.
  const sort = widget.locator('thead button').first();
  await sort.focus();
  await page.keyboard.press('Enter');
  assert.equal(await sort.evaluate((b) => b.getRootNode().activeElement === b), true, 'focus stays on the sort button (Enter)');
  assert.equal(await sort.evaluate((b) => b.closest('th').getAttribute('aria-sort')), 'ascending');
  await page.keyboard.press(' ');
  assert.equal(await sort.evaluate((b) => b.getRootNode().activeElement === b), true, 'focus stays on the sort button (Space)');
  assert.equal(await sort.evaluate((b) => b.closest('th').getAttribute('aria-sort')), 'descending');

  // A slider step updates the rows in place.
  await widget.evaluate((el) => (el.firstRow = el.shadowRoot.querySelector('tbody tr')));
  const slider = widget.locator('input[type=range]').first();
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(200);
  assert.equal(await widget.evaluate((el) => el.firstRow.isConnected), true, 'rows are not rebuilt on a slider step');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

// ---- screenshots ---------------------------------------------------------------------------------

test('screenshots of every kind in light, dark and forced colours', async () => {
  for (const [mode, options] of [['light', { colorScheme: 'light' }], ['dark', { colorScheme: 'dark' }], ['forced', { colorScheme: 'dark', forcedColors: 'active' }]]) {
    const page = await openKinds(options);
    if (mode === 'forced') await page.emulateMedia({ forcedColors: 'active' });
    for (const { kind } of KINDS) {
      const widget = page.locator(`#${kind}`);
      await widget.scrollIntoViewIfNeeded();
      await page.waitForTimeout(100);
      await widget.screenshot({ path: join(artifacts, `a11y-${kind}-${mode}.png`) });
    }
    if (mode === 'forced') {
      // The canvas is drawn in the system's colours, resolved to rgb().
      const bg = await page.locator(`#${KINDS[0].kind}`).evaluate((el) => {
        const c = el.shadowRoot.querySelector('canvas');
        const [r, g, b] = c.getContext('2d').getImageData(2, 2, 1, 1).data;
        return [r, g, b];
      });
      const canvasColour = await page.evaluate(() => {
        const probe = document.createElement('span');
        probe.style.cssText = 'color: Canvas; forced-color-adjust: none';
        document.body.append(probe);
        const m = getComputedStyle(probe).color.match(/\d+/g).slice(0, 3).map(Number);
        probe.remove();
        return m;
      });
      assert.deepEqual(bg, canvasColour, 'the canvas background is the system Canvas colour');
    }
    await page.context().close();
  }
});
