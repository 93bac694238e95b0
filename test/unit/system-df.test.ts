import { describe, expect, it } from 'vitest';

import { sharedSizes, type DfReport } from '../../src/engine/system/df.js';
import { imagesToPrune } from '../../src/engine/system/prune.js';
import { dfSummary, reclaimableText, renderDfSummary, renderDfVerbose } from '../../src/cli/render/system-df.js';

const now = Date.parse('2024-05-01T12:00:00Z');
const report: DfReport = {
  images: [
    { id: `sha256:${'1'.repeat(64)}`, repository: 'reg/busybox', tag: 'latest', created: '2024-05-01T11:00:00Z', size: 2_000_000, sharedSize: 0, uniqueSize: 2_000_000, containers: 2 },
    { id: `sha256:${'2'.repeat(64)}`, repository: '<none>', tag: '<none>', size: 1_000_000, sharedSize: 0, uniqueSize: 1_000_000, containers: 0 },
  ],
  containers: [
    { id: 'c'.repeat(64), imageId: `sha256:${'1'.repeat(64)}`, command: ['sleep', '100'], localVolumes: 1, rwSize: 300, created: '2024-05-01T11:59:00Z', status: 'running', name: 'up' },
    { id: 'd'.repeat(64), imageId: `sha256:${'1'.repeat(64)}`, command: ['true'], localVolumes: 0, rwSize: 700, created: '2024-05-01T11:58:00Z', status: 'exited', name: 'down' },
  ],
  volumes: [
    { name: 'data', links: 1, size: 4000, reclaimable: 0 },
    { name: 'old', links: 0, size: 1000, reclaimable: 1000 },
  ],
};

describe('system df', () => {
  it('sums the summary rows as Podman: active images are used, active containers run', () => {
    expect(dfSummary(report)).toEqual([
      { Type: 'Images', Total: 2, Active: 1, RawSize: 3_000_000, RawReclaimable: 1_000_000 },
      { Type: 'Containers', Total: 2, Active: 1, RawSize: 1000, RawReclaimable: 700 },
      { Type: 'Local Volumes', Total: 2, Active: 1, RawSize: 5000, RawReclaimable: 1000 },
    ]);
    expect(reclaimableText(3_000_000, 1_000_000)).toBe('1MB (33%)');
    expect(reclaimableText(0, 0)).toBe('0B (0%)');
  });

  it('prints the table, JSON with raw bytes, and templates', () => {
    expect(renderDfSummary(report)).toBe(
      [
        'TYPE           TOTAL       ACTIVE      SIZE        RECLAIMABLE',
        'Images         2           1           3MB         1MB (33%)',
        'Containers     2           1           1kB         700B (70%)',
        'Local Volumes  2           1           5kB         1kB (20%)',
        '',
      ].join('\n'),
    );
    expect(JSON.parse(renderDfSummary(report, 'json'))[1]).toEqual({ Type: 'Containers', Total: 2, Active: 1, Size: 1000, Reclaimable: 700 });
    expect(renderDfSummary(report, '{{.Type}}={{.RawSize}}')).toBe('Images=3000000\nContainers=1000\nLocal Volumes=5000\n');
  });

  it('-v lists each image, container and volume', () => {
    const out = renderDfVerbose(report, now);
    expect(out).toMatch(/^Images space usage:\n\nREPOSITORY +TAG +IMAGE ID +CREATED +SIZE +SHARED SIZE +UNIQUE SIZE +CONTAINERS\n/);
    expect(out).toMatch(/reg\/busybox +latest +111111111111 +About an hour ago +2MB +0B +2MB +2\n/);
    expect(out).toMatch(/\nContainers space usage:\n\nCONTAINER ID +IMAGE +COMMAND +LOCAL VOLUMES +SIZE +CREATED +STATUS +NAMES\n/);
    expect(out).toMatch(/cccccccccccc +111111111111 +sleep 100 +1 +300B +About a minute ago +running +up\n/);
    expect(out).toMatch(/\nLocal Volumes space usage:\n\nVOLUME NAME +LINKS +SIZE\ndata +1 +4kB\nold +0 +1kB\n$/);
  });

  it('counts a layer as shared when another image holds it too', () => {
    const shared = sharedSizes([
      { id: 'a', layers: new Map([['l1', 100], ['l2', 10]]) },
      { id: 'b', layers: new Map([['l1', 100], ['l3', 5]]) },
      { id: 'c', layers: new Map() },
    ]);
    expect([...shared]).toEqual([['a', 100], ['b', 100], ['c', 0]]);
  });
});

describe('system prune', () => {
  const images = [
    { id: 'named-used', names: ['a:latest'] },
    { id: 'named-unused', names: ['b:latest'] },
    { id: 'dangling-used', names: [] },
    { id: 'dangling', names: [] },
  ];
  const inUse = new Map([
    ['named-used', ['web']],
    ['dangling-used', ['old']],
  ]);

  it('takes dangling images no container uses, and with -a every unused one', () => {
    expect(imagesToPrune(images, inUse, false)).toEqual(['dangling']);
    expect(imagesToPrune(images, inUse, true)).toEqual(['named-unused', 'dangling']);
  });
});
