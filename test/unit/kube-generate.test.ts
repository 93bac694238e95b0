// generate kube in a pure function: each setting of a container to its Pod field,
// only what differs from the image, and a finding for everything a Pod cannot say.
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

import type { ContainerRecord } from '../../src/engine/container/record.js';
import { generatePod, generateService, renderKube, type GenerateHost, type GenerateSource, type SpecFacts } from '../../src/engine/kube/generate.js';
import { findingText, type Pod } from '../../src/engine/kube/objects.js';
import { PATH, source } from './kube-fixtures.js';

const host: GenerateHost = {
  hostPathType: (p) => (p.endsWith('.conf') ? 'File' : p === '/missing' ? 'DirectoryOrCreate' : 'Directory'),
  anonymousVolumes: new Set(['f00d', 'cafe']),
  now: new Date('2026-02-03T04:05:06.789Z'),
};

const gen = (...sources: GenerateSource[]) => generatePod(sources, host);
const one = (over: Partial<ContainerRecord> = {}, spec: Partial<SpecFacts> = {}, image?: GenerateSource['imageConfig']) => {
  const { pod, findings } = gen(source(over, spec, image));
  return { pod, c: pod.spec.containers[0]!, notes: findings.map(findingText) };
};

describe('the Pod', () => {
  it("is a v1 Pod named after the container, as Podman names it, with the app label and the time", () => {
    const { pod, c, notes } = one();
    expect(pod.apiVersion).toBe('v1');
    expect(pod.kind).toBe('Pod');
    expect(pod.metadata).toEqual({ name: 'web-pod', creationTimestamp: '2026-02-03T04:05:06Z', labels: { app: 'web-pod' } });
    expect(c).toEqual({ name: 'web', image: '127.0.0.1:5000/boxctl/busybox:latest' });
    expect(pod.spec.restartPolicy).toBe('Never');
    expect(notes).toEqual([]);
  });

  it('a container of a played pod keeps its pod and its own name', () => {
    const { pod, c } = one({ name: 'shop-web', labels: { 'io.boxctl.kube.pod': 'shop' }, hostname: 'shop' });
    expect(pod.metadata.name).toBe('shop');
    expect(c.name).toBe('web');
    expect(pod.metadata.labels).toEqual({ app: 'shop' });
    expect(pod.spec.hostname).toBeUndefined();
  });

  it('names that Kubernetes refuses become DNS labels, with a note', () => {
    const { pod, c, notes } = one({ name: 'My_App.1' });
    expect(pod.metadata.name).toBe('my-app-1-pod');
    expect(c.name).toBe('my-app-1');
    expect(notes).toEqual(["My_App.1: named my-app-1 in the Pod: Kubernetes names are lowercase letters, digits and '-'"]);
  });

  it('renders YAML 1.1 with a header naming boxctl and the command, strings that look like numbers quoted', () => {
    const { pod } = one({ env: [PATH, 'V=0777', 'B=yes'], command: ['sleep', '1000'] });
    const text = renderKube([pod], { version: '1.2.3', command: 'boxctl generate kube web' });
    expect(text.split('\n').slice(0, 3)).toEqual([
      '# Made by boxctl 1.2.3: boxctl generate kube web',
      "# Run it here with 'boxctl kube play FILE', or in Kubernetes with 'kubectl create -f FILE'.",
      '---',
    ]);
    expect(text).toContain('value: "0777"');
    expect(text).toContain('value: "yes"');
    expect(text).toContain('- "1000"');
    expect(text).toContain('  containers:\n  - name: web');
    expect(parse(text, { version: '1.1' })).toEqual(JSON.parse(JSON.stringify(pod)));
  });
});

