#!/usr/bin/env node
// Regenerates completions/, man/ and the "man" list of package.json from the command
// declarations (src/cli/generated.ts): `npm run gen` after adding or changing a command,
// flag or example. Files there that no command makes any more are removed.
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
  const files = generatedFiles(pkg.version);
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
  // npm links the pages listed in "man" into {prefix}/share/man on a global install or link.
  const pkgPath = join(root, 'package.json');
  const pkgText = readFileSync(pkgPath, 'utf8');
  const current = JSON.parse(pkgText);
  const mans = files.filter((f) => f.path.startsWith('man/')).map((f) => `./${f.path}`);
  if (JSON.stringify(current.man) !== JSON.stringify(mans)) {
    writeFileSync(pkgPath, `${JSON.stringify({ ...current, man: mans }, null, 2)}\n`);
    changed++;
  }
  console.log(`gen: ${files.length} files and package.json "man", ${changed} written`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
