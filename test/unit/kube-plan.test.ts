// kube play's plan: each Pod field to the CreateRequest `run -d` would make, the
// network a Pod's containers share, Deployments and claims, value errors before
// anything exists, and a generated Pod read back to the same container.
import { describe, expect, it } from 'vitest';

import { generatePod, renderKube } from '../../src/engine/kube/generate.js';
import { findingText } from '../../src/engine/kube/objects.js';
import { parseKube } from '../../src/engine/kube/parse.js';
import { claimNames, planKube, podNames } from '../../src/engine/kube/plan.js';
import { validateKube } from '../../src/engine/kube/validate.js';
import { PATH, source } from './kube-fixtures.js';

const plan = (text: string) => planKube(parseKube(text, 'f.yaml'), 'f.yaml');
const pod = (spec: string, meta = '') => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n${meta}spec:\n${spec}`;
const first = (text: string) => plan(text).pods[0]!.containers[0]!;

describe('a container', () => {
  it('gets the defaults a Pod implies: its name, the pod label, the pod name as hostname, restart always', () => {
    const c = first(pod('  containers:\n  - name: app\n    image: busybox\n'));
    expect(c.name).toBe('web-app');
    expect(c.emptyDirs).toEqual([]);
    expect(c.request).toEqual({
      image: 'busybox',
      command: [],
      name: 'web-app',
      env: [],
      labels: { 'io.boxctl.kube.pod': 'web' },
      mounts: [],
      workdir: undefined,
      user: undefined,
      hostname: 'web',
      terminal: false,
      stdin: false,
      readOnly: false,
      init: false,
      keepId: false,
      capAdd: [],
      capDrop: [],
      security: { noNewPrivileges: false, seccomp: { kind: 'default' } },
      pull: 'missing',
      autoRemove: false,
      restart: { name: 'always' },
      stopTimeout: undefined,
      health: undefined,
      log: {},
      network: undefined,
      ports: [],
      publishAll: false,
      dns: { servers: [], search: [], options: [] },
      addHosts: [],
      noHosts: false,
    });
  });

  it('maps every supported field', () => {
    const text = pod(
      `  restartPolicy: OnFailure
  hostname: box
  terminationGracePeriodSeconds: 3
  dnsConfig: {nameservers: [1.1.1.1], searches: [example.org], options: [{name: ndots, value: "2"}, {name: rotate}]}
  hostAliases: [{ip: 10.0.0.5, hostnames: [db, cache]}]
  securityContext: {runAsGroup: 7}
  containers:
  - name: app
    image: busybox
    imagePullPolicy: Always
    command: [/bin/sh, -c]
    args: ['echo $(GREETING) $$(HOME)']
    workingDir: /srv
    env:
    - {name: WHO, value: world}
    - {name: GREETING, value: hello $(WHO)}
    - {name: EMPTY}
    ports:
    - {containerPort: 80, hostPort: 8080, hostIP: 127.0.0.1}
    - {containerPort: 53, hostPort: 5353, protocol: UDP}
    - {containerPort: 443, hostPort: 8443, hostIP: "::1"}
    - {containerPort: 9000}
    resources: {limits: {memory: 64Mi, cpu: 500m}}
    securityContext:
      runAsUser: 1000
      capabilities: {add: [NET_ADMIN], drop: [CHOWN]}
      readOnlyRootFilesystem: true
      allowPrivilegeEscalation: false
      seccompProfile: {type: Unconfined}
    livenessProbe: {exec: {command: [wget, -q, localhost]}, initialDelaySeconds: 2, periodSeconds: 5, timeoutSeconds: 3, failureThreshold: 4}
    tty: true
    stdin: true
