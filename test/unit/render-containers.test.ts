import { describe, expect, it } from 'vitest';

import { UserError } from '../../src/errors.js';
import {
  inspectContainer,
  parsePorts,
  portsText,
  psJson,
  renderInspect,
  renderPs,
  renderPsJson,
  statusText,
} from '../../src/cli/render/containers.js';
import { goTimeString, humanDuration, humanSizeGo } from '../../src/cli/render/go-units.js';
import type { ContainerRecord, ContainerView, HealthConfig } from '../../src/engine/container/record.js';

const NOW = Date.parse('2026-01-01T00:10:00Z');
const WEB_ID = `0123456789ab${'c'.repeat(52)}`;
const DB_ID = `fedcba987654${'3'.repeat(52)}`;
const IMAGE_ID = `${'9'.repeat(12)}${'e'.repeat(52)}`;

function record(over: Partial<ContainerRecord>): ContainerRecord {
  return {
    version: 1,
    id: WEB_ID,
    name: 'web',
    imageName: 'docker.io/library/nginx:latest',
    imageId: IMAGE_ID,
    command: ['nginx', '-g', 'daemon off;'],
    created: '2026-01-01T00:08:00Z',
    labels: {},
    env: ['PATH=/usr/bin'],
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
    hostname: 'web',
    layers: [],
    ...over,
  };
}

const web: ContainerView = {
  record: record({ ports: ['8080:80/tcp'], labels: { app: 'shop' } }),
  status: 'running',
  pid: 4242,
  startedAt: '2026-01-01T00:09:57.250Z',
  restartCount: 0,
};
const db: ContainerView = {
  record: record({
    id: DB_ID,
    name: 'db',
    imageName: 'docker.io/library/postgres:16',
    command: ['postgres'],
    created: '2025-12-31T23:10:00Z',
  }),
  status: 'exited',
  exitCode: 1,
  startedAt: '2025-12-31T23:10:01Z',
  finishedAt: '2026-01-01T00:09:55Z',
  restartCount: 2,
};

describe('go-units words', () => {
  it.each([
    [500, 'Less than a second'],
    [1000, '1 second'],
    [59_000, '59 seconds'],
    [60_000, 'About a minute'],
    [119_000, 'About a minute'],
    [120_000, '2 minutes'],
    [59 * 60_000, '59 minutes'],
    [89 * 60_000, 'About an hour'],
    [90 * 60_000, '2 hours'],
    [47 * 3_600_000, '47 hours'],
    [48 * 3_600_000, '2 days'],
    [14 * 86_400_000, '2 weeks'],
    [60 * 86_400_000, '2 months'],
    [730 * 86_400_000, '2 years'],
  ])('humanDuration(%d) = %s', (ms, want) => {
    expect(humanDuration(ms)).toBe(want);
  });

  it('sizes and times as Go prints them', () => {
    expect(humanSizeGo(0, 4)).toBe('0B');
    expect(humanSizeGo(1500, 3)).toBe('1.5kB');
    expect(humanSizeGo(7_340_000, 3)).toBe('7.34MB');
    expect(humanSizeGo(10_485_760, 4)).toBe('10.49MB');
    expect(goTimeString('2026-01-01T00:08:00Z')).toBe('2026-01-01 00:08:00 +0000 UTC');
    expect(goTimeString('2026-01-01T00:08:00.120000000Z')).toBe('2026-01-01 00:08:00.12 +0000 UTC');
    expect(goTimeString('2026-01-01T00:08:00.123456789Z')).toBe('2026-01-01 00:08:00.123456789 +0000 UTC');
  });
});

