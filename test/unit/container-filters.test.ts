import { createHash } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { NotFoundError, UserError } from '../../src/errors.js';
import { matches, parseFilters } from '../../src/engine/container/filters.js';
import type { ContainerRecord, ContainerView } from '../../src/engine/container/record.js';

function view(name: string, over: Partial<ContainerRecord> = {}, live: Partial<ContainerView> = {}): ContainerView {
  const id = createHash('sha256').update(name).digest('hex');
  return {
    record: {
      version: 1,
      id,
      name,
      imageName: 'docker.io/library/busybox:latest',
      imageId: 'ab'.repeat(32),
      command: ['sleep', '100'],
      created: '2026-01-01T00:00:00.000000001Z',
      labels: {},
      env: [],
      mounts: [],
      terminal: false,
      stdin: false,
      autoRemove: false,
      restart: { name: 'no' },
      stopSignal: 15,
      stopTimeout: 10,
      log: {},
      ports: [],
      network: 'slirp4netns',
      hostname: name,
      layers: [],
      ...over,
    },
    status: 'running',
    restartCount: 0,
    ...live,
  };
}

function pick(args: string[], views: ContainerView[]): string[] {
  const f = parseFilters(args);
  return views.filter((v) => matches(v, f, views)).map((v) => v.record.name);
}

function refusal(args: string[]): string {
  try {
    parseFilters(args);
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return (e as Error).message;
  }
  throw new Error(`accepted ${args.join(' ')}`);
}

const web = view('web', { labels: { app: 'shop', tier: 'front' } }, { status: 'running' });
const db = view('db', { labels: { app: 'shop', tier: 'back' }, imageName: 'docker.io/library/postgres:16' }, { status: 'exited', exitCode: 0 });
const job = view('job-1', { imageName: 'busybox' }, { status: 'exited', exitCode: 3 });
const fresh = view('fresh', { imageName: '127.0.0.1:5000/boxctl/busybox' }, { status: 'created' });
const frozen = view('frozen', {}, { status: 'paused' });
const all = [web, db, job, fresh, frozen];

