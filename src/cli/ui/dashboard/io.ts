// The dashboard's side of the engine: reads the containers, images and volumes the way
// the CLI does (no daemon: the files are the truth, so what another terminal does shows
// at the next read), samples the cgroup figures, follows logs, and carries out actions.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { homedir, userInfo } from 'node:os';
import { join } from 'node:path';

import { listImages, inspectImage, pruneImages, removeImages } from '../../../engine/image/images.js';
import { pullImage } from '../../../engine/image/pull.js';
import { readLog } from '../../../engine/container/log-reader.js';
import * as lifecycle from '../../../engine/container/lifecycle.js';
import type { Engine } from '../../../engine/container/lifecycle.js';
import type { ContainerRecord, ContainerView } from '../../../engine/container/record.js';
import { computeStats, sampleStats, type StatsSample } from '../../../engine/container/stats.js';
import { imagesInUse } from '../../../engine/container/store.js';
import { listVolumes, lookupVolume, pruneVolumes, removeVolumes } from '../../../engine/volume/store.js';
import { inspectContainer, parsePorts, portsText, statusText } from '../../render/containers.js';
import type { Action, ContainerAction, Effect } from './model.js';
import type { LogEntry, LogTarget } from './logs.js';
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

/** The user units of systemd that `generate systemd` would write, and what systemd says of them (asked now and then: it costs a process). */
class Units {
  private readonly states = new Map<string, { state: string; at: number }>();
  private readonly dir = join(process.env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'systemd', 'user');

