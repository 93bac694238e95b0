// Named volumes, kept as rootless Podman's local driver keeps them:
//   $root/volumes/<name>/_data          the data; containers bind-mount it
//   $root/volumes/<name>/volume.json    the record (record.ts)
//   $root/volumes/.lock                 flock: create and remove take it
//   $root/volumes/.tmp-<pid>-<random>   a volume being made, renamed to <name> when whole
//   $root/volumes/.rm-<pid>-<random>    a volume being deleted, renamed away first
// So a kill -9 at any instant leaves a whole volume or none: a name is either absent
// or a complete directory. Dot-entries are never volumes (a name cannot start with a
// dot); those of dead processes are swept by the next create, rm or prune.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { ConflictError, NotFoundError, UserError } from '../../errors.js';
import { withLock } from '../image/store/lock.js';
import { removeInUserns } from '../userns.js';
import { volumeFilter } from './filters.js';
import { anonymousVolumeName, checkVolumeName, isValidVolumeName } from './names.js';
import { parseVolumeRecord, type Volume, type VolumeRecord } from './record.js';
import { volumeUsage, type VolumeUser } from './users.js';
import { pidAlive } from '../host/pid-alive.js';

export function volumesDir(root: string): string {
  return join(root, 'volumes');
}

function volumeDir(root: string, name: string): string {
  return join(volumesDir(root), name);
}

/**
 * Runs fn holding the volume store's lock. Creating a container that mounts volumes
 * can hold it from ensureVolume until its record is published, so that no `volume rm`
 * or `prune` slips in between and deletes a volume about to be used.
 */
export async function withVolumeLock<T>(root: string, fn: () => Promise<T> | T): Promise<T> {
  mkdirSync(volumesDir(root), { recursive: true, mode: 0o700 });
  return withLock(join(volumesDir(root), '.lock'), fn);
}

function scratchName(kind: 'tmp' | 'rm'): string {
  return `.${kind}-${process.pid}-${randomBytes(6).toString('hex')}`;
}

