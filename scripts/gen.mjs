#!/usr/bin/env node
// Regenerates completions/ and man/ from the command declarations (src/cli/generated.ts):
// `npm run gen` after adding or changing a command, flag or example. Files there that no
// command makes any more are removed.
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
// Under node_modules, so that the bundle's external packages resolve.
const cache = join(root, 'node_modules', '.cache');
mkdirSync(cache, { recursive: true });
const tmp = mkdtempSync(join(cache, 'boxctl-gen-'));
try {
  const outfile = join(tmp, 'generated.mjs');
  await build({
    entryPoints: [join(root, 'src/cli/generated.ts')],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
    define: { __BOXCTL_VERSION__: JSON.stringify(pkg.version) },
    packages: 'external',
  });
  const { generatedFiles, GENERATED_DIRS } = await import(pathToFileURL(outfile).href);
  const files = generatedFiles();
  const wanted = new Set(files.map((f) => f.path));
  for (const dir of GENERATED_DIRS) {
    for (const name of readdirSync(join(root, dir))) {
      if (name !== 'README.md' && !wanted.has(`${dir}/${name}`)) rmSync(join(root, dir, name));
    }
  }
  let changed = 0;
  for (const f of files) {
    const path = join(root, f.path);
    let old;
    try {
      old = readFileSync(path, 'utf8');
    } catch {
      old = undefined;
    }
    if (old !== f.text) {
      writeFileSync(path, f.text);
      changed++;
    }
  }
  console.log(`gen: ${files.length} files, ${changed} written`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
