// What `ps` and `inspect` print for containers, shaped as Podman's so that scripts
// written against `podman ps --format json` or `podman inspect -f ...` work unchanged:
// - ps's default table and -q, its --format json (ListContainer, as Podman 4), and the
//   fields its --format templates know (Podman's psReporter);
// - inspect's JSON (InspectContainerData) and --format templates over it.
// Pure: the caller passes the views, the time, and the paths inspect shows.
import { constants } from 'node:os';
import { posix } from 'node:path';

import { networkFacts, parseNetwork } from '../../engine/container/network.js';
import type { ContainerView, HealthConfig, MountRecord } from '../../engine/container/record.js';
import { goJson, goMap } from './gofmt.js';
import { GO_ZERO_TIME, GO_ZERO_UNIX, goTimeString, humanDuration, humanSizeGo } from './go-units.js';
import { renderInspected } from './inspect.js';
import { compileFormat, isJsonFormat, listingTemplate } from './template.js';

export interface ContainerSize {
  /** The image's layers plus the container's changes. */
  rootFsSize: number;
  /** The container's own changes (its upper dir). */
  rwSize: number;
}

export interface PsOptions {
  /** Milliseconds since the epoch: "Up 3 seconds" is counted from it. */
  now: number;
  /** --no-trunc: whole ids and commands. */
  noTrunc?: boolean;
  /** --size: the SIZE column and Size in JSON, from these sizes by container id. */
  sizes?: ReadonlyMap<string, ContainerSize>;
}

export interface PsRenderOptions extends PsOptions {
  /** --format: 'json', a Go template, or 'table ...'. */
  format?: string;
  /** -q: ids only (ignored when a format is given, as Podman ignores it). */
  quiet?: boolean;
  /** --noheading. */
  noHeading?: boolean;
}

/** A published port in JSON, as Podman's PortMapping. */
export interface PortMapping {
  host_ip: string;
  container_port: number;
  host_port: number;
  range: number;
  protocol: string;
}

/** One element of `ps --format json`. */
export interface PsJson {
  AutoRemove: boolean;
  Command: string[];
  CreatedAt: string;
  CIDFile: string;
  Exited: boolean;
  ExitedAt: number;
  ExitCode: number;
  Id: string;
  Image: string;
  ImageID: string;
  IsInfra: boolean;
  Labels: Record<string, string> | null;
  Mounts: string[];
  Names: string[];
  Namespaces: Record<string, never>;
  Networks: string[];
  Pid: number;
  Pod: string;
  PodName: string;
  Ports: PortMapping[] | null;
  Restarts: number;
  Size: ContainerSize | null;
  StartedAt: number;
  State: string;
  Status: string;
  Created: number;
}

/** Fields ps templates know, as Podman's psReporter has them. */
export const PS_FIELDS = [
  'AutoRemove',
  'Command',
  'Created',
  'CreatedAt',
  'CreatedHuman',
  'ExitCode',
  'Exited',
  'ExitedAt',
  'ID',
  'Image',
  'ImageID',
  'Label',
  'Labels',
  'Mounts',
  'Names',
  'Networks',
  'Pid',
  'Pod',
  'PodName',
  'Ports',
  'Restarts',
  'RunningFor',
  'Size',
  'StartedAt',
  'State',
  'Status',
] as const;

/** Column titles where Podman's differ from the field name's words. */
export const PS_HEADERS: Readonly<Record<string, string>> = {
  ID: 'CONTAINER ID',
  CreatedHuman: 'CREATED',
  Pod: 'POD ID',
  PodName: 'PODNAME',
  Restarts: 'RESTARTS',
  RunningFor: 'RUNNING FOR',
};

const COMMAND_WIDTH = 17;
/** Network modes that are not named networks: ps lists no network for them, as Podman. */
const UNNAMED_NETWORKS = new Set(['', 'none', 'host', 'private', 'slirp4netns', 'pasta']);

function unixSeconds(iso: string | undefined): number {
  if (!iso) return GO_ZERO_UNIX;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? GO_ZERO_UNIX : Math.floor(ms / 1000);
}

