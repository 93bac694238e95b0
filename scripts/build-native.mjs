#!/usr/bin/env node
// `npm ci` / `npm install` hook: builds the N-API addon (node-gyp) and the C
// executables (make) from source. Any failure stops the install with one line that
// names what is missing and how to get it, instead of a wall of compiler output.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const nativeDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'native');

const tools = [
  { cmd: process.env.CC || 'cc', pkg: 'build-essential' },
  { cmd: process.env.CXX || 'c++', pkg: 'build-essential' },
  { cmd: 'make', pkg: 'make' },
  { cmd: 'python3', pkg: 'python3' },
  { cmd: 'pkg-config', pkg: 'pkg-config' },
];

// C libraries that boxctl-runtime links, by pkg-config module and Debian package.
const libraries = [
  { module: 'json-c', pkg: 'libjson-c-dev' },
  { module: 'libseccomp', pkg: 'libseccomp-dev' },
];

function fail(message) {
  process.stderr.write(`\nboxctl: native build failed: ${message}\n\n`);
  process.exit(1);
}

function onPath(cmd) {
  return spawnSync('sh', ['-c', `command -v "$1"`, 'sh', cmd], { stdio: 'ignore' }).status === 0;
}

for (const { cmd, pkg } of tools) {
  if (!onPath(cmd)) fail(`'${cmd}' not found; install it with: sudo apt-get install -y ${pkg}`);
}
for (const { module, pkg } of libraries) {
  if (spawnSync('pkg-config', ['--exists', module], { stdio: 'ignore' }).status !== 0) {
    fail(`the C library '${module}' is missing (no pkg-config file); install it with: sudo apt-get install -y ${pkg}`);
  }
}

// Build against the headers of the Node that runs us when they are installed, so no
// header tarball is downloaded (machines without network stay installable).
const args = ['rebuild', '-C', nativeDir];
const prefix = dirname(dirname(process.execPath));
if (!process.env.npm_config_nodedir && existsSync(join(prefix, 'include', 'node', 'node_api.h'))) {
  args.push(`--nodedir=${prefix}`);
}
const gyp = onPath('node-gyp') ? ['node-gyp', args] : ['npx', ['--no-install', 'node-gyp', ...args]];
// node-gyp first: its rebuild wipes native/build, where make writes too.
const steps = [
  { what: 'the N-API addon (node-gyp)', cmd: gyp[0], args: gyp[1] },
  { what: 'the C executables (make -C native)', cmd: 'make', args: ['-C', nativeDir] },
];
for (const step of steps) {
  const r = spawnSync(step.cmd, step.args, { stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.error) fail(`could not run ${step.cmd} for ${step.what}: ${r.error.message}`);
  if (r.status !== 0) fail(`${step.what} did not compile; the compiler's messages are above`);
}
