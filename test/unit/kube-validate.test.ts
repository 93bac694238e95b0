// Reading a Kubernetes file: malformed YAML in one line, the documents kept, and every
// field boxctl does not honour reported with its path, nothing else.
import { describe, expect, it } from 'vitest';

import { findingText } from '../../src/engine/kube/objects.js';
import { parseKube } from '../../src/engine/kube/parse.js';
import { validateKube } from '../../src/engine/kube/validate.js';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app
    image: busybox
`;

const findings = (text: string) => validateKube(parseKube(text, 'f.yaml')).map(findingText);

/** A Pod whose container (or spec) has `extra` added, indented into place. */
function podWith(where: 'container' | 'spec' | 'metadata', extra: string): string {
  const indent = where === 'container' ? '    ' : '  ';
  const lines = extra.split('\n').map((l) => indent + l).join('\n');
  if (where === 'container') return `${POD}${lines}\n`;
  if (where === 'spec') return POD.replace('spec:\n', `spec:\n${lines}\n`);
  return POD.replace('metadata:\n', `metadata:\n${lines}\n`);
}

describe('parse', () => {
  it('reads every document, skipping empty ones', () => {
    const docs = parseKube(`---\n${POD}---\n---\napiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data}\n`, 'f.yaml');
    expect(docs.map((d) => d.ref)).toEqual(['Pod/web', 'PersistentVolumeClaim/data']);
  });

  it('malformed YAML is one line with the file, line and column', () => {
    expect(() => parseKube('a: [1,\nb: 2\n', 'f.yaml')).toThrow(/^f\.yaml is not valid YAML at line \d+, column \d+: [^\n]+$/);
    expect(() => parseKube('a: 1\na: 2\n', 'f.yaml')).toThrow('f.yaml is not valid YAML at line 2, column 1: Map keys must be unique');
  });

  it('refuses what is no Kubernetes object, an object without a name, and an empty file', () => {
    expect(() => parseKube('- a\n- b\n', 'f.yaml')).toThrow('f.yaml: document 1 is not a Kubernetes object: it needs apiVersion and kind');
    expect(() => parseKube('apiVersion: v1\nkind: Pod\nspec: {}\n', 'f.yaml')).toThrow('f.yaml: document 1 (Pod) has no metadata.name');
    expect(() => parseKube('# nothing\n', 'f.yaml')).toThrow('f.yaml holds no Kubernetes objects');
  });

  it('reads YAML as Kubernetes does (1.1: yes is true) and bounds aliases', () => {
    const [doc] = parseKube(`${POD}    tty: yes\n`, 'f.yaml');
    expect((doc!.object.spec as { containers: { tty: unknown }[] }).containers[0]!.tty).toBe(true);
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...'bcdefghij'.split('').map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcdefghij'[i]}`).join(', ')}]`)];
    expect(() => parseKube(`apiVersion: v1\nkind: Pod\nmetadata: {name: x}\n${bomb.join('\n')}\n`, 'f.yaml')).toThrow(/f\.yaml: document 1: .*alias/i);
  });
});

describe('validate', () => {
  it('a Pod of supported fields has no findings, nor do the fields a cluster writes', () => {
    const full = `apiVersion: v1
kind: Pod
metadata:
  name: web
  creationTimestamp: "2026-01-01T00:00:00Z"
  uid: 1234
  labels: {app: web}
  annotations:
    io.podman.annotations.init/app: "TRUE"
    io.podman.annotations.userns: keep-id
    io.kubernetes.cri-o.TTY/app: "false"
    io.podman.annotations.autoremove/app: "FALSE"
