// `node scripts/compare-frames.mjs <rev-a> <rev-b>`: are two commits' frames pixel-identical?
//
// Builds each revision in a worktree of its own (node_modules and .tools borrowed from this
// checkout), draws every kind either build declares in headless Chromium — light and dark,
// DPR 1 and 2, 640 and 380 CSS px wide; at its defaults, with every parameter set by attribute
// before it mounts, and with the same attributes set after its first frame — and compares the
// canvases' pixels. Also compares the static fallback figures (www/dist/figures/*.svg) as text.
// Prints one line per frame that differs and a count; exits 1 when anything differs.
// For refactors that claim to change no pixel (issue #14). The worktrees ($TMPDIR/frames-tree-<rev>,
// reused by a second run) and the frames ($TMPDIR/frames-<rev>) are kept: delete them, then
// `git worktree prune`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromeArgs, chromePath, root } from './lib.mjs';
import { serve } from './serve.mjs';

const revs = process.argv.slice(2);
if (revs.length !== 2) {
  console.error('usage: node scripts/compare-frames.mjs <rev-a> <rev-b>');
  process.exit(2);
}

function sh(cmd, args, cwd) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} (in ${cwd}) failed:\n${r.stderr || r.stdout}`);
  return r.stdout.trim();
}

/** A built checkout of `rev`: its directory. */
function build(rev) {
  const sha = sh('git', ['rev-parse', '--short', rev], root);
  const dir = join(tmpdir(), `frames-tree-${sha}`);
  if (!existsSync(dir)) sh('git', ['worktree', 'add', '--detach', '-f', dir, sha], root);
  for (const shared of ['node_modules', '.tools']) if (!existsSync(join(dir, shared))) symlinkSync(join(root, shared), join(dir, shared));
  if (!existsSync(join(dir, 'www/dist/kinds.json'))) {
    console.log(`building ${sha} in ${dir} …`);
    sh('node', ['scripts/build.mjs'], dir);
  }
  return { sha, dir };
}

const PAGE = (kind, width, mode) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script type="module" src="/dist/growth-widgets.js"></script></head><body style="margin:0"><div id="box" style="width:${width}px"></div>
<script type="module">
const spec = (await (await fetch('/dist/kinds.json')).json()).find((k) => k.kind === ${JSON.stringify(kind)});
const el = document.createElement('growth-widget');
el.setAttribute('kind', spec.kind);
const set = () => {
  for (const p of spec.params) if (!p.toggle) el.setAttribute(p.name, String(Math.round((p.min + 0.3 * (p.max - p.min)) / p.step) * p.step));
  el.setAttribute('height', '300');
};
if (${JSON.stringify(mode)} === 'attributes') set();
box.append(el);
if (${JSON.stringify(mode)} === 'changed') setTimeout(set, 1200);
</script></body></html>`;

/** Every frame of one build: name → PNG bytes (null: no canvas), and page errors. */
async function capture(browser, { sha, dir }) {
  const out = join(tmpdir(), `frames-${sha}`);
  mkdirSync(out, { recursive: true });
  const server = await serve(join(dir, 'www'), {});
  const base = `http://127.0.0.1:${server.address().port}`;
  const kinds = JSON.parse(readFileSync(join(dir, 'www/dist/kinds.json'), 'utf8')).map((k) => k.kind);
  const frames = new Map();
  for (const colorScheme of ['light', 'dark'])
    for (const deviceScaleFactor of [1, 2])
      for (const width of [640, 380]) {
        const context = await browser.newContext({ colorScheme, deviceScaleFactor, viewport: { width: 800, height: 1000 } });
        await context.route(`${base}/frame.html*`, (route) => {
          const u = new URL(route.request().url());
          route.fulfill({ contentType: 'text/html', body: PAGE(u.searchParams.get('kind'), width, u.searchParams.get('mode')) });
        });
        for (const kind of kinds)
          for (const mode of ['defaults', 'attributes', 'changed']) {
            const page = await context.newPage();
            const errors = [];
            page.on('pageerror', (e) => errors.push(String(e)));
            await page.goto(`${base}/frame.html?kind=${kind}&mode=${mode}`);
            await page.waitForTimeout(mode === 'changed' ? 2500 : 1500);
            const url = await page.evaluate(() => document.querySelector('growth-widget').shadowRoot?.querySelector('canvas')?.toDataURL() ?? null);
            const name = `${kind} ${mode} ${colorScheme} dpr${deviceScaleFactor} ${width}px`;
            const png = url ? Buffer.from(url.split(',')[1], 'base64') : null;
            if (png) writeFileSync(join(out, `${name.replaceAll(' ', '-')}.png`), png);
            frames.set(name, { png, errors });
            await page.close();
          }
        await context.close();
      }
  server.close();
  return frames;
}

