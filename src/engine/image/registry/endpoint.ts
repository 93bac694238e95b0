// Where a registry name is served and over what. HTTPS with certificate checks, except
// where Docker relaxes it: for registries marked insecure and for loopback addresses
// (127.0.0.0/8 and ::1 are in dockerd's default insecure list), TLS without certificate
// checks is tried first and plain HTTP second.
import { BlockList, isIP } from 'node:net';

import { UserError } from '../../../errors.js';
import { DOCKER_HUB } from '../reference.js';

/** Docker Hub's name in references is not where its API lives. */
const DOCKER_HUB_API = 'registry-1.docker.io';

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

export interface Endpoint {
  /** 'https://quay.io', 'http://127.0.0.1:5000'. */
  origin: string;
  tlsVerify: boolean;
}

/** The host[:port] the API of a registry answers on. */
export function registryHost(registry: string): string {
  return registry === DOCKER_HUB ? DOCKER_HUB_API : registry;
}

function hostname(registry: string): string {
  try {
    // The URL parser lower-cases names and normalizes addresses ('127.1', '[0::1]').
    return new URL(`http://${registry}`).hostname;
  } catch {
    throw new UserError(`invalid registry '${registry}': give a host name or address, with an optional :port`);
  }
}

export function isLoopback(registry: string): boolean {
  const host = hostname(registry);
  if (host === 'localhost') return true;
  const address = host.startsWith('[') ? host.slice(1, -1) : host;
  const family = isIP(address);
  // BlockList also matches IPv4-mapped IPv6 addresses against the IPv4 subnet.
  return family !== 0 && LOOPBACK.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** The endpoints to try, in order, until one answers over HTTP. */
export function registryEndpoints(registry: string, opts: { insecure?: boolean; tlsVerify?: boolean }): Endpoint[] {
  const host = registryHost(registry);
  if (!opts.insecure && !isLoopback(registry)) {
    return [{ origin: `https://${host}`, tlsVerify: opts.tlsVerify !== false }];
  }
  return [
    { origin: `https://${host}`, tlsVerify: false },
    { origin: `http://${host}`, tlsVerify: false },
  ];
}
