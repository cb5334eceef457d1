// `npm run build`: Rust → wasm → wasm-bindgen glue → two bundles in www/dist/:
//   growth-widgets.js + growth-widgets.wasm   (ES module, for servers)
//   growth-widgets.inline.js                  (one classic script, wasm inlined: works from file://)
// and the kinds' declarations as JSON (read by the shim, the guide and the element manifest;
// written by the widgets' host binary `declarations`), then the generated pages.
// `--test-hooks` instead builds tests/dist/growth-widgets.js with the deliberately failing
// hook the error tests use (never shipped).
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root, run, tool } from './lib.mjs';

const dist = join(root, 'www', 'dist');

/**
 * The command that runs binaryen's wasm-opt (the one WASM_OPT names, else npm `binaryen`'s), or null when neither is there.
 * Only these passes shrink the brotli size (measured with binaryen 132; -Oz and most single
 * passes grow it): identical functions merged, unused elements dropped, and the functions put
 * in the order `similarOrder` names them (see there); then the names go.
 */
function wasmOpt() {
  if (process.env.WASM_OPT) return [process.env.WASM_OPT];
  // The npm package's wasm-opt is a node script.
  const npm = join(root, 'node_modules', 'binaryen', 'bin', 'wasm-opt');
  if (existsSync(npm)) return [process.execPath, npm];
  console.warn('\n⚠ wasm-opt not found (npm binaryen, or WASM_OPT): the wasm is not reordered, about 3 KB brotli larger');
  return null;
}
/** How many starts the shipped build's function order tries (see `compile`). */
const CHAIN_STARTS = 8;
const WASM_OPT_PASSES = ['--duplicate-function-elimination', '--remove-unused-module-elements', '--reorder-functions-by-name', '--strip-debug'];

/** Skips one import's descriptor at `at.p` (after its module and field names); returns its kind (0: a function). */
function skipImport(bytes, at, who) {
  const kind = bytes[at.p++];
  if (kind === 0) leb(bytes, at);
  else if (kind === 1 || kind === 2) {
    if (kind === 1) at.p++; // a table's element type
    const flags = leb(bytes, at);
    leb(bytes, at);
    if (flags & 1) leb(bytes, at);
  } else if (kind === 3) at.p += 2;
  else if (kind === 4) {
    at.p++;
    leb(bytes, at);
  } else throw new Error(`${who}: import kind ${kind} not read`);
  return kind;
}

/** Reads an unsigned LEB128 at `at.p` of `bytes`, advancing it. */
function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[at.p++];
    value += (byte & 127) * 2 ** shift;
    shift += 7;
  } while (byte & 128);
  return value;
}

/** `n` as unsigned LEB128. */
function uleb(n) {
  const out = [];
  do {
    let byte = n & 127;
    n = Math.floor(n / 128);
    if (n) byte |= 128;
    out.push(byte);
  } while (n);
  return Buffer.from(out);
}

/**
 * Renames the functions of `wasm` (wasm-bindgen's output with its name section) so that sorting
 * them by name (wasm-opt's --reorder-functions-by-name) puts each function after the one whose
 * code it most resembles: a greedy chain from the first function by name, each next function the
 * remaining one sharing the most 3-byte sequences with the last (Jaccard), or the next by name
 * when none shares 2 %. Brotli then finds its matches close by (−2.2 KB brotli against name order,
 * measured on this wasm; 2-, 4- and 5-byte sequences did a little worse). Only the order changes:
 * the code is the same. `first` picks the chain's first function (the `first`-th by name).
 */
