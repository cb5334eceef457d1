// `npm run bench`: size, start-up, redraw and memory of our widgets next to the same CES
// isoquant chart in Plotly, Chart.js and JSXGraph, measured in one run of headless Chromium on
// the local build (no network); plus the model's own speed (criterion, and from JS).
// Writes bench/results.json and bench/RESULTS.md, prints the table, and updates the README.
import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from '../scripts/build.mjs';
import { root } from '../scripts/lib.mjs';
import { launchBrowser, startServer } from '../tests/helpers.mjs';

const COLD_LOADS = 10;
const CHANGES = 300;
const WARM_UP = 150;
const CYCLES = [10, 500];
// Every kind the build declares (read after the build, so a new kind is measured without editing this file).
const kinds = () => JSON.parse(readFileSync(join(root, 'www', 'dist', 'kinds.json'), 'utf8')).map((spec) => spec.kind);
const pages = () => [
  ...kinds().map((kind) => ({ name: `Growth Widgets: ${kind}`, url: `/bench/ours.html?kind=${kind}`, ours: true, kind })),
  { name: 'Plotly', url: '/bench/peers/plotly.html' },
  { name: 'Chart.js', url: '/bench/peers/chartjs.html' },
  { name: 'JSXGraph', url: '/bench/peers/jsxgraph.html' },
];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

async function transfer(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const bodies = [];
  page.on('response', async (response) => {
    try {
      bodies.push(await response.body());
    } catch {
      /* redirects and aborted requests have no body */
    }
  });
  await page.goto(url);
  await page.waitForFunction(() => window.firstFrame !== undefined, null, { timeout: 30000 });
  await page.waitForTimeout(300);
  await context.close();
  const sum = (f) => bodies.reduce((n, b) => n + f(b), 0);
  return {
    raw: sum((b) => b.length),
    gzip: sum((b) => gzipSync(b, { level: 9 }).length),
    brotli: sum((b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length),
  };
}

/**
 * First frames of every page, loaded in turn (page 1, 2, …, then again) so a machine that
 * speeds up or slows down during the run affects every page alike.
 */
async function firstFrames(browser, urls) {
  const times = urls.map(() => []);
  for (let i = 0; i < COLD_LOADS; i++) {
    for (const [j, url] of urls.entries()) {
      const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
      const page = await context.newPage();
      await page.goto(url);
      await page.waitForFunction(() => window.firstFrame !== undefined, null, { timeout: 30000 });
      times[j].push(await page.evaluate(() => window.firstFrame));
      await context.close();
    }
  }
  return times.map((all) => ({ median: median(all), all }));
}

async function redraw(browser, entry, url) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 }, deviceScaleFactor: 2 });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.firstFrame !== undefined && window.bench, null, { timeout: 30000 });
  const times = await page.evaluate(
    async ({ ours, changes, WARM_UP }) => {
      // Warm-up, for every library alike: 150 changes over the whole range, then half a
      // second for background compilation (JS and wasm tiers) and garbage collection to settle.
      const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
      for (let i = 0; i < WARM_UP; i++) {
        await nextFrame();
        const fraction = ((i * 7) % WARM_UP) / (WARM_UP - 1);
        if (ours) await window.bench.set(fraction);
        else await window.bench.setRho(-5 + 6 * fraction);
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
      const out = [];
      let undrawn = 0;
      for (let i = 0; i < changes; i++) {
        // One change a frame, as a drag delivers them; the wait for the frame is not timed.
        await nextFrame();
        const fraction = i / (changes - 1);
        const drawn = window.renders;
        const t0 = performance.now();
        if (ours) await window.bench.set(fraction);
        else await window.bench.setRho(-5 + 6 * fraction);
        out.push(performance.now() - t0);
        if (ours && window.renders === drawn) undrawn += 1;
      }
      // Each timed change must have drawn within the time taken, or the times measure nothing.
      if (undrawn > 0) throw new Error(`${undrawn} of ${changes} timed changes did not draw`);
      return out;
    },
    { ours: Boolean(entry.ours), changes: CHANGES, WARM_UP },
  );
  await context.close();
  return { p50: quantile(times, 0.5), p95: quantile(times, 0.95) };
}