function isLive(view: ContainerView): boolean {
  return view.status === 'running' || view.status === 'paused';
}

/** "HOST:CTR/proto", "IP:HOST:CTR/proto", with "A-B" ranges, as PortMappings. */
export function parsePorts(ports: readonly string[]): PortMapping[] {
  const out: PortMapping[] = [];
  for (const spec of ports) {
    const slash = spec.lastIndexOf('/');
    const protocol = slash === -1 ? 'tcp' : spec.slice(slash + 1);
    const parts = (slash === -1 ? spec : spec.slice(0, slash)).split(':');
    const ctr = parts.pop() ?? '';
    const host = parts.pop() ?? '';
    const [cFrom, cTo = cFrom] = ctr.split('-').map(Number);
    const [hFrom = cFrom] = host === '' ? [] : host.split('-').map(Number);
    if (cFrom === undefined || !Number.isInteger(cFrom) || !Number.isInteger(cTo) || !Number.isInteger(hFrom)) continue;
    out.push({
      host_ip: parts.join(':').replace(/^\[(.*)\]$/, '$1'),
      container_port: cFrom,
      host_port: hFrom!,
      range: cTo! - cFrom + 1,
      protocol,
    });
  }
  return out;
}

/** Podman's PORTS text: "0.0.0.0:8080->80/tcp, 0.0.0.0:9000-9001->90-91/udp". */
export function portsText(ports: readonly PortMapping[]): string {
  return ports
    .map((p) => {
      const ip = p.host_ip === '' ? '0.0.0.0' : p.host_ip;
      if (p.range <= 1) return `${ip}:${p.host_port}->${p.container_port}/${p.protocol}`;
      const span = (from: number): string => `${from}-${from + p.range - 1}`;
      return `${ip}:${span(p.host_port)}->${span(p.container_port)}/${p.protocol}`;
    })
    .join(', ');
}

function healthText(view: ContainerView): string | undefined {
  if (!view.record.health) return undefined;
  return view.health?.status ?? 'starting';
}

/** Podman's STATUS: "Up 3 seconds (healthy)", "Exited (0) 5 seconds ago", "Created", "Paused". */
export function statusText(view: ContainerView, now: number): string {
  let text: string;
  switch (view.status) {
    case 'running':
      // Podman counts from the start time's whole second (time.Unix(StartedAt, 0)).
      text = `Up ${humanDuration(now - unixSeconds(view.startedAt) * 1000)}`;
      break;
    case 'exited':
      // No exit time (the monitor died before writing exit.json, or a reboot): no age rather than Go's year 1.
      text = view.finishedAt
        ? `Exited (${view.exitCode ?? 0}) ${humanDuration(now - unixSeconds(view.finishedAt) * 1000)} ago`
        : `Exited (${view.exitCode ?? 0})`;
      break;
    case 'paused':
      text = 'Paused';
      break;
    default:
      text = 'Created';
  }
  const health = isLive(view) ? healthText(view) : undefined;
  return health ? `${text} (${health})` : text;
}

function createdHuman(view: ContainerView, now: number): string {
  return `${humanDuration(now - Date.parse(view.record.created))} ago`;
}

function networks(view: ContainerView): string[] {
  return UNNAMED_NETWORKS.has(view.record.network) ? [] : [view.record.network];
}

/** One element of `ps --format json`. */
export function psJson(view: ContainerView, options: PsOptions): PsJson {
  const r = view.record;
  const ports = parsePorts(r.ports);
  const size = options.sizes?.get(r.id);
  return {
    AutoRemove: r.autoRemove,
    Command: r.command,
    CreatedAt: createdHuman(view, options.now),
    CIDFile: '',
    Exited: view.status === 'exited',
    ExitedAt: unixSeconds(view.finishedAt),
    ExitCode: view.exitCode ?? 0,
    Id: r.id,
    Image: r.imageName,
    ImageID: r.imageId,
    IsInfra: false,
    Labels: Object.keys(r.labels).length > 0 ? goMap({ ...r.labels }) : null,
    Mounts: r.mounts.map((m) => m.destination),
    Names: [r.name],
    Namespaces: {},
    Networks: networks(view),
    Pid: isLive(view) ? (view.pid ?? 0) : 0,
    Pod: '',
    PodName: '',
    Ports: ports.length > 0 ? ports : null,
    Restarts: view.restartCount,
    Size: size ? { rootFsSize: size.rootFsSize, rwSize: size.rwSize } : null,
    StartedAt: unixSeconds(view.startedAt),
    State: view.status,
    Status: statusText(view, options.now),
    Created: unixSeconds(r.created),
  };
}