describe('containers', () => {
  it("writes only the env that differs from the image's, without what boxctl adds itself", () => {
    const { c } = one({ env: [PATH, 'IMG=1', 'FOO=bar', 'X=$(FOO)', 'TERM=xterm'], terminal: true }, {}, { Env: ['IMG=1'] });
    expect(c.env).toEqual([
      { name: 'FOO', value: 'bar' },
      { name: 'X', value: '$$(FOO)' },
    ]);
    expect(c.tty).toBe(true);
  });

  it("writes the image's PATH replaced by the user", () => {
    const { c } = one({ env: ['PATH=/opt/bin'] }, {}, { Env: ['PATH=/usr/bin'] });
    expect(c.env).toEqual([{ name: 'PATH', value: '/opt/bin' }]);
  });

  it('writes command and args as Kubernetes splits them', () => {
    expect(one({ command: ['httpd', '-f', '-p', '80'], cmd: ['httpd', '-f', '-p', '80'] }).c).toMatchObject({ args: ['httpd', '-f', '-p', '80'] });
    const c = one({ command: ['/bin/sh', '-c', 'httpd -f'], entrypoint: ['/bin/sh'] }).c;
    expect(c.command).toEqual(['/bin/sh']);
    expect(c.args).toEqual(['-c', 'httpd -f']);
  });

  it('writes every published port, ranges one by one, with the host address and UDP', () => {
    const { c } = one({ ports: ['127.0.0.1:8080:80/tcp', '9000-9001:7000-7001/tcp', '5353:53/udp', '[::1]:8443:443/tcp'] });
    expect(c.ports).toEqual([
      { containerPort: 80, hostPort: 8080, hostIP: '127.0.0.1' },
      { containerPort: 7000, hostPort: 9000 },
      { containerPort: 7001, hostPort: 9001 },
      { containerPort: 53, hostPort: 5353, protocol: 'UDP' },
      { containerPort: 443, hostPort: 8443, hostIP: '::1' },
    ]);
  });

  it('bind mounts become hostPath volumes, named volumes persistentVolumeClaims, anonymous ones emptyDirs, tmpfs a Memory emptyDir', () => {
    const { pod, c, notes } = one(
      {
        mounts: [
          { type: 'bind', source: '/srv/www', destination: '/www', readOnly: true },
          { type: 'bind', source: '/etc/app.conf', destination: '/app.conf', readOnly: false },
          { type: 'bind', source: '/', destination: '/host', readOnly: true },
          { type: 'volume', source: 'data', destination: '/data', readOnly: false },
          { type: 'volume', source: 'f00d', destination: '/cache', readOnly: false },
          { type: 'volume', source: 'cafe', destination: '/var/lib/img', readOnly: false },
          { type: 'tmpfs', destination: '/run/t', readOnly: false, options: ['size=65536'] },
        ],
      },
      {},
      { Volumes: { '/var/lib/img': {} } },
    );
    expect(c.volumeMounts).toEqual([
      { name: 'srv-www-host', mountPath: '/www', readOnly: true },
      { name: 'etc-app-conf-host', mountPath: '/app.conf' },
      { name: 'root-host', mountPath: '/host', readOnly: true },
      { name: 'data-pvc', mountPath: '/data' },
      { name: 'web-cache', mountPath: '/cache' },
      { name: 'web-run-t-tmpfs', mountPath: '/run/t' },
    ]);
    expect(pod.spec.volumes).toEqual([
      { name: 'srv-www-host', hostPath: { path: '/srv/www', type: 'Directory' } },
      { name: 'etc-app-conf-host', hostPath: { path: '/etc/app.conf', type: 'File' } },
      { name: 'root-host', hostPath: { path: '/', type: 'Directory' } },
      { name: 'data-pvc', persistentVolumeClaim: { claimName: 'data' } },
      { name: 'web-cache', emptyDir: {} },
      { name: 'web-run-t-tmpfs', emptyDir: { medium: 'Memory', sizeLimit: '65536' } },
    ]);
    expect(notes).toEqual([]);
  });

  it('mount options a volumeMount cannot hold are named', () => {
    const { notes } = one({ mounts: [{ type: 'bind', source: '/srv', destination: '/srv', readOnly: false, options: ['nosuid', 'Z', 'rshared'] }] });
    expect(notes).toEqual(['web: the options nosuid,rshared of the mount at /srv have no Kubernetes field: left out']);
  });

  it('limits become resources.limits; a pids limit has no field and is named', () => {
    const { c, notes } = one({ limits: { memory: 64 * 1024 * 1024, nanoCpus: 1.5e9, pidsLimit: 100 } });
    expect(c.resources).toEqual({ limits: { memory: '64Mi', cpu: '1500m' } });
    expect(notes).toEqual(["web: --pids-limit 100 has no Kubernetes field (pid limits are the node's): left out"]);
  });

  it('the security settings become the securityContext', () => {
    const { c, notes } = one(
      { user: '1000:1000', capAdd: ['net_admin', 'CAP_SYS_TIME'], capDrop: ['CHOWN'] },
      { uid: 1000, gid: 1000, readOnlyRoot: true, noNewPrivileges: true, seccomp: 'unconfined' },
    );
    expect(c.securityContext).toEqual({
      runAsUser: 1000,
      runAsGroup: 1000,
      capabilities: { add: ['NET_ADMIN', 'SYS_TIME'], drop: ['CHOWN'] },
      readOnlyRootFilesystem: true,
      allowPrivilegeEscalation: false,
      seccompProfile: { type: 'Unconfined' },
    });
    expect(notes).toEqual([]);
  });

  it("a user name becomes its resolved uid; the image's own user is not written; a custom seccomp profile is named", () => {
    expect(one({ user: 'nobody' }, { uid: 65534, gid: 65534 }).c.securityContext).toEqual({ runAsUser: 65534 });
    expect(one({ user: 'app' }, { uid: 100 }, { User: 'app' }).c.securityContext).toBeUndefined();
    expect(one({}, { seccomp: 'custom' }).notes).toEqual([
      'web: a seccomp profile from a file has no portable Kubernetes field (Localhost profiles live on each node): left out',
    ]);
  });

  it('a healthcheck becomes a probe: kill a livenessProbe, none a readinessProbe, the others a livenessProbe with a note', () => {
    const health = { test: ['/bin/sh', '-c', 'wget -q localhost'], intervalMs: 5000, timeoutMs: 2000, retries: 4, startPeriodMs: 1000, onFailure: 'kill' as const };
    const probe = { exec: { command: ['/bin/sh', '-c', 'wget -q localhost'] }, initialDelaySeconds: 1, periodSeconds: 5, timeoutSeconds: 2, failureThreshold: 4 };
    expect(one({ health }).c.livenessProbe).toEqual(probe);
    expect(one({ health: { ...health, onFailure: 'none' } }).c.readinessProbe).toEqual(probe);
    const restart = one({ health: { ...health, onFailure: 'restart', intervalMs: 1500 } });
    expect(restart.c.livenessProbe?.periodSeconds).toBe(2);
    expect(restart.notes).toEqual([
      'web: --health-on-failure=restart has no Kubernetes field: written as a livenessProbe, whose failure kills the container and leaves the rest to restartPolicy',
      'web: healthcheck times are whole seconds in Kubernetes: rounded up',
    ]);
  });

  it("workingDir only when it differs from the image's, / included", () => {
    expect(one({ workdir: '/srv' }).c.workingDir).toBe('/srv');
    expect(one({ workdir: '/srv' }, {}, { WorkingDir: '/srv' }).c.workingDir).toBeUndefined();
    expect(one({}, {}, { WorkingDir: '/srv' }).c.workingDir).toBe('/');
  });

  it('stdin and tty', () => {
    expect(one({ stdin: true, terminal: true, env: [PATH, 'TERM=xterm'] }).c).toMatchObject({ stdin: true, tty: true });
  });
});

