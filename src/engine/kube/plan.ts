// Kubernetes objects to what `kube play` creates, in a pure function: named volumes
// from PersistentVolumeClaims, and for each Pod (or Deployment, as one replica) a
// CreateRequest per container, the same request `boxctl run -d` makes, named
// `<pod>-<container>` and labelled with the pod. The containers of a Pod share the
// first one's network, which publishes every hostPort of the Pod. Every value is
// checked here, so a bad file fails before anything exists; fields boxctl does not
// map were reported by validate.ts, and value-dependent ones are reported here.
import { posix } from 'node:path';

import { UserError } from '../../errors.js';
import type { CreateRequest } from '../container/create.js';
import { CPU_PERIOD, parseMemory, type PullPolicy } from '../container/options.js';
import type { HealthConfig, MountRecord, RestartPolicy } from '../container/record.js';
import { checkName } from '../container/store.js';
import { checkVolumeName } from '../volume/names.js';
import { expandRefs, requestCommand } from './command.js';
import { INIT_ANNOTATION, POD_LABEL, USERNS_ANNOTATION, type Finding } from './objects.js';
import { isObject, type KubeDocument } from './parse.js';
import { parseQuantity } from './quantity.js';

export interface PlannedContainer {
  name: string;
  request: CreateRequest;
  /** Mounts (indexes into request.mounts) of the Pod's emptyDir volumes: one anonymous volume each, shared in the Pod. */
  emptyDirs: { mount: number; volume: string }[];
}

export interface HostPath {
  path: string;
  /** The hostPath type: '' checks nothing, *OrCreate makes it, the others check it is one. */
  type: string;
}

export interface PlannedPod {
  name: string;
  containers: PlannedContainer[];
  hostPaths: HostPath[];
}

export interface KubePlan {
  volumes: { name: string; labels: Record<string, string> }[];
  pods: PlannedPod[];
  findings: Finding[];
}

/** A value in a document, with its path for errors. */
class At {
  constructor(
    readonly file: string,
    readonly doc: string,
    readonly path: string,
    readonly value: unknown,
  ) {}

  get(key: string): At {
    return new At(this.file, this.doc, this.path === '' ? key : `${this.path}.${key}`, isObject(this.value) ? this.value[key] : undefined);
  }

  error(message: string): UserError {
    return new UserError(`${this.file}: ${this.doc}: ${this.path}: ${message}`);
  }

  private typed<T>(check: (v: unknown) => boolean, what: string): T | undefined {
    if (this.value === undefined || this.value === null) return undefined;
    if (!check(this.value)) throw this.error(`expected ${what}, got ${JSON.stringify(this.value)}`);
    return this.value as T;
  }

  str(): string | undefined {
    return this.typed<string>((v) => typeof v === 'string', 'a string');
  }

  need(): string {
    const s = this.str();
    if (s === undefined || s === '') throw this.error('is required');
    return s;
  }

  int(min = 0, max = Number.MAX_SAFE_INTEGER): number | undefined {
    return this.typed<number>((v) => Number.isInteger(v) && (v as number) >= min && (v as number) <= max, `a whole number from ${min} to ${max}`);
  }

  bool(): boolean | undefined {
    return this.typed<boolean>((v) => typeof v === 'boolean', 'true or false');
  }

  strings(): string[] | undefined {
    return this.typed<string[]>((v) => Array.isArray(v) && v.every((s) => typeof s === 'string'), 'a list of strings');
  }

  items(): At[] {
    const list = this.typed<unknown[]>(Array.isArray, 'a list') ?? [];
    return list.map((v, i) => new At(this.file, this.doc, `${this.path}[${i}]`, v));
  }

  stringMap(): Record<string, string> {
    const map = this.typed<Record<string, unknown>>(isObject, 'a mapping') ?? {};
    for (const [k, v] of Object.entries(map)) if (typeof v !== 'string') throw this.get(k).error(`expected a string, got ${JSON.stringify(v)} (quote it)`);
    return map as Record<string, string>;
  }

  /** A resource quantity in base units (parseQuantity names the value's place). */
  quantity(): number | undefined {
    return this.value === undefined ? undefined : parseQuantity(this.value, `${this.file}: ${this.doc}: ${this.path}`);
  }

  object(): boolean {
    return this.typed(isObject, 'a mapping') !== undefined;
  }
}

const RESTART: Record<string, RestartPolicy> = { Always: { name: 'always' }, OnFailure: { name: 'on-failure' }, Never: { name: 'no' } };
const PULL: Record<string, PullPolicy> = { Always: 'always', IfNotPresent: 'missing', Never: 'never' };

interface PodVolume {
  at: At;
  mount: (m: { destination: string; readOnly: boolean }) => MountRecord;
  emptyDir: boolean;
  memory: boolean;
  hostPath?: HostPath;
}

