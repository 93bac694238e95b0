import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { generateQuadletUnits, type GeneratedUnit } from '../../src/engine/systemd/quadlet.js';
import { CONTAINER_KEYS, VOLUME_KEYS } from '../../src/engine/systemd/quadlet-keys.js';
import { lastValue, parseUnit, resolveExec, values, UnitFileError } from '../../src/engine/systemd/unit-file.js';

const DIR = '/home/u/.config/boxctl/systemd';
const CTX = { boxctl: ['/usr/bin/node', '/opt/boxctl/dist/boxctl.js'], requiresMountsFor: ['/home/u/.local/share/boxctl', '%t/boxctl'] };

function generate(files: Record<string, string>) {
  return generateQuadletUnits(
    Object.entries(files).map(([name, text]) => ({ path: `${DIR}/${name}`, unit: parseUnit(text, `${DIR}/${name}`) })),
    CTX,
  );
}

function only(files: Record<string, string>, service: string): GeneratedUnit {
  const r = generate(files);
  expect(r.errors.map((e) => e.message)).toEqual([]);
  const u = r.units.find((x) => x.serviceName === service);
  expect(u, service).toBeDefined();
  return u!;
}

/** ExecStart of web.service as systemd would run it, from after the image-independent start to the end. */
function startArgs(container: string, files: Record<string, string> = {}): string[] {
  const u = only({ 'web.container': container, ...files }, 'web.service');
  const argv = resolveExec(lastValue(u.unit, 'Service', 'ExecStart')!.value, { t: '/run/user/1000', n: 'web.service', N: 'web', h: '/home/u' }, { HOME: '/home/u' }).argv;
  const fixed = [...CTX.boxctl, 'run', '--cidfile=/run/user/1000/web.service.ctr-id'];
  expect(argv.slice(0, fixed.length)).toEqual(fixed);
  return argv.slice(fixed.length);
}

const FIXED_TAIL = ['--replace', '--rm', '-d', '--name'];

