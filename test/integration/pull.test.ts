// Pulling and managing images as the unprivileged test user, against the local
// registry and images that umoci and skopeo wrote.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { inject } from 'vitest';

import { boxctl, host, nosubUser, testUser, userEnv, userTempDir } from './harness.js';

const REG = host.registry;
const store = userTempDir(testUser.uid);
afterAll(() => store.remove());

let root = '';
let n = 0;
beforeEach(() => {
  root = join(store.path, `root-${n++}`);
});

const bx = (args: string[]) => boxctl(['--root', root, ...args], testUser);

async function registryJson(path: string, accept: string): Promise<{ digest: string; body: Record<string, unknown> }> {
  const r = await fetch(`http://${REG}/v2/${path}`, { headers: { Accept: accept } });
  return { digest: r.headers.get('docker-content-digest')!, body: (await r.json()) as Record<string, unknown> };
}

async function configDigest(repo: string): Promise<string> {
  const m = await registryJson(`${repo}/manifests/latest`, 'application/vnd.oci.image.manifest.v1+json');
  return (m.body.config as { digest: string }).digest;
}

function layerDirs(): string[] {
  return readdirSync(join(root, 'storage', 'layers')).sort();
}

describe('boxctl pull', () => {
  it('pulls a one-layer image and lists it', async () => {
    const r = await bx(['pull', `${REG}/boxctl/busybox`]);
    expect(r.stderr).toContain(`Trying to pull ${REG}/boxctl/busybox:latest...`);
    expect(r.code).toBe(0);
    expect(`sha256:${r.stdout.trim()}`).toBe(await configDigest('boxctl/busybox'));
    const images = await bx(['images', '--format', 'json']);
    const rows = JSON.parse(images.stdout) as { Repository: string; Tag: string; Id: string }[];
    expect(rows).toEqual([expect.objectContaining({ Repository: `${REG}/boxctl/busybox`, Tag: 'latest', Id: r.stdout.trim() })]);
    const table = await bx(['images']);
    expect(table.stdout).toMatch(new RegExp(`^REPOSITORY\\s+TAG\\s+IMAGE ID\\s+CREATED\\s+SIZE\\n${REG.replace(/\./g, '\\.')}/boxctl/busybox\\s+latest\\s+${r.stdout.slice(0, 12)}`));
    // The layer belongs to the user's namespace: busybox owned by container root.
    const diff = join(root, 'storage', 'layers', layerDirs()[0]!, 'diff');
    expect(statSync(join(diff, 'bin', 'busybox')).uid).toBe(testUser.uid);
  });

  it('stores a shared layer once and never fetches a present layer again', async () => {
    expect((await bx(['pull', '-q', `${REG}/boxctl/busybox`])).code).toBe(0);
    const layered = await bx(['pull', `${REG}/boxctl/layers`]);
    expect(layered.code).toBe(0);
    expect(layered.stderr.match(/skipped: already exists/g)).toHaveLength(1);
    expect(layered.stderr.match(/Copying blob \w+ done/g)).toHaveLength(2);
    expect(layerDirs()).toHaveLength(3);
    const again = await bx(['pull', `${REG}/boxctl/layers`]);
    expect(again.stderr.match(/skipped: already exists/g)).toHaveLength(3);
    expect(again.stderr).not.toMatch(/Copying blob \w+ done/);
  });

  it('chooses the platform from a multi-platform index', async () => {
    const amd = await bx(['pull', '-q', `${REG}/boxctl/multi`]);
    expect(amd.code).toBe(0);
    // The amd64 entry is byte for byte the busybox image.
    expect(`sha256:${amd.stdout.trim()}`).toBe(await configDigest('boxctl/busybox'));
    const arm = await bx(['pull', '-q', '--platform', 'linux/arm64', `${REG}/boxctl/multi:latest`]);
    expect(arm.code).toBe(0);
    expect(arm.stdout).not.toBe(amd.stdout);
    const inspect = JSON.parse((await bx(['image', 'inspect', arm.stdout.trim()])).stdout) as { Architecture: string; RepoTags: string[] }[];
    expect(inspect[0]).toMatchObject({ Architecture: 'arm64', RepoTags: [`${REG}/boxctl/multi:latest`] });
    const none = await bx(['pull', '--platform', 'linux/s390x', `${REG}/boxctl/multi`]);
    expect(none.code).toBe(125);
    expect(none.stderr.trim().split('\n').at(-1)).toMatch(/^Error: .*linux\/amd64.*linux\/arm64/);
  });

  it('inspects, tags and removes, freeing only unshared layers', async () => {
    await bx(['pull', '-q', `${REG}/boxctl/busybox`]);
    await bx(['pull', '-q', `${REG}/boxctl/layers`]);
    const inspect = JSON.parse((await bx(['image', 'inspect', `${REG}/boxctl/layers`])).stdout) as { Config: { Cmd: string[] }; RootFS: { Layers: string[] } }[];
    expect(inspect[0]!.Config.Cmd).toEqual(['/bin/sh']);
    expect(inspect[0]!.RootFS.Layers).toHaveLength(3);

    expect((await bx(['tag', `${REG}/boxctl/layers`, 'mine:1'])).code).toBe(0);
    const untag = await bx(['rmi', 'mine:1']);
    expect(untag.stdout).toBe('Untagged: localhost/mine:1\n');
    expect(layerDirs()).toHaveLength(3);

    const rm = await bx(['rmi', `${REG}/boxctl/layers`]);
    expect(rm.code).toBe(0);
    expect(rm.stdout).toMatch(/^Untagged: .*\nDeleted: [0-9a-f]{64}\n$/);
    // The busybox layer is still used by busybox; the two others are gone, even
    // though their files belong to subordinate ids.
    expect(layerDirs()).toHaveLength(1);
    expect(readdirSync(join(root, 'storage', 'tmp')).filter((n) => n.startsWith('removing-'))).toEqual([]);
  });

  it('refuses bad names and missing images with one line and exit 125', async () => {
    const bad = await bx(['pull', 'Not/Valid:??']);
    expect(bad.code).toBe(125);
    expect(bad.stderr).toMatch(/^Error: invalid image reference 'Not\/Valid:\?\?': .+\n$/);
    const missing = await bx(['pull', `${REG}/boxctl/nope`]);
    expect(missing.code).toBe(125);
    expect(missing.stderr.trim().split('\n').at(-1)).toMatch(/^Error: .*not found/);
    const down = await bx(['pull', '127.0.0.1:1/boxctl/busybox']);
    expect(down.code).toBe(125);
    expect(down.stderr.trim().split('\n').at(-1)).toMatch(/^Error: cannot reach 127\.0\.0\.1:1/);
    expect((await bx(['rmi', 'nothing-here'])).stderr).toMatch(/^Error: image 'nothing-here' is not in the local store/);
  });

  it('fetches anew a kept blob that a crash left short, and unpacks the whole one', async () => {
    expect((await bx(['pull', '-q', `${REG}/boxctl/busybox`])).code).toBe(0);
    expect((await bx(['rmi', `${REG}/boxctl/busybox`])).code).toBe(0);
    const manifest = await registryJson('boxctl/busybox/manifests/latest', 'application/vnd.oci.image.manifest.v1+json');
    const layer = (manifest.body.layers as { digest: string; size: number }[])[0]!;
    const blob = join(root, 'storage', 'blobs', 'sha256', layer.digest.slice('sha256:'.length));
    truncateSync(blob, layer.size >> 1);
    const again = await bx(['pull', `${REG}/boxctl/busybox`]);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/Copying blob \w+ done/);
    expect(`sha256:${createHash('sha256').update(readFileSync(blob)).digest('hex')}`).toBe(layer.digest);
    expect(layerDirs()).toHaveLength(1);
  });

  it('pulls two images that share a layer at once, fetching it once', async () => {
    const [a, b] = await Promise.all([bx(['pull', `${REG}/boxctl/busybox`]), bx(['pull', `${REG}/boxctl/layers`])]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const downloads = `${a.stderr}${b.stderr}`.match(/Copying blob \w+ done/g) ?? [];
    expect(downloads).toHaveLength(3);
    expect(layerDirs()).toHaveLength(3);
    const rows = JSON.parse((await bx(['images', '--format', 'json'])).stdout) as unknown[];
    expect(rows).toHaveLength(2);
  });

  it('survives a kill -9 at any moment of a pull: no half image, and the next pull completes', async () => {
    for (const delay of [150, 300, 450, 600]) {
      const child = spawn('runuser', ['-u', testUser.user, '--', 'env', '-i', ...userEnv(testUser.user, testUser.uid), process.execPath, join(inject('appDir'), 'dist', 'boxctl.js'), '--root', root, 'pull', `${REG}/boxctl/layers`], { stdio: 'ignore' });
      const exited = new Promise((r) => child.on('exit', r));
      await new Promise((r) => setTimeout(r, delay));
      // runuser forwards nothing on SIGKILL: kill the pull itself (and only this test's,
      // matched by its store), with its worker children.
      spawn('pkill', ['-KILL', '-u', testUser.user, '-f', `root ${root} pull`]);
      spawn('pkill', ['-KILL', '-u', testUser.user, '-f', 'unpack-worker.js']);
      await exited;
      const rows = JSON.parse((await bx(['images', '--format', 'json'])).stdout) as { Repository: string }[];
      expect(rows.every((r) => r.Repository === `${REG}/boxctl/layers`)).toBe(true);
    }
    const done = await bx(['pull', `${REG}/boxctl/layers`]);
    expect(done.code).toBe(0);
    expect(layerDirs()).toHaveLength(3);
    // Leftovers of the killed pulls were swept.
    expect(readdirSync(join(root, 'storage', 'tmp')).filter((n) => !n.endsWith('.lock'))).toEqual([]);
  });
});

