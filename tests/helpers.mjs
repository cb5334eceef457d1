// Shared by the browser tests: one static server over the repository, one headless Chromium.
import { after, before } from 'node:test';
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { chromeArgs, chromePath, root } from '../scripts/lib.mjs';
import { serve } from '../scripts/serve.mjs';

export const artifacts = join(root, 'tests', 'artifacts');
mkdirSync(artifacts, { recursive: true });

/** Starts the server over the repository root; returns {url(path), close()}. */
export async function startServer(options = {}) {
  const server = await serve(root, options);
  const base = `http://127.0.0.1:${server.address().port}`;
  return { url: (path) => `${base}${path}`, close: () => new Promise((r) => server.close(r)), origin: base };
}

/** Launches Debian's Chromium headless with the flags this machine needs. */
export async function launchBrowser(extraArgs = []) {
  const executablePath = chromePath();
  if (!executablePath) throw new Error('Chromium not found: apt-get install -y chromium (or set CHROME_PATH)');
  return chromium.launch({ executablePath, headless: true, args: [...chromeArgs.filter((a) => a !== '--headless'), ...extraArgs] });
}

/** A page that records console errors and uncaught exceptions into `page.problems`. */
export async function newPage(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, ...options });
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error') page.problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  return page;
}

/** Waits until the n-th <growth-widget> has drawn a frame (its loading status hidden). */
export async function waitDrawn(page, selector = 'growth-widget') {
  const handle = page.locator(selector).first();
  await handle.scrollIntoViewIfNeeded();
  await page.waitForFunction(
    (el) => el.shadowRoot && el.shadowRoot.querySelector('.status').hidden && el.shadowRoot.querySelector('canvas').width > 0,
    await handle.elementHandle(),
    { timeout: 15000 },
  );
  return handle;
}

/** Counts canvas pixels that differ from the top-left (background) pixel, and a hash of all pixels. */
export async function canvasStats(locator) {
  return locator.evaluate((el) => {
    const canvas = el.shadowRoot.querySelector('canvas');
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    const bg = [data[0], data[1], data[2]];
    let ink = 0;
    let hash = 2166136261;
    for (let i = 0; i < data.length; i += 4) {
      if (Math.abs(data[i] - bg[0]) + Math.abs(data[i + 1] - bg[1]) + Math.abs(data[i + 2] - bg[2]) > 30) ink++;
      hash = Math.imul(hash ^ (data[i] + 7 * data[i + 1] + 13 * data[i + 2]), 16777619) >>> 0;
    }
    return { ink, hash, width: canvas.width, height: canvas.height, total: data.length / 4 };
  });
}

/** The text a person reads in the widget's shadow root part (`.errors`, `.readouts`, …). */
export async function shadowText(locator, selector) {
  return locator.evaluate((el, sel) => el.shadowRoot.querySelector(sel)?.textContent ?? '', selector);
}

/** Waits (at most 10 s) for the next growth-render of the widget after `action` runs. */
export async function afterRender(locator, action) {
  await locator.evaluate((el) => {
    el.renderedOnce = new Promise((resolve) => el.addEventListener('growth-render', () => resolve(true), { once: true }));
  });
  await action();
  const drawn = await locator.evaluate((el) => Promise.race([el.renderedOnce, new Promise((r) => setTimeout(() => r(false), 10000))]));
  if (!drawn) throw new Error('the widget did not redraw within 10 s of the action');
}

/** One server over the repository and one Chromium for a test file: `env.server`, `env.browser`. */
export function useBrowser(serverOptions = {}, browserArgs = []) {
  const env = {};
  before(async () => {
    env.server = await startServer(serverOptions);
    env.browser = await launchBrowser(browserArgs);
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/** Adds a widget with `attributes` to the plain fixture page and waits for it to settle. */
export async function mount(page, attributes, id = 'w') {
  await page.evaluate(
    ({ attributes, id }) => {
      const el = document.createElement('growth-widget');
      el.id = id;
      for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, v);
      document.getElementById('stage').append(el);
    },
    { attributes, id },
  );
  const widget = page.locator(`#${id}`);
  await widget.scrollIntoViewIfNeeded();
  await page.waitForFunction(
    (el) => el.shadowRoot && (el.shadowRoot.querySelector('.status').hidden || el.shadowRoot.querySelector('.errors').textContent),
    await widget.elementHandle(),
    { timeout: 15000 },
  );
  return widget;
}

/** A new page on `env`'s browser with the fixture `tests/fixtures/<name>.html` loaded. */
export async function openFixture(env, name, options = {}) {
  const page = await newPage(env.browser, options);
  await page.goto(env.server.url(`/tests/fixtures/${name}.html`));
  return page;
}

/** Records every request that leaves the page's own origin (or the file system). */
export function watchRequests(page, allowed) {
  const foreign = [];
  page.on('request', (r) => {
    const url = r.url();
    if (!allowed.some((prefix) => url.startsWith(prefix)) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
  });
  return foreign;
}