`,
      '  labels: {tier: front}\n  annotations: {io.podman.annotations.init/app: "TRUE", io.podman.annotations.userns: keep-id}\n',
    );
    expect(first(text).request).toMatchObject({
      image: 'busybox',
      entrypoint: '/bin/sh',
      command: ['-c', 'echo hello world $(HOME)'],
      env: ['WHO=world', 'GREETING=hello world', 'EMPTY='],
      labels: { tier: 'front', 'io.boxctl.kube.pod': 'web' },
      workdir: '/srv',
      user: '1000:7',
      hostname: 'box',
      terminal: true,
      stdin: true,
      readOnly: true,
      init: true,
      keepId: true,
      capAdd: ['NET_ADMIN'],
      capDrop: ['CHOWN'],
      security: { noNewPrivileges: true, seccomp: { kind: 'unconfined' } },
      pull: 'always',
      restart: { name: 'on-failure' },
      memory: 64 * 1024 * 1024,
      cpu: { quota: 50_000, period: 100_000 },
      stopTimeout: 3,
      health: { test: ['wget', '-q', 'localhost'], intervalMs: 5000, timeoutMs: 3000, retries: 4, startPeriodMs: 2000, onFailure: 'kill' },
      ports: ['127.0.0.1:8080:80/tcp', '5353:53/udp', '[::1]:8443:443/tcp'],
      dns: { servers: ['1.1.1.1'], search: ['example.org'], options: ['ndots:2', 'rotate'] },
      addHosts: ['db:10.0.0.5', 'cache:10.0.0.5'],
    });
  });

  it("a readinessProbe reports only; Kubernetes' probe defaults apply; with a livenessProbe it is reported", () => {
    expect(first(pod('  containers:\n  - name: a\n    image: b\n    readinessProbe: {exec: {command: ["true"]}}\n')).request.health).toEqual({
      test: ['true'],
      intervalMs: 10_000,
      timeoutMs: 1000,
      retries: 3,
      startPeriodMs: 0,
      onFailure: 'none',
    });
    const both = plan(pod('  containers:\n  - name: a\n    image: b\n    livenessProbe: {exec: {command: ["true"]}}\n    readinessProbe: {exec: {command: ["false"]}}\n'));
    expect(both.pods[0]!.containers[0]!.request.health?.test).toEqual(['true']);
    expect(both.findings.map(findingText)).toEqual([
      'Pod/web: spec.containers[0].readinessProbe: not supported next to a livenessProbe: a container has one healthcheck, the livenessProbe’s',
    ]);
  });

  it('restartPolicy Never is restart no; a runAsGroup without runAsUser is reported', () => {
    const p = plan(pod('  restartPolicy: Never\n  containers:\n  - name: a\n    image: b\n    securityContext: {runAsGroup: 5}\n'));
    expect(p.pods[0]!.containers[0]!.request).toMatchObject({ restart: { name: 'no' }, user: undefined });
    expect(p.findings.map(findingText)).toEqual([
      'Pod/web: spec.containers[0].securityContext.runAsGroup: not supported without runAsUser: boxctl sets a group together with a user',
    ]);
  });
});

describe('volumes', () => {
  const text = pod(`  containers:
  - name: a
    image: b
    volumeMounts:
    - {name: host, mountPath: /www, readOnly: true}
    - {name: claim, mountPath: /data}
    - {name: scratch, mountPath: /scratch}
    - {name: mem, mountPath: /run/mem}
  - name: c
    image: b
    volumeMounts:
    - {name: scratch, mountPath: /in}
    - {name: roclaim, mountPath: /ro}
  volumes:
  - {name: host, hostPath: {path: /srv/www/, type: DirectoryOrCreate}}
  - {name: claim, persistentVolumeClaim: {claimName: data}}
  - {name: roclaim, persistentVolumeClaim: {claimName: data, readOnly: true}}
  - {name: scratch, emptyDir: {}}
  - {name: mem, emptyDir: {medium: Memory, sizeLimit: 1Mi}}
