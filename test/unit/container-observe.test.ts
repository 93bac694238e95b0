import { describe, expect, it } from 'vitest';

import { descendants, idInside, parseIdMap, parseStat, parseStatus } from '../../src/engine/container/procs.js';
import type { TopProcess, TopSnapshot } from '../../src/engine/container/top.js';
import { namesById } from '../../src/engine/container/top.js';
import { parseDescriptors, renderTop, ttyName } from '../../src/cli/render/top.js';
import { parsePorts } from '../../src/cli/render/containers.js';
import { parseWantedPort, portLines } from '../../src/cli/render/port.js';

describe('/proc parsing for top and stats', () => {
  it('reads stat fields after the last parenthesis, whatever the name holds', () => {
    const stat = '4242 (a) b (c)) S 4240 4242 4242 34816 4242 4194560 100 0 0 0 250 50 0 0 20 0 1 0 123456 4734976 200 18446744073709551615';
    expect(parseStat(stat)).toMatchObject({ pid: 4242, comm: 'a) b (c)', state: 'S', ppid: 4240, pgrp: 4242, ttyNr: 34816, cpuTicks: 300, nice: 0, startTime: 123456, vsize: 4734976 });
    expect(parseStat('garbage')).toBeUndefined();
  });

  it('reads uids, gids, NSpid and VmRSS from status', () => {
    const status = 'Name:\tsh\nUid:\t100000\t101000\t101000\t101000\nGid:\t100000\t100000\t100000\t100000\nNSpid:\t4242\t1\nVmRSS:\t    1484 kB\n';
    expect(parseStatus(status)).toEqual({ uids: [100000, 101000, 101000, 101000], gids: [100000, 100000, 100000, 100000], nspid: [4242, 1], rss: 1484 * 1024 });
    expect(parseStatus('Name:\tkthreadd\n').rss).toBe(0);
  });

  it('maps host ids back through uid_map', () => {
    const map = parseIdMap('         0       1000          1\n         1     100000      65536\n');
    expect(idInside(map, 1000)).toBe(0);
    expect(idInside(map, 100000)).toBe(1);
    expect(idInside(map, 100999)).toBe(1000);
    expect(idInside(map, 5)).toBe(65534);
  });

  it('collects the process tree under the init', () => {
    const parents = new Map([
      [1, 0],
      [10, 1],
      [11, 10],
      [12, 11],
      [13, 10],
      [20, 1],
    ]);
    expect(descendants(10, parents).sort()).toEqual([10, 11, 12, 13]);
    expect(descendants(12, parents)).toEqual([12]);
  });

  it('names users from a passwd file, the first entry for an id winning', () => {
    const names = namesById('root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534::/:/bin/false\ntoor:x:0:0::/:/bin/sh\nbad line\n');
    expect(names.get(0)).toBe('root');
    expect(names.get(65534)).toBe('nobody');
    expect(namesById(undefined).size).toBe(0);
  });
});

describe('top as Podman prints it', () => {
  const proc = (over: Partial<TopProcess>): TopProcess => ({
    pid: 5000,
    ppid: 4999,
    comm: 'sleep',
    state: 'S',
    pgrp: 1,
    ttyNr: 0,
    nice: 0,
    cpuTicks: 0,
    startTime: 1000,
    vsize: 4096 * 1024,
    uids: [1000, 1000, 1000, 1000],
    gids: [1000, 1000, 1000, 1000],
    nspid: [5000, 1],
    rss: 2048 * 1024,
    args: ['sleep', '1000'],
    nsPid: 1,
    nsPpid: 0,
    user: 'root',
    group: 'root',
    hostUser: 'boxtest',
    hostGroup: 'boxtest',
    ...over,
  });
  // Booted at 1000 s, the process started 10 s later, now is 15.5 s after boot.
  const snapshot = (processes: TopProcess[]): TopSnapshot => ({ processes, bootTime: 1000, nowNs: 1015_500_000_000n });

  it('takes descriptors as words or comma lists, and AIX codes; refuses unknown ones in one line', () => {
    expect(parseDescriptors([])).toEqual(['user', 'pid', 'ppid', 'pcpu', 'etime', 'tty', 'time', 'args']);
    expect(parseDescriptors(['pid,user', 'args'])).toEqual(['pid', 'user', 'args']);
    expect(parseDescriptors(['%p', '%U'])).toEqual(['pid', 'user']);
    expect(() => parseDescriptors(['pid', 'bogus'])).toThrow(/^unknown descriptor: bogus/);
  });

  it('prints the default columns with the container pids and users', () => {
    const busy = proc({ nsPid: 7, nsPpid: 1, pid: 5007, cpuTicks: 275, startTime: 1000, args: ['sh', '-c', 'while :; do :; done'], user: 'nobody', ttyNr: (136 << 8) | 3 });
    const out = renderTop(snapshot([proc({}), busy]), parseDescriptors([]));
    const lines = out.trimEnd().split('\n').map((l) => l.split(/\s{2,}/));
    expect(lines[0]).toEqual(['USER', 'PID', 'PPID', '%CPU', 'ELAPSED', 'TTY', 'TIME', 'COMMAND']);
    expect(lines[1]).toEqual(['root', '1', '0', '0.000', '5.5s', '?', '0s', 'sleep 1000']);
    expect(lines[2]).toEqual(['nobody', '7', '1', '36.364', '5.5s', 'pts/3', '2s', 'sh -c while :; do :; done']);
  });

  it('shows host columns, sizes in KiB, and a kernel-style name for no command line', () => {
    const out = renderTop(snapshot([proc({ args: [] })]), parseDescriptors(['hpid,huser,vsz,rss,comm,args']));
    expect(out.split('\n')[1]!.split(/\s{2,}/)).toEqual(['5000', 'boxtest', '4096', '2048', 'sleep', '[sleep]']);
  });

  it('names terminals from tty_nr', () => {
    expect(ttyName(0)).toBe('?');
    expect(ttyName((136 << 8) | 0)).toBe('pts/0');
    expect(ttyName((4 << 8) | 1)).toBe('tty1');
  });
});

describe('port as Podman prints it', () => {
  const ports = parsePorts(['8080:80/tcp', '127.0.0.1:5353:53/udp', '9000-9001:90-91/tcp']);

  it('lists every published port, a range port by port', () => {
    expect(portLines(ports)).toEqual(['80/tcp -> 0.0.0.0:8080', '53/udp -> 127.0.0.1:5353', '90/tcp -> 0.0.0.0:9000', '91/tcp -> 0.0.0.0:9001']);
    expect(portLines(parsePorts([]))).toEqual([]);
  });

  it('answers one private port with its host address, tcp by default', () => {
    expect(portLines(ports, parseWantedPort('80'))).toEqual(['0.0.0.0:8080']);
    expect(portLines(ports, parseWantedPort('91/tcp'))).toEqual(['0.0.0.0:9001']);
    expect(portLines(ports, parseWantedPort('53/udp'))).toEqual(['127.0.0.1:5353']);
    expect(portLines(ports, parseWantedPort('53'))).toBeUndefined();
  });

  it('prefixes the id with --all, and refuses a malformed port', () => {
    expect(portLines(ports.slice(0, 1), undefined, 'abc\t')).toEqual(['abc\t80/tcp -> 0.0.0.0:8080']);
    expect(() => parseWantedPort('http')).toThrow(/invalid port 'http'/);
    expect(() => parseWantedPort('80/tcp/x')).toThrow(/invalid port/);
  });
});
