// A container's network as Podman sets it up rootless, in pure functions: the
// --network mode, -p specs, the helper's command line, and the generated
// /etc/resolv.conf and /etc/hosts. net-host.ts reads the host facts they take;
// the monitor runs the helper (native/src/monitor/network.c).
import { UserError } from '../../errors.js';

export type NetworkMode =
  /** pasta[:ARG,...]: the host's own addresses inside, sources kept. */
  | { kind: 'pasta'; args: string[] }
  /** slirp4netns[:allow_host_loopback=true]: 10.0.2.0/24 behind NAT. */
  | { kind: 'slirp4netns'; allowHostLoopback: boolean }
  | { kind: 'none' }
  | { kind: 'host' }
  /** boxctl's own: a namespace with loopback only, no helper. */
  | { kind: 'private' }
  | { kind: 'ns'; path: string }
  | { kind: 'container'; name: string };

export type Helper = 'pasta' | 'slirp4netns';

export interface Installed {
  pasta: boolean;
  slirp4netns: boolean;
}

/** As Podman 5: pasta where it is installed, else slirp4netns. */
export function defaultHelper(installed: Installed): Helper {
  if (installed.pasta) return 'pasta';
  if (installed.slirp4netns) return 'slirp4netns';
  throw new UserError('no network helper is installed: install passt (pasta) or slirp4netns, or run with --network none');
}

function slirpOptions(text: string): boolean {
  let allow = false;
  for (const opt of text.split(',').filter(Boolean)) {
    const [key, value] = opt.split('=');
    if (key !== 'allow_host_loopback' || (value !== 'true' && value !== 'false')) {
      throw new UserError(`unsupported slirp4netns option '${opt}': boxctl knows allow_host_loopback=true|false`);
    }
    allow = value === 'true';
  }
  return allow;
}

export function parseNetwork(text: string | undefined, installed: Installed): NetworkMode {
  const value = text === undefined || text === '' ? defaultHelper(installed) : text;
  const colon = value.indexOf(':');
  const kind = colon < 0 ? value : value.slice(0, colon);
  const rest = colon < 0 ? '' : value.slice(colon + 1);
  switch (kind) {
    case 'pasta':
      return { kind, args: rest.split(',').filter(Boolean) };
    case 'slirp4netns':
      return { kind, allowHostLoopback: slirpOptions(rest) };
    case 'none':
    case 'host':
    case 'private':
      if (rest !== '') break;
      return { kind };
    case 'ns':
      if (!rest.startsWith('/')) throw new UserError(`invalid --network ${value}: give ns:PATH with an absolute path to a network namespace`);
      return { kind, path: rest };
    case 'container':
      if (rest === '') throw new UserError('invalid --network container:: name the container whose network to join');
      return { kind, name: rest };
  }
  throw new UserError(`invalid --network ${value}: use pasta, slirp4netns, none, host, private, ns:PATH or container:NAME`);
}

/** The text record.network keeps, which parseNetwork reads back. */
export function networkText(mode: NetworkMode): string {
  switch (mode.kind) {
    case 'pasta':
      return mode.args.length > 0 ? `pasta:${mode.args.join(',')}` : 'pasta';
    case 'slirp4netns':
      return mode.allowHostLoopback ? 'slirp4netns:allow_host_loopback=true' : 'slirp4netns';
    case 'ns':
      return `ns:${mode.path}`;
    case 'container':
      return `container:${mode.name}`;
    default:
      return mode.kind;
  }
}

export function helperOf(mode: NetworkMode): Helper | undefined {
  return mode.kind === 'pasta' || mode.kind === 'slirp4netns' ? mode.kind : undefined;
}

/** pasta reaches the host's loopback through the gateway address only with --map-gw. */
export function hostLoopbackAllowed(mode: NetworkMode): boolean {
  if (mode.kind === 'slirp4netns') return mode.allowHostLoopback;
  if (mode.kind === 'pasta') return mode.args.includes('--map-gw');
  return mode.kind === 'host';
}

/**
 * Whether a server in the container sees a published port's client by its own
 * address. Both helpers keep it for clients from elsewhere: pasta, and slirp4netns
 * with its own forwarding (Podman's port_handler=slirp4netns; Podman's default,
 * rootlesskit, does not). Clients on the host itself differ: pasta shows a loopback
 * client as 127.0.0.1 and the host's address as its gateway's, slirp4netns shows
 * a loopback client as 10.0.2.2.
 */
export function sourceAddressKept(mode: NetworkMode): boolean {
  return mode.kind === 'pasta' || mode.kind === 'slirp4netns' || mode.kind === 'host';
}

