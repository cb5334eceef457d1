// `npm run bench`: how fast each of our kinds feels next to the same CES isoquant chart drawn
// by hand in Canvas 2D (the floor), JSXGraph, Chart.js and Plotly, in one run of headless
// Chromium on the local build (no network, COOP/COEP so performance.now() has 5 µs resolution).
// Per change: render = (t1 − t0) + (tM − tA), frame = t0 → the second rAF after it (see
// `sweep`); first draw = navigation start → the first drawn frame rendered, in a fresh context.
// Targets are ratios to the peers measured in the same run, held cold (no warm-up).
// Writes bench/results.json and bench/RESULTS.md, and the README's table between its markers.
import { cpus, totalmem } from 'node:os';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { build } from '../scripts/build.mjs';
import { root } from '../scripts/lib.mjs';
import { launchBrowser, startServer } from '../tests/helpers.mjs';
import { ISOLATED, VIEW, open, sweep } from './harness.mjs';

const FAST = process.argv.includes('--smoke');
/** Cold loads per page for first draw (fresh context each, pages taken in turn). */
const LOADS = FAST ? 1 : 5;
/** Rounds of the render sweep: each round takes every page in turn, each in a fresh context. */
const ROUNDS = FAST ? 1 : 2;
/** Changes per sweep (the first slider over its whole range, one change per two frames). */
const CHANGES = FAST ? 20 : 150;

/** Elasticity draws the peers' chart: it sweeps the peers' ρ range; other kinds their first slider's whole range. */
const rangeOf = (url) => (url.includes('kind=elasticity') ? { min: -3, max: 0.9 } : null);
const kinds = () => JSON.parse(readFileSync(join(root, 'www', 'dist', 'kinds.json'), 'utf8')).map((spec) => spec.kind);
const pages = () => [
  { name: 'Hand-written Canvas 2D (floor)', id: 'floor', url: '/bench/peers/floor.html' },
  { name: 'The floor drawn in a worker (reference: main-thread time only)', id: 'floor-worker', url: '/bench/peers/floor-worker.html' },
  ...kinds().map((kind) => ({ name: `Growth Widgets: ${kind}`, id: kind, url: `/bench/ours.html?kind=${kind}`, ours: true, kind })),
  { name: 'JSXGraph', id: 'jsxgraph', url: '/bench/peers/jsxgraph.html' },
  { name: 'Chart.js', id: 'chartjs', url: '/bench/peers/chartjs.html' },
  { name: 'Plotly', id: 'plotly', url: '/bench/peers/plotly.html' },
];

const sorted = (xs) => [...xs].sort((a, b) => a - b);
const quantile = (xs, q) => sorted(xs)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
const median = (xs) => quantile(xs, 0.5);
const stats = (xs) => ({ p50: quantile(xs, 0.5), p95: quantile(xs, 0.95), max: Math.max(...xs), n: xs.length });

async function firstDraws(browser, urls) {
  const times = urls.map(() => []);
  for (let i = 0; i < LOADS; i++) {
    for (const [j, url] of urls.entries()) {
      const { context, page } = await open(browser, url);
      times[j].push(await page.evaluate(() => window.firstFrame));
      await context.close();
    }
  }
  return times.map((all) => ({ median: median(all), all }));
}

/** Cold: the first sweep on a freshly loaded page; warm: the same sweep again after half a second. */
async function renders(browser, urls) {
  const rows = urls.map(() => ({ cold: [], coldFrame: [], warm: [], warmFrame: [], coldSync: [], coldBrowser: [], undrawn: 0 }));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [j, url] of urls.entries()) {
      const { context, page } = await open(browser, url);
      const cold = await page.evaluate(sweep, { changes: CHANGES, breakdown: false, range: rangeOf(url) });
      await page.waitForTimeout(500);
      const warm = await page.evaluate(sweep, { changes: CHANGES, breakdown: false, range: rangeOf(url) });
      await context.close();
      const row = rows[j];
      row.cold.push(...cold.render);
      row.coldFrame.push(...cold.frame);
      row.coldSync.push(...cold.sync);
      row.coldBrowser.push(...cold.browser);
      row.warm.push(...warm.render);
      row.warmFrame.push(...warm.frame);
      row.undrawn += cold.undrawn + warm.undrawn;
    }
  }
  return rows.map((r) => {
    // Each timed change must have drawn within the time taken, or the times measure nothing.
    if (r.undrawn > 0) throw new Error(`${r.undrawn} timed changes did not draw`);
    return {
      cold: { render: stats(r.cold), frame: stats(r.coldFrame), sync: stats(r.coldSync), browser: stats(r.coldBrowser) },
      warm: { render: stats(r.warm), frame: stats(r.warmFrame) },
    };
  });
}

