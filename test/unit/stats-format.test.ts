import { describe, expect, it } from 'vitest';

import { computeStats, NO_STATS, parseIoStat, parseNetDev, type StatsSample } from '../../src/engine/container/stats.js';
import { goDuration } from '../../src/cli/render/go-duration.js';
import { bytesSize, pairText, percentText, renderStats } from '../../src/cli/render/stats.js';

const sample = (over: Partial<StatsSample>): StatsSample => ({
  atNs: 0n,
  cpuNs: 0,
  memUsage: 0,
  memLimit: 0,
  netInput: 0,
  netOutput: 0,
  pids: 0,
  ...over,
});

describe('stats arithmetic', () => {
  it('CPU % is CPU time over wall time between two samples, 100 per busy CPU', () => {
    const s = computeStats(sample({ atNs: 1_000_000_000n, cpuNs: 2e9 }), sample({ atNs: 2_000_000_000n, cpuNs: 2.5e9 }), 10e9);
    expect(s.cpu).toBeCloseTo(50);
    expect(s.avgCpu).toBeCloseTo(25);
    expect(s.cpuNs).toBe(2.5e9);
  });

  it('two busy CPUs make 200%, an idle container 0, and no time passed no division by zero', () => {
    expect(computeStats(sample({ atNs: 0n }), sample({ atNs: 1_000_000_000n, cpuNs: 2e9 }), 1e9).cpu).toBeCloseTo(200);
    expect(computeStats(sample({ cpuNs: 5 }), sample({ cpuNs: 5, atNs: 1n }), 0).cpu).toBe(0);
    expect(computeStats(sample({}), sample({ cpuNs: 5 }), 0).avgCpu).toBe(0);
  });

  it('memory % is usage over limit; the counters pass through', () => {
    const s = computeStats(undefined, sample({ memUsage: 256, memLimit: 1024, netInput: 3, netOutput: 4, blockInput: 5, blockOutput: 6, pids: 2 }), 1e9);
    expect(s.memPercent).toBe(25);
    expect([s.netInput, s.netOutput, s.blockInput, s.blockOutput, s.pids]).toEqual([3, 4, 5, 6, 2]);
  });

  it('reads net/dev without the loopback and io.stat over every device', () => {
    const dev = [
      'Inter-|   Receive                                                |  Transmit',
      ' face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed',
      '    lo:    1000      10    0    0    0     0          0         0     1000      10    0    0    0     0       0          0',
      '  tap0:    2048       5    0    0    0     0          0         0      512       3    0    0    0     0       0          0',
      '  eth1:       2       1    0    0    0     0          0         0        8       1    0    0    0     0       0          0',
    ].join('\n');
    expect(parseNetDev(dev)).toEqual({ rx: 2050, tx: 520 });
    expect(parseIoStat('8:0 rbytes=4096 wbytes=100 rios=1 wios=1 dbytes=0 dios=0\n8:16 rbytes=4 wbytes=0 rios=1 wios=0\n')).toEqual({ read: 4100, write: 100 });
    expect(parseNetDev('')).toEqual({ rx: 0, tx: 0 });
  });
});

describe('stats text, as Podman prints it', () => {
  it('percentages with two decimals, "--" for nothing', () => {
    expect(percentText(12.3456)).toBe('12.35%');
    expect(percentText(0)).toBe('--');
    expect(percentText(Number.NaN)).toBe('--');
  });

  it('pairs of sizes in decimal units, "-- / --" when both are zero', () => {
    expect(pairText(1_234_567, 2_000_000_000)).toBe('1.235MB / 2GB');
    expect(pairText(0, 0)).toBe('-- / --');
    expect(pairText(0, 512)).toBe('0B / 512B');
    expect(pairText(1536 * 1024, 2 ** 30, bytesSize)).toBe('1.5MiB / 1GiB');
  });

  it('durations as Go prints them', () => {
    expect(goDuration(0)).toBe('0s');
    expect(goDuration(999)).toBe('999ns');
    expect(goDuration(1500)).toBe('1.5µs');
    expect(goDuration(1_234_567)).toBe('1.234567ms');
    expect(goDuration(5_355_828_390n)).toBe('5.35582839s');
    expect(goDuration(60e9)).toBe('1m0s');
    expect(goDuration(3661.5e9)).toBe('1h1m1.5s');
    expect(goDuration(-2e9)).toBe('-2s');
  });

  const row = {
    id: 'a'.repeat(64),
    name: 'web',
    stats: { ...NO_STATS, cpu: 99.5, avgCpu: 40, cpuNs: 2.5e9, memUsage: 1_200_000, memLimit: 2e9, memPercent: 0.06, netInput: 1000, netOutput: 2000, pids: 2 },
  };

  it('the default table with Podman header', () => {
    const lines = renderStats([row], undefined).split('\n');
    expect(lines[0]!.split(/\s{2,}/)).toEqual(['ID', 'NAME', 'CPU %', 'MEM USAGE / LIMIT', 'MEM %', 'NET IO', 'BLOCK IO', 'PIDS', 'CPU TIME', 'AVG CPU %']);
    expect(lines[1]!.split(/\s{2,}/)).toEqual(['aaaaaaaaaaaa', 'web', '99.50%', '1.2MB / 2GB', '0.06%', '1kB / 2kB', '-- / --', '2', '2.5s', '40.00%']);
  });

  it('--format json: the strings of Podman\'s jstat, an empty list as []', () => {
    expect(JSON.parse(renderStats([row], 'json'))).toEqual([
      {
        id: 'aaaaaaaaaaaa',
        name: 'web',
        cpu_time: '2.5s',
        cpu_percent: '99.50%',
        avg_cpu: '40.00%',
        mem_usage: '1.2MB / 2GB',
        mem_percent: '0.06%',
        net_io: '1kB / 2kB',
        block_io: '-- / --',
        pids: '2',
      },
    ]);
    expect(renderStats([], 'json')).toBe('[]\n');
  });

  it('templates over the fields, unknown fields refused', () => {
    expect(renderStats([row], '{{.Name}} {{.CPUPerc}} {{.PIDS}} {{.MemUsageBytes}}')).toBe('web 99.50% 2 1.144MiB / 1.863GiB\n');
    expect(renderStats([row], '{{.ID}}', true)).toBe(`${'a'.repeat(64)}\n`);
    expect(() => renderStats([row], '{{.Nope}}')).toThrow(/Nope/);
  });
});