function podVolumes(spec: At): Map<string, PodVolume> {
  const out = new Map<string, PodVolume>();
  for (const v of spec.get('volumes').items()) {
    const name = v.get('name').need();
    if (out.has(name)) throw v.get('name').error(`the volume ${name} is named twice`);
    const hostPath = v.get('hostPath');
    const pvc = v.get('persistentVolumeClaim');
    const empty = v.get('emptyDir');
    const kinds = [hostPath, pvc, empty].filter((k) => k.object());
    if (kinds.length !== 1) {
      // Other kinds (configMap, nfs...) were reported by validate.ts; a mount of one fails below.
      if (kinds.length > 1) throw v.error('give one of hostPath, persistentVolumeClaim and emptyDir');
      continue;
    }
    if (hostPath.object()) {
      const path = hostPath.get('path').need();
      if (!path.startsWith('/')) throw hostPath.get('path').error('must be an absolute path');
      const type = hostPath.get('type').str() ?? '';
      out.set(name, { at: v, emptyDir: false, memory: false, hostPath: { path: posix.resolve(path), type }, mount: (m) => ({ type: 'bind', source: posix.resolve(path), ...m }) });
    } else if (pvc.object()) {
      const claim = pvc.get('claimName').need();
      checkVolume(claim, pvc.get('claimName'));
      const ro = pvc.get('readOnly').bool() ?? false;
      out.set(name, { at: v, emptyDir: false, memory: false, mount: (m) => ({ type: 'volume', source: claim, ...m, readOnly: m.readOnly || ro }) });
    } else {
      const memory = empty.get('medium').str() === 'Memory';
      const limit = empty.get('sizeLimit').quantity();
      const size = limit === undefined ? undefined : Math.ceil(limit);
      out.set(name, {
        at: v,
        emptyDir: !memory,
        memory,
        mount: (m) => (memory ? { type: 'tmpfs', ...m, ...(size !== undefined ? { options: [`size=${size}`] } : {}) } : { type: 'volume', ...m }),
      });
    }
  }
  return out;
}

function checkVolume(name: string, at: At): void {
  try {
    checkVolumeName(name);
  } catch (e) {
    throw at.error((e as Error).message);
  }
}

function envOf(c: At): { env: string[]; vars: Map<string, string> } {
  const vars = new Map<string, string>();
  const env: string[] = [];
  for (const e of c.get('env').items()) {
    const name = e.get('name').need();
    if (/[=\s]/.test(name)) throw e.get('name').error(`'${name}' is not a variable name`);
    // A value from valueFrom was reported; the variable is left out rather than set empty.
    if (e.get('valueFrom').value !== undefined) continue;
    const value = expandRefs(e.get('value').str() ?? '', vars);
    vars.set(name, value);
    env.push(`${name}=${value}`);
  }
  return { env, vars };
}

function health(c: At, report: (path: string, message: string) => void): HealthConfig | undefined {
  const liveness = c.get('livenessProbe');
  const readiness = c.get('readinessProbe');
  const probes = [
    { at: liveness, onFailure: 'kill' as const },
    { at: readiness, onFailure: 'none' as const },
  ].filter((p) => p.at.get('exec').get('command').value !== undefined);
  if (probes.length === 0) return undefined;
  if (probes.length > 1) report(readiness.path, 'not supported next to a livenessProbe: a container has one healthcheck, the livenessProbe’s');
  const { at, onFailure } = probes[0]!;
  const test = at.get('exec').get('command').strings()!;
  if (test.length === 0) throw at.get('exec').get('command').error('is empty');
  const secs = (key: string, fallback: number, min = 0) => (at.get(key).int(min) ?? fallback) * 1000;
  return {
    test,
    intervalMs: secs('periodSeconds', 10, 1),
    timeoutMs: secs('timeoutSeconds', 1, 1),
    retries: at.get('failureThreshold').int(1) ?? 3,
    startPeriodMs: secs('initialDelaySeconds', 0),
    onFailure,
  };
}

function limits(c: At): Pick<CreateRequest, 'memory' | 'cpu'> {
  const l = c.get('resources').get('limits');
  const out: Pick<CreateRequest, 'memory' | 'cpu'> = {};
  const memory = l.get('memory').quantity();
  if (memory !== undefined) {
    const bytes = Math.ceil(memory);
    try {
      out.memory = parseMemory(String(bytes));
    } catch (e) {
      throw l.get('memory').error((e as Error).message);
    }
  }
  const cpu = l.get('cpu').quantity();
  if (cpu !== undefined) {
    const quota = Math.round(cpu * CPU_PERIOD);
    // cpu.max takes no quota under 1 ms per period.
    if (quota < 1000) throw l.get('cpu').error('is below the least boxctl can set, 10m');
    out.cpu = { quota, period: CPU_PERIOD };
  }
  return out;
}

