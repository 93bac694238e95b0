// Quadlet-style files to systemd units (docs/systemd.md): a .container file becomes
// NAME.service running the container (the same [Service] lines as `generate systemd
// --new`, from container-unit.ts), a .volume file becomes NAME-volume.service, a
// oneshot that creates the volume. The keys and their meaning follow Podman's
// podman-systemd.unit(5) for the subset boxctl supports; an unknown key or section is
// an error with its file and line. [Unit], [Service] and [Install] pass through.
import { posix } from 'node:path';

import { runServiceEntries } from './container-unit.js';
import { CONTAINER_KEYS, VOLUME_KEYS } from './quadlet-keys.js';
import { execValue, lastValue, literalWord, quoteWord, splitWords, UnitFileError, type UnitEntry, type UnitFile, type UnitSection } from './unit-file.js';

export type QuadletKind = 'container' | 'volume';

/** Sections that pass through to the service untouched (systemd checks their keys). */
const PASSED = new Set(['Unit', 'Service', 'Install']);
const KIND_SECTION: Readonly<Record<QuadletKind, string>> = { container: 'Container', volume: 'Volume' };
const KIND_KEYS: Readonly<Record<QuadletKind, ReadonlySet<string>>> = {
  container: new Set(CONTAINER_KEYS.map((k) => k.key)),
  volume: new Set(VOLUME_KEYS.map((k) => k.key)),
};
const SINGLE: Readonly<Record<QuadletKind, ReadonlySet<string>>> = {
  container: new Set(CONTAINER_KEYS.filter((k) => !k.repeatable).map((k) => k.key)),
  volume: new Set(VOLUME_KEYS.filter((k) => !k.repeatable).map((k) => k.key)),
};
/** [Unit] keys whose NAME.container and NAME.volume words become those files' services. */
const DEPENDENCY_KEYS = new Set(['Wants', 'Requires', 'Requisite', 'BindsTo', 'PartOf', 'Upholds', 'Conflicts', 'Before', 'After']);
/** The [Install] keys the generator applies itself (generated units cannot be enabled). */
export const INSTALL_KEYS = ['WantedBy', 'RequiredBy', 'UpheldBy', 'Alias'] as const;

export interface QuadletFile {
  /** Absolute path: relative paths in the file are resolved against its directory. */
  path: string;
  unit: UnitFile;
}

export interface QuadletContext {
  /** This boxctl and its store flags, literal words. */
  boxctl: readonly string[];
  requiresMountsFor: readonly string[];
}

export interface GeneratedUnit {
  source: string;
  /** The file name of the service: web.service, data-volume.service. */
  serviceName: string;
  unit: UnitFile;
  /** Targets and names from [Install], for the generator's symlinks. */
  install: Record<(typeof INSTALL_KEYS)[number], string[]>;
}

interface Info {
  kind: QuadletKind;
  serviceName: string;
  /** The container's or volume's name; undefined when it holds specifiers other files cannot resolve. */
  resource: string | undefined;
}

export function quadletKind(path: string): QuadletKind | undefined {
  const ext = posix.extname(path);
  return ext === '.container' ? 'container' : ext === '.volume' ? 'volume' : undefined;
}

const entry = (key: string, value: string): UnitEntry => ({ key, value, line: 0 });

function fail(file: QuadletFile, line: number, detail: string): never {
  throw new UnitFileError(file.path, line, detail);
}

/** systemd's booleans. */
function parseBool(file: QuadletFile, e: UnitEntry): boolean {
  const v = e.value.toLowerCase();
  if (['1', 'yes', 'y', 'true', 't', 'on'].includes(v)) return true;
  if (['0', 'no', 'n', 'false', 'f', 'off'].includes(v)) return false;
  return fail(file, e.line, `${e.key}=${e.value} is not a boolean: use true or false`);
}

function words(file: QuadletFile, e: UnitEntry): string[] {
  try {
    return splitWords(e.value, e.key);
  } catch (err) {
    return fail(file, e.line, (err as Error).message);
  }
}

function base(path: string): string {
  return posix.basename(path).slice(0, -posix.extname(path).length);
}

function infoOf(file: QuadletFile, kind: QuadletKind): Info {
  const name = base(file.path);
  const own = kind === 'container' ? lastValue(file.unit, 'Container', 'ContainerName')?.value : lastValue(file.unit, 'Volume', 'VolumeName')?.value;
  if (kind === 'container') {
    const resource = (own || 'systemd-%N').replaceAll('%N', name);
    return { kind, serviceName: `${name}.service`, resource: resource.includes('%') ? undefined : resource };
  }
  return { kind, serviceName: `${name}-volume.service`, resource: own || `systemd-${name}` };
}