async function memory(browser, entry, url) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.firstFrame !== undefined && window.bench, null, { timeout: 30000 });
  const readings = {};
  let done = 0;
  for (const target of CYCLES) {
    await page.evaluate(async (n) => {
      for (let i = 0; i < n; i++) {
        await window.bench.destroy();
        await window.bench.create();
      }
    }, target - done);
    done = target;
    readings[target] = await page.evaluate(async () => {
      for (let i = 0; i < 3; i++) {
        window.gc();
        await new Promise((r) => setTimeout(r, 50));
      }
      return { heap: performance.memory.usedJSHeapSize, wasm: window.bench.wasmBytes?.() ?? 0 };
    });
  }
  let model = null;
  if (entry.ours && entry.kind === 'elasticity') model = await page.evaluate(() => window.bench.evaluate(200));
  await context.close();
  const total = (r) => r.heap + r.wasm;
  return { after10: readings[10], after500: readings[500], growth: total(readings[500]) - total(readings[10]), modelMsPerPoint: model };
}

function criterion() {
  execFileSync('cargo', ['bench', '-p', 'growth-model', '--bench', 'model', '--', '--warm-up-time', '1', '--measurement-time', '2'], { cwd: root, stdio: 'inherit' });
  const estimate = (name) => JSON.parse(readFileSync(join(root, 'target', 'criterion', name, 'new', 'estimates.json'), 'utf8')).mean.point_estimate;
  return Object.fromEntries(['ces_point', 'ces_isoquant_601_points', 'research_feedback_type_ii_run', 'scenario_row_hanson'].map((n) => [n, estimate(n)]));
}

const kb = (n) => (n / 1024).toFixed(1);
const ms = (n) => n.toFixed(2);

function table(results) {
  const ours = results.pages.find((p) => p.kind === 'elasticity');
  const lines = [
    `Measured ${results.date} on ${results.machine.cpu} (${results.machine.cores} cores, ${results.machine.memoryGiB} GiB), ${results.machine.browser}, headless, local build, no network.`,
    '',
    '| Page | Transfer raw / gzip / brotli (KB) | First frame, median of 10 (ms) | Redraw p50 / p95, 800×500 @2× (ms) | Memory growth 10→500 cycles (KB) |',
    '|---|---|---|---|---|',
    ...results.pages.map((p) => `| ${p.name} | ${kb(p.transfer.raw)} / ${kb(p.transfer.gzip)} / ${kb(p.transfer.brotli)} | ${ms(p.firstFrame.median)} | ${ms(p.redraw.p50)} / ${ms(p.redraw.p95)} | ${p.memory ? kb(p.memory.growth) : '—'} |`),
    '',
    'Redraw: time from the input event to the end of the library\'s redraw call, over 300 changes sweeping the first slider (ρ for the peers), one a frame, after 150 warm-up changes and a 0.5 s pause (for every library alike); the browser paints in the next frame. First frame: navigation start to the end of the first draw, in a fresh browser context each time; the pages are loaded in turn, ten rounds. Our page uses the embed the authors\' guide recommends for servers (the module script plus a preload of its .wasm).',
    '',
    'Ratios, peer ÷ ours (elasticity, the same chart):',
    '',
    '| Peer | Size (brotli) | First frame | Redraw p95 |',
    '|---|---|---|---|',
    ...results.pages.filter((p) => !p.ours).map((p) => `| ${p.name} | ${(p.transfer.brotli / ours.transfer.brotli).toFixed(1)}× | ${(p.firstFrame.median / ours.firstFrame.median).toFixed(1)}× | ${(p.redraw.p95 / ours.redraw.p95).toFixed(1)}× |`),
    '',
    `Model alone (native, criterion): one CES point ${results.model.native.ces_point.toFixed(0)} ns; an isoquant of 601 points ${(results.model.native.ces_isoquant_601_points / 1000).toFixed(1)} µs; a type II research run ${(results.model.native.research_feedback_type_ii_run / 1000).toFixed(0)} µs; a scenario row (Hanson) ${(results.model.native.scenario_row_hanson / 1000).toFixed(0)} µs. From JS through the wasm: ${(results.model.jsMsPerPoint * 1e6).toFixed(0)} ns per isoquant point.`,
    '',
    'Targets:',
    '',
    ...results.targets.map((t) => `- ${t.ok ? '✓' : '✗'} ${t.name}: ${t.value}`),
  ];
  return lines.join('\n');
}