/** The bench-only build: the shipped sources with each wasm call timed (bench/breakdown-entry.js). */
async function buildBreakdown() {
  const esbuild = await import('esbuild');
  mkdirSync(join(root, 'bench', 'dist'), { recursive: true });
  await esbuild.build({
    entryPoints: [join(root, 'bench', 'breakdown-entry.js')],
    bundle: true,
    format: 'esm',
    minify: true,
    target: ['es2022'],
    logLevel: 'warning',
    logOverride: { 'empty-import-meta': 'silent' },
    loader: { '.css': 'text' },
    outfile: join(root, 'bench', 'dist', 'growth-widgets.breakdown.js'),
  });
}

/** Per kind, cold: where a change's render time goes (medians and p95 of each part). */
async function breakdowns(browser, server, list) {
  const out = {};
  for (const kind of list) {
    const { context, page } = await open(browser, server.url(`/bench/ours-breakdown.html?kind=${kind}`));
    const s = await page.evaluate(sweep, { changes: CHANGES, breakdown: true, range: rangeOf(`kind=${kind}`) });
    await context.close();
    const dom = s.sync.map((t, i) => t - s.model[i] - s.drawing[i] - s.answers[i]);
    const part = (xs) => ({ p50: median(xs), p95: quantile(xs, 0.95), mean: xs.reduce((a, b) => a + b, 0) / xs.length });
    out[kind] = { model: part(s.model), drawing: part(s.drawing), answers: part(s.answers), dom: part(dom), browser: part(s.browser), render: part(s.render) };
  }
  return out;
}

