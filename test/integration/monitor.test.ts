// boxctl-monitor driven as the CLI drives it (a detached child with a sync socket
// pair), as the unprivileged test user, over real bundles run by the real
// boxctl-runtime: the log, exit.json, attach, stdin, terminals, restarts, the exit
// command, the healthcheck and the monitor's memory.
import { chownSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';

import type { Spec } from '../../src/engine/spec/oci.js';
import { makeBundle, type Bundle } from './bundle.js';
import { runAs, testUser, userTempDir } from './harness.js';

interface Frame {
  type: number;
  data: string;
}
interface DriveResult {
  report: { ok: boolean; pid?: number; error?: string } | null;
  started: { ok: boolean; started?: boolean; error?: string } | null;
  frames: Frame[];
  monitorExit: { code: number | null; signal: string | null } | null;
  rssKb: number | null;
  rssAnonKb: number | null;
  timedOut: boolean;
}
interface DriveOptions {
  start?: boolean;
  attach?: boolean;
  stall?: boolean;
  send?: { type: number; data?: string; afterMs?: number }[];
  killInit?: { afterMs: number; signal: string };
  rssAfterMs?: number;
  timeoutMs?: number;
}
interface Case {
  dir: string;
  run: string;
  log: string;
  exit: string;
  bundle: Bundle;
}
interface LogRecord {
  time: string;
  stream: string;
  tag: string;
  text: string;
}

let work: { path: string; remove: () => void };
let driverPath: string;
const bundles: Bundle[] = [];
let seq = 0;

const bin = (name: string) => join(inject('appDir'), 'native', 'build', 'bin', name);

beforeAll(() => {
  work = userTempDir(testUser.uid);
  // The checkout may not be readable by the test user: the driver goes with the work dir.
  driverPath = join(work.path, 'monitor-driver.mjs');
  copyFileSync(join(import.meta.dirname, 'fixtures', 'monitor-driver.mjs'), driverPath);
  chownSync(driverPath, testUser.uid, testUser.uid);
});
afterEach(() => {
  for (const b of bundles.splice(0)) b.remove();
});
afterAll(() => work.remove());

function newCase(args: string[], bend: (spec: Spec) => void = () => {}): Case {
  const dir = join(work.path, `c${++seq}`);
  mkdirSync(dir);
  chownSync(dir, testUser.uid, testUser.uid);
  const bundle = makeBundle(args, bend);
  bundles.push(bundle);
  return { dir, run: join(dir, 'run'), log: join(dir, 'ctr.log'), exit: join(dir, 'exit.json'), bundle };
}

async function drive(c: Case, flags: string[], opts: DriveOptions = {}): Promise<DriveResult> {
  const argv = [
    bin('boxctl-monitor'),
    ...['--id', `mon-${seq}`, '--bundle', c.bundle.dir, '--runtime', bin('boxctl-runtime')],
    ...['--rundir', c.run, '--exit-file', c.exit, '--log-path', c.log],
    ...flags,
  ];
  const { attach, ...rest } = opts;
  const r = await runAs([process.execPath, driverPath, JSON.stringify({ argv, ...rest, ...(attach ? { attach: join(c.run, 'attach.sock') } : {}) })], testUser);
  expect(r.stderr).toBe('');
  const out = JSON.parse(r.stdout) as DriveResult;
  expect(out.timedOut).toBe(false);
  return out;
}

function readLog(path: string): LogRecord[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => {
      const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z) (stdout|stderr) ([FP]) (.*)$/s.exec(l);
      if (!m) throw new Error(`not a log record: ${JSON.stringify(l)}`);
      return { time: m[1]!, stream: m[2]!, tag: m[3]!, text: m[4]! };
    });
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

interface ExitJson {
  exitCode: number;
  signal: number | null;
  startedAt: string;
  finishedAt: string;
  restartCount: number;
  oomKilled: boolean;
}

function startTime(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(cond: () => boolean, ms = 5000): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) if (cond()) return true;
  return cond();
}

