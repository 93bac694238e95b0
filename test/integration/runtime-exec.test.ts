// `boxctl-runtime exec`: a process started in a running container joins what the
// container's init has (pid, mount, uts namespaces, cgroup, seccomp filter) and takes
// the rest (user, env, cwd, capabilities, terminal) from the process file.
import { chmodSync, chownSync, copyFileSync, existsSync, readdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import type { Process } from '../../src/engine/spec/oci.js';
import { makeBundle, type Bundle } from './bundle.js';
import { host, runAs, testUser, userTempDir, type RunResult } from './harness.js';

const CAPS = ['CAP_CHOWN', 'CAP_KILL', 'CAP_NET_BIND_SERVICE'];
const CAP_MASK = '0000000000000421';
const INIT = [
  '/bin/sh',
  '-c',
  // What the init sees of the seccomp filter, for the exec'd process to match.
  'mkdir /tmp/by-init 2> /tmp/init-mkdir; echo made-by-init > /tmp/marker; exec sleep 1000',
];

let bundle: Bundle;
let state: { path: string; remove: () => void };
let runtime: string;
let initPid = 0;
let cgroupDir = '';
let files = 0;

function exec(proc: Partial<Process>, extra: string[] = []): Promise<RunResult> {
  const file = join(bundle.dir, `process-${files++}.json`);
  const full: Process = {
    terminal: false,
    user: { uid: 0, gid: 0 },
    args: ['/bin/true'],
    env: ['PATH=/usr/sbin:/usr/bin:/sbin:/bin'],
    cwd: '/',
    // The init's, as Podman's exec gives: fewer would keep /proc/1/ns out of reach.
    capabilities: bundle.spec.process!.capabilities,
    rlimits: [],
    noNewPrivileges: true,
    ...proc,
  };
  writeFileSync(file, JSON.stringify(full));
  chownSync(file, testUser.uid, testUser.uid);
  return runAs([runtime, 'exec', '--bundle', bundle.dir, '--pid', String(initPid), '--process', file, ...extra], { ...testUser, inCgroup: true });
}

function sh(script: string, proc: Partial<Process> = {}): Promise<RunResult> {
  return exec({ args: ['/bin/sh', '-c', script], ...proc });
}

/** expect.poll for hooks, where vitest refuses it. */
async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (const deadline = Date.now() + 5000; !(await check()); ) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function inCgroupOf(pid: number): string {
  return readFileSync(`/proc/${pid}/cgroup`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('0::'))!
    .slice(3);
}

beforeAll(async () => {
  runtime = join(inject('appDir'), 'native/build/bin/boxctl-runtime');
  const rel = `${host.cgroup.slice(host.cgroup2Mount.length)}/exec-${process.pid}`;
  cgroupDir = join(host.cgroup2Mount, rel);
  bundle = makeBundle(INIT, (s) => {
    s.hostname = 'exec-box';
    s.linux!.cgroupsPath = rel;
    s.linux!.seccomp = {
      defaultAction: 'SCMP_ACT_ALLOW',
      architectures: ['SCMP_ARCH_X86_64', 'SCMP_ARCH_X86', 'SCMP_ARCH_X32'],
      syscalls: [{ names: ['mkdir', 'mkdirat'], action: 'SCMP_ACT_ERRNO', errnoRet: 1 }],
    };
  });
  state = userTempDir(testUser.uid);
  const created = await runAs([runtime, 'create', '--bundle', bundle.dir, '--state-dir', state.path, 'exec-test'], { ...testUser, inCgroup: true });
  expect(created.stderr).toBe('');
  expect(created.code).toBe(0);
  initPid = Number(readFileSync(join(state.path, 'init.pid'), 'utf8').split(' ')[0]);
  expect(initPid).toBeGreaterThan(1);
  // create made the cgroup and put the init there; exec only joins it.
  expect(inCgroupOf(initPid)).toBe(rel);
  expect((await runAs([runtime, 'start', '--state-dir', state.path], testUser)).code).toBe(0);
  await until(async () => (await sh('cat /tmp/marker')).stdout === 'made-by-init\n', "the init's marker");
});

afterAll(async () => {
  if (initPid > 0) {
    try {
      process.kill(initPid, 'SIGKILL');
    } catch {
      // already gone
    }
    await until(() => !existsSync(`/proc/${initPid}`), 'the init to go');
  }
  if (cgroupDir) rmdirSync(cgroupDir);
  state?.remove();
  bundle?.remove();
});

describe('boxctl-runtime exec joins the running container', () => {
  it('sees the init as pid 1 of the same pid namespace', async () => {
    const r = await sh('cat /proc/1/comm; echo $$; readlink /proc/self/ns/pid; readlink /proc/1/ns/pid');
    expect(r.stderr).toBe('');
    const [comm, self, mine, init] = r.stdout.trim().split('\n');
    expect(comm).toBe('sleep');
    expect(Number(self)).toBeGreaterThan(1);
    expect(mine).toBe(init);
    const hostSide = readFileSync(`/proc/${initPid}/status`, 'utf8');
    expect(hostSide).toMatch(/^NSpid:\s+\d+\s+1$/m);
  });

  it('shares the hostname, the mount namespace and the files of the init', async () => {
    const r = await sh('hostname; cat /tmp/marker; for n in mnt uts ipc net user cgroup; do [ "$(readlink /proc/self/ns/$n)" = "$(readlink /proc/1/ns/$n)" ] || echo "$n differs"; done');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('exec-box\nmade-by-init\n');
  });

  it('takes env, cwd, user and umask from the process file', async () => {
    const r = await sh('id -u; id -g; pwd; echo "$GREETING"; umask; echo "$HOME"', {
      env: ['PATH=/bin', 'GREETING=hello there'],
      cwd: '/home/app',
      user: { uid: 1000, gid: 1000, umask: 0o027 },
    });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('1000\n1000\n/home/app\nhello there\n0027\n/home/app\n');
  });

  it('passes the exit status through, 128+N for a signal', async () => {
    expect((await sh('exit 7')).code).toBe(7);
    expect((await sh('kill -TERM $$')).code).toBe(143);
  });

  it('forwards signals to the process', async () => {
    // exec() names its process file before it awaits anything.
    const file = join(bundle.dir, `process-${files}.json`);
    const running = sh('trap "exit 42" TERM; echo > /tmp/trapping; while :; do sleep 0.1; done');
    await expect.poll(async () => (await sh('cat /tmp/trapping')).code, { timeout: 5000 }).toBe(0);
    const runtimePid = readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .find((d) => {
        try {
          const comm = readFileSync(`/proc/${d}/comm`, 'utf8').trim();
          return comm === 'boxctl-runtime' && readFileSync(`/proc/${d}/cmdline`, 'utf8').split('\0').includes(file);
        } catch {
          return false;
        }
      });
    expect(runtimePid).toBeDefined();
    process.kill(Number(runtimePid), 'SIGTERM');
    expect((await running).code).toBe(42);
  });

  it('exits 127 for a missing command and 126 for one that cannot be executed', async () => {
    const missing = await exec({ args: ['no-such-program'] });
    expect(missing.code).toBe(127);
    expect(missing.stderr).toMatch(/exec: \\"no-such-program\\": executable file not found in \$PATH/);
    const absent = await exec({ args: ['/bin/no-such-program'] });
    expect(absent.code).toBe(127);
    const notExec = await exec({ args: ['/etc/passwd'] });
    expect(notExec.code).toBe(126);
    expect(notExec.stderr).toMatch(/\/etc\/passwd.*Permission denied/);
    const noCwd = await exec({ cwd: '/no/such/dir' });
    expect(noCwd.code).toBe(125);
    expect(noCwd.stderr).toMatch(/\/no\/such\/dir/);
  });

  it('fails cleanly when the init is gone', async () => {
    const r = await runAs([runtime, 'exec', '--bundle', bundle.dir, '--pid', '999999999', '--process', '/nonexistent'], testUser);
    expect(r.code).toBe(125);
    expect(r.stderr).toMatch(/"ok":false/);
  });

  it('runs in the container cgroup', async () => {
    const r = await sh('cat /proc/self/cgroup');
    expect(r.stdout).toMatch(/^0::\/$/m);
    const pidFile = join(bundle.dir, 'exec.pid');
    const started = await exec({ args: ['/bin/sleep', '30'] }, ['--detach', '--pid-file', pidFile]);
    expect(started.code).toBe(0);
    const pid = Number(readFileSync(pidFile, 'utf8'));
    try {
      expect(existsSync(`/proc/${pid}`)).toBe(true);
      expect(join(host.cgroup2Mount, inCgroupOf(pid))).toBe(cgroupDir);
      expect(readFileSync(join(cgroupDir, 'cgroup.procs'), 'utf8').split('\n')).toContain(String(pid));
    } finally {
      process.kill(pid, 'SIGKILL');
    }
  });

  it('applies the container seccomp filter as the init has it', async () => {
    const init = (await sh('cat /tmp/init-mkdir')).stdout;
    expect(init).toMatch(/Operation not permitted/);
    const r = await sh("grep '^Seccomp:' /proc/self/status | tr -d '\\t '; mkdir /tmp/by-exec; touch /tmp/by-exec-file && echo touched");
    expect(r.stdout).toBe('Seccomp:2\ntouched\n');
    expect(r.stderr.replace('by-exec', 'by-init')).toBe(init);
  });

  it('gives the capability sets of the process file', async () => {
    const r = await sh("grep -E '^(Cap(Inh|Prm|Eff|Bnd|Amb)|NoNewPrivs)' /proc/self/status", {
      capabilities: { bounding: CAPS, effective: CAPS, permitted: CAPS, inheritable: ['CAP_NET_BIND_SERVICE'], ambient: ['CAP_NET_BIND_SERVICE'] },
    });
    expect(r.stdout.replace(/\t/g, ' ')).toBe(
      `CapInh: 0000000000000400\nCapPrm: ${CAP_MASK}\nCapEff: ${CAP_MASK}\nCapBnd: ${CAP_MASK}\nCapAmb: 0000000000000400\nNoNewPrivs: 1\n`,
    );
    const none = await sh("grep -E '^CapEff' /proc/self/status", { capabilities: { bounding: [], effective: [], permitted: [], inheritable: [], ambient: [] } });
    expect(none.stdout.replace(/\t/g, ' ')).toBe('CapEff: 0000000000000000\n');
  });

  it('leaks no runtime descriptor to the process', async () => {
    const r = await sh('for f in /proc/self/fd/*; do echo "${f##*/} $(readlink $f)"; done');
    const open = r.stdout.trim().split('\n').map((l) => Number(l.split(' ')[0]));
    // 0-2 are stdio; the shell's glob holds one more.
    expect(open.filter((fd) => fd > 2).length).toBeLessThanOrEqual(1);
  });

  it('waits for the process, or with --detach returns while it runs on', async () => {
    const t0 = Date.now();
    expect((await sh('sleep 1; echo waited > /tmp/fg')).code).toBe(0);
    expect(Date.now() - t0).toBeGreaterThan(900);
    expect((await sh('cat /tmp/fg')).stdout).toBe('waited\n');
    const detached = await exec({ args: ['/bin/sh', '-c', 'sleep 2; echo done > /tmp/bg'] }, ['--detach']);
    expect(detached.code).toBe(0);
    // Still running: what it writes comes later.
    expect((await sh('cat /tmp/bg 2>&1')).stdout).toMatch(/No such file/);
    await expect.poll(async () => (await sh('cat /tmp/bg')).stdout, { timeout: 5000 }).toBe('done\n');
  });

  it('hands a pty over the console socket with process.terminal', async () => {
    const socket = join(bundle.dir, 'console.sock');
    const fixture = join(bundle.dir, 'recvtty.py');
    copyFileSync(join(import.meta.dirname, 'fixtures', 'recvtty.py'), fixture);
    chmodSync(fixture, 0o755);
    const peer = runAs(['python3', fixture, socket, 'tty; [ -t 0 ] && echo stdin-is-a-tty; echo typed-$((40+2)); exit 5'], testUser);
    await expect.poll(() => existsSync(socket), { timeout: 5000 }).toBe(true);
    const r = await exec({ terminal: true, args: ['/bin/sh'] }, ['--console-socket', socket]);
    const typed = await peer;
    expect(r.code).toBe(5);
    expect(typed.stdout).toMatch(/^\/dev\/pts\/\d+\r?$/m);
    expect(typed.stdout).toMatch(/^stdin-is-a-tty\r?$/m);
    expect(typed.stdout).toMatch(/^typed-42\r?$/m);
    const refused = await exec({ terminal: true });
    expect(refused.code).toBe(125);
    expect(refused.stderr).toMatch(/--console-socket is required/);
  });
});

describe('execInContainer', () => {
  it('drives the runtime from TypeScript: pid report, piped output, exit status', async () => {
    const dir = userTempDir(testUser.uid);
    try {
      const script = join(dir.path, 'exec.mjs');
      await build({
        stdin: {
          contents: `
            import { execInContainer } from ${JSON.stringify(join(import.meta.dirname, '../../src/engine/runtime/exec.ts'))};
            const [bundle, pid] = process.argv.slice(2);
            const p = execInContainer({ bundle, pid: Number(pid), stdio: 'pipe', process: JSON.parse(process.env.PROC) });
            let out = '';
            p.child.stdout.setEncoding('utf8').on('data', (d) => (out += d));
            const report = await p.report;
            const code = await p.exit;
            console.log(JSON.stringify({ report, code, out }));
          `,
          resolveDir: import.meta.dirname,
          loader: 'ts',
        },
        bundle: true,
        platform: 'node',
        format: 'esm',
        outfile: script,
        logLevel: 'silent',
      });
      chmodSync(script, 0o644);
      const proc: Process = {
        terminal: false,
        user: { uid: 0, gid: 0 },
        args: ['/bin/sh', '-c', 'echo $$ $(cat /tmp/marker); exit 3'],
        env: ['PATH=/bin'],
        cwd: '/',
        capabilities: { bounding: [], effective: [], permitted: [], inheritable: [], ambient: [] },
        rlimits: [],
        noNewPrivileges: true,
      };
      const r = await runAs([process.execPath, script, bundle.dir, String(initPid)], {
        ...testUser,
        inCgroup: true,
        env: { PROC: JSON.stringify(proc), BOXCTL_NATIVE_DIR: join(inject('appDir'), 'native/build') },
      });
      expect(r.stderr).toBe('');
      const out = JSON.parse(r.stdout) as { report: { pid: number }; code: number; out: string };
      expect(out.code).toBe(3);
      expect(out.report.pid).toBeGreaterThan(1);
      expect(out.out).toMatch(/^\d+ made-by-init\n$/);
    } finally {
      dir.remove();
    }
  });
});

describe('exec under runc and under boxctl', () => {
  it('shows the process the same container, user, cwd, env and capabilities', async () => {
    const script = 'cat /proc/1/comm; hostname; id; pwd; echo "$GREETING"; umask; grep -E "^(Cap|NoNewPrivs)" /proc/self/status; ls /proc | grep -c "^[0-9]"';
    const outputs: Record<string, RunResult> = {};
    for (const kind of ['runc', 'boxctl'] as const) {
      const b = makeBundle(['/bin/sleep', '1000'], (s) => {
        s.hostname = 'diff-box';
      });
      const st = userTempDir(testUser.uid);
      const file = join(b.dir, 'process.json');
      const proc: Process = {
        terminal: false,
        // No umask: runc 1.1's exec ignores it (the test above checks boxctl's).
        user: { uid: 1000, gid: 1000 },
        args: ['/bin/sh', '-c', script],
        env: ['PATH=/bin', 'GREETING=hi'],
        cwd: '/home/app',
        capabilities: { bounding: CAPS, effective: CAPS, permitted: CAPS, inheritable: CAPS, ambient: ['CAP_KILL'] },
        rlimits: [],
        noNewPrivileges: true,
      };
      writeFileSync(file, JSON.stringify(proc));
      chownSync(file, testUser.uid, testUser.uid);
      try {
        if (kind === 'runc') {
          expect((await runAs(['runc', '--root', st.path, 'run', '-d', '-b', b.dir, 'exec-diff'], testUser)).code).toBe(0);
          outputs[kind] = await runAs(['runc', '--root', st.path, 'exec', '-p', file, 'exec-diff'], testUser);
          await runAs(['runc', '--root', st.path, 'delete', '--force', 'exec-diff'], testUser);
        } else {
          expect((await runAs([runtime, 'create', '--bundle', b.dir, '--state-dir', st.path, 'exec-diff'], testUser)).code).toBe(0);
          const pid = Number(readFileSync(join(st.path, 'init.pid'), 'utf8').split(' ')[0]);
          expect((await runAs([runtime, 'start', '--state-dir', st.path], testUser)).code).toBe(0);
          try {
            outputs[kind] = await runAs([runtime, 'exec', '--bundle', b.dir, '--pid', String(pid), '--process', file], testUser);
          } finally {
            process.kill(pid, 'SIGKILL');
          }
        }
      } finally {
        st.remove();
        b.remove();
      }
    }
    expect(outputs.boxctl).toEqual(outputs.runc);
    expect(outputs.boxctl!.stdout).toMatch(/^sleep\ndiff-box\nuid=1000\(app\) gid=1000\(app\) .*\n\/home\/app\nhi\n0022\nCapInh:\t0000000000000421\n/);
  });
});
