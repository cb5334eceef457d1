// Renders post.md to HTML with markdown-it and the growth-widgets plugin (raw HTML stays off).
//   node render.mjs [out.html] [script URL]   (defaults: post.html, growth-widgets.js)
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import MarkdownIt from 'markdown-it';
import growthWidget from 'growth-widgets/markdown-it';

const here = dirname(fileURLToPath(import.meta.url));

/** A whole page: the rendered Markdown and the module script once. */
export function renderPage(markdown, scriptUrl = 'growth-widgets.js') {
  const md = new MarkdownIt({ html: false }).use(growthWidget);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>Growth Widgets with markdown-it</title>
<script type="module" src="${scriptUrl}"></script>
</head>
<body>
${md.render(markdown)}</body>
</html>
`;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [out = join(here, 'post.html'), script] = process.argv.slice(2);
  writeFileSync(out, renderPage(readFileSync(join(here, 'post.md'), 'utf8'), script));
  console.log(`wrote ${out}`);
}
