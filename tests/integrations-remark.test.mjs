// The remark plugin, through a real unified pipeline (remark-parse → remark-directive →
// the plugin → remark-rehype → rehype-stringify): the tag comes out with its attributes, values
// escaped, handlers dropped, fallback Markdown rendered, and no raw HTML allowed anywhere.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkDirective from 'remark-directive';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import remarkGrowthWidget from '../plugins/remark.js';

const render = async (markdown) =>
  String(await unified().use(remarkParse).use(remarkDirective).use(remarkGrowthWidget).use(remarkRehype).use(rehypeStringify).process(markdown));

test('a container directive becomes the tag, with its fallback Markdown inside', async () => {
  const html = await render(':::growth-widget{kind=elasticity rho=-1 controls="rho,alpha"}\n![Isoquants](figures/elasticity.svg)\n:::\n');
  assert.match(html, /^<growth-widget kind="elasticity" rho="-1" controls="rho,alpha"><p><img src="figures\/elasticity.svg" alt="Isoquants"><\/p><\/growth-widget>$/);
});

test('a fenced block becomes the tag', async () => {
  const html = await render('```growth-widget\nkind=research-feedback phi=1.5 n=0\n```\n');
  assert.equal(html, '<growth-widget kind="research-feedback" phi="1.5" n="0"></growth-widget>');
});

test('values are escaped and event handlers dropped; raw HTML stays refused', async () => {
  const html = await render(':::growth-widget{kind=elasticity onclick="alert(1)" title="<b>&"}\n:::\n\n<script>alert(2)</script>\n');
  // A quoted attribute value may hold "<" in HTML; "&" and the quote are escaped.
  assert.match(html, /<growth-widget kind="elasticity" title="<b>&#x26;"><\/growth-widget>/);
  assert.doesNotMatch(html, /onclick|<script|alert/);
});

test('other directives and code blocks are left alone', async () => {
  const html = await render(':::note\nhi\n:::\n\n```js\nlet x = 1;\n```\n');
  assert.doesNotMatch(html, /growth-widget/);
  assert.match(html, /<code class="language-js">/);
});