function similarOrder(wasm, first = 0) {
  const bytes = readFileSync(wasm);
  const at = { p: 8 };
  let imported = 0;
  const bodies = [];
  const names = new Map();
  let nameSection = null;
  while (at.p < bytes.length) {
    const start = at.p;
    const id = bytes[at.p++];
    const size = leb(bytes, at);
    const end = at.p + size;
    if (id === 2) {
      for (let n = leb(bytes, at); n > 0; n--) {
        for (let part = 0; part < 2; part++) {
          const length = leb(bytes, at); // module, then field
          at.p += length;
        }
        if (skipImport(bytes, at, 'similarOrder') === 0) imported++;
      }
    } else if (id === 10) {
      for (let n = leb(bytes, at); n > 0; n--) {
        const length = leb(bytes, at);
        bodies.push(bytes.subarray(at.p, at.p + length));
        at.p += length;
      }
    } else if (id === 0) {
      const length = leb(bytes, at);
      if (bytes.subarray(at.p, at.p + length).toString() === 'name') {
        nameSection = [start, end];
        at.p += length;
        while (at.p < end) {
          const sub = bytes[at.p++];
          const subEnd = leb(bytes, at) + at.p;
          if (sub === 1) {
            for (let n = leb(bytes, at); n > 0; n--) {
              const index = leb(bytes, at);
              const l = leb(bytes, at);
              names.set(index, bytes.subarray(at.p, at.p + l).toString());
              at.p += l;
            }
          }
          at.p = subEnd;
        }
      }
    }
    at.p = end;
  }
  if (!nameSection) throw new Error('similarOrder: the wasm has no name section');
  // Each body's distinct 3-byte sequences, sorted, for merge intersections.
  const grams = bodies.map((body) => {
    const set = new Set();
    for (let i = 0; i + 3 <= body.length; i++) set.add(body[i] | (body[i + 1] << 8) | (body[i + 2] << 16));
    return Uint32Array.from(set).sort();
  });
  const common = (a, b) => {
    let i = 0;
    let j = 0;
    let n = 0;
    while (i < a.length && j < b.length) {
      if (a[i] < b[j]) i++;
      else if (a[i] > b[j]) j++;
      else {
        n++;
        i++;
        j++;
      }
    }
    return n;
  };
  const byName = bodies.map((_, i) => i).sort((x, y) => {
    const [a, b] = [names.get(x + imported) ?? '', names.get(y + imported) ?? ''];
    return a < b ? -1 : a > b ? 1 : x - y;
  });
  const placed = new Uint8Array(bodies.length);
  const rank = new Array(bodies.length);
  let current = byName[Math.min(first, byName.length - 1)];
  for (let r = 0; r < bodies.length; r++) {
    placed[current] = 1;
    rank[current] = r;
    let best = -1;
    let score = 0.02;
    for (const j of byName) {
      if (placed[j]) continue;
      const n = common(grams[current], grams[j]);
      const s = n / (grams[current].length + grams[j].length - n || 1);
      if (s > score) [best, score] = [j, s];
    }
    if (best < 0) best = byName.find((j) => !placed[j]) ?? -1;
    current = best;
  }
  const entries = [];
  for (let f = 0; f < imported + bodies.length; f++) {
    const name = Buffer.from(f < imported ? (names.get(f) ?? `import${f}`) : `f${String(rank[f - imported]).padStart(6, '0')}`);
    entries.push(uleb(f), uleb(name.length), name);
  }
  const sub = Buffer.concat([uleb(imported + bodies.length), ...entries]);
  const content = Buffer.concat([uleb(4), Buffer.from('name'), Buffer.from([1]), uleb(sub.length), sub]);
  const [start, end] = nameSection;
  writeFileSync(wasm, Buffer.concat([bytes.subarray(0, start), Buffer.from([0]), uleb(content.length), content, bytes.subarray(end)]));
}

/**
 * Gives the imports wasm-bindgen names after a hash (`__wbg_arc_df3f7eb77e59876f`) short names
 * (`w0`, `w1`, …) in both the wasm and its glue, where each is one key of the imports object:
 * sixteen hex digits do not compress, and each name is written twice (−1 KB brotli, JS and
 * wasm together). A name the glue does not write exactly once stops the build.
 */
function shortImports(pkg) {
  const wasmPath = join(pkg, 'growth_widgets_bg.wasm');
  const gluePath = join(pkg, 'growth_widgets.js');
  const bytes = readFileSync(wasmPath);
  let glue = readFileSync(gluePath, 'utf8');
  const at = { p: 8 };
  while (at.p < bytes.length) {
    const start = at.p;
    const id = bytes[at.p++];
    const size = leb(bytes, at);
    const end = at.p + size;
    if (id !== 2) {
      at.p = end;
      continue;
    }
    const entries = [];
    let renamed = 0;
    for (let n = leb(bytes, at); n > 0; n--) {
      const text = () => {
        const length = leb(bytes, at);
        at.p += length;
        return bytes.subarray(at.p - length, at.p);
      };
      const module = text();
      let field = text();
      const descriptor = at.p;
      skipImport(bytes, at, 'shortImports');
      const name = field.toString();
      if (/_[0-9a-f]{16}$/.test(name)) {
        const short = `w${(renamed++).toString(36)}`;
        const uses = glue.split(new RegExp(`\\b${name}\\b`));
        if (uses.length !== 2 || new RegExp(`\\b${short}\\b`).test(glue)) throw new Error(`shortImports: ${name} is not one key of the glue, or ${short} is taken`);
        glue = uses.join(short);
        field = Buffer.from(short);
      }
      entries.push(uleb(module.length), module, uleb(field.length), field, bytes.subarray(descriptor, at.p));
    }
    const body = Buffer.concat([uleb(entries.length / 5), ...entries]);
    writeFileSync(wasmPath, Buffer.concat([bytes.subarray(0, start), Buffer.from([2]), uleb(body.length), body, bytes.subarray(end)]));
    writeFileSync(gluePath, glue);
    return;
  }
}