describe('a .container file', () => {
  it('becomes NAME.service running the image as systemd-NAME, Type=notify, the file kept as X-Container', () => {
    const u = only({ 'web.container': '[Unit]\nDescription=the web\n[Container]\nImage=busybox\n' }, 'web.service');
    expect(u.unit.sections.map((s) => s.name)).toEqual(['Unit', 'X-Container', 'Service']);
    expect(startArgs('[Container]\nImage=busybox\n')).toEqual(['--sdnotify=conmon', ...FIXED_TAIL, 'systemd-web', 'busybox']);
    const get = (s: string, k: string) => values(u.unit, s, k).map((e) => e.value);
    expect(get('Unit', 'Description')).toEqual(['the web']);
    expect(get('Unit', 'SourcePath')).toEqual([`${DIR}/web.container`]);
    expect(get('Unit', 'RequiresMountsFor')).toEqual(['/home/u/.local/share/boxctl %t/boxctl']);
    expect(get('Service', 'Type')).toEqual(['notify']);
    expect(get('Service', 'NotifyAccess')).toEqual(['all']);
    expect(get('Service', 'Environment')).toEqual(['BOXCTL_SYSTEMD_UNIT=%n']);
    expect(get('Service', 'SyslogIdentifier')).toEqual(['%N']);
  });

  // Each key, and the words it adds before the image (or after it, for Exec).
  const cases: [string, string[]][] = [
    ['Exec=sh -c "echo hi; sleep 1"', ['busybox', 'sh', '-c', 'echo hi; sleep 1']],
    ['Entrypoint=/bin/sh', ['--entrypoint', '/bin/sh', 'busybox']],
    ['Environment=A=1 "B=two words"', ['--env', 'A=1', '--env', 'B=two words', 'busybox']],
    ['EnvironmentFile=web.env', ['--env-file', `${DIR}/web.env`, 'busybox']],
    ['EnvironmentFile=/etc/web.env', ['--env-file', '/etc/web.env', 'busybox']],
    ['PublishPort=127.0.0.1:8080:80', ['--publish', '127.0.0.1:8080:80', 'busybox']],
    ['Volume=/srv/data:/data:ro', ['--volume', '/srv/data:/data:ro', 'busybox']],
    ['Volume=./site:/site', ['--volume', `${DIR}/site:/site`, 'busybox']],
    ['Volume=%h/cache:/cache', ['--volume', '/home/u/cache:/cache', 'busybox']],
    ['Volume=named:/v', ['--volume', 'named:/v', 'busybox']],
    ['Tmpfs=/run', ['--tmpfs', '/run', 'busybox']],
    ['Network=none', ['--network', 'none', 'busybox']],
    ['User=1000', ['--user', '1000', 'busybox']],
    ['User=app\nGroup=staff', ['--user', 'app:staff', 'busybox']],
    ['UserNS=keep-id', ['--userns', 'keep-id', 'busybox']],
    ['WorkingDir=/srv', ['--workdir', '/srv', 'busybox']],
    ['WorkingDir=$HOME', ['--workdir', '/home/u', 'busybox']],
    ['HostName=web1', ['--hostname', 'web1', 'busybox']],
    ['Label=a=1 b=2', ['--label', 'a=1', '--label', 'b=2', 'busybox']],
    ['AddCapability=NET_ADMIN SYS_TIME', ['--cap-add', 'NET_ADMIN', '--cap-add', 'SYS_TIME', 'busybox']],
    ['DropCapability=ALL', ['--cap-drop', 'ALL', 'busybox']],
    ['NoNewPrivileges=yes', ['--security-opt', 'no-new-privileges', 'busybox']],
    ['NoNewPrivileges=false', ['busybox']],
    ['SeccompProfile=/etc/s.json', ['--security-opt', 'seccomp=/etc/s.json', 'busybox']],
    ['ReadOnly=true', ['--read-only', 'busybox']],
    ['RunInit=1', ['--init', 'busybox']],
    ['AddHost=db:10.0.0.2', ['--add-host', 'db:10.0.0.2', 'busybox']],
    ['DNS=1.1.1.1', ['--dns', '1.1.1.1', 'busybox']],
    ['DNSSearch=example.com', ['--dns-search', 'example.com', 'busybox']],
    ['DNSOption=ndots:2', ['--dns-option', 'ndots:2', 'busybox']],
    ['Memory=512m', ['--memory', '512m', 'busybox']],
    ['PidsLimit=100', ['--pids-limit', '100', 'busybox']],
    ['HealthCmd=wget -q -O- localhost', ['--health-cmd', 'wget -q -O- localhost', 'busybox']],
    ['HealthInterval=5s', ['--health-interval', '5s', 'busybox']],
    ['HealthTimeout=2s', ['--health-timeout', '2s', 'busybox']],
    ['HealthRetries=4', ['--health-retries', '4', 'busybox']],
    ['HealthStartPeriod=1m', ['--health-start-period', '1m', 'busybox']],
    ['HealthOnFailure=kill', ['--health-on-failure', 'kill', 'busybox']],
    ['StopSignal=SIGINT', ['--stop-signal', 'SIGINT', 'busybox']],
    ['StopTimeout=20', ['--stop-timeout', '20', 'busybox']],
    ['LogOpt=max-size=1m', ['--log-opt', 'max-size=1m', 'busybox']],
    ['Pull=never', ['--pull', 'never', 'busybox']],
    ['PodmanArgs=--read-only --tmpfs "/a b"', ['--read-only', '--tmpfs', '/a b', 'busybox']],
    ['BoxctlArgs=--init', ['--init', 'busybox']],
  ];
  for (const [line, expected] of cases) {
    it(`maps ${line.split('\n').join(', ')}`, () => {
      expect(startArgs(`[Container]\nImage=busybox\n${line}\n`)).toEqual(['--sdnotify=conmon', ...FIXED_TAIL, 'systemd-web', ...expected]);
    });
  }

  it('maps ContainerName and Notify into the fixed part', () => {
    expect(startArgs('[Container]\nImage=busybox\nContainerName=site\nNotify=true\n')).toEqual(['--sdnotify=container', ...FIXED_TAIL, 'site', 'busybox']);
  });

  it('covers every documented key in the table above', () => {
    const tested = new Set([...cases.map(([l]) => l.split('=')[0]!), 'Group', 'ContainerName', 'Notify', 'Image']);
    expect(CONTAINER_KEYS.map((k) => k.key).filter((k) => !tested.has(k))).toEqual([]);
  });

  it('uses StopTimeout for the stop lines, keeps a single-valued key at its last value, and lets an empty value reset a list', () => {
    const u = only({ 'web.container': '[Container]\nImage=old\nImage=busybox\nPublishPort=1:1\nPublishPort=\nPublishPort=2:2\nStopTimeout=4\n' }, 'web.service');
    const start = lastValue(u.unit, 'Service', 'ExecStart')!.value;
    expect(start).toMatch(/--publish 2:2 --stop-timeout 4 busybox$/);
    expect(lastValue(u.unit, 'Service', 'ExecStop')!.value).toMatch(/ stop --ignore -t 4 /);
  });

  it('passes [Service] and [Install] through, and applies dependencies on other Quadlet files', () => {
    const files = {
      'web.container': '[Unit]\nAfter=db.container\nRequires=db.container other.service\n[Container]\nImage=busybox\nNetwork=db.container\n[Service]\nRestart=always\nTimeoutStartSec=300\n[Install]\nWantedBy=default.target multi.target\nAlias=site.service\n',
      'db.container': '[Container]\nImage=busybox\nContainerName=database\n',
    };
    const u = only(files, 'web.service');
    expect(values(u.unit, 'Unit', 'Requires').map((e) => e.value)).toEqual(['db.service other.service', 'db.service']);
    expect(values(u.unit, 'Service', 'Restart').map((e) => e.value)).toEqual(['always']);
    expect(values(u.unit, 'Service', 'TimeoutStartSec').map((e) => e.value)).toEqual(['300']);
    expect(values(u.unit, 'Install', 'WantedBy').map((e) => e.value)).toEqual(['default.target multi.target']);
    expect(u.install).toEqual({ WantedBy: ['default.target', 'multi.target'], RequiredBy: [], UpheldBy: [], Alias: ['site.service'] });
    expect(startArgs(files['web.container'], { 'db.container': files['db.container'] })).toContain('container:database');
  });
});

