import { describe, expect, it } from 'vitest';

import { computeChanges, lowerLookup, type LayerReader, type NodeInfo } from '../../src/engine/container/fs/changes.js';

/** A layer from a list of 'path[:kind]' entries: dir (a trailing '/'), file, wh (whiteout), opq (opaque dir). */
function layer(entries: Record<string, Partial<NodeInfo> | 'file' | 'dir' | 'wh' | 'opq'>): LayerReader {
  const nodes = new Map<string, NodeInfo>();
  for (const [path, v] of Object.entries(entries)) {
    const base: NodeInfo = { type: 'file', mode: 0o644, uid: 0, gid: 0 };
    const info: NodeInfo =
      v === 'file' ? base : v === 'dir' ? { ...base, type: 'dir', mode: 0o755 } : v === 'wh' ? { ...base, type: 'whiteout', mode: 0 } : v === 'opq' ? { ...base, type: 'dir', mode: 0o755, opaque: true } : { ...base, ...v };
    nodes.set(path, info);
  }
  return {
    lstat: (p) => nodes.get(p),
    list: (dir) =>
      [...nodes.keys()]
        .filter((p) => p !== dir && p.startsWith(dir === '/' ? '/' : `${dir}/`) && !p.slice(dir === '/' ? 1 : dir.length + 1).includes('/'))
        .map((p) => p.slice(p.lastIndexOf('/') + 1))
        .sort(),
  };
}

const image = layer({ '/bin': 'dir', '/bin/ls': 'file', '/bin/sh': 'file', '/etc': 'dir', '/etc/passwd': 'file', '/etc/group': 'file', '/var': 'dir', '/var/lib': 'dir', '/var/lib/x': 'file' });

describe('computeChanges', () => {
  it('reports added, changed and deleted paths, with the parent of an added or deleted one as changed, sorted', () => {
    const upper = layer({ '/bin': 'dir', '/bin/ls': 'wh', '/etc': 'dir', '/etc/passwd': 'file', '/data': 'dir', '/data/f': 'file' });
    expect(computeChanges(upper, [image])).toEqual([
      { kind: 'C', path: '/bin' },
      { kind: 'D', path: '/bin/ls' },
      { kind: 'A', path: '/data' },
      { kind: 'A', path: '/data/f' },
      { kind: 'C', path: '/etc/passwd' },
    ]);
  });

  it('leaves out the mount points the runtime makes, and does not mark their parents', () => {
    const upper = layer({ '/etc': 'dir', '/etc/hosts': 'file', '/etc/hostname': 'file', '/etc/resolv.conf': 'file', '/proc': 'dir', '/vol': 'dir' });
    expect(computeChanges(upper, [image], ['/vol'])).toEqual([]);
  });

  it('ignores a whiteout over nothing, and sees a directory whose mode changed', () => {
    const upper = layer({ '/nothing': 'wh', '/var': { type: 'dir', mode: 0o700 } });
    expect(computeChanges(upper, [image])).toEqual([{ kind: 'C', path: '/var' }]);
  });

  it('reports a file replaced by a directory as changed', () => {
    const upper = layer({ '/etc': 'dir', '/etc/group': 'dir', '/etc/group/x': 'file' });
    expect(computeChanges(upper, [image])).toEqual([
      { kind: 'C', path: '/etc/group' },
      { kind: 'A', path: '/etc/group/x' },
    ]);
  });

  it('turns an opaque directory into a change and a deletion of each entry it hides', () => {
    const upper = layer({ '/var': 'dir', '/var/lib': 'opq', '/var/lib/new': 'file' });
    expect(computeChanges(upper, [image])).toEqual([
      { kind: 'C', path: '/var/lib' },
      { kind: 'A', path: '/var/lib/new' },
      { kind: 'D', path: '/var/lib/x' },
    ]);
  });
});

describe('lowerLookup', () => {
  it('honours whiteouts and opaque dirs of upper layers and never looks beneath a non-directory', () => {
    const top = layer({ '/etc': 'dir', '/etc/passwd': 'wh', '/var': 'opq', '/bin': 'file' });
    expect(lowerLookup([top, image], '/etc/passwd')).toBeUndefined();
    expect(lowerLookup([top, image], '/etc/group')?.type).toBe('file');
    expect(lowerLookup([top, image], '/var/lib')).toBeUndefined();
    expect(lowerLookup([top, image], '/bin/sh')).toBeUndefined();
  });
});