/**
 * Checks sections and keys, and keeps for each key of the kind's section what systemd
 * would keep: the entries in file order, a single-valued key only at its last place,
 * an empty value dropping what came before it.
 */
function effectiveEntries(file: QuadletFile, kind: QuadletKind): UnitEntry[] {
  const own = KIND_SECTION[kind];
  let out: UnitEntry[] = [];
  let seen = false;
  for (const s of file.unit.sections) {
    if (s.name !== own) {
      if (!PASSED.has(s.name) && !s.name.startsWith('X-')) {
        fail(file, s.line, `unknown section [${s.name}] in a .${kind} file: use [${own}], [Unit], [Service] or [Install]`);
      }
      continue;
    }
    seen = true;
    for (const e of s.entries) {
      if (!KIND_KEYS[kind].has(e.key)) fail(file, e.line, `unknown key ${e.key} in [${own}]`);
      if (e.value === '' || SINGLE[kind].has(e.key)) out = out.filter((o) => o.key !== e.key);
      if (e.value !== '') out.push(e);
    }
  }
  if (!seen) fail(file, 1, `a .${kind} file needs a [${own}] section`);
  return out;
}

/** [Unit] as written, with dependencies on other Quadlet files turned into their services. */
function translatedUnitSection(file: QuadletFile, infos: ReadonlyMap<string, Info>): UnitEntry[] {
  const out: UnitEntry[] = [];
  for (const s of file.unit.sections) {
    if (s.name !== 'Unit') continue;
    for (const e of s.entries) {
      if (!DEPENDENCY_KEYS.has(e.key)) {
        out.push(e);
        continue;
      }
      const deps = words(file, e).map((d) => {
        if (quadletKind(d) === undefined) return d;
        const info = infos.get(d);
        return info ? info.serviceName : fail(file, e.line, `${e.key}= names ${d}, and there is no such file`);
      });
      out.push({ ...e, value: deps.join(' ') });
    }
  }
  return out;
}

function passedEntries(file: QuadletFile, name: string): UnitEntry[] {
  return file.unit.sections.filter((s) => s.name === name).flatMap((s) => s.entries);
}

function sourceSections(file: QuadletFile, kind: QuadletKind): UnitSection[] {
  // Kept as X-Container / X-Volume, as Podman does: systemd ignores X- sections, and
  // `systemctl cat` still shows what the unit was made from.
  return file.unit.sections.filter((s) => s.name === KIND_SECTION[kind]).map((s) => ({ ...s, name: `X-${s.name}` }));
}

function installOf(file: QuadletFile): GeneratedUnit['install'] {
  const install = { WantedBy: [], RequiredBy: [], UpheldBy: [], Alias: [] } as GeneratedUnit['install'];
  for (const e of passedEntries(file, 'Install')) {
    const key = e.key as (typeof INSTALL_KEYS)[number];
    if (INSTALL_KEYS.includes(key)) install[key].push(...words(file, e));
  }
  return install;
}

/** A path from the file, made absolute against the file's directory unless it starts with a specifier. */
function fromFile(file: QuadletFile, path: string): string {
  if (path.startsWith('/') || (path.startsWith('%') && !path.startsWith('%%'))) return path;
  return posix.join(posix.dirname(file.path), path);
}

