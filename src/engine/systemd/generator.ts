// The systemd user generator's side (systemd.generator(7)): read the Quadlet files
// from their directories, write the units quadlet.ts makes into the directory systemd
// passes, and apply each [Install] section with symlinks, since units made by a
// generator cannot be enabled. A file that fails is reported and skipped; the others
// are still written.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { posix } from 'node:path';

import { generateQuadletUnits, quadletKind, type GeneratedUnit, type QuadletContext, type QuadletFile } from './quadlet.js';
import { parseUnit } from './unit-file.js';

interface ReadResult {
  files: QuadletFile[];
  errors: Error[];
}

/** Files under `dir` and its subdirectories, sorted. A missing directory has none. */
function walk(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const path = posix.join(dir, name);
    try {
      return statSync(path).isDirectory() ? walk(path) : [path];
    } catch {
      return [];
    }
  });
}

/** The .container and .volume files of `dirs`; a name met again in a later directory is skipped. */
function readQuadletFiles(dirs: readonly string[]): ReadResult {
  const seen = new Set<string>();
  const files: QuadletFile[] = [];
  const errors: Error[] = [];
  for (const dir of dirs) {
    for (const path of walk(dir)) {
      const name = posix.basename(path);
      if (quadletKind(path) === undefined || seen.has(name)) continue;
      seen.add(name);
      try {
        files.push({ path, unit: parseUnit(readFileSync(path, 'utf8'), path) });
      } catch (e) {
        errors.push(e as Error);
      }
    }
  }
  return { files, errors };
}

const INSTALL_DIRS = { WantedBy: 'wants', RequiredBy: 'requires', UpheldBy: 'upholds' } as const;

/** A symlink at `link`, replacing what a run into the same directory left there. */
function relink(target: string, link: string): void {
  rmSync(link, { force: true });
  symlinkSync(target, link);
}

/** Writes one unit and its [Install] symlinks into `dir`; returns the paths made. */
export function writeGeneratedUnit(dir: string, unit: GeneratedUnit, text: string): string[] {
  const written = [posix.join(dir, unit.serviceName)];
  writeFileSync(written[0]!, text, { mode: 0o644 });
  for (const [key, suffix] of Object.entries(INSTALL_DIRS) as [keyof typeof INSTALL_DIRS, string][]) {
    for (const target of unit.install[key]) {
      const wants = posix.join(dir, `${target}.${suffix}`);
      mkdirSync(wants, { recursive: true });
      const link = posix.join(wants, unit.serviceName);
      relink(posix.join('..', unit.serviceName), link);
      written.push(link);
    }
  }
  for (const alias of unit.install.Alias) {
    const link = posix.join(dir, alias);
    relink(unit.serviceName, link);
    written.push(link);
  }
  return written;
}

export interface GeneratorRun {
  units: GeneratedUnit[];
  errors: Error[];
}

/** Reads every file and makes every unit it can. */
export function runGenerator(dirs: readonly string[], ctx: QuadletContext): GeneratorRun {
  const read = readQuadletFiles(dirs);
  const made = generateQuadletUnits(read.files, ctx);
  return { units: made.units, errors: [...read.errors, ...made.errors] };
}
