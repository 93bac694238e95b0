// cp, diff, export and commit as the unprivileged test user, against containers that
// plant links meant to lead out of them: nothing may be read from or written to the
// host through a link the container holds, nor outside the destination on the host.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { boxctl, host, testUser, userTempDir } from './harness.js';

const IMAGE = `${host.registry}/boxctl/busybox`;
const scratch = userTempDir(testUser.uid);
const root = join(scratch.path, 'r');
const runroot = join(scratch.path, 'u');
const bx = (args: readonly string[], opts: { stdin?: string } = {}) => boxctl(['--root', root, '--runroot', runroot, ...args], { ...testUser, ...opts });

/** A file or dir of the test user's in the scratch dir. */
function own(path: string, content?: string): string {
  const p = join(scratch.path, path);
  if (content === undefined) mkdirSync(p, { recursive: true });
  else writeFileSync(p, content);
  chownSync(p, testUser.uid, testUser.uid);
  return p;
}

const PLANT = 'ln -s / /escape && ln -s /etc/shadow-ish /shadow && ln -s ../../../../tmp /x && mkdir -p /plant && ln -s / /plant/up';

async function ok(args: readonly string[], opts: { stdin?: string } = {}): Promise<string> {
  const r = await bx(args, opts);
  expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r.stdout;
}

beforeAll(async () => {
  await ok(['pull', '-q', IMAGE]);
  // A host file the container's links would reach if they were followed on the host.
  own('secret', 'host secret\n');
  await ok(['run', '-d', '--name', 'live', IMAGE, 'sh', '-c', `${PLANT} && echo container > /etc/shadow-ish && sleep 600`]);
  await ok(['run', '--name', 'dead', IMAGE, 'sh', '-c', `${PLANT} && echo changed >> /etc/passwd && rm /bin/ls && mkdir /data && echo hi > /data/f`]);
  for (let i = 0; i < 100 && (await bx(['exec', 'live', 'test', '-L', '/plant/up'])).code !== 0; i++) await new Promise((r) => setTimeout(r, 50));
}, 90_000);

afterAll(async () => {
  await bx(['rm', '-f', '--all']);
  scratch.remove();
});

describe('cp out', () => {
  for (const name of ['live', 'dead']) {
    it(`copies a file and a directory out of a ${name} container, owned by the user`, async () => {
      const dest = own(`out-${name}`);
      await ok(['cp', `${name}:/etc/passwd`, dest]);
      expect(readFileSync(join(dest, 'passwd'), 'utf8')).toMatch(/^root:/);
      expect(lstatSync(join(dest, 'passwd')).uid).toBe(testUser.uid);
      await ok(['cp', `${name}:/etc`, join(dest, 'etc-copy')]);
      expect(readdirSync(join(dest, 'etc-copy'))).toContain('group');
      await ok(['cp', `${name}:/etc/.`, dest]);
      expect(existsSync(join(dest, 'group'))).toBe(true);
    });

    it(`resolves links planted in a ${name} container inside it, never on the host`, async () => {
      const dest = own(`links-${name}`);
      // /escape/etc/group and /plant/up/etc/group are the container's /etc/group, not the host's.
      await ok(['cp', `${name}:/etc/group`, join(dest, 'group')]);
      await ok(['cp', `${name}:/escape/etc/group`, join(dest, 'group-via-escape')]);
      await ok(['cp', `${name}:/plant/up/etc/group`, join(dest, 'group-via-up')]);
      const group = readFileSync(join(dest, 'group'), 'utf8');
      expect(group).not.toBe(readFileSync('/etc/group', 'utf8'));
      expect(readFileSync(join(dest, 'group-via-escape'), 'utf8')).toBe(group);
      expect(readFileSync(join(dest, 'group-via-up'), 'utf8')).toBe(group);
      // /shadow points at /etc/shadow-ish of the container: missing in 'dead', the container's own file in 'live'.
      const shadow = await bx(['cp', `${name}:/shadow`, join(dest, 'shadow')]);
      if (name === 'live') expect(readFileSync(join(dest, 'shadow'), 'utf8')).toBe('container\n');
      else expect(shadow.code).toBe(125);
      // ../../../../tmp climbs to the container's root, whose /tmp has no scratch dir of the host.
      const r = await bx(['cp', `${name}:/x/${scratch.path.slice('/tmp/'.length)}/secret`, join(dest, 'stolen')]);
      expect(r.code).toBe(125);
      expect(r.stderr).toMatch(/no such file or directory/);
      expect(existsSync(join(dest, 'stolen'))).toBe(false);
      // A link copied out is a link, not what it points at.
      await ok(['cp', `${name}:/plant`, join(dest, 'plant')]);
      expect(lstatSync(join(dest, 'plant', 'up')).isSymbolicLink()).toBe(true);
    });
  }

  it('writes a tar to stdout with -', async () => {
    const tar = (await bx(['cp', 'live:/etc', '-'])).stdout;
    expect(tar.length % 512).toBe(0);
    expect(tar).toContain('etc/passwd');
  });

  it('never writes through a link in the host destination', async () => {
    const outside = own('outside');
    const dest = own('dest-with-link');
    symlinkSync(outside, join(dest, 'etc'));
    const r = await bx(['cp', 'live:/etc', dest]);
    expect(r.code).toBe(125);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(readdirSync(outside)).toEqual([]);
  });
});