/** The value a ps template sees as `.`: PS_FIELDS; `{{json .}}` gives psJson. */
export function psRow(view: ContainerView, options: PsOptions): Record<(typeof PS_FIELDS)[number], unknown> {
  const r = view.record;
  const json = psJson(view, options);
  const command = r.command.join(' ');
  const size = options.sizes?.get(r.id);
  const row = {
    AutoRemove: r.autoRemove,
    Command: options.noTrunc || command.length <= COMMAND_WIDTH ? command : `${command.slice(0, COMMAND_WIDTH)}...`,
    Created: goTimeString(r.created),
    CreatedAt: goTimeString(r.created),
    CreatedHuman: json.CreatedAt,
    ExitCode: json.ExitCode,
    Exited: json.Exited,
    ExitedAt: json.ExitedAt,
    ID: options.noTrunc ? r.id : r.id.slice(0, 12),
    Image: r.imageName,
    ImageID: options.noTrunc ? r.imageId : r.imageId.replace(/^sha256:/, '').slice(0, 12),
    Label: (name: unknown) => r.labels[String(name)] ?? '',
    Labels: goMap({ ...r.labels }),
    Mounts: json.Mounts.join(','),
    Names: r.name,
    Networks: json.Networks.join(','),
    Pid: json.Pid,
    Pod: '',
    PodName: '',
    Ports: portsText(json.Ports ?? []),
    Restarts: String(view.restartCount),
    RunningFor: json.CreatedAt,
    Size: size ? `${humanSizeGo(size.rwSize, 3)} (virtual ${humanSizeGo(size.rootFsSize, 3)})` : '',
    StartedAt: json.StartedAt,
    State: view.status,
    Status: json.Status,
  };
  Object.defineProperty(row, 'toJSON', { value: () => json });
  return row;
}

/** Podman's default ps table, with SIZE last under --size. */
export function defaultPsFormat(options: { size?: boolean } = {}): string {
  const cols = ['{{.ID}}', '{{.Image}}', '{{.Command}}', '{{.CreatedHuman}}', '{{.Status}}', '{{.Ports}}', '{{.Names}}'];
  if (options.size) cols.push('{{.Size}}');
  return `table ${cols.join('\t')}`;
}

/** `ps --format json`: Podman indents by two and escapes <, > and & in strings. */
export function renderPsJson(views: readonly ContainerView[], options: PsOptions): string {
  return `${goJson(
    views.map((v) => psJson(v, options)),
    { indent: 2, html: true },
  )}\n`;
}

/**
 * Everything ps prints, as Podman decides it: --format json, -q (unless a format is
 * given), a user template (headers only for 'table ...' without --noheading), or the
 * default table. A bad template throws a one-line UserError.
 */
export function renderPs(views: readonly ContainerView[], options: PsRenderOptions): string {
  const { format } = options;
  if (format !== undefined && isJsonFormat(format)) return renderPsJson(views, options);
  if (options.quiet && format === undefined) {
    return views.map((v) => `${options.noTrunc ? v.record.id : v.record.id.slice(0, 12)}\n`).join('');
  }
  const compiled = compileFormat(listingTemplate(format, defaultPsFormat({ size: options.sizes !== undefined })), {
    fields: PS_FIELDS,
    headers: PS_HEADERS,
  });
  return compiled.render(
    views.map((v) => psRow(v, options)),
    { noHeading: options.noHeading ?? false },
  );
}

export interface InspectContext {
  /** The container's directory: $root/containers/<id>. */
  dir: string;
  /** Host path of a named volume's data, for Mounts[].Source. */
  volumePath?: (name: string) => string;
}