describe('pod-wide settings', () => {
  it('restart policies map to restartPolicy, with notes where Kubernetes has less', () => {
    expect(one({ restart: { name: 'always' } }).pod.spec.restartPolicy).toBe('Always');
    expect(one({ restart: { name: 'on-failure' } }).pod.spec.restartPolicy).toBe('OnFailure');
    const unless = one({ restart: { name: 'unless-stopped' } });
    expect(unless.pod.spec.restartPolicy).toBe('Always');
    expect(unless.notes).toEqual(['web: --restart unless-stopped is written as Always, the nearest Kubernetes has']);
    expect(one({ restart: { name: 'on-failure', maxRetries: 3 } }).notes).toEqual([
      'web: --restart on-failure:3: Kubernetes has no retry count, OnFailure retries for ever',
    ]);
  });

  it('hostname, host network, DNS, hosts and stop timeout', () => {
    const { pod } = one({
      hostname: 'box',
      network: 'host',
      dns: { servers: ['1.1.1.1'], search: ['example.org'], options: ['ndots:2', 'rotate'] },
      addHosts: ['db:10.0.0.5', 'cache:10.0.0.5', 'gw:10.0.0.1'],
      stopTimeout: 30,
    });
    expect(pod.spec).toMatchObject({
      hostname: 'box',
      hostNetwork: true,
      dnsConfig: { nameservers: ['1.1.1.1'], searches: ['example.org'], options: [{ name: 'ndots', value: '2' }, { name: 'rotate' }] },
      hostAliases: [
        { ip: '10.0.0.5', hostnames: ['db', 'cache'] },
        { ip: '10.0.0.1', hostnames: ['gw'] },
      ],
      terminationGracePeriodSeconds: 30,
    });
  });

  it("--init and keep-id become Podman's annotations", () => {
    const { pod } = one({}, { init: true, keepId: true });
    expect(pod.metadata.annotations).toEqual({ 'io.podman.annotations.init/web': 'TRUE', 'io.podman.annotations.userns': 'keep-id' });
  });

  it("labels not the image's and not boxctl's own go on the Pod; invalid ones are named", () => {
    const { pod, notes } = one(
      { labels: { tier: 'front', 'from.image': 'x', 'io.boxctl.systemd.unit': 'u.service', url: 'https://example.org/a' } },
      {},
      { Labels: { 'from.image': 'x' } },
    );
    expect(pod.metadata.labels).toEqual({ app: 'web-pod', tier: 'front' });
    expect(notes).toEqual(['web: the label url=https://example.org/a is not a valid Kubernetes label: left out']);
  });

  it('names what no Pod field holds', () => {
    const { notes } = one({ autoRemove: true, log: { maxSize: 1000 }, stopSignal: 2, noHosts: true, network: 'slirp4netns:allow_host_loopback=true' });
    expect(notes).toEqual([
      'web: --rm has no Kubernetes field: left out',
      'web: --log-opt has no Kubernetes field (logs are the node’s): left out',
      'web: --stop-signal 2 has no Kubernetes field: left out',
      'web: --no-hosts has no Kubernetes field: left out',
      'web: --network slirp4netns:allow_host_loopback=true has no Kubernetes field: the Pod gets the default network',
    ]);
    expect(one({ stopSignal: 3 }, {}, { StopSignal: 'SIGQUIT' }).notes).toEqual([]);
  });
});