`);

  it('hostPath binds, a claim mounts its named volume, emptyDir one anonymous volume the pod shares, Memory a tmpfs', () => {
    const [a, c] = plan(text).pods[0]!.containers;
    expect(a!.request.mounts).toEqual([
      { type: 'bind', source: '/srv/www', destination: '/www', readOnly: true },
      { type: 'volume', source: 'data', destination: '/data', readOnly: false },
      { type: 'volume', destination: '/scratch', readOnly: false },
      { type: 'tmpfs', destination: '/run/mem', readOnly: false, options: ['size=1048576'] },
    ]);
    expect(a!.emptyDirs).toEqual([{ mount: 2, volume: 'scratch' }]);
    expect(c!.request.mounts).toEqual([
      { type: 'volume', destination: '/in', readOnly: false },
      { type: 'volume', source: 'data', destination: '/ro', readOnly: true },
    ]);
    expect(c!.emptyDirs).toEqual([{ mount: 0, volume: 'scratch' }]);
    expect(plan(text).pods[0]!.hostPaths).toEqual([{ path: '/srv/www', type: 'DirectoryOrCreate' }]);
  });

  it('a Memory emptyDir that several containers mount is reported: each gets its own tmpfs', () => {
    const shared = text.replace('- {name: roclaim, mountPath: /ro}', '- {name: mem, mountPath: /m}');
    expect(plan(shared).findings.map(findingText)).toEqual([
      'Pod/web: spec.volumes[4].emptyDir.medium: not supported for a volume several containers mount: each gets a tmpfs of its own',
    ]);
  });

  it('a mount of a volume that is not there, a relative path, a bad claim name: errors', () => {
    expect(() => plan(pod('  containers:\n  - name: a\n    image: b\n    volumeMounts: [{name: nope, mountPath: /x}]\n'))).toThrow(
      "f.yaml: Pod/web: spec.containers[0].volumeMounts[0].name: no volume nope in the pod's volumes",
    );
    expect(() => plan(pod('  containers: [{name: a, image: b}]\n  volumes: [{name: h, hostPath: {path: srv}}]\n'))).toThrow(
      'f.yaml: Pod/web: spec.volumes[0].hostPath.path: must be an absolute path',
    );
    expect(() => plan(pod('  containers: [{name: a, image: b}]\n  volumes: [{name: h, persistentVolumeClaim: {claimName: ../x}}]\n'))).toThrow(
      /spec\.volumes\[0\]\.persistentVolumeClaim\.claimName: invalid volume name/,
    );
  });
});

describe('pods', () => {
  it("the containers of a Pod share the first one's network, which publishes every hostPort", () => {
    const p = plan(
      pod(`  containers:
  - {name: web, image: b, ports: [{containerPort: 80, hostPort: 8080}]}
  - {name: side, image: b, ports: [{containerPort: 9090, hostPort: 9090}, {containerPort: 1}]}
`),
    ).pods[0]!;
    expect(p.containers.map((c) => [c.name, c.request.network, c.request.ports])).toEqual([
      ['web-web', undefined, ['8080:80/tcp', '9090:9090/tcp']],
      ['web-side', 'container:web-web', []],
    ]);
  });

  it('hostNetwork: every container on the host, no ports published, a hostPort unlike the containerPort reported', () => {
    const p = plan(pod('  hostNetwork: true\n  containers:\n  - {name: a, image: b, ports: [{containerPort: 80, hostPort: 8080}, {containerPort: 81, hostPort: 81}]}\n  - {name: c, image: b}\n'));
    expect(p.pods[0]!.containers.map((c) => [c.request.network, c.request.ports, c.request.hostname])).toEqual([
      ['host', [], undefined],
      ['host', [], undefined],
    ]);
    expect(p.findings.map(findingText)).toEqual(['Pod/web: spec.containers[0].ports[0].hostPort: not supported with hostNetwork: the container listens on the host’s port itself']);
  });

  it('a Deployment is one pod named after it, from its template; a claim a named volume with its labels', () => {
    const text = `apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data, labels: {keep: "yes"}}
spec: {accessModes: [ReadWriteOnce]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: shop}
spec:
  replicas: 3
  selector: {matchLabels: {app: shop}}
  template:
    metadata: {labels: {app: shop}}
    spec:
      containers: [{name: api, image: b}]