function signalName(signal: number): string {
  const entry = Object.entries(constants.signals).find(([, n]) => n === signal);
  return entry?.[0] ?? String(signal);
}

/** The healthcheck as Docker's and Podman's Config.Healthcheck: durations in nanoseconds. */
function healthcheck(h: HealthConfig): Record<string, unknown> {
  const shell = h.test.length === 3 && h.test[0] === '/bin/sh' && h.test[1] === '-c';
  return {
    Test: shell ? ['CMD-SHELL', h.test[2]] : ['CMD', ...h.test],
    StartPeriod: h.startPeriodMs * 1e6,
    Interval: h.intervalMs * 1e6,
    Timeout: h.timeoutMs * 1e6,
    Retries: h.retries,
  };
}

function inspectMount(m: MountRecord, ctx: InspectContext): Record<string, unknown> {
  const volume = m.type === 'volume';
  return {
    Type: m.type,
    Name: volume ? (m.source ?? '') : '',
    Source: volume && m.source && ctx.volumePath ? ctx.volumePath(m.source) : (m.source ?? ''),
    Destination: m.destination,
    Driver: volume ? 'local' : '',
    Mode: '',
    Options: m.options ?? (volume ? ['nosuid', 'nodev', 'rbind'] : ['rbind']),
    RW: !m.readOnly,
    Propagation: 'rprivate',
  };
}

function portBindings(ports: readonly PortMapping[]): Record<string, { HostIp: string; HostPort: string }[]> {
  const out: Record<string, { HostIp: string; HostPort: string }[]> = {};
  for (const p of ports) {
    for (let i = 0; i < p.range; i++) {
      const key = `${p.container_port + i}/${p.protocol}`;
      (out[key] ??= []).push({ HostIp: p.host_ip, HostPort: String(p.host_port + i) });
    }
  }
  return goMap(out);
}

