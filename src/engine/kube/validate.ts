// Every field of a Kubernetes file walked against what boxctl knows of the API:
// fields it maps (plan.ts reads those), fields it knows but cannot honour here
// (with the reason), fields a cluster sets that say nothing to do (accepted), and
// fields it does not know at all. The last two kinds of the first are reported, so
// that `kube play` never drops a field without a word; docs/kube.md lists them.
import { INIT_ANNOTATION, USERNS_ANNOTATION, type Finding } from './objects.js';
import { isObject, type KubeDocument } from './parse.js';

type Rule =
  /** Mapped; plan.ts checks its value. */
  | { t: 'leaf' }
  | { t: 'object'; fields: Readonly<Record<string, Rule>>; other?: Rule }
  | { t: 'list'; item: Rule }
  /** Known, not honoured here. */
  | { t: 'no'; why: string }
  /** Written by a cluster, asks nothing: accepted as it is. */
  | { t: 'ignored' }
  /** Honoured for some values only. */
  | { t: 'only'; ok: (v: unknown) => boolean; why: string };

const leaf: Rule = { t: 'leaf' };
const ignored: Rule = { t: 'ignored' };
const obj = (fields: Record<string, Rule>, other?: Rule): Rule => ({ t: 'object', fields, ...(other ? { other } : {}) });
const list = (item: Rule): Rule => ({ t: 'list', item });
const no = (why: string): Rule => ({ t: 'no', why });
const only = (ok: (v: unknown) => boolean, why: string): Rule => ({ t: 'only', ok, why });
const is = (...values: unknown[]) => (v: unknown) => values.includes(v);

const CLUSTER = 'it places pods on a cluster’s nodes; boxctl runs them on this machine';

const probe = obj({
  exec: obj({ command: leaf }),
  httpGet: no('only exec probes become a healthcheck (an HTTP check would need a client in the image)'),
  tcpSocket: no('only exec probes become a healthcheck'),
  grpc: no('only exec probes become a healthcheck'),
  initialDelaySeconds: leaf,
  periodSeconds: leaf,
  timeoutSeconds: leaf,
  failureThreshold: leaf,
  successThreshold: only(is(1), 'a healthcheck counts one success as healthy'),
  terminationGracePeriodSeconds: no('the stop timeout is the Pod’s terminationGracePeriodSeconds'),
});

const capabilities = obj({ add: leaf, drop: leaf });

const containerSecurity = obj({
  runAsUser: leaf,
  runAsGroup: leaf,
  capabilities,
  readOnlyRootFilesystem: leaf,
  allowPrivilegeEscalation: leaf,
  privileged: only(is(false), 'boxctl runs containers rootless, without privileged mode: add the capabilities needed'),
  seccompProfile: obj({
    type: only(is('RuntimeDefault', 'Unconfined'), 'Localhost profiles: create with --security-opt seccomp=FILE instead'),
    localhostProfile: no('Localhost profiles: create with --security-opt seccomp=FILE instead'),
  }),
  runAsNonRoot: no('the kubelet’s check of the image user: set runAsUser instead'),
  seLinuxOptions: no('boxctl does not label containers for SELinux'),
  appArmorProfile: no('boxctl does not confine containers with AppArmor'),
  procMount: no('boxctl masks /proc as the default procMount does'),
  windowsOptions: no('boxctl runs Linux containers'),
});

