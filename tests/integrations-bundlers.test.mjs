// The Vite, React 19 and Vue 3 examples (examples/vite, examples/react, examples/vue), each
// installed from this package's `npm pack` tarball (no registry copy of growth-widgets; Vite,
// React and Vue come from npm's cache, which the root's npm ci fills — only their version
// lists may need the registry) and built by Vite: the .wasm is emitted and found,
// the built site draws from a subpath, the dev server draws, and the frameworks pass
// properties in and growth-change events out. Also: importing the package in plain Node
// (server rendering) does not throw and defines nothing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { artifacts, canvasStats, launchBrowser } from './helpers.mjs';
import { root } from '../scripts/lib.mjs';
import { serve } from '../scripts/serve.mjs';

const work = join(root, 'tests', 'dist', 'examples');
const version = JSON.parse(execFileSync('node', ['-p', 'JSON.stringify(require("./package.json").version)'], { cwd: root, encoding: 'utf8' }));
const tarball = `growth-widgets-${version}.tgz`;
const npm = (args, cwd) => execFileSync('npm', args, { cwd, stdio: 'pipe', encoding: 'utf8' });

let browser;
const servers = [];
const children = [];
before(async () => {
  mkdirSync(work, { recursive: true });
  rmSync(join(work, tarball), { force: true });
  npm(['pack', '--pack-destination', work, '--silent'], root);
  browser = await launchBrowser();
});
after(async () => {
  for (const child of children) if (child.exitCode === null) process.kill(child.pid);
  await browser?.close();
  for (const s of servers) await new Promise((r) => s.close(r));
});

/** A fresh copy of the example with the tarball installed (npm install, offline) and built by Vite. */
function install(name) {
  const dir = join(work, name);
  rmSync(dir, { recursive: true, force: true });
  cpSync(join(root, 'examples', name), dir, { recursive: true, filter: (f) => !/node_modules|[\\/]dist$/.test(f) });
  cpSync(join(work, tarball), join(dir, tarball));
  npm(['install', '--prefer-offline', '--no-audit', '--no-fund', '--no-package-lock', '--ignore-scripts'], dir);
  return dir;
}

const vite = (dir, args) => join(dir, 'node_modules', 'vite', 'bin', 'vite.js');

function build(dir) {
  execFileSync('node', [vite(dir), 'build', '--logLevel', 'warn'], { cwd: dir, stdio: 'pipe' });
  const emitted = readdirSync(join(dir, 'dist', 'assets'));
  assert.ok(emitted.some((f) => f.endsWith('.wasm')), `the .wasm is emitted (${emitted.join(', ')})`);
}

/** Serves the built site below a subpath (/apps/<name>/), as a site under a domain's root would be. */
async function serveBuilt(dir, name) {
  const top = join(work, `${name}-served`);
  rmSync(top, { recursive: true, force: true });
  cpSync(join(dir, 'dist'), join(top, 'apps', name), { recursive: true });
  const server = await serve(top);
  servers.push(server);
  return `http://127.0.0.1:${server.address().port}/apps/${name}/`;
}

const freePort = () =>
  new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

/** Starts Vite's dev server for the example; resolves with its URL once it listens. */
async function devServer(dir) {
  const port = await freePort();
  const child = spawn('node', [vite(dir), '--port', String(port), '--strictPort', '--host', '127.0.0.1'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`vite dev did not start: ${output}`)), 30000);
    const onData = (d) => {
      output += d;
      if (output.includes(`${port}`) && /Local/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`vite dev exited (${code}): ${output}`)));
  });
  return `http://127.0.0.1:${port}/`;
}

