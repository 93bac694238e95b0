// OCI bundles for the runtime suites: a busybox-static rootfs owned by the test user
// (as an unpacked image would be) and a config.json from boxctl's own spec generator,
// which each test then bends to exercise one group of fields.
import { cpSync, lchownSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { generateSpec, type SpecInput } from '../../src/engine/spec/generate.js';
import type { Spec } from '../../src/engine/spec/oci.js';
import { host } from './harness.js';

function subidStart(file: string, user: string): number {
  const line = readFileSync(file, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${user}:`));
  if (!line) throw new Error(`${user} has no range in ${file}: rerun test/host/setup.sh`);
  return Number(line.split(':')[1]);
}

export function testUserIdMap() {
  const uidStart = subidStart('/etc/subuid', host.user);
  const gidStart = subidStart('/etc/subgid', host.user);
  return {
    uidMappings: [
      { containerID: 0, hostID: host.uid, size: 1 },
      { containerID: 1, hostID: uidStart, size: 65536 },
    ],
    gidMappings: [
      { containerID: 0, hostID: host.uid, size: 1 },
      { containerID: 1, hostID: gidStart, size: 65536 },
    ],
  };
}

function chownTree(path: string, uid: number): void {
  lchownSync(path, uid, uid);
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const p = join(path, entry.name);
    if (entry.isDirectory()) chownTree(p, uid);
    else lchownSync(p, uid, uid);
  }
}

export interface Bundle {
  dir: string;
  rootfs: string;
  spec: Spec;
  /** Writes config.json; call after changing spec. */
  save(): void;
  remove(): void;
}

/** Whose bundle: the test user with its subordinate ranges, or a user with none (single-id map). */
export interface BundleOwner {
  uid: number;
  subordinate: boolean;
}

export function makeBundle(
  args: string[],
  bend: (spec: Spec) => void = () => {},
  input: Partial<SpecInput> = {},
  owner: BundleOwner = { uid: host.uid, subordinate: true },
): Bundle {
  const dir = mkdtempSync('/tmp/boxctl-bundle-');
  const rootfs = join(dir, 'rootfs');
  for (const d of ['bin', 'dev', 'proc', 'sys', 'tmp', 'etc', 'mnt', 'root', 'home/app', 'var']) mkdirSync(join(rootfs, d), { recursive: true });
  cpSync('/bin/busybox', join(rootfs, 'bin/busybox'));
  for (const a of BUSYBOX_APPLETS) symlinkSync('busybox', join(rootfs, 'bin', a));
  writeFileSync(join(rootfs, 'etc/passwd'), 'root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000:app:/home/app:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n');
  writeFileSync(join(rootfs, 'etc/group'), 'root:x:0:\napp:x:1000:\nextra:x:2000:app\nnogroup:x:65534:\n');
  chownTree(dir, owner.uid);
  const single = { containerID: 0, hostID: owner.uid, size: 1 };
  const map = owner.subordinate ? testUserIdMap() : { uidMappings: [single], gidMappings: [single] };
  // As an unpacked image would have it: a home owned by a subordinate id.
  if (owner.subordinate) lchownSync(join(rootfs, 'home/app'), map.uidMappings[1]!.hostID + 999, map.gidMappings[1]!.hostID + 999);
  const spec = generateSpec({
    id: 'bundle-test',
    rootfs,
    args,
    env: [],
    idMap: map,
    hostLimits: { nofile: { soft: 1024, hard: 4096 }, nproc: { soft: 4096, hard: 4096 } },
    arch: 'amd64',
    ...input,
  });
  bend(spec);
  const bundle: Bundle = {
    dir,
    rootfs,
    spec,
    save() {
      writeFileSync(join(dir, 'config.json'), JSON.stringify(bundle.spec, null, 2));
      lchownSync(join(dir, 'config.json'), owner.uid, owner.uid);
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
  bundle.save();
  return bundle;
}

const BUSYBOX_APPLETS = [
  'sh', 'cat', 'echo', 'id', 'ls', 'sleep', 'true', 'false', 'env', 'hostname', 'grep', 'readlink', 'touch', 'mkdir',
  'rm', 'pwd', 'mount', 'umount', 'ps', 'kill', 'stat', 'sort', 'head', 'tail', 'wc', 'tr', 'cut', 'sed', 'awk', 'test',
  'ulimit', 'umask', 'printf', 'ln', 'chmod', 'chown', 'find', 'dd', 'tty', 'stty', 'nproc', 'uname', 'dirname', 'basename',
];
