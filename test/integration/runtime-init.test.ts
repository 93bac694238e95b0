// boxctl-init as the container's pid 1 (`--init`), bind-mounted read-only into a
// bundle run by boxctl-runtime: it reaps orphans, forwards signals to its child and
// passes the child's exit status on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { makeBundle } from './bundle.js';
import { nativeBin, nativeRuntime, type NativeRuntime } from './native-runtime.js';

let rt: NativeRuntime;
beforeAll(() => {
  rt = nativeRuntime();
});
afterAll(() => rt.cleanup());

async function underInit(script: string, id: string) {
  const bundle = makeBundle(['/run/boxctl-init', '--', '/bin/sh', '-c', script], (s) =>
    s.mounts.push({ destination: '/run/boxctl-init', type: 'bind', source: nativeBin('boxctl-init'), options: ['bind', 'ro'] }),
  );
  try {
    return await rt.verb('run', bundle.dir, id);
  } finally {
    bundle.remove();
  }
}

/** Zombies in the container's pid namespace, as "pid comm" lines. */
const ZOMBIES = `for f in /proc/[0-9]*/stat; do read -r pid comm state rest < $f; [ "$state" = Z ] && echo "$pid $comm"; done; true`;

describe('boxctl-init as pid 1', () => {
  it('runs the command as its child and reaps an orphan that exits', async () => {
    const r = await underInit(
      [
        'cat /proc/1/comm',
        'echo "parent $PPID"',
        // The subshell exits at once: its sleep is orphaned onto pid 1 and exits later.
        '(sh -c "sleep 0.3; grep PPid /proc/self/status" &)',
        'sleep 1',
        ZOMBIES,
      ].join('; '),
      'init-reap',
    );
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n').map((l) => l.replace(/\s+/g, ' '))).toEqual(['boxctl-init', 'parent 1', 'PPid: 1', '']);
    expect(r.code).toBe(0);
  });

  it('forwards SIGTERM to its child', async () => {
    const r = await underInit('trap "echo got TERM; exit 3" TERM; kill -TERM 1; sleep 5 & wait', 'init-term');
    expect(r).toMatchObject({ code: 3, stdout: 'got TERM\n', stderr: '' });
  });

  it('exits 128+N when its child dies of signal N, and with the child status otherwise', async () => {
    const killed = await underInit('kill -TERM 1; sleep 5', 'init-killed');
    expect(killed.code).toBe(128 + 15);
    const exited = await underInit('exit 7', 'init-exit');
    expect(exited.code).toBe(7);
  });

  it('reports a command it cannot run as a shell would', async () => {
    const bundle = makeBundle(['/run/boxctl-init', '/nonexistent'], (s) =>
      s.mounts.push({ destination: '/run/boxctl-init', type: 'bind', source: nativeBin('boxctl-init'), options: ['bind', 'ro'] }),
    );
    try {
      const r = await rt.verb('run', bundle.dir, 'init-missing');
      expect(r.code).toBe(127);
      expect(r.stderr).toBe('boxctl-init: exec /nonexistent: No such file or directory\n');
    } finally {
      bundle.remove();
    }
  });
});
