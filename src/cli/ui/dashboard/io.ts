// The dashboard's side of the engine: reads the containers, images and volumes the way
// the CLI does (no daemon: the files are the truth, so what another terminal does shows
// at the next read), samples the cgroup figures, follows logs, and carries out actions.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { homedir, userInfo } from 'node:os';
import { join } from 'node:path';

import * as lifecycle from '../../../engine/container/lifecycle.js';
import type { Engine } from '../../../engine/container/lifecycle.js';
import type { ContainerRecord, ContainerView } from '../../../engine/container/record.js';
import type { StatsSample } from '../../../engine/container/stats.js';
import { SYSTEMD_UNIT_LABEL } from '../../../engine/container/sdnotify.js';
import { imagesInUse } from '../../../engine/container/store.js';
import { nowNanoseconds } from '../../../engine/container/time-spec.js';
import { inspectContainer, parsePorts, portsText, statusText } from '../../render/containers.js';
import type { From, LogFollower } from './follow.js';
import type { Action, ContainerAction, Effect } from './model.js';
import type { LogTarget } from './logs.js';
import type { ContainerRow, ImageRow, Snapshot, VolumeRow } from './snapshot.js';
import type { DashboardIO } from './components/dashboard.js';

export interface IoHooks {
  quit(): void;
  /** Leaves the dashboard for a shell in the container, and comes back. */
  exec(name: string): void;
}

function uidMap(pid: number | undefined): string {
  if (pid === undefined) return '';
  try {
    return readFileSync(`/proc/${pid}/uid_map`, 'utf8')
      .trim()
      .split('\n')
      .map((l) => l.trim().split(/\s+/).join(':'))
      .join(',');
  } catch {
    return '';
  }
}

/**
 * The user unit of a container: the one its label names (a generated unit runs it with
 * BOXCTL_SYSTEMD_UNIT set, sdnotify.ts), else the file `generate systemd` would write
 * for it; and what systemd says of it. Asked now and then, in the background (it costs
 * a process); "unknown" where no user manager answers, as where systemd is not running.
 */
class Units {
  private readonly states = new Map<string, { state: string; at: number }>();
  private readonly dir = join(process.env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'systemd', 'user');

  of(record: ContainerRecord): { name: string; state: string } | undefined {
    const generated = `container-${record.name}.service`;
    const unit = record.labels[SYSTEMD_UNIT_LABEL] || (existsSync(join(this.dir, generated)) ? generated : undefined);
    if (unit === undefined) return undefined;
    const known = this.states.get(unit);
    if (!known || Date.now() - known.at > 10_000) {
      this.states.set(unit, { state: known?.state ?? 'unknown', at: Date.now() });
      execFile('systemctl', ['--user', 'is-active', unit], { timeout: 2000 }, (_err, out) => {
        this.states.set(unit, { state: String(out).trim() || 'unknown', at: Date.now() });
      });
    }
    return { name: unit, state: known?.state ?? 'unknown' };
  }
}

/** What only the reads after the first frame need: loaded while Ink loads (EngineIO.loadRest). */
interface Rest {
  images: typeof import('../../../engine/image/images.js');
  volumes: typeof import('../../../engine/volume/store.js');
  stats: typeof import('../../../engine/container/stats.js');
  follow: typeof import('./follow.js');
}

export class EngineIO implements DashboardIO {
  private readonly samples = new Map<string, StatsSample>();
  private readonly units = new Units();
  private readonly user = userInfo().username;
  private logs: { target: LogTarget; follower: LogFollower; sinceNs: bigint } | undefined;
  private loaded: Rest | undefined;

  constructor(
    private readonly e: Engine,
    private readonly hooks: IoHooks,
  ) {}

  private containerRow(v: ContainerView, now: number, figures: boolean): ContainerRow {
    const r = v.record;
    const live = v.status === 'running' || v.status === 'paused';
    const row: ContainerRow = {
      id: r.id,
      name: r.name,
      image: r.imageName,
      status: v.status,
      statusText: statusText(v, now).replace(/ \((healthy|unhealthy|starting)\)$/, ''),
      health: live && r.health ? (v.health?.status ?? 'starting') : '',
      ports: portsText(parsePorts(r.ports)),
      created: r.created,
      userns: live ? uidMap(v.pid) : '',
      network: r.network || 'none',
    };
    const since = v.status === 'exited' ? v.finishedAt : v.startedAt;
    if (since) row.since = since;
    const unit = this.units.of(r);
    if (unit) row.unit = unit;
    if (!figures) return row;
    if (live && v.pid !== undefined) {
      const sample = this.rest.stats.sampleStats(r.cgroupPath, v.pid);
      const prev = this.samples.get(r.id);
      this.samples.set(r.id, sample);
      row.memBytes = sample.memUsage;
      row.memLimit = sample.memLimit;
      if (prev) row.cpuPercent = this.rest.stats.computeStats(prev, sample, 0).cpu;
    } else {
      this.samples.delete(r.id);
    }
    return row;
  }

