// `npm run build`: Rust → wasm → wasm-bindgen glue → two bundles in www/dist/:
//   growth-widgets.js + growth-widgets.wasm   (ES module, for servers)
//   growth-widgets.inline.js                  (one classic script, wasm inlined: works from file://)
// and the kinds' declarations as JSON (read by the shim, the guide and the element manifest;
// taken from a build-time wasm with the `declarations` feature), then the generated pages.
// `--test-hooks` instead builds tests/dist/growth-widgets.js with the deliberately failing
// hook the robustness tests use (never shipped).
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root, run, tool } from './lib.mjs';

const dist = join(root, 'www', 'dist');

/** Compiles the widgets to wasm with `features` in `targetDir` and runs wasm-bindgen into `pkg`. */
function compile({ features = [], targetDir = join(root, 'target'), pkg }) {
  const cargoArgs = ['build', '--release', '--target', 'wasm32-unknown-unknown', '-p', 'growth-widgets'];
  if (features.length) cargoArgs.push('--features', features.join(','));
  run('cargo', cargoArgs, { env: { ...process.env, CARGO_TARGET_DIR: targetDir } });
  const wasmIn = join(targetDir, 'wasm32-unknown-unknown', 'release', 'growth_widgets.wasm');
  run(tool('wasm-bindgen'), ['--target', 'web', '--remove-name-section', '--remove-producers-section', '--out-dir', pkg, wasmIn]);
}

/**
 * The kinds' declarations with their initial state and static figures, straight from the
 * build-time wasm (feature `declarations`, its own target dir), so nothing in JS restates them.
 * The shipped wasm leaves these texts and exports out.
 */
async function declarations() {
  const pkg = join(root, 'target', 'wasm-pkg-declarations');
  compile({ features: ['declarations'], targetDir: join(root, 'target', 'declarations'), pkg });
  const glue = await import(pathToFileURL(join(pkg, 'growth_widgets.js')).href + `?t=${Date.now()}`);
  glue.initSync({ module: readFileSync(join(pkg, 'growth_widgets_bg.wasm')) });
  const kinds = glue.kinds();
  // What each kind shows at its defaults, so an element can reserve its final size before
  // the wasm loads (no layout shift), and a static SVG for no-script fallbacks.
  const figures = {};
  for (const spec of kinds) {
    const widget = new glue.GrowthWidget(spec.kind);
    while (widget.work()) {
      // Fill deferred rows, so the initial table is complete.
    }
    spec.initial = { readouts: widget.readouts(), description: widget.describe(), table: widget.table() ?? null, active: widget.active_params() ?? null };
    figures[spec.kind] = widget.figure_svg(720, spec.height);
    widget.free();
  }
  return { kinds, figures };
}

/** Builds the shipped wasm and its glue into `pkg`, with the declarations beside them as kinds.json. */
async function wasm({ features = [], targetDir = join(root, 'target'), pkg }) {
  const { kinds, figures } = await declarations();
  compile({ features, targetDir, pkg });
  writeFileSync(join(pkg, 'kinds.json'), JSON.stringify(kinds, null, 2));
  return { kinds, figures };
}

/** esbuild options shared by the bundles; `pkg` replaces target/wasm-pkg in the entries' imports. */
function bundleOptions(pkg) {
  return {
    bundle: true,
    minify: true,
    legalComments: 'none',
    target: ['es2022'],
    logLevel: 'warning',
    logOverride: { 'empty-import-meta': 'silent' },
    plugins: [
      {
        name: 'wasm-pkg',
        setup(b) {
          b.onResolve({ filter: /target\/wasm-pkg\// }, (args) => ({ path: join(pkg, args.path.split('target/wasm-pkg/')[1]) }));
        },
      },
    ],
  };
}

export async function build() {
  const pkg = join(root, 'target', 'wasm-pkg');
  const { kinds, figures } = await wasm({ pkg });
  mkdirSync(dist, { recursive: true });
  copyFileSync(join(pkg, 'growth_widgets_bg.wasm'), join(dist, 'growth-widgets.wasm'));
  writeFileSync(join(dist, 'kinds.json'), JSON.stringify(kinds, null, 2));
  const esbuild = await import('esbuild');
  const common = bundleOptions(pkg);
  await esbuild.build({ ...common, entryPoints: [join(root, 'www', 'src', 'entry-module.js')], format: 'esm', outfile: join(dist, 'growth-widgets.js') });
  await esbuild.build({
    ...common,
    entryPoints: [join(root, 'www', 'src', 'entry-inline.js')],
    format: 'iife',
    loader: { '.wasm': 'binary' },
    outfile: join(dist, 'growth-widgets.inline.js'),
  });
  const { writePages } = await import('./pages.mjs');
  await writePages(kinds, figures);
  // #17: the reveal.js plugin bundles and reveal's notes plugin (scripts/integrations.mjs).
  await (await import('./integrations.mjs')).buildIntegrations(esbuild);
  return sizes(dist, ['growth-widgets.js', 'growth-widgets.wasm', 'growth-widgets.inline.js']);
}

/** The module bundle with the test hooks, into tests/dist (its own cargo target dir, so the release build is not redone). */
export async function buildTestHooks() {
  const pkg = join(root, 'target', 'wasm-pkg-test');
  await wasm({ features: ['test-hooks'], targetDir: join(root, 'target', 'test-hooks'), pkg });
  const out = join(root, 'tests', 'dist');
  mkdirSync(out, { recursive: true });
  copyFileSync(join(pkg, 'growth_widgets_bg.wasm'), join(out, 'growth-widgets.wasm'));
  const esbuild = await import('esbuild');
  await esbuild.build({ ...bundleOptions(pkg), entryPoints: [join(root, 'www', 'src', 'entry-module.js')], format: 'esm', outfile: join(out, 'growth-widgets.js') });
}

/** Raw, gzip and brotli sizes of files in `dir`. */
export function sizes(dir, files) {
  const rows = files.map((name) => {
    const data = readFileSync(join(dir, name));
    return {
      file: name,
      raw: data.length,
      gzip: gzipSync(data, { level: 9 }).length,
      brotli: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  });
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`.padStart(10);
  console.log(`\n${'artefact'.padEnd(28)}${'raw'.padStart(10)}${'gzip'.padStart(10)}${'brotli'.padStart(10)}`);
  for (const r of rows) console.log(`${r.file.padEnd(28)}${kb(r.raw)}${kb(r.gzip)}${kb(r.brotli)}`);
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv.includes('--test-hooks')) await buildTestHooks();
  else await build();
}