describe('image exists, untag, history and prune', () => {
  it('answer for scripts and leave the store consistent', async () => {
    expect((await bx(['image', 'exists', `${REG}/boxctl/layers`])).code).toBe(1);
    await bx(['pull', '-q', `${REG}/boxctl/layers`]);
    expect((await bx(['image', 'exists', `${REG}/boxctl/layers`])).code).toBe(0);
    const history = await bx(['image', 'history', '--format', 'json', `${REG}/boxctl/layers`]);
    expect(history.code).toBe(0);
    expect((JSON.parse(history.stdout) as unknown[]).length).toBeGreaterThan(0);

    expect((await bx(['untag', `${REG}/boxctl/layers`])).code).toBe(0);
    const dangling = JSON.parse((await bx(['images', '--format', 'json', '--filter', 'dangling=true'])).stdout) as { Repository: string }[];
    expect(dangling).toEqual([expect.objectContaining({ Repository: '<none>' })]);
    const pruned = await bx(['image', 'prune']);
    expect(pruned.stdout.trim()).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.parse((await bx(['images', '--format', 'json'])).stdout)).toEqual([]);
    expect(layerDirs()).toEqual([]);
  });
});

describe('layer formats', () => {
  it.each([
    ['zstd layers', 'boxctl/layers-zstd'],
    ['a Docker schema 2 manifest', 'boxctl/layers-docker'],
  ])('pulls %s and unpacks the very same layers', async (_what, repo) => {
    const r = await bx(['pull', `${REG}/${repo}`]);
    expect(r.code).toBe(0);
    expect(r.stderr.match(/Copying blob \w+ done/g)).toHaveLength(3);
    // Same diff ids as the gzip OCI original: its pull finds every layer present.
    const original = await bx(['pull', `${REG}/boxctl/layers`]);
    expect(original.stderr.match(/skipped: already exists/g)).toHaveLength(3);
    expect(layerDirs()).toHaveLength(3);
  });
});

