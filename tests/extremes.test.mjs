// Issue #20 at the extremes of the ranges, in the browser: a tiny but valid ρ is quick and
// continuous with ρ = 0, and at the ends of the ranges no label prints over a tick or another
// label (measured on the SVG export as the browser lays its text out, with real fonts).
// The host tests cover the same ground over every parameter: widgets/tests/extremes.rs and
// widgets/tests/layout.rs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mount, newPage, shadowText, useBrowser } from './helpers.mjs';

const env = useBrowser();


/** Sets `name` to `value` and draws; returns the milliseconds both took. */
async function setAndDraw(widget, name, value) {
  return widget.evaluate(
    async (el, [name, value]) => {
      const started = performance.now();
      el.setAttribute(name, value);
      await el.renderNow();
      return performance.now() - started;
    },
    [name, value],
  );
}

/** Pairs of texts in the widget's SVG export whose laid-out boxes overlap by more than a pixel. */
async function overlappingTexts(widget) {
  return widget.evaluate((el) => {
    const holder = document.createElement('div');
    holder.innerHTML = el.toSVG();
    document.body.append(holder);
    const boxes = [...holder.querySelectorAll('text')]
      .filter((t) => t.textContent.trim())
      .map((t) => {
        const r = t.getBoundingClientRect();
        return { text: t.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom };
      });
    holder.remove();
    const found = [];
    boxes.forEach((a, i) => {
      for (const b of boxes.slice(i + 1)) {
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (w > 1 && h > 1) found.push(`"${a.text}" over "${b.text}"`);
      }
    });
    return found;
  });
}

test('a subnormal ρ is as quick as any other and shows what ρ = 0 shows', async () => {
  // The reproduction: task-automation with rho="5e-324" took 1,071 ms and failed; after
  // rho="1e-320" every write took 160–230 ms; elasticity at 5e-324 showed Y = 2, wage 0.893
  // (1.649, 0.737 at ρ = 0) and production Y = 2 (2.449 at ρ = 0).
  const page = await newPage(env.browser);
  await page.goto(env.server.url('/tests/fixtures/plain.html'));
  for (const kind of ['task-automation', 'elasticity', 'production']) {
    const widget = await mount(page, { kind, rho: '0', controls: 'none' }, kind);
    const atZero = await shadowText(widget, '.readouts');
    for (const rho of ['5e-324', '1e-320', '2.2250738585072014e-308', '1e-300']) {
      const took = await setAndDraw(widget, 'rho', rho);
      assert.equal(await shadowText(widget, '.errors'), '', `${kind} rho=${rho}`);
      assert.equal(await shadowText(widget, '.readouts'), atZero, `${kind} rho=${rho} shows what ρ = 0 shows`);
      assert.ok(took < 250, `${kind} rho=${rho}: ${took.toFixed(0)} ms`);
    }
    // Later writes stay quick after a subnormal ρ.
    for (const k of ['3', '4', '5']) {
      const took = await setAndDraw(widget, 'K', k);
      assert.ok(took < 250, `${kind} K=${k} after rho=1e-300: ${took.toFixed(0)} ms`);
    }
  }
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('at the ends of the ranges the axes follow the run and no label covers a tick or another label', async () => {
  // research-feedback with every parameter at its maximum kept a 0–1000-year axis for a blow-up
  // at t ≈ 6.9, with "blow-up t ≈ 6.877" over the "150" tick; growth-regimes with
  // first_doubling=2 printed "∞ at 2d = 4" over the "20" tick.
  const page = await newPage(env.browser);
  await page.goto(env.server.url('/tests/fixtures/plain.html'));
  const research = await mount(page, { kind: 'research-feedback', phi: '2', lambda: '2', n: '0.05', theta: '1', years: '1000', robots: '1' }, 'research');
  const [blowup] = await research.evaluate((el) => el.probe('blowup'));
  const [, end] = await research.evaluate((el) => el.probe('years_shown'));
  assert.ok(blowup < 10 && end >= blowup && end <= 1.25 * blowup, `axis 0–${end} for a blow-up at ${blowup}`);
  assert.deepEqual(await overlappingTexts(research), []);
  const regimes = await mount(page, { kind: 'growth-regimes', first_doubling: '2' }, 'regimes');
  assert.deepEqual(await overlappingTexts(regimes), []);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