/** Compiles the widgets to wasm with `features` in `targetDir`, runs wasm-bindgen into `pkg`, shortens the imports' names, then runs wasm-opt's passes when it is there. */
function compile({ features = [], targetDir = join(root, 'target'), pkg }) {
  const cargoArgs = ['build', '--release', '--target', 'wasm32-unknown-unknown', '-p', 'growth-widgets'];
  if (features.length) cargoArgs.push('--features', features.join(','));
  run('cargo', cargoArgs, { env: { ...process.env, CARGO_TARGET_DIR: targetDir } });
  const wasmIn = join(targetDir, 'wasm32-unknown-unknown', 'release', 'growth_widgets.wasm');
  const opt = wasmOpt();
  // The names stay for wasm-opt's ordering; its --strip-debug removes them.
  const names = opt ? [] : ['--remove-name-section'];
  run(tool('wasm-bindgen'), ['--target', 'web', ...names, '--remove-producers-section', '--out-dir', pkg, wasmIn]);
  // First, so the sizes compared below are the shipped ones.
  shortImports(pkg);
  if (opt) {
    const out = join(pkg, 'growth_widgets_bg.wasm');
    // The chain's brotli size moves by a few hundred bytes with where it starts (and with any
    // change to the code, which moves every later choice): the shipped build tries the first
    // CHAIN_STARTS functions by name as the start and keeps the smallest (about 2 s each;
    // −110 B on average against the first alone, measured on this wasm). The others take the first.
    const starts = features.length ? 1 : CHAIN_STARTS;
    const input = readFileSync(out);
    let best = null;
    for (let first = 0; first < starts; first++) {
      const candidate = `${out}.${first}`;
      writeFileSync(candidate, input);
      similarOrder(candidate, first);
      run(opt[0], [...opt.slice(1), ...WASM_OPT_PASSES, candidate, '-o', candidate]);
      const bytes = readFileSync(candidate);
      const size = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
      if (!best || size < best.size) best = { size, bytes, first };
      rmSync(candidate);
    }
    writeFileSync(out, best.bytes);
    if (starts > 1) console.log(`wasm order: chain from function ${best.first} of the first ${starts} by name (${best.size} B brotli)`);
  }
}

/**
 * The kinds' declarations with their initial state, the element's own declaration (attributes,
 * heights, theme defaults) and the static figures, written by the widgets' host binary
 * `declarations` straight from the registry, so nothing in JS restates them.
 */
function declarations(features = []) {
  // Each feature set has its own output and host build, so neither rebuilds the other's.
  const variant = features.length ? `-${features.join('-')}` : '';
  const out = join(root, 'target', `declarations-out${variant}`);
  const env = variant ? { env: { ...process.env, CARGO_TARGET_DIR: join(root, 'target', `host${variant}`) } } : {};
  run('cargo', ['run', '--quiet', '-p', 'growth-widgets', '--features', ['declarations', ...features].join(','), '--bin', 'declarations', '--', out], env);
  const read = (name) => JSON.parse(readFileSync(join(out, name), 'utf8'));
  const kinds = read('kinds.json');
  const figures = Object.fromEntries(kinds.map((spec) => [spec.kind, readFileSync(join(out, 'figures', `${spec.kind}.svg`), 'utf8')]));
  return { kinds, element: read('element.json'), figures };
}

// Texts only the guide and the manifest show, and the defaults' description (true of the
// defaults only, not of the author's attributes, so the element does not speak it before the
// engine has computed the real one): the bundles leave them out (www/dist keeps them).
const GUIDE_ONLY = new Set(['summary', 'symbol', 'example', 'description']);

