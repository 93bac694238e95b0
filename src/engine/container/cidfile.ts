// --cidfile, as Podman's: `run` and `create` write the container's full id to a file
// and refuse one that already names a container; `stop` and `rm` read it (as a
// systemd unit's ExecStop lines do); the file goes when its container goes.
import { closeSync, fstatSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';

import { ConflictError, NotFoundError, UserError } from '../../errors.js';

const code = (e: unknown) => (e as NodeJS.ErrnoException).code ?? (e as Error).message;

/** The id a cidfile holds: its first line (Podman writes no newline; people may). */
export function cidFileId(text: string): string {
  return (text.split('\n')[0] ?? '').trim();
}

export interface ClaimedCidFile {
  /** Writes the id and closes the file. */
  write(id: string): void;
  /** The create failed: a file this claim made is removed again. */
  abandon(): void;
}

/** Takes PATH for a container about to be created, before anything is: an empty file is fine, one with an id in it is not. */
export function claimCidFile(path: string): ClaimedCidFile {
  let fd: number;
  let made = true;
  try {
    fd = openSync(path, 'wx', 0o644);
  } catch (e) {
    if (code(e) !== 'EEXIST') throw new UserError(`cannot create the cidfile ${path}: ${code(e)}`);
    made = false;
    try {
      fd = openSync(path, 'r+');
    } catch (e2) {
      throw new UserError(`cannot open the cidfile ${path}: ${code(e2)}`);
    }
    if (fstatSync(fd).size > 0) {
      closeSync(fd);
      throw new ConflictError(`the container id file ${path} exists: make sure no other container uses it, or delete it`);
    }
  }
  return {
    write(id) {
      try {
        writeSync(fd, id);
      } finally {
        closeSync(fd);
      }
    },
    abandon() {
      closeSync(fd);
      if (made) unlinkSync(path);
    },
  };
}

/** The id in PATH; undefined when the file is missing (or empty) and --ignore said that is fine. */
export function readCidFile(path: string, ignore: boolean): string | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if (code(e) === 'ENOENT' && ignore) return undefined;
    throw new NotFoundError(`cannot read the cidfile ${path}: ${code(e)}`);
  }
  const id = cidFileId(text);
  if (id === '' && !ignore) throw new UserError(`the cidfile ${path} holds no container id`);
  return id === '' ? undefined : id;
}

/** Removes the cidfile of a container being removed, unless it names another container by now. */
export function releaseCidFile(path: string | undefined, id: string): void {
  if (path === undefined) return;
  try {
    if (cidFileId(readFileSync(path, 'utf8')) !== id) return;
    unlinkSync(path);
  } catch {
    // Gone already (a second rm, the unit's ExecStopPost) or not ours to remove: the container is gone either way.
  }
}