export interface PortSpec {
  /** '' for every address. */
  hostIp: string;
  /** 0: a free port, chosen at create. */
  hostPort: number;
  containerPort: number;
  /** How many consecutive ports, 1 for one. */
  range: number;
  protocol: 'tcp' | 'udp';
}

function portRange(text: string, what: string, spec: string): [number, number] {
  const m = /^(\d+)(?:-(\d+))?$/.exec(text);
  const from = Number(m?.[1]);
  const to = m?.[2] === undefined ? from : Number(m[2]);
  if (!m || from < 1 || to > 65535 || to < from) throw new UserError(`invalid ${what} '${text}' in -p ${spec}: give a port from 1 to 65535 or a range A-B`);
  return [from, to];
}

/** `-p [IP:][HOST:]CTR[/tcp|/udp]`, HOST and CTR ports or ranges; IPv6 in brackets. */
export function parsePublish(spec: string): PortSpec {
  const slash = spec.lastIndexOf('/');
  const proto = slash < 0 ? 'tcp' : spec.slice(slash + 1);
  if (proto !== 'tcp' && proto !== 'udp') throw new UserError(`invalid protocol '${proto}' in -p ${spec}: use tcp or udp`);
  let body = slash < 0 ? spec : spec.slice(0, slash);
  let hostIp = '';
  const v6 = /^\[([0-9a-fA-F:.]+)\]:(.*)$/.exec(body);
  if (v6) {
    hostIp = v6[1]!;
    body = v6[2]!;
  }
  const parts = body.split(':');
  if (parts.length > (v6 ? 2 : 3) || parts.some((p, i) => p === '' && i === parts.length - 1)) {
    throw new UserError(`invalid -p ${spec}: use [IP:][HOST:]CONTAINER[/tcp|/udp]`);
  }
  const ctrText = parts.pop()!;
  const hostText = parts.pop() ?? '';
  if (parts.length === 1) hostIp = parts[0]!;
  if (hostIp !== '' && !/^\d{1,3}(\.\d{1,3}){3}$/.test(hostIp) && !hostIp.includes(':')) {
    throw new UserError(`invalid host address '${hostIp}' in -p ${spec}: give an IPv4 address, or IPv6 in brackets`);
  }
  const [cFrom, cTo] = portRange(ctrText, 'container port', spec);
  let hostPort = 0;
  if (hostText !== '') {
    const [hFrom, hTo] = portRange(hostText, 'host port', spec);
    if (hTo - hFrom !== cTo - cFrom) throw new UserError(`invalid -p ${spec}: the host and container ranges differ in length`);
    hostPort = hFrom;
  }
  return { hostIp, hostPort, containerPort: cFrom, range: cTo - cFrom + 1, protocol: proto };
}

/** The image's ExposedPorts ("80/tcp", "53/udp", "8000-8001/tcp") for -P, host ports to be chosen. */
export function exposedPorts(exposed: Readonly<Record<string, unknown>> | undefined): PortSpec[] {
  return Object.keys(exposed ?? {}).map((key) => ({ ...parsePublish(key), hostPort: 0 }));
}

const span = (from: number, range: number): string => (range > 1 ? `${from}-${from + range - 1}` : String(from));

/** record.ports' text, "[IP:]HOST:CTR/proto", that parsePorts (cli/render/containers.ts) reads. */
export function portText(p: PortSpec): string {
  const ip = p.hostIp === '' ? '' : p.hostIp.includes(':') ? `[${p.hostIp}]:` : `${p.hostIp}:`;
  return `${ip}${span(p.hostPort, p.range)}:${span(p.containerPort, p.range)}/${p.protocol}`;
}

/** Ports below ip_unprivileged_port_start are root's: say which sysctl lowers it. */
export function checkPrivileged(ports: readonly PortSpec[], unprivilegedStart: number): void {
  for (const p of ports) {
    if (p.hostPort === 0 || p.hostPort >= unprivilegedStart) continue;
    throw new UserError(
      `cannot publish host port ${p.hostPort}: ports below ${unprivilegedStart} need root; use a host port from ${unprivilegedStart} up, or as root lower it with 'sysctl net.ipv4.ip_unprivileged_port_start=${p.hostPort}'`,
    );
  }
}

/** Two specs that take the same host port and protocol on overlapping addresses. */
export function checkOverlap(ports: readonly PortSpec[]): void {
  for (let i = 0; i < ports.length; i++) {
    for (let j = i + 1; j < ports.length; j++) {
      const a = ports[i]!;
      const b = ports[j]!;
      if (a.protocol !== b.protocol || a.hostPort === 0 || b.hostPort === 0) continue;
      if (a.hostIp !== '' && b.hostIp !== '' && a.hostIp !== b.hostIp) continue;
      if (a.hostPort < b.hostPort + b.range && b.hostPort < a.hostPort + a.range) {
        throw new UserError(`host port ${Math.max(a.hostPort, b.hostPort)}/${a.protocol} is published twice: give each -p its own host port`);
      }
    }
  }
}

