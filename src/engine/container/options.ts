// The flags of `boxctl run` and `create`, read as Podman reads them: pure functions
// from strings to values, each with one clear error for bad input. create.ts turns
// the result into a record and a spec.
import { posix } from 'node:path';

import { UserError } from '../../errors.js';
import type { HealthConfig, MountRecord, RestartPolicy } from './record.js';

/** `NAME=value`, or `NAME` alone to take the value from boxctl's own environment (dropped when unset there). */
export function parseEnv(items: readonly string[], hostEnv: Readonly<Record<string, string | undefined>>): string[] {
  const out: string[] = [];
  for (const item of items) {
    const eq = item.indexOf('=');
    const name = eq < 0 ? item : item.slice(0, eq);
    if (name === '' || /\s/.test(name)) throw new UserError(`invalid environment variable '${item}': expected NAME=value or NAME`);
    if (eq >= 0) out.push(item);
    else if (hostEnv[name] !== undefined) out.push(`${name}=${hostEnv[name]}`);
  }
  return out;
}

/** An --env-file: one NAME=value or NAME per line; blank lines and # comments skipped. */
export function parseEnvFile(text: string, path: string, hostEnv: Readonly<Record<string, string | undefined>>): string[] {
  const items = text
    .split('\n')
    .map((l) => l.replace(/\r$/, ''))
    .filter((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
  try {
    return parseEnv(items, hostEnv);
  } catch (e) {
    throw new UserError(`${path}: ${(e as Error).message}`);
  }
}

/** Later entries win, as `-e` after `--env-file` and the image's Env under both. */
export function mergeEnv(...layers: readonly (readonly string[])[]): string[] {
  const byName = new Map<string, string>();
  for (const layer of layers) for (const e of layer) byName.set(e.slice(0, e.indexOf('=') < 0 ? e.length : e.indexOf('=')), e);
  return [...byName.values()];
}

export function parseLabels(items: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of items) {
    const eq = item.indexOf('=');
    const key = eq < 0 ? item : item.slice(0, eq);
    if (key === '') throw new UserError(`invalid label '${item}': expected KEY=value`);
    out[key] = eq < 0 ? '' : item.slice(eq + 1);
  }
  return out;
}

function containerPath(p: string, what: string): string {
  if (!p.startsWith('/')) throw new UserError(`invalid ${what}: the container path '${p}' must be absolute`);
  return posix.normalize(p);
}

const VOLUME_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

function volumeOptions(opts: string | undefined, what: string): { readOnly: boolean; options: string[] } {
  let readOnly = false;
  const options: string[] = [];
  for (const o of opts ? opts.split(',') : []) {
    if (o === 'ro' || o === 'readonly') readOnly = true;
    else if (o === 'rw') readOnly = false;
    else if (['z', 'Z', 'rbind', 'bind', 'nosuid', 'nodev', 'noexec', 'suid', 'dev', 'exec', 'rprivate', 'private', 'rslave', 'slave', 'rshared', 'shared'].includes(o)) options.push(o);
    else throw new UserError(`invalid ${what}: unknown option '${o}' (use ro, rw, z, Z, nosuid, nodev, noexec or a propagation mode)`);
  }
  return { readOnly, options };
}

/**
 * `-v HOST:CTR[:OPTS]` (HOST absolute or ./relative: a bind; otherwise a volume name),
 * `-v CTR` (an anonymous volume). `cwd` makes relative host paths absolute.
 */
export function parseVolume(spec: string, cwd: string): MountRecord {
  const what = `volume '${spec}'`;
  const parts = spec.split(':');
  if (parts.length > 3 || parts.some((p) => p === '')) throw new UserError(`invalid ${what}: expected [SOURCE:]CONTAINER-PATH[:OPTIONS]`);
  if (parts.length === 1) return { type: 'volume', destination: containerPath(parts[0]!, what), readOnly: false };
  const [source, dest, opts] = parts as [string, string, string | undefined];
  const { readOnly, options } = volumeOptions(opts, what);
  const destination = containerPath(dest, what);
  if (source.startsWith('/') || source.startsWith('.')) {
    return { type: 'bind', source: posix.resolve(cwd, source), destination, readOnly, ...(options.length ? { options } : {}) };
  }
  if (!VOLUME_NAME.test(source)) throw new UserError(`invalid ${what}: '${source}' is neither an absolute path nor a volume name`);
  return { type: 'volume', source, destination, readOnly, ...(options.length ? { options } : {}) };
}

/** `--mount type=bind|volume|tmpfs,source=..,target=..[,readonly][,tmpfs-size=..][,tmpfs-mode=..]`. */
export function parseMount(spec: string, cwd: string): MountRecord {
  const what = `mount '${spec}'`;
  const kv = new Map<string, string>();
  for (const field of spec.split(',')) {
    const eq = field.indexOf('=');
    kv.set(eq < 0 ? field : field.slice(0, eq), eq < 0 ? 'true' : field.slice(eq + 1));
  }
  const type = kv.get('type') ?? 'volume';
  const dest = kv.get('target') ?? kv.get('destination') ?? kv.get('dst');
  if (!dest) throw new UserError(`invalid ${what}: target= is required`);
  const destination = containerPath(dest, what);
  const ro = kv.get('readonly') ?? kv.get('ro');
  const readOnly = ro === 'true' || ro === '1';
  const source = kv.get('source') ?? kv.get('src');
  const known = new Set(['type', 'target', 'destination', 'dst', 'source', 'src', 'readonly', 'ro', 'tmpfs-size', 'tmpfs-mode', 'bind-propagation', 'relabel']);
  const unknown = [...kv.keys()].filter((k) => !known.has(k));
  if (unknown.length) throw new UserError(`invalid ${what}: unknown field ${unknown.join(', ')}`);
  switch (type) {
    case 'bind':
      if (!source) throw new UserError(`invalid ${what}: a bind mount needs source=`);
      return { type: 'bind', source: posix.resolve(cwd, source), destination, readOnly, ...(kv.has('bind-propagation') ? { options: [kv.get('bind-propagation')!] } : {}) };
    case 'volume':
      if (source !== undefined && !VOLUME_NAME.test(source)) throw new UserError(`invalid ${what}: '${source}' is not a volume name`);
      return { type: 'volume', ...(source ? { source } : {}), destination, readOnly };
    case 'tmpfs': {
      const options: string[] = [];
      if (kv.has('tmpfs-size')) options.push(`size=${kv.get('tmpfs-size')}`);
      if (kv.has('tmpfs-mode')) options.push(`mode=${kv.get('tmpfs-mode')}`);
      return { type: 'tmpfs', destination, readOnly, ...(options.length ? { options } : {}) };
    }
    default:
      throw new UserError(`invalid ${what}: type must be bind, volume or tmpfs`);
  }
}

/** `--tmpfs /path[:opts]`. */
export function parseTmpfs(spec: string): MountRecord {
  const colon = spec.indexOf(':');
  const destination = containerPath(colon < 0 ? spec : spec.slice(0, colon), `tmpfs '${spec}'`);
  const options = colon < 0 ? [] : spec.slice(colon + 1).split(',').filter(Boolean);
  return { type: 'tmpfs', destination, readOnly: options.includes('ro'), ...(options.length ? { options: options.filter((o) => o !== 'ro') } : {}) };
}

export function parseRestart(text: string): RestartPolicy {
  const [name, count] = text.split(':');
  switch (name) {
    case 'no':
    case 'always':
    case 'unless-stopped':
      if (count !== undefined) break;
      return { name };
    case 'on-failure': {
      if (count === undefined) return { name };
      if (!/^\d+$/.test(count)) break;
      return { name, maxRetries: Number(count) };
    }
  }
  throw new UserError(`invalid restart policy '${text}': use no, on-failure[:MAX], always or unless-stopped`);
}

const SIZE_UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3, t: 1024 ** 4, tb: 1024 ** 4 };

