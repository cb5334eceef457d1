// The markdown-it plugin (growth-widgets/markdown-it): directives and fenced blocks become the
// tag, values are escaped, and a page rendered with it draws a widget that answers its slider.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import growthWidget, { parseAttributes } from 'growth-widgets/markdown-it';
import { artifacts, canvasStats, newPage, useBrowser, waitDrawn } from './helpers.mjs';
import { root } from '../scripts/lib.mjs';

const render = (src, options) => new MarkdownIt({ html: false }).use(growthWidget, options).render(src);

test('a ::: growth-widget directive becomes the tag with its attributes', () => {
  assert.equal(render('::: growth-widget kind=elasticity rho=-1\n:::\n'), '<growth-widget kind="elasticity" rho="-1">\n</growth-widget>\n');
});

test('quoted values keep their spaces and commas; names are lowercased as HTML would', () => {
  const html = render(`::: growth-widget kind="elasticity" controls="rho,alpha" K='2'\n:::`);
  assert.equal(html, '<growth-widget kind="elasticity" controls="rho,alpha" k="2">\n</growth-widget>\n');
});

test('the lines inside the directive are Markdown, rendered as fallback content', () => {
  const html = render('::: growth-widget kind=elasticity\n![Isoquants](figures/elasticity.svg)\n:::\n\nAfter.');
  assert.equal(html, '<growth-widget kind="elasticity">\n<p><img src="figures/elasticity.svg" alt="Isoquants"></p>\n</growth-widget>\n<p>After.</p>\n');
});

test('values are escaped; names that are not attribute names and on* handlers are dropped', () => {
  const html = render(`::: growth-widget kind='x"><script>alert(1)</script>' onload=alert(1) ONCLICK=x "><img=1 rho='"<&>'\n:::`);
  assert.equal(html, '<growth-widget kind="x&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" rho="&quot;&lt;&amp;&gt;">\n</growth-widget>\n');
  assert.deepEqual(parseAttributes('a=1 b="2 3" c=\'4\' 5x=6 d'), [['a', '1'], ['b', '2 3'], ['c', '4'], ['d', '']]);
});

test('a ```growth-widget fenced block becomes the tag; other fences are untouched', () => {
  const html = render('```growth-widget kind=task-automation\nbeta=0.7 rho=-1\n```\n\n```js\nlet a = 1;\n```\n');
  assert.equal(html, '<growth-widget kind="task-automation" beta="0.7" rho="-1"></growth-widget>\n<pre><code class="language-js">let a = 1;\n</code></pre>\n');
  assert.match(render('```growth-widget kind=x\n```', { fence: false }), /<pre><code class="language-growth-widget">/);
});

test('an ordinary ::: block, or an unclosed directive at the end, does not swallow the document', () => {
  assert.equal(render('::: note\ntext\n:::'), '<p>::: note\ntext\n:::</p>\n');
  assert.equal(render('# Title\n\n::: growth-widget kind=production\n'), '<h1>Title</h1>\n<growth-widget kind="production">\n</growth-widget>\n');
});

const env = useBrowser();

test('the example post (examples/markdown-it) rendered with the plugin draws its widget and it answers its slider', async () => {
  const out = join(root, 'tests', 'dist', 'markdown-it');
  mkdirSync(join(out, 'figures'), { recursive: true });
  for (const file of ['growth-widgets.js', 'growth-widgets.wasm', 'figures/elasticity.svg']) cpSync(join(root, 'www', 'dist', file), join(out, file));
  const { renderPage } = await import('../examples/markdown-it/render.mjs');
  writeFileSync(join(out, 'index.html'), renderPage(readFileSync(join(root, 'examples', 'markdown-it', 'post.md'), 'utf8')));
  const page = await newPage(env.browser);
  await page.goto(env.server.url('/tests/dist/markdown-it/index.html'));
  assert.equal(await page.locator('growth-widget').count(), 2, 'the directive and the fence');
  const widget = await waitDrawn(page, 'growth-widget[kind=elasticity]');
  assert.equal(await widget.evaluate((el) => el.values.rho), -1, 'the attribute reached the widget');
  const before = await canvasStats(widget);
  assert.ok(before.ink > before.total * 0.01, `drawn (${before.ink} px)`);
  const slider = widget.locator('input[type=range][data-param=rho]');
  await slider.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await page.waitForFunction((el) => el.values.rho > -1, await widget.elementHandle());
  await page.waitForTimeout(100);
  const after = await canvasStats(widget);
  assert.notEqual(after.hash, before.hash, 'the figure changed with the slider');
  await page.screenshot({ path: join(artifacts, 'integration-markdown-it.png') });
  assert.deepEqual(page.problems, []);
  await page.context().close();
  // Scripts off: the directive's Markdown image is the fallback.
  const plain = await newPage(env.browser, { javaScriptEnabled: false });
  await plain.goto(env.server.url('/tests/dist/markdown-it/index.html'));
  const img = plain.locator('growth-widget[kind=elasticity] img');
  await plain.waitForFunction((el) => el.complete && el.naturalWidth > 0, await img.elementHandle());
  assert.ok(await img.isVisible());
  await plain.context().close();
});
