import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

import { boxctl, host, nosubUser, runAs, testUser, userTempDir } from './harness.js';

function range(file: string, user: string): string {
  const line = readFileSync(file, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${user}:`));
  if (!line) throw new Error(`${user} has no range in ${file}`);
  const [, start, count] = line.split(':');
  return `1 ${start} ${count}`;
}

const mapLines = (text: string): string[] => text.trim().split('\n').map((l) => l.trim().split(/\s+/).join(' '));

describe('boxctl unshare as the test user', () => {
  const scratch = userTempDir(testUser.uid);
  afterAll(() => scratch.remove());

  it('runs the command as root with the full mapping', async () => {
    const uid = await boxctl(['unshare', 'cat', '/proc/self/uid_map'], testUser);
    expect(uid).toMatchObject({ code: 0, stderr: '' });
    expect(mapLines(uid.stdout)).toEqual([`0 ${host.uid} 1`, range('/etc/subuid', host.user)]);
    const gid = await boxctl(['unshare', 'cat', '/proc/self/gid_map'], testUser);
    expect(mapLines(gid.stdout)).toEqual([`0 ${host.uid} 1`, range('/etc/subgid', host.user)]);
    const id = await boxctl(['unshare', '--', 'id', '-u'], testUser);
    expect(id.stdout).toBe('0\n');
  });

  it('tells the command where it runs, and gives it its own mount namespace', async () => {
    const r = await boxctl(['unshare', '--', 'sh', '-c', 'echo $BOXCTL_UNSHARE; readlink /proc/self/ns/mnt; readlink /proc/self/ns/user'], testUser);
    expect(r.code).toBe(0);
    const [flag, mnt, user] = r.stdout.trim().split('\n');
    expect(flag).toBe('1');
    const outside = await runAs(['sh', '-c', 'readlink /proc/self/ns/mnt; readlink /proc/self/ns/user'], testUser);
    const [hostMnt, hostUser] = outside.stdout.trim().split('\n');
    expect(mnt).not.toBe(hostMnt);
    expect(user).not.toBe(hostUser);
  });

  it('removes with rm -rf a tree owned by subordinate ids, which plain rm cannot', async () => {
    const tree = join(scratch.path, 'tree');
    const made = await boxctl(['unshare', '--', 'sh', '-c', `mkdir -p ${tree}/sub && touch ${tree}/sub/f && chown -R 1000:1000 ${tree}/sub`], testUser);
    expect(made.code).toBe(0);
    expect(statSync(join(tree, 'sub')).uid).not.toBe(testUser.uid);
    const plain = await runAs(['rm', '-rf', tree], testUser);
    expect(plain.code).not.toBe(0);
    expect(existsSync(join(tree, 'sub', 'f'))).toBe(true);
    const r = await boxctl(['unshare', '--', 'rm', '-rf', tree], testUser);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(existsSync(tree)).toBe(false);
  });

  it("exits with the command's status, 127 for a missing command and 126 for one that cannot run", async () => {
    expect((await boxctl(['unshare', '--', 'sh', '-c', 'exit 7'], testUser)).code).toBe(7);
    expect((await boxctl(['unshare', 'false'], testUser)).code).toBe(1);
    const missing = await boxctl(['unshare', 'no-such-command-here'], testUser);
    expect(missing.code).toBe(127);
    expect(missing.stderr).toBe('boxctl-unshare: no-such-command-here: No such file or directory\n');
    expect((await boxctl(['unshare', '/etc/passwd'], testUser)).code).toBe(126);
    // Killed by a signal: 128 + N, as a shell reports it.
    expect((await boxctl(['unshare', '--', 'sh', '-c', 'kill -TERM $$'], testUser)).code).toBe(143);
  });

  it("passes the command's arguments through untouched, options and number-like words too", async () => {
    const r = await boxctl(['unshare', 'printf', '%s|', 'a b', '-x', '--long', '007', '1e3', '0x10'], testUser);
    expect(r.stdout).toBe('a b|-x|--long|007|1e3|0x10|');
    const dashed = await boxctl(['unshare', '--', 'printf', '%s|', '--', 'y'], testUser);
    expect(dashed.stdout).toBe('--|y|');
  });

  it('runs $SHELL without a command', async () => {
    const r = await boxctl(['unshare'], { ...testUser, env: { SHELL: '/bin/sh' }, stdin: 'id -u; echo $BOXCTL_UNSHARE\n' });
    expect(r).toMatchObject({ code: 0, stdout: '0\n1\n' });
  });

  it('refuses to nest', async () => {
    const r = await boxctl(['unshare', 'true'], { ...testUser, env: { BOXCTL_UNSHARE: '1' } });
    expect(r).toMatchObject({ code: 125, stderr: "Error: already inside 'boxctl unshare': run the command directly\n" });
  });
});

describe('boxctl unshare without subordinate ids', () => {
  it('maps only the own id, with a warning', async () => {
    const r = await boxctl(['unshare', 'cat', '/proc/self/uid_map'], nosubUser);
    expect(r.code).toBe(0);
    expect(mapLines(r.stdout)).toEqual([`0 ${host.nosubUid} 1`]);
    expect(r.stderr).toMatch(/^warning: no subordinate ids for you in \/etc\/subuid and \/etc\/subgid/);
  });
});