const container = obj({
  name: leaf,
  image: leaf,
  imagePullPolicy: leaf,
  command: leaf,
  args: leaf,
  workingDir: leaf,
  ports: list(
    obj({
      containerPort: leaf,
      hostPort: leaf,
      hostIP: leaf,
      name: leaf,
      protocol: only(is('TCP', 'UDP'), 'boxctl publishes TCP and UDP ports'),
    }),
  ),
  env: list(obj({ name: leaf, value: leaf, valueFrom: no('values from ConfigMaps, Secrets and fields need a cluster: give value') })),
  envFrom: no('environment from ConfigMaps and Secrets needs a cluster: list the variables under env'),
  volumeMounts: list(
    obj({
      name: leaf,
      mountPath: leaf,
      readOnly: leaf,
      subPath: no('boxctl mounts whole volumes'),
      subPathExpr: no('boxctl mounts whole volumes'),
      mountPropagation: no('boxctl mounts volumes private'),
      recursiveReadOnly: no('read-only mounts are read-only as a whole'),
    }),
  ),
  volumeDevices: no('boxctl has no block volumes'),
  resources: obj({
    limits: obj({ memory: leaf, cpu: leaf }, no('boxctl limits memory and cpu')),
    requests: no('requests reserve room on a node; boxctl enforces limits only'),
    claims: no('dynamic resource claims need a cluster'),
  }),
  resizePolicy: no('boxctl does not resize running containers'),
  securityContext: containerSecurity,
  livenessProbe: probe,
  readinessProbe: probe,
  startupProbe: no('a startup probe: use initialDelaySeconds of the liveness probe'),
  lifecycle: no('postStart and preStop hooks are the kubelet’s'),
  tty: leaf,
  stdin: leaf,
  stdinOnce: no('stdin closes when boxctl attach ends, not after the first attach'),
  terminationMessagePath: no('termination messages are the kubelet’s'),
  terminationMessagePolicy: no('termination messages are the kubelet’s'),
  restartPolicy: no('per-container restart policies (sidecars): the Pod’s restartPolicy applies to each container'),
});

const podSecurity = obj(
  { runAsUser: leaf, runAsGroup: leaf },
  no('boxctl takes runAsUser and runAsGroup from a Pod’s securityContext; set the rest on each container'),
);

const hostPathTypes = ['', 'DirectoryOrCreate', 'Directory', 'FileOrCreate', 'File', 'Socket', 'CharDevice', 'BlockDevice'];

const volume = obj(
  {
    name: leaf,
    hostPath: obj({ path: leaf, type: only(is(...hostPathTypes), `types are ${hostPathTypes.filter(Boolean).join(', ')}`) }),
    persistentVolumeClaim: obj({ claimName: leaf, readOnly: leaf }),
    emptyDir: obj({ medium: only(is('', 'Memory'), 'the medium is the disk or Memory'), sizeLimit: leaf }),
  },
  no('boxctl has hostPath, persistentVolumeClaim and emptyDir volumes'),
);

const podSpec = obj({
  containers: list(container),
  initContainers: no('init containers: run them first with boxctl run'),
  ephemeralContainers: no('debug containers: use boxctl exec'),
  volumes: list(volume),
  restartPolicy: leaf,
  terminationGracePeriodSeconds: leaf,
  hostname: leaf,
  hostNetwork: leaf,
  hostAliases: list(obj({ ip: leaf, hostnames: leaf })),
  dnsConfig: obj({ nameservers: leaf, searches: leaf, options: list(obj({ name: leaf, value: leaf })) }),
  dnsPolicy: no('the DNS policy is a cluster’s: give dnsConfig'),
  securityContext: podSecurity,
  automountServiceAccountToken: only(is(false), 'service account tokens need a cluster'),
  enableServiceLinks: only(is(false), 'service links need a cluster'),
  serviceAccountName: no('service accounts need a cluster'),
  serviceAccount: no('service accounts need a cluster'),
  imagePullSecrets: no('log in to the registry with boxctl login'),
  nodeSelector: no(CLUSTER),
  nodeName: no(CLUSTER),
  affinity: no(CLUSTER),
  tolerations: no(CLUSTER),
  schedulerName: no(CLUSTER),
  priorityClassName: no(CLUSTER),
  priority: no(CLUSTER),
  preemptionPolicy: no(CLUSTER),
  topologySpreadConstraints: no(CLUSTER),
  runtimeClassName: no('boxctl has one runtime'),
  overhead: no(CLUSTER),
  schedulingGates: no(CLUSTER),
  readinessGates: no(CLUSTER),
  activeDeadlineSeconds: no('boxctl does not end pods after a deadline'),
  shareProcessNamespace: no('the containers of a Pod share the network only'),
  hostPID: no('boxctl containers have a pid namespace of their own'),
  hostIPC: no('boxctl containers have an IPC namespace of their own'),
  hostUsers: no('boxctl containers always have a user namespace'),
  setHostnameAsFQDN: no('boxctl sets the hostname as given'),
  subdomain: no('pod DNS names need a cluster'),
  os: no('boxctl runs Linux containers'),
  resourceClaims: no('dynamic resource claims need a cluster'),
});

