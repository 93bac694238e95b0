// `ps --filter KEY=VALUE` as Podman reads it (libpod's container filters): values of
// one key are alternatives (any may match), except label, where every one must match;
// different keys must all match. Parsing checks every value, so a typo fails before
// any container is read.
import { NotFoundError, UserError } from '../../errors.js';
import { parseReference, referenceName, type Reference } from '../image/reference.js';
import type { ContainerStatus, ContainerView } from './record.js';

export type HealthFilter = 'healthy' | 'unhealthy' | 'starting' | 'none';

export interface LabelFilter {
  /** The key, or a pattern with '*' (Podman matches it anywhere in the key). */
  key: string | RegExp;
  /** Absent: the label only has to exist. */
  value?: string;
}

export interface AncestorFilter {
  /** The value as a prefix of the image id (hex), where it can be one. */
  idPrefix?: string;
  /** The value as an image reference, normalized. */
  ref?: Reference;
}

export interface Filter {
  status?: ContainerStatus[];
  name?: RegExp[];
  id?: string[];
  label?: LabelFilter[];
  /** `label!=`: containers with none of these labels. */
  notLabel?: LabelFilter[];
  ancestor?: AncestorFilter[];
  exited?: number[];
  health?: HealthFilter[];
  /** Container names or ids: created before (after) the newest of them. */
  before?: string[];
  since?: string[];
  restartPolicy?: string[];
  network?: string[];
  /** Volume names or mount destinations. */
  volume?: string[];
}

export const FILTER_KEYS = [
  'ancestor',
  'before',
  'exited',
  'health',
  'id',
  'label',
  'label!',
  'name',
  'network',
  'restart-policy',
  'since',
  'status',
  'volume',
] as const;

const STATUSES: Record<string, ContainerStatus> = {
  created: 'created',
  configured: 'created',
  running: 'running',
  paused: 'paused',
  exited: 'exited',
  stopped: 'exited',
};
const HEALTH: readonly HealthFilter[] = ['healthy', 'unhealthy', 'starting', 'none'];
const RESTART = ['no', 'always', 'on-failure', 'unless-stopped'];
const HEX_ID = /^(?:sha256:)?([0-9a-f]{1,64})$/;

function bad(key: string, value: string, why: string): UserError {
  return new UserError(`invalid ${key} filter "${value}": ${why}`);
}

function label(text: string): LabelFilter {
  const eq = text.indexOf('=');
  const key = eq === -1 ? text : text.slice(0, eq);
  const pattern = key.includes('*')
    ? new RegExp(`^.*${key.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}.*$`)
    : key;
  return eq === -1 ? { key: pattern } : { key: pattern, value: text.slice(eq + 1) };
}

function ancestor(value: string): AncestorFilter {
  const out: AncestorFilter = {};
  const hex = HEX_ID.exec(value);
  if (hex) out.idPrefix = hex[1]!;
  try {
    out.ref = parseReference(value);
  } catch (e) {
    if (!hex) throw bad('ancestor', value, `not an image name or id: ${(e as Error).message}`);
  }
  return out;
}

function push<K extends keyof Filter>(f: Filter, key: K, value: NonNullable<Filter[K]>[number]): void {
  const list = (f[key] ?? []) as unknown[];
  list.push(value);
  (f as Record<K, unknown[]>)[key] = list;
}

/** Parse `--filter` arguments ("status=running", "label=a=b"); throws a UserError on any bad one. */
export function parseFilters(args: readonly string[]): Filter {
  const f: Filter = {};
  for (const arg of args) {
    const eq = arg.indexOf('=');
    if (eq <= 0) throw new UserError(`invalid filter "${arg}": use KEY=VALUE, e.g. status=running`);
    const key = arg.slice(0, eq);
    const value = arg.slice(eq + 1);
    switch (key) {
      case 'status': {
        const status = STATUSES[value];
        if (!status) throw bad(key, value, 'use created, running, paused or exited');
        push(f, 'status', status);
        break;
      }
      case 'name':
        try {
          push(f, 'name', new RegExp(value));
        } catch (e) {
          throw bad(key, value, `not a regular expression: ${(e as Error).message}`);
        }
        break;
      case 'id':
        push(f, 'id', value);
        break;
      case 'label':
        push(f, 'label', label(value));
        break;
      case 'label!':
        push(f, 'notLabel', label(value));
        break;
      case 'ancestor':
        push(f, 'ancestor', ancestor(value));
        break;
      case 'exited':
        if (!/^-?\d+$/.test(value) || Math.abs(Number(value)) > 2 ** 31) throw bad(key, value, 'use an exit code such as 0 or 137');
        push(f, 'exited', Number(value));
        break;
      case 'health':
        if (!HEALTH.includes(value as HealthFilter)) throw bad(key, value, `use ${HEALTH.join(', ')}`);
        push(f, 'health', value as HealthFilter);
        break;
      case 'before':
      case 'since':
        if (value === '') throw bad(key, value, 'name a container by name or id');
        push(f, key, value);
        break;
      case 'restart-policy':
        if (!RESTART.includes(value)) throw bad(key, value, `use ${RESTART.join(', ')}`);
        push(f, 'restartPolicy', value);
        break;
      case 'network':
        push(f, 'network', value);
        break;
      case 'volume':
        push(f, 'volume', value);
        break;
      default:
        throw new UserError(`unknown filter "${key}": valid filters are ${FILTER_KEYS.join(', ')}`);
    }
  }
  return f;
}

