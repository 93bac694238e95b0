// Snapshots for the dashboard's unit and component tests.
import type { ContainerRow, Snapshot } from '../../src/cli/ui/dashboard/snapshot.js';

export function container(name: string, over: Partial<ContainerRow> = {}): ContainerRow {
  return {
    id: `${name.padEnd(12, '0').replace(/[^0-9a-f]/g, 'a')}${'0'.repeat(52)}`,
    name,
    image: '127.0.0.1:5000/boxctl/busybox',
    status: 'running',
    statusText: 'Up 3 minutes',
    health: '',
    cpuPercent: 1.5,
    memBytes: 3_160_000,
    memLimit: 1_000_000_000,
    ports: '',
    since: '2026-01-01T00:00:00Z',
    created: '2026-01-01T00:00:00Z',
    userns: '0:1001:1,1:100000:65536',
    network: 'private',
    ...over,
  };
}

export const snapshot: Snapshot = {
  containers: [
    container('web', { ports: '0.0.0.0:8080->80/tcp', cpuPercent: 12.5, memBytes: 50_000_000, health: 'healthy' }),
    container('db', { statusText: 'Up 2 hours', cpuPercent: 3, memBytes: 200_000_000 }),
    container('job', { status: 'exited', statusText: 'Exited (1) 5 seconds ago', since: '2026-01-02T00:00:00Z', userns: '' }),
    container('made', { status: 'created', statusText: 'Created', userns: '' }),
  ],
  images: [
    { key: 'sha256:aaaa busybox', id: `sha256:${'a'.repeat(64)}`, repository: '127.0.0.1:5000/boxctl/busybox', tag: 'latest', size: 4_400_000, created: '2026-01-01T00:00:00Z', usedBy: ['web', 'db'] },
    { key: 'sha256:bbbb none', id: `sha256:${'b'.repeat(64)}`, repository: '<none>', tag: '<none>', size: 1000, usedBy: [] },
  ],
  volumes: [
    { name: 'data', driver: 'local', created: '2026-01-01T00:00:00Z', anonymous: false, mountpoint: '/r/volumes/data/_data', usedBy: ['db'] },
    { name: 'f00d', driver: 'local', created: '2026-01-01T00:00:00Z', anonymous: true, mountpoint: '/r/volumes/f00d/_data', usedBy: [] },
  ],
  host: { user: 'boxtest', linger: false },
  complete: true,
};
