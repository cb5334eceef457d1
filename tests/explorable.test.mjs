// Explorable pages: widgets linked by `group`, live numbers in the prose (<growth-value>,
// <growth-text>), and links that keep the state (the address's fragment).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { newPage, useBrowser, waitDrawn } from './helpers.mjs';
import { root } from '../scripts/lib.mjs';

const env = useBrowser();
const FIXTURE = '/tests/fixtures/explorable.html';

/** Text a person sees in a companion (its visible span). */
const shown = (page, id) => page.evaluate((id) => document.getElementById(id).shadowRoot.querySelector('[part=value]').textContent, id);
const values = (page, id) => page.evaluate((id) => document.getElementById(id).values, id);

async function open(path = FIXTURE, options) {
  const page = await newPage(env.browser, options);
  page.warnings = [];
  page.on('console', (m) => m.type() === 'warning' && page.warnings.push(m.text()));
  await page.goto(env.server.url(path));
  await waitDrawn(page, '#prod');
  await waitDrawn(page, '#elast');
  return page;
}

test('grouped widgets of different kinds move together: a slider drag and a property set', async () => {
  const page = await open();
  // A drag on production's ρ slider moves elasticity's ρ (and the off-screen task widget's once it starts).
  const slider = page.locator('#prod input[type=range][data-param="rho"]');
  await slider.scrollIntoViewIfNeeded();
  const box = await slider.boundingBox();
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + box.width * (0.5 - i * 0.03), box.y + box.height / 2);
  await page.mouse.up();
  const dragged = (await values(page, 'prod')).rho;
  assert.ok(dragged < -1.5, `the drag moved production's ρ (${dragged})`);
  await page.waitForFunction((v) => document.getElementById('elast').values.rho === v, dragged);
  // The elasticity widget's own slider shows the shared value.
  assert.equal(Number(await page.locator('#elast input[type=number][data-param="rho"]').inputValue()), dragged);
  // A property set on the other member moves the first.
  await page.evaluate(() => (document.getElementById('elast').rho = 0.25));
  await page.waitForFunction(() => document.getElementById('prod').values.rho === 0.25);
  // A widget outside the group is untouched.
  await page.locator('#alone').scrollIntoViewIfNeeded();
  await waitDrawn(page, '#alone');
  assert.equal((await values(page, 'alone')).rho, -0.5);
  // The task widget joins late (it starts when scrolled near) and takes the group's ρ.
  await page.locator('#tasks').scrollIntoViewIfNeeded();
  await waitDrawn(page, '#tasks');
  assert.equal((await values(page, 'tasks')).rho, 0.25);
  // el.group joins a widget to a group: it takes the group's values, then moves with it.
  await page.evaluate(() => (document.getElementById('alone').group = 's1'));
  await page.waitForFunction(() => document.getElementById('alone').values.rho === 0.25);
  await page.evaluate(() => (document.getElementById('alone').group = null));
  await page.evaluate(() => (document.getElementById('prod').rho = 0.5));
  await page.waitForFunction(() => document.getElementById('elast').values.rho === 0.5);
  assert.equal((await values(page, 'alone')).rho, 0.25, 'a widget that left the group stays');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a linked value outside a member\'s range is clamped there, and the member says so', async () => {
  const page = await open();
  await page.locator('#tasks').scrollIntoViewIfNeeded();
  await waitDrawn(page, '#tasks');
  const changes = await page.evaluate(() => {
    const seen = [];
    for (const id of ['prod', 'elast', 'tasks']) document.getElementById(id).addEventListener('growth-change', () => seen.push(id));
    window.seen = seen;
  });
  // Task automation's ρ reaches −20; production and elasticity stop at −5.
  await page.evaluate(() => (document.getElementById('tasks').rho = -12));
  await page.waitForFunction(() => document.getElementById('prod').values.rho === -5);
  assert.equal((await values(page, 'elast')).rho, -5);
  const notice = await page.evaluate(() => document.getElementById('prod').shadowRoot.querySelector('.errors').textContent);
  assert.match(notice, /rho="-12" from group "s1" is outside this diagram's range; valid range −5 to 1\. Showing rho = -5 instead\./);
  // Back in range: the notice goes, and the clamped value was never passed on.
  await page.evaluate(() => (document.getElementById('tasks').rho = -2));
  await page.waitForFunction(() => document.getElementById('prod').values.rho === -2);
  assert.equal(await page.evaluate(() => document.getElementById('prod').shadowRoot.querySelector('.errors').textContent), '');
  assert.equal((await values(page, 'tasks')).rho, -2);
  assert.ok((await page.evaluate(() => window.seen)).includes('prod'), 'linked members fire growth-change');
  void changes;
  await page.context().close();
});

test('twenty linked widgets: one change draws each member once, and linking never loops', async () => {
  const page = await newPage(env.browser);
  await page.goto(env.server.url('/tests/fixtures/plain.html'));
  await page.evaluate(() => {
    const stage = document.getElementById('stage');
    for (let i = 0; i < 20; i++) {
      const w = document.createElement('growth-widget');
      w.id = `m${i}`;
      w.setAttribute('kind', i % 2 ? 'elasticity' : 'production');
      w.setAttribute('group', 'many');
      w.setAttribute('height', '160');
      w.setAttribute('controls', 'none');
      stage.append(w);
    }
  });
  await page.evaluate(() => Promise.all([...document.querySelectorAll('growth-widget')].map((w) => w.renderNow())));
  const counts = await page.evaluate(async () => {
    const widgets = [...document.querySelectorAll('growth-widget')];
    const renders = new Map(widgets.map((w) => [w.id, 0]));
    const changes = new Map(widgets.map((w) => [w.id, 0]));
    for (const w of widgets) {
      w.addEventListener('growth-render', () => renders.set(w.id, renders.get(w.id) + 1));
      w.addEventListener('growth-change', () => changes.set(w.id, changes.get(w.id) + 1));
    }
    widgets[0].adjust('rho', -50);
    // Two frames: the members draw in the first.
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    await new Promise((r) => setTimeout(r, 300));
    return { renders: [...renders.values()], changes: [...changes.values()], rho: widgets.map((w) => w.values.rho) };
  });
  assert.ok(counts.renders.every((n) => n === 1), `each member drew once: ${counts.renders}`);
  assert.ok(counts.changes.every((n) => n === 1), `each member fired one growth-change: ${counts.changes}`);
  assert.ok(counts.rho.every((v) => Math.abs(v - counts.rho[0]) < 1e-12), `all agree: ${counts.rho}`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('growth-value follows its widget; a dragged adjustable value moves it; growth-text speaks its words', async () => {
  const page = await open();
  await page.waitForFunction(() => document.getElementById('wage').shadowRoot.textContent.includes('0.32'));
  assert.equal(await shown(page, 'wage'), '0.32');
  assert.equal(await shown(page, 'share'), '60%');
  assert.match(await shown(page, 'words'), /^ρ = −1 \(elasticity of substitution ε = 0\.5\)/);
  // Moving the widget moves the prose.
  await page.evaluate(() => (document.getElementById('prod').rho = 0.5));
  await page.waitForFunction(() => document.getElementById('share').shadowRoot.querySelector('[part=value]').textContent !== '60%');
  const share = await shown(page, 'share');
  assert.match(share, /^\d+(\.\d+)?%$/);
  // The live region is written on commit only: a property write is spoken once it pauses.
  const spoken = () => page.evaluate(() => document.getElementById('share').shadowRoot.querySelector('.visually-hidden').textContent);
  await page.waitForFunction((s) => document.getElementById('share').shadowRoot.querySelector('.visually-hidden').textContent === s, share, { timeout: 3000 });
  // The adjustable value is a slider: drag it right and the widget's ρ rises.
  const value = page.locator('#rho-value');
  assert.equal(await value.getAttribute('role'), 'slider');
  assert.equal(await value.getAttribute('aria-valuemin'), '-5');
  assert.equal(await value.getAttribute('aria-valuemax'), '1');
  await page.evaluate(() => (document.getElementById('prod').rho = -1));
  await page.waitForFunction(() => document.getElementById('rho-value').getAttribute('aria-valuenow') === '-1');
  await value.scrollIntoViewIfNeeded();
  const box = await value.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  const during = [];
  for (let i = 1; i <= 5; i++) {
    await page.mouse.move(box.x + box.width / 2 + i * 10, box.y + box.height / 2);
    during.push(await spoken());
  }
  await page.mouse.up();
  const rho = (await values(page, 'prod')).rho;
  assert.ok(Math.abs(rho - (-1 + (50 / 300) * 6)) < 0.011, `50 px of a 300 px span of −5…1 moved ρ from −1 to ${rho}`);
  assert.equal(new Set(during).size, 1, 'nothing is announced while the drag continues');
  await page.waitForFunction((r) => document.getElementById('elast').values.rho === r, rho);
  // Keys: → steps by the parameter's step, End goes to its maximum.
  await value.focus();
  await page.keyboard.press('ArrowLeft');
  assert.ok(Math.abs((await values(page, 'prod')).rho - (rho - 0.01)) < 1e-9);
  await page.keyboard.press('End');
  assert.equal((await values(page, 'prod')).rho, 1);
  assert.equal(await value.getAttribute('aria-valuetext'), '1');
  await page.context().close();
});

test('a wrong for or name shows a readable placeholder with the error, once in the console', async () => {
  const page = await open();
  await page.waitForFunction(() => document.getElementById('broken').shadowRoot.textContent.startsWith('['));
  assert.equal(await shown(page, 'broken'), '[growth-value for="nowhere": no <growth-widget id="nowhere"> on this page]');
  await page.waitForFunction(() => document.getElementById('badname').shadowRoot.textContent.startsWith('['));
  assert.match(await shown(page, 'badname'), /^\[growth-value for="prod": name="wages" is not a value of kind="production"; one of: K, L, A, B, rho, alpha, Y, wage, .*description\.\]$/);
  assert.equal(page.warnings.filter((w) => w.includes('nowhere')).length, 1);
  await page.context().close();
});

test('a copied link restores three widgets in a fresh page; Back steps only with history="push"', async () => {
  const page = await open();
  await page.locator('#tasks').scrollIntoViewIfNeeded();
  await waitDrawn(page, '#tasks');
  await page.locator('#alone').scrollIntoViewIfNeeded();
  await waitDrawn(page, '#alone');
  await page.evaluate(() => {
    document.getElementById('prod').adjust('rho', 37); // −1 + 0.37: the group follows
    document.getElementById('tasks').adjust('beta', 12);
    document.getElementById('alone').adjust('rho', -130);
  });
  const entries = await page.evaluate(() => history.length);
  const before = await page.evaluate(() => ['prod', 'elast', 'tasks', 'alone'].map((id) => document.getElementById(id).values));
  const link = await page.evaluate(() => document.getElementById('alone').link);
  assert.match(link, /#.*prod:.*rho=-0\.63/);
  // The address followed without adding history entries.
  await page.waitForFunction((l) => location.href === l, link);
  assert.equal(await page.evaluate(() => history.length), entries);
  // The Copy link action is beside Copy tag.
  const labels = await page.evaluate(() => [...document.getElementById('prod').shadowRoot.querySelectorAll('.actions button')].map((b) => b.textContent.trim()));
  assert.deepEqual(labels.slice(-2), ['Copy tag', 'Copy link']);
  await page.context().close();

  const fresh = await newPage(env.browser);
  await fresh.goto(link);
  for (const id of ['prod', 'elast', 'tasks', 'alone']) {
    await fresh.locator(`#${id}`).scrollIntoViewIfNeeded();
    await waitDrawn(fresh, `#${id}`);
  }
  const after = await fresh.evaluate(() => ['prod', 'elast', 'tasks', 'alone'].map((id) => document.getElementById(id).values));
  for (let i = 0; i < 4; i++) for (const [k, v] of Object.entries(before[i])) assert.ok(Math.abs(after[i][k] - v) < 1e-9, `${i}.${k}: ${after[i][k]} vs ${v}`);
  assert.deepEqual(fresh.problems, []);

  // history="push": each committed change is an entry, and Back restores the previous state.
  await fresh.evaluate(() => document.getElementById('alone').setAttribute('history', 'push'));
  const length = await fresh.evaluate(() => history.length);
  await fresh.evaluate(() => document.getElementById('alone').adjust('rho', 20));
  await fresh.evaluate(() => document.getElementById('alone').adjust('rho', 20));
  assert.equal(await fresh.evaluate(() => history.length), length + 2);
  const second = (await values(fresh, 'alone')).rho;
  await fresh.goBack();
  await fresh.waitForFunction((v) => Math.abs(document.getElementById('alone').values.rho - v) < 1e-9, second - 0.2);
  await fresh.context().close();
});

test('a hostile or stale fragment is inert: ignored with one warning naming each problem', async () => {
  const page = await newPage(env.browser);
  const warnings = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await page.addInitScript(() => {
    window.alerts = 0;
    window.alert = () => window.alerts++;
  });
  await page.goto(env.server.url(`${FIXTURE}#x:rho=<img src=x onerror=alert(1)>;prod:rho=<img src=x onerror=alert(1)>,zeta=1,alpha=0.3;elast:rho=99;junk`));
  await waitDrawn(page, '#prod');
  await waitDrawn(page, '#elast');
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => document.querySelectorAll('img').length), 0);
  assert.equal(await page.evaluate(() => window.alerts), 0);
  const state = warnings.filter((w) => w.startsWith('growth-widget: parts of the address'));
  assert.equal(state.length, 1, warnings.join('\n'));
  for (const part of ['no <growth-widget> with id="x"', 'prod: rho="<img src=x onerror=alert(1)>" is not a number', 'prod: zeta="1" is not a parameter', 'elast: rho="99" is out of range', '"junk" is not id:name=value']) {
    assert.ok(state[0].includes(part), `${part} in ${state[0]}`);
  }
  // The valid part still applies; the page loads.
  assert.equal((await values(page, 'prod')).alpha, 0.3);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('linked widgets and prose numbers work under the strict CSP and from file://', async () => {
  const page = await newPage(env.browser);
  await page.goto(pathToFileURL(join(root, 'tests', 'fixtures', 'explorable-inline.html')).href);
  await waitDrawn(page, '#a');
  await waitDrawn(page, '#b');
  await page.evaluate(() => (document.getElementById('a').rho = -2));
  await page.waitForFunction(() => document.getElementById('b').values.rho === -2);
  await page.waitForFunction(() => document.getElementById('v').shadowRoot.textContent.startsWith('−2'));
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('on the deck: a value on the slide follows its widget, and the linked widget on the previous slide agrees when shown', async () => {
  const page = await newPage(env.browser, { viewport: { width: 1280, height: 800 } });
  await page.goto(`${pathToFileURL(join(root, 'www', 'slides', 'index.html')).href}#/3`);
  await page.waitForFunction(() => window.Reveal?.isReady());
  await waitDrawn(page, '#deck-elasticity');
  const value = page.locator('section.present growth-value[name="rho"]');
  await page.waitForFunction(() => document.querySelector('section.present growth-value[name="rho"]').getAttribute('aria-valuenow') !== null);
  await value.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  const rho = (await values(page, 'deck-elasticity')).rho;
  assert.ok(Math.abs(rho - (-0.5 + 0.05)) < 1e-9, `five steps moved ρ to ${rho}`);
  // The production widget on the previous slide never started while hidden; shown, it takes the group's ρ.
  assert.equal(await page.evaluate(() => document.getElementById('deck-production').values), null);
  assert.match(await page.evaluate(() => location.hash), /^#\/3/, 'the arrow keys stayed in the value');
  await page.evaluate(() => Reveal.prev());
  await waitDrawn(page, '#deck-production');
  assert.ok(Math.abs((await values(page, 'deck-production')).rho - rho) < 1e-12);
  // The deck's own address (#/2) is left alone: these widgets keep no state there, and offer no link.
  const actions = await page.evaluate(() => [...document.getElementById('deck-production').shadowRoot.querySelectorAll('.actions button')].map((b) => b.textContent.trim()));
  assert.ok(!actions.includes('Copy link') && actions.includes('Copy tag'), actions.join(', '));
  await page.waitForFunction(() => /^#\/2/.test(location.hash));
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a group starts from its first member in document order, whichever member starts first', async () => {
  for (const order of ['', '#second-first']) {
    const page = await newPage(env.browser);
    await page.goto(env.server.url(`/tests/fixtures/group-order.html${order}`));
    await waitDrawn(page, '#second');
    if (order) {
      // The second member started and joined alone; the first starts when shown.
      assert.equal((await values(page, 'second')).rho, -0.3);
      await page.evaluate(() => (document.getElementById('first').hidden = false));
    }
    await waitDrawn(page, '#first');
    await page.waitForFunction(() => document.getElementById('second').values.rho === -1, null, { timeout: 5000 });
    for (const id of ['first', 'second']) {
      const v = await values(page, id);
      assert.deepEqual([v.rho, v.K], [-1, 3], `${order || 'in order'}: ${id} shows the first member's values`);
    }
    // A reader's change is the group's, whichever member it was made in.
    await page.evaluate(() => (document.getElementById('second').rho = 0.5));
    await page.waitForFunction(() => document.getElementById('first').values.rho === 0.5);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
  // Values from a member that has gone are the group's: a newcomer earlier in the document takes them.
  const page = await newPage(env.browser);
  await page.goto(env.server.url('/tests/fixtures/group-order.html'));
  await waitDrawn(page, '#first');
  await waitDrawn(page, '#second');
  await page.evaluate(() => {
    document.getElementById('first').remove();
    document.querySelector('main').insertAdjacentHTML('afterbegin', '<growth-widget id="newcomer" kind="production" group="g" rho="-2" K="4" height="260"></growth-widget>');
  });
  await waitDrawn(page, '#newcomer');
  await page.waitForTimeout(300);
  assert.deepEqual([(await values(page, 'newcomer')).rho, (await values(page, 'second')).rho], [-1, -1]);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a link restores a grouped widget over its group, an anchor moves only the reader, and Back moves the whole group', async () => {
  // The address names elasticity only; production starts first, yet the link wins and the group follows.
  const page = await open(`${FIXTURE}#elast:rho=-2`);
  await page.waitForFunction(() => document.getElementById('elast').values.rho === -2 && document.getElementById('prod').values.rho === -2);
  // An ordinary anchor (an element's id) leaves every widget as it is.
  await page.evaluate(() => (location.hash = '#prose'));
  await page.waitForTimeout(200);
  assert.equal((await values(page, 'elast')).rho, -2);
  assert.equal((await values(page, 'prod')).rho, -2);
  // With history="push", Back restores the previous state in every member of the group.
  await page.evaluate(() => document.getElementById('prod').setAttribute('history', 'push'));
  await page.evaluate(() => document.getElementById('prod').adjust('rho', 10));
  await page.evaluate(() => document.getElementById('prod').adjust('rho', 10));
  await page.waitForFunction(() => document.getElementById('elast').values.rho === -1.8);
  await page.goBack();
  await page.waitForFunction(() => document.getElementById('prod').values.rho === -1.9 && document.getElementById('elast').values.rho === -1.9);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