describe('several containers', () => {
  const web = source({ name: 'web', restart: { name: 'always' }, mounts: [{ type: 'volume', source: 'data', destination: '/data', readOnly: false }] });
  const side = source({
    id: 'b'.repeat(64),
    name: 'side',
    network: 'container:web',
    restart: { name: 'no' },
    mounts: [{ type: 'volume', source: 'data', destination: '/in', readOnly: true }],
  });

  it('the network owner comes first; a volume two containers mount is one entry; differing pod-wide settings are named', () => {
    const { pod, findings } = gen(side, web);
    expect(pod.metadata.name).toBe('web-pod');
    expect(pod.spec.containers.map((c) => c.name)).toEqual(['web', 'side']);
    expect(pod.spec.volumes).toEqual([{ name: 'data-pvc', persistentVolumeClaim: { claimName: 'data' } }]);
    expect(pod.spec.containers[1]!.volumeMounts).toEqual([{ name: 'data-pvc', mountPath: '/in', readOnly: true }]);
    expect(pod.spec.restartPolicy).toBe('Always');
    expect(findings.map(findingText)).toEqual(["side: the restart policy differs from web's, and a Pod has one: web's is written"]);
  });

  it('containers with networks of their own are told they will share one; one joined to a container elsewhere too', () => {
    const other = source({ id: 'c'.repeat(64), name: 'db', restart: { name: 'always' } });
    const lone = source({ id: 'd'.repeat(64), name: 'lone', network: 'container:elsewhere', restart: { name: 'always' } });
    const { findings } = gen(web, other, lone);
    expect(findings.map(findingText)).toEqual([
      "db: has a network of its own, but the containers of a Pod share one (web's at kube play): their ports must not clash",
      "lone: shares the network of elsewhere, which is not in this Pod: it gets the Pod's network",
    ]);
  });

  it('two containers of one name get distinct names', () => {
    const a = source({ name: 'A' });
    const b = source({ id: 'e'.repeat(64), name: 'a' });
    expect(gen(a, b).pod.spec.containers.map((c) => c.name)).toEqual(['a', 'a-1']);
  });
});

describe('--service', () => {
  it('a NodePort Service for the published ports, selecting the Pod by its app label', () => {
    const { pod } = one({ ports: ['8080:80/tcp', '5353:53/udp'] });
    const service = generateService(pod as Pod, () => 0.5);
    expect(service).toEqual({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web-pod', creationTimestamp: '2026-02-03T04:05:06Z', labels: { app: 'web-pod' } },
      spec: {
        ports: [
          { name: '80', port: 80, targetPort: 80, nodePort: 31384 },
          { name: '53-udp', port: 53, targetPort: 53, nodePort: 31384, protocol: 'UDP' },
        ],
        selector: { app: 'web-pod' },
        type: 'NodePort',
      },
    });
  });
});
