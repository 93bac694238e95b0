// Rootless networking as the unprivileged test user, with pasta and with slirp4netns:
// published TCP and UDP ports, -P, the client's address as the server sees it (from a
// network namespace this test makes, and from the host), the host's loopback reachable
// only when allowed, name resolution against a DNS server this test runs,
// container:NAME, a port clash, privileged ports, and no helper left once the
// container is gone.
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createSocket, type Socket } from 'node:dgram';
import { chmodSync, mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { hostAddresses } from '../../src/engine/container/net-host.js';
import { SLIRP_GATEWAY } from '../../src/engine/container/network.js';
import { boxctl, host, testUser, userTempDir } from './harness.js';
import { freePort, httpText, until } from './waits.js';

const IMAGE = `${host.registry}/boxctl/busybox`;
const EXPOSING = 'localhost/boxctl-test/exposing';
const scratch = userTempDir(testUser.uid);
const root = join(scratch.path, 'r');
const runroot = join(scratch.path, 'u');
const echo = join(scratch.path, 'udp-echo');
const www = join(scratch.path, 'www');
const { address: hostAddress, gateway } = hostAddresses();
// A client on "another machine": a network namespace joined to the host by a veth
// pair, on a /30 of 198.18.0.0/15 (benchmarking addresses) named after our pid.
const remote = {
  ns: `boxctl-it-${process.pid}`,
  hostIf: `bxh${process.pid}`.slice(0, 15),
  clientIf: `bxc${process.pid}`.slice(0, 15),
  host: `198.18.${(process.pid >> 6) & 255}.${(process.pid & 63) * 4 + 1}`,
  client: `198.18.${(process.pid >> 6) & 255}.${(process.pid & 63) * 4 + 2}`,
};

const bx = (args: readonly string[]) => boxctl(['--root', root, '--runroot', runroot, ...args], testUser);

async function ok(args: readonly string[]): Promise<string> {
  const r = await bx(args);
  expect(r.code, `boxctl ${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r.stdout;
}

function udpRoundTrip(address: string, port: number, payload: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = createSocket('udp4');
    const timer = setTimeout(() => {
      s.close();
      reject(new Error('no UDP answer'));
    }, 1000);
    s.once('message', (m) => {
      clearTimeout(timer);
      s.close();
      resolve(m.toString());
    });
    s.send(payload, port, address);
  });
}

/** Answers A queries for test.boxctl.internal with 203.0.113.7, anything else with no records. */
function dnsAnswer(q: Buffer): Buffer {
  let i = 12;
  const labels: string[] = [];
  while (q[i]! !== 0) {
    labels.push(q.subarray(i + 1, i + 1 + q[i]!).toString());
    i += q[i]! + 1;
  }
  const qtype = q.readUInt16BE(i + 1);
  const question = q.subarray(12, i + 5);
  const hit = qtype === 1 && labels.join('.') === 'test.boxctl.internal';
  const header = Buffer.from([q[0]!, q[1]!, 0x81, 0x80, 0, 1, 0, hit ? 1 : 0, 0, 0, 0, 0]);
  const answer = hit ? Buffer.from([0xc0, 0x0c, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, 203, 0, 113, 7]) : Buffer.alloc(0);
  return Buffer.concat([header, question, answer]);
}

/** The pids of pasta or slirp4netns processes serving container `id`: its monitor's children. */
function helpersOf(id: string): number[] {
  const out: number[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const comm = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
      if (!/^(pasta|passt|slirp4netns)/.test(comm)) continue;
      const ppid = /^PPid:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
      if (readFileSync(`/proc/${ppid}/cmdline`, 'utf8').includes(id)) out.push(Number(pid));
    } catch {
      // Gone while we looked.
    }
  }
  return out;
}

/** What the CGI in the container printed: busybox httpd's REMOTE_ADDR, "[::ffff:A.B.C.D]". */
const peerOf = (text: string | undefined): string | undefined => text?.trim().replace(/^\[(.*)\]$/, '$1').replace(/^::ffff:/, '');

/** GET url from inside the remote namespace (as root, with node's fetch). */
async function fetchFromRemote(url: string): Promise<string> {
  const script = `fetch(${JSON.stringify(url)}, { signal: AbortSignal.timeout(2000) }).then((r) => r.text()).then((t) => process.stdout.write(t))`;
  const { stdout } = await promisify(execFile)('ip', ['netns', 'exec', remote.ns, process.execPath, '-e', script], { timeout: 5000 });
  return stdout;
}

function makeRemote(): void {
  const ip = (...args: string[]) => execFileSync('ip', args);
  ip('netns', 'add', remote.ns);
  ip('link', 'add', remote.hostIf, 'type', 'veth', 'peer', 'name', remote.clientIf, 'netns', remote.ns);
  ip('addr', 'add', `${remote.host}/30`, 'dev', remote.hostIf);
  ip('link', 'set', remote.hostIf, 'up');
  ip('-n', remote.ns, 'addr', 'add', `${remote.client}/30`, 'dev', remote.clientIf);
  ip('-n', remote.ns, 'link', 'set', remote.clientIf, 'up');
}

let hostServer: Server;
let hostPort: number;
let dns: Socket;

beforeAll(async () => {
  await ok(['pull', '-q', IMAGE]);
  execFileSync('cc', ['-O2', '-static', '-o', echo, join(import.meta.dirname, 'fixtures', 'udp-echo.c')]);
  await ok(['create', '--name', 'exposing-src', '--network', 'none', IMAGE, 'true']);
  await ok(['commit', '-c', 'EXPOSE 80', '-c', 'EXPOSE 7/udp', 'exposing-src', EXPOSING]);
  await ok(['rm', 'exposing-src']);
  // A CGI that answers with the client's address as the server saw it (httpd passes
  // its header on as it is, and fetch wants CRLF).
  mkdirSync(join(www, 'cgi-bin'), { recursive: true });
  writeFileSync(join(www, 'cgi-bin', 'peer'), '#!/bin/sh\nprintf \'Content-Type: text/plain\\r\\n\\r\\n%s\\n\' "$REMOTE_ADDR"\n');
  for (const path of [www, join(www, 'cgi-bin'), join(www, 'cgi-bin', 'peer')]) chmodSync(path, 0o755);
  makeRemote();
  hostServer = createHttpServer((_, res) => res.end('host loopback\n'));
  hostPort = await new Promise((resolve) => hostServer.listen(0, '127.0.0.1', () => resolve((hostServer.address() as { port: number }).port)));
  // As root: port 53 on every address, so that each helper's way to the host reaches it.
  dns = createSocket('udp4');
  dns.on('message', (q, peer) => dns.send(dnsAnswer(q), peer.port, peer.address));
  await new Promise<void>((resolve) => dns.bind(53, '0.0.0.0', resolve));
}, 120_000);

afterAll(async () => {
  await bx(['rm', '-f', '--all']);
  // The veth pair goes with the namespace.
  execFileSync('ip', ['netns', 'del', remote.ns], { stdio: 'ignore' });
  hostServer?.close();
  dns?.close();
  scratch.remove();
});

describe.each([
  // pasta reaches the host's loopback through the gateway's address, with --map-gw.
  { helper: 'pasta', allowed: 'pasta:--map-gw', hostVia: gateway },
  // slirp4netns through 10.0.2.2, with allow_host_loopback; its NAT reaches the host's own address.
  { helper: 'slirp4netns', allowed: 'slirp4netns:allow_host_loopback=true', hostVia: '10.0.2.2' },
])('--network $helper', ({ helper, allowed, hostVia }) => {
  it('publishes a TCP port: busybox httpd answers on the host loopback, and inspect and port say how', async () => {
    const port = await freePort();
    const id = (await ok(['run', '-d', '--name', `web-${helper}`, '--network', helper, '-p', `127.0.0.1:${port}:80`, IMAGE, 'httpd', '-f', '-p', '80', '-h', '/etc'])).trim();
    expect(await until('httpd', () => httpText(`http://127.0.0.1:${port}/hostname`))).toBe(`${id.slice(0, 12)}\n`);
    expect(await ok(['port', `web-${helper}`])).toBe(`80/tcp -> 127.0.0.1:${port}\n`);
    const info = JSON.parse(await ok(['inspect', `web-${helper}`]))[0];
    expect(info.HostConfig.NetworkMode).toBe(helper);
    expect(info.NetworkSettings).toMatchObject({ Helper: helper, SourceAddressKept: true, HostLoopbackReachable: false });
    expect(helpersOf(id)).toHaveLength(1);
    await ok(['rm', '-f', `web-${helper}`]);
    expect(helpersOf(id)).toEqual([]);
  });

  it("shows the server a remote client's own address, and a client on the host as the helper maps it", async () => {
    const port = await freePort();
    await ok(['run', '-d', '--name', `peer-${helper}`, '--network', helper, '-p', `${port}:80`, '-v', `${www}:/www:ro`, IMAGE, 'httpd', '-f', '-p', '80', '-h', '/www']);
    const seen = await until('the remote client', async () => peerOf(await fetchFromRemote(`http://${remote.host}:${port}/cgi-bin/peer`)));
    expect(seen).toBe(remote.client);
    // pasta splices loopback connections into the container's own loopback; slirp4netns NATs them from its gateway.
    expect(peerOf(await httpText(`http://127.0.0.1:${port}/cgi-bin/peer`))).toBe(helper === 'pasta' ? '127.0.0.1' : SLIRP_GATEWAY);
    const info = JSON.parse(await ok(['inspect', `peer-${helper}`]))[0];
    expect(info.NetworkSettings.SourceAddressKept).toBe(true);
    await ok(['rm', '-f', `peer-${helper}`]);
  });

  it('echoes UDP through a published UDP port', async () => {
    const port = await freePort();
    // pasta of early 2023 (Debian 12) answers UDP clients only through its gateway mapping.
    const network = helper === 'pasta' ? 'pasta:--map-gw' : helper;
    await ok(['run', '-d', '--name', `udp-${helper}`, '--network', network, '-p', `${port}:7/udp`, '-v', `${echo}:/udp-echo:ro`, IMAGE, '/udp-echo', '7']);
    // To the host's address: that pasta drops UDP replies to clients on loopback.
    expect(await until('the echo', () => udpRoundTrip(hostAddress!, port, `hello ${helper}`))).toBe(`hello ${helper}`);
    await ok(['rm', '-f', `udp-${helper}`]);
  });

  it('-P publishes every exposed port on a free host port', async () => {
    await ok(['run', '-d', '--name', `all-${helper}`, '--network', helper, '-P', EXPOSING, 'httpd', '-f', '-p', '80', '-h', '/etc']);
    const lines = (await ok(['port', `all-${helper}`])).trim().split('\n').sort();
    expect(lines).toEqual([expect.stringMatching(/^7\/udp -> 0\.0\.0\.0:\d+$/), expect.stringMatching(/^80\/tcp -> 0\.0\.0\.0:\d+$/)]);
    const port = /:(\d+)$/.exec(lines[1]!)![1];
    expect(await until('httpd', () => httpText(`http://127.0.0.1:${port}/hostname`))).toMatch(/^[0-9a-f]{12}\n$/);
    await ok(['rm', '-f', `all-${helper}`]);
  });

  it("reaches a server on the host's loopback only when allowed", async () => {
    // Not wget -T: Debian's busybox 1.35 crashes on it.
    // busybox timeout execs wget in its own place, and as pid 1 wget would ignore SIGTERM:
    // sh stays pid 1 (a command after it keeps sh from exec'ing the last one).
    const get = (network: string) => bx(['run', '--rm', '--network', network, IMAGE, 'sh', '-c', `timeout 3 wget -q -O - http://${hostVia}:${hostPort}/; exit $?`]);
    const denied = await get(helper);
    expect(denied.code).not.toBe(0);
    const allowedRun = await get(allowed);
    expect(allowedRun.code, allowedRun.stderr).toBe(0);
    expect(allowedRun.stdout).toBe('host loopback\n');
  });

  it('resolves names against a DNS server given with --dns, and writes resolv.conf and hosts', async () => {
    // pasta's namespace has the host's own address, so the host is its gateway (--map-gw);
    // slirp4netns reaches the host's address through its NAT.
    const network = helper === 'pasta' ? 'pasta:--map-gw' : helper;
    const server = helper === 'pasta' ? gateway! : hostAddress!;
    const r = await bx([
      'run', '--rm', '--network', network, '--dns', server, '--dns-search', 'boxctl.internal', '--dns-option', 'ndots:2',
      '--add-host', 'extra.example:192.0.2.77', '--hostname', 'box', '--name', `dns-${helper}`,
      IMAGE, 'sh', '-c', 'cat /etc/resolv.conf /etc/hosts /etc/hostname; nslookup test.boxctl.internal',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`search boxctl.internal\nnameserver ${server}\noptions ndots:2\n`);
    expect(r.stdout).toMatch(/^192\.0\.2\.77\textra\.example$/m);
    expect(r.stdout).toMatch(new RegExp(`\\tbox dns-${helper}$`, 'm'));
    expect(r.stdout).toMatch(/^box$/m);
    expect(r.stdout).toMatch(/Address: 203\.0\.113\.7/);
  });

  it('shares the network of another container with container:NAME', async () => {
    await ok(['run', '-d', '--name', `base-${helper}`, '--network', helper, IMAGE, 'httpd', '-f', '-p', '127.0.0.1:8080', '-h', '/etc']);
    const r = await until('the shared loopback', async () => {
      const got = await bx(['run', '--rm', '--network', `container:base-${helper}`, IMAGE, 'busybox', 'timeout', '2', 'wget', '-q', '-O', '-', 'http://127.0.0.1:8080/hostname']);
      return got.code === 0 ? got : undefined;
    });
    expect(r.stdout).toMatch(/^[0-9a-f]{12}\n$/);
    await ok(['rm', '-f', `base-${helper}`]);
  });

  it('refuses a host port that is taken with one line, and starts once it is free', async () => {
    const port = await freePort();
    const holder = createTcpServer().listen(port, '127.0.0.1');
    await new Promise((r) => holder.once('listening', r));
    const r = await bx(['run', '-d', '--name', `clash-${helper}`, '--network', helper, '-p', `127.0.0.1:${port}:80`, IMAGE, 'httpd', '-f', '-p', '80']);
    expect(r.code).toBe(125);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(`host port ${port}/tcp on 127.0.0.1 is already in use`);
    await new Promise((resolve) => holder.close(resolve));
    await ok(['start', `clash-${helper}`]);
    await ok(['stop', '-t', '0', `clash-${helper}`]);
    // Stopped: the port is free again for anyone.
    await new Promise<void>((resolve, reject) => createTcpServer().once('error', reject).listen(port, '127.0.0.1', function (this: Server) { this.close(() => resolve()); }));
    await ok(['rm', `clash-${helper}`]);
  });
});