describe('STATUS and PORTS texts', () => {
  const health: HealthConfig = {
    test: ['/bin/sh', '-c', 'curl -f localhost'],
    intervalMs: 30_000,
    timeoutMs: 5_000,
    retries: 3,
    startPeriodMs: 0,
    onFailure: 'none',
  };

  it('as Podman words them', () => {
    expect(statusText(web, NOW)).toBe('Up 3 seconds');
    expect(statusText(db, NOW)).toBe('Exited (1) 5 seconds ago');
    expect(statusText({ ...web, status: 'created' }, NOW)).toBe('Created');
    expect(statusText({ ...web, status: 'paused' }, NOW)).toBe('Paused');
    const checked = { ...web, record: { ...web.record, health } };
    expect(statusText(checked, NOW)).toBe('Up 3 seconds (starting)');
    expect(statusText({ ...checked, health: { status: 'healthy', failingStreak: 0, log: [] } }, NOW)).toBe('Up 3 seconds (healthy)');
    expect(statusText({ ...checked, status: 'exited', exitCode: 137, finishedAt: '2026-01-01T00:05:00Z' }, NOW)).toBe(
      'Exited (137) 5 minutes ago',
    );
    const { finishedAt: _unknown, ...neverFinished } = { ...db, exitCode: -1 };
    expect(statusText(neverFinished, NOW)).toBe('Exited (-1)');
  });

  it('ports: host ip, ranges and protocols', () => {
    const ports = parsePorts(['8080:80', '127.0.0.1:9000-9001:90-91/udp', '[::1]:53:53/udp']);
    expect(ports).toEqual([
      { host_ip: '', container_port: 80, host_port: 8080, range: 1, protocol: 'tcp' },
      { host_ip: '127.0.0.1', container_port: 90, host_port: 9000, range: 2, protocol: 'udp' },
      { host_ip: '::1', container_port: 53, host_port: 53, range: 1, protocol: 'udp' },
    ]);
    expect(portsText(ports)).toBe('0.0.0.0:8080->80/tcp, 127.0.0.1:9000-9001->90-91/udp, ::1:53->53/udp');
  });
});

