// `boxctl port` as Podman prints it: "80/tcp -> 0.0.0.0:8080" per published port (each
// port of a range on its own line), "ID\t" before each with --all, and only
// "0.0.0.0:8080" when one private port is asked for. Pure.
import { UserError } from '../../errors.js';
import type { PortMapping } from './containers.js';

export interface WantedPort {
  port: number;
  protocol: string;
}

/** PRIVATE[/PROTO], tcp by default. */
export function parseWantedPort(text: string): WantedPort {
  const [port, protocol = 'tcp', ...rest] = text.split('/');
  const n = Number(port);
  if (rest.length > 0 || !/^\d+$/.test(port ?? '') || n < 1 || n > 65535 || protocol === '') {
    throw new UserError(`invalid port '${text}': give it as PORT or PORT/PROTO, e.g. 80/tcp`);
  }
  return { port: n, protocol };
}

/** The lines for one container's mappings; undefined when a wanted port is not published. */
export function portLines(mappings: readonly PortMapping[], wanted?: WantedPort, prefix = ''): string[] | undefined {
  const lines: string[] = [];
  for (const m of mappings) {
    const ip = m.host_ip === '' ? '0.0.0.0' : m.host_ip;
    for (const protocol of m.protocol.split(',')) {
      if (!wanted) {
        for (let i = 0; i < Math.max(1, m.range); i++) lines.push(`${prefix}${m.container_port + i}/${protocol} -> ${ip}:${m.host_port + i}`);
        continue;
      }
      if (protocol === wanted.protocol && m.container_port <= wanted.port && wanted.port < m.container_port + Math.max(1, m.range)) {
        return [`${prefix}${ip}:${m.host_port + (wanted.port - m.container_port)}`];
      }
    }
  }
  return wanted ? undefined : lines;
}
