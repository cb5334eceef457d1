// Rendering, as a reader sees it: every kind draws, redraws when a value moves, stays crisp
// under transforms and at DPR 2 (curves through their sub-pixel points, like a reference Canvas 2D
// path), does no work off-screen, keeps every label and mark inside its box at the ends of the
// ranges, and takes the page's theme; screenshots of every kind for review.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readFileSync } from 'node:fs';
import { afterRender, artifacts, canvasStats, mount, newPage, openFixture, shadowText, useBrowser, waitDrawn } from './helpers.mjs';
import { root } from '../scripts/lib.mjs';

const env = useBrowser();

/** Drags the range input for `param` with the mouse to fraction `f` of its track. */
async function dragSlider(widget, param, f) {
  const slider = widget.locator(`input[type=range][data-param="${param}"]`);
  const box = await slider.boundingBox();
  const page = slider.page();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * f, box.y + box.height / 2, { steps: 8 });
  await page.mouse.up();
}

const KINDS = JSON.parse(readFileSync(join(root, 'www', 'dist', 'kinds.json'), 'utf8')).map((spec) => spec.kind);

const openKinds = (options) => openFixture(env, 'kinds', options);

const description = (widget) => shadowText(widget, '.description');

const open = (options) => openFixture(env, 'tables', options);

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