`;
    const p = plan(text);
    expect(p.volumes).toEqual([{ name: 'data', labels: { keep: 'yes' } }]);
    expect(p.pods.map((x) => [x.name, x.containers.map((c) => c.name), x.containers[0]!.request.labels])).toEqual([
      ['shop', ['shop-api'], { app: 'shop', 'io.boxctl.kube.pod': 'shop' }],
    ]);
    const docs = parseKube(text, 'f.yaml');
    expect(podNames(docs)).toEqual(['shop']);
    expect(claimNames(docs)).toEqual(['data']);
  });

  it.each([
    [pod('  containers: []\n'), 'f.yaml: Pod/web: spec.containers: a Pod needs at least one container'],
    [pod('  containers: [{name: a}]\n'), 'f.yaml: Pod/web: spec.containers[0].image: is required'],
    [pod('  containers: [{name: a, image: b}, {name: a, image: b}]\n'), 'f.yaml: Pod/web: spec.containers[1].name: the container name a is used twice in the pod'],
    [pod('  containers: [{name: a/b, image: b}]\n'), "f.yaml: Pod/web: spec.containers[0].name: invalid container name 'web-a/b'"],
    [pod('  restartPolicy: Sometimes\n  containers: [{name: a, image: b}]\n'), 'f.yaml: Pod/web: spec.restartPolicy: use Always, OnFailure or Never'],
    [pod('  containers: [{name: a, image: b, ports: [{containerPort: 80a}]}]\n'), 'spec.containers[0].ports[0].containerPort: expected a whole number from 1 to 65535, got "80a"'],
    [pod('  containers: [{name: a, image: b, ports: [{hostPort: 80}]}]\n'), 'spec.containers[0].ports[0].containerPort: is required'],
    [pod('  containers: [{name: a, image: b, env: [{name: A, value: 1}]}]\n'), 'spec.containers[0].env[0].value: expected a string, got 1'],
    [pod('  containers: [{name: a, image: b, command: sh}]\n'), 'spec.containers[0].command: expected a list of strings, got "sh"'],
    [pod('  containers: [{name: a, image: b, resources: {limits: {memory: 1Mi}}}]\n'), 'spec.containers[0].resources.limits.memory: invalid memory limit'],
    [pod('  containers: [{name: a, image: b, resources: {limits: {cpu: 1m}}}]\n'), 'spec.containers[0].resources.limits.cpu: is below the least boxctl can set, 10m'],
    [pod('  containers: [{name: a, image: b, resources: {limits: {memory: lots}}}]\n'), "f.yaml: Pod/web: spec.containers[0].resources.limits.memory: 'lots' is not a quantity"],
    [pod('  containers: [{name: a, image: b, imagePullPolicy: Sometimes}]\n'), 'spec.containers[0].imagePullPolicy: use Always, IfNotPresent or Never'],
    [pod('  containers: [{name: a, image: b}]\n', '  labels: {num: 1}\n'), 'metadata.labels.num: expected a string, got 1 (quote it)'],
    [`${pod('  containers: [{name: a, image: b}]\n')}---\n${pod('  containers: [{name: a, image: b}]\n')}`, 'f.yaml: Pod/web: a pod named web comes twice'],
  ])('refuses a bad value before anything is made: %#', (text, message) => {
    expect(() => plan(text)).toThrow(message);
  });
});

describe('generate, then play', () => {
  it('gives back the same image, process, env, ports, mounts, user, limits, restart and healthcheck, with no findings', () => {
    const src = source(
      {
        command: ['/bin/sh', '-c', 'httpd -f -p 8080 -h /www; echo $(date)'],
        entrypoint: ['/bin/sh'],
        env: [PATH, 'IMG=1', 'FOO=bar', 'REF=$(FOO)'],
        ports: ['127.0.0.1:18080:8080/tcp', '5353:53/udp'],
        mounts: [
          { type: 'bind', source: '/srv/www', destination: '/www', readOnly: true },
          { type: 'volume', source: 'data', destination: '/data', readOnly: false },
        ],
        user: '1000:1000',
        capAdd: ['NET_ADMIN'],
        capDrop: ['CHOWN'],
        limits: { memory: 64 * 1024 * 1024, nanoCpus: 5e8 },
        restart: { name: 'on-failure' },
        health: { test: ['/bin/sh', '-c', 'true'], intervalMs: 5000, timeoutMs: 1000, retries: 2, startPeriodMs: 0, onFailure: 'kill' },
        workdir: '/www',
        stopTimeout: 4,
      },
      { uid: 1000, gid: 1000, readOnlyRoot: true, noNewPrivileges: true },
      { Env: ['IMG=1'], Cmd: ['sh'] },
    );
    const { pod: generated, findings } = generatePod([src], { hostPathType: () => 'Directory', anonymousVolumes: new Set(), now: new Date(0) });
    expect(findings).toEqual([]);
    const text = renderKube([generated], { version: '0', command: 'boxctl generate kube web' });
    const docs = parseKube(text, 'web.yaml');
    expect(validateKube(docs)).toEqual([]);
    const p = planKube(docs, 'web.yaml');
    expect(p.findings).toEqual([]);
    const { request } = p.pods[0]!.containers[0]!;
    expect([request.entrypoint, ...request.command]).toEqual(src.record.command);
    expect(request).toMatchObject({
      name: 'web-pod-web',
      image: '127.0.0.1:5000/boxctl/busybox:latest',
      env: ['FOO=bar', 'REF=$(FOO)'],
      ports: ['127.0.0.1:18080:8080/tcp', '5353:53/udp'],
      mounts: src.record.mounts,
      user: '1000:1000',
      capAdd: ['NET_ADMIN'],
      capDrop: ['CHOWN'],
      readOnly: true,
      security: { noNewPrivileges: true, seccomp: { kind: 'default' } },
      memory: 64 * 1024 * 1024,
      cpu: { quota: 50_000, period: 100_000 },
      restart: { name: 'on-failure' },
      health: src.record.health,
      workdir: '/www',
      stopTimeout: 4,
    });
  });
});
