import { describe, expect, it } from 'vitest';

import {
  checkOverlap,
  checkPrivileged,
  checkPublishable,
  exposedPorts,
  fitMountsToUserns,
  helperArgs,
  helperBindsHostPorts,
  hostsFile,
  mapsId,
  networkText,
  parseAddHost,
  parseNetwork,
  parsePublish,
  portText,
  resolvConf,
} from '../../src/engine/container/network.js';
import { parsePorts } from '../../src/cli/render/containers.js';

const both = { pasta: true, slirp4netns: true };
const noDns = { servers: [], search: [], options: [] };

describe('parseNetwork', () => {
  it('defaults to pasta, else slirp4netns, else says what to install', () => {
    expect(parseNetwork(undefined, both)).toEqual({ kind: 'pasta', args: [] });
    expect(parseNetwork(undefined, { pasta: false, slirp4netns: true })).toEqual({ kind: 'slirp4netns', allowHostLoopback: false });
    expect(() => parseNetwork(undefined, { pasta: false, slirp4netns: false })).toThrow(/install passt/);
  });

  it('reads options and writes back the same text', () => {
    for (const text of ['pasta:--map-gw', 'slirp4netns:allow_host_loopback=true', 'none', 'host', 'private', 'ns:/proc/1/ns/net', 'container:web']) {
      expect(networkText(parseNetwork(text, both))).toBe(text);
    }
    expect(() => parseNetwork('slirp4netns:mtu=1500', both)).toThrow(/allow_host_loopback/);
    expect(() => parseNetwork('ns:relative', both)).toThrow(/absolute/);
    expect(() => parseNetwork('bridge', both)).toThrow(/use pasta/);
  });
});

describe('parsePublish', () => {
  it('takes [IP:][HOST:]CTR[/proto] with ranges, and parsePorts reads portText back', () => {
    expect(parsePublish('80')).toEqual({ hostIp: '', hostPort: 0, containerPort: 80, range: 1, protocol: 'tcp' });
    expect(parsePublish('8080:80/udp')).toMatchObject({ hostPort: 8080, containerPort: 80, protocol: 'udp' });
    expect(parsePublish('127.0.0.1:9000-9001:90-91')).toMatchObject({ hostIp: '127.0.0.1', hostPort: 9000, containerPort: 90, range: 2 });
    expect(parsePublish('[::1]:8080:80')).toMatchObject({ hostIp: '::1', hostPort: 8080 });
    expect(parsePublish('127.0.0.1::80')).toMatchObject({ hostIp: '127.0.0.1', hostPort: 0 });
    const p = parsePublish('127.0.0.1:9000-9001:90-91/udp');
    expect(portText(p)).toBe('127.0.0.1:9000-9001:90-91/udp');
    expect(parsePorts([portText(p)])).toEqual([{ host_ip: '127.0.0.1', host_port: 9000, container_port: 90, range: 2, protocol: 'udp' }]);
    expect(parsePublish(portText(parsePublish('[::1]:8080:80')))).toMatchObject({ hostIp: '::1', hostPort: 8080 });
  });

  it('refuses bad specs with one line each', () => {
    expect(() => parsePublish('80/sctp')).toThrow(/tcp or udp/);
    expect(() => parsePublish('8080-8082:80-81')).toThrow(/differ in length/);
    expect(() => parsePublish('70000')).toThrow(/1 to 65535/);
    expect(() => parsePublish('host:80:80')).toThrow(/host address/);
  });

  it('-P takes the image ExposedPorts with host ports to choose', () => {
    expect(exposedPorts({ '80/tcp': {}, '53/udp': {} })).toEqual([
      { hostIp: '', hostPort: 0, containerPort: 80, range: 1, protocol: 'tcp' },
      { hostIp: '', hostPort: 0, containerPort: 53, range: 1, protocol: 'udp' },
    ]);
  });

  it('refuses privileged host ports naming the sysctl, overlaps, and modes without a helper', () => {
    expect(() => checkPrivileged([parsePublish('80:80')], 1024)).toThrow(/net\.ipv4\.ip_unprivileged_port_start=80/);
    expect(() => checkPrivileged([parsePublish('80:80')], 80)).not.toThrow();
    expect(() => checkOverlap([parsePublish('8080-8081:80-81'), parsePublish('8081:90')])).toThrow(/8081\/tcp is published twice/);
    expect(() => checkOverlap([parsePublish('8080:80'), parsePublish('8080:80/udp')])).not.toThrow();
    expect(() => checkPublishable({ kind: 'none' }, [parsePublish('80')])).toThrow(/pasta or slirp4netns/);
    expect(() => checkPublishable({ kind: 'slirp4netns', allowHostLoopback: false }, [parsePublish('[::1]:8080:80')])).toThrow(/IPv4/);
  });
});

