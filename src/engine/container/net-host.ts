// The host facts a container's network needs (network.ts is the pure part): which
// helpers are installed, the unprivileged port floor, the host's address and
// gateway, free ports, and whether a host port is taken.
import { createSocket } from 'node:dgram';
import { accessSync, constants, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { networkInterfaces } from 'node:os';
import { delimiter, join } from 'node:path';

import { BoxctlError } from '../../errors.js';
import type { Helper, Installed, PortSpec } from './network.js';

const EXTRA_DIRS = ['/usr/bin', '/usr/sbin', '/usr/local/bin', '/usr/libexec/podman'];

export function findHelper(name: Helper): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(delimiter).filter(Boolean), ...EXTRA_DIRS];
  for (const dir of dirs) {
    const path = join(dir, name);
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // Not in this one.
    }
  }
  return undefined;
}

export function installedHelpers(): Installed {
  return { pasta: findHelper('pasta') !== undefined, slirp4netns: findHelper('slirp4netns') !== undefined };
}

export function unprivilegedPortStart(): number {
  try {
    return Number(readFileSync('/proc/sys/net/ipv4/ip_unprivileged_port_start', 'utf8').trim());
  } catch {
    return 1024;
  }
}

export function readHostResolv(): string {
  try {
    return readFileSync('/etc/resolv.conf', 'utf8');
  } catch {
    return '';
  }
}

/** The IPv4 gateway of the default route and the first address of its interface, as pasta picks them. */
export function hostAddresses(): { address?: string; gateway?: string } {
  let iface: string | undefined;
  let gateway: string | undefined;
  try {
    for (const line of readFileSync('/proc/net/route', 'utf8').split('\n').slice(1)) {
      const [name, dest, gw] = line.split('\t');
      if (dest !== '00000000' || !name || !gw) continue;
      iface = name;
      const n = Number.parseInt(gw, 16);
      gateway = [n & 255, (n >>> 8) & 255, (n >>> 16) & 255, n >>> 24].join('.');
      break;
    }
  } catch {
    // No /proc/net/route: no default route either.
  }
  const all = networkInterfaces();
  const candidates = iface ? (all[iface] ?? []) : Object.values(all).flat();
  const address = candidates.find((a) => a !== undefined && a.family === 'IPv4' && !a.internal)?.address;
  return { ...(address ? { address } : {}), ...(gateway ? { gateway } : {}) };
}

function tryBind(protocol: PortSpec['protocol'], host: string, port: number): Promise<NodeJS.ErrnoException | number> {
  return new Promise((resolve) => {
    if (protocol === 'udp') {
      const s = createSocket(host.includes(':') ? 'udp6' : 'udp4');
      s.once('error', (e) => {
        s.close();
        resolve(e);
      });
      s.bind(port, host, () => {
        const bound = s.address().port;
        s.close(() => resolve(bound));
      });
      return;
    }
    const s = createServer();
    s.once('error', resolve);
    s.listen({ port, host, exclusive: true }, () => {
      const address = s.address();
      s.close(() => resolve(typeof address === 'object' && address ? address.port : port));
    });
  });
}

const anyAddress = (p: PortSpec): string => (p.hostIp !== '' ? p.hostIp : '0.0.0.0');

/** -p without a host port and -P: a port the kernel says is free now, for each such spec. */
export async function chooseHostPorts(ports: readonly PortSpec[]): Promise<PortSpec[]> {
  const out: PortSpec[] = [];
  for (const p of ports) {
    if (p.hostPort !== 0) {
      out.push(p);
      continue;
    }
    if (p.range > 1) throw new BoxctlError(`cannot choose host ports for the range ${p.containerPort}-${p.containerPort + p.range - 1}/${p.protocol}: give the host range with -p HOST:CTR`);
    const got = await tryBind(p.protocol, anyAddress(p), 0);
    if (typeof got !== 'number') throw new BoxctlError(`cannot find a free ${p.protocol} port on ${anyAddress(p)}: ${got.message}`);
    out.push({ ...p, hostPort: got });
  }
  return out;
}

/** Every published host port is free, or a one-line error that names the one taken. */
export async function checkPortsFree(ports: readonly PortSpec[]): Promise<void> {
  for (const p of ports) {
    for (let i = 0; i < p.range; i++) {
      const port = p.hostPort + i;
      const got = await tryBind(p.protocol, anyAddress(p), port);
      if (typeof got === 'number') continue;
      const why = got.code === 'EADDRINUSE' ? 'is already in use' : `cannot be bound (${got.code ?? got.message})`;
      throw new BoxctlError(`host port ${port}/${p.protocol} on ${anyAddress(p)} ${why}: stop what holds it, or publish on another host port`);
    }
  }
}
