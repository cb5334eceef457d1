// The package's TypeScript declarations, checked by tsc as an app would use them: <growth-widget>
// in React 19 TSX (IntrinsicElements) and in Vue 3 (GlobalComponents), with wrong kinds and
// read-only properties refused (each @ts-expect-error fails the check if its line type-checks).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../scripts/lib.mjs';

const dir = join(root, 'tests', 'dist', 'types');

function typecheck(files) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { strict: true, noEmit: true, jsx: 'react-jsx', module: 'esnext', moduleResolution: 'bundler', target: 'es2022', lib: ['es2022', 'dom'], skipLibCheck: false, types: [] },
      include: Object.keys(files),
    }),
  );
  const result = spawnSync('node', [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', dir], { encoding: 'utf8' });
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
}

test('React 19 TSX knows <growth-widget>: kinds, numeric props and growth-change events are typed, mistakes are errors; the reveal plugin is typed', () => {
  const { ok, output } = typecheck({
    'app.tsx': `import 'growth-widgets';
import type { GrowthWidgetElement } from 'growth-widgets';
export const fine = (
  <growth-widget kind="elasticity" rho={-1} alpha="0.3" controls="rho,alpha"
    ongrowth-change={(event) => event.detail.values.rho.toFixed(2)}
    ref={(el: GrowthWidgetElement | null) => {
      el?.renderNow();
    }} />
);
// @ts-expect-error: not a kind
export const wrongKind = <growth-widget kind="nope" />;
// @ts-expect-error: values is read-only
export const readOnly = <growth-widget kind="elasticity" values={{ rho: 1 }} />;
// @ts-expect-error: a parameter is a number
export const wrongType = <growth-widget kind="elasticity" rho={{}} />;
import GrowthWidgets from 'growth-widgets/reveal';
const revealPlugin = GrowthWidgets();
export const pluginId: 'growth-widgets' = revealPlugin.id;
// @ts-expect-error: the transport is read-only
revealPlugin.transport = 'postMessage';
const el = document.createElement('growth-widget');
el.rho = -1;
el.addEventListener('growth-change', (event) => event.detail.values.rho);
`,
  });
  assert.ok(ok, output);
});

test('Vue 3 knows <growth-widget> as a global component with typed props', () => {
  const { ok, output } = typecheck({
    'vue.ts': `import 'growth-widgets';
import type { GlobalComponents } from 'vue';
type Props = InstanceType<GlobalComponents['growth-widget']>['$props'];
export const fine: Props = { kind: 'research-feedback', phi: 1.5, onGrowthChange: (event) => event.detail.values.phi };
// @ts-expect-error: not a kind
export const wrongKind: Props = { kind: 'nope' };
`,
  });
  assert.ok(ok, output);
});