describe('ps output', () => {
  const row = (...cells: [string, number][]): string => cells.map(([c, w]) => (w > 0 ? c.padEnd(w) : c)).join('');

  it('the default table: Podman columns, 12-character ids, commands cut at 17', () => {
    const widths = [14, 32, 22, 19, 26, 22, 0];
    const line = (...cells: string[]): string => row(...cells.map((c, i): [string, number] => [c, widths[i]!]));
    expect(renderPs([web, db], { now: NOW })).toBe(
      [
        line('CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES'),
        line('0123456789ab', 'docker.io/library/nginx:latest', 'nginx -g daemon o...', '2 minutes ago', 'Up 3 seconds', '0.0.0.0:8080->80/tcp', 'web'),
        line('fedcba987654', 'docker.io/library/postgres:16', 'postgres', 'About an hour ago', 'Exited (1) 5 seconds ago', '', 'db'),
        '',
      ].join('\n'),
    );
  });

  it('an empty list is the header alone; --noheading drops it', () => {
    expect(renderPs([], { now: NOW })).toBe(
      'CONTAINER ID  IMAGE       COMMAND     CREATED     STATUS      PORTS       NAMES\n',
    );
    expect(renderPs([], { now: NOW, noHeading: true })).toBe('');
  });

  it('--no-trunc: whole ids and commands', () => {
    const out = renderPs([web], { now: NOW, noTrunc: true, noHeading: true });
    expect(out).toBe(
      row([WEB_ID, 66], ['docker.io/library/nginx:latest', 32], ['nginx -g daemon off;', 22], ['2 minutes ago', 15], ['Up 3 seconds', 14], ['0.0.0.0:8080->80/tcp', 22], ['web', 0]) + '\n',
    );
  });

  it('--size adds SIZE last: the writable layer and, in brackets, the whole', () => {
    const sizes = new Map([[WEB_ID, { rootFsSize: 7_340_000, rwSize: 1500 }]]);
    const out = renderPs([web], { now: NOW, sizes, format: 'table {{.Names}}\t{{.Size}}' });
    expect(out).toBe('NAMES       SIZE\nweb         1.5kB (virtual 7.34MB)\n');
    const table = renderPs([web], { now: NOW, sizes }).split('\n');
    expect(table[0]).toMatch(/ NAMES +SIZE$/);
    expect(table[1]).toMatch(/ web +1\.5kB \(virtual 7\.34MB\)$/);
  });

  it('-q: ids, one a line; a --format wins over it', () => {
    expect(renderPs([web, db], { now: NOW, quiet: true })).toBe('0123456789ab\nfedcba987654\n');
    expect(renderPs([web], { now: NOW, quiet: true, noTrunc: true })).toBe(`${WEB_ID}\n`);
    expect(renderPs([web, db], { now: NOW, quiet: true, format: '{{.Names}}' })).toBe('web\ndb\n');
  });

  it('templates see psReporter fields', () => {
    const f = (format: string, views = [web, db]): string => renderPs(views, { now: NOW, format });
    expect(f('{{.Names}} {{.ID}} {{.State}}')).toBe('web 0123456789ab running\ndb fedcba987654 exited\n');
    expect(f('{{.Status}}|{{.RunningFor}}|{{.CreatedHuman}}', [web])).toBe('Up 3 seconds|2 minutes ago|2 minutes ago\n');
    expect(f('{{.Label "app"}}|{{index .Labels "app"}}|{{.Labels}}', [web])).toBe('shop|shop|map[app:shop]\n');
    expect(f('{{.ImageID}} {{.Pid}} {{.ExitCode}} {{.Restarts}}')).toBe('999999999999 4242 0 0\n999999999999 0 1 2\n');
    expect(f('{{.CreatedAt}}', [web])).toBe('2026-01-01 00:08:00 +0000 UTC\n');
    expect(f('{{.Ports}}|{{.Networks}}|{{.Mounts}}', [web])).toBe('0.0.0.0:8080->80/tcp||\n');
    expect(f('{{.Command}}', [web])).toBe('nginx -g daemon o...\n');
    expect(f('table {{.Names}}\t{{.RunningFor}}\t{{.Restarts}}')).toBe(
      'NAMES       RUNNING FOR        RESTARTS\nweb         2 minutes ago      0\ndb          About an hour ago  2\n',
    );
    expect(f('{{json .}}', [db])).toBe(`${JSON.stringify(psJson(db, { now: NOW }))}\n`);
  });

  it('an unknown template field is a one-line error listing the ps fields', () => {
    expect(() => renderPs([web], { now: NOW, format: '{{.Nmae}}' })).toThrow(UserError);
    expect(() => renderPs([], { now: NOW, format: '{{.Nmae}}' })).toThrow(
      'invalid format template: unknown field .Nmae (valid fields: .AutoRemove, .Command, .Created, .CreatedAt, .CreatedHuman, .ExitCode, .Exited, .ExitedAt, .ID, .Image, .ImageID, .Label, .Labels, .Mounts, .Names, .Networks, .Pid, .Pod, .PodName, .Ports, .Restarts, .RunningFor, .Size, .StartedAt, .State, .Status)',
    );
  });

  it('--format json: ListContainer objects, unix times, Podman field order', () => {
    expect(psJson(web, { now: NOW })).toEqual({
      AutoRemove: false,
      Command: ['nginx', '-g', 'daemon off;'],
      CreatedAt: '2 minutes ago',
      CIDFile: '',
      Exited: false,
      ExitedAt: -62135596800,
      ExitCode: 0,
      Id: WEB_ID,
      Image: 'docker.io/library/nginx:latest',
      ImageID: IMAGE_ID,
      IsInfra: false,
      Labels: { app: 'shop' },
      Mounts: [],
      Names: ['web'],
      Namespaces: {},
      Networks: [],
      Pid: 4242,
      Pod: '',
      PodName: '',
      Ports: [{ host_ip: '', container_port: 80, host_port: 8080, range: 1, protocol: 'tcp' }],
      Restarts: 0,
      Size: null,
      StartedAt: Date.parse('2026-01-01T00:09:57Z') / 1000,
      State: 'running',
      Status: 'Up 3 seconds',
      Created: Date.parse('2026-01-01T00:08:00Z') / 1000,
    });
    const exited = psJson(db, { now: NOW });
    expect([exited.Exited, exited.ExitedAt, exited.ExitCode, exited.Pid, exited.Labels, exited.Ports]).toEqual([
      true,
      Date.parse('2026-01-01T00:09:55Z') / 1000,
      1,
      0,
      null,
      null,
    ]);
    expect(Object.keys(exited)).toEqual([
      'AutoRemove', 'Command', 'CreatedAt', 'CIDFile', 'Exited', 'ExitedAt', 'ExitCode', 'Id', 'Image', 'ImageID',
      'IsInfra', 'Labels', 'Mounts', 'Names', 'Namespaces', 'Networks', 'Pid', 'Pod', 'PodName', 'Ports', 'Restarts',
      'Size', 'StartedAt', 'State', 'Status', 'Created',
    ]);
  });

  it('--format json text: indented by two, <>& escaped, an empty list is []', () => {
    const tagged = { ...web, record: { ...web.record, labels: { note: 'a<b&c' } } };
    const text = renderPsJson([tagged], { now: NOW });
    expect(text.startsWith('[\n  {\n    "AutoRemove": false,\n    "Command": [\n      "nginx",')).toBe(true);
    expect(text).toContain('"note": "a\\u003cb\\u0026c"');
    expect(JSON.parse(text)[0].Labels.note).toBe('a<b&c');
    expect(renderPs([], { now: NOW, format: 'json' })).toBe('[]\n');
  });
});

