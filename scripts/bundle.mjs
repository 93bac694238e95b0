#!/usr/bin/env node
// Bundles the CLI into dist/: one entry file plus chunks that are loaded only by the
// commands that need them (start-up time is a benchmark, DESIGN.md "The user's surface"),
// and the layer unpacker's worker, which runs as its own process inside a user namespace.
import { build } from 'esbuild';
import { chmodSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const outdir = join(root, 'dist');

rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: { boxctl: join(root, 'src/cli/main.ts'), 'unpack-worker': join(root, 'src/engine/image/unpack/worker.ts'), 'fs-worker': join(root, 'src/engine/container/fs/worker-main.ts') },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  sourcemap: 'linked',
  logLevel: 'warning',
  // React and its reconciler pick their production builds at run time from NODE_ENV,
  // which users do not set: fixed here, the development builds (twice the code, and far
  // slower to draw a frame) are left out of the bundle.
  define: { __BOXCTL_VERSION__: JSON.stringify(pkg.version), 'process.env.NODE_ENV': '"production"' },
  // Ink imports React's devtools only when DEV=true, and they are no dependency of ours.
  external: ['react-devtools-core'],
  // CommonJS dependencies call require(); give the ESM bundle one.
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __bxCreateRequire } from 'node:module';\nconst require = __bxCreateRequire(import.meta.url);",
  },
});
chmodSync(join(outdir, 'boxctl.js'), 0o755);
