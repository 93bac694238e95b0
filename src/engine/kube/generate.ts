// `boxctl generate kube`: containers to one Pod, as Podman writes it, in a pure
// function. What a container has that a Pod cannot say comes back as a finding
// for the CLI to print: nothing is dropped without a word. Only what differs from
// the image is written (env, command, user, workdir, labels), since the image
// brings the rest wherever the Pod runs. facts.ts gathers the inputs.
import { stringify } from 'yaml';

import type { ContainerConfig } from '../image/manifest.js';
import { parseSignal } from '../host/signals.js';
import { parsePublish } from '../container/network.js';
import type { ContainerRecord, HealthConfig, MountRecord } from '../container/record.js';
import { DEFAULT_PATH, DEFAULT_TERM } from '../spec/defaults.js';
import { escapeRefs, kubeCommand } from './command.js';
import { dnsLabel, isLabelKey, isLabelValue } from './names.js';
import {
  INIT_ANNOTATION,
  POD_LABEL,
  USERNS_ANNOTATION,
  type ContainerPort,
  type Finding,
  type HostPathType,
  type KubeContainer,
  type KubeVolume,
  type Pod,
  type PodSpec,
  type Probe,
  type SecurityContext,
  type Service,
  type VolumeMount,
} from './objects.js';
import { formatCpu, formatMemory } from './quantity.js';

/** What the container's OCI spec says that its record does not keep. */
export interface SpecFacts {
  uid: number;
  gid: number;
  readOnlyRoot: boolean;
  noNewPrivileges: boolean;
  seccomp: 'default' | 'unconfined' | 'custom';
  keepId: boolean;
  /** --init: boxctl's init runs first in the process. */
  init: boolean;
}

export interface GenerateSource {
  record: ContainerRecord;
  /** The image reference the YAML names. */
  image: string;
  imageConfig: ContainerConfig;
  spec: SpecFacts;
}

export interface GenerateHost {
  hostPathType(path: string): HostPathType;
  anonymousVolumes: ReadonlySet<string>;
  now: Date;
}

export interface Generated {
  pod: Pod;
  findings: Finding[];
}

/** The process restarts a Pod knows; boxctl's unless-stopped is Always there. */
const RESTART = { no: 'Never', always: 'Always', 'unless-stopped': 'Always', 'on-failure': 'OnFailure' } as const;
const DEFAULT_STOP_TIMEOUT = 10;
/** boxctl's own bookkeeping, not the user's configuration. */
const isBoxctlLabel = (key: string) => key.startsWith('io.boxctl.');

class Notes {
  readonly list: Finding[] = [];
  constructor(private readonly object: string) {}
  add(message: string): void {
    this.list.push({ object: this.object, path: '', message });
  }
}

/** The container's name in its Pod: `kube play` named it `<pod>-<name>`. */
function nameInPod(record: ContainerRecord): string {
  const pod = record.labels[POD_LABEL];
  return pod && record.name.startsWith(`${pod}-`) ? record.name.slice(pod.length + 1) : record.name;
}

function podName(sources: readonly GenerateSource[]): string {
  const pods = new Set(sources.map((s) => s.record.labels[POD_LABEL]));
  const [only] = pods;
  return pods.size === 1 && only ? only : `${sources[0]!.record.name}-pod`;
}

/** Owners of a network before the containers that join it: a Pod's first container holds the network at play. */
function networkOrder(sources: readonly GenerateSource[]): GenerateSource[] {
  const joins = (s: GenerateSource) => (s.record.network.startsWith('container:') ? s.record.network.slice('container:'.length) : undefined);
  const inSet = (name: string | undefined) => sources.some((s) => s.record.name === name || s.record.id === name);
  const owners = sources.filter((s) => !inSet(joins(s)));
  return [...owners, ...sources.filter((s) => !owners.includes(s))];
}

function userEnv(record: ContainerRecord, image: ContainerConfig): { name: string; value: string }[] {
  const imageEnv = new Set(image.Env ?? []);
  const has = (name: string) => (image.Env ?? []).some((e) => e.startsWith(`${name}=`));
  // The spec generator adds these when the image lacks them; they are no choice of the user.
  const implicit = new Set([...(has('PATH') ? [] : [DEFAULT_PATH]), ...(record.terminal && !has('TERM') ? [DEFAULT_TERM] : [])]);
  return record.env
    .filter((e) => !imageEnv.has(e) && !implicit.has(e))
    .map((e) => {
      const eq = e.indexOf('=');
      return { name: e.slice(0, eq), value: escapeRefs(e.slice(eq + 1)) };
    });
}

