// systemd integration at run time, as the unprivileged test user: --sdnotify's three
// modes against a notification socket the test listens on (fixtures/notify-listen.py,
// standing in for systemd), --cidfile, --replace, stop/rm --ignore, and the Exec lines
// of a `generate systemd --new` unit run by hand in systemd's order. The container side
// of sd_notify is fixtures/sd-notify.c, built static, since busybox has no systemd-notify.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';

import { boxctl, host, runAs, testUser, userTempDir, type RunResult } from './harness.js';
import { until } from './waits.js';

const IMAGE = `${host.registry}/boxctl/busybox`;
// Short paths: a unix socket address holds 107 bytes, and the runroot holds sockets.
const scratch = userTempDir(testUser.uid);
const root = join(scratch.path, 'r');
const runroot = join(scratch.path, 'u');
const sender = join(scratch.path, 'sd-notify');
const RUNTIME_DIR = `/run/user/${testUser.uid}`;

const bx = (args: readonly string[], env: Record<string, string> = {}) => boxctl(['--root', root, '--runroot', runroot, ...args], { ...testUser, env });

async function ok(args: readonly string[], env: Record<string, string> = {}): Promise<string> {
  const r = await bx(args, env);
  expect(r.code, `boxctl ${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r.stdout;
}

interface Message {
  pid: number;
  text: string;
}

/** The socket systemd gives a Type=notify unit (a path, or @name for an abstract one) and what arrives on it, with the sender's pid. */
class Listener {
  readonly messages: Message[] = [];
  private readonly child: ChildProcess;
  private readonly listening: Promise<void>;

  constructor(readonly address: string) {
    this.child = spawn('python3', [join(import.meta.dirname, 'fixtures', 'notify-listen.py'), address], { stdio: ['ignore', 'pipe', 'inherit'] });
    const lines = createInterface({ input: this.child.stdout! });
    this.listening = new Promise((resolve) => {
      lines.on('line', (line) => {
        const m = JSON.parse(line) as Partial<Message> & { listening?: string };
        if (m.listening !== undefined) resolve();
        else this.messages.push(m as Message);
      });
    });
  }

  static async open(name: string): Promise<Listener> {
    const l = new Listener(name.startsWith('@') ? name : join(scratch.path, `${name}.notify`));
    await l.listening;
    return l;
  }

  async waitFor(line: string, count = 1, ms = 15_000): Promise<Message[]> {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = this.messages.filter((m) => m.text.split('\n').includes(line));
      if (found.length >= count) return found;
      if (Date.now() > deadline) throw new Error(`no ${line} on ${this.address}; got ${JSON.stringify(this.messages)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  close(): void {
    this.child.kill();
  }
}

const listeners: Listener[] = [];
async function listen(name: string): Promise<Listener> {
  const l = await Listener.open(name);
  listeners.push(l);
  return l;
}

async function inspect(name: string): Promise<Record<string, any>> {
  return (JSON.parse(await ok(['inspect', name])) as Record<string, any>[])[0]!;
}

function monitorFile(id: string): { monitorPid: number; pid: number; restartCount: number } {
  return JSON.parse(readFileSync(join(runroot, 'containers', id, 'monitor.json'), 'utf8'));
}

const settle = () => new Promise((r) => setTimeout(r, 1000));

beforeAll(async () => {
  execFileSync('cc', ['-O2', '-static', '-o', sender, join(import.meta.dirname, 'fixtures', 'sd-notify.c')]);
  chownSync(sender, testUser.uid, testUser.uid);
  await ok(['pull', '-q', IMAGE]);
}, 120_000);

afterAll(async () => {
  for (const l of listeners) l.close();
  await bx(['rm', '-f', '--all']);
  scratch.remove();
});

describe('--sdnotify conmon (the default)', () => {
  it('the monitor sends MAINPID=its pid and READY=1 once the process runs, once per monitor, again at a later start', async () => {
    const l = await listen('conmon');
    const env = { NOTIFY_SOCKET: l.address };
    const id = (await ok(['run', '-d', '--name', 'cm', '--restart', 'always', IMAGE, 'sh', '-c', 'sleep 0.3; exit 1'], env)).trim();
    const [ready] = await l.waitFor('READY=1');
    const first = monitorFile(id);
    expect(ready!.text).toBe(`MAINPID=${first.monitorPid}\nREADY=1`);
    // Sent by the monitor itself, which systemd then follows: not by the CLI, which has gone.
    expect(ready!.pid).toBe(first.monitorPid);
    // Restarts by policy are the same monitor: systemd hears nothing new.
    await until('two restarts', async () => ((await inspect('cm')).RestartCount >= 2 ? true : undefined));
    expect(l.messages).toHaveLength(1);

    await ok(['stop', '-t', '0', 'cm']);
    await ok(['start', 'cm'], env);
    const again = await l.waitFor('READY=1', 2);
    const second = monitorFile(id);
    expect(second.monitorPid).not.toBe(first.monitorPid);
    expect(again[1]).toEqual({ pid: second.monitorPid, text: `MAINPID=${second.monitorPid}\nREADY=1` });
    expect((await inspect('cm')).Config.sdNotifyMode).toBe('conmon');
    await ok(['rm', '-f', 'cm']);
  });

  it('reaches an abstract socket (@name), and the container never sees NOTIFY_SOCKET', async () => {
    const l = await listen(`@boxctl-test-${randomBytes(6).toString('hex')}`);
    const out = await ok(['run', '--rm', IMAGE, 'sh', '-c', 'echo "[${NOTIFY_SOCKET-unset}]"'], { NOTIFY_SOCKET: l.address });
    expect(out).toBe('[unset]\n');
    const [ready] = await l.waitFor('READY=1');
    expect(ready!.text).toMatch(/^MAINPID=\d+\nREADY=1$/);
  });

  it('a socket nobody listens on fails the start with a line that names it, and --rm leaves nothing', async () => {
    const r = await bx(['run', '--rm', '-d', '--name', 'deaf', IMAGE, 'sleep', '100'], { NOTIFY_SOCKET: join(scratch.path, 'nobody.notify') });
    expect(r.code).toBe(125);
    expect(r.stderr).toMatch(/^Error: connect to NOTIFY_SOCKET=\S+nobody\.notify .*--sdnotify=ignore.*: No such file or directory\n$/);
    expect((await bx(['container', 'exists', 'deaf'])).code).toBe(1);
    const bad = await bx(['run', '--rm', IMAGE, 'true'], { NOTIFY_SOCKET: 'relative/path' });
    expect(bad.code).toBe(125);
    expect(bad.stderr).toMatch(/NOTIFY_SOCKET=relative\/path is neither an absolute path nor an abstract @name/);
  });
});

describe('--sdnotify container', () => {
  // A non-root user of the container is a subordinate id on the host: the socket must be reachable and writable for it.
  const script = [
    '/sd-notify STATUS=x MAINPID=1 READY=1',
    '/sd-notify MAINPID=2',
    '/sd-notify "$(printf "STATUS=y\\rMAINPID=3")"',
    'echo "sent as $(id -u) to $NOTIFY_SOCKET"',
    'exec sleep 100',
  ].join(' && ');

  it('relays what the process sends, as user 1000 too, but never a MAINPID of its own; the monitor sends its MAINPID', async () => {
    const l = await listen('container');
    const id = (
      await ok(['run', '-d', '--name', 'ct', '--user', '1000', '--sdnotify', 'container', '-v', `${sender}:/sd-notify:ro`, IMAGE, 'sh', '-c', script], {
        NOTIFY_SOCKET: l.address,
      })
    ).trim();
    await l.waitFor('STATUS=y');
    const { monitorPid } = monitorFile(id);
    expect(l.messages).toEqual([
      { pid: monitorPid, text: `MAINPID=${monitorPid}` },
      { pid: monitorPid, text: 'STATUS=x\nREADY=1' },
      { pid: monitorPid, text: 'STATUS=y' },
    ]);
    expect(await ok(['logs', 'ct'])).toBe('sent as 1000 to /run/notify/notify.sock\n');
    const ins = await inspect('ct');
    expect(ins.Config.sdNotifyMode).toBe('container');
    // The socket is the container's runtime business, not part of its configuration (commit copies Env).
    expect(ins.Config.Env).not.toContainEqual(expect.stringMatching(/^NOTIFY_SOCKET=/));
    await ok(['rm', '-f', 'ct']);
  });

  it('is honoured by a later start, with or without a socket to relay to', async () => {
    await ok(['create', '--name', 'ct2', '--sdnotify', 'container', '-v', `${sender}:/sd-notify:ro`, IMAGE, 'sh', '-c', script]);
    await ok(['start', 'ct2']);
    expect(await until('the sender', async () => ((await ok(['logs', 'ct2'])).includes('sent as 0') ? true : undefined))).toBe(true);
    await ok(['stop', '-t', '0', 'ct2']);
    const l = await listen('container-later');
    await ok(['start', 'ct2'], { NOTIFY_SOCKET: l.address });
    await l.waitFor('STATUS=y');
    expect(l.messages.map((m) => m.text)).toEqual([expect.stringMatching(/^MAINPID=\d+$/), 'STATUS=x\nREADY=1', 'STATUS=y']);
    await ok(['rm', '-f', 'ct2']);
  });
});

describe('--sdnotify ignore', () => {
  it('sends nothing, and neither the monitor nor the container (not even -e NOTIFY_SOCKET) gets the socket', async () => {
    const l = await listen('ignore');
    const out = await ok(['run', '--rm', '--sdnotify', 'ignore', '-e', 'NOTIFY_SOCKET', IMAGE, 'sh', '-c', 'echo "[${NOTIFY_SOCKET-unset}]"'], {
      NOTIFY_SOCKET: l.address,
    });
    expect(out).toBe('[unset]\n');
    await ok(['run', '-d', '--name', 'ig', '--sdnotify', 'ignore', IMAGE, 'sleep', '100'], { NOTIFY_SOCKET: l.address });
    const id = (await inspect('ig')).Id as string;
    const environ = readFileSync(`/proc/${monitorFile(id).monitorPid}/environ`, 'utf8').split('\0');
    expect(environ.filter((e) => e.startsWith('NOTIFY_SOCKET='))).toEqual([]);
    await settle();
    expect(l.messages).toEqual([]);
    await ok(['rm', '-f', 'ig']);
  });
});

describe('--cidfile, --replace, --ignore', () => {
  it('run writes the full id, refuses a file that holds one, and rm takes the file away with the container', async () => {
    const cidfile = join(scratch.path, 'web.cid');
    const id = (await ok(['run', '-d', '--name', 'cid1', '--cidfile', cidfile, IMAGE, 'sleep', '100'])).trim();
    expect(readFileSync(cidfile, 'utf8')).toBe(id);
    expect((await inspect('cid1')).HostConfig.ContainerIDFile).toBe(cidfile);
    const refused = await bx(['create', '--name', 'cid2', '--cidfile', cidfile, IMAGE, 'true']);
    expect(refused.code).toBe(125);
    expect(refused.stderr).toBe(`Error: the container id file ${cidfile} exists: make sure no other container uses it, or delete it\n`);
    expect((await bx(['container', 'exists', 'cid2'])).code).toBe(1);
    expect(readFileSync(cidfile, 'utf8')).toBe(id);
    expect(await ok(['stop', '-t', '0', '--cidfile', cidfile])).toBe(`${id}\n`);
    expect(await ok(['rm', '--cidfile', cidfile])).toBe(`${id}\n`);
    expect(existsSync(cidfile)).toBe(false);
  });

  it('an empty cidfile is taken; a create that fails removes the file it made', async () => {
    const empty = join(scratch.path, 'empty.cid');
    writeFileSync(empty, '');
    chownSync(empty, testUser.uid, testUser.uid);
    const id = (await ok(['create', '--name', 'cid3', '--cidfile', empty, IMAGE, 'true'])).trim();
    expect(readFileSync(empty, 'utf8')).toBe(id);
    const fresh = join(scratch.path, 'fresh.cid');
    const failed = await bx(['create', '--name', 'cid3', '--cidfile', fresh, IMAGE, 'true']);
    expect(failed.stderr).toMatch(/already in use/);
    expect(existsSync(fresh)).toBe(false);
    await ok(['rm', 'cid3']);
  });

  it('--replace removes a running container of the same name first', async () => {
    const old = (await ok(['run', '-d', '--name', 'rp', IMAGE, 'sleep', '100'])).trim();
    const taken = await bx(['run', '-d', '--name', 'rp', IMAGE, 'sleep', '100']);
    expect(taken.code).toBe(125);
    const fresh = (await ok(['run', '-d', '--replace', '--name', 'rp', IMAGE, 'sleep', '100'])).trim();
    expect(fresh).not.toBe(old);
    expect((await inspect('rp')).Id).toBe(fresh);
    expect((await bx(['container', 'exists', old])).code).toBe(1);
    const unnamed = await bx(['run', '-d', '--replace', IMAGE, 'true']);
    expect(unnamed).toMatchObject({ code: 125, stderr: 'Error: --replace needs --name: it replaces the container of that name\n' });
    await ok(['rm', '-f', 'rp']);
  });

  it('stop and rm with --ignore take a missing container or cidfile for done; without it they fail', async () => {
    const missing = join(scratch.path, 'missing.cid');
    for (const args of [
      ['stop', '--ignore', '-t', '1', '--cidfile', missing],
      ['rm', '-f', '--ignore', '-t', '1', '--cidfile', missing],
      ['stop', '--ignore', 'no-such-container'],
      ['rm', '--ignore', 'no-such-container'],
    ]) {
      expect(await bx(args), args.join(' ')).toMatchObject({ code: 0, stdout: '', stderr: '' });
    }
    expect(await bx(['stop', '--cidfile', missing])).toMatchObject({ code: 125, stderr: `Error: cannot read the cidfile ${missing}: ENOENT\n` });
    expect((await bx(['rm', 'no-such-container'])).code).toBe(125);
    expect((await bx(['rm', '-t', '3', 'x'])).stderr).toBe('Error: --time needs --force: only a running container has to be stopped first\n');
  });
});

describe('the Exec lines of a generate systemd --new unit, run by hand in systemd’s order', () => {
  const app = join(inject('appDir'), 'dist', 'boxctl.js');
  const unit = `container-sdn${randomBytes(4).toString('hex')}.service`;
  const cidfile = `${RUNTIME_DIR}/${unit}.ctr-id`;
  const exec = (argv: readonly string[], env: Record<string, string>): Promise<RunResult> =>
    runAs([process.execPath, app, ...argv], { ...testUser, env: { BOXCTL_ROOT: root, BOXCTL_RUNROOT: runroot, BOXCTL_SYSTEMD_UNIT: unit, ...env } });
  const command = ['sh', '-c', 'trap "exit 0" TERM; sleep 1000 & wait'];
  const execStart = ['run', `--cidfile=${cidfile}`, '--sdnotify=conmon', '--replace', '--rm', '-d', '--name', 'unit-web', IMAGE, ...command];
  const execStop = ['stop', '--ignore', '-t', '10', `--cidfile=${cidfile}`];
  const execStopPost = ['rm', '-f', '--ignore', '-t', '10', `--cidfile=${cidfile}`];

  afterAll(() => execFileSync('rm', ['-f', cidfile]));

  async function start(l: Listener): Promise<string> {
    const r = await exec(execStart, { NOTIFY_SOCKET: l.address });
    expect(r.code, r.stderr).toBe(0);
    const id = r.stdout.trim();
    const { monitorPid } = monitorFile(id);
    const ready = await l.waitFor(`MAINPID=${monitorPid}`);
    expect(ready.at(-1)).toEqual({ pid: monitorPid, text: `MAINPID=${monitorPid}\nREADY=1` });
    return id;
  }

  it('ExecStart starts the container and delivers READY=1; ExecStop and ExecStopPost leave no container and no cidfile, twice over', async () => {
    const l = await listen('unit');
    for (let round = 0; round < 2; round++) {
      const id = await start(l);
      expect(readFileSync(cidfile, 'utf8')).toBe(id);
      const ins = await inspect('unit-web');
      expect(ins.Config.Labels['io.boxctl.systemd.unit']).toBe(unit);
      expect(ins.Config.CreateCommand).toEqual(execStart);
      for (const line of [execStop, execStopPost]) {
        const r = await exec(line, {});
        expect(r.code, `${line.join(' ')}: ${r.stderr}`).toBe(0);
      }
      expect(await ok(['ps', '-a', '-q'])).toBe('');
      expect(existsSync(cidfile)).toBe(false);
    }
  });

  it('a second ExecStart while the last container still runs (systemd restarting the unit) replaces it', async () => {
    const l = await listen('unit-again');
    const first = await start(l);
    const second = await start(l);
    expect(second).not.toBe(first);
    expect((await ok(['ps', '-a', '-q', '--no-trunc'])).trim()).toBe(second);
    for (const line of [execStop, execStopPost]) expect((await exec(line, {})).code).toBe(0);
    expect(existsSync(cidfile)).toBe(false);
  });
});
