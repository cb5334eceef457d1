// Pages and manifests generated from the kinds' declarations (kinds.json), so none can drift
// from the code: the authors' guide, custom-elements.json, TypeScript declarations, static
// fallback figures; plus the transcript page built from the real episode transcript when it
// is present, and local copies of KaTeX and reveal.js (nothing is loaded from a CDN).
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from './lib.mjs';

const www = join(root, 'www');
const dist = join(www, 'dist');
export const TRANSCRIPT = join(root, '..', 'shared', 'seed', 'trammell-episode-transcript.md');

/** Text for HTML, attribute-safe. */
export const esc = (text) =>
  String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

const number = (v) => String(Math.round(v * 1e9) / 1e9).replace('-', '−');

function copyVendor() {
  const modules = join(root, 'node_modules');
  const katex = join(dist, 'vendor', 'katex');
  mkdirSync(join(katex, 'fonts'), { recursive: true });
  for (const file of ['katex.min.js', 'katex.min.css']) cpSync(join(modules, 'katex', 'dist', file), join(katex, file));
  cpSync(join(modules, 'katex', 'dist', 'fonts'), join(katex, 'fonts'), { recursive: true, filter: (f) => !/\.(ttf|woff)$/.test(f) });
  const reveal = join(dist, 'vendor', 'reveal');
  mkdirSync(join(reveal, 'theme'), { recursive: true });
  for (const file of ['reveal.js', 'reveal.css']) cpSync(join(modules, 'reveal.js', 'dist', file), join(reveal, file));
  cpSync(join(modules, 'reveal.js', 'dist', 'theme', 'white.css'), join(reveal, 'theme', 'white.css'));
}

/** A widget tag for the guide's examples and snippets. */
function tag(kind, attributes = {}) {
  const extra = Object.entries(attributes).map(([k, v]) => ` ${k}="${esc(v)}"`).join('');
  return `<growth-widget kind="${esc(kind)}"${extra}></growth-widget>`;
}

function attributeRows(spec, element) {
  const rows = spec.params.map(
    (p) => `<tr><td><code>${esc(p.name)}</code></td><td>${esc(p.label)}</td><td>${p.toggle ? '0 or 1' : `${number(p.min)} to ${number(p.max)}`}</td><td>${number(p.default)}</td><td>${esc(p.unit.trim())}</td><td>${esc(p.help)}</td></tr>`,
  );
  for (const o of spec.options) rows.push(`<tr><td><code>${esc(o.name)}</code></td><td>text</td><td>see description</td><td></td><td></td><td>${esc(o.help)}</td></tr>`);
  const presets = spec.presets.map((p) => `<code>${esc(p.name)}</code>`).join(', ');
  rows.push(`<tr><td><code>preset</code></td><td>Preset</td><td>${presets || 'none'}</td><td></td><td></td><td>Applies a named set of values before the other attributes.</td></tr>`);
  rows.push(`<tr><td><code>controls</code></td><td>Controls shown</td><td>comma-separated names, or <code>none</code></td><td>all</td><td></td><td>Show only some controls; <code>none</code> makes a static figure.</td></tr>`);
  rows.push(`<tr><td><code>height</code></td><td>Figure height</td><td>${element.height[0]} to ${element.height[1]}</td><td>${spec.height}</td><td>px</td><td>Height of the drawing in CSS pixels.</td></tr>`);
  return rows.join('\n');
}

