// Advisory locks between concurrent boxctl processes (flock(2) through the addon).
// Node must not block its thread, so a busy lock is polled; the kernel drops the
// lock when a process dies, so a kill -9 never leaves one behind.
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { native } from '../../../native/addon.js';

export interface HeldLock {
  release(): void;
}

export async function lockFile(path: string, mode: 'sh' | 'ex' = 'ex', pollMs = 20): Promise<HeldLock> {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const fd = openSync(path, 'a', 0o600);
  for (;;) {
    try {
      native().flock(fd, mode, true);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EWOULDBLOCK' && (e as NodeJS.ErrnoException).code !== 'EAGAIN') {
        closeSync(fd);
        throw e;
      }
      await sleep(pollMs);
    }
  }
  return {
    release() {
      // Closing the descriptor releases the lock.
      closeSync(fd);
    },
  };
}

export async function withLock<T>(path: string, fn: () => Promise<T> | T, mode: 'sh' | 'ex' = 'ex'): Promise<T> {
  const lock = await lockFile(path, mode);
  try {
    return await fn();
  } finally {
    lock.release();
  }
}
