// A widget lives in pages we do not control: bad input, failures, hostile or strict pages,
// and many widgets at once must never break the page, show garbage, or let anything in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { canvasStats, newPage, shadowText, waitDrawn, useBrowser, mount } from './helpers.mjs';
import { root } from '../scripts/lib.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const NO_WASM = "default-src 'self'; script-src 'self'; style-src 'self'";
const env = useBrowser({
  headers: (path) => {
    if (path.endsWith('/csp.html')) return { 'content-security-policy': CSP };
    if (path.endsWith('/csp-no-wasm.html')) return { 'content-security-policy': NO_WASM };
    return {};
  },
});

const kinds = JSON.parse(readFileSync(join(root, 'www', 'dist', 'kinds.json'), 'utf8'));


test('every parameter of every kind refuses bad values with a message naming it, its value and the range', async () => {
  const page = await newPage(env.browser);
  await page.goto(env.server.url('/tests/fixtures/plain.html'));
  await page.evaluate(() => {
    window.errors = [];
    document.addEventListener('growth-error', (e) => window.errors.push(e.detail));
  });
  const bad = ['abc', '', 'NaN', 'Infinity', '1e308', '-1e308', '5%'];
  let n = 0;
  for (const spec of kinds) {
    for (const p of spec.params) {
      for (const value of bad) {
        const id = `w${n++}`;
        const widget = await mount(page, { kind: spec.kind, [p.name]: value, height: '200', controls: 'none' }, id);
        const text = await shadowText(widget, '.errors');
        assert.match(text, new RegExp(`${p.name}="${value.replace(/[.*+%]/g, (c) => `\\${c}`)}"`, 'i'), `${spec.kind}.${p.name}=${value}: ${text}`);
        assert.match(text, /valid range .* to /);
        assert.match(text, /Showing .* instead\./);
        const detail = await page.evaluate(() => window.errors.at(-1));
        assert.equal(detail.attribute.toLowerCase(), p.name.toLowerCase());
        assert.equal(detail.value, value);
        const stats = await canvasStats(widget);
        assert.ok(stats.ink > 0, `${spec.kind}.${p.name}=${value} still draws`);
        const computed = await widget.evaluate((el) => ['.readouts', '.description', '.table-wrap'].map((s) => el.shadowRoot.querySelector(s).textContent).join(' '));
        assert.doesNotMatch(computed, /NaN|Infinity|undefined/, 'computed text never shows NaN');
        await widget.evaluate((el) => el.remove());
      }
    }
  }
  // Unknown names: kind, attribute, preset, scenario.
  const unknownKind = await mount(page, { kind: 'isoquant' }, 'k1');
  assert.match(await shadowText(unknownKind, '.errors'), /kind="isoquant" is not a known kind; one of: elasticity, task-automation/);
  const noKind = await mount(page, {}, 'k2');
  assert.match(await shadowText(noKind, '.errors'), /kind="" is missing; one of:/);
  const unknownAttribute = await mount(page, { kind: 'elasticity', sigma: '2' }, 'k3');
  assert.match(await shadowText(unknownAttribute, '.errors'), /sigma="2" is not a parameter of kind="elasticity"; its parameters are rho, alpha, K, L/);
  const unknownPreset = await mount(page, { kind: 'elasticity', preset: 'cobbdouglas' }, 'k4');
  assert.match(await shadowText(unknownPreset, '.errors'), /preset="cobbdouglas" is not a preset of this kind; one of: perfect-substitutes, cobb-douglas/);
  const unknownScenario = await mount(page, { kind: 'scenarios', scenario: 'nope' }, 'k5');
  assert.match(await shadowText(unknownScenario, '.errors'), /scenario="nope" is not a row of the tables/);
  assert.ok((await canvasStats(unknownScenario)).ink > 0, 'falls back to a row and draws');
  // Properties go through the same checks.
  const viaProperty = await mount(page, { kind: 'elasticity' }, 'k6');
  await viaProperty.evaluate((el) => { el.rho = Number.NaN; });
  await page.waitForFunction((el) => el.errors.length > 0, await viaProperty.elementHandle());
  assert.equal(await viaProperty.evaluate((el) => el.values.rho), -0.5);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('parameters that explode show the regime and the blow-up time, never overflowed axes', async () => {
  const page = await newPage(env.browser);
  await page.goto(env.server.url('/tests/fixtures/plain.html'));
  const widget = await mount(page, { kind: 'research-feedback', phi: '2', years: '1000', n: '0.05', lambda: '2', theta: '1' });
  const description = await shadowText(widget, '.description');
  assert.match(description, /type II singularity at t ≈ \d/);
  assert.doesNotMatch(await widget.evaluate((el) => el.shadowRoot.textContent), /NaN|Infinity|inf\b|e\d+%/);
  assert.match(await shadowText(widget, '.readouts'), /→ ∞ at t ≈/);
  const [time] = await widget.evaluate((el) => el.probe('blowup'));
  assert.ok(Number.isFinite(time) && time > 0 && time < 1000);
  assert.ok((await canvasStats(widget)).ink > 0);
  await page.context().close();
});

test('a panic inside the wasm is reported in that widget, logged with the Rust message, and the widget restarts; the others keep working', async () => {
  const page = await newPage(env.browser);
  const consoleErrors = [];
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  await page.goto(env.server.url('/tests/fixtures/robustness.html'));
  const a = await waitDrawn(page, '#a');
  const b = await waitDrawn(page, '#b');
  assert.equal(await a.evaluate((el) => el.probe('debug-panic', 1)), null);
  await page.waitForFunction((el) => el.values !== null && el.shadowRoot.querySelector('.errors').textContent.includes('restarted'), await a.elementHandle());
  assert.match(await shadowText(a, '.errors'), /stopped on an internal error and was restarted: [\s\S]*deliberate panic from the test hook/);
  assert.ok(consoleErrors.some((t) => t.includes('deliberate panic from the test hook')), 'the Rust panic message reaches the console');
  // The restarted widget works again, and so does its neighbour.
  await a.evaluate((el) => { el.rho = 0.5; });
  await page.waitForFunction((el) => el.values.rho === 0.5, await a.elementHandle());
  assert.ok((await canvasStats(a)).ink > 0);
  await b.evaluate((el) => { el.phi = 1.5; el.n = 0; });
  await page.waitForFunction((el) => el.values.phi === 1.5, await b.elementHandle());
  assert.match(await shadowText(b, '.description'), /type II/);
  await page.context().close();
});

test('a panic while the page-wide curve cache computes leaves it filling and serving every widget of the kind, with the same figures', async () => {
  /** An elasticity widget at a ρ and α no widget has drawn yet (so its curves are computed and cached), as a data URL. */
  const figure = async (page) => {
    await page.evaluate(() => document.body.append(Object.assign(document.createElement('div'), { id: 'stage', style: 'width: 600px' })));
    const widget = await mount(page, { kind: 'elasticity', rho: '0.37', alpha: '0.41', height: '300' }, 'fresh');
    await widget.evaluate((el) => el.renderNow());
    return widget.evaluate((el) => el.shadowRoot.querySelector('canvas').toDataURL());
  };
  const page = await newPage(env.browser);
  await page.goto(env.server.url('/tests/fixtures/robustness.html'));
  const a = await waitDrawn(page, '#a');
  assert.equal(await a.evaluate((el) => el.probe('debug-panic-in-cache')), null);
  await page.waitForFunction((el) => el.values !== null && el.shadowRoot.querySelector('.errors').textContent.includes('restarted'), await a.elementHandle());
  assert.match(await shadowText(a, '.errors'), /while the curve cache computes/);
  const afterTrap = await figure(page);
  // The trapped widget draws new curves again, and its neighbour's are those of a page that never trapped.
  await a.evaluate((el) => { el.rho = 0.61; });
  await page.waitForFunction((el) => el.values.rho === 0.61, await a.elementHandle());
  assert.ok((await canvasStats(a)).ink > 0);
  const clean = await newPage(env.browser);
  await clean.goto(env.server.url('/tests/fixtures/robustness.html'));
  assert.equal(afterTrap, await figure(clean));
  assert.deepEqual(page.problems.filter((p) => !/deliberate panic/.test(p)), []);
  await page.context().close();
  await clean.context().close();
});

test('when the wasm cannot be fetched, each widget says so and shows its slotted fallback', async () => {
  const page = await newPage(env.browser);
  await page.route('**/*.wasm', (route) => route.fulfill({ status: 404, body: 'not found' }));
  const errors = [];
  await page.exposeFunction('recordError', (d) => errors.push(d));
  await page.addInitScript(() => document.addEventListener('growth-error', (e) => window.recordError(e.detail)));
  await page.goto(env.server.url('/tests/fixtures/robustness.html'));
  const a = page.locator('#a');
  await page.waitForFunction((el) => el.shadowRoot.querySelector('.errors').textContent.length > 0, await a.elementHandle(), { timeout: 15000 });
  assert.match(await shadowText(a, '.errors'), /The diagram engine failed to load/);
  assert.match(await shadowText(a, '.status'), /could not be loaded/);
  assert.ok(await page.locator('#a p.fallback-text').isVisible(), 'the slotted fallback is shown');
  assert.equal(errors[0].attribute, 'wasm');
  await page.context().close();
});

test('when a Content-Security-Policy blocks WebAssembly, each widget says so instead of staying blank', async () => {
  const page = await newPage(env.browser);
  await page.goto(env.server.url('/tests/fixtures/csp-no-wasm.html'));
  const widget = page.locator('#one');
  await page.waitForFunction((el) => el.shadowRoot.querySelector('.errors').textContent.includes('failed to load'), await widget.elementHandle(), { timeout: 15000 });
  assert.match(await shadowText(widget, '.status'), /could not be loaded/);
  assert.match(await shadowText(widget, '.errors'), /The diagram engine failed to load: .*(WebAssembly|wasm|Content Security Policy)/i);
  await page.context().close();
});

test('attribute text is never interpreted as HTML', async () => {
  const page = await newPage(env.browser);
  await page.goto(env.server.url('/tests/fixtures/plain.html'));
  const payload = '<img src=x onerror="window.pwned=1">';
  const attributes = { kind: 'elasticity', preset: payload, controls: payload, height: payload, rho: payload, [`data-x`]: payload };
  const w1 = await mount(page, attributes, 'x1');
  const w2 = await mount(page, { kind: payload }, 'x2');
  const w3 = await mount(page, { kind: 'scenarios', scenario: payload }, 'x3');
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.pwned), undefined, 'nothing executed');
  for (const w of [w1, w2, w3]) {
    assert.equal(await w.evaluate((el) => el.shadowRoot.querySelectorAll('img').length), 0, 'no element was created from the text');
    assert.ok((await shadowText(w, '.errors')).includes('<img src=x'), 'the text is shown as text');
  }
  await page.context().close();
});

