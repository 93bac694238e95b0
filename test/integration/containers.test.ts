// The container commands as the unprivileged test user, against images from the local
// registry: run and its flags, the lifecycle commands, and state that holds under
// concurrency, a killed CLI and a reboot. Each test names its own containers; they
// share one store so the image is pulled once.
import { spawn } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';

import { boxctl, host, nosubUser, testUser, userEnv, userTempDir } from './harness.js';
import { until } from './waits.js';

const IMAGE = `${host.registry}/boxctl/busybox`;
// Short paths: a unix socket address holds 107 bytes, and the runroot holds sockets.
const scratch = userTempDir(testUser.uid);
const root = join(scratch.path, 'r');
const runroot = join(scratch.path, 'u');

const bx = (args: readonly string[], opts: { inCgroup?: boolean; stdin?: string; env?: Record<string, string> } = {}) =>
  boxctl(['--root', root, '--runroot', runroot, ...args], { ...testUser, ...opts });

beforeAll(async () => {
  const r = await bx(['pull', '-q', IMAGE]);
  expect(r.code, r.stderr).toBe(0);
}, 60_000);

afterAll(async () => {
  await bx(['rm', '-f', '--all']);
  scratch.remove();
});

async function inspect(name: string): Promise<Record<string, any>> {
  const r = await bx(['inspect', name]);
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as Record<string, any>[])[0]!;
}

const statusOf = async (name: string) => (await inspect(name)).State.Status as string;