describe('a .volume file', () => {
  it('becomes NAME-volume.service creating systemd-NAME once, and a container using it requires that unit', () => {
    const files = {
      'data.volume': '[Volume]\nLabel=app=web\n',
      'named.volume': '[Volume]\nVolumeName=shared\n',
      'web.container': '[Container]\nImage=busybox\nVolume=data.volume:/data\nVolume=named.volume:/shared:ro\n',
    };
    const v = only(files, 'data-volume.service');
    const start = resolveExec(lastValue(v.unit, 'Service', 'ExecStart')!.value, {}, {}).argv;
    expect(start).toEqual([...CTX.boxctl, 'volume', 'create', '--ignore', '--label', 'app=web', 'systemd-data']);
    expect(lastValue(v.unit, 'Service', 'Type')!.value).toBe('oneshot');
    expect(lastValue(v.unit, 'Service', 'RemainAfterExit')!.value).toBe('yes');
    const w = only(files, 'web.service');
    expect(values(w.unit, 'Unit', 'Requires').map((e) => e.value)).toEqual(['data-volume.service', 'named-volume.service']);
    expect(values(w.unit, 'Unit', 'After').map((e) => e.value)).toContain('data-volume.service');
    expect(startArgs(files['web.container'], files)).toEqual(['--sdnotify=conmon', ...FIXED_TAIL, 'systemd-web', '--volume', 'systemd-data:/data', '--volume', 'shared:/shared:ro', 'busybox']);
    expect(VOLUME_KEYS.map((k) => k.key)).toEqual(['VolumeName', 'Label', 'Driver', 'PodmanArgs', 'BoxctlArgs']);
  });
});