async function main() {
  await build();
  const PAGES = pages();
  const server = await startServer();
  const browser = await launchBrowser(['--js-flags=--expose-gc', '--enable-precise-memory-info']);
  const results = {
    date: new Date().toISOString().slice(0, 10),
    machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), browser: `Chromium ${browser.version()}`, node: process.version },
    pages: [],
  };
  console.log(`First frames: ${COLD_LOADS} cold loads of each page, taken in turn…`);
  const frames = await firstFrames(browser, PAGES.map((entry) => server.url(entry.url)));
  for (const [i, entry] of PAGES.entries()) {
    const url = server.url(entry.url);
    process.stdout.write(`${entry.name}: `);
    const row = { name: entry.name, ours: Boolean(entry.ours), kind: entry.kind ?? null };
    row.transfer = await transfer(browser, url);
    row.firstFrame = frames[i];
    row.redraw = await redraw(browser, entry, url);
    row.memory = !entry.ours || entry.kind === 'elasticity' ? await memory(browser, entry, url) : null;
    console.log(`${kb(row.transfer.brotli)} KB brotli, first frame ${ms(row.firstFrame.median)} ms, redraw p95 ${ms(row.redraw.p95)} ms`);
    results.pages.push(row);
  }
  await browser.close();
  await server.close();
  const ourWidgets = results.pages.filter((p) => p.ours);
  const bundle = ['growth-widgets.js', 'growth-widgets.wasm'].reduce((n, f) => n + brotliCompressSync(readFileSync(join(root, 'www', 'dist', f))).length, 0);
  results.model = { native: criterion(), jsMsPerPoint: results.pages.find((p) => p.kind === 'elasticity').memory.modelMsPerPoint };
  const ours = results.pages.find((p) => p.kind === 'elasticity');
  const peer = (name) => results.pages.find((p) => p.name === name);
  const fastestPeer = Math.min(...results.pages.filter((p) => !p.ours).map((p) => p.firstFrame.median));
  results.targets = [
    { name: 'all kinds, JS + wasm ≤ 150 KB brotli', ok: bundle <= 150 * 1024, value: `${kb(bundle)} KB` },
    { name: '≥ 10× smaller than the Plotly page', ok: peer('Plotly').transfer.brotli >= 10 * ours.transfer.brotli, value: `${(peer('Plotly').transfer.brotli / ours.transfer.brotli).toFixed(1)}×` },
    { name: 'smaller than the JSXGraph page', ok: peer('JSXGraph').transfer.brotli > ours.transfer.brotli, value: `${kb(ours.transfer.brotli)} vs ${kb(peer('JSXGraph').transfer.brotli)} KB` },
    { name: 'redraw p95 ≤ 4 ms for every kind', ok: ourWidgets.every((p) => p.redraw.p95 <= 4), value: ourWidgets.map((p) => `${p.kind} ${ms(p.redraw.p95)}`).join(', ') },
    { name: '≥ 3× faster redraw than Plotly', ok: peer('Plotly').redraw.p95 >= 3 * ours.redraw.p95, value: `${(peer('Plotly').redraw.p95 / ours.redraw.p95).toFixed(1)}×` },
    { name: 'first frame no slower than the fastest peer', ok: ours.firstFrame.median <= fastestPeer, value: `${ms(ours.firstFrame.median)} vs ${ms(fastestPeer)} ms` },
    { name: 'memory growth 10→500 cycles ≤ 1 MB', ok: ours.memory.growth <= 1024 * 1024, value: `${kb(ours.memory.growth)} KB` },
  ];
  const text = table(results);
  writeFileSync(join(root, 'bench', 'results.json'), JSON.stringify(results, null, 2));
  writeFileSync(join(root, 'bench', 'RESULTS.md'), `# Benchmark results\n\n${text}\n`);
  const readme = join(root, 'README.md');
  const current = readFileSync(readme, 'utf8');
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  if (current.includes(start)) writeFileSync(readme, `${current.slice(0, current.indexOf(start) + start.length)}\n${text}\n${current.slice(current.indexOf(end))}`);
  console.log(`\n${text}`);
}

await main();
