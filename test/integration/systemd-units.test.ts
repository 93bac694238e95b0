// systemd units as the unprivileged test user: `generate systemd` for real containers
// and `quadlet generate` for real files. systemd is not pid 1 on the test host, so there
// is no user manager to start the units; instead every unit must pass
// `systemd-analyze verify --user`, and the Exec lines are run by hand in systemd's
// order, with %t, %n and the unit's Environment= expanded as systemd would and a
// NOTIFY_SOCKET the test listens on (fixtures/notify-listen.py).
import { spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, lstatSync, mkdirSync, readFileSync, readlinkSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, inject, it } from 'vitest';

import { parseUnit, resolveExec, splitWords, values } from '../../src/engine/systemd/unit-file.js';
import { boxctl, host, runAs, testUser, userTempDir, type RunResult } from './harness.js';
import { freePort, httpText, until } from './waits.js';

const IMAGE = `${host.registry}/boxctl/busybox`;
const scratch = userTempDir(testUser.uid);
afterAll(() => scratch.remove());
const HOME = `/home/${testUser.user}`;
const RUNTIME_DIR = `/run/user/${testUser.uid}`;

let n = 0;
/** A store of its own for each test: short paths, since the runroot holds sockets. */
function newStore(): { root: string; runroot: string; bx: (args: readonly string[], env?: Record<string, string>) => Promise<RunResult> } {
  const root = join(scratch.path, `r${n}`);
  const runroot = join(scratch.path, `u${n++}`);
  return { root, runroot, bx: (args, env) => boxctl(['--root', root, '--runroot', runroot, ...args], { ...testUser, ...(env ? { env } : {}) }) };
}

/** A directory of the test user's under the scratch dir. */
function userDir(name: string): string {
  const dir = join(scratch.path, name);
  mkdirSync(dir, { recursive: true });
  chownSync(dir, testUser.uid, testUser.uid);
  return dir;
}

function expectOk(r: RunResult, what: string): RunResult {
  expect(r.code, `${what}: ${r.stderr}`).toBe(0);
  return r;
}

/** systemd-analyze verify as the test user; --man=no since boxctl's man pages are not installed here. */
function verify(...files: string[]): Promise<RunResult> {
  return runAs(['systemd-analyze', 'verify', '--user', '--man=no', ...files], testUser);
}

/** A unit passes when verify accepts it and has nothing to say: it only warns about unknown keys. */
async function expectVerified(...files: string[]): Promise<void> {
  const r = await verify(...files);
  expect({ code: r.code, stderr: r.stderr }, files.join(' ')).toEqual({ code: 0, stderr: '' });
}

/** The socket systemd would give a Type=notify unit, and what arrives on it. */
class NotifyListener {
  readonly path: string;
  readonly messages: { pid: number; text: string }[] = [];
  private readonly child: ChildProcess;
  private readonly listening: Promise<void>;

  constructor(name: string) {
    this.path = join(scratch.path, `${name}.notify`);
    this.child = spawn('python3', [join(import.meta.dirname, 'fixtures', 'notify-listen.py'), this.path], { stdio: ['ignore', 'pipe', 'inherit'] });
    const lines = createInterface({ input: this.child.stdout! });
    this.listening = new Promise((resolve) => {
      lines.on('line', (line) => {
        const m = JSON.parse(line) as { listening?: string; pid: number; text: string };
        if (m.listening !== undefined) resolve();
        else this.messages.push(m);
      });
    });
  }

  ready(): Promise<void> {
    return this.listening;
  }