/** Opens `url`, waits for the widget to draw, moves ρ with the keyboard and checks the figure changed; returns the page. */
async function openAndDrag(url, shot) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (m) => m.type() === 'error' && page.problems.push(m.text()));
  page.on('pageerror', (e) => page.problems.push(e.message));
  page.on('response', (r) => r.status() >= 400 && page.problems.push(`${r.status()} ${r.url()}`));
  const wasm = [];
  page.on('response', (r) => r.url().endsWith('.wasm') && wasm.push(r.status()));
  await page.goto(url);
  const widget = page.locator('growth-widget');
  await page.waitForFunction((el) => el.values && el.shadowRoot.querySelector('.status').hidden && el.shadowRoot.querySelector('canvas').width > 0, await widget.elementHandle(), { timeout: 20000 });
  assert.deepEqual(wasm, [200], 'the .wasm was fetched once and found');
  assert.equal(await widget.evaluate((el) => el.values.rho), -1);
  const before = await canvasStats(widget);
  assert.ok(before.ink > before.total * 0.01, `drawn (${before.ink} px)`);
  await widget.locator('input[type=range][data-param=rho]').focus();
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
  await page.waitForFunction((el) => el.values.rho > -1, await widget.elementHandle());
  await page.waitForTimeout(100);
  assert.notEqual((await canvasStats(widget)).hash, before.hash, 'the figure answered the slider');
  await page.screenshot({ path: join(artifacts, shot) });
  return { page, widget, context };
}

test('vite: the production build emits the .wasm and draws from a subpath; the dev server draws too', async () => {
  const dir = install('vite');
  build(dir);
  const built = await openAndDrag(await serveBuilt(dir, 'vite'), 'integration-vite-build.png');
  assert.match(await built.page.locator('#last-change').textContent(), /ρ = -0\.\d+/, 'growth-change reached the page');
  assert.deepEqual(built.page.problems, []);
  await built.context.close();
  const dev = await openAndDrag(await devServer(dir), 'integration-vite-dev.png');
  assert.deepEqual(dev.page.problems, []);
  await dev.context.close();
});

/** The framework examples: state → property (a button sets ρ), event → state (the slider's growth-change shows in the framework's text). */
async function frameworkRoundTrip(name, stateSelector) {
  const dir = install(name);
  build(dir);
  const { page, widget, context } = await openAndDrag(await serveBuilt(dir, name), `integration-${name}.png`);
  const moved = await widget.evaluate((el) => el.values.rho);
  await page.waitForFunction(([sel, rho]) => document.querySelector(sel).textContent.includes(`last change from the widget: ${rho}`), [stateSelector, moved]);
  const before = await canvasStats(widget);
  await page.getByRole('button', { name: /Substitutes/ }).click();
  await page.waitForFunction((el) => el.values.rho === 0.5, await widget.elementHandle());
  await page.waitForTimeout(100);
  assert.notEqual((await canvasStats(widget)).hash, before.hash, 'the property set by the framework redrew the figure');
  assert.equal(await widget.getAttribute('rho'), '0.5', 'the property mirrors to the attribute');
  assert.match(await page.locator(stateSelector).textContent(), /ρ = 0\.5/);
  await page.screenshot({ path: join(artifacts, `integration-${name}-after.png`) });
  assert.deepEqual(page.problems, []);
  await context.close();
  return dir;
}

test('react 19: properties in (rho={…}) and growth-change out (ongrowth-change) through React’s custom-element support', () => frameworkRoundTrip('react', '#react-state'));

test('vue 3: :rho binds the property and @growth-change listens, with growth-widget declared a custom element', () => frameworkRoundTrip('vue', '#vue-state'));

test('server rendering: importing the package in plain Node (no DOM) does not throw and defines nothing', () => {
  const dir = join(work, 'vite');
  assert.ok(existsSync(join(dir, 'node_modules', 'growth-widgets')), 'installed by the vite test');
  const script = `
    const before = new Set(Object.getOwnPropertyNames(globalThis));
    await import('growth-widgets');
    const md = await import('growth-widgets/markdown-it');
    const added = Object.getOwnPropertyNames(globalThis).filter((n) => !before.has(n));
    console.log(JSON.stringify({ added, customElements: typeof customElements, plugin: typeof md.default }));`;
  const out = JSON.parse(execFileSync('node', ['--input-type=module', '-e', script], { cwd: dir, encoding: 'utf8' }));
  assert.deepEqual(out, { added: [], customElements: 'undefined', plugin: 'function' });
});
