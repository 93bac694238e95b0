// Named volumes as the unprivileged test user: the CLI through the staged boxctl, the
// engine API that `run -v` uses through a small driver bundled beside it, and the
// store on disk checked from the host side. Container creation is not part of the
// volume store, so the in-use tests write a minimal container record by hand.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { build } from 'esbuild';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { inject } from 'vitest';

import { boxctl, host, runAs, testUser, userEnv, userTempDir } from './harness.js';

const REPO = join(import.meta.dirname, '..', '..');
const scratch = userTempDir(testUser.uid);
afterAll(() => scratch.remove());

let root = '';
let n = 0;
beforeEach(() => {
  root = join(scratch.path, `root-${n++}`);
});

const bx = (args: string[]) => boxctl(['--root', root, ...args], testUser);
const volumes = () => join(root, 'volumes');
const lines = (text: string) => text.split('\n').filter((l) => l !== '');

interface Inspect {
  Name: string;
  Driver: string;
  Mountpoint: string;
  CreatedAt: string;
  Labels: Record<string, string>;
  Scope: string;
  Options: Record<string, string>;
  Anonymous?: boolean;
}

async function inspect(...names: string[]): Promise<Inspect[]> {
  const r = await bx(['volume', 'inspect', ...names]);
  expect(r, r.stderr).toMatchObject({ code: 0, stderr: '' });
  return JSON.parse(r.stdout) as Inspect[];
}