/** `512m`, `1g`, `1024` (bytes), as Docker's RAMInBytes reads them. */
export function parseSize(text: string, what: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([a-zA-Z]*)$/.exec(text.trim());
  const unit = m ? SIZE_UNITS[m[2]!.toLowerCase()] : undefined;
  if (!m || unit === undefined) throw new UserError(`invalid ${what} '${text}': use a number with an optional unit b, k, m or g (e.g. 512m)`);
  return Math.round(Number(m[1]) * unit);
}

export function parseMemory(text: string): number {
  const bytes = parseSize(text, 'memory limit');
  // Podman's floor: below this a container cannot even start its process.
  if (bytes < 6 * 1024 * 1024) throw new UserError(`invalid memory limit '${text}': the minimum is 6m`);
  return bytes;
}

export const CPU_PERIOD = 100_000;

/** `--cpus 1.5` as cpu.max: quota over Podman's 100 ms period. */
export function parseCpus(text: string): { quota: number; period: number } {
  const n = Number(text);
  if (!/^\d*\.?\d+$/.test(text) || !(n > 0)) throw new UserError(`invalid --cpus '${text}': use a positive number such as 0.5 or 2`);
  return { quota: Math.round(n * CPU_PERIOD), period: CPU_PERIOD };
}

export function parsePidsLimit(n: number): number {
  if (!Number.isInteger(n) || n < -1) throw new UserError(`invalid --pids-limit ${n}: use a positive number, or -1 or 0 for no limit`);
  return n <= 0 ? -1 : n;
}

