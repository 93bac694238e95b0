// Kubernetes YAML out and in, as the unprivileged test user: a container made with
// the usual flags goes through `generate kube`, is removed, and `kube play` makes
// an equivalent one (same image, process, env, ports, mounts, user, capabilities,
// limits) that serves on its published port; `kube down` removes it. Deployments,
// a Pod of two containers sharing a network and an emptyDir, unsupported fields
// warned or refused, malformed YAML, and a failed play that leaves nothing.
import { chownSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { boxctl, host, testUser, userTempDir } from './harness.js';
import { freePort, httpText, until } from './waits.js';

const IMAGE = `${host.registry}/boxctl/busybox`;
// Short paths: the runroot holds unix sockets, whose addresses hold 107 bytes.
const scratch = userTempDir(testUser.uid);
const root = join(scratch.path, 'r');
const runroot = join(scratch.path, 'u');
const www = join(scratch.path, 'www');

const bx = (args: readonly string[], opts: { inCgroup?: boolean; stdin?: string } = {}) => boxctl(['--root', root, '--runroot', runroot, ...args], { ...testUser, ...opts });

async function ok(args: readonly string[], opts: { inCgroup?: boolean } = {}): Promise<{ stdout: string; stderr: string }> {
  const r = await bx(args, opts);
  expect(r.code, `boxctl ${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r;
}

async function inspect(name: string): Promise<Record<string, any>> {
  return (JSON.parse((await ok(['inspect', '--type', 'container', name])).stdout) as Record<string, any>[])[0]!;
}

const names = async () => (await ok(['ps', '-a', '--format', '{{.Names}}'])).stdout.split('\n').filter(Boolean).sort();
const volumes = async () => (await ok(['volume', 'ls', '-q'])).stdout.split('\n').filter(Boolean).sort();

/** A file the test user can read, in the scratch dir. */
function file(name: string, text: string): string {
  const path = join(scratch.path, name);
  writeFileSync(path, text);
  chownSync(path, testUser.uid, testUser.uid);
  return path;
}

beforeAll(async () => {
  await ok(['pull', '-q', IMAGE]);
  mkdirSync(www);
  writeFileSync(join(www, 'index.html'), 'served from the bind mount\n');
  chownSync(www, testUser.uid, testUser.uid);
}, 120_000);

afterAll(async () => {
  await bx(['rm', '-f', '--all']);
  scratch.remove();
});

describe('generate kube, then kube play', () => {
  it('gives an equivalent container: same image, command, env, ports, mounts, user, capabilities, restart policy and stop timeout, serving on the same port', async () => {
    const port = await freePort();
    await ok([
      'run', '-d', '--name', 'web', '-e', 'FOO=bar', '-e', 'REF=$(FOO) stays', '-p', `127.0.0.1:${port}:8080`,
      '-v', `${www}:/www:ro`, '-v', 'kubedata:/data', '--user', '1000:1000', '--cap-add', 'NET_ADMIN', '--cap-drop', 'CHOWN',
      '--restart', 'on-failure', '-w', '/www', '--stop-timeout', '2', IMAGE, 'httpd', '-f', '-p', '8080', '-h', '/www',
    ]);
    expect(await until('httpd', () => httpText(`http://127.0.0.1:${port}/`))).toBe('served from the bind mount\n');
    const before = await inspect('web');

    const yaml = join(scratch.path, 'web.yaml');
    const gen = await ok(['generate', 'kube', '-f', yaml, 'web']);
    expect([gen.stdout, gen.stderr]).toEqual(['', '']);
    const text = readFileSync(yaml, 'utf8');
    expect(text).toMatch(/^# Made by boxctl \S+: boxctl .*generate kube -f \S+ web\n/);
    expect(text).toContain('kind: Pod\n');
    expect(text).toContain(`hostPath:\n      path: ${www}\n      type: Directory`);
    expect(text).toContain('persistentVolumeClaim:\n      claimName: kubedata');
    const again = await bx(['generate', 'kube', '-f', yaml, 'web']);
    expect(again.code).toBe(125);
    expect(again.stderr).toMatch(/web\.yaml exists: generate kube does not replace a file/);
    // The same YAML on stdout, where --service adds a Service.
    const printed = await ok(['generate', 'kube', '--service', 'web']);
    expect(printed.stdout).toContain('kind: Service\n');
    expect(printed.stdout).toContain('type: NodePort');

    await ok(['rm', '-f', 'web']);
    const played = await ok(['kube', 'play', yaml]);
    expect(played.stdout).toMatch(/^Pod:\nweb-pod\nContainer:\n[0-9a-f]{64}\n\n$/);
    expect(played.stderr).toBe('');
    const after = await inspect('web-pod-web');

    expect(after.Image).toBe(before.Image);
    expect([after.Path, ...after.Args]).toEqual([before.Path, ...before.Args]);
    expect(after.Config.Env).toEqual(before.Config.Env);
    expect(after.Config.Env).toContain('REF=$(FOO) stays');
    expect(after.Config.User).toBe('1000:1000');
    expect(after.Config.WorkingDir).toBe('/www');
    expect(after.HostConfig.PortBindings).toEqual(before.HostConfig.PortBindings);
    expect(after.Mounts.map((m: any) => [m.Type, m.Source, m.Destination, m.RW])).toEqual(before.Mounts.map((m: any) => [m.Type, m.Source, m.Destination, m.RW]));
    expect(after.HostConfig.CapAdd).toEqual(['NET_ADMIN']);
    expect(after.HostConfig.CapDrop).toEqual(['CHOWN']);
    expect(after.HostConfig.RestartPolicy.Name).toBe('on-failure');
    expect(after.Config.StopTimeout).toBe(2);
    expect(after.Config.Labels['io.boxctl.kube.pod']).toBe('web-pod');
    expect(after.State.Status).toBe('running');
    expect(await until('httpd again', () => httpText(`http://127.0.0.1:${port}/`))).toBe('served from the bind mount\n');

    // Played once, the pod exists: a second play refuses, --replace makes it anew.
    const twice = await bx(['kube', 'play', yaml]);
    expect(twice.code).toBe(125);
    expect(twice.stderr).toMatch(/pod web-pod exists \(containers web-pod-web\): 'boxctl kube down FILE' first, or play with --replace/);
    const replaced = await ok(['kube', 'play', '--replace', yaml]);
    expect(replaced.stdout).not.toContain(after.Id);

    const down = await ok(['kube', 'down', yaml]);
    expect(down.stdout).toBe('Pods stopped:\nweb-pod\nPods removed:\nweb-pod\n');
    expect(await names()).not.toContain('web-pod-web');
    expect(await volumes()).toContain('kubedata');
    const gone = await bx(['kube', 'down', yaml]);
    expect(gone.code).toBe(125);
    expect(gone.stderr).toMatch(/^Error: no pod named web-pod was played/);
  });

  it('carries memory and cpu limits; a pids limit, which a Pod cannot say, is named on stderr', async () => {
    await ok(['create', '--name', 'lim', '-m', '64m', '--cpus', '0.5', '--pids-limit', '50', IMAGE, 'sleep', '1000'], { inCgroup: true });
    const gen = await ok(['generate', 'kube', 'lim']);
    expect(gen.stdout).toContain('resources:\n      limits:\n        memory: 64Mi\n        cpu: 500m\n');
    expect(gen.stderr).toBe("warning: lim: --pids-limit 50 has no Kubernetes field (pid limits are the node's): left out\n");
    await ok(['rm', 'lim']);
    const yaml = file('lim.yaml', gen.stdout);
    await ok(['kube', 'play', '--start=false', yaml], { inCgroup: true });
    const played = await inspect('lim-pod-lim');
    expect(played.State.Status).toBe('created');
    expect(played.HostConfig.Memory).toBe(64 * 1024 * 1024);
    expect(played.HostConfig.NanoCpus).toBe(500_000_000);
    await ok(['kube', 'down', yaml]);
    expect(await names()).not.toContain('lim-pod-lim');
  });
});

