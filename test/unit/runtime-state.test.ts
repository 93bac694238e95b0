import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

import { parseProcStat } from '../../src/engine/host/procstat.js';
import { parseSignal } from '../../src/engine/host/signals.js';
import { claimContainerDir, deriveStatus, readState, validateId, writeState, type RuntimeState } from '../../src/engine/runtime/state.js';

const state: RuntimeState = {
  ociVersion: '1.0.2',
  id: 'web',
  pid: 4242,
  startTime: 777,
  bundle: '/b',
  rootfs: '/b/rootfs',
  created: '2026-11-28T00:00:00.000Z',
  owner: 'boxtest',
  annotations: {},
};

describe('/proc/<pid>/stat', () => {
  it('counts fields after the last parenthesis, so odd command names parse', () => {
    const line = '4242 (a) b (c) S 17 4242 4242 0 -1 4194560 100 0 0 0 0 0 0 0 20 0 1 0 777 1000 100 18446744073709551615\n';
    expect(parseProcStat(line)).toEqual({ pid: 4242, state: 'S', ppid: 17, startTime: 777 });
    expect(parseProcStat('garbage')).toBeUndefined();
  });
});

describe('runtime status', () => {
  const proc = { pid: 4242, state: 'S', ppid: 1, startTime: 777 };
  it('is created while the exec fifo exists, running after, stopped when the process is gone', () => {
    expect(deriveStatus(state, proc, true)).toBe('created');
    expect(deriveStatus(state, proc, false)).toBe('running');
    expect(deriveStatus(state, undefined, false)).toBe('stopped');
  });
  it('treats a zombie or a reused pid as stopped', () => {
    expect(deriveStatus(state, { ...proc, state: 'Z' }, false)).toBe('stopped');
    expect(deriveStatus(state, { ...proc, startTime: 778 }, false)).toBe('stopped');
  });
});

describe('container ids and state files', () => {
  let root: string;
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('accepts runc-style ids and refuses paths and junk', () => {
    root = mkdtempSync(join(tmpdir(), 'bx-'));
    expect(validateId('web-1.a_b+c')).toBe('web-1.a_b+c');
    for (const bad of ['', '../x', 'a/b', '-x', '.hidden', 'x'.repeat(129)]) expect(() => validateId(bad)).toThrow(/invalid container id/);
  });

  it('claims an id once and round-trips the state', () => {
    root = mkdtempSync(join(tmpdir(), 'bx-'));
    const dir = claimContainerDir(root, 'web');
    expect(() => claimContainerDir(root, 'web')).toThrow(/container 'web' already exists/);
    writeState(dir, state);
    expect(readState(root, 'web').state).toEqual(state);
    expect(() => readState(root, 'other')).toThrow(/container 'other' does not exist/);
  });
});

describe('signals', () => {
  it('reads names with and without SIG, any case, and numbers', () => {
    expect(parseSignal('TERM')).toBe(15);
    expect(parseSignal('sigkill')).toBe(9);
    expect(parseSignal('10')).toBe(10);
    expect(() => parseSignal('NOPE')).toThrow(/invalid signal 'NOPE'/);
    expect(() => parseSignal('0')).toThrow(/invalid signal/);
  });
});