function kubePorts(record: ContainerRecord): ContainerPort[] {
  return record.ports.flatMap((text) => {
    const p = parsePublish(text);
    return Array.from({ length: p.range }, (_, i) => ({
      containerPort: p.containerPort + i,
      hostPort: p.hostPort + i,
      ...(p.hostIp !== '' ? { hostIP: p.hostIp } : {}),
      ...(p.protocol === 'udp' ? { protocol: 'UDP' as const } : {}),
    }));
  });
}

const seconds = (ms: number) => Math.ceil(ms / 1000);

function probe(h: HealthConfig, notes: Notes): Probe {
  const times = [h.intervalMs, h.timeoutMs, h.startPeriodMs];
  if (times.some((ms) => ms % 1000 !== 0)) notes.add('healthcheck times are whole seconds in Kubernetes: rounded up');
  return {
    exec: { command: h.test.map(escapeRefs) },
    initialDelaySeconds: seconds(h.startPeriodMs),
    periodSeconds: seconds(h.intervalMs),
    timeoutSeconds: Math.max(1, seconds(h.timeoutMs)),
    failureThreshold: h.retries,
  };
}

/** kill is a livenessProbe's own action; none only reports, as a readinessProbe does. */
function probes(h: HealthConfig | undefined, notes: Notes): Pick<KubeContainer, 'livenessProbe' | 'readinessProbe'> {
  if (!h) return {};
  if (h.onFailure === 'none') return { readinessProbe: probe(h, notes) };
  if (h.onFailure !== 'kill') {
    notes.add(`--health-on-failure=${h.onFailure} has no Kubernetes field: written as a livenessProbe, whose failure kills the container and leaves the rest to restartPolicy`);
  }
  return { livenessProbe: probe(h, notes) };
}

const capName = (c: string) => c.toUpperCase().replace(/^CAP_/, '');

function securityContext(src: GenerateSource, notes: Notes): SecurityContext | undefined {
  const { record, spec, imageConfig } = src;
  const out: SecurityContext = {};
  if (record.user !== undefined && record.user !== (imageConfig.User ?? '')) {
    out.runAsUser = spec.uid;
    if (record.user.includes(':')) out.runAsGroup = spec.gid;
  }
  const add = (record.capAdd ?? []).map(capName);
  const drop = (record.capDrop ?? []).map(capName);
  if (add.length > 0 || drop.length > 0) out.capabilities = { ...(add.length ? { add } : {}), ...(drop.length ? { drop } : {}) };
  if (spec.readOnlyRoot) out.readOnlyRootFilesystem = true;
  if (spec.noNewPrivileges) out.allowPrivilegeEscalation = false;
  if (spec.seccomp === 'unconfined') out.seccompProfile = { type: 'Unconfined' };
  if (spec.seccomp === 'custom') notes.add('a seccomp profile from a file has no portable Kubernetes field (Localhost profiles live on each node): left out');
  return Object.keys(out).length > 0 ? out : undefined;
}

function resources(record: ContainerRecord, notes: Notes): KubeContainer['resources'] {
  const limits: { memory?: string; cpu?: string } = {};
  const l = record.limits ?? {};
  if (l.memory !== undefined) limits.memory = formatMemory(l.memory);
  if (l.nanoCpus !== undefined) {
    const cpu = formatCpu(l.nanoCpus);
    limits.cpu = cpu.text;
    if (!cpu.exact) notes.add(`--cpus ${l.nanoCpus / 1e9} rounded to ${cpu.text} (Kubernetes counts millicores)`);
  }
  if (l.pidsLimit !== undefined && l.pidsLimit > 0) notes.add(`--pids-limit ${l.pidsLimit} has no Kubernetes field (pid limits are the node's): left out`);
  return Object.keys(limits).length > 0 ? { limits } : undefined;
}