describe('errors', () => {
  const failure = (files: Record<string, string>): UnitFileError => {
    const r = generate(files);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toBeInstanceOf(UnitFileError);
    return r.errors[0] as UnitFileError;
  };

  it('names the file and line of an unknown key or section, and still makes the other units', () => {
    const r = generate({ 'bad.container': '[Container]\nImage=busybox\n\nPublishPorts=80\n', 'good.container': '[Container]\nImage=busybox\n' });
    expect(r.errors.map((e) => e.message)).toEqual([`${DIR}/bad.container:4: unknown key PublishPorts in [Container]`]);
    expect(r.units.map((u) => u.serviceName)).toEqual(['good.service']);
    expect(failure({ 'v.volume': '[Volume]\nSize=1g\n' }).message).toBe(`${DIR}/v.volume:2: unknown key Size in [Volume]`);
    expect(failure({ 'x.container': '[Container]\nImage=a\n[Socket]\nListenStream=80\n' }).message).toBe(
      `${DIR}/x.container:3: unknown section [Socket] in a .container file: use [Container], [Unit], [Service] or [Install]`,
    );
  });

  it('refuses files that cannot run, with the line at fault', () => {
    const cases: [string, Record<string, string>, RegExp][] = [
      ['no image', { 'w.container': '[Unit]\n[Container]\nUser=1\n' }, /w\.container:2: \[Container\] has no Image=/],
      ['no section', { 'w.container': '[Unit]\nDescription=x\n' }, /w\.container:1: a \.container file needs a \[Container\] section/],
      ['bad boolean', { 'w.container': '[Container]\nImage=a\nReadOnly=perhaps\n' }, /:3: ReadOnly=perhaps is not a boolean/],
      ['group alone', { 'w.container': '[Container]\nImage=a\nGroup=1\n' }, /:3: Group= needs User=/],
      ['missing volume file', { 'w.container': '[Container]\nImage=a\nVolume=gone.volume:/x\n' }, /:3: Volume= names gone\.volume, and there is no such file/],
      ['missing dependency', { 'w.container': '[Unit]\nAfter=gone.container\n[Container]\nImage=a\n' }, /:2: After= names gone\.container/],
      ['network file', { 'w.container': '[Container]\nImage=a\nNetwork=lan.network\n' }, /:3: Network=lan\.network: boxctl has no \.network files/],
      ['other Type', { 'w.container': '[Container]\nImage=a\n[Service]\nType=oneshot\n' }, /:4: Type=oneshot: a \.container unit is Type=notify/],
      ['env word', { 'w.container': '[Container]\nImage=a\nEnvironment=JUSTNAME\n' }, /:3: Environment= takes NAME=VALUE words, not 'JUSTNAME'/],
      ['quote', { 'w.container': '[Container]\nImage=a\nExec=sh -c "unclosed\n' }, /:3: Exec: unbalanced " quote/],
      ['healthy', { 'w.container': '[Container]\nImage=a\nNotify=healthy\n' }, /:3: Notify=healthy is not supported/],
      ['template', { 'w@.container': '[Container]\nImage=a\n' }, /template files/],
    ];
    for (const [what, files, message] of cases) expect(failure(files).message, what).toMatch(message);
  });
});

describe('docs/systemd.md', () => {
  it('lists every key boxctl reads, in the table of its section', () => {
    const doc = readFileSync(new URL('../../docs/systemd.md', import.meta.url), 'utf8');
    const table = (title: string) => doc.slice(doc.indexOf(`### ${title}`)).split('\n### ')[0]!;
    for (const [title, keys] of [['[Container] keys', CONTAINER_KEYS], ['[Volume] keys', VOLUME_KEYS]] as const) {
      const listed = [...table(title).matchAll(/`([A-Za-z]+)=`/g)].map((m) => m[1]);
      expect(listed.sort(), title).toEqual(keys.map((k) => k.key).sort());
    }
  });
});
