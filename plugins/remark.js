// A remark (unified) plugin that turns a directive or a fenced block into a <growth-widget>
// element in the HTML tree, so a Markdown author never writes raw HTML and the pipeline needs no
// `allowDangerousHtml`:
//
//   :::growth-widget{kind=elasticity rho=-1 controls="rho,alpha"}
//   ![Isoquants for ρ = −1](figures/elasticity.svg)
//   :::
//
// (with remark-directive before it; the lines inside are Markdown, rendered as the tag's
// fallback content), or, with no other plugin:
//
//   ```growth-widget
//   kind=elasticity rho=-1
//   ```
//
// It sets mdast's `data.hName`/`data.hProperties`, which remark-rehype turns into the element.
// Attribute names that are not plain names, and on* event handlers, are dropped; values are
// text (rehype escapes them). The page still needs the script once.
import { parseAttributes } from './markdown-it.js';

const TAG = 'growth-widget';
const NAME = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** Attributes as hast properties: safe names only, lowercased as HTML would, first one wins. */
function properties(pairs) {
  const out = {};
  for (const [name, value] of pairs) {
    const key = name.toLowerCase();
    if (!NAME.test(name) || /^on/i.test(name) || key in out) continue;
    out[key] = String(value);
  }
  return out;
}

function visit(node, fn) {
  fn(node);
  for (const child of node.children ?? []) visit(child, fn);
}

/** @param {{fence?: boolean}} [options] `fence: false` leaves ```growth-widget code blocks alone. */
export default function remarkGrowthWidget(options = {}) {
  const fence = options.fence ?? true;
  return (tree) => {
    visit(tree, (node) => {
      if ((node.type === 'containerDirective' || node.type === 'leafDirective') && node.name === TAG) {
        node.data = { ...node.data, hName: TAG, hProperties: properties(Object.entries(node.attributes ?? {})) };
      } else if (fence && node.type === 'code' && node.lang === TAG) {
        const attributes = properties(parseAttributes(`${node.meta ?? ''} ${node.value}`));
        node.type = 'growthWidget';
        node.children = [];
        node.data = { hName: TAG, hProperties: attributes };
        delete node.value;
      }
    });
  };
}
