// The process object of `boxctl exec`: the container's own, with exec's changes.
import { describe, expect, it } from 'vitest';

import { execSpec, type ExecRequest } from '../../src/engine/container/exec.js';
import type { Process } from '../../src/engine/spec/oci.js';

const base: Process = {
  terminal: false,
  user: { uid: 0, gid: 0 },
  args: ['sleep', '1000'],
  env: ['PATH=/bin', 'A=container'],
  cwd: '/',
  capabilities: { bounding: [], effective: [], permitted: [], inheritable: [], ambient: [] },
  rlimits: [],
  noNewPrivileges: false,
};
const req = (over: Partial<ExecRequest> = {}): ExecRequest => ({
  command: ['sh'],
  env: [],
  envFiles: [],
  interactive: false,
  tty: false,
  detach: false,
  ...over,
});

describe('execSpec', () => {
  it('keeps the container environment, with -e on top, and no terminal without -t', () => {
    const p = execSpec(base, req(), ['A=exec'], undefined, { rows: 24, cols: 80 });
    expect(p.terminal).toBe(false);
    expect(p.args).toEqual(['sh']);
    expect(p.env).toEqual(['PATH=/bin', 'A=exec']);
    expect(p.consoleSize).toBeUndefined();
  });

  it('with -t: a terminal of the given size and TERM=xterm unless the container or -e sets TERM', () => {
    const p = execSpec(base, req({ tty: true }), [], undefined, { rows: 30, cols: 100 });
    expect(p.terminal).toBe(true);
    expect(p.consoleSize).toEqual({ height: 30, width: 100 });
    expect(p.env).toContain('TERM=xterm');
    expect(execSpec({ ...base, env: ['TERM=linux'] }, req({ tty: true }), [], undefined).env).toEqual(['TERM=linux']);
    expect(execSpec(base, req({ tty: true }), ['TERM=vt100'], undefined).env).toContain('TERM=vt100');
    expect(execSpec(base, req({ tty: true }), [], undefined).consoleSize).toBeUndefined();
  });
});
