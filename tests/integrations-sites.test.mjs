// The Hugo and Jekyll examples (examples/hugo, examples/jekyll), built by the real tools with
// their default Markdown settings, at the site root and below a subpath (/blog/): on a post
// below the root, the widget is drawn and answers its slider, nothing 404s, the script is on
// the page once, and with scripts off the static figure shows instead.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { artifacts, canvasStats, launchBrowser } from './helpers.mjs';
import { capture, root } from '../scripts/lib.mjs';
import { serve } from '../scripts/serve.mjs';

const work = join(root, 'tests', 'dist', 'sites');
const dist = join(root, 'www', 'dist');

/** Copies the example and the package's browser files (module, wasm, figures) where the site serves static files. */
function prepare(tool, assetsDir) {
  const src = join(work, `${tool}-src`);
  rmSync(src, { recursive: true, force: true });
  cpSync(join(root, 'examples', tool), src, { recursive: true });
  const assets = join(src, assetsDir);
  mkdirSync(assets, { recursive: true });
  for (const file of ['growth-widgets.js', 'growth-widgets.wasm']) cpSync(join(dist, file), join(assets, file));
  cpSync(join(dist, 'figures'), join(assets, 'figures'), { recursive: true });
  return src;
}

const SITES = {
  hugo: {
    assets: 'static/growth-widgets',
    post: 'posts/capital-and-labor/',
    build: (src, out, base) => execFileSync('hugo', ['--source', src, '--destination', out, '--baseURL', `http://127.0.0.1/${base}`, '--quiet'], { stdio: 'pipe' }),
  },
  jekyll: {
    assets: 'assets/growth-widgets',
    post: '2024/05/01/capital-and-labor.html',
    build: (src, out, base) => execFileSync('jekyll', ['build', '--quiet', '--source', src, '--destination', out, '--baseurl', base ? `/${base.replace(/\/$/, '')}` : ''], { stdio: 'pipe' }),
  },
};

let browser;
const servers = [];
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  for (const s of servers) await new Promise((r) => s.close(r));
});

/** Builds the site with `base` ('' or 'blog/') into its own directory and serves that directory's parent at the root. */
async function buildAndServe(tool, base) {
  const site = SITES[tool];
  const src = prepare(tool, site.assets);
  const top = join(work, `${tool}-out-${base ? 'sub' : 'root'}`);
  rmSync(top, { recursive: true, force: true });
  site.build(src, join(top, base), base);
  const server = await serve(top);
  servers.push(server);
  return `http://127.0.0.1:${server.address().port}/${base}`;
}

async function checkPost(tool, base) {
  const url = await buildAndServe(tool, base);
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));
  const wasm = [];
  page.on('request', (r) => r.url().endsWith('.wasm') && wasm.push(r.url()));
  await page.goto(`${url}${SITES[tool].post}`);
  assert.equal(await page.locator('script[src$="growth-widgets.js"]').count(), 1, 'the script is on the page once');
  assert.equal(await page.locator('growth-widget').count(), 2);
  const widget = page.locator('growth-widget[kind=elasticity]');
  await page.waitForFunction((el) => el.values && el.shadowRoot.querySelector('.status').hidden, await widget.elementHandle(), { timeout: 15000 });
  assert.equal(await widget.evaluate((el) => el.values.rho), -1, 'rho="-1" reached the widget');
  const before = await canvasStats(widget);
  assert.ok(before.ink > before.total * 0.01, `drawn (${before.ink} px)`);
  await widget.locator('input[type=range][data-param=rho]').focus();
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
  await page.waitForFunction((el) => el.values.rho > -1, await widget.elementHandle());
  await page.waitForTimeout(100);
  assert.notEqual((await canvasStats(widget)).hash, before.hash, 'the figure answered the slider');
  await page.screenshot({ path: join(artifacts, `integration-${tool}-${base ? 'subpath' : 'root'}.png`), fullPage: true });
  assert.deepEqual(problems, []);
  // Fetched once, beside the module (Hugo's partial preloads it: the preload is what the module uses).
  assert.deepEqual(wasm, [`${url}${SITES[tool].assets.replace(/^static\//, '')}/growth-widgets.wasm`]);
  await context.close();

  // Scripts off: the kind's static figure, a raw <img> the Markdown renderer kept.
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const plain = await noScript.newPage();
  await plain.goto(`${url}${SITES[tool].post}`);
  const img = plain.locator('growth-widget[kind=elasticity] img');
  await plain.waitForFunction((el) => el.complete && el.naturalWidth > 0, await img.elementHandle());
  assert.ok(await img.isVisible(), 'the fallback figure shows');
  await noScript.close();
}

const missing = (tool) => capture('which', [tool]) === null && `${tool} is not installed (apt-get install -y ${tool}; .ci/run installs it)`;

for (const tool of ['hugo', 'jekyll']) {
  test(`${tool}: a post below the site root draws its widget and it answers its slider`, { skip: missing(tool) }, () => checkPost(tool, ''));
  test(`${tool}: the same site served from a subpath (/blog/)`, { skip: missing(tool) }, () => checkPost(tool, 'blog/'));
}

test('hugo: with the default Markdown config a raw tag in a post is omitted, the shortcode is not', { skip: missing('hugo') }, async () => {
  const src = prepare('hugo', SITES.hugo.assets);
  assert.doesNotMatch(readFileSync(join(src, 'hugo.toml'), 'utf8'), /^\s*unsafe\s*=\s*true/m, 'goldmark keeps its defaults');
  writeFileSync(join(src, 'content', 'posts', 'raw.md'), '---\ntitle: Raw\n---\n\n<growth-widget kind="production"></growth-widget>\n\n{{< growth-widget kind="elasticity" >}}\n');
  const out = join(work, 'hugo-out-raw');
  rmSync(out, { recursive: true, force: true });
  SITES.hugo.build(src, out, '');
  const html = readFileSync(join(out, 'posts', 'raw', 'index.html'), 'utf8');
  assert.match(html, /<!-- raw HTML omitted -->/);
  assert.doesNotMatch(html, /kind="production"/);
  assert.match(html, /<growth-widget kind="elasticity"><img src="\/growth-widgets\/figures\/elasticity.svg"/);
});