function hasLabel(labels: Record<string, string>, want: LabelFilter): boolean {
  return Object.entries(labels).some(
    ([k, v]) => (want.value === undefined || v === want.value) && (typeof want.key === 'string' ? k === want.key : want.key.test(k)),
  );
}

function imageMatches(view: ContainerView, want: AncestorFilter): boolean {
  if (want.idPrefix && view.record.imageId.replace(/^sha256:/, '').startsWith(want.idPrefix)) return true;
  if (!want.ref) return false;
  let have: Reference;
  try {
    have = parseReference(view.record.imageName);
  } catch {
    return false;
  }
  if (referenceName(have) !== referenceName(want.ref)) return false;
  if (want.ref.digest !== undefined) return have.digest === want.ref.digest;
  // No tag asked for means the default tag, as a pull of the same name would take.
  const tag = want.ref.tag ?? 'latest';
  return have.tag === tag || (have.tag === undefined && (tag === 'latest' || have.digest !== undefined));
}

function healthOf(view: ContainerView): HealthFilter {
  if (!view.record.health) return 'none';
  return view.health?.status ?? 'starting';
}

/** Nanoseconds since the epoch: containers made in the same millisecond still order. */
function createdNanos(iso: string): bigint {
  const ms = Date.parse(iso);
  const fraction = /\.(\d+)/.exec(iso.slice(17, 40))?.[1] ?? '';
  return BigInt(Math.floor(ms / 1000)) * 1_000_000_000n + BigInt(fraction.slice(0, 9).padEnd(9, '0'));
}

function lookup(ref: string, all: readonly ContainerView[]): ContainerView {
  const exact = all.find((v) => v.record.name === ref || v.record.id === ref);
  if (exact) return exact;
  const byPrefix = all.filter((v) => v.record.id.startsWith(ref));
  if (byPrefix.length === 1) return byPrefix[0]!;
  if (byPrefix.length > 1) throw new UserError(`more than one container id starts with "${ref}": give more of the id`);
  throw new NotFoundError(`no container with name or id "${ref}": see boxctl ps -a`);
}

/** The newest creation time among the named containers. */
function newestCreated(refs: readonly string[], all: readonly ContainerView[]): bigint {
  return refs.map((r) => createdNanos(lookup(r, all).record.created)).reduce((a, b) => (b > a ? b : a));
}

/**
 * Whether a container passes every filter. `all` is every container, for before= and
 * since=, whose names it resolves (a NotFoundError when one names no container).
 */
export function matches(view: ContainerView, f: Filter, all: readonly ContainerView[]): boolean {
  const r = view.record;
  if (f.status && !f.status.includes(view.status)) return false;
  if (f.id && !f.id.some((p) => r.id.startsWith(p))) return false;
  if (f.name && !f.name.some((re) => re.test(r.name))) return false;
  if (f.label && !f.label.every((l) => hasLabel(r.labels, l))) return false;
  if (f.notLabel && f.notLabel.some((l) => hasLabel(r.labels, l))) return false;
  if (f.ancestor && !f.ancestor.some((a) => imageMatches(view, a))) return false;
  if (f.exited && !(view.status === 'exited' && f.exited.includes(view.exitCode ?? 0))) return false;
  if (f.health && !f.health.includes(healthOf(view))) return false;
  if (f.restartPolicy && !f.restartPolicy.includes(r.restart.name)) return false;
  if (f.network && !f.network.includes(r.network)) return false;
  if (f.volume && !f.volume.some((v) => r.mounts.some((m) => m.destination === v || (m.type === 'volume' && m.source === v)))) {
    return false;
  }
  if (f.before && !(createdNanos(r.created) < newestCreated(f.before, all))) return false;
  if (f.since && !(createdNanos(r.created) > newestCreated(f.since, all))) return false;
  return true;
}