/** What a cluster writes into an object; nothing for boxctl to do. */
const clusterMeta = {
  creationTimestamp: ignored,
  uid: ignored,
  resourceVersion: ignored,
  generation: ignored,
  managedFields: ignored,
  selfLink: ignored,
};

const podMetadata = obj({
  name: leaf,
  labels: leaf,
  annotations: leaf,
  namespace: no('namespaces are a cluster’s; boxctl names containers after the pod'),
  generateName: no('give the pod a name'),
  ownerReferences: no('boxctl keeps no owners'),
  finalizers: no('boxctl keeps no finalizers'),
  ...clusterMeta,
});

const objectMetadata = obj({
  name: leaf,
  namespace: no('namespaces are a cluster’s'),
  labels: no('boxctl keeps no object of this kind to label: labels of the pod template go on the containers'),
  annotations: no('boxctl keeps no object of this kind to annotate'),
  ...clusterMeta,
});

const deployment = obj({
  apiVersion: only(is('apps/v1'), 'boxctl reads apps/v1 Deployments'),
  kind: leaf,
  metadata: objectMetadata,
  spec: obj({
    replicas: only(is(1), 'boxctl runs one replica, a pod named after the Deployment'),
    selector: leaf,
    template: obj({ metadata: obj({ name: ignored, labels: leaf, annotations: leaf, ...clusterMeta }), spec: podSpec }),
    strategy: no('boxctl does not roll out updates: kube play --replace recreates the pod'),
    minReadySeconds: no('boxctl does not roll out updates'),
    revisionHistoryLimit: no('boxctl keeps no revisions'),
    progressDeadlineSeconds: no('boxctl does not roll out updates'),
    paused: no('boxctl does not roll out updates'),
  }),
  status: ignored,
});

const pod = obj({
  apiVersion: only(is('v1'), 'a Pod is v1'),
  kind: leaf,
  metadata: podMetadata,
  spec: podSpec,
  status: ignored,
});

const claim = obj({
  apiVersion: only(is('v1'), 'a PersistentVolumeClaim is v1'),
  kind: leaf,
  metadata: obj({
    name: leaf,
    labels: leaf,
    namespace: no('namespaces are a cluster’s'),
    annotations: no('boxctl volumes take no driver options'),
    ...clusterMeta,
  }),
  spec: obj({
    accessModes: leaf,
    resources: obj({ requests: obj({ storage: no('boxctl volumes have no size limit') }), limits: no('boxctl volumes have no size limit') }),
    storageClassName: no('boxctl has one kind of volume, local'),
    volumeMode: only(is('Filesystem'), 'boxctl volumes are directories'),
    volumeName: no('the volume is the claim’s name'),
    selector: no('the volume is the claim’s name'),
    dataSource: no('boxctl volumes start empty'),
    dataSourceRef: no('boxctl volumes start empty'),
  }),
  status: ignored,
});

const KINDS: Readonly<Record<string, Rule>> = { Pod: pod, Deployment: deployment, PersistentVolumeClaim: claim };

const KIND_WHY: Readonly<Record<string, string>> = {
  Service: 'boxctl publishes the hostPort of each container port; a Service needs a cluster',
  ConfigMap: 'give the values in env instead',
  Secret: 'give the values in env instead',
};

