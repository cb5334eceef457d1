// `npm run slides`: a self-contained copy of the deck in dist-slides/ (zip it, copy it to a
// USB stick, open slides/index.html from the file system — no server, no network).
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from './lib.mjs';

/** Copies the deck and exactly what it loads into `out` (the bundles must be built). */
export function packageDeck(out) {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'dist'), { recursive: true });
  cpSync(join(root, 'www', 'slides'), join(out, 'slides'), { recursive: true });
  cpSync(join(root, 'www', 'page.js'), join(out, 'page.js'));
  cpSync(join(root, 'www', 'dist', 'growth-widgets.inline.js'), join(out, 'dist', 'growth-widgets.inline.js'));
  cpSync(join(root, 'www', 'dist', 'growth-widgets.reveal.js'), join(out, 'dist', 'growth-widgets.reveal.js'));
  cpSync(join(root, 'www', 'dist', 'vendor'), join(out, 'dist', 'vendor'), { recursive: true });
  return join(out, 'slides', 'index.html');
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { build } = await import('./build.mjs');
  await build();
  const index = packageDeck(join(root, 'dist-slides'));
  console.log(`\nThe deck is in ${join(root, 'dist-slides')}: open ${index} from the file system.`);
}
