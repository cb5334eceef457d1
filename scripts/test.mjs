// `npm test`: every check, in the order a failure is cheapest to find. Set-up ran before this
// (scripts/setup.mjs). Each step prints its command; the first failure stops the run.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { capture, chromePath, root, run, tool } from './lib.mjs';

const step = (title) => console.log(`\n━━ ${title}`);

step('format');
run('cargo', ['fmt', '--all', '--check']);

step('lints');
run('cargo', ['clippy', '--workspace', '--all-targets', '--all-features', '--', '-D', 'warnings']);

step('model and widget unit tests (host)');
run('cargo', ['test', '--workspace', '--all-features']);

step('the model builds without std for wasm');
run('cargo', ['build', '-p', 'growth-model', '--no-default-features', '--target', 'wasm32-unknown-unknown']);

step('bundles');
run('node', [join('scripts', 'build.mjs')]);

const chrome = chromePath();
if (!chrome) {
  console.error(
    '\n✗ Chromium is needed for the browser tests and was not found.\n' +
      '  On Debian/Ubuntu: sudo apt-get install -y chromium chromium-driver\n' +
      '  Or point CHROME_PATH at a Chromium or Chrome binary.',
  );
  process.exit(1);
}
if (capture('which', ['pdftoppm']) === null) {
  console.error('\n✗ pdftoppm (poppler-utils) is needed to check the printed deck: sudo apt-get install -y poppler-utils');
  process.exit(1);
}
const chromedriver = process.env.CHROMEDRIVER ?? '/usr/bin/chromedriver';
if (!existsSync(chromedriver)) {
  console.error(`\n✗ chromedriver not found at ${chromedriver}: apt-get install -y chromium-driver (or set CHROMEDRIVER).`);
  process.exit(1);
}

step('in-browser Rust tests (wasm-bindgen-test, headless Chromium)');
run('cargo', ['test', '--target', 'wasm32-unknown-unknown', '-p', 'growth-widgets', '--test', 'in_browser'], {
  cwd: join(root, 'widgets'),
  env: {
    ...process.env,
    CHROMEDRIVER: chromedriver,
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER: tool('wasm-bindgen-test-runner'),
  },
});

step('the test-hook bundle (a deliberately failing hook for the error tests; never shipped)');
run('node', [join('scripts', 'build.mjs'), '--test-hooks']);

step('browser tests (playwright-core driving headless Chromium)');
run('node', ['--test', '--test-concurrency=1', '--test-timeout=180000', 'tests/']);
