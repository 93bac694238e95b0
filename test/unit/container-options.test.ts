// The flags of run and create, read as Podman reads them, and what the container's
// status is derived from: pure, so every case is checked without a kernel.
import { describe, expect, it } from 'vitest';

import { keepIdMappings } from '../../src/engine/container/create.js';
import {
  mergeEnv,
  parseCpus,
  parseDuration,
  parseEnv,
  parseEnvFile,
  parseHealth,
  parseLabels,
  parseLogOpts,
  parseMemory,
  parseMount,
  parsePidsLimit,
  parsePullPolicy,
  parseRestart,
  parseSecurityOpts,
  parseSize,
  parseTmpfs,
  parseVolume,
} from '../../src/engine/container/options.js';
import type { ContainerRecord } from '../../src/engine/container/record.js';
import { deriveView } from '../../src/engine/container/status.js';
import { parseGroup, parsePasswd } from '../../src/engine/container/image-files.js';
import { resolveUser } from '../../src/engine/container/user.js';

describe('environment', () => {
  it('takes NAME=value as given and NAME alone from the host, dropping unset ones', () => {
    expect(parseEnv(['A=1', 'B', 'C', 'D=x=y', 'E='], { B: 'two' })).toEqual(['A=1', 'B=two', 'D=x=y', 'E=']);
  });
  it('refuses an empty or spaced name', () => {
    expect(() => parseEnv(['=x'], {})).toThrow(/invalid environment variable '=x'/);
    expect(() => parseEnv(['A B=1'], {})).toThrow(/expected NAME=value/);
  });
  it('reads env files without comments and blank lines, naming the file in errors', () => {
    expect(parseEnvFile('# c\nA=1\r\n\n  # indented\nB\n', 'f', { B: 'h' })).toEqual(['A=1', 'B=h']);
    expect(() => parseEnvFile('=bad\n', '/e', {})).toThrow(/^\/e: invalid environment variable/);
  });
  it('lets later layers win, keeping first positions', () => {
    expect(mergeEnv(['PATH=/bin', 'A=1'], ['A=2', 'B=3'])).toEqual(['PATH=/bin', 'A=2', 'B=3']);
  });
  it('reads labels with and without values', () => {
    expect(parseLabels(['a=b', 'c', 'd=e=f'])).toEqual({ a: 'b', c: '', d: 'e=f' });
    expect(() => parseLabels(['=x'])).toThrow(/invalid label/);
  });
});

describe('volumes and mounts', () => {
  it('tells binds from named and anonymous volumes', () => {
    expect(parseVolume('/h:/c', '/cwd')).toEqual({ type: 'bind', source: '/h', destination: '/c', readOnly: false });
    expect(parseVolume('./rel:/c:ro', '/cwd')).toEqual({ type: 'bind', source: '/cwd/rel', destination: '/c', readOnly: true });
    expect(parseVolume('data:/var/lib/x:rw,z', '/')).toEqual({ type: 'volume', source: 'data', destination: '/var/lib/x', readOnly: false, options: ['z'] });
    expect(parseVolume('/only', '/')).toEqual({ type: 'volume', destination: '/only', readOnly: false });
  });
  it('refuses relative container paths, bad names and unknown options', () => {
    expect(() => parseVolume('/h:rel', '/')).toThrow(/must be absolute/);
    expect(() => parseVolume('bad name:/c', '/')).toThrow(/neither an absolute path nor a volume name/);
    expect(() => parseVolume('/h:/c:rx', '/')).toThrow(/unknown option 'rx'/);
    expect(() => parseVolume('/a:/b:ro:x', '/')).toThrow(/expected \[SOURCE:\]CONTAINER-PATH/);
  });
  it('reads --mount as Docker does', () => {
    expect(parseMount('type=bind,source=/s,target=/t,readonly', '/')).toEqual({ type: 'bind', source: '/s', destination: '/t', readOnly: true });
    expect(parseMount('type=volume,src=v,dst=/d', '/')).toEqual({ type: 'volume', source: 'v', destination: '/d', readOnly: false });
    expect(parseMount('type=tmpfs,target=/t,tmpfs-size=1m,tmpfs-mode=1777', '/')).toEqual({
      type: 'tmpfs',
      destination: '/t',
      readOnly: false,
      options: ['size=1m', 'mode=1777'],
    });
    expect(() => parseMount('type=bind,target=/t', '/')).toThrow(/needs source=/);
    expect(() => parseMount('type=nfs,target=/t', '/')).toThrow(/type must be bind, volume or tmpfs/);
    expect(() => parseMount('type=bind,source=/s,target=/t,colour=red', '/')).toThrow(/unknown field colour/);
    expect(() => parseMount('type=tmpfs', '/')).toThrow(/target= is required/);
  });
  it('reads --tmpfs with options', () => {
    expect(parseTmpfs('/run:size=1m,ro')).toEqual({ type: 'tmpfs', destination: '/run', readOnly: true, options: ['size=1m'] });
    expect(parseTmpfs('/x')).toEqual({ type: 'tmpfs', destination: '/x', readOnly: false });
  });
});