  async waitFor(text: string, ms = 15_000): Promise<{ pid: number; text: string }> {
    const deadline = Date.now() + ms;
    for (;;) {
      const m = this.messages.find((x) => x.text.split('\n').includes(text));
      if (m) return m;
      if (Date.now() > deadline) throw new Error(`no ${text} on ${this.path}; got ${JSON.stringify(this.messages)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  close(): void {
    this.child.kill();
  }
}

/**
 * Runs the unit's Exec lines of `key` as systemd would for the test user: specifiers
 * first, then words, then the unit's Environment= and NOTIFY_SOCKET. A line without
 * the '-' prefix must succeed.
 */
async function runExec(file: string, key: string, notifySocket?: string): Promise<RunResult[]> {
  const name = file.split('/').at(-1)!;
  const unit = parseUnit(readFileSync(file, 'utf8'), file);
  const env: Record<string, string> = {};
  for (const e of values(unit, 'Service', 'Environment')) {
    for (const w of splitWords(e.value)) {
      const [k, ...v] = w.replace('%n', name).split('=');
      env[k!] = v.join('=');
    }
  }
  if (notifySocket) env.NOTIFY_SOCKET = notifySocket;
  const specifiers = { t: RUNTIME_DIR, n: name, N: name.replace(/\.service$/, ''), h: HOME, u: testUser.user, U: String(testUser.uid) };
  const results: RunResult[] = [];
  for (const e of values(unit, 'Service', key)) {
    const cmd = resolveExec(e.value, specifiers, { ...env, HOME });
    const r = await runAs(cmd.argv, { ...testUser, env });
    if (!cmd.ignoreFailure) expect(r.code, `${name} ${key}=${e.value}: ${r.stderr}`).toBe(0);
    results.push(r);
  }
  return results;
}

/** A served site: a bind-mounted dir with an index page, and a free host port. */
async function site(text: string): Promise<{ dir: string; port: number }> {
  const dir = userDir(`site${n++}`);
  writeFileSync(join(dir, 'index.html'), text);
  chownSync(join(dir, 'index.html'), testUser.uid, testUser.uid);
  return { dir, port: await freePort() };
}

describe('boxctl generate systemd', () => {
  it('makes units that systemd-analyze verify accepts, for an existing container and with --new; a broken unit fails verify', async () => {
    const s = newStore();
    const { dir, port } = await site('x');
    expectOk(await s.bx(['create', '--name', 'web', '-p', `127.0.0.1:${port}:80`, '-e', 'GREETING=hello world', '-v', `${dir}:/srv:ro`, '--restart=always', IMAGE, 'httpd', '-f', '-p', '80', '-h', '/srv']), 'create');
    const out = userDir('verify');
    const units: Record<string, string> = {};
    for (const [file, args] of [
      ['existing.service', ['--name']],
      ['new.service', ['--new', '--name']],
      ['new-by-id.service', ['--new', '--restart-policy', 'on-abnormal', '-t', '3']],
    ] as const) {
      const r = expectOk(await s.bx(['generate', 'systemd', ...args, 'web']), file);
      units[file] = r.stdout;
      writeFileSync(join(out, file), r.stdout);
    }
    for (const file of Object.keys(units)) await expectVerified(join(out, file));

    expect(units['existing.service']).toMatch(/^# container-web\.service\n# autogenerated by boxctl \S+ with: boxctl --root \S+ --runroot \S+ generate systemd --name web\n/);
    expect(units['existing.service']).toMatch(/\nExecStart=\S+ \S+boxctl\.js \\\n\t--root \S+ \\\n\t--runroot \S+ start web\n/);
    expect(units['existing.service']).toContain('\nRestart=always\n');
    expect(units['new.service']).toContain('\nType=notify\nNotifyAccess=all\n');
    expect(units['new-by-id.service']).toMatch(/^# container-[0-9a-f]{64}\.service\n/);
    expect(units['new-by-id.service']).toContain('\nRestart=on-abnormal\nTimeoutStopSec=63\n');

    // verify reads the units for real: a missing program and a misspelt key are both caught.
    writeFileSync(join(out, 'broken.service'), units['new.service']!.replace(/^ExecStart=\S+/m, 'ExecStart=/no/such/node'));
    const broken = await verify(join(out, 'broken.service'));
    expect(broken.code).not.toBe(0);
    expect(broken.stderr).toMatch(/\/no\/such\/node is not executable/);
    writeFileSync(join(out, 'typo.service'), units['new.service']!.replace('NotifyAccess=all', 'NotifyAccesss=all'));
    const typo = await verify(join(out, 'typo.service'));
    expect(typo.stderr).toMatch(/Unknown key 'NotifyAccesss' in section \[Service\]/);
  });

  it('--format json maps the unit name to the unit, --no-header keeps only its name; a missing container, a pod, or --rm without --new is an error', async () => {
    const s = newStore();
    expectOk(await s.bx(['create', '--name', 'job', IMAGE, 'true']), 'create');
    const plain = expectOk(await s.bx(['generate', 'systemd', '--name', '--no-header', '--container-prefix', 'box', '--separator', '_', 'job']), 'plain');
    expect(plain.stdout.startsWith('# box_job.service\n\n[Unit]\n')).toBe(true);
    const json = expectOk(await s.bx(['generate', 'systemd', '--name', '--no-header', '--container-prefix', 'box', '--separator', '_', '--format', 'json', 'job']), 'json');
    expect(JSON.parse(json.stdout)).toEqual({ box_job: plain.stdout });
    const missing = await s.bx(['generate', 'systemd', 'nothere']);
    expect(missing).toMatchObject({ code: 125, stdout: '' });
    expect(missing.stderr).toMatch(/^Error: no container named or with id 'nothere' .*boxctl has no pods/);
    expectOk(await s.bx(['create', '--name', 'mypod-app', '--label', 'io.boxctl.kube.pod=mypod', IMAGE, 'true']), 'create pod member');
    const pod = await s.bx(['generate', 'systemd', 'mypod']);
    expect(pod).toMatchObject({ code: 125, stdout: '' });
    expect(pod.stderr).toMatch(/^Error: 'mypod' is a pod of 'boxctl kube play', and boxctl has no pods of its own .*\(mypod-app\)\n$/);
    const policy = await s.bx(['generate', 'systemd', '--restart-policy', 'sometimes', 'job']);
    expect(policy.code).toBe(125);
    expectOk(await s.bx(['run', '-d', '--rm', '--name', 'once', '--init', IMAGE, 'sleep', '1000']), 'run --rm');
    const once = await s.bx(['generate', 'systemd', '--name', 'once']);
    expect(once).toMatchObject({ code: 125, stderr: 'Error: container once is removed when it exits (--rm), so a unit could start it only once: use --new\n' });
    const fresh = parseUnit(expectOk(await s.bx(['generate', 'systemd', '--new', '--name', 'once']), '--new of --rm').stdout, 'once.service');
    expect(values(fresh, 'Service', 'ExecStart')[0]!.value).toContain(' --rm -d --name once ');
    expectOk(await s.bx(['rm', '-f', 'once']), 'rm');
  });

  it('--files writes container-NAME.service into the current directory and prints its path', async () => {
    const s = newStore();
    expectOk(await s.bx(['create', '--name', 'filed', IMAGE, 'sleep', '100']), 'create');
    const cwd = userDir('files');
    const r = await runAs(['sh', '-c', 'cd "$0" && exec "$@"', cwd, process.execPath, join(inject('appDir'), 'dist', 'boxctl.js'), '--root', s.root, '--runroot', s.runroot, 'generate', 'systemd', '--new', '--name', '--files', 'filed'], testUser);
    expectOk(r, 'files');
    const file = join(cwd, 'container-filed.service');
    expect(r.stdout).toBe(`${file}\n`);
    const printed = expectOk(await s.bx(['generate', 'systemd', '--new', '--name', 'filed']), 'print');
    expect(readFileSync(file, 'utf8').split('\n').slice(2)).toEqual(printed.stdout.split('\n').slice(2));
    await expectVerified(file);
  });

  it('--install writes into $XDG_CONFIG_HOME/systemd/user and says how to enable the unit and whether linger is on', async () => {
    const s = newStore();
    expectOk(await s.bx(['create', '--name', 'kept', IMAGE, 'sleep', '100']), 'create');
    const config = userDir('config');
    const lingerDir = '/var/lib/systemd/linger';
    const lingerFile = join(lingerDir, testUser.user);
    const hadDir = existsSync(lingerDir);
    const hadFile = existsSync(lingerFile);
    try {
      rmSync(lingerFile, { force: true });
      const off = expectOk(await s.bx(['generate', 'systemd', '--new', '--name', '--install', 'kept'], { XDG_CONFIG_HOME: config }), 'install');
      const file = join(config, 'systemd', 'user', 'container-kept.service');
      expect(off.stdout).toBe(`${file}\n`);
      expect(off.stderr).toContain('systemctl --user daemon-reload\n');
      expect(off.stderr).toContain('systemctl --user enable --now container-kept.service\n');
      expect(off.stderr).toContain(`linger is off for ${testUser.user}`);
      expect(off.stderr).toContain(`loginctl enable-linger ${testUser.user}`);
      expect(lstatSync(file).isFile()).toBe(true);
      await expectVerified(file);

      mkdirSync(lingerDir, { recursive: true });
      writeFileSync(lingerFile, '');
      const on = expectOk(await s.bx(['generate', 'systemd', '--new', '--name', '--install', 'kept'], { XDG_CONFIG_HOME: config }), 'install again');
      expect(on.stderr).toContain(`linger is on for ${testUser.user}`);
      expect(on.stderr).not.toContain('loginctl');
    } finally {
      if (!hadFile) rmSync(lingerFile, { force: true });
      else writeFileSync(lingerFile, '');
      if (!hadDir) rmdirSync(lingerDir);
    }
  });

  it("--new: the unit's Exec lines start the container from an empty store, deliver READY=1, and leave no container after stop", async () => {
    const s = newStore();
    const { dir, port } = await site('served by a unit\n');
    const name = `sd-web-${process.pid}`;
    expectOk(
      await s.bx(['run', '-d', '--name', name, '-p', `127.0.0.1:${port}:80`, '-e', 'GREETING=hello world', '-v', `${dir}:/srv:ro`, IMAGE, 'httpd', '-f', '-p', '80', '-h', '/srv']),
      'run',
    );
    const out = userDir('new-unit');
    const file = join(out, `container-${name}.service`);
    writeFileSync(file, expectOk(await s.bx(['generate', 'systemd', '--new', '--name', '-t', '2', name]), 'generate').stdout);
    await expectVerified(file);
    // Nothing left of the container or its image: the unit must make everything again.
    expectOk(await s.bx(['rm', '-f', name]), 'rm');
    rmSync(s.root, { recursive: true, force: true });
    rmSync(s.runroot, { recursive: true, force: true });

    const notify = new NotifyListener('new');
    try {
      await notify.ready();
      await runExec(file, 'ExecStartPre');
      const [started] = await runExec(file, 'ExecStart', notify.path);
      expect(started!.stdout).toMatch(/^[0-9a-f]{64}\n$/);
      const ready = await notify.waitFor('READY=1');
      expect(ready.text).toContain(`MAINPID=${ready.pid}`);
      expect(await until('the published port', () => httpText(`http://127.0.0.1:${port}/`))).toBe('served by a unit\n');
      expect(expectOk(await s.bx(['exec', name, 'sh', '-c', 'echo "$GREETING"']), 'exec').stdout).toBe('hello world\n');
      const labels = expectOk(await s.bx(['inspect', '--format', '{{index .Config.Labels "io.boxctl.systemd.unit"}}', name]), 'inspect').stdout;
      expect(labels).toBe(`container-${name}.service\n`);
      expect(readFileSync(join(RUNTIME_DIR, `container-${name}.service.ctr-id`), 'utf8')).toBe(started!.stdout.trim());

      await runExec(file, 'ExecStop');
      await runExec(file, 'ExecStopPost');
      expect(expectOk(await s.bx(['ps', '-a', '-q']), 'ps').stdout).toBe('');
      expect(existsSync(join(RUNTIME_DIR, `container-${name}.service.ctr-id`))).toBe(false);
      // Stopping again, as systemd does after a failed start, finds nothing and succeeds.
      await runExec(file, 'ExecStop');
      await runExec(file, 'ExecStopPost');
    } finally {
      notify.close();
      await s.bx(['rm', '-f', name]);
    }
  });