describe('rmi racing a pull', () => {
  it('never leaves an image whose layers are gone', async () => {
    for (let round = 0; round < 3; round++) {
      root = join(store.path, `race-${round}`);
      expect((await bx(['pull', '-q', `${REG}/boxctl/busybox`])).code).toBe(0);
      // The busybox layer is shared: rmi wants to free it while the pull counts on it.
      const [pulled, removed] = await Promise.all([bx(['pull', '-q', `${REG}/boxctl/layers`]), bx(['rmi', `${REG}/boxctl/busybox`])]);
      expect([pulled.code, removed.code]).toEqual([0, 0]);
      await expectEveryLayerPresent();
      // And the same image: rmi while it is being pulled either finds nothing yet or removes it whole.
      const [again, gone] = await Promise.all([bx(['pull', '-q', `${REG}/boxctl/busybox`]), bx(['rmi', `${REG}/boxctl/busybox`])]);
      expect(again.code).toBe(0);
      expect([0, 125]).toContain(gone.code);
      await expectEveryLayerPresent();
    }
  });
});

async function expectEveryLayerPresent(): Promise<void> {
  const rows = JSON.parse((await bx(['images', '--format', 'json'])).stdout) as { Id: string }[];
  for (const row of rows) {
    const [image] = JSON.parse((await bx(['image', 'inspect', row.Id])).stdout) as { RootFS: { Layers: string[] } }[];
    for (const diffId of image!.RootFS.Layers) {
      expect(statSync(join(root, 'storage', 'layers', diffId.slice(7), 'diff')).isDirectory()).toBe(true);
    }
  }
}

describe('a user without subordinate ids', () => {
  it('pulls in single-id mode: ownership squashed, said, and shown by inspect', async () => {
    const own = userTempDir(nosubUser.uid);
    try {
      const r = await boxctl(['--root', own.path, 'pull', `${REG}/boxctl/layers`], nosubUser);
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(/Note: .*single-id/i);
      const [image] = JSON.parse((await boxctl(['--root', own.path, 'image', 'inspect', `${REG}/boxctl/layers`], nosubUser)).stdout) as { SingleIdMode: boolean; RootFS: { Layers: string[] } }[];
      expect(image!.SingleIdMode).toBe(true);
      const owned = join(own.path, 'storage', 'layers', image!.RootFS.Layers[1]!.slice(7), 'diff', 'data', 'owned-1234');
      expect([statSync(owned).uid, statSync(owned).gid]).toEqual([nosubUser.uid, nosubUser.uid]);
    } finally {
      own.remove();
    }
  });
});