/** `podman inspect` of a container (InspectContainerData), with what boxctl knows. */
export function inspectContainer(view: ContainerView, ctx: InspectContext): Record<string, unknown> {
  const r = view.record;
  const live = isLive(view);
  const mounts = r.mounts.filter((m) => m.type !== 'tmpfs');
  const tmpfs = goMap(
    Object.fromEntries(r.mounts.filter((m) => m.type === 'tmpfs').map((m) => [m.destination, (m.options ?? []).join(',')])),
  );
  const state: Record<string, unknown> = {
    Status: view.status,
    Running: view.status === 'running',
    Paused: view.status === 'paused',
    Restarting: false,
    OOMKilled: view.oomKilled ?? false,
    Dead: false,
    Pid: live ? (view.pid ?? 0) : 0,
    ExitCode: view.exitCode ?? 0,
    Error: '',
    StartedAt: view.startedAt ?? GO_ZERO_TIME,
    FinishedAt: view.finishedAt ?? GO_ZERO_TIME,
  };
  if (r.health) {
    state.Health = {
      Status: view.health?.status ?? 'starting',
      FailingStreak: view.health?.failingStreak ?? 0,
      Log: (view.health?.log ?? []).map((l) => ({ Start: l.start, End: l.end, ExitCode: l.exitCode, Output: l.output })),
    };
  }
  if (r.cgroupPath) state.CgroupPath = r.cgroupPath;

  const config: Record<string, unknown> = {
    Hostname: r.hostname,
    Domainname: '',
    User: r.user ?? '',
    AttachStdin: r.stdin,
    Tty: r.terminal,
    OpenStdin: r.stdin,
    StdinOnce: false,
    Env: r.env,
    Cmd: r.cmd ?? (r.entrypoint ? null : r.command),
    Image: r.imageName,
    Volumes: null,
    WorkingDir: r.workdir ?? '/',
    Entrypoint: r.entrypoint ?? null,
    OnBuild: null,
    Labels: goMap({ ...r.labels }),
    Annotations: goMap({}),
    StopSignal: signalName(r.stopSignal),
  };
  if (r.health) {
    config.HealthcheckOnFailureAction = r.health.onFailure;
    config.Healthcheck = healthcheck(r.health);
  }
  config.StopTimeout = r.stopTimeout;
  if (r.createCommand) config.CreateCommand = r.createCommand;
  config.sdNotifyMode = r.sdNotify ?? 'conmon';

  const ports = parsePorts(r.ports);
  const hostConfig: Record<string, unknown> = {
    Binds: mounts.map((m) => `${m.source ?? ''}:${m.destination}:${m.readOnly ? 'ro' : 'rw'}`),
    CgroupManager: 'cgroupfs',
    CgroupMode: 'private',
    ContainerIDFile: r.cidFile ?? '',
    LogConfig: {
      Type: 'k8s-file',
      Config: null,
      Path: posix.join(ctx.dir, 'ctr.log'),
      Tag: '',
      Size: humanSizeGo(r.log.maxSize ?? 0, 4),
    },
    NetworkMode: r.network,
    PortBindings: portBindings(ports),
    RestartPolicy: {
      Name: r.restart.name,
      MaximumRetryCount: r.restart.name === 'on-failure' ? (r.restart.maxRetries ?? 0) : 0,
    },
    AutoRemove: r.autoRemove,
    CapAdd: r.capAdd ?? [],
    CapDrop: r.capDrop ?? [],
    Memory: r.limits?.memory ?? 0,
    NanoCpus: r.limits?.nanoCpus ?? 0,
    PidsLimit: r.limits?.pidsLimit ?? 0,
    Tmpfs: tmpfs,
    Dns: r.dns?.servers ?? [],
    DnsOptions: r.dns?.options ?? [],
    DnsSearch: r.dns?.search ?? [],
    ExtraHosts: r.addHosts ?? [],
    PublishAllPorts: r.publishAll ?? false,
  };
  // Beside Podman's fields, what the mode means: whether a server sees its clients' addresses and can reach the host's loopback.
  const networkSettings = { ...networkFacts(parseNetwork(r.network, { pasta: false, slirp4netns: false })), Ports: portBindings(ports) };

  const out: Record<string, unknown> = {
    Id: r.id,
    Created: r.created,
    Path: r.command[0] ?? '',
    Args: r.command.slice(1),
    State: state,
    Image: r.imageId,
    ImageName: r.imageName,
    Rootfs: '',
    Pod: '',
    StaticDir: ctx.dir,
    OCIConfigPath: posix.join(ctx.dir, 'bundle', 'config.json'),
    Name: r.name,
    RestartCount: view.restartCount,
    Driver: 'overlay',
    MountLabel: '',
    ProcessLabel: '',
    AppArmorProfile: '',
    ExecIDs: [],
    Mounts: mounts.map((m) => inspectMount(m, ctx)),
    Dependencies: [],
    Namespace: '',
    IsInfra: false,
    IsService: false,
    Config: config,
    HostConfig: hostConfig,
    NetworkSettings: networkSettings,
  };
  // Podman's templates name it .ID (the Go field); JSON calls it Id.
  Object.defineProperty(out, 'ID', { value: r.id });
  return out;
}

/** Fields of inspect output a template may name: the JSON's, and .ID. */
export const INSPECT_FIELDS = [
  'Id',
  'ID',
  'Created',
  'Path',
  'Args',
  'State',
  'Image',
  'ImageName',
  'Rootfs',
  'Pod',
  'StaticDir',
  'OCIConfigPath',
  'Name',
  'RestartCount',
  'Driver',
  'MountLabel',
  'ProcessLabel',
  'AppArmorProfile',
  'ExecIDs',
  'Mounts',
  'Dependencies',
  'Namespace',
  'IsInfra',
  'IsService',
  'Config',
  'HostConfig',
  'NetworkSettings',
];

/**
 * `inspect` output: without a format (or with json), Podman's JSON array indented by
 * five spaces, <, > and & left as they are (healthchecks use them); with a template,
 * the template applied to each object, one line each.
 */
export function renderInspect(objects: readonly Record<string, unknown>[], format?: string): string {
  return renderInspected(objects, format);
}