describe('helperArgs', () => {
  it('pasta: forwards as -t/-u specs, no host loopback unless --map-gw', () => {
    const { args, forwards } = helperArgs({ kind: 'pasta', args: [] }, [parsePublish('127.0.0.1:8080:80'), parsePublish('9000-9001:90-91/udp')]);
    expect(args).toEqual(['--config-net', '--dns-forward', '169.254.1.1', '-t', '127.0.0.1/8080:80', '-u', '9000-9001:90-91', '-T', 'none', '-U', 'none', '--no-map-gw']);
    expect(forwards).toEqual([]);
    expect(helperArgs({ kind: 'pasta', args: ['--map-gw'] }, []).args).not.toContain('--no-map-gw');
  });

  it('slirp4netns: one API forward per port', () => {
    const { args, forwards } = helperArgs({ kind: 'slirp4netns', allowHostLoopback: false }, [parsePublish('9000-9001:90-91/udp')]);
    expect(args).toContain('--disable-host-loopback');
    expect(forwards).toEqual(['udp:0.0.0.0:9000:90', 'udp:0.0.0.0:9001:91']);
  });
});

describe('helperBindsHostPorts', () => {
  it('is true with -p, or with -t/-u among pasta options, and false for the rest', () => {
    const pasta = (args: string[]) => ({ kind: 'pasta' as const, args });
    expect(helperBindsHostPorts(pasta([]), [])).toBe(false);
    expect(helperBindsHostPorts(pasta(['--map-gw', '-T', '8080']), [])).toBe(false);
    expect(helperBindsHostPorts(pasta([]), [parsePublish('8080:80')])).toBe(true);
    expect(helperBindsHostPorts(pasta(['-t', '8080']), [])).toBe(true);
    expect(helperBindsHostPorts(pasta(['--udp-ports=53']), [])).toBe(true);
    expect(helperBindsHostPorts({ kind: 'slirp4netns', allowHostLoopback: true }, [])).toBe(false);
    expect(helperBindsHostPorts({ kind: 'slirp4netns', allowHostLoopback: false }, [parsePublish('53/udp')])).toBe(true);
  });
});

describe('joining a user namespace', () => {
  const pts = { destination: '/dev/pts', type: 'devpts', options: ['nosuid', 'newinstance', 'mode=0620', 'gid=5'] };
  const shm = { destination: '/dev/shm', type: 'tmpfs', options: ['mode=1777'] };

  it("reads /proc/PID/gid_map lines", () => {
    const full = '         0       1001          1\n         1     100000      65536\n';
    expect(mapsId(full, 5)).toBe(true);
    expect(mapsId(full, 65537)).toBe(false);
    expect(mapsId('         0       1001          1\n', 5)).toBe(false);
    expect(mapsId('', 0)).toBe(false);
  });

  it('drops gid=5 from devpts where the joined namespace does not map it, as for a namespace of its own', () => {
    expect(fitMountsToUserns([pts, shm], '0 1001 1\n')).toEqual([{ ...pts, options: ['rprivate', 'nosuid', 'newinstance', 'mode=0620'] }, shm]);
    expect(fitMountsToUserns([pts, shm], '0 1001 1\n1 100000 65536\n')).toEqual([pts, shm]);
  });
});

describe('resolv.conf and hosts', () => {
  const host = 'nameserver 127.0.0.53\nnameserver 10.0.0.1\nsearch corp.example\noptions edns0\n';

  it("points at the helper's resolver, keeps the host's search and options, and lets the flags win", () => {
    expect(resolvConf({ kind: 'pasta', args: [] }, noDns, host)).toBe('search corp.example\nnameserver 169.254.1.1\noptions edns0\n');
    expect(resolvConf({ kind: 'slirp4netns', allowHostLoopback: false }, noDns, host)).toContain('nameserver 10.0.2.3\n');
    expect(resolvConf({ kind: 'private' }, noDns, host)).toBe('search corp.example\nnameserver 10.0.0.1\noptions edns0\n');
    expect(resolvConf({ kind: 'pasta', args: [] }, { servers: ['1.1.1.1'], search: ['.'], options: ['ndots:2'] }, host)).toBe('nameserver 1.1.1.1\noptions ndots:2\n');
  });

  it('names the container and the host, with --add-host entries', () => {
    const text = hostsFile({ hostname: 'abc', name: 'web', address: '10.0.2.100', hostAddress: '10.0.2.2', addHosts: [parseAddHost('db:192.0.2.9')] });
    expect(text).toContain('192.0.2.9\tdb\n10.0.2.100\tabc web\n10.0.2.2\thost.containers.internal host.docker.internal\n');
    expect(hostsFile({ hostname: 'abc', name: 'abc', addHosts: [] })).toContain('127.0.1.1\tabc\n');
    expect(() => parseAddHost('nohost')).toThrow(/NAME:IP/);
  });
});