/** The mode that publishing ports needs: a helper. */
export function checkPublishable(mode: NetworkMode, ports: readonly PortSpec[]): void {
  if (ports.length === 0) return;
  if (mode.kind === 'host') throw new UserError('-p and -P do nothing with --network host: the container uses the host ports directly; drop them');
  if (!helperOf(mode)) throw new UserError(`cannot publish ports with --network ${networkText(mode)}: use pasta or slirp4netns`);
  if (mode.kind === 'slirp4netns' && ports.some((p) => p.hostIp.includes(':'))) {
    throw new UserError('slirp4netns publishes on IPv4 addresses only: give an IPv4 host address, or use --network pasta');
  }
}

/** Where pasta answers DNS for the container and forwards to the host's resolver (Podman 5's address). */
export const PASTA_DNS = '169.254.1.1';
/** slirp4netns' own resolver, its gateway, and the address it gives the container. */
export const SLIRP_DNS = '10.0.2.3';
export const SLIRP_GATEWAY = '10.0.2.2';
export const SLIRP_ADDRESS = '10.0.2.100';

/** Arguments for the monitor's --net-arg (the helper's own flags) and --net-forward (slirp4netns' API). */
export function helperArgs(mode: NetworkMode, ports: readonly PortSpec[]): { args: string[]; forwards: string[] } {
  if (mode.kind === 'pasta') {
    const forward = (proto: PortSpec['protocol']): string[] => {
      const list = ports.filter((p) => p.protocol === proto);
      // Without an explicit list pasta forwards whatever listens ("auto").
      if (list.length === 0) return ['none'];
      return list.map((p) => {
        const ip = p.hostIp === '' ? '' : `${p.hostIp}/`;
        return `${ip}${span(p.hostPort, p.range)}:${span(p.containerPort, p.range)}`;
      });
    };
    const args = ['--config-net', '--dns-forward', PASTA_DNS];
    for (const spec of forward('tcp')) args.push('-t', spec);
    for (const spec of forward('udp')) args.push('-u', spec);
    args.push('-T', 'none', '-U', 'none');
    if (!mode.args.includes('--map-gw')) args.push('--no-map-gw');
    args.push(...mode.args.filter((a) => a !== '--map-gw'));
    return { args, forwards: [] };
  }
  if (mode.kind === 'slirp4netns') {
    const args = ['--configure', '--mtu=65520', '--enable-seccomp'];
    if (!mode.allowHostLoopback) args.push('--disable-host-loopback');
    const forwards: string[] = [];
    for (const p of ports) {
      for (let i = 0; i < p.range; i++) forwards.push(`${p.protocol}:${p.hostIp === '' ? '0.0.0.0' : p.hostIp}:${p.hostPort + i}:${p.containerPort + i}`);
    }
    return { args, forwards };
  }
  return { args: [], forwards: [] };
}

/**
 * Whether the helper listens on host ports: -p, or pasta's own -t/-u among the
 * user's pasta:ARGS. The monitor waits for such a helper to be gone before it
 * reports an exit, so that a stopped container's ports are free (monitor --net-no-ports).
 */
export function helperBindsHostPorts(mode: NetworkMode, ports: readonly PortSpec[]): boolean {
  if (ports.length > 0) return true;
  return mode.kind === 'pasta' && mode.args.some((a) => /^(-[tu]|--tcp-ports|--udp-ports)/.test(a));
}

/** Whether a /proc/PID/{uid,gid}_map ("inside outside count" lines) maps `id`. */
export function mapsId(mapText: string, id: number): boolean {
  return mapText.split('\n').some((line) => {
    const [inside, , count] = line.trim().split(/\s+/).map(Number);
    return inside !== undefined && count !== undefined && inside <= id && id < inside + count;
  });
}

interface MountEntry {
  destination: string;
  options?: string[];
}

/**
 * The mounts for a container that joins another user namespace (ns:PATH,
 * container:NAME): devpts takes gid=5 (tty) only where that namespace maps it,
 * as the spec generator decides for a namespace of the container's own.
 */
export function fitMountsToUserns<M extends MountEntry>(mounts: readonly M[], gidMap: string): M[] {
  if (mapsId(gidMap, 5)) return [...mounts];
  return mounts.map((m) => {
    if (m.destination !== '/dev/pts' || !m.options?.includes('gid=5')) return m;
    return { ...m, options: ['rprivate', ...m.options.filter((o) => o !== 'gid=5')] };
  });
}