/** The subordinate uid that container uid `id` is on the host. */
function hostUid(id: number): number {
  const line = readFileSync('/etc/subuid', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${testUser.user}:`))!;
  return Number(line.split(':')[1]) + id - 1;
}

/** A container record that mounts the volumes, where the container store puts it. */
function fakeContainer(id: string, name: string, mounted: readonly string[]): () => void {
  const dir = join(root, 'containers', id);
  mkdirSync(dir, { recursive: true });
  const mounts = mounted.map((source, i) => ({ type: 'volume', source, destination: `/v${i}`, readOnly: false }));
  writeFileSync(join(dir, 'container.json'), JSON.stringify({ version: 1, id, name, mounts }));
  for (const p of [join(root, 'containers'), dir, join(dir, 'container.json')]) chownSync(p, testUser.uid, testUser.uid);
  return () => rmSync(dir, { recursive: true, force: true });
}

/** Files that only the namespace's root can delete: a 0700 dir of container uid 1000. */
async function subordinateFiles(mountpoint: string): Promise<string> {
  const dir = join(mountpoint, 'owned');
  const script = `mkdir -p "$0/deep" && head -c 5000 /dev/zero > "$0/deep/blob" && ln "$0/deep/blob" "$0/deep/link" && ln -s /etc/passwd "$0/sym" && chown -R 1000:1000 "$0" && chmod 700 "$0" "$0/deep"`;
  const r = await boxctl(['unshare', 'sh', '-c', script, dir], testUser);
  expect(r, r.stderr).toMatchObject({ code: 0 });
  expect(statSync(dir).uid).toBe(hostUid(1000));
  return dir;
}

// The engine API the container commands call, run as the test user.
const DRIVER = `
import { createAnonymousVolume, ensureVolume } from './src/engine/volume/store.js';
import { volumeUsers } from './src/engine/volume/users.js';
import { volumeSizes } from './src/engine/volume/size.js';
const [op, root, name] = process.argv.slice(2);
try {
  let result;
  if (op === 'ensure') result = await ensureVolume(root, name);
  else if (op === 'anonymous') result = await createAnonymousVolume(root);
  else if (op === 'users') result = volumeUsers(root, name);
  else result = Object.fromEntries(await volumeSizes(root));
  console.log(JSON.stringify({ ok: true, result }));
} catch (e) {
  console.log(JSON.stringify({ ok: false, error: e.message }));
}
`;
let driver = '';
beforeAll(async () => {
  driver = join(inject('appDir'), 'dist', 'volume-test-driver.js');
  await build({
    stdin: { contents: DRIVER, resolveDir: REPO, loader: 'ts', sourcefile: 'volume-test-driver.ts' },
    outfile: driver,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
    banner: { js: "import { createRequire as __bxCreateRequire } from 'node:module';\nconst require = __bxCreateRequire(import.meta.url);" },
  });
});

async function engine<T>(op: 'ensure' | 'anonymous' | 'users' | 'sizes', name = ''): Promise<T> {
  const r = await runAs([process.execPath, driver, op, root, name], testUser);
  const answer = JSON.parse(r.stdout.trim().split('\n').at(-1) ?? 'null') as { ok: boolean; result: T; error: string } | null;
  if (!answer?.ok) throw new Error(`driver ${op} failed (exit ${r.code}): ${answer?.error ?? r.stderr}`);
  return answer.result;
}

describe('boxctl volume', () => {
  it('creates, lists, inspects, checks and removes a volume', async () => {
    const before = Date.now();
    const created = await bx(['volume', 'create', 'data']);
    expect(created).toMatchObject({ code: 0, stdout: 'data\n', stderr: '' });

    const [v] = await inspect('data');
    expect(v).toEqual({ Name: 'data', Driver: 'local', Mountpoint: join(volumes(), 'data', '_data'), CreatedAt: v!.CreatedAt, Labels: {}, Scope: 'local', Options: {} });
    expect(Date.parse(v!.CreatedAt)).toBeGreaterThanOrEqual(before - 1000);
    const data = statSync(v!.Mountpoint);
    expect(data.isDirectory() && data.uid === testUser.uid && (data.mode & 0o777) === 0o755).toBe(true);
    expect(JSON.parse(readFileSync(join(volumes(), 'data', 'volume.json'), 'utf8'))).toEqual({ name: 'data', created: v!.CreatedAt, labels: {}, options: {}, driver: 'local' });

    expect((await bx(['volume', 'exists', 'data'])).code).toBe(0);
    expect((await bx(['volume', 'exists', 'dat'])).code).toBe(1);
    expect((await bx(['volume', 'create', 'other'])).code).toBe(0);
    const table = await bx(['volume', 'ls']);
    expect(table.stdout).toBe('DRIVER      VOLUME NAME\nlocal       data\nlocal       other\n');
    expect((await bx(['volume', 'ls', '--noheading'])).stdout).toBe('local       data\nlocal       other\n');
    expect((await bx(['volume', 'ls', '-q'])).stdout).toBe('data\nother\n');
    const json = JSON.parse((await bx(['volume', 'ls', '--format', 'json'])).stdout) as Inspect[];
    expect(json.map((j) => [j.Name, j.Scope])).toEqual([['data', 'local'], ['other', 'local']]);
    const template = await bx(['volume', 'ls', '--format', '{{.Name}}={{.Mountpoint}}']);
    expect(template.stdout).toBe(`data=${join(volumes(), 'data', '_data')}\nother=${join(volumes(), 'other', '_data')}\n`);
    expect((await bx(['volume', 'inspect', '--format', '{{.Name}} {{.Scope}} {{.Anonymous}}', 'data'])).stdout).toBe('data local false\n');
    const badField = await bx(['volume', 'ls', '--format', '{{.Size}}']);
    expect(badField.code).toBe(125);
    expect(badField.stderr).toMatch(/^Error: .*unknown field \.Size/);
    // A unique prefix names a volume, as in Podman; an ambiguous one does not.
    expect((await inspect('oth'))[0]!.Name).toBe('other');

    const twice = await bx(['volume', 'create', 'data']);
    expect(twice.code).toBe(125);
    expect(lines(twice.stderr)).toEqual(["Error: volume with name 'data' already exists: choose another name, or pass --ignore to keep it"]);
    expect(await bx(['volume', 'create', '--ignore', 'data'])).toMatchObject({ code: 0, stdout: 'data\n' });
    expect((await inspect('data'))[0]!.CreatedAt).toBe(v!.CreatedAt);

    expect(await bx(['volume', 'rm', 'data'])).toMatchObject({ code: 0, stdout: 'data\n', stderr: '' });
    expect(existsSync(join(volumes(), 'data'))).toBe(false);
    expect((await bx(['volume', 'exists', 'data'])).code).toBe(1);
    const missing = await bx(['volume', 'rm', 'data', 'other']);
    expect(missing).toMatchObject({ code: 1, stdout: 'other\n', stderr: "Error: no volume with name 'data' found\n" });
    expect(readdirSync(volumes())).toEqual(['.lock']);
    const inspectMissing = await bx(['volume', 'inspect', 'nothing']);
    expect(inspectMissing.code).toBe(125);
    expect(inspectMissing.stderr).toBe("Error: no volume with name 'nothing' found\n");
  });

  it('names a volume created without a name with 64 hex digits', async () => {
    const r = await bx(['volume', 'create']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^[0-9a-f]{64}\n$/);
    expect((await inspect(r.stdout.slice(0, 12)))[0]).not.toHaveProperty('Anonymous');
  });

  it('refuses bad names, other drivers and driver options, with one line and nothing written', async () => {
    for (const bad of ['a/b', '.hidden', '_x', 'has space', '../escape', 'x'.repeat(256)]) {
      const r = await bx(['volume', 'create', bad]);
      expect(r.code, bad).toBe(125);
      expect(lines(r.stderr), bad).toHaveLength(1);
      expect(r.stderr, bad).toMatch(/^Error: invalid volume name '.*': /);
    }
    expect((await bx(['volume', 'create', 'a/b'])).stderr).toBe("Error: invalid volume name 'a/b': names must match [a-zA-Z0-9][a-zA-Z0-9_.-]*\n");
    const opt = await bx(['volume', 'create', '--opt', 'type=tmpfs', 'x']);
    expect(opt).toMatchObject({ code: 125, stderr: "Error: volume option 'type' is not supported: the local driver here takes no options (no device mounts without root)\n" });
    const driverName = await bx(['volume', 'create', '--driver', 'nfs', 'x']);
    expect(driverName).toMatchObject({ code: 125, stderr: "Error: volume driver 'nfs' is not available: boxctl has only the local driver\n" });
    expect(existsSync(volumes()) ? readdirSync(volumes()).filter((e) => e !== '.lock') : []).toEqual([]);
    expect((await bx(['volume', 'ls', '-q'])).stdout).toBe('');
  });

  it('keeps labels and filters by label, name, dangling and until', async () => {
    expect((await bx(['volume', 'create', '--label', 'app=web', '-l', 'tier=front', '--label', 'flag', 'web'])).code).toBe(0);
    expect((await bx(['volume', 'create', '--label', 'app=db', 'db'])).code).toBe(0);
    expect((await bx(['volume', 'create', 'plain'])).code).toBe(0);
    expect((await inspect('web'))[0]!.Labels).toEqual({ app: 'web', tier: 'front', flag: '' });
    const labels = await bx(['volume', 'ls', '--format', '{{.Name}}:{{index .Labels "app"}}']);
    expect(labels.stdout).toBe('db:db\nplain:\nweb:web\n');
    const table = await bx(['volume', 'ls', '--format', 'table {{.Name}} {{.Labels}}']);
    expect(table.stdout).toBe('VOLUME NAME  LABELS\ndb           map[app:db]\nplain        map[]\nweb          map[app:web flag: tier:front]\n');
    const q = async (...filters: string[]) => lines((await bx(['volume', 'ls', '-q', ...filters.flatMap((f) => ['--filter', f])])).stdout);
    expect(await q('label=app')).toEqual(['db', 'web']);
    expect(await q('label=app=db')).toEqual(['db']);
    expect(await q('label=app', 'label=tier=front')).toEqual(['web']);
    expect(await q('label!=app')).toEqual(['plain']);
    expect(await q('name=^p')).toEqual(['plain']);
    expect(await q('dangling=true')).toEqual(['db', 'plain', 'web']);
    expect(await q('dangling=false')).toEqual([]);
    expect(await q('until=1h')).toEqual([]);
    expect(await q(`until=${new Date(Date.now() + 60_000).toISOString()}`)).toEqual(['db', 'plain', 'web']);
    const bad = await bx(['volume', 'ls', '--filter', 'colour=red']);
    expect(bad).toMatchObject({ code: 125, stdout: '' });
    expect(bad.stderr).toBe("Error: invalid --filter 'colour=red': 'colour' is not a volume filter (name, driver, label, label!, dangling, until)\n");

    const pruned = await bx(['volume', 'prune', '-f', '--filter', 'label=app']);
    expect(pruned).toMatchObject({ code: 0, stdout: 'db\nweb\n' });
    expect(await q()).toEqual(['plain']);
  });

  it('refuses to remove or prune a volume a container mounts, naming the container', async () => {
    for (const name of ['used', 'free', 'spare']) expect((await bx(['volume', 'create', name])).code).toBe(0);
    const id = 'a1'.repeat(32);
    const removeContainer = fakeContainer(id, 'web1', ['used', 'used']);
    expect(lines((await bx(['volume', 'ls', '-q', '--filter', 'dangling=false'])).stdout)).toEqual(['used']);
    expect(await engine<{ id: string; name: string }[]>('users', 'used')).toEqual([{ id, name: 'web1' }]);
    expect(await engine<unknown[]>('users', 'free')).toEqual([]);

    const refused = await bx(['volume', 'rm', 'used', 'free']);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('free\n');
    expect(refused.stderr).toBe(`Error: volume used is in use by container web1 (${id.slice(0, 12)}): remove them first (boxctl rm), then the volume\n`);
    const forced = await bx(['volume', 'rm', '-f', 'used']);
    expect(forced.code).toBe(2);
    expect(forced.stderr).toContain('--force does not remove containers in boxctl: remove them first');
    expect(existsSync(join(volumes(), 'used', '_data'))).toBe(true);

    expect(await bx(['volume', 'prune', '-f'])).toMatchObject({ code: 0, stdout: 'spare\n' });
    const all = await bx(['volume', 'rm', '--all']);
    expect(all.code).toBe(2);
    expect((await bx(['volume', 'ls', '-q'])).stdout).toBe('used\n');

    removeContainer();
    expect(await bx(['volume', 'rm', 'used'])).toMatchObject({ code: 0, stdout: 'used\n' });
  });

  it('without a terminal, prune needs --force and removes nothing', async () => {
    expect((await bx(['volume', 'create', 'keep'])).code).toBe(0);
    const r = await bx(['volume', 'prune']);
    expect(r.code).toBe(125);
    expect(r.stderr).toBe('Error: volume prune asks before removing, and stdin is not a terminal: pass --force (-f) to remove without asking\n');
    expect((await bx(['volume', 'ls', '-q'])).stdout).toBe('keep\n');
  });

  it('removes a volume whose files belong to subordinate ids, and measures it', async () => {
    expect((await bx(['volume', 'create', 'owned'])).code).toBe(0);
    expect((await bx(['volume', 'create', 'small'])).code).toBe(0);
    const [v] = await inspect('owned');
    const dir = await subordinateFiles(v!.Mountpoint);
    writeFileSync(join((await inspect('small'))[0]!.Mountpoint, 'f'), 'x'.repeat(123));
    chownSync(join((await inspect('small'))[0]!.Mountpoint, 'f'), testUser.uid, testUser.uid);
    // The user cannot delete them from the host namespace...
    expect((await runAs(['rm', '-rf', dir], testUser)).code).not.toBe(0);
    // ...nor read the 0700 dir, so the size is counted inside the namespace: the blob
    // once for its two links, the symlink as itself, never what it points to.
    const sizes = await engine<Record<string, number>>('sizes');
    expect(sizes).toEqual({ owned: 5000 + '/etc/passwd'.length, small: 123 });

    expect(await bx(['volume', 'rm', 'owned'])).toMatchObject({ code: 0, stdout: 'owned\n', stderr: '' });
    expect(readdirSync(volumes()).sort()).toEqual(['.lock', 'small']);
  });

  it('gives run -v its volumes: made on first use, anonymous ones marked', async () => {
    const first = await engine<{ name: string; path: string }>('ensure', 'cache');
    expect(first).toEqual({ name: 'cache', path: join(volumes(), 'cache', '_data') });
    writeFileSync(join(root, 'volumes', 'cache', '_data', 'kept'), 'yes');
    expect(await engine('ensure', 'cache')).toEqual(first);
    expect(readFileSync(join(first.path, 'kept'), 'utf8')).toBe('yes');
    await expect(engine('ensure', 'no/slash')).rejects.toThrow("invalid volume name 'no/slash'");

    const anon = await engine<{ name: string; path: string }>('anonymous');
    expect(anon.name).toMatch(/^[0-9a-f]{64}$/);
    const [a] = await inspect(anon.name);
    expect(a).toMatchObject({ Name: anon.name, Mountpoint: anon.path, Labels: {}, Anonymous: true });
    expect(JSON.parse(readFileSync(join(volumes(), anon.name, 'volume.json'), 'utf8'))).toMatchObject({ anonymous: true, labels: {} });
  });

  it('ignores the leftovers of a killed create or rm, and sweeps them on the next change', async () => {
    expect((await bx(['volume', 'create', 'real'])).code).toBe(0);
    // Pids of processes that are gone: what a kill -9 leaves.
    const dead = spawnSync('sh', ['-c', 'echo $$']).stdout.toString().trim();
    for (const leftover of [`.tmp-${dead}-aaaa`, `.rm-${dead}-bbbb`]) {
      const dir = join(volumes(), leftover);
      mkdirSync(join(dir, '_data'), { recursive: true });
      writeFileSync(join(dir, 'volume.json'), JSON.stringify({ name: 'ghost', created: new Date().toISOString(), labels: {}, options: {}, driver: 'local' }));
      for (const p of [dir, join(dir, '_data'), join(dir, 'volume.json')]) chownSync(p, testUser.uid, testUser.uid);
      await subordinateFiles(join(dir, '_data'));
    }
    // A live process's scratch dir is left alone.
    const live = join(volumes(), `.tmp-${process.pid}-cccc`);
    mkdirSync(live);
    chownSync(live, testUser.uid, testUser.uid);

    expect((await bx(['volume', 'ls', '-q'])).stdout).toBe('real\n');
    expect((await bx(['volume', 'exists', 'ghost'])).code).toBe(1);
    expect((await bx(['volume', 'inspect', '.tmp'])).code).toBe(125);
    expect((await bx(['volume', 'create', 'next'])).code).toBe(0);
    expect(readdirSync(volumes()).sort()).toEqual(['.lock', `.tmp-${process.pid}-cccc`, 'next', 'real']);
  });

  // strace's fault injection sends SIGKILL as boxctl enters a chosen syscall: the
  // moments that matter, every time, where a kill at a random delay would almost
  // always land before or after them.
  function killedAt(syscalls: string, args: string[]): void {
    const argv = ['-f', '-qq', '-o', '/dev/null', '-e', `trace=${syscalls}`, '-e', `inject=${syscalls}:signal=KILL`, 'runuser', '-u', testUser.user, '--', 'env', '-i', ...userEnv(testUser.user, testUser.uid)];
    const r = spawnSync('strace', [...argv, process.execPath, join(inject('appDir'), 'dist', 'boxctl.js'), '--root', root, ...args], { encoding: 'utf8' });
    // runuser reports its child's death by SIGKILL as 128 + 9.
    if (r.status !== 137) throw new Error(`boxctl ${args.join(' ')} under strace ended with ${r.status ?? r.signal}: ${r.error?.message ?? r.stderr}`);
  }

  it('leaves no volume when create is killed with its record written', async () => {
    killedAt('fsync,fdatasync', ['volume', 'create', 'half']);
    const [scratchDir] = readdirSync(volumes()).filter((e) => e.startsWith('.tmp-'));
    expect(existsSync(join(volumes(), scratchDir!, 'volume.json'))).toBe(true);
    expect((await bx(['volume', 'ls', '-q'])).stdout).toBe('');
    expect((await bx(['volume', 'exists', 'half'])).code).toBe(1);
    expect(await bx(['volume', 'create', 'half'])).toMatchObject({ code: 0, stdout: 'half\n' });
    expect(readdirSync(volumes()).sort()).toEqual(['.lock', 'half']);
  });

  it('leaves no volume when create is killed at the rename that publishes it', async () => {
    killedAt('rename,renameat,renameat2', ['volume', 'create', 'half']);
    expect(readdirSync(volumes()).filter((e) => e.startsWith('.tmp-'))).toHaveLength(1);
    expect((await bx(['volume', 'ls', '-q'])).stdout).toBe('');
    expect(await engine('ensure', 'half')).toEqual({ name: 'half', path: join(volumes(), 'half', '_data') });
    expect(readdirSync(volumes()).sort()).toEqual(['.lock', 'half']);
  });

  it('leaves the volume whole when rm is killed before it takes the name away', async () => {
    expect((await bx(['volume', 'create', 'kept'])).code).toBe(0);
    await subordinateFiles((await inspect('kept'))[0]!.Mountpoint);
    killedAt('rename,renameat,renameat2', ['volume', 'rm', 'kept']);
    expect((await bx(['volume', 'ls', '-q'])).stdout).toBe('kept\n');
    expect(statSync(join(volumes(), 'kept', '_data', 'owned')).uid).toBe(hostUid(1000));
    expect(await bx(['volume', 'rm', 'kept'])).toMatchObject({ code: 0, stdout: 'kept\n' });
  });
});

describe('boxctl volume prune on a terminal', () => {
  const SOCKET = join(scratch.path, 'tmux.sock');
  afterAll(() => spawnSync('tmux', ['-S', SOCKET, 'kill-server'], { stdio: 'ignore' }));
  const tmux = (...args: string[]) => execFileSync('tmux', ['-S', SOCKET, ...args], { encoding: 'utf8' });
  const shell = (words: readonly string[]) => words.map((w) => `'${w.replace(/'/g, "'\\''")}'`).join(' ');

  async function until(pattern: RegExp, session: string): Promise<string> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const text = tmux('capture-pane', '-p', '-t', session);
      if (pattern.test(text)) return text;
      if (Date.now() > deadline) throw new Error(`the pane never showed ${pattern}:\n${text}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async function pruneAnswering(answer: string, session: string): Promise<string> {
    const argv = ['runuser', '-u', testUser.user, '--', 'env', '-i', ...userEnv(testUser.user, testUser.uid, { TERM: 'screen' }), process.execPath, join(inject('appDir'), 'dist', 'boxctl.js'), '--root', root, 'volume', 'prune'];
    tmux('new-session', '-d', '-s', session, '-x', '120', '-y', '20', `${shell(argv)}; echo "EXIT=$?"; sleep 60`);
    await until(/Are you sure you want to continue\? \[y\/N\]/, session);
    tmux('send-keys', '-t', session, '-l', answer);
    tmux('send-keys', '-t', session, 'Enter');
    const text = await until(/^EXIT=\d+$/m, session);
    tmux('kill-session', '-t', session);
    return text;
  }

  it('lists what it would remove, and removes it only on yes', async () => {
    expect((await bx(['volume', 'create', 'unused'])).code).toBe(0);
    const no = await pruneAnswering('n', 'no');
    expect(no).toContain('WARNING! This will remove all volumes not used by at least one container. The following volumes will be removed:\nunused\n');
    expect(no).toMatch(/^EXIT=0$/m);
    expect((await bx(['volume', 'ls', '-q'])).stdout).toBe('unused\n');
    const yes = await pruneAnswering('y', 'yes');
    expect(yes).toMatch(/\[y\/N\] y\nunused\nEXIT=0/);
    expect((await bx(['volume', 'ls', '-q'])).stdout).toBe('');
  });
});