describe('policies and limits', () => {
  it('reads restart policies', () => {
    expect(parseRestart('no')).toEqual({ name: 'no' });
    expect(parseRestart('on-failure')).toEqual({ name: 'on-failure' });
    expect(parseRestart('on-failure:5')).toEqual({ name: 'on-failure', maxRetries: 5 });
    expect(parseRestart('unless-stopped')).toEqual({ name: 'unless-stopped' });
    for (const bad of ['sometimes', 'always:3', 'on-failure:x', '']) expect(() => parseRestart(bad)).toThrow(/invalid restart policy/);
  });
  it('reads sizes, memory and cpus', () => {
    expect(parseSize('512m', 'x')).toBe(512 * 1024 * 1024);
    expect(parseSize('1.5g', 'x')).toBe(1.5 * 1024 ** 3);
    expect(parseSize('100', 'x')).toBe(100);
    expect(() => parseSize('12q', 'memory limit')).toThrow(/invalid memory limit '12q'/);
    expect(() => parseMemory('1m')).toThrow(/minimum is 6m/);
    expect(parseCpus('1.5')).toEqual({ quota: 150000, period: 100000 });
    expect(() => parseCpus('0')).toThrow(/positive number/);
    expect(() => parseCpus('-1')).toThrow(/positive number/);
    expect(parsePidsLimit(10)).toBe(10);
    expect(parsePidsLimit(0)).toBe(-1);
    expect(() => parsePidsLimit(1.5)).toThrow(/--pids-limit/);
  });
  it('reads Go durations', () => {
    expect(parseDuration('1m30s', 'x')).toBe(90_000);
    expect(parseDuration('500ms', 'x')).toBe(500);
    expect(parseDuration('1h', 'x')).toBe(3_600_000);
    expect(parseDuration('0', 'x')).toBe(0);
    expect(() => parseDuration('10', '--health-interval')).toThrow(/invalid --health-interval '10'/);
    expect(() => parseDuration('1m x', 'x')).toThrow();
  });
  it('builds healthchecks with Podman defaults, shell or exec form', () => {
    expect(parseHealth({})).toBeUndefined();
    expect(parseHealth({ cmd: 'none' })).toBeUndefined();
    expect(parseHealth({ cmd: 'curl -f localhost' })).toEqual({
      test: ['/bin/sh', '-c', 'curl -f localhost'],
      intervalMs: 30_000,
      timeoutMs: 30_000,
      retries: 3,
      startPeriodMs: 0,
      onFailure: 'none',
    });
    expect(parseHealth({ cmd: '["/bin/check","-q"]', interval: '2s', retries: 1, onFailure: 'kill' })).toMatchObject({ test: ['/bin/check', '-q'], intervalMs: 2000, retries: 1, onFailure: 'kill' });
    expect(() => parseHealth({ cmd: '[1,2]' })).toThrow(/JSON array of strings/);
    expect(() => parseHealth({ cmd: 'x', onFailure: 'explode' })).toThrow(/--health-on-failure/);
    expect(() => parseHealth({ cmd: 'x', retries: 0 })).toThrow(/--health-retries/);
    expect(() => parseHealth({ cmd: 'x', interval: '0' })).toThrow(/more than 0/);
  });
  it('reads log options and refuses the ones boxctl does not have', () => {
    expect(parseLogOpts(['max-size=1m', 'max-file=3'])).toEqual({ maxSize: 1024 * 1024, maxFiles: 3 });
    expect(() => parseLogOpts(['max-file=0'])).toThrow(/at least 1/);
    expect(() => parseLogOpts(['tag=x'])).toThrow(/not supported/);
    expect(() => parseLogOpts(['colour=red'])).toThrow(/use max-size or max-file/);
    expect(() => parseLogOpts(['max-size'])).toThrow(/KEY=VALUE/);
  });
  it('reads security options', () => {
    expect(parseSecurityOpts([])).toEqual({ noNewPrivileges: false, seccomp: { kind: 'default' } });
    expect(parseSecurityOpts(['no-new-privileges', 'seccomp=unconfined'])).toEqual({ noNewPrivileges: true, seccomp: { kind: 'unconfined' } });
    expect(parseSecurityOpts(['seccomp=/p.json'])).toEqual({ noNewPrivileges: false, seccomp: { kind: 'file', path: '/p.json' } });
    expect(() => parseSecurityOpts(['label=disable'])).toThrow(/not supported by boxctl/);
    expect(() => parseSecurityOpts(['bogus'])).toThrow(/invalid --security-opt/);
  });
  it('reads pull policies', () => {
    expect(parsePullPolicy('never')).toBe('never');
    expect(parsePullPolicy('true')).toBe('always');
    expect(() => parsePullPolicy('sometimes')).toThrow(/invalid --pull/);
  });
});