test('the episode page draws the elasticity widget and redraws when ρ is dragged', async () => {
  const page = await newPage(env.browser);
  await page.goto(env.server.url('/www/index.html'));
  const widget = await waitDrawn(page, 'growth-widget[kind="elasticity"]');
  const before = await canvasStats(widget);
  assert.ok(before.ink > before.total * 0.02, `expected drawn pixels, got ${before.ink} of ${before.total}`);
  const rhoBefore = await widget.evaluate((el) => el.values.rho);
  await afterRender(widget, () => dragSlider(widget, 'rho', 0.95));
  const rhoAfter = await widget.evaluate((el) => el.values.rho);
  assert.ok(rhoAfter > rhoBefore + 0.5, `ρ moved from ${rhoBefore} to ${rhoAfter}`);
  const afterDrag = await canvasStats(widget);
  assert.notEqual(afterDrag.hash, before.hash, 'the canvas changed');
  const number = await widget.locator('input[type=number][data-param="rho"]').inputValue();
  assert.equal(Number(number), rhoAfter, 'the number field follows the slider');
  await page.screenshot({ path: join(artifacts, 'episode-elasticity.png'), fullPage: true });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('points the wasm reports on the Y = 2 isoquant satisfy the CES formula to 1e-9', async () => {
  const page = await newPage(env.browser);
  await page.goto(env.server.url('/www/index.html'));
  const widget = await waitDrawn(page, 'growth-widget[kind="elasticity"]');
  for (const rho of ['-0.5', '0', '0.5', '-3']) {
    await afterRender(widget, () => widget.evaluate((el, r) => el.setAttribute('rho', r), rho));
    const { values, points } = await widget.evaluate((el) => ({ values: el.values, points: el.probe('isoquant', 2) }));
    const { rho: r, alpha: a } = values;
    let checked = 0;
    for (let i = 0; i < points.length; i += 2) {
      const [K, L] = [points[i], points[i + 1]];
      if (K > 6 || L > 6 || K < 0.01 || L < 0.01) continue; // the plotted window, where the plain formula is exact enough
      const Y = r === 0 ? K ** a * L ** (1 - a) : (a * K ** r + (1 - a) * L ** r) ** (1 / r);
      assert.ok(Math.abs(Y - 2) < 1e-9, `ρ=${r}: Y(${K}, ${L}) = ${Y}`);
      checked++;
    }
    assert.ok(checked > 50, `ρ=${rho}: checked ${checked} points`);
  }
  await page.context().close();
});

test('the inline bundle renders from file:// with no server', async () => {
  const page = await newPage(env.browser);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(join(root, 'tests', 'fixtures', 'inline.html')).href);
  const widget = await waitDrawn(page);
  const stats = await canvasStats(widget);
  assert.ok(stats.ink > stats.total * 0.02, `drawn pixels: ${stats.ink}`);
  assert.equal(await widget.evaluate((el) => el.values.rho), -1);
  assert.ok(requests.every((u) => u.startsWith('file:') || u.startsWith('data:')), `only local requests: ${requests}`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('screenshots of every kind, light and dark, at 360 and 1200 px wide', async () => {
  for (const scheme of ['light', 'dark']) {
    for (const width of [360, 1200]) {
      const page = await openKinds({ viewport: { width, height: 900 }, colorScheme: scheme });
      for (const kind of KINDS) {
        const widget = await waitDrawn(page, `#${kind}`);
        const stats = await canvasStats(widget);
        assert.ok(stats.ink > stats.total * 0.02, `${kind} ${scheme} ${width}`);
        const overflow = await widget.evaluate((el) => el.shadowRoot.querySelector('figure').scrollWidth - el.shadowRoot.querySelector('figure').clientWidth);
        assert.ok(overflow <= 1, `${kind} at ${width}px has no horizontal overflow (${overflow})`);
        // Everything drawn lies inside the widget's own box (nothing spills onto the page).
        const spill = await widget.evaluate((el) => {
          const box = el.getBoundingClientRect();
          return [...el.shadowRoot.querySelectorAll('canvas, .controls, .readouts, .table-wrap, .presets')]
            .map((part) => [part, part.getBoundingClientRect()])
            .filter(([, r]) => r.width > 0 && (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1))
            .map(([part]) => part.className || part.tagName);
        });
        assert.deepEqual(spill, [], `${kind} ${scheme} ${width}: parts outside the widget's box`);
        await widget.screenshot({ path: join(artifacts, `${kind}-${scheme}-${width}.png`) });
      }
      assert.deepEqual(page.problems, []);
      await page.context().close();
    }
  }
});

test('under a CSS scale transform the figure stays crisp and the pointer lands where it is aimed', async () => {
  const page = await newPage(env.browser, { deviceScaleFactor: 2 });
  await page.goto(env.server.url('/tests/fixtures/transformed.html'));
  const widget = await waitDrawn(page, '#scaled');
  const box = await widget.locator('canvas').boundingBox();
  const width = await widget.evaluate((el) => el.shadowRoot.querySelector('canvas').width);
  // Backing store = on-screen size × DPR, so reveal-style scaling does not blur it.
  assert.ok(Math.abs(width - box.width * 2) <= 2, `canvas ${width}px for ${box.width} on-screen px at DPR 2`);
  assert.equal(await widget.locator('input').count(), 0, 'controls="none" shows no controls');
  const [panel] = await widget.evaluate((el) => el.probe('panels'));
  const scale = width / box.width;
  const target = [1.5, 4.5];
  const x = box.x + (panel.left + ((target[0] - panel.x_min) / (panel.x_max - panel.x_min)) * (panel.right - panel.left)) / scale;
  const y = box.y + (panel.bottom - ((target[1] - panel.y_min) / (panel.y_max - panel.y_min)) * (panel.bottom - panel.top)) / scale;
  await afterRender(widget, () => page.mouse.click(x, y));
  const { K, L } = await widget.evaluate((el) => el.values);
  assert.ok(Math.abs(K - target[0]) < 0.03 && Math.abs(L - target[1]) < 0.03, `clicked (${target}) → (${K}, ${L})`);
  await page.context().close();
});

test('a widget off-screen does no drawing work until it is scrolled near', async () => {
  const page = await newPage(env.browser);
  await page.goto(env.server.url('/tests/fixtures/transformed.html'));
  await waitDrawn(page, '#scaled');
  const far = page.locator('#far');
  await page.waitForTimeout(300);
  assert.equal(await far.evaluate((el) => el.values), null, 'not started while far off-screen');
  await far.evaluate((el) => {
    window.farRenders = 0;
    el.addEventListener('growth-render', () => window.farRenders++);
    el.setAttribute('rho', '0.5');
  });
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => window.farRenders), 0);
  await waitDrawn(page, '#far');
  assert.equal(await far.evaluate((el) => el.values.rho), 0.5);
  assert.equal(await page.evaluate(() => window.farRenders), 1, 'drawn once when it came into view');
  await page.context().close();
});

test('slider marks sit where the slider puts their values and stay inside the widget, wide and narrow', async () => {
  for (const width of [1200, 360]) {
    const page = await newPage(env.browser, { viewport: { width, height: 900 } });
    await page.goto(env.server.url('/tests/fixtures/kinds.html'));
    const widget = await waitDrawn(page, '#research-feedback');
    const marks = await widget.evaluate((el) => {
      const root = el.shadowRoot;
      const figure = root.querySelector('figure').getBoundingClientRect();
      const range = root.querySelector('input[type=range][data-param="phi"]');
      const track = range.getBoundingClientRect();
      const [min, max] = [Number(range.min), Number(range.max)];
      const values = [...root.querySelectorAll('datalist option')].map((o) => Number(o.value));
      return [...root.querySelectorAll('.marks span')].map((span, i) => {
        const box = span.getBoundingClientRect();
        return { text: span.textContent, value: values[i], left: box.left, right: box.right, figure: [figure.left, figure.right], track: [track.left, track.width], min, max };
      });
    });
    assert.equal(marks.length, 4, 'four marks under φ');
    for (const m of marks) {
      // The rule is the label's left edge; the track runs between the thumb's half-widths (~6.5 px).
      const expected = m.track[0] + 6.5 + ((m.value - m.min) / (m.max - m.min)) * (m.track[1] - 13);
      assert.ok(Math.abs(m.left - expected) < 3, `${width}px: "${m.text}" at ${m.left.toFixed(1)}, slider value at ${expected.toFixed(1)}`);
      assert.ok(m.left >= m.figure[0] && m.right <= m.figure[1], `${width}px: "${m.text}" inside the widget`);
    }
    await page.context().close();
  }
});

test('the page\'s theme colours reach the canvas and the SVG, in any CSS colour syntax', async () => {
  // The engine takes the colours as numbers the shim reads from the computed style: a named
  // colour, #rgb and rgb() must each reach the drawing (and a broken one keep the default).
  const page = await newPage(env.browser);
  await page.goto(env.server.url('/tests/fixtures/plain.html'));
  const style = '--growth-widget-bg: rebeccapurple; --growth-widget-fg: #0a0; --growth-widget-series-1: rgb(200, 10, 20); --growth-widget-grid: not-a-colour';
  const widget = await mount(page, { kind: 'elasticity', style });
  const corner = await widget.evaluate((el) => [...el.shadowRoot.querySelector('canvas').getContext('2d').getImageData(2, 2, 1, 1).data].slice(0, 3));
  assert.deepEqual(corner, [102, 51, 153], 'the background is rebeccapurple');
  const svg = await widget.evaluate((el) => el.toSVG());
  for (const colour of ['#663399', '#00aa00', '#c80a14']) assert.ok(svg.toLowerCase().includes(colour), `the SVG uses ${colour}`);
  assert.ok(svg.includes('#e6e6e6') || svg.includes('#e8e8e8'), 'an unreadable colour keeps the default grid');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('each new kind renders', async () => {
  const page = await open();
  for (const id of ['growth-regimes', 'production', 'scenarios', 'one-row']) {
    const widget = await waitDrawn(page, `#${id}`);
    const stats = await canvasStats(widget);
    assert.ok(stats.ink > stats.total * 0.01, `${id}: ${stats.ink} px`);
    assert.doesNotMatch(await shadowText(widget, '.readouts'), /NaN|undefined/);
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

test('a drawn isoquant follows its exact sub-pixel position like a reference Canvas 2D path', async () => {
  const page = await newPage(env.browser, { deviceScaleFactor: 2, viewport: { width: 900, height: 700 } });
  await page.goto(env.server.url('/tests/fixtures/plain.html'));
  const result = await page.evaluate(async () => {
    const el = document.createElement('growth-widget');
    el.setAttribute('kind', 'elasticity');
    el.setAttribute('controls', 'none');
    const drawn = new Promise((resolve) => el.addEventListener('growth-render', resolve, { once: true }));
    document.body.append(el);
    await drawn;
    const canvas = el.shadowRoot.querySelector('canvas');
    const [panel] = el.probe('panels');
    const flat = el.probe('isoquant', 1);
    const toPx = (k, l) => [
      panel.left + ((k - panel.x_min) / (panel.x_max - panel.x_min)) * (panel.right - panel.left),
      panel.bottom - ((l - panel.y_min) / (panel.y_max - panel.y_min)) * (panel.bottom - panel.top),
    ];
    const points = [];
    for (let i = 0; i < flat.length; i += 2) points.push(toPx(flat[i], flat[i + 1]));
    // The same curve stroked by hand on a blank canvas of the same size: the reference.
    // Also the same curve through whole device pixels, as integer backend coordinates drew it:
    // the staircase this test exists to catch (it shows the measure can fail).
    const stroke = (round) => {
      const c = document.createElement('canvas');
      c.width = canvas.width;
      c.height = canvas.height;
      const r = c.getContext('2d');
      r.fillStyle = '#fff';
      r.fillRect(0, 0, c.width, c.height);
      r.strokeStyle = '#0072b2';
      r.lineWidth = 2.5 * 2;
      r.lineJoin = 'round';
      r.beginPath();
      points.forEach(([x, y], i) => (i ? r.lineTo(round(x), round(y)) : r.moveTo(round(x), round(y))));
      r.stroke();
      return c;
    };
    const reference = stroke((v) => v);
    const staircase = stroke(Math.round);
    // Where the Y = 1 isoquant is nearly flat (K from 3 to 5.5): per device-pixel column, the
    // centroid of its blue ink against the exact curve's height there.
    const exactAt = (x) => {
      for (let i = 1; i < points.length; i++) {
        const [x0, y0] = points[i - 1];
        const [x1, y1] = points[i];
        if ((x0 - x) * (x1 - x) <= 0 && x1 !== x0) return y0 + ((x - x0) / (x1 - x0)) * (y1 - y0);
      }
      return null;
    };
    const errors = (source) => {
      const { data, width } = source.getContext('2d').getImageData(0, 0, source.width, source.height);
      const out = [];
      const [from] = toPx(3, 0);
      const [to] = toPx(5.5, 0);
      for (let x = Math.ceil(from); x < Math.floor(to); x++) {
        const exact = exactAt(x + 0.5);
        if (exact === null) continue;
        let sum = 0;
        let weight = 0;
        for (let y = Math.floor(exact - 8); y <= Math.ceil(exact + 8); y++) {
          const i = (y * width + x) * 4;
          const w = Math.max(0, Math.min(1, (data[i + 2] - data[i]) / 178));
          sum += w * (y + 0.5);
          weight += w;
        }
        if (weight > 0.5) out.push(sum / weight - exact);
      }
      return out;
    };
    const rms = (xs) => Math.sqrt(xs.reduce((s, v) => s + v * v, 0) / xs.length);
    const ours = errors(canvas);
    const theirs = errors(reference);
    return { columns: ours.length, ours: rms(ours), reference: rms(theirs), staircase: rms(errors(staircase)) };
  });
  await page.locator('growth-widget').screenshot({ path: join(artifacts, 'smoothness-elasticity-dpr2.png') });
  assert.ok(result.columns > 200, `${result.columns} columns measured`);
  assert.ok(result.staircase > 0.15, `the measure tells a staircase apart (${result.staircase.toFixed(3)} px RMS)`);
  // Measured here: the widget 0.045 px RMS, the reference path 0.070, whole-pixel steps 0.193
  // (the 5-px antialiased stroke softens a staircase's ±0.5 px jumps).
  assert.ok(result.ours < 0.1, `the drawn curve is ${result.ours.toFixed(3)} px RMS off its exact position (reference path: ${result.reference.toFixed(3)} px)`);
  assert.ok(Math.abs(result.ours - result.reference) < 0.1, `ours ${result.ours.toFixed(3)} px vs reference ${result.reference.toFixed(3)} px`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
