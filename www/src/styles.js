// The shadow root's one stylesheet: the element's CSS (styles.css) after the theme's defaults,
// which are generated from the widgets' theme table so the live figure, the static figures and
// the guide cannot disagree about a colour.
import CSS from './styles.css';

/**
 * `:host` custom properties from the element's declarations: each `--gw-X` of the theme table
 * is the author's `--growth-widget-X` or the scheme's default, and `--gw-unknown-height` the
 * plot's height while no kind is known.
 */
export function themeCSS({ theme, height }) {
  const block = (scheme) => theme.map((p) => `  --gw-${p.name}: var(--growth-widget-${p.name}, ${p[scheme]});`).join('\n');
  // Under forced colours the system's palette wins over the author's and the scheme's.
  const forced = theme.filter((p) => p.forced).map((p) => `--gw-${p.name}: ${p.forced};`).join(' ');
  return `:host {\n${block('light')}\n  --gw-unknown-height: ${height[2]}px;\n}\n@media (prefers-color-scheme: dark) {\n  :host {\n${block('dark')}\n  }\n}\n@media (forced-colors: active) {\n  :host { ${forced} }\n}\n`;
}

let sheet = null;
/** The constructed stylesheet shared by every element on the page (`declared`: element.json). */
export function styleSheet(declared) {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(themeCSS(declared) + CSS);
  }
  return sheet;
}