function containerUnit(file: QuadletFile, infos: ReadonlyMap<string, Info>, ctx: QuadletContext): UnitFile {
  const entries = effectiveEntries(file, 'container');
  const unitExtra: UnitEntry[] = [];
  const requires = (serviceName: string) => unitExtra.push(entry('Requires', serviceName), entry('After', serviceName));
  const args: string[] = [];
  const add = (...w: string[]) => args.push(...w.map(quoteWord));
  let image: string | undefined;
  let exec: string[] = [];
  let user: string | undefined;
  let group: UnitEntry | undefined;
  let sdnotify: 'conmon' | 'container' = 'conmon';
  let stopTimeout = 10;
  const trailing: string[] = [];
  const simple: Readonly<Record<string, string>> = {
    Entrypoint: '--entrypoint',
    PublishPort: '--publish',
    Tmpfs: '--tmpfs',
    UserNS: '--userns',
    WorkingDir: '--workdir',
    HostName: '--hostname',
    AddHost: '--add-host',
    DNS: '--dns',
    DNSSearch: '--dns-search',
    DNSOption: '--dns-option',
    Memory: '--memory',
    PidsLimit: '--pids-limit',
    HealthCmd: '--health-cmd',
    HealthInterval: '--health-interval',
    HealthTimeout: '--health-timeout',
    HealthRetries: '--health-retries',
    HealthStartPeriod: '--health-start-period',
    HealthOnFailure: '--health-on-failure',
    StopSignal: '--stop-signal',
    LogOpt: '--log-opt',
    Pull: '--pull',
  };
  for (const e of entries) {
    const flag = simple[e.key];
    if (flag !== undefined) {
      add(flag, e.value);
      continue;
    }
    switch (e.key) {
      case 'Image':
        image = e.value;
        break;
      case 'Exec':
        exec = words(file, e);
        break;
      case 'ContainerName':
        break;
      case 'Environment':
      case 'Label':
        for (const w of words(file, e)) {
          if (!w.includes('=') || w.startsWith('=')) fail(file, e.line, `${e.key}= takes NAME=VALUE words, not '${w}'`);
          add(e.key === 'Environment' ? '--env' : '--label', w);
        }
        break;
      case 'EnvironmentFile':
        add('--env-file', fromFile(file, e.value));
        break;
      case 'Volume': {
        const [source, ...rest] = e.value.split(':');
        if (rest.length === 0) {
          add('--volume', e.value);
          break;
        }
        let src = source!;
        if (src.startsWith('.')) src = fromFile(file, src);
        if (quadletKind(src) === 'volume') {
          const target = infos.get(src);
          if (target?.kind !== 'volume') fail(file, e.line, `Volume= names ${src}, and there is no such file`);
          requires(target.serviceName);
          src = target.resource!;
        } else if (src.startsWith('/')) {
          unitExtra.push(entry('RequiresMountsFor', src));
        }
        add('--volume', [src, ...rest].join(':'));
        break;
      }
      case 'Network': {
        if (posix.extname(e.value) === '.network') fail(file, e.line, `Network=${e.value}: boxctl has no .network files; use pasta, slirp4netns, none, host or NAME.container`);
        if (quadletKind(e.value) === 'container') {
          const target = infos.get(e.value);
          if (target?.kind !== 'container') fail(file, e.line, `Network= names ${e.value}, and there is no such file`);
          if (target.resource === undefined) fail(file, e.line, `Network=${e.value}: that container's name holds specifiers, so it cannot be joined`);
          requires(target.serviceName);
          add('--network', `container:${target.resource}`);
        } else {
          add('--network', e.value);
        }
        break;
      }
      case 'User':
        user = e.value;
        break;
      case 'Group':
        group = e;
        break;
      case 'AddCapability':
      case 'DropCapability':
        for (const w of words(file, e)) add(e.key === 'AddCapability' ? '--cap-add' : '--cap-drop', w);
        break;
      case 'NoNewPrivileges':
        if (parseBool(file, e)) add('--security-opt', 'no-new-privileges');
        break;
      case 'SeccompProfile':
        add('--security-opt', `seccomp=${e.value}`);
        break;
      case 'ReadOnly':
        if (parseBool(file, e)) add('--read-only');
        break;
      case 'RunInit':
        if (parseBool(file, e)) add('--init');
        break;
      case 'StopTimeout':
        if (!/^\d+$/.test(e.value)) fail(file, e.line, `StopTimeout=${e.value} is not a number of seconds`);
        stopTimeout = Number(e.value);
        add('--stop-timeout', e.value);
        break;
      case 'Notify':
        if (e.value.toLowerCase() === 'healthy') fail(file, e.line, 'Notify=healthy is not supported by boxctl: use true or false');
        sdnotify = parseBool(file, e) ? 'container' : 'conmon';
        break;
      case 'PodmanArgs':
      case 'BoxctlArgs':
        trailing.push(...words(file, e).map(quoteWord));
        break;
    }
  }
  if (image === undefined) fail(file, file.unit.sections.find((s) => s.name === 'Container')!.line, '[Container] has no Image=: name the image to run');
  if (group && user === undefined) fail(file, group.line, 'Group= needs User=');
  if (user !== undefined) add('--user', group ? `${user}:${group.value}` : user);
  const userService = passedEntries(file, 'Service');
  const type = userService.filter((e) => e.key === 'Type').at(-1);
  if (type && type.value !== 'notify') fail(file, type.line, `Type=${type.value}: a .container unit is Type=notify (the monitor tells systemd when the container runs)`);
  const name = lastValue(file.unit, 'Container', 'ContainerName')?.value || 'systemd-%N';
  const service = runServiceEntries({
    boxctl: ctx.boxctl,
    name: quoteWord(name),
    args: [...args, ...trailing, quoteWord(image), ...exec.map(quoteWord)],
    sdnotify,
    stopTimeout,
  });
  const unit: UnitEntry[] = [
    entry('Wants', 'network-online.target'),
    entry('After', 'network-online.target'),
    ...translatedUnitSection(file, infos),
    entry('SourcePath', file.path),
    entry('RequiresMountsFor', ctx.requiresMountsFor.join(' ')),
    ...unitExtra,
  ];
  const ours = service.filter((e) => e.key !== 'Type' && e.key !== 'NotifyAccess');
  const serviceEntries = [
    ...userService.filter((e) => e.key !== 'Type' && e.key !== 'NotifyAccess'),
    ...ours,
    ...(userService.some((e) => e.key === 'SyslogIdentifier') ? [] : [entry('SyslogIdentifier', '%N')]),
    entry('Type', 'notify'),
    entry('NotifyAccess', 'all'),
  ];
  return assemble(file, 'container', unit, serviceEntries);
}

