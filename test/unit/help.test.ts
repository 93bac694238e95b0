// Every command and subcommand in the registry, however many there are now, declares
// examples with descriptions, and its --help shows them, its description and its flags.
import { describe, expect, it, vi } from 'vitest';

import { GLOBAL_OPTIONS } from '../../src/cli/globals.js';
import { commands } from '../../src/cli/registry.js';
import { run } from '../../src/cli/run.js';
import type { CommandSpec } from '../../src/cli/spec.js';

function all(specs: readonly CommandSpec[], parent: readonly string[] = []): [string[], CommandSpec][] {
  return specs.filter((s) => !s.hidden).flatMap((s) => [[[...parent, s.name], s] as [string[], CommandSpec], ...all(s.subcommands ?? [], [...parent, s.name])]);
}

/** What `boxctl PATH --help` prints; yargs writes help itself, not through the command's streams. */
async function help(path: readonly string[]): Promise<{ code: number; text: string }> {
  let out = '';
  const stream = { write: (s: string) => ((out += String(s)), true) } as unknown as NodeJS.WritableStream;
  const printed: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void printed.push(a.join(' ')));
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => printed.push(String(s)) > 0);
  try {
    const code = await run([...path, '--help'], { stdout: stream, stderr: stream, color: false });
    return { code, text: `${printed.join('\n')}\n${out}` };
  } finally {
    log.mockRestore();
    write.mockRestore();
  }
}

const words = (text: string) => new Set(text.split(/\s+/));

describe('--help', () => {
  it('the registry has commands with subcommands to walk', () => {
    expect(all(commands).length).toBeGreaterThan(commands.length);
  });

  it.each(all(commands).map(([path, spec]) => [path.join(' '), path, spec] as const))('boxctl %s --help lists its examples', async (_name, path, spec) => {
    expect(spec.examples.length, `${path.join(' ')} declares no examples`).toBeGreaterThan(0);
    for (const ex of spec.examples) expect(ex.description.trim(), ex.command).not.toBe('');
    const { code, text } = await help(path);
    expect(code).toBe(0);
    // yargs wraps long lines: each word of each example, its description and the flags is there.
    const shown = words(text);
    for (const ex of spec.examples) for (const w of `${ex.command} ${ex.description}`.split(/\s+/)) expect(shown, ex.command).toContain(w);
    for (const name of Object.keys({ ...GLOBAL_OPTIONS, ...spec.options })) expect(text).toContain(`--${name}`);
    for (const sub of (spec.subcommands ?? []).filter((s) => !s.hidden)) expect(shown).toContain(sub.name);
  });
});