/** Pod-level volumes by what they hold, so two containers mounting one share its entry. */
class Volumes {
  private readonly byKey = new Map<string, KubeVolume>();
  constructor(private readonly host: GenerateHost) {}

  private add(key: string, base: string, make: (name: string) => KubeVolume): string {
    const known = this.byKey.get(key);
    if (known) return known.name;
    const taken = new Set([...this.byKey.values()].map((v) => v.name));
    let name = dnsLabel(base, 'volume');
    for (let i = 1; taken.has(name); i++) name = dnsLabel(`${base}-${i}`, 'volume');
    this.byKey.set(key, make(name));
    return name;
  }

  mount(m: MountRecord, owner: string, image: ContainerConfig, notes: Notes): VolumeMount | undefined {
    const extra = (m.options ?? []).filter((o) => !['rbind', 'bind', 'z', 'Z'].includes(o) && !(m.type === 'tmpfs' && o.startsWith('size=')));
    if (extra.length > 0) notes.add(`the options ${extra.join(',')} of the mount at ${m.destination} have no Kubernetes field: left out`);
    let name: string;
    if (m.type === 'bind') {
      const path = m.source!;
      name = this.add(`bind:${path}`, `${path.replace(/^\/+|\/+$/g, '').replaceAll('/', '-') || 'root'}-host`, (n) => ({ name: n, hostPath: { path, type: this.host.hostPathType(path) } }));
    } else if (m.type === 'volume' && !this.host.anonymousVolumes.has(m.source!)) {
      const claimName = m.source!;
      name = this.add(`pvc:${claimName}`, `${claimName}-pvc`, (n) => ({ name: n, persistentVolumeClaim: { claimName } }));
    } else if (m.type === 'volume') {
      // The image makes this one again wherever it runs.
      if (m.destination in (image.Volumes ?? {})) return undefined;
      name = this.add(`anon:${m.source}`, `${owner}${m.destination.replaceAll('/', '-')}`, (n) => ({ name: n, emptyDir: {} }));
    } else {
      const size = (m.options ?? []).find((o) => o.startsWith('size='))?.slice(5);
      name = this.add(`tmpfs:${owner}:${m.destination}`, `${owner}${m.destination.replaceAll('/', '-')}-tmpfs`, (n) => ({
        name: n,
        emptyDir: { medium: 'Memory', ...(size !== undefined ? { sizeLimit: size } : {}) },
      }));
    }
    return { name, mountPath: m.destination, ...(m.readOnly ? { readOnly: true } : {}) };
  }

  list(): KubeVolume[] {
    return [...this.byKey.values()];
  }
}

function workingDir(record: ContainerRecord, image: ContainerConfig): string | undefined {
  const cwd = record.workdir ?? '/';
  return cwd !== (image.WorkingDir || '/') ? cwd : undefined;
}

function kubeContainer(src: GenerateSource, name: string, volumes: Volumes, notes: Notes): KubeContainer {
  const { record, imageConfig } = src;
  const env = userEnv(record, imageConfig);
  const ports = kubePorts(record);
  const mounts = record.mounts.flatMap((m) => volumes.mount(m, name, imageConfig, notes) ?? []);
  const res = resources(record, notes);
  const security = securityContext(src, notes);
  const wd = workingDir(record, imageConfig);
  return {
    name,
    image: src.image,
    ...kubeCommand(record.command, record.entrypoint ?? [], imageConfig),
    ...(env.length > 0 ? { env } : {}),
    ...(ports.length > 0 ? { ports } : {}),
    ...(mounts.length > 0 ? { volumeMounts: mounts } : {}),
    ...(res ? { resources: res } : {}),
    ...(security ? { securityContext: security } : {}),
    ...probes(record.health, notes),
    ...(wd !== undefined ? { workingDir: wd } : {}),
    ...(record.terminal ? { tty: true } : {}),
    ...(record.stdin ? { stdin: true } : {}),
  };
}