  private views(): ContainerView[] {
    return this.e.store.list().map((r) => lifecycle.view(this.e, r));
  }

  /**
   * What the first frame needs, read fast: the containers and their state from their
   * records, without the cgroup figures, images and volumes (snapshot() reads those,
   * right after the first frame is on the screen).
   */
  quickSnapshot(): Snapshot {
    const now = Date.now();
    const containers = this.views().map((v) => this.containerRow(v, now, false));
    return { containers, images: [], volumes: [], host: this.host(), complete: false };
  }

  snapshot(): Snapshot {
    const now = Date.now();
    const views = this.views();
    if (this.logs?.target.kind === 'all') this.followRunning(this.logs.follower, views, { sinceNs: this.logs.sinceNs });
    const containers = views.map((v) => this.containerRow(v, now, true));
    for (const id of this.samples.keys()) if (!containers.some((c) => c.id === id)) this.samples.delete(id);
    const inUse = new Map<string, string[]>();
    for (const v of views) inUse.set(v.record.imageId, [...(inUse.get(v.record.imageId) ?? []), v.record.name]);
    const { images: img, volumes: vol } = this.rest;
    const images: ImageRow[] = img.listImages(this.e.root).map((i) => ({
      key: `${i.id} ${i.repository}:${i.tag}`,
      id: i.id,
      repository: i.repository,
      tag: i.tag,
      size: i.size,
      ...(i.created ? { created: i.created } : {}),
      usedBy: inUse.get(i.id) ?? [],
    }));
    const volumes: VolumeRow[] = vol.listVolumes(this.e.root).map((v) => ({
      name: v.name,
      driver: v.driver,
      created: v.created,
      anonymous: v.anonymous === true,
      mountpoint: v.mountpoint,
      usedBy: views.filter((c) => c.record.mounts.some((m) => m.type === 'volume' && m.source === v.name)).map((c) => c.record.name),
    }));
    return { containers, images, volumes, host: this.host(), complete: true };
  }

  /** Loads the modules of everything but the first frame (they cost its time otherwise). */
  async loadRest(): Promise<void> {
    const [images, volumes, stats, follow] = await Promise.all([
      import('../../../engine/image/images.js'),
      import('../../../engine/volume/store.js'),
      import('../../../engine/container/stats.js'),
      import('./follow.js'),
    ]);
    this.loaded = { images, volumes, stats, follow };
  }

  private get rest(): Rest {
    if (!this.loaded) throw new Error('the dashboard read more than its first frame before loadRest()');
    return this.loaded;
  }

  /** Stops what runs in the background (log readers), so that nothing keeps the process alive. */
  close(): void {
    this.logs?.follower.close();
    this.logs = undefined;
  }

  private host(): Snapshot['host'] {
    return { user: this.user, linger: existsSync(`/var/lib/systemd/linger/${this.user}`) };
  }

  perform(effect: Effect, dispatch: (a: Action) => void): void {
    const fail = (err: unknown) => dispatch({ type: 'message', text: err instanceof Error ? err.message : String(err), tone: 'error' });
    const done = (text: string) => {
      dispatch({ type: 'snapshot', snapshot: this.snapshot() });
      dispatch({ type: 'message', text, tone: 'done' });
    };
    switch (effect.kind) {
      case 'quit':
        this.hooks.quit();
        return;
      case 'exec':
        this.hooks.exec(effect.name);
        return;
      case 'container':
        this.containerAction(effect.action, effect.id).then(() => done(`${effect.name}: ${PAST[effect.action]}`), fail);
        return;
      case 'follow-logs':
        this.followLogs(effect.target, dispatch);
        return;
      case 'stop-logs':
        this.logs?.follower.close();
        this.logs = undefined;
        return;
      case 'inspect':
        try {
          dispatch({ type: 'inspect', ...this.inspect(effect.what, effect.key) });
        } catch (err) {
          fail(err);
        }
        return;
      case 'remove-image':
        this.rest.images.removeImages(this.e.root, [effect.id], false, imagesInUse(this.e.root)).then(() => done(`image ${effect.name} removed`), fail);
        return;
      case 'remove-volume':
        this.rest.volumes.removeVolumes(this.e.root, [effect.name]).then((outcomes) => {
          const o = outcomes[0];
          if (o && 'users' in o) fail(`volume ${effect.name} is in use by ${o.users.map((u) => u.name).join(', ')}: remove those containers first`);
          else if (o && 'error' in o) fail(o.error);
          else done(`volume ${effect.name} removed`);
        }, fail);
        return;
      case 'pull':
        this.pull(effect.reference, dispatch, done, fail);
        return;
      case 'prune':
        this.prune(effect.what).then(done, fail);
        return;
    }
  }