function guide(kinds, shim) {
  const toc = kinds.map((k) => `<li><a href="#${k.kind}">${esc(k.title)}</a> — <code>${esc(k.kind)}</code></li>`).join('\n');
  const sections = kinds
    .map((spec) => {
      const example = spec.options.length ? tag(spec.kind, { [spec.options[0].name]: spec.options[0].example }) : tag(spec.kind, { [spec.params[0].name]: String(spec.params[0].default) });
      return `<section id="${spec.kind}">
<h2>${esc(spec.title)} <code>${esc(spec.kind)}</code></h2>
<p>${esc(spec.summary)}</p>
${tag(spec.kind)}
<h3>Copy and paste</h3>
<pre tabindex="0"><code>${esc(example)}</code></pre>
<h3>Attributes and properties</h3>
<div class="scroll"><table><thead><tr><th>Attribute</th><th>Label</th><th>Valid values</th><th>Default</th><th>Unit</th><th>Meaning</th></tr></thead>
<tbody>${attributeRows(spec, shim.element)}</tbody></table></div>
<p>Names for <a href="#explorable"><code>&lt;growth-value&gt;</code> and <code>&lt;growth-text&gt;</code></a>: the parameters above, <code>description</code>, and the readouts ${spec.initial.readouts.map((r) => `<code>${esc(r.key)}</code> (${esc(r.label)})`).join(', ')}.</p>
</section>`;
    })
    .join('\n');
  const rows = (list) => list.map((cells) => `<tr>${cells.map((c, i) => `<td>${i === 0 ? `<code>${esc(c)}</code>` : esc(c)}</td>`).join('')}</tr>`).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>Growth Widgets — the authors' guide</title>
<link rel="stylesheet" href="page.css">
<link rel="preload" href="dist/growth-widgets.wasm" as="fetch" type="application/wasm" crossorigin>
<script type="module" src="dist/growth-widgets.js"></script>
</head>
<body>
<header class="masthead">
<p class="kicker">Growth Widgets</p>
<h1>The authors’ guide</h1>
<p class="lede">Live diagrams of the economics of transformative AI in any page: one script, one tag. Everything below is generated from the widgets’ own declarations.</p>
</header>
<main>
<nav class="toc" aria-label="Contents"><strong>Contents</strong><ol>
<li><a href="#embed">Embedding</a></li>
<li><a href="#recipes">Recipes: HTML, Markdown, reveal.js</a></li>
${toc}
<li><a href="#explorable">Explorable pages: linked widgets, numbers in the prose, links</a></li>
<li><a href="#events">Events</a></li>
<li><a href="#theming">Theming: CSS custom properties and parts</a></li>
<li><a href="#errors">Errors and limits</a></li>
</ol></nav>
<section id="embed">
<h2>Embedding</h2>
<p>Copy <code>growth-widgets.inline.js</code> (one file with the WebAssembly inside; it also works from <code>file://</code>) next to your page and add:</p>
<pre tabindex="0"><code>${esc('<script src="growth-widgets.inline.js"></script>\n<growth-widget kind="elasticity" rho="-1"></growth-widget>')}</code></pre>
<p>On a server, the ES module with its <code>.wasm</code> beside it is smaller and cached separately. The module finds the <code>.wasm</code> beside itself, so write both URLs relative to the page (or with your site's subpath), never from the domain's root. The <code>preload</code> line is optional: it lets the browser fetch the engine while it fetches the script, instead of after it (about 30 ms sooner to the first frame):</p>
<pre tabindex="0"><code>${esc('<link rel="preload" href="assets/growth-widgets.wasm"\n      as="fetch" type="application/wasm" crossorigin>\n<script type="module" src="assets/growth-widgets.js"></script>')}</code></pre>
<p>Widgets start when they come near the viewport, reserve their space before they start (no layout jump), and never load anything from another site. Content inside the tag is shown when scripts are off or the engine cannot load:</p>
<pre tabindex="0"><code>${esc('<growth-widget kind="elasticity">\n  <img src="elasticity.svg" alt="Isoquants for ρ = −0.5">\n</growth-widget>')}</code></pre>
<p>Every attribute is also a property (<code>el.rho = -1</code>); <code>el.values</code> holds the current numbers, <code>el.tag</code> the tag that reproduces the figure, and <code>el.toSVG()</code>, <code>el.downloadPNG()</code>, <code>el.renderNow()</code> do what they say. The package ships <code>custom-elements.json</code> and TypeScript declarations for editors.</p>
</section>
<section id="recipes">
<h2>Recipes</h2>
<h3>Plain HTML</h3>
<pre tabindex="0"><code>${esc('<script src="growth-widgets.inline.js"></script>\n<growth-widget kind="research-feedback" phi="1.5" n="0"></growth-widget>')}</code></pre>
<h3>Hugo</h3>
<p>Hugo's default Markdown settings replace raw HTML with <code>&lt;!-- raw HTML omitted --&gt;</code>, so a hand-written tag silently vanishes. Copy the shortcode and the partial from <code>examples/hugo/layouts/</code> and the package's <code>growth-widgets.js</code>, <code>.wasm</code> and <code>figures/</code> into <code>static/growth-widgets/</code>; the partial adds the script once per page with <code>relURL</code>, so pretty URLs and subpaths work, and no setting changes:</p>
<pre tabindex="0"><code>${esc('{{< growth-widget kind="elasticity" preset="complements" controls="rho" >}}')}</code></pre>
<h3>Jekyll</h3>
<p>Copy <code>_includes/growth-widget.html</code> from <code>examples/jekyll/</code> and the same files into <code>assets/growth-widgets/</code>; the include uses <code>relative_url</code> (a post at <code>/2024/05/01/name.html</code> would otherwise fetch the script from its own folder) and its fallback is a raw <code>&lt;img&gt;</code>, which kramdown keeps:</p>
<pre tabindex="0"><code>${esc('{% include growth-widget.html kind="elasticity" preset="complements" controls="rho" %}')}</code></pre>
<h3>markdown-it</h3>
<p><code>md.use(growthWidget)</code> with <code>import growthWidget from 'growth-widgets/markdown-it'</code> turns a container into the tag, with values escaped, so a site can keep <code>html: false</code>:</p>
<pre tabindex="0"><code>${esc('::: growth-widget kind=elasticity rho=-1\nFallback text shown when scripts are off.\n:::')}</code></pre>
<p>In a unified (remark) pipeline, <code>.use(remarkDirective).use(remarkGrowthWidget)</code> with <code>import remarkGrowthWidget from 'growth-widgets/remark'</code> does the same for <code>:::growth-widget{kind=elasticity rho=-1}</code>, through the syntax tree (no raw HTML).</p>
<h3>Bundlers and frameworks</h3>
<p><code>import 'growth-widgets'</code> in Vite (the <code>.wasm</code> is emitted and found), React 19 (<code>&lt;growth-widget rho={rho} ongrowth-change={…}&gt;</code>: props are set as properties) or Vue 3 (<code>isCustomElement</code> for <code>growth-widget</code>); the package's types declare the element for TSX and Vue. Importing it where there is no DOM (server rendering) defines nothing; the tag upgrades on the client. Working projects: <code>examples/vite</code>, <code>examples/react</code>, <code>examples/vue</code>.</p>
<h3>reveal.js</h3>
<p>Use the inline bundle so the deck works offline, and the <code>GrowthWidgets</code> plugin (<code>growth-widgets.reveal.js</code>, or <code>growth-widgets/reveal</code>) with reveal's notes plugin: widgets on hidden slides do no work, redraw crisply when reveal rescales, draw before printing, and the speaker view and the audience window stay in sync. Arrow keys inside a widget stay there:</p>
<pre tabindex="0"><code>${esc('<script src="growth-widgets.inline.js"></script>\n<script src="growth-widgets.reveal.js"></script>\n<section><h2>Research feedback</h2>\n  <growth-widget kind="research-feedback" height="380"></growth-widget>\n</section>\n<script>\n  Reveal.initialize({ plugins: [RevealNotes, GrowthWidgets] });\n</script>')}</code></pre>
</section>
${sections}
${explorable(shim.element)}
<section id="events">
<h2>Events</h2>
<div class="scroll"><table><thead><tr><th>Event</th><th><code>detail</code></th><th>When</th></tr></thead><tbody>
${rows(shim.EVENTS)}
</tbody></table></div>
</section>
<section id="theming">
<h2>Theming</h2>
<p>Colours follow <code>prefers-color-scheme</code>; set any of these on the element or an ancestor to override them:</p>
<div class="scroll"><table><thead><tr><th>Custom property</th><th>Light default</th><th>What it colours</th></tr></thead><tbody>
${rows(shim.CSS_PROPERTIES)}
</tbody></table></div>
<p>Every default colour used for text or marks reaches 4.5:1 against the background in both schemes (series labels are drawn in their own colour), and borders of fields and buttons 3:1; <code>--growth-widget-grid</code> alone stays faint, because the grid lines, the figure’s frame and the selected row’s background carry no information (the axes’ ticks and labels, and the row’s accent bar and its selected state, do). Paths are told apart by dash patterns or direct labels, never by colour alone. Under <code>forced-colors: active</code> (Windows high contrast) the figure is drawn in the system’s colours. Overriding a colour, keep these contrasts.</p>
<p>Parts, for <code>growth-widget::part(name)</code>:</p>
<div class="scroll"><table><thead><tr><th>Part</th><th>What it is</th></tr></thead><tbody>
${rows(shim.PARTS)}
</tbody></table></div>
</section>
<section id="errors">
<h2>Errors and limits</h2>
<p>A refused value never blanks the figure: the widget keeps (or falls back to) the last valid value, says so inside itself, and fires <code>growth-error</code>. The messages read:</p>
<ul>
<li><code>rho="abc" is not a number; valid range −5 to 1.</code> (also <em>is empty</em>, <em>is not a finite number</em> for NaN or Infinity, <em>is out of range</em>), followed by <code>Showing rho = −0.5 instead.</code></li>
<li><code>kind="…" is not a known kind; one of: ${kinds.map((k) => esc(k.kind)).join(', ')}.</code></li>
<li><code>foo="1" is not a parameter of kind="elasticity"; its parameters are rho, alpha, K, L.</code></li>
<li><code>preset="…" is not a preset of this kind; one of: ….</code> and <code>scenario="…" is not a row of the tables; one of: ….</code></li>
<li><code>controls="…" names …, which this kind does not have; valid names: ….</code> and <code>height="…" is not a valid height; a height in CSS pixels from ${shim.element.height[0]} to ${shim.element.height[1]}.</code></li>
<li><code>rho = −1 is outside this row's model range; valid range (0, 1].</code> when a scenario's model refuses a value.</li>
<li><code>The diagram engine failed to load: …</code> when the WebAssembly cannot be fetched or is blocked; the slotted fallback is shown.</li>
</ul>
<p>Limits: every model is validated to its documented range (ρ from −50 to 1 in the model crate, narrower on the sliders); trajectories that blow up in finite time stop there and report the blow-up time instead of overflowing.</p>
</section>
</main>
<footer><p>Generated from the widgets’ declarations by <code>npm run build</code>.</p></footer>
</body>
</html>
`;
}

/** The guide's section on linked widgets, prose values and links, from the element's declaration. */
function explorable(element) {
  const attribute = (name) => element.attributes.find((a) => a.name === name)?.help ?? '';
  const companions = element.companions
    .map(
      (c) => `<h3><code>&lt;${esc(c.tag)}&gt;</code></h3>
<p>${esc(c.summary)}</p>
<div class="scroll"><table><thead><tr><th>Attribute</th><th>Meaning</th></tr></thead><tbody>
${c.attributes.map((a) => `<tr><td><code>${esc(a.name)}</code></td><td>${esc(a.help)}</td></tr>`).join('\n')}
</tbody></table></div>`,
    )
    .join('\n');
  const example = [
    '<p>At ρ = <growth-value for="f" name="rho" adjustable></growth-value>',
    '   the wage is <growth-value for="f" name="wage"></growth-value>:',
    '   <growth-text for="e" name="description"></growth-text></p>',
    '<growth-widget id="f" kind="production" group="ces"></growth-widget>',
    '<growth-widget id="e" kind="elasticity" group="ces"></growth-widget>',
  ].join('\n');
  return `<section id="explorable">
<h2>Explorable pages</h2>
<p>Widgets can talk to each other and to the text around them, with plain HTML:</p>
<pre tabindex="0"><code>${esc(example)}</code></pre>
<h3>Linked widgets: <code>group</code></h3>
<p>${esc(attribute('group'))} The first member to start sets the values the group shares; one that starts later (off-screen widgets start when they come near) takes them. <code>el.group</code> is the property; every member fires <code>growth-input</code> and <code>growth-change</code> when the group moves, and draws once per frame however many widgets share it.</p>
${companions}
<p>The values are the widget’s own texts: parameters with their unit, readouts as shown under the figure (the tables above and each kind’s readouts list the names), <code>description</code> the sentence that describes the figure. A reader with a screen reader hears a value when a change is committed or pauses, not at every frame of a drag. A wrong <code>for</code> or <code>name</code> shows the message in brackets where the number would be, and once in the console.</p>
<h3>Links that keep the state</h3>
<p><strong>Widgets need an <code>id</code> for this.</strong> The address’s fragment holds, for every widget with an id whose state differs from its attributes, <code>#id:name=value,…;id2:…</code>; <em>Copy link</em> (beside <em>Copy tag</em>, and <code>el.copyLink()</code> or <code>el.link</code>) copies it, and opening it restores every widget. ${esc(attribute('history'))} An unknown id, an unknown parameter or a value out of range in a fragment is ignored, with one console warning naming each; the page still loads. A fragment that names an element on the page is an ordinary anchor and is left alone.</p>
<p>Scripts: <code>el.valueText(name)</code> reads what <code>&lt;growth-value&gt;</code> shows; <code>el.adjust(name, steps)</code> moves a parameter by steps of its step as a reader’s control does (not an attribute, so the link records it); <code>await el.ready()</code> starts a widget that has not come into view yet.</p>
</section>`;
}

function manifest(kinds, shim) {
  const attributes = new Map([
    ...shim.element.attributes.map((a) => [a.name, { name: a.name, type: { text: a.name === 'kind' ? kinds.map((k) => `'${k.kind}'`).join(' | ') : 'string' }, description: a.help }]),
  ]);
  for (const spec of kinds) {
    for (const p of spec.params) {
      const entry = attributes.get(p.name) ?? { name: p.name, type: { text: 'number' }, description: '', kinds: [] };
      entry.kinds = [...(entry.kinds ?? []), spec.kind];
      entry.description = `${p.label}. ${p.help} (${entry.kinds.join(', ')})`;
      attributes.set(p.name, entry);
    }
    for (const o of spec.options) attributes.set(o.name, { name: o.name, type: { text: 'string' }, description: `${o.help} (${spec.kind})` });
  }
  const list = [...attributes.values()].map(({ kinds: _k, ...a }) => a);
  const declaration = {
    kind: 'class',
    name: 'GrowthWidgetElement',
    tagName: 'growth-widget',
    customElement: true,
    description: 'A live diagram of the economics of transformative AI, drawn by WebAssembly.',
    attributes: list,
    members: [
      ...list.map((a) => ({ kind: 'field', name: a.name, type: a.type, description: a.description, attribute: a.name })),
      { kind: 'field', name: 'values', type: { text: 'Record<string, number> | null' }, readonly: true, description: 'Current parameter values.' },
      { kind: 'field', name: 'errors', type: { text: 'GrowthErrorDetail[]' }, readonly: true, description: 'Messages currently shown.' },
      { kind: 'field', name: 'tag', type: { text: 'string | null' }, readonly: true, description: 'The tag that reproduces the current figure.' },
      { kind: 'method', name: 'toSVG', return: { type: { text: 'string | null' } }, description: 'The figure as an SVG document.' },
      { kind: 'method', name: 'downloadPNG', description: 'Saves the figure as a PNG.' },
      { kind: 'method', name: 'downloadSVG', description: 'Saves the figure as an SVG.' },
      { kind: 'method', name: 'copyTag', return: { type: { text: 'Promise<void>' } }, description: 'Copies the tag that reproduces the figure.' },
      { kind: 'method', name: 'renderNow', return: { type: { text: 'Promise<void>' } }, description: 'Measures the plot again and draws now: after a slide deck rescaled, or before printing.' },
      { kind: 'method', name: 'probe', parameters: [{ name: 'what', type: { text: 'string' } }, { name: 'arg', optional: true, type: { text: 'number' } }] },
      { kind: 'field', name: 'link', type: { text: 'string' }, readonly: true, description: 'A link to this page that restores every widget with an id as it is now.' },
      { kind: 'method', name: 'copyLink', return: { type: { text: 'Promise<void>' } }, description: 'Copies that link.' },
      { kind: 'method', name: 'ready', return: { type: { text: 'Promise<boolean>' } }, description: 'Starts the widget if it has not started; resolves when its values can be read.' },
      { kind: 'method', name: 'valueText', parameters: [{ name: 'name', type: { text: 'string' } }], return: { type: { text: 'string | null' } }, description: 'The text <growth-value> shows for a parameter, readout or description.' },
      { kind: 'method', name: 'adjust', parameters: [{ name: 'name', type: { text: 'string' } }, { name: 'steps', type: { text: 'number' } }, { name: 'committed', optional: true, type: { text: 'boolean' } }], return: { type: { text: 'boolean' } }, description: 'Moves a parameter by steps of its step, as a reader does.' },
    ],
    events: shim.EVENTS.map(([name, detail, description]) => ({ name, type: { text: `CustomEvent<${detail}>` }, description })),
    cssProperties: shim.CSS_PROPERTIES.map(([name, fallback, description]) => ({ name, default: fallback, description })),
    cssParts: shim.PARTS.map(([name, description]) => ({ name, description })),
  };
  return {
    schemaVersion: '1.0.0',
    readme: 'README.md',
    modules: [
      {
        kind: 'javascript-module',
        path: 'www/dist/growth-widgets.js',
        declarations: [declaration, ...shim.element.companions.map(companionDeclaration)],
        exports: [
          { kind: 'custom-element-definition', name: 'growth-widget', declaration: { name: 'GrowthWidgetElement', module: 'www/dist/growth-widgets.js' } },
          ...shim.element.companions.map((c) => ({ kind: 'custom-element-definition', name: c.tag, declaration: { name: className(c.tag), module: 'www/dist/growth-widgets.js' } })),
        ],
      },
    ],
  };
}

/** `growth-value` → `GrowthValueElement`. */
const className = (tag) => `${tag.replace(/(^|-)(\w)/g, (_, __, c) => c.toUpperCase())}Element`;

function companionDeclaration(c) {
  const attributes = c.attributes.map((a) => ({ name: a.name, type: { text: a.name === 'adjustable' ? 'boolean' : 'string' }, description: a.help }));
  return { kind: 'class', name: className(c.tag), tagName: c.tag, customElement: true, description: c.summary, attributes, members: [], events: [], cssParts: [{ name: 'value', description: 'The value as shown' }] };
}

function typings(kinds, element) {
  const names = [...new Set(kinds.flatMap((k) => k.params.map((p) => p.name)))];
  const options = [...new Set(kinds.flatMap((k) => k.options.map((o) => o.name)))];
  return `// Generated from the widgets' declarations by npm run build.
export type GrowthWidgetKind = ${kinds.map((k) => `'${k.kind}'`).join(' | ')};

export interface GrowthChangeDetail {
  kind: GrowthWidgetKind;
  values: Record<string, number>;
}

export interface GrowthErrorDetail {
  /** The attribute or parameter refused. */
  attribute: string;
  /** The value as given. */
  value: string;
  /** The valid range or list, in words. */
  expected: string;
  /** The sentence shown in the widget. */
  message: string;
}

export declare class GrowthWidgetElement extends HTMLElement {
  kind: GrowthWidgetKind | null;
  controls: string | null;
  preset: string | null;
  height: string | null;
  group: string | null;
  history: 'replace' | 'push' | 'none' | null;
${options.map((o) => `  ${o}: string | null;`).join('\n')}
${names.map((n) => `  ${/^[A-Za-z_]\w*$/.test(n) ? n : `'${n}'`}: number | undefined;`).join('\n')}
  readonly values: Record<string, number> | null;
  readonly errors: GrowthErrorDetail[];
  readonly tag: string | null;
  probe(what: string, arg?: number): unknown;
  toSVG(): string | null;
  downloadPNG(): void;
  downloadSVG(): void;
  copyTag(): Promise<void>;
  /** Measures the plot again and draws now: after a slide deck rescaled, or before printing. */
  renderNow(): Promise<void>;
  /** A link to this page that restores every widget with an id as it is now. */
  readonly link: string;
  copyLink(): Promise<void>;
  /** Starts the widget if it has not started; resolves when its values can be read. */
  ready(): Promise<boolean>;
  /** The text <growth-value> shows for a parameter, a readout or description. */
  valueText(name: string): string | null;
  /** Moves a parameter by steps of its step, as a reader does (not an attribute). */
  adjust(name: string, steps: number, committed?: boolean): boolean;
}
${element.companions.map((c) => `\n/** ${c.summary} */\nexport declare class ${className(c.tag)} extends HTMLElement {}\n`).join('')}
declare global {
  interface HTMLElementTagNameMap {
    'growth-widget': GrowthWidgetElement;
${element.companions.map((c) => `    '${c.tag}': ${className(c.tag)};`).join('\n')}
  }
  interface HTMLElementEventMap {
    'growth-input': CustomEvent<GrowthChangeDetail>;
    'growth-change': CustomEvent<GrowthChangeDetail>;
    'growth-error': CustomEvent<GrowthErrorDetail>;
    'growth-render': CustomEvent<null>;
  }
}
`;
}

// ---- the transcript page ----------------------------------------------------------------------

/**
 * Where widgets go in the transcript: each entry names a line (a slide title, the start of a
 * table or a paragraph) or a formula, and the tag inserted after that block. The first match
 * wins; entries that match nothing are reported by the build.
 */
export const TRANSCRIPT_WIDGETS = [
  { line: 'Scenario 4: Singularity Type II', widget: { kind: 'growth-regimes' } },
  { formula: 'F_L(K, L) = \\text{wage rate}', widget: { kind: 'production' } },
  { formula: '\\frac{K F_K(AK, BL)}', widget: { kind: 'production', preset: 'gross-complements' } },
  { line: 'Elasticity of Substitution', widget: { kind: 'elasticity' } },
  { formula: '\\rho = (\\varepsilon - 1) / \\varepsilon', widget: { kind: 'elasticity', preset: 'perfect-substitutes', controls: 'rho' } },
  { line: 'Exogenous Growth', widget: { kind: 'elasticity', preset: 'complements', controls: 'rho,K' } },
  { line: 'Endogenous Growth', widget: { kind: 'research-feedback', preset: 'bloom' } },
  { line: '| AI as an imperfect substitute for human labor', widget: { kind: 'scenarios', scenario: 'hs-production' } },
  { line: '| PS in production & capital-augmenting tech growth', widget: { kind: 'scenarios', scenario: 'ps-land-hanson' } },
  { line: 'Substitutability in robotics production (1)', widget: { kind: 'scenarios', scenario: 'robotics-hs-hs' } },
  { line: '| PS in production & one-off capital-augmenting', widget: { kind: 'scenarios', scenario: 'savings-decrease' } },
  { line: 'Phil: Sure, so as we mentioned a while back', widget: { kind: 'task-automation', preset: 'forty-automated' } },
  { line: 'AI in technology production', widget: { kind: 'research-feedback', preset: 'robot-scientists' } },
  { line: 'Limits of the Economics Model', widget: { kind: 'scenarios' } },
];

/** Renders math with KaTeX into placeholders, so Markdown never sees (or breaks) TeX. */
function extractMath(markdown, katex) {
  const rendered = [];
  const keep = (tex, display) => {
    rendered.push({ tex, html: katex.renderToString(tex, { displayMode: display, throwOnError: false, output: 'html' }) });
    return `MATHPLACEHOLDER${rendered.length - 1}X`;
  };
  let text = markdown.replace(/\$\$([\s\S]+?)\$\$/g, (_, tex) => `\n\n${keep(tex.trim(), true)}\n\n`);
  text = text.replace(/\$([^$\n]+?)\$/g, (_, tex) => keep(tex.trim(), false));
  return { text, rendered };
}

function transcriptPage(markdown, katex, MarkdownIt) {
  const { text, rendered } = extractMath(markdown, katex);
  const lines = text.split('\n');
  const inserts = new Map();
  const unmatched = [];
  TRANSCRIPT_WIDGETS.forEach((entry, index) => {
    let at = -1;
    if (entry.line) at = lines.findIndex((l) => l.trim().startsWith(entry.line));
    if (entry.formula) {
      const math = rendered.findIndex((m) => m.tex.includes(entry.formula));
      if (math >= 0) at = lines.findIndex((l) => l.includes(`MATHPLACEHOLDER${math}X`));
    }
    if (at < 0) {
      unmatched.push(entry.line ?? entry.formula);
      return;
    }
    // After the block the line belongs to (a paragraph or a table ends at a blank line).
    let end = at;
    while (end + 1 < lines.length && lines[end + 1].trim() !== '') end++;
    inserts.set(end, [...(inserts.get(end) ?? []), index]);
  });
  const out = [];
  lines.forEach((line, i) => {
    out.push(line);
    for (const index of inserts.get(i) ?? []) out.push('', `WIDGETPLACEHOLDER${index}X`, '');
  });
  const md = new MarkdownIt({ html: false, linkify: false, typographer: true });
  let html = md.render(out.join('\n'));
  html = html.replace(/<p>WIDGETPLACEHOLDER(\d+)X<\/p>/g, (_, i) => {
    const { kind, ...attrs } = TRANSCRIPT_WIDGETS[Number(i)].widget;
    return `<div class="live-slide">${tag(kind, attrs)}</div>`;
  });
  // The transcript's tables leave some header cells empty: an empty cell is no header.
  html = html.replace(/<th><\/th>/g, '<td></td>');
  html = html.replace(/<p>MATHPLACEHOLDER(\d+)X<\/p>/g, (_, i) => `<div class="formula">${rendered[Number(i)].html}</div>`);
  html = html.replace(/MATHPLACEHOLDER(\d+)X/g, (_, i) => rendered[Number(i)].html);
  const title = markdown.split('\n')[0].trim();
  return {
    unmatched,
    widgets: TRANSCRIPT_WIDGETS.length - unmatched.length,
    html: `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${esc(title)} — transcript with live diagrams</title>
<link rel="stylesheet" href="dist/vendor/katex/katex.min.css">
<link rel="stylesheet" href="page.css">
<link rel="preload" href="dist/growth-widgets.wasm" as="fetch" type="application/wasm" crossorigin>
<script type="module" src="dist/growth-widgets.js"></script>
</head>
<body class="transcript">
<header class="masthead">
<p class="kicker">Transcript · <a href="index.html">the live diagrams</a></p>
<h1>${esc(title)}</h1>
<p class="lede">The episode’s transcript as published, with live diagrams where the slides were.</p>
</header>
<main>
${html.replace(/^<p>Phil Trammell on Economic Growth Under Transformative AI<\/p>\n/, '')}
</main>
</body>
</html>
`,
  };
}

/** What the guide and the manifest say about the element: its parts and events (docs.js), and its theme properties with their light defaults (element.json, from the widgets' theme table). */
async function shimDocs(element) {
  const { PARTS, EVENTS } = await import(pathToFileURL(join(www, 'src', 'docs.js')).href);
  const CSS_PROPERTIES = element.theme.map((p) => [`--growth-widget-${p.name}`, p.light, p.help]);
  return { PARTS, EVENTS, CSS_PROPERTIES, element };
}

export async function writePages(kinds, element, figures) {
  copyVendor();
  mkdirSync(join(dist, 'figures'), { recursive: true });
  for (const [kind, svg] of Object.entries(figures)) writeFileSync(join(dist, 'figures', `${kind}.svg`), svg);
  const shim = await shimDocs(element);
  writeFileSync(join(www, 'guide.html'), guide(kinds, shim));
  writeFileSync(join(dist, 'custom-elements.json'), JSON.stringify(manifest(kinds, shim), null, 2));
  writeFileSync(join(dist, 'growth-widgets.d.ts'), typings(kinds, shim.element));
  const transcriptOut = join(www, 'transcript.html');
  if (!existsSync(TRANSCRIPT)) {
    console.log(`\nThe episode transcript is not at ${TRANSCRIPT}: skipping transcript.html (the package does not need it).`);
    rmSync(transcriptOut, { force: true });
    return;
  }
  const katex = (await import('katex')).default;
  const MarkdownIt = (await import('markdown-it')).default;
  const page = transcriptPage(readFileSync(TRANSCRIPT, 'utf8'), katex, MarkdownIt);
  writeFileSync(transcriptOut, page.html);
  console.log(`\ntranscript.html: ${page.widgets} widgets mounted in the episode transcript.`);
  if (page.unmatched.length) console.warn(`  mapping entries that matched nothing: ${page.unmatched.join(' | ')}`);
}
