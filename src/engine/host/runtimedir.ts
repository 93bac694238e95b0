// XDG_RUNTIME_DIR sanity. After `su USER` it still names the previous user's dir
// (/run/user/0), which the new user cannot write: the classic rootless footgun.
import { statSync } from 'node:fs';

export type RuntimeDirState = 'ok' | 'unset' | 'missing' | 'not-a-directory' | 'foreign' | 'open-mode';

export interface RuntimeDirFacts {
  value: string | undefined;
  stat?: { isDirectory: boolean; uid: number; mode: number } | undefined;
}

export function classifyRuntimeDir(facts: RuntimeDirFacts, uid: number): RuntimeDirState {
  if (!facts.value) return 'unset';
  if (!facts.stat) return 'missing';
  if (!facts.stat.isDirectory) return 'not-a-directory';
  if (facts.stat.uid !== uid) return 'foreign';
  if ((facts.stat.mode & 0o077) !== 0) return 'open-mode';
  return 'ok';
}

export function readRuntimeDir(value: string | undefined): RuntimeDirFacts {
  if (!value) return { value };
  try {
    const st = statSync(value);
    return { value, stat: { isDirectory: st.isDirectory(), uid: st.uid, mode: st.mode & 0o7777 } };
  } catch {
    return { value };
  }
}