describe('boxctl run', () => {
  it('runs a command in the foreground and exits with its code, stdout and stderr apart', async () => {
    const r = await bx(['run', '--rm', IMAGE, 'sh', '-c', 'echo out; echo err >&2; exit 3']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('out\n');
    expect(r.stderr).toBe('err\n');
  });

  it('--rm removes the container and all its files once it exits', async () => {
    const r = await bx(['run', '--rm', '--name', 'gone', IMAGE, 'true']);
    expect(r.code, r.stderr).toBe(0);
    expect((await bx(['container', 'exists', 'gone'])).code).toBe(1);
    const dirs = readdirSync(join(root, 'containers')).filter((d) => /^[0-9a-f]{64}$/.test(d));
    for (const d of dirs) expect(JSON.parse(readFileSync(join(root, 'containers', d, 'container.json'), 'utf8')).name).not.toBe('gone');
  });

  it('exits 127 for a missing command, 126 for one that cannot run, 125 for its own errors', async () => {
    const missing = await bx(['run', '--rm', IMAGE, 'no-such-command']);
    expect(missing.code).toBe(127);
    expect(missing.stderr).toMatch(/no-such-command/);
    const notExec = await bx(['run', '--rm', IMAGE, '/etc/passwd']);
    expect(notExec.code).toBe(126);
    const bad = await bx(['run', '--rm', '--restart', 'sometimes', IMAGE, 'true']);
    expect(bad.code).toBe(125);
    expect(bad.stderr).toMatch(/invalid restart policy 'sometimes'/);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('passes environment from -e, --env-file and the host, working dir, user, entrypoint and hostname', async () => {
    const envFile = join(scratch.path, 'env');
    writeFileSync(envFile, '# comment\nFROM_FILE=yes\n\nOVERRIDE=file\n');
    chownSync(envFile, testUser.uid, testUser.uid);
    const r = await bx(
      [
        'run', '--rm', '--env-file', envFile, '-e', 'OVERRIDE=flag', '-e', 'HOSTVAR', '-w', '/tmp/work', '-u', '1000:1000',
        '--hostname', 'boxhost', '--entrypoint', '/bin/sh', IMAGE, '-c', 'echo $FROM_FILE $OVERRIDE $HOSTVAR; pwd; id -u; id -g; hostname',
      ],
      { env: { HOSTVAR: 'fromhost' } },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('yes flag fromhost\n/tmp/work\n1000\n1000\nboxhost\n');
  });

  it('refuses a user the image does not have, by name', async () => {
    const r = await bx(['run', '--rm', '-u', 'nobody-here', IMAGE, 'true']);
    expect(r.code).toBe(125);
    expect(r.stderr).toMatch(/unable to find user nobody-here/);
  });

  it('mounts binds (read-only too), named volumes that outlive containers, and tmpfs', async () => {
    const dir = join(scratch.path, 'bind');
    mkdirSync(dir);
    writeFileSync(join(dir, 'hello'), 'from the host\n');
    chownSync(dir, testUser.uid, testUser.uid);
    chownSync(join(dir, 'hello'), testUser.uid, testUser.uid);
    const r = await bx([
      'run', '--rm', '-v', `${dir}:/data`, '-v', `${dir}:/ro:ro`, '-v', 'vol1:/vol', '--tmpfs', '/scratch', '--mount', 'type=tmpfs,target=/t2',
      IMAGE, 'sh', '-c', 'cat /data/hello; echo new > /data/made; touch /ro/x 2>/dev/null || echo ro-refused; echo kept > /vol/file; grep -E " /(scratch|t2) " /proc/mounts | cut -d" " -f3',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('from the host\nro-refused\ntmpfs\ntmpfs\n');
    expect(readFileSync(join(dir, 'made'), 'utf8')).toBe('new\n');
    const again = await bx(['run', '--rm', '-v', 'vol1:/vol', IMAGE, 'cat', '/vol/file']);
    expect(again.stdout).toBe('kept\n');
    expect((await bx(['volume', 'exists', 'vol1'])).code).toBe(0);
  });

  it('fails clearly for a bind source that does not exist, creating nothing', async () => {
    const r = await bx(['run', '--rm', '--name', 'nobind', '-v', '/no/such/dir:/x', IMAGE, 'true']);
    expect(r.code).toBe(125);
    expect(r.stderr).toMatch(/bind mount source \/no\/such\/dir does not exist/);
    expect((await bx(['container', 'exists', 'nobind'])).code).toBe(1);
  });

  it('--read-only makes the root read-only; without it writes land in the container only', async () => {
    const ro = await bx(['run', '--rm', '--read-only', IMAGE, 'sh', '-c', 'touch /x 2>&1; echo $?']);
    expect(ro.stdout).toMatch(/Read-only file system\n1\n$/);
    const rw = await bx(['run', '--name', 'writer', IMAGE, 'sh', '-c', 'echo changed > /etc/motd; rm /bin/true']);
    expect(rw.code, rw.stderr).toBe(0);
    // The image is untouched: a new container still has /bin/true and no /etc/motd.
    const fresh = await bx(['run', '--rm', IMAGE, 'sh', '-c', 'test -e /bin/true && test ! -e /etc/motd && echo pristine']);
    expect(fresh.stdout).toBe('pristine\n');
    expect((await bx(['rm', 'writer'])).code).toBe(0);
  });

  it('--init runs a reaper as pid 1; --cap-drop, --cap-add and no-new-privileges shape the process', async () => {
    const init = await bx(['run', '--rm', '--init', IMAGE, 'sh', '-c', 'tr "\\0" " " < /proc/1/cmdline']);
    expect(init.stdout).toMatch(/^\/run\/boxctl-init -- sh -c/);
    const caps = await bx(['run', '--rm', '--cap-drop', 'ALL', '--cap-add', 'NET_BIND_SERVICE', '--security-opt', 'no-new-privileges', IMAGE, 'sh', '-c', 'grep -E "^(CapEff|NoNewPrivs)" /proc/self/status']);
    expect(caps.stdout).toBe('CapEff:\t0000000000000400\nNoNewPrivs:\t1\n');
  });

  it('--userns=keep-id keeps the user\'s own uid inside', async () => {
    const r = await bx(['run', '--rm', '--userns=keep-id', IMAGE, 'id', '-u']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`${testUser.uid}\n`);
  });

  it('labels show in inspect and filter ps', async () => {
    expect((await bx(['create', '--name', 'labelled', '--label', 'tier=web', '-l', 'team', IMAGE, 'true'])).code).toBe(0);
    const info = await inspect('labelled');
    expect(info.Config.Labels).toMatchObject({ tier: 'web', team: '' });
    const ps = await bx(['ps', '-a', '--filter', 'label=tier=web', '--format', '{{.Names}}']);
    expect(ps.stdout).toBe('labelled\n');
    expect(info.State.Status).toBe('created');
    await bx(['rm', 'labelled']);
  });

  it('refuses a name in use, and --pull=never for a missing image', async () => {
    expect((await bx(['create', '--name', 'twin', IMAGE, 'true'])).code).toBe(0);
    const clash = await bx(['create', '--name', 'twin', IMAGE, 'true']);
    expect(clash.code).toBe(125);
    expect(clash.stderr).toMatch(/name 'twin' is already in use/);
    const volumesBefore = (await bx(['volume', 'ls', '-q'])).stdout;
    const clashWithVolume = await bx(['create', '--name', 'twin', '-v', '/anon', IMAGE, 'true']);
    expect(clashWithVolume.code).toBe(125);
    // The anonymous volume made for the refused container went with it.
    expect((await bx(['volume', 'ls', '-q'])).stdout).toBe(volumesBefore);
    const never = await bx(['run', '--rm', '--pull=never', `${host.registry}/boxctl/layers`, 'true']);
    expect(never.code).toBe(125);
    expect(never.stderr).toMatch(/--pull=never/);
    await bx(['rm', 'twin']);
  });
});

describe('container lifecycle', () => {
  it('run -d, logs, ps, stop, start, wait, rm', async () => {
    const d = await bx(['run', '-d', '--name', 'svc', IMAGE, 'sh', '-c', 'echo started; trap "echo bye; exit 7" TERM; while true; do sleep 0.1; done']);
    expect(d.code, d.stderr).toBe(0);
    expect(d.stdout).toMatch(/^[0-9a-f]{64}\n$/);
    await until('the first line', async () => ((await bx(['logs', 'svc'])).stdout.includes('started') ? true : undefined));
    const ps = await bx(['ps', '--format', '{{.Names}} {{.State}}']);
    expect(ps.stdout).toContain('svc running');
    const stop = await bx(['stop', 'svc']);
    expect(stop.code, stop.stderr).toBe(0);
    expect(await statusOf('svc')).toBe('exited');
    expect((await inspect('svc')).State.ExitCode).toBe(7);
    expect((await bx(['logs', 'svc'])).stdout).toBe('started\nbye\n');
    expect((await bx(['wait', 'svc'])).stdout).toBe('7\n');
    expect((await bx(['start', 'svc'])).code).toBe(0);
    expect(await statusOf('svc')).toBe('running');
    expect((await bx(['rm', 'svc'])).code).toBe(125);
    expect((await bx(['rm', '-f', 'svc'])).code).toBe(0);
    expect((await bx(['container', 'exists', 'svc'])).code).toBe(1);
  });

  it('stop sends SIGKILL after the timeout to a process that ignores the stop signal', async () => {
    await bx(['run', '-d', '--name', 'stubborn', IMAGE, 'sh', '-c', 'trap "" TERM; while true; do sleep 0.1; done']);
    const t0 = Date.now();
    const stop = await bx(['stop', '-t', '1', 'stubborn']);
    expect(stop.code, stop.stderr).toBe(0);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1000);
    expect((await inspect('stubborn')).State.ExitCode).toBe(137);
    await bx(['rm', 'stubborn']);
  });

  it('kill sends a signal; exec runs commands inside with the container\'s view', async () => {
    await bx(['run', '-d', '--name', 'box', '--hostname', 'inside', IMAGE, 'sh', '-c', 'echo made > /tmp/mark; trap "echo hup" HUP; while true; do sleep 0.1; done']);
    await until('running', async () => ((await statusOf('box')) === 'running' ? true : undefined));
    const e = await bx(['exec', '-e', 'X=1', '-w', '/tmp', 'box', 'sh', '-c', 'echo $X; pwd; hostname; cat /tmp/mark; id -u']);
    expect(e.code, e.stderr).toBe(0);
    expect(e.stdout).toBe('1\n/tmp\ninside\nmade\n0\n');
    expect((await bx(['exec', '-u', '1000', 'box', 'id', '-u'])).stdout).toBe('1000\n');
    expect((await bx(['exec', 'box', 'sh', '-c', 'exit 4'])).code).toBe(4);
    expect((await bx(['exec', 'box', 'nope'])).code).toBe(127);
    expect((await bx(['kill', '-s', 'HUP', 'box'])).code).toBe(0);
    await until('the trap', async () => ((await bx(['logs', 'box'])).stdout.includes('hup') ? true : undefined));
    expect((await bx(['kill', 'box'])).code).toBe(0);
    await until('exit', async () => ((await statusOf('box')) === 'exited' ? true : undefined));
    expect((await inspect('box')).State.ExitCode).toBe(137);
    const notRunning = await bx(['exec', 'box', 'true']);
    expect(notRunning.code).toBe(125);
    expect(notRunning.stderr).toMatch(/exited: exec needs a running container/);
    await bx(['rm', 'box']);
  });

  it('restarts on failure at most N times, and never after stop', async () => {
    await bx(['run', '-d', '--name', 'flaky', '--restart', 'on-failure:2', IMAGE, 'sh', '-c', 'echo run; exit 1']);
    const info = await until('three runs', async () => {
      const i = await inspect('flaky');
      return i.State.Status === 'exited' && i.RestartCount === 2 ? i : undefined;
    });
    expect(info.State.ExitCode).toBe(1);
    expect((await bx(['logs', 'flaky'])).stdout).toBe('run\nrun\nrun\n');
    await bx(['run', '-d', '--name', 'forever', '--restart', 'always', IMAGE, 'sh', '-c', 'sleep 0.2; exit 0']);
    await until('a restart', async () => ((await inspect('forever')).RestartCount >= 1 ? true : undefined));
    expect((await bx(['stop', '-t', '1', 'forever'])).code).toBe(0);
    const count = (await inspect('forever')).RestartCount;
    await new Promise((r) => setTimeout(r, 1000));
    expect(await statusOf('forever')).toBe('exited');
    expect((await inspect('forever')).RestartCount).toBe(count);
    await bx(['rm', '-f', 'flaky', 'forever']);
  });

  it('rename keeps names unique; rm reclaims processes, mounts, cgroups and files', async () => {
    await bx(['run', '-d', '--name', 'old', IMAGE, 'sleep', '1000'], { inCgroup: true });
    const id = (await inspect('old')).Id as string;
    const pid = (await inspect('old')).State.Pid as number;
    await bx(['create', '--name', 'other', IMAGE, 'true']);
    expect((await bx(['rename', 'old', 'other'])).code).toBe(125);
    expect((await bx(['rename', 'old', 'new'])).code).toBe(0);
    const cgroup = readFileSync(`/proc/${pid}/cgroup`, 'utf8').match(/^0::(.*)$/m)![1]!;
    expect(cgroup).toMatch(new RegExp(`/boxctl/${id.slice(0, 12)}$`));
    expect((await bx(['rm', '-f', 'new', 'other'])).code).toBe(0);
    expect(existsSync(`/proc/${pid}`)).toBe(false);
    expect(existsSync(join(host.cgroup2Mount, cgroup))).toBe(false);
    expect(existsSync(join(root, 'containers', id))).toBe(false);
    expect(existsSync(join(runroot, 'containers', id))).toBe(false);
    expect(readFileSync('/proc/self/mountinfo', 'utf8')).not.toContain(id);
    const monitors = readdirSync('/proc').filter((p) => /^\d+$/.test(p)).filter((p) => {
      try {
        return readFileSync(`/proc/${p}/cmdline`, 'utf8').includes(id);
      } catch {
        return false;
      }
    });
    expect(monitors).toEqual([]);
  });

  it('pause and unpause freeze the cgroup; without a delegated cgroup they say what to do', async () => {
    await bx(['run', '-d', '--name', 'frozen', IMAGE, 'sleep', '1000'], { inCgroup: true });
    expect((await bx(['pause', 'frozen'])).code).toBe(0);
    expect(await statusOf('frozen')).toBe('paused');
    expect((await bx(['ps', '--format', '{{.Status}}', '--filter', 'name=frozen'])).stdout).toBe('Paused\n');
    expect((await bx(['unpause', 'frozen'])).code).toBe(0);
    expect(await statusOf('frozen')).toBe('running');
    await bx(['rm', '-f', 'frozen']);
    await bx(['run', '-d', '--name', 'loose', IMAGE, 'sleep', '1000']);
    const r = await bx(['pause', 'loose']);
    expect(r.code).toBe(125);
    expect(r.stderr).toMatch(/no cgroup of its own.*delegated/);
    await bx(['rm', '-f', 'loose']);
  });

  it('a limit whose controller is not delegated is an error, never ignored', async () => {
    const r = await bx(['run', '--rm', '--memory', '64m', IMAGE, 'true'], { inCgroup: true });
    expect(r.code).toBe(125);
    expect(r.stderr).toMatch(/memory/);
    expect(r.stderr).toMatch(/delegat/);
    const noCg = await bx(['run', '--rm', '--pids-limit', '10', IMAGE, 'true']);
    expect(noCg.code).toBe(125);
    expect(noCg.stderr).toMatch(/--pids-limit.*delegated/);
  });
});

describe('state that holds', () => {
  it('20 concurrent run -d: distinct names all run, clashing ones get one winner and clear errors', async () => {
    const runs = await Promise.all(
      Array.from({ length: 20 }, (_, i) => bx(['run', '-d', '--name', i < 14 ? `many${i}` : 'clash', IMAGE, 'sleep', '1000'])),
    );
    const ok = runs.filter((r) => r.code === 0);
    const failed = runs.filter((r) => r.code !== 0);
    expect(ok, failed.map((f) => f.stderr).join('')).toHaveLength(15);
    for (const f of failed) expect(f.stderr).toMatch(/name 'clash' is already in use/);
    const names = (await bx(['ps', '--format', '{{.Names}}'])).stdout.trim().split('\n').sort();
    expect(names.filter((n) => n.startsWith('many') || n === 'clash')).toHaveLength(15);
    expect(new Set(names).size).toBe(names.length);
    expect((await bx(['rm', '-f', ...Array.from({ length: 14 }, (_, i) => `many${i}`), 'clash'])).code).toBe(0);
  }, 120_000);

  it('a CLI killed with SIGKILL while creating leaves nothing a later command trips on', async () => {
    for (const delay of [50, 150, 300]) {
      const argv = ['runuser', '-u', testUser.user, '--', 'env', '-i', ...userEnv(testUser.user, testUser.uid), process.execPath,
        join(inject('appDir'), 'dist', 'boxctl.js'), '--root', root, '--runroot', runroot, 'run', '-d', '--name', `killed${delay}`, IMAGE, 'sleep', '1000'];
      const child = spawn(argv[0]!, argv.slice(1), { stdio: 'ignore' });
      // Listening from the start: a fast run may be over before the kill comes.
      const closed = new Promise((r) => child.on('close', r));
      await new Promise((r) => setTimeout(r, delay));
      // runuser forwards nothing for SIGKILL: kill the node process under it.
      spawn('pkill', ['-KILL', '-f', `name killed${delay} `]);
      await closed;
    }
    const ps = await bx(['ps', '-a', '--format', '{{.Names}} {{.State}}']);
    expect(ps.code, ps.stderr).toBe(0);
    const again = await bx(['run', '--rm', IMAGE, 'echo', 'fine']);
    expect(again.stdout).toBe('fine\n');
    expect((await bx(['rm', '-f', '--all'])).code).toBe(0);
    expect(readdirSync(join(root, 'containers')).filter((d) => /^[0-9a-f]{64}$/.test(d))).toEqual([]);
  }, 60_000);

  it('after a reboot (runtime dir wiped) a running container shows as exited, and starts again', async () => {
    await bx(['run', '-d', '--name', 'survivor', IMAGE, 'sleep', '1000']);
    const info = await inspect('survivor');
    const monitor = JSON.parse(readFileSync(join(runroot, 'containers', info.Id, 'monitor.json'), 'utf8')) as { monitorPid: number };
    // A reboot: every process dies at once, and the runtime dir is a fresh tmpfs.
    process.kill(monitor.monitorPid, 'SIGKILL');
    process.kill(info.State.Pid, 'SIGKILL');
    await until('the processes to go', async () => (existsSync(`/proc/${info.State.Pid}`) ? undefined : true));
    rmSync(runroot, { recursive: true, force: true });
    expect(await statusOf('survivor')).toBe('exited');
    expect((await bx(['ps', '-a', '--filter', 'name=survivor', '--format', '{{.State}}'])).stdout).toBe('exited\n');
    expect((await bx(['start', 'survivor'])).code).toBe(0);
    expect(await statusOf('survivor')).toBe('running');
    await bx(['rm', '-f', 'survivor']);
  });
});

describe('images and containers', () => {
  it('rmi refuses an image a container uses, and rmi -f removes the container too', async () => {
    expect((await bx(['pull', '-q', `${host.registry}/boxctl/layers`])).code).toBe(0);
    await bx(['create', '--name', 'user-of-layers', `${host.registry}/boxctl/layers`, 'true']);
    const refused = await bx(['rmi', `${host.registry}/boxctl/layers`]);
    expect(refused.code).toBe(125);
    expect(refused.stderr).toMatch(/in use by container user-of-layers/);
    expect((await bx(['image', 'exists', `${host.registry}/boxctl/layers`])).code).toBe(0);
    const forced = await bx(['rmi', '-f', `${host.registry}/boxctl/layers`]);
    expect(forced.code, forced.stderr).toBe(0);
    expect((await bx(['container', 'exists', 'user-of-layers'])).code).toBe(1);
    expect((await bx(['image', 'exists', `${host.registry}/boxctl/layers`])).code).toBe(1);
  });
});

describe('health and logs', () => {
  it('runs the healthcheck from the monitor with no CLI alive, and acts on failure', async () => {
    await bx(['run', '-d', '--name', 'healthy', '--health-cmd', 'test -e /tmp/ok', '--health-interval', '300ms', '--health-retries', '2', IMAGE, 'sh', '-c', 'touch /tmp/ok; sleep 1000']);
    const ok = await until('healthy', async () => {
      const h = (await inspect('healthy')).State.Health;
      return h?.Status === 'healthy' ? h : undefined;
    });
    expect(ok.FailingStreak).toBe(0);
    expect((await bx(['ps', '--filter', 'health=healthy', '--format', '{{.Names}}'])).stdout).toBe('healthy\n');
    await bx(['exec', 'healthy', 'rm', '/tmp/ok']);
    await until('unhealthy', async () => ((await inspect('healthy')).State.Health?.Status === 'unhealthy' ? true : undefined));
    await bx(['run', '-d', '--name', 'doomed', '--health-cmd', 'exit 1', '--health-interval', '300ms', '--health-retries', '1', '--health-on-failure', 'kill', IMAGE, 'sleep', '1000']);
    await until('killed', async () => ((await statusOf('doomed')) === 'exited' ? true : undefined));
    expect((await inspect('doomed')).State.ExitCode).toBe(137);
    await bx(['rm', '-f', 'healthy', 'doomed']);
  });

  it('logs: --tail, -t, --since, -f until the exit; --log-opt rotates by size and count', async () => {
    await bx(['run', '--name', 'talker', IMAGE, 'sh', '-c', 'for i in 1 2 3 4 5; do echo line $i; done; echo oops >&2']);
    expect((await bx(['logs', '--tail', '2', 'talker'])).stdout).toBe('line 5\n');
    expect((await bx(['logs', '--tail', '2', 'talker'])).stderr).toBe('oops\n');
    expect((await bx(['logs', '-t', 'talker'])).stdout).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}(Z|[+-]\d\d:\d\d) line 1\n/);
    expect((await bx(['logs', '--since', '1h', 'talker'])).stdout).toBe('line 1\nline 2\nline 3\nline 4\nline 5\n');
    expect((await bx(['logs', '--until', '1h', '--since', '2099-01-01T00:00:00Z', 'talker'])).stdout).toBe('');
    await bx(['run', '-d', '--name', 'slow', IMAGE, 'sh', '-c', 'sleep 0.5; echo one; sleep 0.5; echo two']);
    const followed = await bx(['logs', '-f', 'slow']);
    expect(followed.stdout).toBe('one\ntwo\n');
    const big = await bx(['run', '--name', 'rotated', '--log-opt', 'max-size=2k', '--log-opt', 'max-file=2', IMAGE, 'sh', '-c', 'i=0; while [ $i -lt 200 ]; do echo "line $i"; i=$((i+1)); done']);
    expect(big.code).toBe(0);
    const id = (await inspect('rotated')).Id as string;
    const files = readdirSync(join(root, 'containers', id)).filter((f) => f.startsWith('ctr.log')).sort();
    expect(files).toEqual(['ctr.log', 'ctr.log.1']);
    const lines = (await bx(['logs', 'rotated'])).stdout.trim().split('\n');
    expect(lines.at(-1)).toBe('line 199');
    expect(lines.length).toBeLessThan(200);
    await bx(['rm', '-f', 'talker', 'slow', 'rotated']);
  });

  it('start -a attaches and returns the exit code; attach follows a running container', async () => {
    await bx(['create', '--name', 'later', IMAGE, 'sh', '-c', 'echo from-start; exit 6']);
    const r = await bx(['start', '-a', 'later']);
    expect(r.code).toBe(6);
    expect(r.stdout).toBe('from-start\n');
    await bx(['run', '-d', '--name', 'ticker', IMAGE, 'sh', '-c', 'sleep 0.5; echo tick; exit 2']);
    const a = await bx(['attach', 'ticker']);
    expect(a.stdout).toBe('tick\n');
    expect(a.code).toBe(2);
    await bx(['rm', '-f', 'later', 'ticker']);
  });

  it('run -i passes stdin to the container, and its end closes it', async () => {
    const r = await bx(['run', '--rm', '-i', IMAGE, 'sh', '-c', 'cat; echo done'], { stdin: 'typed\n' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('typed\ndone\n');
  });
});

describe('more of run and the housekeeping commands', () => {
  it('a user without subordinate ids runs containers in single-id mode', async () => {
    const own = userTempDir(nosubUser.uid);
    try {
      const r = await boxctl(['--root', join(own.path, 'r'), '--runroot', join(own.path, 'u'), 'run', '--rm', IMAGE, 'sh', '-c', 'id -u; cat /proc/self/uid_map'], nosubUser);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout.split('\n')[0]).toBe('0');
      expect(r.stdout.split('\n')[1]!.trim().split(/\s+/)).toEqual(['0', String(nosubUser.uid), '1']);
    } finally {
      own.remove();
    }
  });

  it('takes a seccomp profile file, and --stop-signal', async () => {
    const profile = join(scratch.path, 'seccomp.json');
    writeFileSync(profile, JSON.stringify({ defaultAction: 'SCMP_ACT_ALLOW', syscalls: [{ names: ['mkdir', 'mkdirat'], action: 'SCMP_ACT_ERRNO' }] }));
    chownSync(profile, testUser.uid, testUser.uid);
    const r = await bx(['run', '--rm', '--security-opt', `seccomp=${profile}`, IMAGE, 'sh', '-c', 'mkdir /tmp/x 2>/dev/null || echo denied']);
    expect(r.stdout).toBe('denied\n');
    const bad = await bx(['run', '--rm', '--security-opt', 'seccomp=/no/such.json', IMAGE, 'true']);
    expect(bad.code).toBe(125);
    expect(bad.stderr).toMatch(/cannot read the seccomp profile \/no\/such.json/);
    await bx(['run', '-d', '--name', 'usr1', '--stop-signal', 'USR1', IMAGE, 'sh', '-c', 'trap "exit 42" USR1; while true; do sleep 0.1; done']);
    expect((await bx(['stop', 'usr1'])).code).toBe(0);
    expect((await inspect('usr1')).State.ExitCode).toBe(42);
    await bx(['rm', 'usr1']);
  });

  it('rm -v takes anonymous volumes along, keeps named ones; container prune -f removes stopped containers only', async () => {
    await bx(['run', '--name', 'anon', '-v', '/data', '-v', 'keepme:/keep', IMAGE, 'sh', '-c', 'echo x > /data/f']);
    const vol = ((await inspect('anon')).Mounts as { Type: string; Name: string; Destination: string }[]).find((m) => m.Destination === '/data')!.Name;
    expect((await bx(['volume', 'exists', vol])).code).toBe(0);
    expect((await bx(['rm', '-v', 'anon'])).code).toBe(0);
    expect((await bx(['volume', 'exists', vol])).code).toBe(1);
    expect((await bx(['volume', 'exists', 'keepme'])).code).toBe(0);
    await bx(['create', '--name', 'stale', IMAGE, 'true']);
    await bx(['run', '-d', '--name', 'alive', IMAGE, 'sleep', '1000']);
    const noTty = await bx(['container', 'prune']);
    expect(noTty.code).toBe(125);
    const pruned = await bx(['container', 'prune', '-f']);
    expect(pruned.code, pruned.stderr).toBe(0);
    expect((await bx(['container', 'exists', 'stale'])).code).toBe(1);
    expect((await bx(['container', 'exists', 'alive'])).code).toBe(0);
    await bx(['rm', '-f', 'alive']);
  });
});