  private async containerAction(action: ContainerAction, id: string): Promise<void> {
    const record = (): ContainerRecord => this.e.store.find(id);
    switch (action) {
      case 'start':
        return lifecycle.start(this.e, record());
      case 'stop':
        return lifecycle.stop(this.e, record());
      case 'restart':
        await lifecycle.stop(this.e, record());
        return lifecycle.start(this.e, record());
      case 'pause':
        return lifecycle.pause(this.e, record(), true);
      case 'unpause':
        return lifecycle.pause(this.e, record(), false);
      case 'remove':
        return lifecycle.remove(this.e, record(), { force: true });
    }
  }

  private inspect(what: 'containers' | 'images' | 'volumes', key: string): { title: string; value: unknown } {
    if (what === 'containers') {
      const record = this.e.store.find(key);
      const value = inspectContainer(lifecycle.view(this.e, record), {
        dir: this.e.store.paths(record.id).dir,
        volumePath: (v) => join(this.e.root, 'volumes', v, '_data'),
      });
      return { title: `Inspect container ${record.name}`, value };
    }
    if (what === 'images') {
      const { record, config } = this.rest.images.inspectImage(this.e.root, key);
      return { title: `Inspect image ${record.names[0] ?? record.id}`, value: { ...record, config } };
    }
    return { title: `Inspect volume ${key}`, value: this.rest.volumes.lookupVolume(this.e.root, key) };
  }

  /**
   * Follows the logs of one container, or merged, of every running one: those that start
   * later join at the next refresh with what they wrote since the view opened, and
   * those removed leave it.
   */
  private followLogs(target: LogTarget, dispatch: (a: Action) => void): void {
    this.logs?.follower.close();
    const follower = new this.rest.follow.LogFollower(
      (entries) => dispatch({ type: 'log-lines', entries }),
      (text) => dispatch({ type: 'message', text, tone: 'error' }),
    );
    this.logs = { target, follower, sinceNs: nowNanoseconds() };
    if (target.kind === 'all') {
      this.followRunning(follower, this.views(), { tail: 100 });
      return;
    }
    try {
      const r = this.e.store.find(target.id);
      follower.add(r.id, r.name, this.e.store.paths(r.id).log, { tail: 1000 });
    } catch (err) {
      dispatch({ type: 'message', text: (err as Error).message, tone: 'error' });
    }
  }

  private followRunning(follower: LogFollower, views: readonly ContainerView[], from: From): void {
    for (const v of views) {
      if ((v.status === 'running' || v.status === 'paused') && !follower.has(v.record.id)) {
        follower.add(v.record.id, v.record.name, this.e.store.paths(v.record.id).log, from);
      }
    }
    const present = new Set(views.map((v) => v.record.id));
    for (const id of follower.ids()) if (!present.has(id)) follower.drop(id);
  }

  private pull(reference: string, dispatch: (a: Action) => void, done: (text: string) => void, fail: (err: unknown) => void): void {
    // The registry client (undici) loads only for a pull: the dashboard's start does without it.
    import('../../../engine/image/pull.js')
      .then(({ pullImage }) => pullImage({ name: reference, root: this.e.root, onEvent: (event) => dispatch({ type: 'pull-event', at: Date.now(), event }) }))
      .then(
        (record) => {
          dispatch({ type: 'pull-done', footer: `Pulled ${reference} (${record.id.replace(/^sha256:/, '').slice(0, 12)})` });
          done(`pulled ${reference}`);
        },
        (err: unknown) => {
          dispatch({ type: 'pull-done', footer: `Error: ${(err as Error).message}` });
          fail(err);
        },
      );
  }

  private async prune(what: 'containers' | 'images' | 'volumes'): Promise<string> {
    if (what === 'images') {
      const report = await this.rest.images.pruneImages(this.e.root, imagesInUse(this.e.root));
      return `pruned ${report.deleted.length} image(s)`;
    }
    if (what === 'volumes') return `pruned ${(await this.rest.volumes.pruneVolumes(this.e.root, [])).length} volume(s)`;
    const doomed = this.e.store.list().filter((r) => {
      const s = lifecycle.view(this.e, r).status;
      return s === 'exited' || s === 'created';
    });
    for (const r of doomed) await lifecycle.remove(this.e, r, { force: false });
    return `pruned ${doomed.length} container(s)`;
  }
}

const PAST: Record<string, string> = { start: 'started', stop: 'stopped', restart: 'restarted', pause: 'paused', unpause: 'unpaused', remove: 'removed' };