describe('boxctl-monitor', () => {
  it('logs stdout and stderr as F and P records and writes exit.json with the exit code', async () => {
    const c = newCase(['sh', '-c', 'echo out1; echo err1 >&2; printf part; sleep 0.3; printf " rest\\n"; exit 7']);
    const r = await drive(c, []);
    expect(r.report).toMatchObject({ ok: true });
    expect(r.started).toEqual({ ok: true, started: true });
    expect(r.monitorExit).toEqual({ code: 0, signal: null });
    const log = readLog(c.log);
    // The two pipes are read in turn: only the order within one stream is fixed.
    const of = (stream: string) => log.filter((l) => l.stream === stream).map(({ tag, text }) => `${tag} ${text}`);
    expect(of('stdout')).toEqual(['F out1', 'P part', 'F  rest']);
    expect(of('stderr')).toEqual(['F err1']);
    const exit = readJson<ExitJson>(c.exit);
    expect(exit).toMatchObject({ exitCode: 7, signal: null, restartCount: 0, oomKilled: false });
    expect(Date.parse(exit.finishedAt)).toBeGreaterThanOrEqual(Date.parse(exit.startedAt));
    // What it made in RUNDIR is gone with it.
    expect(readdirSync(c.run)).toEqual([]);
  });

  it('records a death by signal as 128+N with the signal', async () => {
    const c = newCase(['sleep', '30']);
    const r = await drive(c, [], { killInit: { afterMs: 300, signal: 'SIGKILL' } });
    expect(r.monitorExit?.code).toBe(0);
    expect(readJson<ExitJson>(c.exit)).toMatchObject({ exitCode: 137, signal: 9 });
  });

  it('rotates the log by size, keeping --log-max-files - 1 old files', async () => {
    const c = newCase(['sh', '-c', 'i=0; while [ $i -lt 40 ]; do echo line$i; i=$((i+1)); done']);
    await drive(c, ['--log-max-size', '300', '--log-max-files', '3']);
    const files = readdirSync(c.dir).filter((f) => f.startsWith('ctr.log')).sort();
    expect(files).toEqual(['ctr.log', 'ctr.log.1', 'ctr.log.2']);
    for (const f of files) expect(statSync(join(c.dir, f)).size).toBeLessThanOrEqual(300);
    const kept = [...readLog(`${c.log}.2`), ...readLog(`${c.log}.1`), ...readLog(c.log)].map((r) => r.text);
    // The oldest lines were dropped with the deleted file; the rest are in order.
    expect(kept.at(-1)).toBe('line39');
    expect(kept).toEqual(kept.map((_, i) => `line${40 - kept.length + i}`));
    expect(kept.length).toBeLessThan(40);
  });

  it('kills the init and leaves no exit.json when the CLI dies before starting it', async () => {
    const c = newCase(['sh', '-c', 'echo never']);
    const r = await drive(c, [], { start: false });
    expect(r.report?.ok).toBe(true);
    const pid = r.report!.pid!;
    expect(await until(() => !pidAlive(pid))).toBe(true);
    expect(await until(() => !existsSync(join(c.run, 'attach.sock')) && !existsSync(join(c.run, 'runtime')))).toBe(true);
    expect(existsSync(c.exit)).toBe(false);
    expect(readFileSync(c.log, 'utf8')).toBe('');
  });

  it('reports a failing create on the sync fd and exits 1', async () => {
    const c = newCase(['/no/such/program']);
    const r = await drive(c, []);
    expect(r.report?.ok).toBe(false);
    expect(r.report?.error).toMatch(/no\/such\/program/);
    expect(r.monitorExit?.code).toBe(1);
    expect(existsSync(c.exit)).toBe(false);
  });

  it('sends output and the exit frame to an attached client', async () => {
    const c = newCase(['sh', '-c', 'echo hello; echo oops >&2; exit 3']);
    const r = await drive(c, [], { attach: true });
    const out = r.frames.filter((f) => f.type === 1).map((f) => f.data).join('');
    const err = r.frames.filter((f) => f.type === 2).map((f) => f.data).join('');
    expect(out).toBe('hello\n');
    expect(err).toBe('oops\n');
    expect(r.frames.at(-1)).toEqual({ type: 3, data: '3' });
  });

  it('drops a client that stops reading instead of blocking the container, and logs everything', async () => {
    // 4 MiB in 64 KiB lines: far more than a client may fall behind by.
    const c = newCase(['sh', '-c', 'i=0; while [ $i -lt 64 ]; do head -c 65535 /dev/zero | tr "\\0" x; echo; i=$((i+1)); done; echo done']);
    const r = await drive(c, [], { attach: true, stall: true, timeoutMs: 30000 });
    expect(r.monitorExit?.code).toBe(0);
    // Dropped once 256 KiB behind: it got a part of the 4 MiB (in 8 KiB reads) and no exit frame.
    expect(r.frames.length).toBeGreaterThan(0);
    expect(r.frames.length).toBeLessThan(200);
    expect(r.frames.some((f) => f.type === 3)).toBe(false);
    const full = readLog(c.log).filter((l) => l.tag === 'F').map((l) => l.text);
    expect(full.length).toBe(65);
    expect(full.at(-1)).toBe('done');
    expect(readLog(c.log).filter((l) => l.text.startsWith('x')).reduce((n, l) => n + l.text.length, 0)).toBe(64 * 65535);
  });

  it('passes stdin frames to the process and closes its stdin on a close frame', async () => {
    const c = newCase(['cat']);
    const r = await drive(c, ['--stdin'], {
      attach: true,
      send: [
        { type: 1, data: 'hello\n', afterMs: 100 },
        { type: 1, data: 'world\n', afterMs: 200 },
        { type: 2, afterMs: 400 },
      ],
    });
    expect(r.frames.filter((f) => f.type === 1).map((f) => f.data).join('')).toBe('hello\nworld\n');
    expect(r.frames.at(-1)).toEqual({ type: 3, data: '0' });
    expect(readLog(c.log).map((l) => l.text)).toEqual(['hello', 'world']);
  });

  it('gives the process a terminal and resizes it on a resize frame', async () => {
    const c = newCase(['sh', '-c', 'tty; test -t 0 && echo is-a-tty; stty size; read x; stty size'], (s) => {
      s.process!.terminal = true;
    });
    const r = await drive(c, ['--terminal', '--stdin'], {
      attach: true,
      send: [
        { type: 3, data: '40 100', afterMs: 300 },
        { type: 1, data: 'go\n', afterMs: 500 },
      ],
    });
    const out = r.frames.filter((f) => f.type === 1).map((f) => f.data).join('');
    expect(out).toMatch(/\/dev\/(pts\/\d+|console)\r\n/);
    expect(out).toContain('is-a-tty\r\n');
    expect(out).toMatch(/40 100\r\n$/);
    expect(r.frames.filter((f) => f.type === 2)).toEqual([]);
    expect(readLog(c.log).every((l) => l.stream === 'stdout')).toBe(true);
    expect(readJson<ExitJson>(c.exit).exitCode).toBe(0);
  });

  it('restarts on-failure:2 twice, with restartCount in exit.json', async () => {
    const c = newCase(['sh', '-c', 'echo run; exit 3']);
    const r = await drive(c, ['--restart', 'on-failure:2']);
    expect(r.monitorExit?.code).toBe(0);
    expect(readLog(c.log).map((l) => l.text)).toEqual(['run', 'run', 'run']);
    expect(readJson<ExitJson>(c.exit)).toMatchObject({ exitCode: 3, restartCount: 2 });
  });

  it('restarts `always` until the stopped marker appears', async () => {
    const c = newCase(['sh', '-c', 'echo run; sleep 0.2']);
    const driving = drive(c, ['--restart', 'always']);
    expect(await until(() => existsSync(c.log) && readLog(c.log).length >= 2, 15000)).toBe(true);
    writeFileSync(join(c.run, 'stopped'), '');
    const r = await driving;
    expect(r.monitorExit?.code).toBe(0);
    const runs = readLog(c.log).length;
    expect(runs).toBeGreaterThanOrEqual(2);
    expect(readJson<ExitJson>(c.exit)).toMatchObject({ exitCode: 0, restartCount: runs - 1 });
  });

  it('runs the exit command after the final exit, once monitor.json is gone', async () => {
    const c = newCase(['true']);
    const marker = join(c.dir, 'cleanup');
    const script = `test -e ${c.run}/monitor.json && echo present > ${marker} || echo gone > ${marker}; test -e ${c.exit} && echo exit-json >> ${marker}`;
    const r = await drive(c, ['--exit-command', '/bin/sh', '--exit-command', '-c', '--exit-command', script]);
    expect(r.monitorExit?.code).toBe(0);
    expect(readFileSync(marker, 'utf8')).toBe('gone\nexit-json\n');
  });

  it('writes monitor.json while the process runs and stays under 1 MiB of RSS', async () => {
    const c = newCase(['sh', '-c', 'echo up; sleep 1.5']);
    const monitorJson = join(c.run, 'monitor.json');
    const driving = drive(c, [], { rssAfterMs: 500 });
    expect(await until(() => existsSync(monitorJson))).toBe(true);
    const m = readJson<{ monitorPid: number; monitorStartTime: number; pid: number; pidStartTime: number; startedAt: string; restartCount: number }>(monitorJson);
    expect(m.pidStartTime).toBe(startTime(m.pid));
    expect(m.monitorStartTime).toBe(startTime(m.monitorPid));
    expect(m.restartCount).toBe(0);
    expect(Number.isNaN(Date.parse(m.startedAt))).toBe(false);
    const r = await driving;
    expect(r.report?.pid).toBe(m.pid);
    console.log(`boxctl-monitor VmRSS with a running container: ${r.rssKb} kB (${r.rssAnonKb} kB anonymous, the rest pages of its executable)`);
    expect(r.rssKb).not.toBeNull();
    expect(r.rssKb!).toBeLessThan(1024);
    expect(existsSync(monitorJson)).toBe(false);
  });

  describe('healthcheck', () => {
    interface HealthJson {
      status: string;
      failingStreak: number;
      log: { start: string; end: string; exitCode: number; output: string }[];
    }
    function healthFlags(c: Case, script: string[], flags: Record<string, string>): string[] {
      const file = join(c.dir, 'health-process.json');
      writeFileSync(file, JSON.stringify({ ...c.bundle.spec.process, terminal: false, args: script }));
      chownSync(file, testUser.uid, testUser.uid);
      const all = { '--health-interval': '200', '--health-timeout': '2000', '--health-retries': '2', '--health-start-period': '0', '--health-on-failure': 'none', ...flags };
      return ['--health-process', file, '--health-file', join(c.dir, 'health.json'), ...Object.entries(all).flat()];
    }

    it('runs the check in the container and turns healthy, with its output in health.json', async () => {
      const c = newCase(['sh', '-c', 'echo inside > /tmp/mark; sleep 30']);
      const healthFile = join(c.dir, 'health.json');
      const driving = drive(c, healthFlags(c, ['sh', '-c', 'cat /tmp/mark; echo ok'], {}), { killInit: { afterMs: 1500, signal: 'SIGKILL' } });
      const r = await driving;
      expect(r.monitorExit?.code).toBe(0);
      const h = readJson<HealthJson>(healthFile);
      expect(h.status, JSON.stringify(h)).toBe('healthy');
      expect(h.failingStreak, JSON.stringify(h)).toBe(0);
      expect(h.log.length).toBeGreaterThanOrEqual(2);
      expect(h.log.length).toBeLessThanOrEqual(5);
      // The check saw the container's own /tmp: it ran inside.
      expect(h.log.at(-1)).toMatchObject({ exitCode: 0, output: 'inside\nok\n' });
    });

    it('kills the container after `retries` failures with on-failure kill', async () => {
      const c = newCase(['sleep', '30']);
      const r = await drive(c, healthFlags(c, ['sh', '-c', 'echo "bad \\"news\\""; exit 3'], { '--health-on-failure': 'kill' }));
      expect(r.monitorExit?.code).toBe(0);
      expect(readJson<ExitJson>(c.exit)).toMatchObject({ exitCode: 137, signal: 9 });
      const h = readJson<HealthJson>(join(c.dir, 'health.json'));
      expect(h).toMatchObject({ status: 'unhealthy', failingStreak: 2 });
      expect(h.log.at(-1)).toMatchObject({ exitCode: 3, output: 'bad "news"\n' });
    });

    it('kills a check past its timeout and stops the container with the stop signal, then SIGKILL, without restart', async () => {
      // sleep as pid 1 of its namespace ignores SIGTERM: the stop timeout ends it.
      const c = newCase(['sleep', '30']);
      const started = Date.now();
      const r = await drive(c, [
        ...healthFlags(c, ['sleep', '10'], { '--health-timeout': '300', '--health-retries': '1', '--health-on-failure': 'stop' }),
        ...['--stop-signal', '15', '--stop-timeout', '1', '--restart', 'always'],
      ]);
      expect(r.monitorExit?.code).toBe(0);
      expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
      expect(readJson<ExitJson>(c.exit)).toMatchObject({ exitCode: 137, signal: 9, restartCount: 0 });
      const h = readJson<HealthJson>(join(c.dir, 'health.json'));
      // Checks go on failing while the stop signal is ignored.
      expect(h.status).toBe('unhealthy');
      expect(h.failingStreak).toBeGreaterThanOrEqual(1);
      expect(h.log[0]!.exitCode).toBe(-1);
    });

    it('restarts the container on failure with on-failure restart, whatever the policy', async () => {
      const c = newCase(['sh', '-c', 'echo run; sleep 30']);
      const driving = drive(c, healthFlags(c, ['false'], { '--health-retries': '1', '--health-on-failure': 'restart' }));
      expect(await until(() => existsSync(c.log) && readLog(c.log).length >= 2, 15000)).toBe(true);
      writeFileSync(join(c.run, 'stopped'), '');
      const r = await driving;
      expect(r.monitorExit?.code).toBe(0);
      expect(readJson<ExitJson>(c.exit).restartCount).toBeGreaterThanOrEqual(1);
    });
  });
});