/** The container names of a Pod spec, for the annotations that name one. */
function containerNames(spec: unknown): string[] {
  const list = isObject(spec) && Array.isArray(spec.containers) ? spec.containers : [];
  return list.flatMap((c) => (isObject(c) && typeof c.name === 'string' ? [c.name] : []));
}

const TTY_ANNOTATION = 'io.kubernetes.cri-o.TTY';
/** Podman writes these with FALSE; TRUE asks for what boxctl maps elsewhere or not at all. */
const PODMAN_FALSE = ['io.podman.annotations.autoremove', 'io.podman.annotations.privileged', 'io.podman.annotations.publish-all'];

/** Annotations boxctl reads (docs/kube.md); any other would be lost, since containers carry none. */
function checkAnnotations(annotations: unknown, names: readonly string[], path: string, out: (path: string, message: string) => void): void {
  if (!isObject(annotations)) return;
  for (const [key, value] of Object.entries(annotations)) {
    const slash = key.indexOf('/');
    const [base, target] = slash < 0 ? [key, undefined] : [key.slice(0, slash), key.slice(slash + 1)];
    const where = `${path}.${key}`;
    const forContainer = target !== undefined && names.includes(target);
    if (base === USERNS_ANNOTATION && target === undefined) {
      if (value !== 'keep-id' && value !== '') out(where, `not supported: boxctl's --userns takes keep-id`);
    } else if ((base === INIT_ANNOTATION || base === TTY_ANNOTATION) && forContainer) {
      continue;
    } else if (PODMAN_FALSE.includes(base) && forContainer) {
      if (String(value).toLowerCase() !== 'false') out(where, 'not supported: boxctl reads this Podman annotation only as FALSE');
    } else {
      out(where, 'not supported: boxctl containers have no annotations (docs/kube.md lists the ones it reads)');
    }
  }
}

function walk(value: unknown, rule: Rule, path: string, out: (path: string, message: string) => void): void {
  switch (rule.t) {
    case 'leaf':
    case 'ignored':
      return;
    case 'no':
      out(path, `not supported: ${rule.why}`);
      return;
    case 'only':
      if (!rule.ok(value)) out(path, `${JSON.stringify(value)} is not supported: ${rule.why}`);
      return;
    case 'list':
      if (Array.isArray(value)) value.forEach((v, i) => walk(v, rule.item, `${path}[${i}]`, out));
      return;
    case 'object':
      if (!isObject(value)) return;
      for (const [key, v] of Object.entries(value)) {
        const sub = rule.fields[key] ?? rule.other;
        const at = path === '' ? key : `${path}.${key}`;
        if (sub) walk(v, sub, at, out);
        else out(at, 'unknown field: boxctl does not know it');
      }
  }
}

/** Every field of every document that boxctl would not honour. */
export function validateKube(docs: readonly KubeDocument[]): Finding[] {
  const findings: Finding[] = [];
  for (const doc of docs) {
    const report = (path: string, message: string) => findings.push({ object: doc.ref, path, message });
    const rule = KINDS[doc.kind];
    if (!rule) {
      report('', `kind ${doc.kind} is not supported: ${KIND_WHY[doc.kind] ?? 'boxctl plays Pod, Deployment and PersistentVolumeClaim'}`);
      continue;
    }
    walk(doc.object, rule, '', report);
    const o = doc.object;
    if (doc.kind === 'Pod' && isObject(o.metadata)) checkAnnotations(o.metadata.annotations, containerNames(o.spec), 'metadata.annotations', report);
    if (doc.kind === 'Deployment' && isObject(o.spec) && isObject(o.spec.template) && isObject(o.spec.template.metadata)) {
      checkAnnotations(o.spec.template.metadata.annotations, containerNames(o.spec.template.spec), 'spec.template.metadata.annotations', report);
    }
  }
  return findings;
}