  of(name: string): { name: string; state: string } | undefined {
    const unit = `container-${name}.service`;
    if (!existsSync(join(this.dir, unit))) return undefined;
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

export class EngineIO implements DashboardIO {
  private readonly samples = new Map<string, StatsSample>();
  private readonly units = new Units();
  private readonly user = userInfo().username;
  private stopLogs: (() => void) | undefined;

  constructor(
    private readonly e: Engine,
    private readonly hooks: IoHooks,
  ) {}

  private containerRow(v: ContainerView, now: number): ContainerRow {
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
    const unit = this.units.of(r.name);
    if (unit) row.unit = unit;
    if (live && v.pid !== undefined) {
      const sample = sampleStats(r.cgroupPath, v.pid);
      const prev = this.samples.get(r.id);
      this.samples.set(r.id, sample);
      row.memBytes = sample.memUsage;
      row.memLimit = sample.memLimit;
      if (prev) row.cpuPercent = computeStats(prev, sample, 0).cpu;
    } else {
      this.samples.delete(r.id);
    }
    return row;
  }

  snapshot(): Snapshot {
    const now = Date.now();
    const views = this.e.store.list().map((r) => lifecycle.view(this.e, r));
    const containers = views.map((v) => this.containerRow(v, now));
    const inUse = imagesInUse(this.e.root);
    const images: ImageRow[] = listImages(this.e.root).map((i) => ({
      key: `${i.id} ${i.repository}:${i.tag}`,
      id: i.id,
      repository: i.repository,
      tag: i.tag,
      size: i.size,
      ...(i.created ? { created: i.created } : {}),
      usedBy: inUse.get(i.id) ?? [],
    }));
    const volumes: VolumeRow[] = listVolumes(this.e.root).map((v) => ({
      name: v.name,
      driver: v.driver,
      created: v.created,
      anonymous: v.anonymous === true,
      mountpoint: v.mountpoint,
      usedBy: views.filter((c) => c.record.mounts.some((m) => m.type === 'volume' && m.source === v.name)).map((c) => c.record.name),
    }));
    return { containers, images, volumes, host: { user: this.user, linger: existsSync(`/var/lib/systemd/linger/${this.user}`) } };
  }

  perform(effect: Effect, dispatch: (a: Action) => void): void {
    const fail = (err: unknown) => dispatch({ type: 'message', text: err instanceof Error ? err.message : String(err), tone: 'error' });
    const done = (text: string) => {
      dispatch({ type: 'snapshot', snapshot: this.snapshot() });
      dispatch({ type: 'message', text, tone: 'done' });
    };
    switch (effect.kind) {
      case 'quit':
        this.stopLogs?.();
        this.hooks.quit();
        return;
      case 'exec':
        this.hooks.exec(effect.name);
        return;
      case 'container':
        this.containerAction(effect.action, effect.id).then(() => done(`${effect.name}: ${PAST[effect.action]}`), fail);
        return;
      case 'follow-logs':
        this.stopLogs?.();
        this.stopLogs = this.followLogs(effect.target, dispatch);
        return;
      case 'stop-logs':
        this.stopLogs?.();
        this.stopLogs = undefined;
        return;
      case 'inspect':
        try {
          dispatch({ type: 'inspect', ...this.inspect(effect.what, effect.key) });
        } catch (err) {
          fail(err);
        }
        return;
      case 'remove-image':
        removeImages(this.e.root, [effect.id], false, imagesInUse(this.e.root)).then(() => done(`image ${effect.name} removed`), fail);
        return;
      case 'remove-volume':
        removeVolumes(this.e.root, [effect.name]).then((outcomes) => {
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
      const { record, config } = inspectImage(this.e.root, key);
      return { title: `Inspect image ${record.names[0] ?? record.id}`, value: { ...record, config } };
    }
    return { title: `Inspect volume ${key}`, value: lookupVolume(this.e.root, key) };
  }

  /** Follows the logs of one container, or of every running one under its name, in batches. */
  private followLogs(target: LogTarget, dispatch: (a: Action) => void): () => void {
    const records =
      target.kind === 'one'
        ? [this.e.store.find(target.id)]
        : this.e.store.list().filter((r) => {
            const s = lifecycle.view(this.e, r).status;
            return s === 'running' || s === 'paused';
          });
    let closed = false;
    let release: () => void = () => undefined;
    const stop = new Promise<void>((resolve) => {
      release = resolve;
    });
    let batch: LogEntry[] = [];
    let flush: NodeJS.Timeout | undefined;
    const send = () => {
      flush = undefined;
      if (closed || batch.length === 0) return;
      const entries = batch;
      batch = [];
      dispatch({ type: 'log-lines', entries });
    };
    for (const r of records) {
      void (async () => {
        const lines = readLog(this.e.store.paths(r.id).log, { follow: true, tail: target.kind === 'one' ? 1000 : 100, stop, pollIntervalMs: 200 });
        for await (const line of lines) {
          if (closed) break;
          batch.push({ source: r.name, time: line.time, stream: line.stream, text: line.text.toString('utf8') });
          flush ??= setTimeout(send, 50);
        }
      })().catch((err: unknown) => dispatch({ type: 'message', text: `logs of ${r.name}: ${(err as Error).message}`, tone: 'error' }));
    }
    return () => {
      closed = true;
      release();
      if (flush) clearTimeout(flush);
    };
  }

  private pull(reference: string, dispatch: (a: Action) => void, done: (text: string) => void, fail: (err: unknown) => void): void {
    pullImage({ name: reference, root: this.e.root, onEvent: (event) => dispatch({ type: 'pull-event', at: Date.now(), event }) }).then(
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
      const report = await pruneImages(this.e.root, imagesInUse(this.e.root));
      return `pruned ${report.deleted.length} image(s)`;
    }
    if (what === 'volumes') return `pruned ${(await pruneVolumes(this.e.root, [])).length} volume(s)`;
    const doomed = this.e.store.list().filter((r) => {
      const s = lifecycle.view(this.e, r).status;
      return s === 'exited' || s === 'created';
    });
    for (const r of doomed) await lifecycle.remove(this.e, r, { force: false });
    return `pruned ${doomed.length} container(s)`;
  }
}

const PAST: Record<string, string> = { start: 'started', stop: 'stopped', restart: 'restarted', pause: 'paused', unpause: 'unpaused', remove: 'removed' };