spec:
  automountServiceAccountToken: false
  enableServiceLinks: false
  restartPolicy: OnFailure
  hostname: box
  hostNetwork: false
  terminationGracePeriodSeconds: 5
  dnsConfig: {nameservers: [1.1.1.1], searches: [x], options: [{name: ndots, value: "2"}]}
  hostAliases: [{ip: 10.0.0.1, hostnames: [gw]}]
  securityContext: {runAsUser: 1, runAsGroup: 1}
  containers:
  - name: app
    image: busybox
    imagePullPolicy: IfNotPresent
    command: [sh]
    args: [-c, "true"]
    workingDir: /srv
    env: [{name: A, value: b}]
    ports: [{containerPort: 80, hostPort: 8080, hostIP: 127.0.0.1, protocol: TCP, name: http}]
    volumeMounts: [{name: v, mountPath: /v, readOnly: true}]
    resources: {limits: {memory: 64Mi, cpu: 500m}}
    securityContext:
      runAsUser: 1000
      runAsGroup: 1000
      capabilities: {add: [NET_ADMIN], drop: [ALL]}
      readOnlyRootFilesystem: true
      allowPrivilegeEscalation: false
      privileged: false
      seccompProfile: {type: RuntimeDefault}
    livenessProbe: {exec: {command: ["true"]}, initialDelaySeconds: 1, periodSeconds: 2, timeoutSeconds: 3, failureThreshold: 4, successThreshold: 1}
    readinessProbe: {exec: {command: ["true"]}}
    tty: true
    stdin: true
  volumes:
  - {name: v, hostPath: {path: /srv, type: Directory}}
  - {name: w, persistentVolumeClaim: {claimName: data, readOnly: true}}
  - {name: e, emptyDir: {medium: Memory, sizeLimit: 1Mi}}