/** What a container has that no Pod field says. */
function unexpressed(src: GenerateSource, notes: Notes): void {
  const { record, imageConfig } = src;
  if (record.autoRemove) notes.add('--rm has no Kubernetes field: left out');
  if (record.log.maxSize !== undefined || record.log.maxFiles !== undefined) notes.add('--log-opt has no Kubernetes field (logs are the node’s): left out');
  if (record.stopSignal !== parseSignal(imageConfig.StopSignal ?? 'TERM')) notes.add(`--stop-signal ${record.stopSignal} has no Kubernetes field: left out`);
  if (record.noHosts) notes.add('--no-hosts has no Kubernetes field: left out');
  const net = record.network;
  if (!['pasta', 'slirp4netns', 'host'].includes(net) && !net.startsWith('container:')) {
    notes.add(`--network ${net} has no Kubernetes field: the Pod gets the default network`);
  }
}

/** Pod-wide settings from each container; where they disagree, the first one's, with a note. */
class PodWide {
  private readonly values = new Map<string, { text: string; from: string }>();
  constructor(private readonly notes: Finding[]) {}

  set<T>(field: string, value: T | undefined, from: string, apply: (v: T) => void): void {
    if (value === undefined) return;
    const text = JSON.stringify(value);
    const first = this.values.get(field);
    if (!first) {
      this.values.set(field, { text, from });
      apply(value);
    } else if (first.text !== text) {
      this.notes.push({ object: from, path: '', message: `${field} differs from ${first.from}'s, and a Pod has one: ${first.from}'s is written` });
    }
  }
}

function labelsOf(sources: readonly GenerateSource[], pod: string, findings: Finding[]): Record<string, string> {
  const labels: Record<string, string> = { app: pod };
  for (const { record, imageConfig } of sources) {
    const notes = new Notes(record.name);
    for (const [k, v] of Object.entries(record.labels)) {
      if (isBoxctlLabel(k) || imageConfig.Labels?.[k] === v) continue;
      if (!isLabelKey(k) || !isLabelValue(v)) notes.add(`the label ${k}=${v} is not a valid Kubernetes label: left out`);
      else if (labels[k] !== undefined && labels[k] !== v) notes.add(`the label ${k}=${v} differs from another container's, and a Pod's labels are shared: left out`);
      else labels[k] = v;
    }
    findings.push(...notes.list);
  }
  return labels;
}

function hostAliases(addHosts: readonly string[]): PodSpec['hostAliases'] {
  const byIp = new Map<string, string[]>();
  for (const h of addHosts) {
    const colon = h.indexOf(':');
    const [name, ip] = [h.slice(0, colon), h.slice(colon + 1)];
    byIp.set(ip, [...(byIp.get(ip) ?? []), name]);
  }
  return [...byIp].map(([ip, hostnames]) => ({ ip, hostnames }));
}

function dnsConfig(dns: ContainerRecord['dns']): PodSpec['dnsConfig'] {
  if (!dns) return undefined;
  const options = dns.options.map((o) => {
    const colon = o.indexOf(':');
    return colon < 0 ? { name: o } : { name: o.slice(0, colon), value: o.slice(colon + 1) };
  });
  return {
    ...(dns.servers.length ? { nameservers: dns.servers } : {}),
    ...(dns.search.length ? { searches: dns.search } : {}),
    ...(options.length ? { options } : {}),
  };
}