describe('cp in', () => {
  for (const name of ['live', 'dead']) {
    it(`copies into a ${name} container through its links without reaching the host`, async () => {
      const src = own(`in-${name}`, 'payload\n');
      for (const target of ['/x/pwned', '/escape/tmp/pwned', '/plant/up/tmp/pwned2']) await ok(['cp', src, `${name}:${target}`]);
      expect(existsSync('/tmp/pwned')).toBe(false);
      expect(existsSync('/tmp/pwned2')).toBe(false);
      const tar = (await bx(['cp', `${name}:/tmp/pwned`, '-'])).stdout;
      expect(tar).toContain('payload');
      // A file copied in belongs to the container's root.
      const dir = own(`tree-${name}`);
      own(`tree-${name}/sub`);
      own(`tree-${name}/sub/a`, 'a\n');
      await ok(['cp', dir, `${name}:/root/`]);
      const back = own(`back-${name}`);
      await ok(['cp', '-a', `${name}:/root/tree-${name}/sub/a`, back]);
      expect(readFileSync(join(back, 'a'), 'utf8')).toBe('a\n');
      expect(lstatSync(join(back, 'a')).uid).toBe(testUser.uid);
    });
  }

  it('reads a tar from stdin into a directory of the container', async () => {
    const tar = (await bx(['cp', 'dead:/data', '-'])).stdout;
    await ok(['cp', '-', 'live:/tmp'], { stdin: tar });
    expect(await ok(['exec', 'live', 'cat', '/tmp/data/f'])).toBe('hi\n');
  });

  it('refuses a directory over a file, and a missing container path, with one line', async () => {
    const r = await bx(['cp', own('adir'), 'live:/etc/passwd']);
    expect(r.code).toBe(125);
    expect(r.stderr).toMatch(/cannot copy a directory to the file/);
    const missing = await bx(['cp', 'live:/no/such', own('nothing')]);
    expect(missing.code).toBe(125);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('diff', () => {
  it('lists what the container added, changed and deleted, without the runtime mount points', async () => {
    const out = await ok(['diff', 'dead']);
    const lines = out.trim().split('\n');
    for (const l of ['C /bin', 'D /bin/ls', 'A /data', 'A /data/f', 'C /etc/passwd', 'A /escape', 'A /x']) expect(lines).toContain(l);
    expect(out).not.toMatch(/\/etc\/hosts|\/etc\/hostname|\/etc\/resolv.conf/);
    const json = JSON.parse(await ok(['diff', '--format', 'json', 'dead'])) as Record<string, string[]>;
    expect(json.deleted).toEqual(['/bin/ls']);
  });
});

describe('export', () => {
  it("writes the container's root file system, listing what the container sees", async () => {
    await ok(['run', '-d', '--name', 'view', IMAGE, 'sh', '-c', 'mkdir -p /srv/a && echo x > /srv/a/f && rm -r /home && sleep 600']);
    for (let i = 0; i < 100 && (await bx(['exec', 'view', 'test', '-e', '/srv/a/f'])).code !== 0; i++) await new Promise((r) => setTimeout(r, 50));
    const file = join(scratch.path, 'view.tar');
    await ok(['export', '-o', file, 'view']);
    const listed = execFileSync('tar', ['-tf', file], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map((n) => `/${n.replace(/\/$/, '')}`)
      .sort();
    const seen = (await ok(['exec', 'view', 'find', '/', '-xdev']))
      .trim()
      .split('\n')
      .filter((p) => p !== '/')
      .sort();
    expect(listed).toEqual(seen);
    expect(listed).toContain('/srv/a/f');
    expect(listed).not.toContain('/home');
    const piped = await bx(['export', 'view']);
    expect(piped.code).toBe(0);
    expect(piped.stdout).toContain('srv/a/f');
  });
});

describe('commit', () => {
  it('makes an image that runs with the change, and applies --change', async () => {
    const id = (await ok(['commit', '-q', '-c', 'CMD ["cat","/data/f"]', '-m', 'snapshot', 'dead', 'snap:1'])).trim();
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(await ok(['images', '--format', '{{.Repository}}:{{.Tag}}'])).toContain('localhost/snap:1');
    expect(await ok(['run', '--rm', 'snap:1'])).toBe('hi\n');
    const r = await bx(['run', '--rm', 'snap:1', 'sh', '-c', 'test -e /bin/ls; echo $?; tail -n1 /etc/passwd']);
    expect(r.stdout).toBe('1\nchanged\n');
  });
});
