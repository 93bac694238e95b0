// `kube play` and `kube down` against the stores: a plan from plan.ts made real, or
// the pods a file names taken away. Play is all or nothing: when any step fails,
// what this run made (containers, the volumes it created) is removed again before
// the error goes on. Containers are created through the caller's `create`, the
// path `boxctl run` takes, so pulls report their progress the same way.
import { closeSync, mkdirSync, openSync, statSync, type Stats } from 'node:fs';

import { ConflictError, NotFoundError, UserError } from '../../errors.js';
import { engineAt, remove, start, stop, type Engine } from '../container/lifecycle.js';
import type { CreateRequest } from '../container/create.js';
import type { ContainerRecord } from '../container/record.js';
import { createAnonymousVolume, createVolume, listVolumes, removeVolumes } from '../volume/store.js';
import { POD_LABEL } from './objects.js';
import type { HostPath, KubePlan } from './plan.js';

export interface PlayTarget {
  root: string;
  runroot: string;
  /** Creates one container as `boxctl run` does (pull, volumes), not started. */
  create(req: CreateRequest): Promise<ContainerRecord>;
}

export interface PlayReport {
  volumes: string[];
  pods: { name: string; ids: string[] }[];
}

export interface DownReport {
  /** Pods, each with its containers' ids. */
  pods: { name: string; ids: string[] }[];
  volumes: string[];
  /** What could not be done: pods of the file that were not there, volumes still in use. */
  problems: string[];
}

/** The containers of a pod, the ones that joined its network first: the order to stop and remove them. */
function members(e: Engine, pod: string): ContainerRecord[] {
  return e.store
    .list()
    .filter((r) => r.labels[POD_LABEL] === pod)
    .sort((a, b) => b.created.localeCompare(a.created));
}

const HOST_PATH_CHECK: Record<string, (s: Stats) => boolean> = {
  Directory: (s) => s.isDirectory(),
  File: (s) => s.isFile(),
  Socket: (s) => s.isSocket(),
  CharDevice: (s) => s.isCharacterDevice(),
  BlockDevice: (s) => s.isBlockDevice(),
};

/** Makes the *OrCreate paths that are missing, and checks the kind of the others. */
function prepareHostPath({ path, type }: HostPath): void {
  let found: Stats | undefined;
  try {
    found = statSync(path);
  } catch {
    found = undefined;
  }
  if (!found && type === 'DirectoryOrCreate') mkdirSync(path, { recursive: true, mode: 0o755 });
  else if (!found && type === 'FileOrCreate') closeSync(openSync(path, 'a', 0o644));
  else if (!found && type !== '') throw new NotFoundError(`the hostPath ${path} does not exist: create it, or use type DirectoryOrCreate`);
  const check = HOST_PATH_CHECK[type.replace(/OrCreate$/, '')];
  if (found && check && !check(found)) throw new UserError(`the hostPath ${path} is not a ${type.replace(/OrCreate$/, '')}`);
}

/** Containers of the pods already there, or names taken by others; --replace takes the pods away first. */
async function clearWay(e: Engine, plan: KubePlan, replace: boolean): Promise<void> {
  for (const pod of plan.pods) {
    const existing = members(e, pod.name);
    if (existing.length > 0) {
      if (!replace) {
        throw new ConflictError(`pod ${pod.name} exists (containers ${existing.map((r) => r.name).join(', ')}): 'boxctl kube down FILE' first, or play with --replace`);
      }
      await takeDown(e, existing);
    }
    for (const c of pod.containers) {
      if (e.store.tryFind(c.name)) throw new ConflictError(`the container name ${c.name} is in use by a container of no pod: remove it, or rename the pod`);
    }
  }
}

/** Stops, then removes the containers, then their anonymous volumes (emptyDirs are shared, so they go last). */
async function takeDown(e: Engine, records: readonly ContainerRecord[]): Promise<void> {
  for (const r of records) await stop(e, r, r.stopTimeout);
  for (const r of records) await remove(e, r, { force: true });
  const anonymous = new Set(listVolumes(e.root).filter((v) => v.anonymous).map((v) => v.name));
  const doomed = records.flatMap((r) => r.mounts.filter((m) => m.type === 'volume' && m.source !== undefined && anonymous.has(m.source)).map((m) => m.source!));
  if (doomed.length > 0) await removeVolumes(e.root, [...new Set(doomed)]);
}

export async function play(plan: KubePlan, target: PlayTarget, opts: { start: boolean; replace: boolean }): Promise<PlayReport> {
  const e = engineAt(target.root, target.runroot);
  const shared = plan.pods.find((p) => p.containers.length > 1 && p.containers[1]!.request.network?.startsWith('container:'));
  if (!opts.start && shared) {
    throw new UserError(`pod ${shared.name} has several containers, which join the first one's network while it runs: play it without --start=false`);
  }
  await clearWay(e, plan, opts.replace);
  const made: ContainerRecord[] = [];
  const volumesMade: string[] = [];
  const report: PlayReport = { volumes: [], pods: [] };
  try {
    for (const pod of plan.pods) pod.hostPaths.forEach(prepareHostPath);
    for (const v of plan.volumes) {
      const { volume, created } = await createVolume(target.root, { name: v.name, labels: v.labels, ignoreExisting: true });
      if (created) volumesMade.push(volume.name);
      report.volumes.push(volume.name);
    }
    for (const pod of plan.pods) {
      const emptyDirs = new Map<string, string>();
      for (const name of new Set(pod.containers.flatMap((c) => c.emptyDirs.map((d) => d.volume)))) {
        const v = await createAnonymousVolume(target.root);
        volumesMade.push(v.name);
        emptyDirs.set(name, v.name);
      }
      const ids: string[] = [];
      for (const c of pod.containers) {
        const mounts = c.request.mounts.map((m, i) => {
          const dir = c.emptyDirs.find((d) => d.mount === i);
          return dir ? { ...m, source: emptyDirs.get(dir.volume)! } : m;
        });
        const record = await target.create({ ...c.request, mounts });
        made.push(record);
        if (opts.start) await start(e, record);
        ids.push(record.id);
      }
      report.pods.push({ name: pod.name, ids });
    }
  } catch (err) {
    await takeDown(e, [...made].reverse()).catch(() => undefined);
    if (volumesMade.length > 0) await removeVolumes(target.root, volumesMade).catch(() => undefined);
    throw err;
  }
  return report;
}

/** Removes the pods there are of those named (and with `force` the claims' volumes). */
export async function down(root: string, runroot: string, pods: readonly string[], claims: readonly string[], force: boolean): Promise<DownReport> {
  const e = engineAt(root, runroot);
  const report: DownReport = { pods: [], volumes: [], problems: [] };
  for (const pod of pods) {
    const records = members(e, pod);
    if (records.length === 0) {
      report.problems.push(`no pod named ${pod} was played ('boxctl ps -a --filter label=${POD_LABEL}' lists what kube play made)`);
      continue;
    }
    await takeDown(e, records);
    report.pods.push({ name: pod, ids: records.map((r) => r.id).reverse() });
  }
  if (force && claims.length > 0) {
    for (const outcome of await removeVolumes(root, claims)) {
      if ('removed' in outcome) report.volumes.push(outcome.removed);
      else if ('users' in outcome) report.problems.push(`volume ${outcome.wanted} is in use by ${outcome.users.map((u) => u.name).join(', ')}: it stays`);
    }
  }
  return report;
}
