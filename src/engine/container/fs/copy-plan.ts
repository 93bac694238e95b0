// Where `cp` puts what it copies, decided as Docker and Podman decide it from the
// source (a file or a directory, `/.` for a directory's contents) and the destination
// (missing, a file, a directory, a trailing slash). The copied tree travels as a tar
// whose first entry is the source itself; the plan says which directory the entries
// go into and what the source's own entry is renamed to. Pure: unit-tested.
import { UserError } from '../../../errors.js';

export interface SourceInfo {
  isDir: boolean;
  /** The name of the tar's first entry (the source itself); '.' for "copy the contents". */
  name: string;
}

export interface DestInfo {
  /** The destination as given. */
  path: string;
  exists: boolean;
  isDir: boolean;
}

/** Renames the first component `from` of every entry to `to`; to null drops it (its children go in directly). */
export interface Rebase {
  from: string;
  to: string | null;
}

export interface CopyPlan {
  /** 'dest': into the destination directory; 'parent': into the directory that holds it. */
  into: 'dest' | 'parent';
  rebase: Rebase;
}

/** The name cp gives what it copies: the last component of the path as given; '.' for `dir/.` and `/`. */
export function sourceName(path: string): string {
  if (/(^|\/)\.$/.test(path)) return '.';
  const parts = path.split('/').filter((p) => p !== '');
  return parts.at(-1) ?? '.';
}

export function lastName(path: string): string {
  return path.split('/').filter((p) => p !== '' && p !== '.').at(-1) ?? '';
}

export function planCopy(src: SourceInfo, dest: DestInfo): CopyPlan {
  const trailingSlash = /\/\.?$/.test(dest.path);
  if (!src.isDir && src.name === '.') throw new UserError('the source is not a directory: "/." copies the contents of a directory only');
  if (dest.exists && dest.isDir) {
    return { into: 'dest', rebase: { from: src.name, to: src.name === '.' ? null : src.name } };
  }
  if (dest.exists) {
    if (src.isDir) throw new UserError(`cannot copy a directory to the file ${dest.path}: name a directory, or a path that does not exist`);
    if (trailingSlash) throw new UserError(`${dest.path} is not a directory`);
    return { into: 'parent', rebase: { from: src.name, to: lastName(dest.path) } };
  }
  if (trailingSlash && !src.isDir) throw new UserError(`the destination directory ${dest.path} does not exist: create it first`);
  const to = lastName(dest.path);
  if (to === '') throw new UserError(`cannot copy to ${dest.path}`);
  return { into: 'parent', rebase: { from: src.name, to } };
}

/** A tar entry's name as a relative path: './' and '/' prefixes and trailing slashes gone; '..' refused. */
export function entryPath(name: string): string {
  const parts = name.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.includes('..')) throw new UserError(`the archive entry ${JSON.stringify(name)} climbs out with '..': refused`);
  return parts.join('/');
}

/** An entry's path after the plan's renaming; undefined for an entry outside the copied tree. */
export function rebase(rel: string, r: Rebase | undefined): string | undefined {
  if (!r) return rel;
  const from = r.from === '.' ? '' : r.from;
  let rest: string;
  if (from === '') rest = rel;
  else if (rel === from) rest = '';
  else if (rel.startsWith(`${from}/`)) rest = rel.slice(from.length + 1);
  else return undefined;
  if (r.to === null) return rest;
  return rest === '' ? r.to : `${r.to}/${rest}`;
}
