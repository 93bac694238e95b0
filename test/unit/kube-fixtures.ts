// Containers as generate kube sees them, for the kube unit tests.
import type { ContainerRecord } from '../../src/engine/container/record.js';
import type { GenerateSource, SpecFacts } from '../../src/engine/kube/generate.js';

const ID = 'a1b2c3d4e5f6'.padEnd(64, '0');
export const PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export function record(over: Partial<ContainerRecord> = {}): ContainerRecord {
  return {
    version: 1,
    id: ID,
    name: 'web',
    imageName: '127.0.0.1:5000/boxctl/busybox',
    imageId: 'f'.repeat(64),
    command: ['sh'],
    created: '2026-01-01T00:00:00Z',
    labels: {},
    env: [PATH],
    mounts: [],
    terminal: false,
    stdin: false,
    autoRemove: false,
    restart: { name: 'no' },
    stopSignal: 15,
    stopTimeout: 10,
    log: {},
    ports: [],
    network: 'pasta',
    hostname: ID.slice(0, 12),
    layers: [],
    cmd: ['sh'],
    capAdd: [],
    capDrop: [],
    ...over,
  };
}

export const SPEC: SpecFacts = { uid: 0, gid: 0, readOnlyRoot: false, noNewPrivileges: false, seccomp: 'default', keepId: false, init: false };

export function source(over: Partial<ContainerRecord> = {}, spec: Partial<SpecFacts> = {}, image: GenerateSource['imageConfig'] = { Cmd: ['sh'] }): GenerateSource {
  return { record: record(over), image: '127.0.0.1:5000/boxctl/busybox:latest', imageConfig: image, spec: { ...SPEC, ...spec } };
}