test('under a strict Content-Security-Policy the widgets work with zero violations', async () => {
  const page = await newPage(env.browser);
  await page.addInitScript(() => {
    window.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.violations.push(`${e.violatedDirective}: ${e.blockedURI} ${e.sample}`));
  });
  const response = await page.goto(env.server.url('/tests/fixtures/csp.html'));
  assert.equal(response.headers()['content-security-policy'], CSP);
  for (const id of ['one', 'two', 'three']) {
    const widget = await waitDrawn(page, `#${id}`);
    assert.ok((await canvasStats(widget)).ink > 0, `${id} draws`);
  }
  assert.match(await shadowText(page.locator('#one'), '.errors'), /rho="abc"/);
  await page.locator('#one input[type=range][data-param="rho"]').fill('0.5');
  await page.waitForFunction(() => document.querySelector('#one').values.rho === 0.5);
  // A number in the prose follows the widget under the same policy.
  await page.waitForFunction(() => document.querySelector('#wage').shadowRoot.textContent === String(document.querySelector('#one').valueText('wage')).repeat(2));
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('hostile page CSS does not break the widget', async () => {
  const page = await newPage(env.browser);
  await page.goto(env.server.url('/tests/fixtures/hostile.html'));
  const widget = await waitDrawn(page, '#w');
  assert.ok((await canvasStats(widget)).ink > 0);
  assert.ok(await widget.locator('canvas').isVisible(), 'the canvas is visible despite canvas { display: none }');
  const sizes = await widget.evaluate((el) => {
    const root = el.shadowRoot;
    return {
      label: getComputedStyle(root.querySelector('.control label')).fontSize,
      range: root.querySelector('input[type=range]').getBoundingClientRect().width,
    };
  });
  assert.notEqual(sizes.label, '30px');
  assert.ok(sizes.range > 50, `sliders keep their width (${sizes.range})`);
  await page.context().close();
});

test('sixty widgets start lazily, scroll without long tasks, and removing and re-adding them does not grow wasm memory', async () => {
  const page = await newPage(env.browser, { viewport: { width: 1000, height: 800 } });
  await page.addInitScript(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(env.server.url('/tests/fixtures/many.html'));
  await waitDrawn(page, '#w0');
  const started = () => page.evaluate(() => [...document.querySelectorAll('growth-widget')].filter((el) => el.values !== null).length);
  assert.ok((await started()) < 20, `only the widgets near the top have started (${await started()})`);
  // Start-up ends when each kind has drawn once (its code is compiled on first use); from
  // then on, scrolling through all sixty must not block the page for more than 50 ms.
  for (let i = 0; i < 6; i++) await waitDrawn(page, `#w${i}`);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(300);
  const afterStartup = await page.evaluate(() => performance.now());
  // Scroll through the page in steps, as a reader would.
  const height = await page.evaluate(() => document.body.scrollHeight);
  for (let y = 0; y < height; y += 400) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.waitForTimeout(60);
  }
  await waitDrawn(page, '#w59');
  assert.equal(await started(), 60);
  const long = await page.evaluate((t) => window.longTasks.filter((e) => e.start > t && e.duration > 50), afterStartup);
  assert.deepEqual(long, [], 'no long task over 50 ms while scrolling');
  // Leak check: remove and re-add all sixty twice; memory after the second round equals the first.
  const cycle = async () => {
    await page.evaluate(() => window.manyWidgets.empty());
    await page.evaluate(() => window.manyWidgets.fill());
    for (const i of [0, 1, 2, 3, 4, 5]) await waitDrawn(page, `#w${i}`);
    await page.evaluate(() => window.scrollTo(0, 0));
    return page.evaluate(() => customElements.get('growth-widget').wasmMemoryBytes);
  };
  const first = await cycle();
  let last = first;
  for (let i = 0; i < 3; i++) last = await cycle();
  assert.ok(first > 0);
  assert.equal(last, first, `wasm memory ${first} → ${last} bytes after repeated remove/re-add`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