describe('users', () => {
  const passwd = parsePasswd('root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000::/home/app:/bin/sh\nbroken line\n');
  const groups = parseGroup('root:x:0:\napp:x:1000:\nwheel:x:10:app,other\n');
  it('resolves names, numbers and groups as Podman does', () => {
    expect(resolveUser('', passwd, groups)).toEqual({ uid: 0, gid: 0, additionalGids: [] });
    expect(resolveUser('app', passwd, groups)).toEqual({ uid: 1000, gid: 1000, additionalGids: [10] });
    expect(resolveUser('1000', passwd, groups)).toEqual({ uid: 1000, gid: 1000, additionalGids: [10] });
    expect(resolveUser('4242', passwd, groups)).toEqual({ uid: 4242, gid: 0, additionalGids: [] });
    expect(resolveUser('app:wheel', passwd, groups)).toEqual({ uid: 1000, gid: 10, additionalGids: [] });
    expect(resolveUser('5:6', passwd, groups)).toEqual({ uid: 5, gid: 6, additionalGids: [] });
  });
  it('refuses names the image does not have', () => {
    expect(() => resolveUser('ghost', passwd, groups)).toThrow(/unable to find user ghost/);
    expect(() => resolveUser('app:ghosts', passwd, groups)).toThrow(/unable to find group ghosts/);
    expect(() => resolveUser('a:b:c', passwd, groups)).toThrow(/invalid user/);
  });
  it('lays out keep-id as Podman: own id kept, the range around it', () => {
    const sub = [
      { containerID: 0, hostID: 1001, size: 1 },
      { containerID: 1, hostID: 100000, size: 65536 },
    ];
    expect(keepIdMappings(1001, sub)).toEqual([
      { containerID: 0, hostID: 100000, size: 1001 },
      { containerID: 1001, hostID: 1001, size: 1 },
      { containerID: 1002, hostID: 101001, size: 64535 },
    ]);
    expect(() => keepIdMappings(1001, [{ containerID: 0, hostID: 1001, size: 1 }])).toThrow(/needs subordinate ids/);
  });
});

describe('status', () => {
  const record = { id: 'a'.repeat(64), name: 'x' } as ContainerRecord;
  const monitor = { monitorPid: 10, monitorStartTime: 1, pid: 11, pidStartTime: 2, startedAt: '2026-01-01T00:00:01.000000000Z', restartCount: 0 };
  const exit = { exitCode: 3, signal: null, startedAt: '2026-01-01T00:00:01.000000000Z', finishedAt: '2026-01-01T00:00:02.000000000Z', restartCount: 0, oomKilled: false };
  const live = { monitorAlive: true, processAlive: true, frozen: false };
  it('is created before any start', () => {
    expect(deriveView(record, { ...live, monitorAlive: false, processAlive: false }).status).toBe('created');
  });
  it('is running or paused while the process lives', () => {
    expect(deriveView(record, { ...live, monitor })).toMatchObject({ status: 'running', pid: 11 });
    expect(deriveView(record, { ...live, monitor, frozen: true }).status).toBe('paused');
  });
  it('is exited with the code once exit.json is newer than the start', () => {
    expect(deriveView(record, { ...live, processAlive: false, monitor, exit })).toMatchObject({ status: 'exited', exitCode: 3 });
    const older = { ...exit, finishedAt: '2026-01-01T00:00:00.500000000Z' };
    expect(deriveView(record, { ...live, monitor, exit: older }).status).toBe('running');
  });
  it('is exited, not a ghost, when the monitor and process are gone without a trace', () => {
    expect(deriveView(record, { ...live, monitorAlive: false, processAlive: false, monitor })).toMatchObject({ status: 'exited', exitCode: -1 });
    expect(deriveView({ ...record, startedOnce: true }, { ...live, monitorAlive: false, processAlive: false })).toMatchObject({ status: 'exited', exitCode: -1 });
  });
});