status: {phase: Running}
`;
    expect(findings(full)).toEqual([]);
  });

  it.each([
    ['container', 'livenessProbe:\n  httpGet: {path: /, port: 80}', 'spec.containers[0].livenessProbe.httpGet: not supported: only exec probes'],
    ['container', 'readinessProbe:\n  tcpSocket: {port: 80}', 'spec.containers[0].readinessProbe.tcpSocket: not supported'],
    ['container', 'startupProbe: {exec: {command: ["true"]}}', 'spec.containers[0].startupProbe: not supported'],
    ['container', 'livenessProbe: {exec: {command: ["true"]}, successThreshold: 2}', 'spec.containers[0].livenessProbe.successThreshold: 2 is not supported'],
    ['container', 'resources: {requests: {memory: 64Mi}}', 'spec.containers[0].resources.requests: not supported: requests reserve room on a node'],
    ['container', "resources: {limits: {'nvidia.com/gpu': 1}}", 'spec.containers[0].resources.limits.nvidia.com/gpu: not supported: boxctl limits memory and cpu'],
    ['container', 'env: [{name: A, valueFrom: {secretKeyRef: {name: s, key: k}}}]', 'spec.containers[0].env[0].valueFrom: not supported'],
    ['container', 'envFrom: [{configMapRef: {name: c}}]', 'spec.containers[0].envFrom: not supported'],
    ['container', 'volumeMounts: [{name: v, mountPath: /v, subPath: x}]', 'spec.containers[0].volumeMounts[0].subPath: not supported'],
    ['container', 'volumeMounts: [{name: v, mountPath: /v, mountPropagation: Bidirectional}]', 'spec.containers[0].volumeMounts[0].mountPropagation: not supported'],
    ['container', 'ports: [{containerPort: 80, protocol: SCTP}]', 'spec.containers[0].ports[0].protocol: "SCTP" is not supported: boxctl publishes TCP and UDP ports'],
    ['container', 'securityContext: {privileged: true}', 'spec.containers[0].securityContext.privileged: true is not supported'],
    ['container', 'securityContext: {runAsNonRoot: true}', 'spec.containers[0].securityContext.runAsNonRoot: not supported'],
    ['container', 'securityContext: {seccompProfile: {type: Localhost}}', 'spec.containers[0].securityContext.seccompProfile.type: "Localhost" is not supported'],
    ['container', 'securityContext: {seLinuxOptions: {level: s0}}', 'spec.containers[0].securityContext.seLinuxOptions: not supported'],
    ['container', 'lifecycle: {preStop: {exec: {command: ["true"]}}}', 'spec.containers[0].lifecycle: not supported'],
    ['container', 'terminationMessagePath: /dev/termination-log', 'spec.containers[0].terminationMessagePath: not supported'],
    ['container', 'stdinOnce: true', 'spec.containers[0].stdinOnce: not supported'],
    ['container', 'colour: blue', 'spec.containers[0].colour: unknown field: boxctl does not know it'],
    ['spec', 'initContainers: [{name: i, image: busybox}]', 'spec.initContainers: not supported: init containers'],
    ['spec', 'nodeSelector: {disk: ssd}', 'spec.nodeSelector: not supported: it places pods on a cluster’s nodes'],
    ['spec', 'tolerations: [{key: k, operator: Exists}]', 'spec.tolerations: not supported'],
    ['spec', 'affinity: {}', 'spec.affinity: not supported'],
    ['spec', 'imagePullSecrets: [{name: reg}]', 'spec.imagePullSecrets: not supported: log in to the registry with boxctl login'],
    ['spec', 'serviceAccountName: robot', 'spec.serviceAccountName: not supported'],
    ['spec', 'dnsPolicy: ClusterFirst', 'spec.dnsPolicy: not supported'],
    ['spec', 'shareProcessNamespace: true', 'spec.shareProcessNamespace: not supported'],
    ['spec', 'hostPID: true', 'spec.hostPID: not supported'],
    ['spec', 'automountServiceAccountToken: true', 'spec.automountServiceAccountToken: true is not supported'],
    ['spec', 'securityContext: {fsGroup: 2000}', 'spec.securityContext.fsGroup: not supported'],
    ['spec', 'volumes: [{name: c, configMap: {name: cm}}]', 'spec.volumes[0].configMap: not supported: boxctl has hostPath, persistentVolumeClaim and emptyDir volumes'],
    ['spec', 'volumes: [{name: c, hostPath: {path: /x, type: Weird}}]', 'spec.volumes[0].hostPath.type: "Weird" is not supported'],
    ['spec', 'volumes: [{name: c, emptyDir: {medium: HugePages}}]', 'spec.volumes[0].emptyDir.medium: "HugePages" is not supported'],
    ['metadata', 'namespace: prod', 'metadata.namespace: not supported'],
    ['metadata', 'annotations: {team: a}', 'metadata.annotations.team: not supported: boxctl containers have no annotations'],
    ['metadata', 'annotations: {io.podman.annotations.userns: auto}', "metadata.annotations.io.podman.annotations.userns: not supported: boxctl's --userns takes keep-id"],
    ['metadata', 'annotations: {io.podman.annotations.privileged/app: "TRUE"}', 'metadata.annotations.io.podman.annotations.privileged/app: not supported'],
    ['metadata', 'annotations: {io.podman.annotations.init/other: "TRUE"}', 'metadata.annotations.io.podman.annotations.init/other: not supported'],
  ] as const)('%s field %s is reported', (where, extra, expected) => {
    expect(findings(podWith(where, extra))).toEqual([`Pod/web: ${expected}`].map((e) => expect.stringContaining(e)));
  });

  it('a Deployment: replicas other than 1, rollout fields and its own labels are reported, its template like a Pod', () => {
    const dep = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, labels: {app: web}}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  strategy: {type: RollingUpdate}
  template:
    metadata: {labels: {app: web}, annotations: {x: y}}
    spec:
      containers: [{name: app, image: busybox, lifecycle: {}}]
`;
    expect(findings(dep)).toEqual([
      'Deployment/web: metadata.labels: not supported: boxctl keeps no object of this kind to label: labels of the pod template go on the containers',
      'Deployment/web: spec.replicas: 3 is not supported: boxctl runs one replica, a pod named after the Deployment',
      'Deployment/web: spec.strategy: not supported: boxctl does not roll out updates: kube play --replace recreates the pod',
      'Deployment/web: spec.template.spec.containers[0].lifecycle: not supported: postStart and preStop hooks are the kubelet’s',
      'Deployment/web: spec.template.metadata.annotations.x: not supported: boxctl containers have no annotations (docs/kube.md lists the ones it reads)',
    ]);
    expect(findings(dep.replace('replicas: 3', 'replicas: 1').replace(', labels: {app: web}}', '}').replace('  strategy: {type: RollingUpdate}\n', '').replace(', annotations: {x: y}', '').replace(', lifecycle: {}', ''))).toEqual([]);
  });

  it('a PersistentVolumeClaim: its size and class are reported; other kinds and versions too', () => {
    const pvc = `apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data, labels: {a: b}}
spec:
  accessModes: [ReadWriteOnce]
  storageClassName: fast
  resources: {requests: {storage: 1Gi}}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec: {}
---
apiVersion: v2
kind: Pod
metadata: {name: p}
spec: {containers: [{name: a, image: b}]}
`;
    expect(findings(pvc)).toEqual([
      'PersistentVolumeClaim/data: spec.storageClassName: not supported: boxctl has one kind of volume, local',
      'PersistentVolumeClaim/data: spec.resources.requests.storage: not supported: boxctl volumes have no size limit',
      'Service/web: kind Service is not supported: boxctl publishes the hostPort of each container port; a Service needs a cluster',
      'Pod/p: apiVersion: "v2" is not supported: a Pod is v1',
    ]);
  });
});
