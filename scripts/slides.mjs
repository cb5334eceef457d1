// `npm run slides`: a self-contained copy of the deck in dist-slides/ (zip it, copy it to a
// USB stick, open slides/index.html from the file system — no server, no network).
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from './build.mjs';
import { root } from './lib.mjs';

await build();
const out = join(root, 'dist-slides');
rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'dist'), { recursive: true });
cpSync(join(root, 'www', 'slides'), join(out, 'slides'), { recursive: true });
cpSync(join(root, 'www', 'page.js'), join(out, 'page.js'));
cpSync(join(root, 'www', 'dist', 'growth-widgets.inline.js'), join(out, 'dist', 'growth-widgets.inline.js'));
cpSync(join(root, 'www', 'dist', 'vendor'), join(out, 'dist', 'vendor'), { recursive: true });
console.log(`\nThe deck is in ${out}: open ${join(out, 'slides', 'index.html')} from the file system.`);