/** A warm sweep of elasticity and of the floor under Chromium tracing and the V8 sampling profiler. */
async function trace(browser, server, id, url) {
  const { context, page } = await open(browser, server.url(url));
  await page.evaluate(sweep, { changes: 30, breakdown: false, range: rangeOf(url) });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink.user_timing'] });
  await cdp.send('Profiler.start');
  const s = await page.evaluate(sweep, { changes: 100, breakdown: false, range: rangeOf(url) });
  const { profile } = await cdp.send('Profiler.stop');
  const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
  await context.close();
  // Renderer main thread: the thread that ran our FunctionCalls.
  const main = events.find((e) => e.name === 'FunctionCall' || e.name === 'FireAnimationFrame');
  const onMain = events.filter((e) => e.ph === 'X' && main && e.pid === main.pid && e.tid === main.tid);
  const byName = {};
  for (const e of onMain) {
    const entry = (byName[e.name] ??= { count: 0, ms: 0 });
    entry.count += 1;
    entry.ms += (e.dur ?? 0) / 1000;
  }
  const timeline = Object.fromEntries(
    ['EventDispatch', 'FunctionCall', 'FireAnimationFrame', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'UpdateLayer', 'Commit', 'MinorGC', 'MajorGC', 'V8.GC_SCAVENGER', 'ScheduleStyleRecalculation', 'InvalidateLayout', 'HitTest', 'ParseAuthorStyleSheet', 'RecalculateStyles']
      .filter((n) => byName[n])
      .map((n) => [n, { count: byName[n].count, msPerChange: byName[n].ms / 100 }]),
  );
  // Self time per function from the samples.
  const self = new Map();
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples.forEach((id, i) => {
    const node = nodes.get(id);
    const { functionName, url: file } = node.callFrame;
    const key = `${functionName || '(anonymous)'} ${file ? file.split('/').pop().split('?')[0] : ''}`.trim();
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([fn, ms]) => ({ fn, msPerChange: ms / 100, share: ms / total }));
  return { id, render: stats(s.render), timeline, topSelf: top };
}

const ms = (n) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
const kb = (n) => (n / 1024).toFixed(1);

function targetsOf(results) {
  const page = (id) => results.pages.find((p) => p.id === id);
  const floor = page('floor');
  const jsx = page('jsxgraph');
  const chart = page('chartjs');
  const targets = [];
  for (const p of results.pages.filter((q) => q.ours)) {
    const r = p.cold.render.p95;
    targets.push({ name: `${p.kind}: render p95 ≤ JSXGraph's`, ok: r <= jsx.cold.render.p95, value: `${ms(r)} vs ${ms(jsx.cold.render.p95)} ms (${(r / jsx.cold.render.p95).toFixed(2)}×)` });
    targets.push({ name: `${p.kind}: render p95 ≤ 2× the floor's`, ok: r <= 2 * floor.cold.render.p95, value: `${(r / floor.cold.render.p95).toFixed(2)}× (${ms(r)} vs ${ms(floor.cold.render.p95)} ms)` });
    // Frames to 0.01 ms: they differ by tens of microseconds, which 33.2 vs 33.2 would hide.
    targets.push({ name: `${p.kind}: frame p95 ≤ the floor's`, ok: p.cold.frame.p95 <= floor.cold.frame.p95, value: `${p.cold.frame.p95.toFixed(2)} vs ${floor.cold.frame.p95.toFixed(2)} ms` });
    const f = p.firstDraw.median;
    targets.push({ name: `${p.kind}: first draw ≤ Chart.js's`, ok: f <= chart.firstDraw.median, value: `${ms(f)} vs ${ms(chart.firstDraw.median)} ms` });
    targets.push({ name: `${p.kind}: first draw ≤ 1.5× the floor's`, ok: f <= 1.5 * floor.firstDraw.median, value: `${(f / floor.firstDraw.median).toFixed(2)}× (${ms(f)} vs ${ms(floor.firstDraw.median)} ms)` });
  }
  return targets;
}

/**
 * Not a target: how the floor itself does against JSXGraph, on the main thread and in a worker.
 * A Canvas 2D drawn on the main thread is rasterized there when its frame is flushed (software
 * rendering); SVG and a worker's OffscreenCanvas are rasterized elsewhere.
 */
function reference(results) {
  const p95 = (id) => results.pages.find((p) => p.id === id).cold.render.p95;
  const [floor, worker, jsx] = [p95('floor'), p95('floor-worker'), p95('jsxgraph')];
  return `For reference (not targets): the hand-written floor's render p95 is ${(floor / jsx).toFixed(2)}× JSXGraph's (${ms(floor)} vs ${ms(jsx)} ms); the same drawing in a worker leaves ${ms(worker)} ms p95 on the main thread (${(worker / jsx).toFixed(2)}× JSXGraph's). A canvas drawn on the main thread pays its rasterization in the frame it measures; JSXGraph's SVG and a worker's canvas are rasterized off that thread.`;
}

/** The one table (RESULTS.md and the README show the same text). */
function table(results) {
  const floor = results.pages.find((p) => p.id === 'floor');
  const passed = results.targets.filter((t) => t.ok).length;
  const lines = [
    `Measured ${results.date} on ${results.machine.cpu} (${results.machine.cores} shared cores, ${results.machine.memoryGiB} GiB), ${results.machine.browser}, headless, software rendering (--disable-gpu), 1000 × 800 viewport at DPR 2, chart 800 × 500 CSS px, local build, no network, COOP/COEP (crossOriginIsolated: 5 µs timer).`,
    '',
    '| Page | Render p50 / p95, cold (ms) | Render p50 / p95, warm (ms) | Render p95 ÷ floor, cold | Frame p95, cold / warm (ms) | First draw, median of ' + LOADS + ' (ms) | First draw ÷ floor |',
    '|---|---|---|---|---|---|---|',
    ...results.pages.map((p) => `| ${p.name} | ${ms(p.cold.render.p50)} / ${ms(p.cold.render.p95)} | ${ms(p.warm.render.p50)} / ${ms(p.warm.render.p95)} | ${(p.cold.render.p95 / floor.cold.render.p95).toFixed(2)}× | ${ms(p.cold.frame.p95)} / ${ms(p.warm.frame.p95)} | ${ms(p.firstDraw.median)} | ${(p.firstDraw.median / floor.firstDraw.median).toFixed(2)}× |`),
    '',
    `Per change (${ROUNDS} rounds × ${CHANGES} changes of the first slider over its whole range for each page (ρ −3 … 0.9 for the peers and for elasticity, which draws the same chart); every page in turn, each round in a fresh browser context): align to just after a rendered frame (a requestAnimationFrame callback, then a MessageChannel message posted from it); t0; set the slider's value and fire \`input\`, as a drag does; t1 when dispatch returns; in the next rAF callback tA, post a message, tM when it arrives (that frame's style, layout and paint are done). **Render = (t1 − t0) + (tM − tA)**; **frame** = t0 to the second rAF callback after t0 (33 ms when no frame is dropped). Cold: the first sweep after the page's first draw, no warm-up; warm: the same sweep again after 0.5 s. First draw: navigation start to the end of the first rendered frame that holds the drawing (its rAF, then a message), each load in a fresh context, pages in turn. Work a library defers past its call (a promise) is not in t1 − t0; it is in tM − tA only if it runs before the next frame.`,
    '',
    'Breakdown of our render, cold, p50 / p95 (ms), from a bench-only build that times every call into the wasm (`bench/breakdown-entry.js`, a separate load of each kind):',
    '',
    '| Kind | Model (set_value: diagram rebuilt) | Drawing in wasm (render, incl. its Canvas 2D calls) | Other engine answers (readouts, values, table, …) | DOM updates and JS (the rest of the input handler) | Browser rendering (tM − tA) |',
    '|---|---|---|---|---|---|',
    ...Object.entries(results.breakdown).map(([kind, b]) => `| ${kind} | ${ms(b.model.p50)} / ${ms(b.model.p95)} | ${ms(b.drawing.p50)} / ${ms(b.drawing.p95)} | ${ms(b.answers.p50)} / ${ms(b.answers.p95)} | ${ms(b.dom.p50)} / ${ms(b.dom.p95)} | ${ms(b.browser.p50)} / ${ms(b.browser.p95)} |`),
    '',
    'The wasm calls are timed around each call from JS (wrapping costs about a microsecond a call); model and drawing cannot be separated further from outside: whatever a kind computes lazily at draw time counts as drawing. Browser rendering is style, layout, paint recording and the canvas flush of that frame on the main thread; rasterization on other threads is not in it.',
    '',
    `Targets (cold, this run, ratios to peers measured in the same run): ${passed} of ${results.targets.length} met.`,
    '',
    ...results.targets.map((t) => `- ${t.ok ? '✓' : '✗'} ${t.name}: ${t.value}`),
    '',
    reference(results),
    '',
    `Transfer, brotli: our page ${kb(results.transfer.ours)} KB (all kinds), the floor ${kb(results.transfer.floor)} KB, JSXGraph ${kb(results.transfer.jsxgraph)} KB, Chart.js ${kb(results.transfer.chartjs)} KB, Plotly ${kb(results.transfer.plotly)} KB (files as served, compressed at quality 11).`,
  ];
  return lines.join('\n');
}

/** The traced sweeps (RESULTS.md only): main-thread timeline events and the top self times, per change. */
function traceTables(results) {
  if (!results.traces) return '';
  const lines = ['## Traced sweeps (warm, 100 changes each)', ''];
  for (const t of results.traces) {
    lines.push(`### ${t.id} (render p50 / p95 under tracing ${ms(t.render.p50)} / ${ms(t.render.p95)} ms)`, '');
    lines.push('| Main-thread event | Count | ms per change |', '|---|---|---|');
    for (const [name, e] of Object.entries(t.timeline)) lines.push(`| ${name} | ${e.count} | ${e.msPerChange.toFixed(3)} |`);
    lines.push('', '| Function (self time, V8 sampling profiler at 100 µs) | ms per change | share of samples |', '|---|---|---|');
    for (const f of t.topSelf.slice(0, 15)) lines.push(`| \`${f.fn.replace(/\|/g, '\\|')}\` | ${f.msPerChange.toFixed(3)} | ${(100 * f.share).toFixed(1)} % |`);
    lines.push('');
  }
  return lines.join('\n');
}

function brotliOf(files) {
  return files.reduce((n, f) => n + brotliCompressSync(readFileSync(join(root, f)), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length, 0);
}

async function main() {
  const started = Date.now();
  await build();
  await buildBreakdown();
  const PAGES = pages();
  const server = await startServer({ headers: () => ISOLATED });
  const browser = await launchBrowser();
  const urls = PAGES.map((p) => server.url(p.url));
  const results = {
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), browser: `Chromium ${browser.version()}`, node: process.version, note: 'two cores shared with other work' },
    settings: { loads: LOADS, rounds: ROUNDS, changes: CHANGES, ...VIEW },
  };
  console.log(`First draw: ${LOADS} cold loads of each of ${PAGES.length} pages, in turn…`);
  const first = await firstDraws(browser, urls);
  console.log(`Render: ${ROUNDS} rounds × ${CHANGES} changes, cold then warm, pages in turn…`);
  const timed = await renders(browser, urls);
  results.pages = PAGES.map((p, i) => ({ name: p.name, id: p.id, ours: Boolean(p.ours), kind: p.kind ?? null, firstDraw: first[i], ...timed[i] }));
  console.log('Breakdown (bench-only build)…');
  results.breakdown = await breakdowns(browser, server, FAST ? ['elasticity'] : kinds());
  if (!FAST) {
    console.log('Tracing elasticity and the floor…');
    results.traces = [await trace(browser, server, 'elasticity', '/bench/ours.html?kind=elasticity'), await trace(browser, server, 'floor', '/bench/peers/floor.html')];
  }
  await browser.close();
  await server.close();
  results.transfer = {
    ours: brotliOf(['bench/ours.html', 'bench/ours.js', 'bench/peers/common.js', 'www/dist/growth-widgets.js', 'www/dist/growth-widgets.wasm']),
    floor: brotliOf(['bench/peers/floor.html', 'bench/peers/floor-draw.js', 'bench/peers/common.js']),
    floorWorker: brotliOf(['bench/peers/floor-worker.html', 'bench/peers/floor-worker.js', 'bench/peers/floor-draw.js', 'bench/peers/common.js']),
    jsxgraph: brotliOf(['bench/peers/jsxgraph.html', 'bench/peers/common.js', 'node_modules/jsxgraph/distrib/jsxgraphcore.js', 'node_modules/jsxgraph/distrib/jsxgraph.css']),
    chartjs: brotliOf(['bench/peers/chartjs.html', 'bench/peers/common.js', 'node_modules/chart.js/dist/chart.umd.min.js']),
    plotly: brotliOf(['bench/peers/plotly.html', 'bench/peers/common.js', 'node_modules/plotly.js-dist-min/plotly.min.js']),
  };
  results.targets = targetsOf(results);
  results.seconds = Math.round((Date.now() - started) / 1000);
  const text = table(results);
  if (FAST) {
    console.log(`\n${text}`);
    return results;
  }
  writeFileSync(join(root, 'bench', 'results.json'), JSON.stringify(results, null, 2));
  const notes = join(root, 'bench', 'NOTES.md');
  let extra = '';
  try {
    extra = `\n${readFileSync(notes, 'utf8')}`;
  } catch {
    /* no hand-written findings yet */
  }
  writeFileSync(join(root, 'bench', 'RESULTS.md'), `# Benchmark results\n\n${text}\n\n${traceTables(results)}${extra}`);
  const readme = join(root, 'README.md');
  const current = readFileSync(readme, 'utf8');
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  if (current.includes(start)) writeFileSync(readme, `${current.slice(0, current.indexOf(start) + start.length)}\n${text}\n${current.slice(current.indexOf(end))}`);
  console.log(`\n${text}\n\n(${results.seconds} s)`);
  return results;
}

await main();
