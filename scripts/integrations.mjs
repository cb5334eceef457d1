// Build outputs for the integrations (issue #17): the reveal.js plugin as a classic script for
// decks opened from file:// (window.GrowthWidgets) and as an ES module, and reveal's notes
// plugin (speaker view) beside the vendored reveal.js, so the offline deck has both; and the
// package's type entry (www/src/types.d.ts), which declares the element for React and Vue.
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './lib.mjs';

export async function buildIntegrations(esbuild, dist = join(root, 'www', 'dist')) {
  const src = join(root, 'www', 'src');
  const common = { bundle: true, minify: true, legalComments: 'none', target: ['es2022'], logLevel: 'warning' };
  await esbuild.build({ ...common, entryPoints: [join(src, 'reveal-plugin.js')], format: 'esm', outfile: join(dist, 'reveal-plugin.mjs') });
  await esbuild.build({
    ...common,
    stdin: { contents: "import GrowthWidgets from './reveal-plugin.js'; globalThis.GrowthWidgets = GrowthWidgets;", resolveDir: src },
    format: 'iife',
    outfile: join(dist, 'growth-widgets.reveal.js'),
  });
  // The package's type entry: the generated growth-widgets.d.ts plus React JSX and Vue declarations.
  cpSync(join(src, 'types.d.ts'), join(dist, 'types.d.ts'));
  cpSync(join(src, 'reveal-plugin.d.ts'), join(dist, 'reveal-plugin.d.ts'));
  const notes = join(dist, 'vendor', 'reveal', 'plugin');
  mkdirSync(notes, { recursive: true });
  cpSync(join(root, 'node_modules', 'reveal.js', 'dist', 'plugin', 'notes.js'), join(notes, 'notes.js'));
}