describe('--network ns:PATH', () => {
  // The test user's own user and network namespace, held by a sleep; a link to it;
  // a bind mount of it and one of the host's network namespace, made by root.
  let holder: ChildProcess;
  let pid: number;
  const link = join(scratch.path, 'netns-link');
  const mounted = join(scratch.path, 'netns-mount');
  const hostNet = join(scratch.path, 'host-netns-mount');

  beforeAll(async () => {
    holder = spawn('runuser', ['-u', testUser.user, '--', 'unshare', '-Urn', 'sleep', '600'], { stdio: 'ignore' });
    // runuser's child runs unshare, which maps root to the user and then execs sleep.
    pid = await until('the namespace holder', async () => {
      const child = Number(readFileSync(`/proc/${holder.pid}/task/${holder.pid}/children`, 'utf8').trim());
      return child > 0 && readFileSync(`/proc/${child}/comm`, 'utf8').trim() === 'sleep' ? child : undefined;
    });
    symlinkSync(`/proc/${pid}/ns/net`, link);
    for (const [source, target] of [[`/proc/${pid}/ns/net`, mounted], ['/proc/self/ns/net', hostNet]] as const) {
      writeFileSync(target, '');
      execFileSync('mount', ['--bind', source, target]);
    }
  });

  afterAll(() => {
    for (const target of [mounted, hostNet]) execFileSync('umount', [target], { stdio: 'ignore' });
    if (pid) process.kill(pid);
    holder?.kill();
  });

  it('joins a network namespace of the user by any path to it, and the user namespace that owns it', async () => {
    const want = readlinkSync(`/proc/${pid}/ns/net`);
    for (const path of [`/proc/${pid}/ns/net`, link, mounted]) {
      const r = await bx(['run', '--rm', '--network', `ns:${path}`, IMAGE, 'sh', '-c', 'readlink /proc/self/ns/net; ip -o link | wc -l']);
      expect(r.code, `ns:${path}: ${r.stderr}`).toBe(0);
      // Its loopback only: what `unshare -n` made.
      expect(r.stdout).toBe(`${want}\n1\n`);
    }
  });

  it("refuses the host's network namespace and what is no namespace, in one line each", async () => {
    const host = await bx(['create', '--network', `ns:${hostNet}`, IMAGE, 'true']);
    expect(host.code).toBe(125);
    expect(host.stderr).toMatch(/^Error: invalid network namespace: cannot join \S+: it belongs to the host's user namespace, which only root may join; .*\n$/);
    const file = await bx(['create', '--network', 'ns:/etc/hostname', IMAGE, 'true']);
    expect(file.code).toBe(125);
    expect(file.stderr).toBe('Error: invalid network namespace: /etc/hostname is not a namespace: give /proc/PID/ns/net or a mount of one\n');
  });
});

describe('network flags', () => {
  it('refuses host ports below ip_unprivileged_port_start and names the sysctl', async () => {
    const start = Number(readFileSync('/proc/sys/net/ipv4/ip_unprivileged_port_start', 'utf8'));
    if (start <= 80) return;
    const r = await bx(['create', '-p', '80:80', IMAGE, 'true']);
    expect(r.code).toBe(125);
    expect(r.stderr).toContain('net.ipv4.ip_unprivileged_port_start');
  });

  it('--no-hosts leaves the image’s /etc/hosts, --network none has no helper and no -p', async () => {
    const r = await bx(['run', '--rm', '--no-hosts', '--network', 'none', IMAGE, 'sh', '-c', 'cat /etc/hosts 2>&1; ip -o link | wc -l']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toContain('host.containers.internal');
    expect(r.stdout.trim().split('\n').at(-1)).toBe('1');
    const p = await bx(['create', '--network', 'none', '-p', '8080:80', IMAGE, 'true']);
    expect(p.code).toBe(125);
    expect(p.stderr).toContain('use pasta or slirp4netns');
  });

  it("says in one line why the helper failed, and --rm leaves no container", async () => {
    const r = await bx(['run', '--rm', '--name', 'bad-helper', '--network', 'pasta:--no-such-option', IMAGE, 'true']);
    expect(r.code).toBe(125);
    expect(r.stderr).toMatch(/^Error: the network helper pasta failed: \S*pasta: unrecognized option '--no-such-option'\n$/);
    expect(await ok(['ps', '-a', '--format', '{{.Names}}'])).not.toContain('bad-helper');
  });

  it('uses pasta by default where it is installed', async () => {
    const out = await ok(['create', '--name', 'default-net', IMAGE, 'true']);
    expect(out).toMatch(/^[0-9a-f]{64}\n$/);
    const info = JSON.parse(await ok(['inspect', 'default-net']))[0];
    expect(info.HostConfig.NetworkMode).toBe('pasta');
    await ok(['rm', 'default-net']);
  });
});