/** Pixels that differ between two PNGs, decoded by the browser. */
async function pixelDiff(page, a, b) {
  return page.evaluate(async ([a, b]) => {
    const pixels = async (src) => {
      const img = new Image();
      img.src = src;
      await img.decode();
      const ctx = new OffscreenCanvas(img.width, img.height).getContext('2d');
      ctx.drawImage(img, 0, 0);
      return ctx.getImageData(0, 0, img.width, img.height);
    };
    const [A, B] = [await pixels(a), await pixels(b)];
    if (A.width !== B.width || A.height !== B.height) return `size ${A.width}×${A.height} vs ${B.width}×${B.height}`;
    let n = 0;
    for (let i = 0; i < A.data.length; i += 4) if (A.data.slice(i, i + 4).some((v, k) => v !== B.data[i + k])) n++;
    return n ? `${n} of ${A.width * A.height} pixels differ` : null;
  }, [a, b].map((png) => `data:image/png;base64,${png.toString('base64')}`));
}

const [a, b] = revs.map(build);
const browser = await chromium.launch({ executablePath: chromePath(), headless: true, args: chromeArgs.filter((x) => x !== '--headless') });
const [fa, fb] = [await capture(browser, a), await capture(browser, b)];
const page = await browser.newPage();
let same = 0;
let differ = 0;
for (const name of new Set([...fa.keys(), ...fb.keys()])) {
  const [x, y] = [fa.get(name), fb.get(name)];
  const errors = [...(x?.errors ?? []), ...(y?.errors ?? [])];
  let why = !x || !y ? `only in ${x ? a.sha : b.sha}` : !x.png || !y.png ? 'no canvas' : x.png.equals(y.png) ? null : await pixelDiff(page, x.png, y.png);
  if (errors.length) why = `${why ?? 'identical'}; page errors: ${errors.join(' | ')}`;
  if (why) {
    differ++;
    console.log(`✗ ${name}: ${why}`);
  } else same++;
}
console.log(`frames: ${same} identical, ${differ} different (${a.sha} vs ${b.sha})`);
const figures = (d) => (existsSync(join(d, 'www/dist/figures')) ? readdirSync(join(d, 'www/dist/figures')) : []);
for (const f of new Set([...figures(a.dir), ...figures(b.dir)])) {
  const [x, y] = [a, b].map((r) => (existsSync(join(r.dir, 'www/dist/figures', f)) ? readFileSync(join(r.dir, 'www/dist/figures', f), 'utf8') : null));
  if (x === y) continue;
  differ++;
  const colours = (s) => new Set(s?.match(/#[0-9A-Fa-f]{6}\b/g) ?? []);
  const [cx, cy] = [colours(x), colours(y)];
  console.log(`✗ static figure ${f} differs; colours only in ${a.sha}: ${[...cx].filter((c) => !cy.has(c)).join(' ') || '—'}, only in ${b.sha}: ${[...cy].filter((c) => !cx.has(c)).join(' ') || '—'}`);
}
await browser.close();
process.exit(differ ? 1 : 0);
