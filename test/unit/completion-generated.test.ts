// The generated files in the tree are what the registry makes now, and every command's
// --help shows its examples.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

import { GENERATED_DIRS, generatedFiles } from '../../src/cli/generated.js';
import { commands } from '../../src/cli/registry.js';
import { run } from '../../src/cli/run.js';
import type { CommandSpec } from '../../src/cli/spec.js';

const root = join(import.meta.dirname, '..', '..');
const files = generatedFiles((JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version);

function capture() {
  let out = '';
  let err = '';
  const stream = (add: (s: string) => void) => ({ write: (s: string) => (add(String(s)), true) }) as unknown as NodeJS.WritableStream;
  return { streams: { stdout: stream((s) => (out += s)), stderr: stream((s) => (err += s)), color: false }, out: () => out, err: () => err };
}

function all(specs: readonly CommandSpec[], parent: readonly string[] = []): [string[], CommandSpec][] {
  return specs.filter((s) => !s.hidden).flatMap((s) => [[[...parent, s.name], s] as [string[], CommandSpec], ...all(s.subcommands ?? [], [...parent, s.name])]);
}

describe('generated files', () => {
  it.each(files.map((f) => [f.path, f.text]))('%s is up to date (npm run gen)', (path, text) => {
    expect(readFileSync(join(root, path), 'utf8'), `${path} is out of date: run 'npm run gen'`).toBe(text);
  });

  it('no stale files in completions/ and man/, and package.json lists every man page', () => {
    const wanted = new Set(files.map((f) => f.path));
    for (const dir of GENERATED_DIRS) {
      for (const name of readdirSync(join(root, dir))) if (name !== 'README.md') expect(wanted, `${dir}/${name} is stale: run 'npm run gen'`).toContain(`${dir}/${name}`);
    }
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { man: string[] };
    expect(pkg.man).toEqual(files.filter((f) => f.path.startsWith('man/')).map((f) => `./${f.path}`));
  });
});

describe('--help', () => {
  it.each(all(commands).map(([path, spec]) => [path.join(' '), spec]))('boxctl %s --help lists its examples', async (path, spec) => {
    expect(spec.examples.length).toBeGreaterThan(0);
    // yargs prints help itself, not through the command's streams.
    const c = capture();
    const printed: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void printed.push(a.join(' ')));
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => printed.push(String(s)) > 0);
    let code: number;
    try {
      code = await run([...path.split(' '), '--help'], c.streams);
    } finally {
      log.mockRestore();
      write.mockRestore();
    }
    expect(code).toBe(0);
    // yargs wraps a long example around its description: each word is there.
    const words = new Set((printed.join('\n') + c.out()).split(/\s+/));
    for (const ex of spec.examples) for (const w of ex.command.split(/\s+/)) expect(words, ex.command).toContain(w);
  });
});