/** The declarations as the element needs them: the same data without the guide's texts. */
function lean(value, key = '') {
  if (Array.isArray(value)) return value.map((v) => lean(v, key));
  if (value === null || typeof value !== 'object') return value;
  // Options and the element's attributes are read by name only; their help is the guide's.
  const dropHelp = key === 'options' || key === 'attributes' || key === 'theme';
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k]) => !GUIDE_ONLY.has(k) && !(dropHelp && k === 'help'))
      .map(([k, v]) => [k, lean(v, k)]),
  );
}

/** Builds the shipped wasm and its glue into `pkg`, with the declarations the element reads beside them (kinds.json, element.json). */
function wasm({ features = [], targetDir = join(root, 'target'), pkg }) {
  const declared = declarations(features.filter((f) => f !== 'test-hooks'));
  compile({ features, targetDir, pkg });
  writeFileSync(join(pkg, 'kinds.json'), JSON.stringify(lean(declared.kinds)));
  writeFileSync(join(pkg, 'element.json'), JSON.stringify(lean(declared.element)));
  return declared;
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
    loader: { '.css': 'text' },
    plugins: [
      {
        // The shadow root's CSS is imported as text: minified first, as esbuild minifies a stylesheet.
        name: 'minified-css-text',
        setup(b) {
          b.onLoad({ filter: /\.css$/ }, async (args) => {
            const esbuild = await import('esbuild');
            const { code } = await esbuild.transform(readFileSync(args.path, 'utf8'), { loader: 'css', minify: true });
            return { contents: code, loader: 'text' };
          });
        },
      },
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
  const { kinds, element, figures } = wasm({ pkg });
  mkdirSync(dist, { recursive: true });
  copyFileSync(join(pkg, 'growth_widgets_bg.wasm'), join(dist, 'growth-widgets.wasm'));
  writeFileSync(join(dist, 'kinds.json'), JSON.stringify(kinds, null, 2));
  writeFileSync(join(dist, 'element.json'), JSON.stringify(element, null, 2));
  const esbuild = await import('esbuild');
  const common = bundleOptions(pkg);
  await esbuild.build({ ...common, entryPoints: [join(root, 'www', 'src', 'entry-module.js')], format: 'esm', outfile: join(dist, 'growth-widgets.js') });
  await esbuild.build({
    ...common,
    entryPoints: [join(root, 'www', 'src', 'entry-inline.js')],
    format: 'iife',
    loader: { '.wasm': 'binary', '.css': 'text' },
    outfile: join(dist, 'growth-widgets.inline.js'),
  });
  const { writePages } = await import('./pages.mjs');
  await writePages(kinds, element, figures);
  readmeKinds(kinds);
  // The reveal.js plugin bundles and reveal's notes plugin (scripts/integrations.mjs).
  await (await import('./integrations.mjs')).buildIntegrations(esbuild);
  return sizes(dist, ['growth-widgets.js', 'growth-widgets.wasm', 'growth-widgets.inline.js']);
}

/** The module bundle with the test hooks, into tests/dist (its own cargo target dir, so the release build is not redone). */
export async function buildTestHooks() {
  const pkg = join(root, 'target', 'wasm-pkg-test');
  // The kinds built and tested but not yet shipped (regime-map: see README, "Size") are in this bundle.
  wasm({ features: ['test-hooks', 'regime-map'], targetDir: join(root, 'target', 'test-hooks'), pkg });
  const out = join(root, 'tests', 'dist');
  mkdirSync(out, { recursive: true });
  copyFileSync(join(pkg, 'growth_widgets_bg.wasm'), join(out, 'growth-widgets.wasm'));
  const esbuild = await import('esbuild');
  await esbuild.build({ ...bundleOptions(pkg), entryPoints: [join(root, 'www', 'src', 'entry-module.js')], format: 'esm', outfile: join(out, 'growth-widgets.js') });
}

/** The README's list of kinds, between its markers, from the declarations (rewritten only when it changed). */
function readmeKinds(kinds) {
  const path = join(root, 'README.md');
  const readme = readFileSync(path, 'utf8');
  const line = `Kinds: ${kinds.map((k) => `\`${k.kind}\``).join(', ')}.`;
  const next = readme.replace(/(<!-- kinds:start -->\n)[\s\S]*?(\n<!-- kinds:end -->)/, `$1${line}$2`);
  if (next !== readme) writeFileSync(path, next);
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