/** One Pod holding the containers, in the order their networks need. */
export function generatePod(given: readonly GenerateSource[], host: GenerateHost): Generated {
  const sources = networkOrder(given);
  const findings: Finding[] = [];
  const pod = dnsLabel(podName(sources), 'pod');
  const volumes = new Volumes(host);
  const spec: PodSpec = { containers: [], restartPolicy: 'Always' };
  const annotations: Record<string, string> = {};
  const wide = new PodWide(findings);
  const names = new Set<string>();
  for (const src of sources) {
    const { record } = src;
    const notes = new Notes(record.name);
    let name = dnsLabel(nameInPod(record), 'container');
    for (let i = 1; names.has(name); i++) name = dnsLabel(`${nameInPod(record)}-${i}`, 'container');
    names.add(name);
    if (name !== nameInPod(record)) notes.add(`named ${name} in the Pod: Kubernetes names are lowercase letters, digits and '-'`);
    spec.containers.push(kubeContainer(src, name, volumes, notes));
    unexpressed(src, notes);
    if (record.restart.name === 'unless-stopped') notes.add('--restart unless-stopped is written as Always, the nearest Kubernetes has');
    if (record.restart.name === 'on-failure' && record.restart.maxRetries !== undefined) {
      notes.add(`--restart on-failure:${record.restart.maxRetries}: Kubernetes has no retry count, OnFailure retries for ever`);
    }
    wide.set('the restart policy', RESTART[record.restart.name], record.name, (v) => (spec.restartPolicy = v));
    const defaultHostname = [record.id.slice(0, 12), record.labels[POD_LABEL] ?? '', ''];
    const hostname = defaultHostname.includes(record.hostname) ? undefined : record.hostname;
    wide.set('the hostname', hostname, record.name, (v) => (spec.hostname = v));
    wide.set('the host network', record.network === 'host' ? true : undefined, record.name, (v) => (spec.hostNetwork = v));
    wide.set('the DNS configuration', dnsConfig(record.dns), record.name, (v) => (spec.dnsConfig = v));
    wide.set('--add-host', record.addHosts?.length ? hostAliases(record.addHosts) : undefined, record.name, (v) => (spec.hostAliases = v));
    wide.set('the stop timeout', record.stopTimeout !== DEFAULT_STOP_TIMEOUT ? record.stopTimeout : undefined, record.name, (v) => (spec.terminationGracePeriodSeconds = v));
    wide.set('--userns', src.spec.keepId ? 'keep-id' : undefined, record.name, (v) => (annotations[USERNS_ANNOTATION] = v));
    if (src.spec.init) annotations[`${INIT_ANNOTATION}/${name}`] = 'TRUE';
    findings.push(...notes.list);
  }
  const own = sources.filter((s) => !s.record.network.startsWith('container:'));
  if (own.length > 1) {
    findings.push({
      object: own.slice(1).map((s) => s.record.name).join(', '),
      path: '',
      message: `has a network of its own, but the containers of a Pod share one (${own[0]!.record.name}'s at kube play): their ports must not clash`,
    });
  }
  for (const s of sources.filter((s) => s.record.network.startsWith('container:') && !own.includes(s))) {
    const target = s.record.network.slice('container:'.length);
    if (!sources.some((o) => o.record.name === target || o.record.id === target)) {
      findings.push({ object: s.record.name, path: '', message: `shares the network of ${target}, which is not in this Pod: it gets the Pod's network` });
    }
  }
  const vols = volumes.list();
  if (vols.length > 0) spec.volumes = vols;
  const labels = labelsOf(sources, pod, findings);
  return {
    pod: {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: pod,
        creationTimestamp: host.now.toISOString().replace(/\.\d+Z$/, 'Z'),
        labels,
        ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
      },
      spec,
    },
    findings,
  };
}

/** A NodePort Service for the Pod's published ports, as Podman's --service writes it; `random` picks the node ports. */
export function generateService(pod: Pod, random: () => number = Math.random): Service {
  const ports = pod.spec.containers.flatMap((c) => (c.ports ?? []).filter((p) => p.hostPort !== undefined));
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: pod.metadata.name, ...(pod.metadata.creationTimestamp ? { creationTimestamp: pod.metadata.creationTimestamp } : {}), labels: { app: pod.metadata.name } },
    spec: {
      ports: ports.map((p) => ({
        name: `${p.containerPort}${p.protocol === 'UDP' ? '-udp' : ''}`,
        port: p.containerPort,
        targetPort: p.containerPort,
        nodePort: 30000 + Math.floor(random() * 2768),
        ...(p.protocol ? { protocol: p.protocol } : {}),
      })),
      selector: { app: pod.metadata.name },
      type: 'NodePort',
    },
  };
}

/**
 * The documents as one file, after a header naming what made it. YAML 1.1 quoting,
 * as Kubernetes reads YAML: a value such as `yes` or `0777` stays a string there.
 */
export function renderKube(docs: readonly (Pod | Service)[], made: { version: string; command: string }): string {
  const header = [
    `# Made by boxctl ${made.version}: ${made.command}`,
    "# Run it here with 'boxctl kube play FILE', or in Kubernetes with 'kubectl create -f FILE'.",
  ];
  const body = docs.map((d) => `---\n${stringify(d, { version: '1.1', indentSeq: false, lineWidth: 0 })}`);
  return `${header.join('\n')}\n${body.join('')}`;
}
