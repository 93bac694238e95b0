// The config of an image made by `commit`: the container's image config with the
// container's own settings (command, environment, working dir, user, labels) as Podman
// writes them, then the user's --change instructions (Dockerfile syntax: `CMD ["a"]`,
// `CMD a b`, or Podman's `CMD=a b`), the new layer's diff id and a history entry.
// Pure: unit-tested.
import { UserError } from '../../../errors.js';

export type RawConfig = Record<string, unknown> & { config?: Record<string, unknown>; rootfs?: { type: string; diff_ids: string[] }; history?: unknown[] };

export interface Change {
  instruction: 'CMD' | 'ENTRYPOINT' | 'ENV' | 'EXPOSE' | 'LABEL' | 'STOPSIGNAL' | 'USER' | 'VOLUME' | 'WORKDIR';
  value: string;
}

const INSTRUCTIONS = new Set(['CMD', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'LABEL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR']);

export function parseChange(text: string): Change {
  const m = /^\s*([A-Za-z]+)(?:\s*=\s*|\s+)([\s\S]*)$/.exec(text);
  const instruction = m?.[1]?.toUpperCase();
  if (!m || !instruction || !INSTRUCTIONS.has(instruction)) {
    throw new UserError(`invalid --change ${JSON.stringify(text)}: give one of ${[...INSTRUCTIONS].join(', ')} and its value, e.g. 'CMD ["sh"]' or CMD=sh`);
  }
  const value = m[2]!.trim();
  if (value === '' && instruction !== 'CMD' && instruction !== 'ENTRYPOINT') throw new UserError(`invalid --change ${JSON.stringify(text)}: ${instruction} needs a value`);
  return { instruction: instruction as Change['instruction'], value };
}

/** `["a","b"]` (exec form) or a shell command, which runs as /bin/sh -c. */
export function commandForm(value: string): string[] {
  if (value === '') return [];
  if (value.startsWith('[')) {
    try {
      const parsed = JSON.parse(value) as unknown;
      if (Array.isArray(parsed) && parsed.every((p) => typeof p === 'string')) return parsed as string[];
    } catch {
      // Not JSON: a shell command that starts with '['.
    }
  }
  return ['/bin/sh', '-c', value];
}

function unquote(s: string): string {
  return /^(["']).*\1$/.test(s) ? s.slice(1, -1) : s;
}

/** `K=V K2="V 2"` or the legacy `K V`. */
export function keyValues(value: string, what: string): [string, string][] {
  if (!/^[^\s=]+=/.test(value)) {
    const m = /^(\S+)\s+([\s\S]*)$/.exec(value);
    if (!m) throw new UserError(`invalid ${what} ${JSON.stringify(value)}: write KEY=VALUE`);
    return [[m[1]!, unquote(m[2]!.trim())]];
  }
  const pairs = value.match(/[^\s=]+=("[^"]*"|'[^']*'|\S*)/g) ?? [];
  if (pairs.length === 0) throw new UserError(`invalid ${what} ${JSON.stringify(value)}: write KEY=VALUE`);
  return pairs.map((p) => {
    const i = p.indexOf('=');
    return [p.slice(0, i), unquote(p.slice(i + 1))];
  });
}

export function applyChanges(config: Record<string, unknown>, changes: readonly Change[]): Record<string, unknown> {
  const c: Record<string, unknown> = { ...config };
  for (const { instruction, value } of changes) {
    switch (instruction) {
      case 'CMD':
        c.Cmd = commandForm(value);
        break;
      case 'ENTRYPOINT':
        c.Entrypoint = commandForm(value);
        break;
      case 'ENV': {
        const env = [...((c.Env as string[] | undefined) ?? [])];
        for (const [k, v] of keyValues(value, 'ENV')) {
          const i = env.findIndex((e) => e.split('=')[0] === k);
          if (i >= 0) env[i] = `${k}=${v}`;
          else env.push(`${k}=${v}`);
        }
        c.Env = env;
        break;
      }
      case 'LABEL':
        c.Labels = { ...((c.Labels as Record<string, string> | undefined) ?? {}), ...Object.fromEntries(keyValues(value, 'LABEL')) };
        break;
      case 'EXPOSE': {
        const ports = { ...((c.ExposedPorts as Record<string, object> | undefined) ?? {}) };
        for (const p of value.split(/\s+/)) {
          if (!/^\d+(-\d+)?(\/(tcp|udp|sctp))?$/.test(p)) throw new UserError(`invalid EXPOSE port ${JSON.stringify(p)}: write PORT or PORT/PROTOCOL`);
          ports[p.includes('/') ? p : `${p}/tcp`] = {};
        }
        c.ExposedPorts = ports;
        break;
      }
      case 'VOLUME': {
        const list = value.startsWith('[') ? commandForm(value) : value.split(/\s+/);
        if (list[0] === '/bin/sh' && value.startsWith('[')) throw new UserError(`invalid VOLUME ${JSON.stringify(value)}: write a JSON list of paths or paths separated by spaces`);
        c.Volumes = { ...((c.Volumes as Record<string, object> | undefined) ?? {}), ...Object.fromEntries(list.map((v) => [v, {}])) };
        break;
      }
      case 'STOPSIGNAL':
        c.StopSignal = value;
        break;
      case 'USER':
        c.User = value;
        break;
      case 'WORKDIR':
        c.WorkingDir = value;
        break;
    }
  }
  return c;
}

export interface ContainerSettings {
  env: string[];
  entrypoint?: string[];
  cmd?: string[];
  workdir?: string;
  user?: string;
  labels: Record<string, string>;
}

export interface CommitInput {
  base: RawConfig;
  container: ContainerSettings;
  changes: readonly Change[];
  diffId: string;
  created: string;
  createdBy: string;
  message?: string;
  author?: string;
}

export function commitConfig(i: CommitInput): RawConfig {
  const fromContainer: Record<string, unknown> = {
    ...(i.base.config ?? {}),
    Env: i.container.env,
    Labels: i.container.labels,
    ...(i.container.entrypoint ? { Entrypoint: i.container.entrypoint } : {}),
    ...(i.container.cmd ? { Cmd: i.container.cmd } : {}),
    ...(i.container.workdir ? { WorkingDir: i.container.workdir } : {}),
    ...(i.container.user !== undefined ? { User: i.container.user } : {}),
  };
  const history = {
    created: i.created,
    created_by: i.createdBy,
    ...(i.author ? { author: i.author } : {}),
    ...(i.message ? { comment: i.message } : {}),
  };
  return {
    ...i.base,
    created: i.created,
    ...(i.author ? { author: i.author } : {}),
    config: applyChanges(fromContainer, i.changes),
    rootfs: { type: 'layers', diff_ids: [...(i.base.rootfs?.diff_ids ?? []), i.diffId] },
    history: [...(i.base.history ?? []), history],
  };
}