function user(c: At, podSecurity: At, report: (path: string, message: string) => void): string | undefined {
  const sc = c.get('securityContext');
  const uid = sc.get('runAsUser').int(0, 0xfffffffe) ?? podSecurity.get('runAsUser').int(0, 0xfffffffe);
  const gid = sc.get('runAsGroup').int(0, 0xfffffffe) ?? podSecurity.get('runAsGroup').int(0, 0xfffffffe);
  if (uid === undefined) {
    if (gid !== undefined) report(`${sc.path}.runAsGroup`, 'not supported without runAsUser: boxctl sets a group together with a user');
    return undefined;
  }
  return gid === undefined ? String(uid) : `${uid}:${gid}`;
}

function portText(p: At): { text: string; hostPort: number | undefined; containerPort: number } {
  const containerPort = p.get('containerPort').int(1, 65535);
  if (containerPort === undefined) throw p.get('containerPort').error('is required');
  const hostPort = p.get('hostPort').int(1, 65535);
  const ip = p.get('hostIP').str() ?? '';
  const proto = (p.get('protocol').str() ?? 'TCP').toLowerCase();
  const host = ip === '' ? '' : ip.includes(':') ? `[${ip}]:` : `${ip}:`;
  return { text: `${host}${hostPort}:${containerPort}/${proto}`, hostPort, containerPort };
}

interface PodInput {
  file: string;
  doc: string;
  name: string;
  meta: At;
  spec: At;
}

function planPod(input: PodInput, report: (path: string, message: string) => void): PlannedPod {
  const { name: pod, meta, spec } = input;
  const labels = meta.get('labels').stringMap();
  const annotations = meta.get('annotations').stringMap();
  const volumes = podVolumes(spec);
  const hostNetwork = spec.get('hostNetwork').bool() ?? false;
  const restartText = spec.get('restartPolicy').str() ?? 'Always';
  const restart = RESTART[restartText];
  if (!restart) throw spec.get('restartPolicy').error('use Always, OnFailure or Never');
  const stopTimeout = spec.get('terminationGracePeriodSeconds').int();
  const hostname = spec.get('hostname').str() ?? (hostNetwork ? undefined : pod);
  const dnsConfig = spec.get('dnsConfig');
  const dns = {
    servers: dnsConfig.get('nameservers').strings() ?? [],
    search: dnsConfig.get('searches').strings() ?? [],
    options: dnsConfig.get('options').items().map((o) => {
      const value = o.get('value').str();
      return value === undefined ? o.get('name').need() : `${o.get('name').need()}:${value}`;
    }),
  };
  const addHosts = spec
    .get('hostAliases')
    .items()
    .flatMap((a) => {
      const ip = a.get('ip').need();
      return (a.get('hostnames').strings() ?? []).map((h) => `${h}:${ip}`);
    });
  const userns = annotations[USERNS_ANNOTATION];
  const podSecurity = spec.get('securityContext');

  const containers = spec.get('containers').items();
  if (containers.length === 0) throw spec.get('containers').error('a Pod needs at least one container');
  const names = containers.map((c) => c.get('name').need());
  const first = `${pod}-${names[0]}`;
  const published: string[] = [];
  const planned = containers.map((c, i): PlannedContainer => {
    const ctr = names[i]!;
    if (names.indexOf(ctr) !== i) throw c.get('name').error(`the container name ${ctr} is used twice in the pod`);
    const name = `${pod}-${ctr}`;
    try {
      checkName(name);
    } catch (e) {
      throw c.get('name').error((e as Error).message);
    }
    const image = c.get('image').need();
    const { env, vars } = envOf(c);
    const expand = (list: string[] | undefined) => list?.map((s) => expandRefs(s, vars));
    const command = expand(c.get('command').strings());
    if (command?.[0] === '') throw c.get('command').error('the first word is empty');
    const proc = requestCommand(command, expand(c.get('args').strings()));
    for (const p of c.get('ports').items()) {
      const port = portText(p);
      if (port.hostPort === undefined) continue;
      if (hostNetwork) {
        if (port.hostPort !== port.containerPort) report(`${p.path}.hostPort`, 'not supported with hostNetwork: the container listens on the host’s port itself');
      } else published.push(port.text);
    }
    const mounts: MountRecord[] = [];
    const emptyDirs: PlannedContainer['emptyDirs'] = [];
    for (const m of c.get('volumeMounts').items()) {
      const volume = m.get('name').need();
      const v = volumes.get(volume);
      if (!v) throw m.get('name').error(`no volume ${volume} in the pod's volumes (or one of a kind boxctl does not have)`);
      const destination = m.get('mountPath').need();
      if (!destination.startsWith('/')) throw m.get('mountPath').error('must be an absolute path');
      if (v.emptyDir) emptyDirs.push({ mount: mounts.length, volume });
      mounts.push(v.mount({ destination: posix.resolve(destination), readOnly: m.get('readOnly').bool() ?? false }));
    }
    const sc = c.get('securityContext');
    const caps = sc.get('capabilities');
    const pullText = c.get('imagePullPolicy').str();
    if (pullText !== undefined && !PULL[pullText]) throw c.get('imagePullPolicy').error('use Always, IfNotPresent or Never');
    const tty = c.get('tty').bool() ?? String(annotations[`io.kubernetes.cri-o.TTY/${ctr}`]).toLowerCase() === 'true';
    const request: CreateRequest = {
      image,
      command: proc.command,
      ...(proc.entrypoint !== undefined ? { entrypoint: proc.entrypoint } : {}),
      name,
      env,
      labels: { ...labels, [POD_LABEL]: pod },
      mounts,
      workdir: c.get('workingDir').str(),
      user: user(c, podSecurity, report),
      hostname,
      terminal: tty,
      stdin: c.get('stdin').bool() ?? false,
      readOnly: sc.get('readOnlyRootFilesystem').bool() ?? false,
      init: String(annotations[`${INIT_ANNOTATION}/${ctr}`]).toLowerCase() === 'true',
      keepId: userns === 'keep-id',
      capAdd: caps.get('add').strings() ?? [],
      capDrop: caps.get('drop').strings() ?? [],
      security: {
        noNewPrivileges: sc.get('allowPrivilegeEscalation').bool() === false,
        seccomp: sc.get('seccompProfile').get('type').str() === 'Unconfined' ? { kind: 'unconfined' } : { kind: 'default' },
      },
      pull: PULL[pullText ?? 'IfNotPresent']!,
      autoRemove: false,
      restart,
      ...limits(c),
      stopTimeout,
      health: health(c, report),
      log: {},
      network: hostNetwork ? 'host' : i === 0 ? undefined : `container:${first}`,
      ports: [],
      publishAll: false,
      dns,
      addHosts,
      noHosts: false,
    };
    return { name, request, emptyDirs };
  });
  planned[0]!.request.ports = published;
  for (const [name, v] of volumes) {
    const mounters = containers.filter((c) => c.get('volumeMounts').items().some((m) => m.get('name').value === name));
    if (v.memory && mounters.length > 1) report(`${v.at.path}.emptyDir.medium`, 'not supported for a volume several containers mount: each gets a tmpfs of its own');
  }
  const hostPaths = [...volumes.values()].flatMap((v) => (v.hostPath ? [v.hostPath] : []));
  return { name: pod, containers: planned, hostPaths };
}

