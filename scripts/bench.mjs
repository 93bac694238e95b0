#!/usr/bin/env node
// `npm run bench`: bundles test/bench/main.ts with esbuild (no TypeScript loader at
// run time) and runs it against the built CLI in dist/. `npm run bench -- containers`
// runs only the container benchmarks (test/bench/containers.ts), `npm run bench -- ui`
// only the dashboard's (test/bench/ui.ts), `npm run bench -- pull` only the cold pulls
// (test/bench/pulls.ts).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ONLY = { containers: 'test/bench/containers-main.ts', ui: 'test/bench/ui-main.ts', pull: 'test/bench/pull-main.ts' };
const only = Object.hasOwn(ONLY, process.argv[2] ?? '') ? ONLY[process.argv[2]] : undefined;
const out = mkdtempSync(join(tmpdir(), 'boxctl-bench-'));
try {
  await build({
    entryPoints: [join(root, only ?? 'test/bench/main.ts')],
    outfile: join(out, 'bench.mjs'),
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
  });
  const r = spawnSync(process.execPath, [join(out, 'bench.mjs'), root, ...process.argv.slice(only ? 3 : 2)], { stdio: 'inherit' });
  process.exitCode = r.status ?? 1;
} finally {
  rmSync(out, { recursive: true, force: true });
}
