import { describe, expect, it } from 'vitest';

import { resolvePaths } from '../../src/engine/paths.js';

const base = { uid: 1001, home: '/home/u', runtimeDirUsable: true };

describe('store paths', () => {
  it('follows the XDG defaults', () => {
    expect(resolvePaths({ ...base, env: { XDG_RUNTIME_DIR: '/run/user/1001' } })).toEqual({
      root: '/home/u/.local/share/boxctl',
      runroot: '/run/user/1001/boxctl',
      config: '/home/u/.config/boxctl',
    });
  });

  it('honours XDG_DATA_HOME and XDG_CONFIG_HOME', () => {
    const p = resolvePaths({ ...base, env: { XDG_DATA_HOME: '/d', XDG_CONFIG_HOME: '/c', XDG_RUNTIME_DIR: '/r' } });
    expect(p).toEqual({ root: '/d/boxctl', runroot: '/r/boxctl', config: '/c/boxctl' });
  });

  it('falls back to a per-uid dir in /tmp without a usable runtime dir', () => {
    expect(resolvePaths({ ...base, env: {} }).runroot).toBe('/tmp/boxctl-1001');
    expect(resolvePaths({ ...base, runtimeDirUsable: false, env: { XDG_RUNTIME_DIR: '/run/user/0' } }).runroot).toBe(
      '/tmp/boxctl-1001',
    );
  });

  it('lets flags beat the environment and the environment beat the defaults', () => {
    const env = { BOXCTL_ROOT: '/env/root', BOXCTL_RUNROOT: '/env/run', XDG_RUNTIME_DIR: '/r' };
    expect(resolvePaths({ ...base, env })).toMatchObject({ root: '/env/root', runroot: '/env/run' });
    expect(resolvePaths({ ...base, env, root: 'rel/root', runroot: '/flag/run' })).toMatchObject({
      root: expect.stringMatching(/\/rel\/root$/),
      runroot: '/flag/run',
    });
  });
});