function readVolume(root: string, name: string): Volume | undefined {
  const dir = volumeDir(root, name);
  let text: string;
  try {
    text = readFileSync(join(dir, 'volume.json'), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw e;
  }
  return { ...parseVolumeRecord(text, join(dir, 'volume.json')), mountpoint: join(dir, '_data') };
}

/** Every volume, by name. */
export function listVolumes(root: string): Volume[] {
  let names: string[];
  try {
    names = readdirSync(volumesDir(root));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  return names
    .filter(isValidVolumeName)
    .sort()
    .flatMap((n) => readVolume(root, n) ?? []);
}

/** Whether a volume has exactly this name (`volume exists`). */
export function volumeExists(root: string, name: string): boolean {
  return isValidVolumeName(name) && readVolume(root, name) !== undefined;
}

/** A volume by its name or, as Podman allows, a prefix only one volume's name has. */
export function lookupVolume(root: string, wanted: string): Volume {
  const exact = isValidVolumeName(wanted) ? readVolume(root, wanted) : undefined;
  if (exact) return exact;
  const matches = wanted === '' ? [] : listVolumes(root).filter((v) => v.name.startsWith(wanted));
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) throw new ConflictError(`more than one volume starts with '${wanted}' (${matches.map((v) => v.name).join(', ')}): give more of the name`);
  throw new NotFoundError(`no volume with name '${wanted}' found`);
}

export interface CreateVolumeOptions {
  /** Default: a random 64-hex name. */
  name?: string;
  labels?: Record<string, string>;
  driver?: string;
  options?: Record<string, string>;
  anonymous?: boolean;
  /** An existing volume of that name is fine: it is returned as it is. */
  ignoreExisting?: boolean;
}

function checkDriver(driver: string, options: Record<string, string>): void {
  if (driver !== 'local') throw new UserError(`volume driver '${driver}' is not available: boxctl has only the local driver`);
  const given = Object.keys(options);
  if (given.length > 0) {
    throw new UserError(`volume option '${given[0]}' is not supported: the local driver here takes no options (no device mounts without root)`);
  }
}

/** Makes the volume in a scratch dir and renames it into place: call under the lock. */
function publish(root: string, record: VolumeRecord): Volume {
  const tmp = join(volumesDir(root), scratchName('tmp'));
  try {
    mkdirSync(tmp, { mode: 0o700 });
    // Container root is the user, so the user's 0755 dir is root's in the container.
    mkdirSync(join(tmp, '_data'), { mode: 0o755 });
    writeFileSync(join(tmp, 'volume.json'), `${JSON.stringify(record, null, 1)}\n`, { mode: 0o600, flush: true });
    renameSync(tmp, volumeDir(root, record.name));
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  return { ...record, mountpoint: join(volumeDir(root, record.name), '_data') };
}

/** Creates a volume; `created` is false when ignoreExisting found one already there. */
export async function createVolume(root: string, opts: CreateVolumeOptions = {}): Promise<{ volume: Volume; created: boolean }> {
  const name = opts.name === undefined ? anonymousVolumeName() : checkVolumeName(opts.name);
  const options = opts.options ?? {};
  checkDriver(opts.driver ?? 'local', options);
  await sweepLeftovers(root);
  return withVolumeLock(root, () => {
    const existing = readVolume(root, name);
    if (existing) {
      if (opts.ignoreExisting) return { volume: existing, created: false };
      throw new ConflictError(`volume with name '${name}' already exists: choose another name, or pass --ignore to keep it`);
    }
    const record: VolumeRecord = {
      name,
      created: new Date().toISOString(),
      labels: { ...opts.labels },
      options,
      driver: 'local',
      ...(opts.anonymous ? { anonymous: true as const } : {}),
    };
    return { volume: publish(root, record), created: true };
  });
}

/** The volume `run -v NAME:/path` mounts: made on first use, as Podman does. */
export async function ensureVolume(root: string, name: string): Promise<{ name: string; path: string }> {
  const { volume } = await createVolume(root, { name, ignoreExisting: true });
  return { name: volume.name, path: volume.mountpoint };
}

/** A fresh volume for `-v /path` without a source, or for an image's VOLUME. */
export async function createAnonymousVolume(root: string): Promise<{ name: string; path: string }> {
  const { volume } = await createVolume(root, { anonymous: true });
  return { name: volume.name, path: volume.mountpoint };
}

export type RemoveOutcome =
  | { wanted: string; removed: string }
  /** No such volume (NotFoundError), or a prefix of several (ConflictError). */
  | { wanted: string; error: NotFoundError | ConflictError }
  | { wanted: string; users: VolumeUser[] };

/**
 * Removes volumes that no container mounts. Each wanted name has its outcome; a volume
 * in use stays, its users named. The data
 * may belong to subordinate ids, so it is deleted inside the user namespace, after
 * the volume has left its name under the lock.
 */
export async function removeVolumes(root: string, wanted: readonly string[] | 'all'): Promise<RemoveOutcome[]> {
  await sweepLeftovers(root);
  const doomed: string[] = [];
  const outcomes = await withVolumeLock(root, () => {
    const usage = volumeUsage(root);
    const names = wanted === 'all' ? listVolumes(root).map((v) => v.name) : wanted;
    return names.map((w): RemoveOutcome => {
      let volume: Volume;
      try {
        volume = lookupVolume(root, w);
      } catch (e) {
        if (e instanceof NotFoundError || e instanceof ConflictError) return { wanted: w, error: e };
        throw e;
      }
      const users = usage.get(volume.name);
      if (users) return { wanted: w, users };
      doomed.push(setAside(root, volume.name));
      return { wanted: w, removed: volume.name };
    });
  });
  await deleteAll(doomed);
  return outcomes;
}

/** The volumes no container mounts that match the filters, as prune would remove them now. */
export function pruneCandidates(root: string, filters: readonly string[]): Volume[] {
  const match = volumeFilter(filters);
  const usage = volumeUsage(root);
  return listVolumes(root).filter((volume) => !usage.has(volume.name) && match({ volume, inUse: false }));
}

/**
 * Removes the volumes no container mounts that match the filters; `only` narrows it to
 * the names the user agreed to. Returns the names removed.
 */
export async function pruneVolumes(root: string, filters: readonly string[], only?: ReadonlySet<string>): Promise<string[]> {
  volumeFilter(filters);
  await sweepLeftovers(root);
  const doomed: string[] = [];
  const removed = await withVolumeLock(root, () =>
    pruneCandidates(root, filters)
      .filter((v) => !only || only.has(v.name))
      .map((v) => {
        doomed.push(setAside(root, v.name));
        return v.name;
      }),
  );
  await deleteAll(doomed);
  return removed;
}

/** Takes a volume's name away at once (under the lock); its data goes later. */
function setAside(root: string, name: string): string {
  const aside = join(volumesDir(root), scratchName('rm'));
  renameSync(volumeDir(root, name), aside);
  return aside;
}

async function deleteAll(dirs: readonly string[]): Promise<void> {
  for (const dir of dirs) await removeInUserns(dir);
}


/**
 * Deletes the scratch dirs of processes that died mid-create or mid-remove. Each is
 * first renamed to one of ours, so two sweepers never delete the same tree.
 */
export async function sweepLeftovers(root: string): Promise<void> {
  let names: string[];
  try {
    names = readdirSync(volumesDir(root));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw e;
  }
  const claimed: string[] = [];
  for (const name of names) {
    const pid = Number(/^\.(?:tmp|rm)-(\d+)-/.exec(name)?.[1]);
    if (!pid || pid === process.pid || pidAlive(pid)) continue;
    const mine = join(volumesDir(root), scratchName('rm'));
    try {
      renameSync(join(volumesDir(root), name), mine);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw e;
    }
    claimed.push(mine);
  }
  await deleteAll(claimed);
}
