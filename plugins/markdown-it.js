// A markdown-it plugin that turns a directive into a <growth-widget> tag, so a Markdown author
// never writes raw HTML (and the site may keep `html: false`):
//
//   ::: growth-widget kind=elasticity rho=-1 controls="rho,alpha"
//   ![Isoquants for ρ = −1](figures/elasticity.svg)
//   :::
//
// or a fenced block (one line of attributes; no fallback content):
//
//   ```growth-widget
//   kind=elasticity rho=-1
//   ```
//
// The lines inside the directive are Markdown, rendered as the tag's fallback content (shown
// when scripts are off). Attribute values are HTML-escaped; names that are not plain
// attribute names, and on* event handlers, are dropped rather than passed through. The page still needs the script
// once (growth-widgets.js or growth-widgets.inline.js).

const TAG = 'growth-widget';
const NAME = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** `kind=elasticity rho="-1" label='a b'` → [['kind','elasticity'], ['rho','-1'], ['label','a b']]. */
export function parseAttributes(text) {
  const out = [];
  const pattern = /([^\s=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+)))?/g;
  for (const match of String(text).matchAll(pattern)) {
    const [, name, double, single, bare] = match;
    // Event-handler attributes would run script from Markdown that may not allow HTML at all.
    if (!NAME.test(name) || /^on/i.test(name)) continue;
    out.push([name, double ?? single ?? bare ?? '']);
  }
  return out;
}

const escapeAttribute = (value) =>
  String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/** The opening tag for parsed attributes (names lowercased, as HTML would). */
export function openTag(attributes) {
  const seen = new Set();
  let html = `<${TAG}`;
  for (const [name, value] of attributes) {
    const key = name.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    html += ` ${key}="${escapeAttribute(value)}"`;
  }
  return `${html}>`;
}

/**
 * @param {import('markdown-it').default} md
 * @param {{marker?: string, fence?: boolean}} [options] `marker` (default `:`) is the
 *   directive's fence character; `fence: false` leaves ```growth-widget code blocks alone.
 */
export default function growthWidgetPlugin(md, options = {}) {
  const marker = options.marker ?? ':';
  const markerCode = marker.charCodeAt(0);
  const opener = new RegExp(`^${TAG}(?:\\s+(.*))?$`);

  // The block rule: `:::` (three or more) + `growth-widget` + attributes, up to a closing fence
  // of at least as many markers; the same shape as markdown-it-container, without the dependency.
  function directive(state, startLine, endLine, silent) {
    let pos = state.bMarks[startLine] + state.tShift[startLine];
    const max = state.eMarks[startLine];
    if (state.sCount[startLine] - state.blkIndent >= 4) return false;
    if (state.src.charCodeAt(pos) !== markerCode) return false;
    const start = pos;
    while (pos < max && state.src.charCodeAt(pos) === markerCode) pos++;
    const count = pos - start;
    if (count < 3) return false;
    const info = state.src.slice(pos, max).trim();
    const head = info.match(opener);
    if (!head) return false;
    if (silent) return true;

    let nextLine = startLine;
    let closed = false;
    for (;;) {
      nextLine++;
      if (nextLine >= endLine) break;
      let p = state.bMarks[nextLine] + state.tShift[nextLine];
      const m = state.eMarks[nextLine];
      if (p < m && state.sCount[nextLine] < state.blkIndent) break;
      if (state.src.charCodeAt(p) !== markerCode || state.sCount[nextLine] - state.blkIndent >= 4) continue;
      const s = p;
      while (p < m && state.src.charCodeAt(p) === markerCode) p++;
      if (p - s < count) continue;
      if (state.src.slice(p, m).trim() !== '') continue;
      closed = true;
      break;
    }

    const oldParent = state.parentType;
    const oldLineMax = state.lineMax;
    state.parentType = 'growth_widget';
    state.lineMax = nextLine;
    const open = state.push('growth_widget_open', TAG, 1);
    open.block = true;
    open.info = head[1] ?? '';
    open.markup = marker.repeat(count);
    open.map = [startLine, nextLine];
    state.md.block.tokenize(state, startLine + 1, nextLine);
    const close = state.push('growth_widget_close', TAG, -1);
    close.block = true;
    close.markup = marker.repeat(count);
    state.parentType = oldParent;
    state.lineMax = oldLineMax;
    state.line = nextLine + (closed ? 1 : 0);
    return true;
  }

  md.block.ruler.before('fence', 'growth_widget', directive, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  md.renderer.rules.growth_widget_open = (tokens, idx) => `${openTag(parseAttributes(tokens[idx].info))}\n`;
  md.renderer.rules.growth_widget_close = () => `</${TAG}>\n`;

  if (options.fence !== false) {
    const fence = md.renderer.rules.fence;
    md.renderer.rules.fence = (tokens, idx, opts, env, self) => {
      const token = tokens[idx];
      const info = token.info.trim();
      const head = info.match(opener);
      if (!head) return fence(tokens, idx, opts, env, self);
      const attributes = [...parseAttributes(head[1] ?? ''), ...parseAttributes(token.content.replace(/\n/g, ' '))];
      return `${openTag(attributes)}</${TAG}>\n`;
    };
  }
}