describe('inspect', () => {
  const health: HealthConfig = {
    test: ['/bin/sh', '-c', 'test -f /ready && echo ok'],
    intervalMs: 30_000,
    timeoutMs: 5_000,
    retries: 3,
    startPeriodMs: 1_000,
    onFailure: 'restart',
  };
  const full: ContainerView = {
    record: record({
      labels: { app: 'shop' },
      ports: ['8080:80/tcp'],
      mounts: [
        { type: 'bind', source: '/home/u/site', destination: '/usr/share/nginx/html', readOnly: true },
        { type: 'volume', source: 'cache', destination: '/var/cache/nginx', readOnly: false },
        { type: 'tmpfs', destination: '/tmp', readOnly: false, options: ['size=64m'] },
      ],
      health,
      restart: { name: 'on-failure', maxRetries: 3 },
      entrypoint: ['/docker-entrypoint.sh'],
      cmd: ['nginx', '-g', 'daemon off;'],
      command: ['/docker-entrypoint.sh', 'nginx', '-g', 'daemon off;'],
      log: { maxSize: 10_485_760 },
      limits: { memory: 268_435_456, pidsLimit: 100 },
      capDrop: ['CAP_NET_RAW'],
      cgroupPath: 'user.slice/boxctl-web',
      user: '101:101',
      workdir: '/srv',
    }),
    status: 'running',
    pid: 4242,
    startedAt: '2026-01-01T00:09:57.250Z',
    restartCount: 1,
    health: { status: 'healthy', failingStreak: 0, log: [{ start: 's', end: 'e', exitCode: 0, output: 'ok\n' }] },
  };
  const ctx = { dir: '/home/u/.local/share/boxctl/containers/abc', volumePath: (n: string) => `/home/u/.local/share/boxctl/volumes/${n}/_data` };

  it('the InspectContainerData shape', () => {
    const out = inspectContainer(full, ctx);
    expect(out).toMatchObject({
      Id: WEB_ID,
      Created: '2026-01-01T00:08:00Z',
      Path: '/docker-entrypoint.sh',
      Args: ['nginx', '-g', 'daemon off;'],
      Image: IMAGE_ID,
      ImageName: 'docker.io/library/nginx:latest',
      Name: 'web',
      RestartCount: 1,
      StaticDir: ctx.dir,
      OCIConfigPath: `${ctx.dir}/bundle/config.json`,
    });
    expect(out.State).toEqual({
      Status: 'running',
      Running: true,
      Paused: false,
      Restarting: false,
      OOMKilled: false,
      Dead: false,
      Pid: 4242,
      ExitCode: 0,
      Error: '',
      StartedAt: '2026-01-01T00:09:57.250Z',
      FinishedAt: '0001-01-01T00:00:00Z',
      Health: { Status: 'healthy', FailingStreak: 0, Log: [{ Start: 's', End: 'e', ExitCode: 0, Output: 'ok\n' }] },
      CgroupPath: 'user.slice/boxctl-web',
    });
    expect(out.Mounts).toEqual([
      {
        Type: 'bind', Name: '', Source: '/home/u/site', Destination: '/usr/share/nginx/html', Driver: '', Mode: '',
        Options: ['rbind'], RW: false, Propagation: 'rprivate',
      },
      {
        Type: 'volume', Name: 'cache', Source: '/home/u/.local/share/boxctl/volumes/cache/_data', Destination: '/var/cache/nginx',
        Driver: 'local', Mode: '', Options: ['nosuid', 'nodev', 'rbind'], RW: true, Propagation: 'rprivate',
      },
    ]);
    expect(out.Config).toMatchObject({
      Hostname: 'web',
      User: '101:101',
      Env: ['PATH=/usr/bin'],
      Cmd: ['nginx', '-g', 'daemon off;'],
      Entrypoint: ['/docker-entrypoint.sh'],
      WorkingDir: '/srv',
      Labels: { app: 'shop' },
      StopSignal: 'SIGTERM',
      StopTimeout: 10,
      Tty: false,
      OpenStdin: false,
      HealthcheckOnFailureAction: 'restart',
      Healthcheck: {
        Test: ['CMD-SHELL', 'test -f /ready && echo ok'],
        StartPeriod: 1_000_000_000,
        Interval: 30_000_000_000,
        Timeout: 5_000_000_000,
        Retries: 3,
      },
    });
    expect(out.HostConfig).toMatchObject({
      LogConfig: { Type: 'k8s-file', Config: null, Path: `${ctx.dir}/ctr.log`, Tag: '', Size: '10.49MB' },
      RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 3 },
      PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '8080' }] },
      AutoRemove: false,
      Memory: 268_435_456,
      NanoCpus: 0,
      PidsLimit: 100,
      CapAdd: [],
      CapDrop: ['CAP_NET_RAW'],
      Tmpfs: { '/tmp': 'size=64m' },
      NetworkMode: 'slirp4netns',
    });
  });

  it('a created container: zero times, no pid, no health without a healthcheck', () => {
    const out = inspectContainer({ record: record({}), status: 'created', restartCount: 0 }, ctx);
    const state = out.State as Record<string, unknown>;
    expect([state.Status, state.Running, state.Pid, state.StartedAt, state.FinishedAt, 'Health' in state]).toEqual([
      'created', false, 0, '0001-01-01T00:00:00Z', '0001-01-01T00:00:00Z', false,
    ]);
    expect((out.HostConfig as Record<string, unknown>).LogConfig).toMatchObject({ Size: '0B' });
    expect((out.Config as Record<string, unknown>).Cmd).toEqual(['nginx', '-g', 'daemon off;']);
  });

  it('JSON as podman inspect prints it: an array indented by five, <>& kept', () => {
    const text = renderInspect([inspectContainer(full, ctx)]);
    expect(text.startsWith(`[\n     {\n          "Id": "${WEB_ID}",\n          "Created": `)).toBe(true);
    expect(text).toContain('"test -f /ready && echo ok"');
    expect(text.endsWith('}\n]\n')).toBe(true);
    expect(JSON.parse(text)[0].Name).toBe('web');
    expect(renderInspect([inspectContainer(full, ctx)], 'json')).toBe(text);
  });

  it('--format templates over it, one line per container', () => {
    const objs = [inspectContainer(full, ctx), inspectContainer(db, ctx)];
    expect(renderInspect(objs, '{{.State.Status}}')).toBe('running\nexited\n');
    expect(renderInspect(objs, '{{.Name}} {{.ID}} {{.Id}}')).toBe(`web ${WEB_ID} ${WEB_ID}\ndb ${DB_ID} ${DB_ID}\n`);
    expect(renderInspect(objs, '{{.State.ExitCode}} {{.RestartCount}}')).toBe('0 1\n1 2\n');
    expect(renderInspect(objs.slice(0, 1), '{{.State.Health.Status}} {{index .Config.Labels "app"}} {{.HostConfig.LogConfig.Type}}')).toBe(
      'healthy shop k8s-file\n',
    );
    expect(renderInspect(objs.slice(0, 1), '{{json .Config.Cmd}}')).toBe('["nginx","-g","daemon off;"]\n');
    expect(renderInspect(objs.slice(0, 1), '{{range .Mounts}}{{.Destination}} {{end}}')).toBe('/usr/share/nginx/html /var/cache/nginx \n');
    expect(() => renderInspect(objs, '{{.Stat.Status}}')).toThrow(/^invalid format template: unknown field \.Stat \(valid fields: \.Id, \.Created, .*, \.NetworkSettings, \.ID\)$/);
    expect(() => renderInspect(objs, '{{.State.Sttus}}')).toThrow(
      'invalid format template: unknown field .State.Sttus (valid fields: .State.Status, .State.Running, .State.Paused, .State.Restarting, .State.OOMKilled, .State.Dead, .State.Pid, .State.ExitCode, .State.Error, .State.StartedAt, .State.FinishedAt, .State.Health, .State.CgroupPath)',
    );
  });
});
