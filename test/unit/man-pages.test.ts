// The man pages: made from the registry, one per command, each with the sections the
// issue asks for, rendered by man and checked by groff with every warning on.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { manPages } from '../../src/cli/man/pages.js';
import { esc } from '../../src/cli/man/roff.js';
import { commands } from '../../src/cli/registry.js';
import type { CommandSpec } from '../../src/cli/spec.js';

const pages = manPages(commands, '1.2.3');
const dir = mkdtempSync(join(tmpdir(), 'boxctl-man-'));
for (const p of pages) writeFileSync(join(dir, p.file), p.text);

function paths(specs: readonly CommandSpec[], parent: readonly string[] = []): string[][] {
  return specs.filter((s) => !s.hidden).flatMap((s) => [[...parent, s.name], ...paths(s.subcommands ?? [], [...parent, s.name])]);
}

describe('man pages', () => {
  it('one page per command and subcommand, none for hidden ones', () => {
    const files = new Set(pages.map((p) => p.file));
    for (const path of paths(commands)) expect(files).toContain(`boxctl-${path.join('-')}.1`);
    expect(files).toContain('boxctl.1');
    expect(files).not.toContain('boxctl-__complete.1');
    expect([...files].filter((f) => f.endsWith('.5')).sort()).toEqual(['boxctl-auth.json.5', 'boxctl-quadlet.5', 'boxctl-registries.conf.5']);
  });

  it.each(pages.filter((p) => p.file.endsWith('.1') && p.file !== 'boxctl.1').map((p) => [p.file, p.text]))('%s has every section', (_file, text) => {
    for (const s of ['NAME', 'SYNOPSIS', 'DESCRIPTION', 'OPTIONS', 'EXAMPLES', 'EXIT STATUS', 'SEE ALSO']) expect(text).toMatch(new RegExp(`^\\.SH ${s}$`, 'm'));
  });

  it.each(pages.map((p) => [p.file]))('%s: groff -ww -man -z says nothing, man -l renders it', (file) => {
    const groff = spawnSync('groff', ['-ww', '-man', '-z', join(dir, file)], { encoding: 'utf8' });
    expect(groff.stderr).toBe('');
    expect(groff.status).toBe(0);
    const text = execFileSync('man', ['-l', join(dir, file)], { encoding: 'utf8', env: { ...process.env, MANWIDTH: '80', MAN_KEEP_FORMATTING: '' } });
    expect(text).toMatch(/NAME/);
  });

  it('lists the flags and examples of run as man shows them', () => {
    const text = execFileSync('man', ['-l', join(dir, 'boxctl-run.1')], { encoding: 'utf8', env: { ...process.env, MANWIDTH: '200' } });
    expect(text).toContain('--restart=policy');
    expect(text).toContain('-v, --volume=SOURCE:DEST[:ro]');
    expect(text).toContain('--cidfile=file');
    expect(text).toContain('$ boxctl run --rm busybox echo hello');
    expect(text).toMatch(/127\s+the command was not found/);
  });

  it('reads as a Podman page does: both names, details, IMAGE, options in order, related pages', () => {
    const text = execFileSync('man', ['-l', join(dir, 'boxctl-run.1')], { encoding: 'utf8', env: { ...process.env, MANWIDTH: '200' } });
    const sections = [...text.matchAll(/^([A-Z][A-Z ]+)$/gm)].map((m) => m[1]);
    expect(sections).toEqual(['NAME', 'SYNOPSIS', 'DESCRIPTION', 'ARGUMENTS', 'IMAGE', 'OPTIONS', 'EXAMPLES', 'EXIT STATUS', 'SEE ALSO']);
    expect(text).toMatch(/^ +boxctl run \[options\] image \[command \[arg \.\.\.\]\]\n +boxctl container run \[options\] image/m);
    expect(text).toContain('A small monitor, boxctl-monitor,');
    const optionsSection = text.slice(text.indexOf('\nOPTIONS\n'), text.indexOf('\nEXAMPLES\n'));
    const flags = [...optionsSection.matchAll(/^ {7}(?:-\w, )?--([a-z-]+)/gm)].map((m) => m[1]!);
    expect(flags.length).toBeGreaterThan(30);
    expect(flags.slice(0, -1)).toEqual([...flags.slice(0, -1)].sort((a, b) => a.localeCompare(b)));
    const seeAlso = text.slice(text.indexOf('SEE ALSO')).replace(/\s+/g, ' ');
    for (const page of ['boxctl(1)', 'boxctl-container-run(1)', 'boxctl-create(1)', 'boxctl-logs(1)', 'boxctl-registries.conf(5)', 'subuid(5)', 'podman-run(1)']) expect(seeAlso).toContain(page);
  });

  it('links only pages that exist, and names the other names of a command', () => {
    const names = new Set(pages.map((p) => p.file.replace(/\.\d$/, '')));
    for (const p of pages.filter((x) => x.file.endsWith('.1'))) {
      const seeAlso = p.text.slice(p.text.indexOf('.SH SEE ALSO'));
      for (const m of seeAlso.matchAll(/\\fB(boxctl[^\\]*)\\fR\((\d)\)/g)) expect(names, `${p.file} names ${m[1]}(${m[2]})`).toContain(m[1]!.replace(/\\-/g, '-'));
    }
    const ps = pages.find((p) => p.file === 'boxctl-ps.1')!.text;
    expect(ps).toMatch(/boxctl container ls/);
    expect(ps).toMatch(/boxctl\\-container\\-list\\fR\(1\)/);
  });

  it('escapes roff: hyphens, backslashes, leading dots, non-ASCII', () => {
    expect(esc('a-b')).toBe('a\\-b');
    expect(esc('\\t')).toBe('\\et');
    expect(esc('.hidden')).toBe('\\&.hidden');
    expect(esc('image’s')).toBe('image\\[u2019]s');
  });
});