describe('parseFilters + matches', () => {
  it('no filters: everything', () => {
    expect(pick([], all)).toEqual(['web', 'db', 'job-1', 'fresh', 'frozen']);
  });

  it('status: several are alternatives; stopped and configured are Podman aliases', () => {
    expect(pick(['status=running'], all)).toEqual(['web']);
    expect(pick(['status=exited', 'status=created'], all)).toEqual(['db', 'job-1', 'fresh']);
    expect(pick(['status=paused'], all)).toEqual(['frozen']);
    expect(pick(['status=stopped'], all)).toEqual(['db', 'job-1']);
    expect(pick(['status=configured'], all)).toEqual(['fresh']);
  });

  it('name: a regular expression found anywhere in the name, as Podman', () => {
    expect(pick(['name=^db$'], all)).toEqual(['db']);
    expect(pick(['name=o'], all)).toEqual(['job-1', 'frozen']);
    expect(pick(['name=web', 'name=fresh'], all)).toEqual(['web', 'fresh']);
  });

  it('id: a prefix of the id', () => {
    expect(pick([`id=${db.record.id.slice(0, 3)}`], all)).toEqual(['db']);
    expect(pick([`id=${fresh.record.id}`], all)).toEqual(['fresh']);
    expect(pick(['id=0000'], all)).toEqual([]);
  });

  it('label: key, or key=value; several must all match; label! excludes; * in a key', () => {
    expect(pick(['label=app'], all)).toEqual(['web', 'db']);
    expect(pick(['label=tier=back'], all)).toEqual(['db']);
    expect(pick(['label=app=shop', 'label=tier=front'], all)).toEqual(['web']);
    expect(pick(['label=app=shop', 'label=tier=none'], all)).toEqual([]);
    expect(pick(['label!=tier=front'], all)).toEqual(['db', 'job-1', 'fresh', 'frozen']);
    expect(pick(['label=ti*'], all)).toEqual(['web', 'db']);
    expect(pick(['label=app='], all)).toEqual([]);
  });

  it('ancestor: image name with the default tag filled in, or an id prefix', () => {
    // busybox, docker.io/library/busybox:latest and busybox:latest are one image.
    expect(pick(['ancestor=busybox'], all)).toEqual(['web', 'job-1', 'frozen']);
    expect(pick(['ancestor=busybox:latest'], all)).toEqual(['web', 'job-1', 'frozen']);
    expect(pick(['ancestor=docker.io/library/busybox'], all)).toEqual(['web', 'job-1', 'frozen']);
    expect(pick(['ancestor=busybox:1.36'], all)).toEqual([]);
    expect(pick(['ancestor=postgres:16'], all)).toEqual(['db']);
    expect(pick(['ancestor=postgres'], all)).toEqual([]);
    expect(pick(['ancestor=127.0.0.1:5000/boxctl/busybox:latest'], all)).toEqual(['fresh']);
    expect(pick(['ancestor=127.0.0.1:5000/boxctl/busybox'], all)).toEqual(['fresh']);
    expect(pick(['ancestor=abab'], all)).toEqual(['web', 'db', 'job-1', 'fresh', 'frozen']);
    expect(pick(['ancestor=sha256:abababab'], all)).toEqual(['web', 'db', 'job-1', 'fresh', 'frozen']);
    expect(pick(['ancestor=postgres:16', 'ancestor=127.0.0.1:5000/boxctl/busybox'], all)).toEqual(['db', 'fresh']);
  });

  it('exited: the exit code of exited containers', () => {
    expect(pick(['exited=0'], all)).toEqual(['db']);
    expect(pick(['exited=3', 'exited=0'], all)).toEqual(['db', 'job-1']);
    expect(pick(['exited=1'], all)).toEqual([]);
  });

  it('health: from health.json; starting before the first check; none without a healthcheck', () => {
    const check = { test: ['/bin/true'], intervalMs: 1000, timeoutMs: 1000, retries: 3, startPeriodMs: 0, onFailure: 'none' as const };
    const ok = view('ok', { health: check }, { health: { status: 'healthy', failingStreak: 0, log: [] } });
    const sick = view('sick', { health: check }, { health: { status: 'unhealthy', failingStreak: 3, log: [] } });
    const early = view('early', { health: check });
    const views = [ok, sick, early, web];
    expect(pick(['health=healthy'], views)).toEqual(['ok']);
    expect(pick(['health=unhealthy'], views)).toEqual(['sick']);
    expect(pick(['health=starting'], views)).toEqual(['early']);
    expect(pick(['health=none'], views)).toEqual(['web']);
  });

  it('before and since: created before or after the named container, by name or id prefix, to the nanosecond', () => {
    const at = (n: string, t: string): ContainerView => view(n, { created: t });
    const a = at('a1', '2026-01-01T00:00:00.000000100Z');
    const b = at('b2', '2026-01-01T00:00:00.000000200Z');
    const c = at('c3', '2026-01-01T00:00:01Z');
    const views = [a, b, c];
    expect(pick(['before=b2'], views)).toEqual(['a1']);
    expect(pick(['since=b2'], views)).toEqual(['c3']);
    expect(pick([`since=${a.record.id.slice(0, 6)}`], views)).toEqual(['b2', 'c3']);
    expect(pick(['before=c3', 'since=a1'], views)).toEqual(['b2']);
    // Several before= values: before the newest of them, as Podman.
    expect(pick(['before=a1', 'before=c3'], views)).toEqual(['a1', 'b2']);
    expect(() => pick(['since=nosuch'], views)).toThrow(NotFoundError);
    expect(() => pick(['since=nosuch'], views)).toThrow('no container with name or id "nosuch"');
  });

  it('restart-policy, network and volume', () => {
    const keeper = view('keeper', {
      restart: { name: 'always' },
      network: 'mynet',
      mounts: [{ type: 'volume', source: 'data', destination: '/var/lib/data', readOnly: false }],
    });
    const views = [keeper, web];
    expect(pick(['restart-policy=always'], views)).toEqual(['keeper']);
    expect(pick(['restart-policy=no'], views)).toEqual(['web']);
    expect(pick(['network=mynet'], views)).toEqual(['keeper']);
    expect(pick(['volume=data'], views)).toEqual(['keeper']);
    expect(pick(['volume=/var/lib/data'], views)).toEqual(['keeper']);
    expect(pick(['volume=other'], views)).toEqual([]);
  });

  it('different keys must all match', () => {
    expect(pick(['label=app=shop', 'status=exited'], all)).toEqual(['db']);
    expect(pick(['ancestor=busybox', 'status=exited', 'exited=3'], all)).toEqual(['job-1']);
  });
});

describe('parseFilters refuses bad filters with one line', () => {
  it('unknown keys list the valid ones', () => {
    expect(refusal(['colour=red'])).toBe(
      'unknown filter "colour": valid filters are ancestor, before, exited, health, id, label, label!, name, network, restart-policy, since, status, volume',
    );
  });

  it.each([
    [['status'], 'invalid filter "status": use KEY=VALUE, e.g. status=running'],
    [['=x'], 'invalid filter "=x": use KEY=VALUE, e.g. status=running'],
    [['status=sleeping'], 'invalid status filter "sleeping": use created, running, paused or exited'],
    [['health=sick'], 'invalid health filter "sick": use healthy, unhealthy, starting, none'],
    [['exited=abc'], 'invalid exited filter "abc": use an exit code such as 0 or 137'],
    [['restart-policy=sometimes'], 'invalid restart-policy filter "sometimes": use no, always, on-failure, unless-stopped'],
    [['before='], 'invalid before filter "": name a container by name or id'],
  ])('%j', (args, message) => {
    expect(refusal(args)).toBe(message);
  });

  it('a bad regular expression or image name says why', () => {
    expect(refusal(['name=(unclosed'])).toMatch(/^invalid name filter "\(unclosed": not a regular expression: /);
    expect(refusal(['ancestor=Not_Valid!'])).toMatch(/^invalid ancestor filter "Not_Valid!": not an image name or id: /);
  });
});