function podInput(doc: KubeDocument, file: string): PodInput {
  const root = new At(file, doc.ref, '', doc.object);
  if (doc.kind === 'Pod') return { file, doc: doc.ref, name: doc.name, meta: root.get('metadata'), spec: root.get('spec') };
  const template = root.get('spec').get('template');
  if (!template.get('spec').object()) throw template.get('spec').error('a Deployment needs a pod template');
  return { file, doc: doc.ref, name: doc.name, meta: template.get('metadata'), spec: template.get('spec') };
}

/** The pods a file defines, by name (what `kube down` removes). */
export function podNames(docs: readonly KubeDocument[]): string[] {
  return docs.filter((d) => d.kind === 'Pod' || d.kind === 'Deployment').map((d) => d.name);
}

/** The PersistentVolumeClaims of a file, by name (what `kube down --force` removes). */
export function claimNames(docs: readonly KubeDocument[]): string[] {
  return docs.filter((d) => d.kind === 'PersistentVolumeClaim').map((d) => d.name);
}

export function planKube(docs: readonly KubeDocument[], file: string): KubePlan {
  const findings: Finding[] = [];
  const volumes: KubePlan['volumes'] = [];
  const pods: PlannedPod[] = [];
  for (const doc of docs) {
    const report = (path: string, message: string) => findings.push({ object: doc.ref, path, message });
    if (doc.kind === 'PersistentVolumeClaim') {
      const meta = new At(file, doc.ref, '', doc.object).get('metadata');
      checkVolume(doc.name, meta.get('name'));
      volumes.push({ name: doc.name, labels: meta.get('labels').stringMap() });
    } else if (doc.kind === 'Pod' || doc.kind === 'Deployment') {
      if (pods.some((p) => p.name === doc.name)) throw new UserError(`${file}: ${doc.ref}: a pod named ${doc.name} comes twice`);
      pods.push(planPod(podInput(doc, file), report));
    }
  }
  return { volumes, pods, findings };
}
