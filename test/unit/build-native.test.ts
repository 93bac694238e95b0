import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const script = join(import.meta.dirname, '..', '..', 'scripts', 'build-native.mjs');

describe('the native build at install time', () => {
  it('stops loudly and names a missing compiler with the package that brings it', () => {
    const r = spawnSync(process.execPath, [script], { env: { ...process.env, CC: 'no-such-cc-boxctl' }, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("boxctl: native build failed: 'no-such-cc-boxctl' not found; install it with: sudo apt-get install -y build-essential");
  });

  it('names the first missing tool when none is on PATH', () => {
    const r = spawnSync(process.execPath, [script], { env: { ...process.env, PATH: '/nonexistent' }, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/native build failed: '(cc|c\+\+|make|python3)' not found; install it with: sudo apt-get install -y \S+/);
  });
});
