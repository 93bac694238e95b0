// The generated files in the tree are what the registry makes now.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { GENERATED_DIRS, generatedFiles } from '../../src/cli/generated.js';

const root = join(import.meta.dirname, '..', '..');
const files = generatedFiles((JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version);

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
