// All set-up a fresh machine needs, idempotent: npm packages, the wasm target, the pinned
// wasm-bindgen-cli in .tools/ (built once, reused while its version matches Cargo.lock).
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { capture, lockedVersion, root, run, tool, toolsDir } from './lib.mjs';

function npmPackages() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  const lock = join(root, 'package-lock.json');
  if (!existsSync(marker) || statSync(marker).mtimeMs < statSync(lock).mtimeMs) {
    run('npm', ['ci', '--no-audit', '--no-fund']);
  }
}

function wasmTarget() {
  const installed = capture('rustup', ['target', 'list', '--installed']) ?? '';
  if (!installed.split('\n').includes('wasm32-unknown-unknown')) {
    run('rustup', ['target', 'add', 'wasm32-unknown-unknown']);
  }
}

function cargoLock() {
  if (!existsSync(join(root, 'Cargo.lock'))) run('cargo', ['generate-lockfile']);
}

function wasmBindgenCli() {
  const version = lockedVersion('wasm-bindgen');
  const have = capture(tool('wasm-bindgen'), ['--version']);
  if (have && have.trim() === `wasm-bindgen ${version}`) return;
  console.log(`Installing wasm-bindgen-cli ${version} into .tools/ (once; a few minutes)…`);
  // Not --locked: the CLI's own lockfile names a webpki-roots the registry no longer serves.
  run('cargo', ['install', '--root', toolsDir, 'wasm-bindgen-cli', '--version', `=${version}`, '--force']);
}

npmPackages();
wasmTarget();
cargoLock();
wasmBindgenCli();