const DURATION_UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Go durations (`30s`, `1m30s`, `500ms`) to milliseconds; `0` is zero. */
export function parseDuration(text: string, what: string): number {
  if (text === '0') return 0;
  const re = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/gy;
  let total = 0;
  let matched = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    total += Number(m[1]) * DURATION_UNITS[m[2]!]!;
    matched = re.lastIndex;
  }
  if (text === '' || matched !== text.length) throw new UserError(`invalid ${what} '${text}': use a duration such as 30s, 1m30s or 500ms`);
  return Math.round(total);
}

export interface HealthFlags {
  cmd?: string | undefined;
  interval?: string | undefined;
  timeout?: string | undefined;
  retries?: number | undefined;
  startPeriod?: string | undefined;
  onFailure?: string | undefined;
}

/** Podman's defaults: every 30 s, 30 s timeout, 3 retries, no start period, no action. */
export function parseHealth(f: HealthFlags): HealthConfig | undefined {
  if (f.cmd === undefined || f.cmd === 'none') return undefined;
  let test: string[];
  const trimmed = f.cmd.trim();
  if (trimmed.startsWith('[')) {
    try {
      test = JSON.parse(trimmed) as string[];
    } catch {
      throw new UserError(`invalid --health-cmd '${f.cmd}': a JSON array of strings, or a shell command`);
    }
    if (!Array.isArray(test) || test.length === 0 || test.some((t) => typeof t !== 'string')) {
      throw new UserError(`invalid --health-cmd '${f.cmd}': a JSON array of strings, or a shell command`);
    }
  } else {
    if (trimmed === '') throw new UserError('invalid --health-cmd: it is empty');
    test = ['/bin/sh', '-c', f.cmd];
  }
  const onFailure = f.onFailure ?? 'none';
  if (!['none', 'kill', 'restart', 'stop'].includes(onFailure)) {
    throw new UserError(`invalid --health-on-failure '${onFailure}': use none, kill, restart or stop`);
  }
  const retries = f.retries ?? 3;
  if (!Number.isInteger(retries) || retries < 1) throw new UserError(`invalid --health-retries ${retries}: use a whole number of at least 1`);
  const intervalMs = parseDuration(f.interval ?? '30s', '--health-interval');
  if (intervalMs <= 0) throw new UserError("invalid --health-interval: it must be more than 0 (use --health-cmd none for no healthcheck)");
  return {
    test,
    intervalMs,
    timeoutMs: parseDuration(f.timeout ?? '30s', '--health-timeout'),
    retries,
    startPeriodMs: parseDuration(f.startPeriod ?? '0s', '--health-start-period'),
    onFailure: onFailure as HealthConfig['onFailure'],
  };
}