  it("without --new: the unit's Exec lines start the existing container with READY=1 and stop it", async () => {
    const s = newStore();
    expectOk(await s.bx(['create', '--name', 'pinned', '--init', IMAGE, 'sleep', '1000']), 'create');
    const out = userDir('old-unit');
    const file = join(out, 'container-pinned.service');
    writeFileSync(file, expectOk(await s.bx(['generate', 'systemd', '--name', '-t', '2', 'pinned']), 'generate').stdout);
    await expectVerified(file);
    const notify = new NotifyListener('old');
    try {
      await notify.ready();
      await runExec(file, 'ExecStart', notify.path);
      await notify.waitFor('READY=1');
      expect(expectOk(await s.bx(['inspect', '--format', '{{.State.Status}}', 'pinned']), 'inspect').stdout).toBe('running\n');
      await runExec(file, 'ExecStop');
      await runExec(file, 'ExecStopPost');
      expect(expectOk(await s.bx(['inspect', '--format', '{{.State.Status}}', 'pinned']), 'inspect').stdout).toBe('exited\n');
    } finally {
      notify.close();
      await s.bx(['rm', '-f', 'pinned']);
    }
  });
});

describe('boxctl quadlet generate', () => {
  it('writes a unit per file with its [Install] links, reports a bad file by line and keeps going; the units verify and run', async () => {
    const s = newStore();
    const quadlets = userDir('quadlets');
    const { dir, port } = await site('served by a quadlet\n');
    const files: Record<string, string> = {
      'data.volume': '[Volume]\nLabel=made-by=quadlet\n',
      'web.container': [
        '[Unit]',
        'Description=a quadlet web server',
        '',
        '[Container]',
        `Image=${IMAGE}`,
        'Exec=httpd -f -p 80 -h /srv',
        `PublishPort=127.0.0.1:${port}:80`,
        'Environment=GREETING="hello world" OTHER=1',
        `Volume=${dir}:/srv:ro`,
        'Volume=data.volume:/data',
        'WorkingDir=/data',
        'Label=tier=web',
        'StopTimeout=2',
        '',
        '[Service]',
        'TimeoutStartSec=120',
        '',
        '[Install]',
        'WantedBy=default.target',
      ].join('\n'),
      'bad.container': `[Container]\nImage=${IMAGE}\nPublishPorts=80\n`,
    };
    for (const [name, text] of Object.entries(files)) {
      writeFileSync(join(quadlets, name), text);
      chownSync(join(quadlets, name), testUser.uid, testUser.uid);
    }
    const env = { QUADLET_UNIT_DIRS: quadlets };
    const dry = await s.bx(['quadlet', 'generate', '--dry-run'], env);
    expect(dry.code).toBe(125);
    expect(dry.stderr).toBe(`Error: ${join(quadlets, 'bad.container')}:3: unknown key PublishPorts in [Container]\n`);
    expect(dry.stdout).toContain('---web.service---\n# web.service\n');
    expect(dry.stdout).toContain('---data-volume.service---\n');

    const out = userDir('generated');
    const gen = await s.bx(['quadlet', 'generate', out, userDir('early'), userDir('late')], env);
    expect(gen.code).toBe(125);
    expect(gen.stderr).toMatch(/bad\.container:3: unknown key PublishPorts in \[Container\]/);
    expect(readlinkSync(join(out, 'default.target.wants', 'web.service'))).toBe('../web.service');
    // Run again into the same directory (by hand; systemd gives a fresh one): only the bad file fails.
    const again = await s.bx(['quadlet', 'generate', out], env);
    expect({ code: again.code, stderr: again.stderr }).toEqual({ code: 125, stderr: gen.stderr });
    expect(existsSync(join(out, 'bad.service'))).toBe(false);
    await expectVerified(join(out, 'web.service'), join(out, 'data-volume.service'));

    const notify = new NotifyListener('quadlet');
    try {
      await notify.ready();
      await runExec(join(out, 'data-volume.service'), 'ExecStart');
      expect(expectOk(await s.bx(['volume', 'inspect', '--format', '{{.Labels}}', 'systemd-data']), 'volume').stdout).toBe('map[made-by:quadlet]\n');
      await runExec(join(out, 'web.service'), 'ExecStartPre');
      await runExec(join(out, 'web.service'), 'ExecStart', notify.path);
      await notify.waitFor('READY=1');
      expect(await until('the published port', () => httpText(`http://127.0.0.1:${port}/`))).toBe('served by a quadlet\n');
      const seen = expectOk(await s.bx(['exec', 'systemd-web', 'sh', '-c', 'echo "$GREETING/$OTHER"; pwd; grep -c " /data " /proc/mounts']), 'exec').stdout;
      expect(seen).toBe('hello world/1\n/data\n1\n');
      const labels = expectOk(await s.bx(['inspect', '--format', '{{index .Config.Labels "tier"}} {{index .Config.Labels "io.boxctl.systemd.unit"}}', 'systemd-web']), 'inspect').stdout;
      expect(labels).toBe('web web.service\n');
      await runExec(join(out, 'web.service'), 'ExecStop');
      await runExec(join(out, 'web.service'), 'ExecStopPost');
      expect(expectOk(await s.bx(['ps', '-a', '-q']), 'ps').stdout).toBe('');
      // The volume outlives the container, and making it again is no error.
      await runExec(join(out, 'data-volume.service'), 'ExecStart');
    } finally {
      notify.close();
      await s.bx(['rm', '-f', 'systemd-web']);
    }
  });
});