export interface DnsOptions {
  servers: string[];
  search: string[];
  options: string[];
}

/** /etc/resolv.conf: the flags, else the helper's resolver, else the host's file as it is. */
export function resolvConf(mode: NetworkMode, dns: DnsOptions, hostResolv: string): string {
  const host = parseResolv(hostResolv);
  const helperServer = mode.kind === 'pasta' ? PASTA_DNS : mode.kind === 'slirp4netns' ? SLIRP_DNS : undefined;
  let servers = dns.servers;
  if (servers.length === 0) {
    // Loopback resolvers of the host (systemd-resolved's 127.0.0.53) answer in no other namespace.
    servers = helperServer ? [helperServer] : mode.kind === 'host' ? host.servers : host.servers.filter((s) => !/^127\.|^::1$/.test(s));
  }
  const search = dns.search.length > 0 ? dns.search.filter((s) => s !== '.') : host.search;
  const options = dns.options.length > 0 ? dns.options : host.options;
  const lines: string[] = [];
  if (search.length > 0) lines.push(`search ${search.join(' ')}`);
  for (const s of servers) lines.push(`nameserver ${s}`);
  if (options.length > 0) lines.push(`options ${options.join(' ')}`);
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

export function parseResolv(text: string): DnsOptions {
  const out: DnsOptions = { servers: [], search: [], options: [] };
  for (const line of text.split('\n')) {
    const [key, ...values] = line.trim().split(/\s+/);
    if (key === 'nameserver' && values[0]) out.servers.push(values[0]);
    else if (key === 'search' || key === 'domain') out.search = values;
    else if (key === 'options') out.options.push(...values);
  }
  return out;
}

/** `--add-host NAME:IP` (Podman also takes NAME=IP); IPv6 may be bracketed. */
export function parseAddHost(text: string): { name: string; ip: string } {
  const sep = /^[^:=]+[:=]/.exec(text);
  const name = sep ? sep[0].slice(0, -1) : '';
  const ip = sep ? text.slice(sep[0].length).replace(/^\[(.*)\]$/, '$1') : '';
  if (name === '' || ip === '' || !(/^\d{1,3}(\.\d{1,3}){3}$/.test(ip) || ip.includes(':') || ip === 'host-gateway')) {
    throw new UserError(`invalid --add-host '${text}': use NAME:IP`);
  }
  return { name, ip };
}

export interface HostsInput {
  hostname: string;
  name: string;
  /** The container's own address; undefined: 127.0.1.1 as a host without a network has. */
  address?: string | undefined;
  /** host.containers.internal; undefined where the container cannot reach the host. */
  hostAddress?: string | undefined;
  addHosts: { name: string; ip: string }[];
}

export function hostsFile(h: HostsInput): string {
  const lines = ['127.0.0.1\tlocalhost localhost.localdomain localhost4 localhost4.localdomain4', '::1\tlocalhost localhost.localdomain localhost6 localhost6.localdomain6'];
  for (const a of h.addHosts) lines.push(`${a.ip === 'host-gateway' ? (h.hostAddress ?? '127.0.0.1') : a.ip}\t${a.name}`);
  const names = h.name !== '' && h.name !== h.hostname ? `${h.hostname} ${h.name}` : h.hostname;
  lines.push(`${h.address ?? '127.0.1.1'}\t${names}`);
  if (h.hostAddress) lines.push(`${h.hostAddress}\thost.containers.internal host.docker.internal`);
  return `${lines.join('\n')}\n`;
}

/** The container's address and the host's, as the helper lays them out. */
export function addresses(mode: NetworkMode, host: { address?: string | undefined; gateway?: string | undefined }): { address?: string | undefined; hostAddress?: string | undefined } {
  if (mode.kind === 'slirp4netns') return { address: SLIRP_ADDRESS, hostAddress: mode.allowHostLoopback ? SLIRP_GATEWAY : host.address };
  // pasta copies the host's address inside; the gateway's address leads to the host only with --map-gw.
  if (mode.kind === 'pasta') return { address: host.address, hostAddress: hostLoopbackAllowed(mode) ? host.gateway : undefined };
  return {};
}

/** For inspect: the mode and what it means for published ports and the host. */
export function networkFacts(mode: NetworkMode): { Helper: string; SourceAddressKept: boolean; HostLoopbackReachable: boolean } {
  return { Helper: helperOf(mode) ?? '', SourceAddressKept: sourceAddressKept(mode), HostLoopbackReachable: hostLoopbackAllowed(mode) };
}