function volumeUnit(file: QuadletFile, info: Info, infos: ReadonlyMap<string, Info>, ctx: QuadletContext): UnitFile {
  const entries = effectiveEntries(file, 'volume');
  const args: string[] = [];
  for (const e of entries) {
    switch (e.key) {
      case 'Label':
        for (const w of words(file, e)) {
          if (!w.includes('=') || w.startsWith('=')) fail(file, e.line, `Label= takes KEY=VALUE words, not '${w}'`);
          args.push('--label', quoteWord(w));
        }
        break;
      case 'Driver':
        args.push('--driver', quoteWord(e.value));
        break;
      case 'PodmanArgs':
      case 'BoxctlArgs':
        args.push(...words(file, e).map(quoteWord));
        break;
    }
  }
  const userService = passedEntries(file, 'Service');
  const set = (key: string, value: string): UnitEntry[] => (userService.some((e) => e.key === key) ? [] : [entry(key, value)]);
  const service = [
    ...userService,
    entry('ExecStart', execValue([...ctx.boxctl.map(literalWord), 'volume', 'create', '--ignore', ...args, quoteWord(info.resource!)])),
    ...set('Type', 'oneshot'),
    ...set('RemainAfterExit', 'yes'),
    ...set('SyslogIdentifier', '%N'),
  ];
  const unit = [...translatedUnitSection(file, infos), entry('SourcePath', file.path), entry('RequiresMountsFor', ctx.requiresMountsFor.join(' '))];
  return assemble(file, 'volume', unit, service);
}

function assemble(file: QuadletFile, kind: QuadletKind, unit: UnitEntry[], service: UnitEntry[]): UnitFile {
  const install = passedEntries(file, 'Install');
  return {
    sections: [
      { name: 'Unit', line: 0, entries: unit },
      ...sourceSections(file, kind),
      { name: 'Service', line: 0, entries: service },
      ...(install.length > 0 ? [{ name: 'Install', line: 0, entries: install }] : []),
    ],
  };
}

export interface QuadletResult {
  units: GeneratedUnit[];
  /** One per file that could not be turned into a unit; the others are still made. */
  errors: Error[];
}

/** Every file to its unit. Files refer to each other (Volume=data.volume), so all are read first. */
export function generateQuadletUnits(files: readonly QuadletFile[], ctx: QuadletContext): QuadletResult {
  const infos = new Map<string, Info>();
  for (const f of files) {
    const kind = quadletKind(f.path);
    if (kind) infos.set(posix.basename(f.path), infoOf(f, kind));
  }
  const units: GeneratedUnit[] = [];
  const errors: Error[] = [];
  for (const f of files) {
    const info = infos.get(posix.basename(f.path));
    if (!info) continue;
    try {
      if (posix.basename(f.path).includes('@')) fail(f, 1, 'template files (NAME@.container) are not supported by boxctl');
      const unit = info.kind === 'container' ? containerUnit(f, infos, ctx) : volumeUnit(f, info, infos, ctx);
      units.push({ source: f.path, serviceName: info.serviceName, unit, install: installOf(f) });
    } catch (e) {
      errors.push(e as Error);
    }
  }
  return { units, errors };
}