describe('kube play', () => {
  it('a Deployment is one pod named after it; replicas: 2 is reported, and one runs', async () => {
    const yaml = file(
      'dep.yaml',
      `apiVersion: apps/v1
kind: Deployment
metadata:
  name: dep
spec:
  replicas: 2
  selector: {matchLabels: {app: dep}}
  template:
    metadata: {labels: {app: dep}}
    spec:
      terminationGracePeriodSeconds: 1
      containers:
      - name: app
        image: ${IMAGE}
        command: [sleep, "1000"]
`,
    );
    const r = await ok(['kube', 'play', yaml]);
    expect(r.stdout).toMatch(/^Pod:\ndep\nContainer:\n[0-9a-f]{64}\n\n$/);
    expect(r.stderr).toBe(`warning: ${yaml}: Deployment/dep: spec.replicas: 2 is not supported: boxctl runs one replica, a pod named after the Deployment\n`);
    const c = await inspect('dep-app');
    expect(c.State.Status).toBe('running');
    expect(c.Config.Labels).toMatchObject({ app: 'dep', 'io.boxctl.kube.pod': 'dep' });
    expect(c.Config.Hostname).toBe('dep');
    expect(c.Config.StopTimeout).toBe(1);
    await ok(['kube', 'down', yaml]);
    expect(await names()).not.toContain('dep-app');
  });

  it("a Pod's containers share one network and an emptyDir: the second reaches the first on localhost; down removes both and the emptyDir", async () => {
    const before = await volumes();
    const yaml = file(
      'pair.yaml',
      `apiVersion: v1
kind: Pod
metadata: {name: pair}
spec:
  terminationGracePeriodSeconds: 1
  containers:
  - name: server
    image: ${IMAGE}
    command: [httpd, -f, -p, "8080", -h, /shared]
    volumeMounts: [{name: shared, mountPath: /shared}]
  - name: client
    image: ${IMAGE}
    command: [sh, -c, 'echo written by the client > /shared/index.html && exec sleep 1000']
    volumeMounts: [{name: shared, mountPath: /shared}]
  volumes:
  - name: shared
    emptyDir: {}
`,
    );
    const r = await ok(['kube', 'play', yaml]);
    expect(r.stdout).toMatch(/^Pod:\npair\nContainers:\n[0-9a-f]{64}\n[0-9a-f]{64}\n\n$/);
    expect((await inspect('pair-client')).HostConfig.NetworkMode).toBe('container:pair-server');
    const body = await until('the server, from the client', async () => {
      const got = await bx(['exec', 'pair-client', 'wget', '-qO-', 'http://localhost:8080/']);
      return got.code === 0 ? got.stdout : undefined;
    });
    expect(body).toBe('written by the client\n');
    expect((await volumes()).length).toBe(before.length + 1);
    expect((await ok(['kube', 'down', yaml])).stdout).toBe('Pods stopped:\npair\nPods removed:\npair\n');
    expect(await names()).not.toEqual(expect.arrayContaining(['pair-server']));
    expect(await names()).not.toEqual(expect.arrayContaining(['pair-client']));
    expect(await volumes()).toEqual(before);
  });

  const unsupported = `apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: strictvol}
spec: {accessModes: [ReadWriteOnce]}
---
apiVersion: v1
kind: Pod
metadata: {name: loose}
spec:
  terminationGracePeriodSeconds: 1
  nodeSelector: {disk: ssd}
  containers:
  - name: app
    image: ${IMAGE}
    command: [sleep, "1000"]
    resources: {requests: {memory: 64Mi}}
    livenessProbe:
      httpGet: {path: /, port: 80}
`;
  const paths = ['spec.containers[0].resources.requests', 'spec.containers[0].livenessProbe.httpGet', 'spec.nodeSelector'];

  it('unsupported fields: --validate=strict lists them all, exits 125 and makes nothing', async () => {
    const yaml = file('loose.yaml', unsupported);
    const [ctrs, vols] = [await names(), await volumes()];
    const r = await bx(['kube', 'play', '--validate=strict', yaml]);
    expect(r.code).toBe(125);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(paths.length + 1);
    for (const p of paths) expect(lines.some((l) => l.startsWith(`${yaml}: Pod/loose: ${p}: not supported`))).toBe(true);
    expect(lines.at(-1)).toBe(`Error: ${yaml} has 3 fields boxctl does not support (listed above), so nothing was made: remove them, or play with --validate=warn`);
    expect(await names()).toEqual(ctrs);
    expect(await volumes()).toEqual(vols);
  });

  it('unsupported fields: by default each is a warning and the pod runs without them', async () => {
    const yaml = file('loose.yaml', unsupported);
    const r = await ok(['kube', 'play', yaml]);
    for (const p of paths) expect(r.stderr).toContain(`warning: ${yaml}: Pod/loose: ${p}: not supported`);
    expect(r.stdout).toMatch(/^Volumes:\nstrictvol\nPod:\nloose\nContainer:\n[0-9a-f]{64}\n\n$/);
    expect((await inspect('loose-app')).State.Status).toBe('running');
    const down = await ok(['kube', 'down', '--force', yaml]);
    expect(down.stdout).toBe('Pods stopped:\nloose\nPods removed:\nloose\nVolumes removed:\nstrictvol\n');
    expect(await volumes()).not.toContain('strictvol');
  });

  it('malformed YAML is a one-line error', async () => {
    const yaml = file('bad.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers: [\n');
    const r = await bx(['kube', 'play', yaml]);
    expect(r.code).toBe(125);
    expect(r.stderr).toMatch(new RegExp(`^Error: ${yaml} is not valid YAML at line \\d+, column \\d+: [^\\n]+\\n$`));
  });

  it('a play that fails part way leaves nothing behind: no container, no volume it made', async () => {
    const [ctrs, vols] = [await names(), await volumes()];
    const yaml = file(
      'half.yaml',
      `apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: halfvol}
spec: {}
---
apiVersion: v1
kind: Pod
metadata: {name: half}
spec:
  terminationGracePeriodSeconds: 1
  containers:
  - {name: ok, image: ${IMAGE}, command: [sleep, "1000"], volumeMounts: [{name: v, mountPath: /v}, {name: e, mountPath: /e}]}
  - {name: broken, image: localhost/boxctl-test/not-there, imagePullPolicy: Never}
  volumes:
  - {name: v, persistentVolumeClaim: {claimName: halfvol}}
  - {name: e, emptyDir: {}}
`,
    );
    const r = await bx(['kube', 'play', yaml]);
    expect(r.code).toBe(125);
    expect(r.stderr).toMatch(/^Error: image localhost\/boxctl-test\/not-there is not in the local store/);
    expect(await names()).toEqual(ctrs);
    expect(await volumes()).toEqual(vols);
  });
});