export function parseLogOpts(items: readonly string[]): { maxSize?: number; maxFiles?: number } {
  const out: { maxSize?: number; maxFiles?: number } = {};
  for (const item of items) {
    const [key, value] = item.split('=', 2) as [string, string | undefined];
    if (value === undefined || value === '') throw new UserError(`invalid --log-opt '${item}': expected KEY=VALUE`);
    if (key === 'max-size') out.maxSize = parseSize(value, 'log max-size');
    else if (key === 'max-file') {
      if (!/^\d+$/.test(value) || Number(value) < 1) throw new UserError(`invalid --log-opt max-file '${value}': use a whole number of at least 1`);
      out.maxFiles = Number(value);
    } else if (key === 'path' || key === 'tag') throw new UserError(`--log-opt ${key} is not supported: the log lives with the container ('boxctl logs')`);
    else throw new UserError(`invalid --log-opt '${key}': use max-size or max-file`);
  }
  return out;
}

export interface SecurityOpts {
  noNewPrivileges: boolean;
  seccomp: { kind: 'default' } | { kind: 'unconfined' } | { kind: 'file'; path: string };
}

export function parseSecurityOpts(items: readonly string[]): SecurityOpts {
  const out: SecurityOpts = { noNewPrivileges: false, seccomp: { kind: 'default' } };
  for (const item of items) {
    if (item === 'no-new-privileges' || item === 'no-new-privileges=true' || item === 'no-new-privileges:true') out.noNewPrivileges = true;
    else if (item === 'no-new-privileges=false' || item === 'no-new-privileges:false') out.noNewPrivileges = false;
    else if (item === 'seccomp=unconfined' || item === 'seccomp:unconfined') out.seccomp = { kind: 'unconfined' };
    else if (/^seccomp[=:]/.test(item)) out.seccomp = { kind: 'file', path: item.slice(8) };
    else if (/^(label|apparmor|mask|unmask)[=:]/.test(item)) {
      throw new UserError(`--security-opt ${item.split(/[=:]/)[0]} is not supported by boxctl: use no-new-privileges or seccomp=`);
    } else throw new UserError(`invalid --security-opt '${item}': use no-new-privileges, seccomp=unconfined or seccomp=FILE`);
  }
  return out;
}

export type PullPolicy = 'always' | 'missing' | 'never' | 'newer';

export function parsePullPolicy(text: string): PullPolicy {
  if (text === 'always' || text === 'missing' || text === 'never' || text === 'newer') return text;
  if (text === 'true') return 'always';
  if (text === 'false') return 'missing';
  throw new UserError(`invalid --pull '${text}': use always, missing, never or newer`);
}

/** Podman's default name: adjective_surname; here adjective_noun from a short list, retried on a clash. */
const ADJECTIVES = ['brave', 'calm', 'eager', 'fancy', 'gentle', 'happy', 'jolly', 'keen', 'lucid', 'merry', 'nifty', 'proud', 'quiet', 'sharp', 'swift', 'tender', 'vivid', 'witty', 'zen', 'bold'];
const NOUNS = ['hopper', 'lovelace', 'turing', 'knuth', 'ritchie', 'thompson', 'torvalds', 'hamilton', 'liskov', 'dijkstra', 'lamport', 'wirth', 'backus', 'kay', 'cerf', 'allen', 'perlman', 'goldberg', 'wing', 'shannon'];

export function randomName(random: () => number = Math.random): string {
  const pick = (list: readonly string[]) => list[Math.floor(random() * list.length)]!;
  return `${pick(ADJECTIVES)}_${pick(NOUNS)}`;
}
