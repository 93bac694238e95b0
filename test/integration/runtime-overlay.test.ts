// The overlay root filesystem (annotation org.boxctl.rootfs.overlay): image layers
// plus a per-container upper dir, mounted inside the container's own user and mount
// namespaces only.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, lchownSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { makeBundle, type Bundle } from './bundle.js';
import { testUser } from './harness.js';
import { killAndWait, nativeRuntime, type NativeRuntime } from './native-runtime.js';

const ANNOTATION = 'org.boxctl.rootfs.overlay';

interface Layers {
  bundle: Bundle;
  top: string;
  base: string;
  upper: string;
  work: string;
  merged: string;
  options: string;
}

function put(path: string, content: string): void {
  writeFileSync(path, content);
  lchownSync(path, testUser.uid, testUser.uid);
}

/** makeBundle's busybox tree becomes the bottom layer; a small top layer shadows part of it. */
function overlayBundle(script: string): Layers {
  const bundle = makeBundle(['/bin/sh', '-c', script]);
  const at = (name: string) => join(bundle.dir, name);
  const [top, base, upper, work, merged] = ['top', 'base', 'upper', 'work', 'merged'].map(at) as [string, string, string, string, string];
  renameSync(bundle.rootfs, base);
  for (const d of [top, upper, work, merged, join(top, 'etc')]) {
    mkdirSync(d);
    chownSync(d, testUser.uid, testUser.uid);
  }
  for (const name of ['shadowed', 'hidden', 'doomed']) put(join(base, name), 'from base\n');
  put(join(top, 'shadowed'), 'from top\n');
  put(join(top, 'etc', 'only-top'), 'top only\n');
  // A whiteout already in the upper dir, as a previous run of the container leaves one.
  execFileSync('mknod', [join(upper, 'hidden'), 'c', '0', '0']);
  lchownSync(join(upper, 'hidden'), testUser.uid, testUser.uid);
  const options = `lowerdir=${top}:${base},upperdir=${upper},workdir=${work}`;
  bundle.spec.root.path = merged;
  bundle.spec.annotations = { ...bundle.spec.annotations, [ANNOTATION]: options };
  bundle.save();
  return { bundle, top, base, upper, work, merged, options };
}

function hostMountpoints(): string[] {
  return readFileSync('/proc/self/mountinfo', 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split(' ')[4]!);
}

let rt: NativeRuntime;
beforeAll(() => {
  rt = nativeRuntime();
});
afterAll(() => rt.cleanup());

describe('boxctl-runtime with an overlay root', () => {
  it('shows the merged layers, writes to the upper dir and honours whiteouts', async () => {
    const l = overlayBundle(
      [
        'cat /shadowed /etc/only-top',
        'cat /hidden 2>/dev/null || echo hidden is gone',
        'echo written > /new',
        'echo changed > /shadowed',
        'rm /doomed',
        `awk '$5 == "/" { for (i = 7; i <= NF; i++) if ($i == "-") print $(i + 1) }' /proc/self/mountinfo`,
      ].join('; '),
    );
    try {
      const r = await rt.verb('run', l.bundle.dir, 'overlay-merge');
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe('from top\ntop only\nhidden is gone\noverlay\n');
      expect(r.code).toBe(0);
      // Every write went to the upper dir; the layers are as they were.
      expect(readFileSync(join(l.upper, 'new'), 'utf8')).toBe('written\n');
      expect(readFileSync(join(l.upper, 'shadowed'), 'utf8')).toBe('changed\n');
      expect(readFileSync(join(l.top, 'shadowed'), 'utf8')).toBe('from top\n');
      expect(readFileSync(join(l.base, 'doomed'), 'utf8')).toBe('from base\n');
      const doomed = statSync(join(l.upper, 'doomed'));
      expect(doomed.isCharacterDevice() && doomed.rdev === 0).toBe(true);
      expect(existsSync(join(l.base, 'new'))).toBe(false);
      // The mount lived and died with the container's namespaces.
      expect(readdirSync(l.merged)).toEqual([]);
      expect(hostMountpoints()).not.toContain(l.merged);
    } finally {
      l.bundle.remove();
    }
  });

  it('mounts only inside the container: the host sees nothing on root.path while it runs', async () => {
    const l = overlayBundle('cat /shadowed');
    try {
      const created = await rt.verb('create', l.bundle.dir, 'overlay-live');
      expect(created).toMatchObject({ code: 0, stderr: '' });
      const pid = rt.initPid();
      try {
        expect(hostMountpoints()).not.toContain(l.merged);
        expect(readdirSync(l.merged)).toEqual([]);
        // The container's own view: its root is the overlay, with the layers as given.
        const root = readFileSync(`/proc/${pid}/mountinfo`, 'utf8')
          .split('\n')
          .find((line) => line.split(' ')[4] === '/');
        expect(root).toMatch(/ - overlay overlay /);
        expect(root).toContain(`upperdir=${l.upper}`);
        expect(root).toContain('userxattr');
      } finally {
        await killAndWait(pid);
      }
      expect(hostMountpoints()).not.toContain(l.merged);
    } finally {
      l.bundle.remove();
    }
  });

  it.each([
    ['a relative path', (o: string) => o.replace('upperdir=/', 'upperdir='), /upperdir: '.*' is not an absolute path/],
    ['an option other than the three', (o: string) => `${o},index=on`, /unknown option 'index=on': only lowerdir=, upperdir= and workdir= are allowed/],
    ['a missing workdir', (o: string) => o.replace(/,workdir=.*$/, ''), /workdir is missing/],
    ['a comma or colon inside a path', (o: string) => o.replace('upperdir=/', 'upperdir=/x:y/'), /upperdir: '\/x:y\/.*' has a character overlayfs cannot take/],
    ['an empty layer', (o: string) => o.replace('lowerdir=', 'lowerdir=:'), /lowerdir: '' is not an absolute path/],
    ['a layer given twice as an option', (o: string) => `lowerdir=/a,${o}`, /lowerdir is given twice/],
  ])('refuses %s in the annotation', async (_what, bend, message) => {
    const l = overlayBundle('echo ran');
    l.bundle.spec.annotations![ANNOTATION] = bend(l.options);
    l.bundle.save();
    try {
      const r = await rt.verb('run', l.bundle.dir, 'overlay-bad');
      expect(r.code).toBe(125);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`config.json: annotations.${ANNOTATION}: `);
      expect(r.stderr).toMatch(message);
      expect(readdirSync(l.upper)).toEqual(['hidden']);
    } finally {
      l.bundle.remove();
    }
  });
});
