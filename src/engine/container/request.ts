// The parsed command line of `run`/`create` to a CreateRequest: every flag through
// its parser in options.ts, so a bad value fails before anything is created.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { UserError } from '../../errors.js';
import type { CreateRequest } from './create.js';
import {
  parseCpus,
  parseEnv,
  parseEnvFile,
  parseHealth,
  parseLabels,
  parseLogOpts,
  parseMemory,
  parseMount,
  parsePidsLimit,
  parsePullPolicy,
  parseRestart,
  parseSecurityOpts,
  parseTmpfs,
  parseVolume,
} from './options.js';
import { notifyEnv, parseSdNotify, systemdUnitLabel } from './sdnotify.js';

type Args = Readonly<Record<string, unknown>>;

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : v === undefined ? [] : [String(v)]);
const str = (v: unknown): string | undefined => (v === undefined ? undefined : String(v));
const num = (v: unknown): number | undefined => (v === undefined ? undefined : Number(v));
/** Podman also takes comma-separated lists in one --dns or --dns-search. */
const splitList = (v: string): string[] => v.split(',').filter(Boolean);

export function requestFrom(args: Args, cwd: string, env: Readonly<Record<string, string | undefined>>): CreateRequest {
  const sdNotify = parseSdNotify(str(args.sdnotify));
  const hostEnv = notifyEnv(sdNotify, env);
  const fromFiles = strings(args['env-file']).flatMap((path) => {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (e) {
      throw new UserError(`cannot read the env file ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    return parseEnvFile(text, path, hostEnv);
  });
  const userns = str(args.userns);
  if (userns !== undefined && userns !== 'keep-id' && userns !== '' && userns !== 'auto') {
    throw new UserError(`invalid --userns '${userns}': use keep-id (or leave it out for the default mapping)`);
  }
  const stopTimeout = num(args['stop-timeout']);
  if (stopTimeout !== undefined && (!Number.isInteger(stopTimeout) || stopTimeout < 0)) throw new UserError(`invalid --stop-timeout ${stopTimeout}: use whole seconds`);
  const pids = num(args['pids-limit']);
  const restart = parseRestart(String(args.restart ?? 'no'));
  const autoRemove = Boolean(args.rm);
  if (autoRemove && restart.name !== 'no') throw new UserError('--rm and a --restart policy exclude each other: a removed container cannot restart');
  const image = str(args.image);
  const command = strings(args['--'] ?? []);
  if (!image) throw new UserError('missing image: boxctl run [OPTIONS] IMAGE [COMMAND [ARG...]]');
  return {
    image,
    command,
    entrypoint: str(args.entrypoint),
    name: str(args.name),
    env: [...fromFiles, ...parseEnv(strings(args.env), hostEnv)],
    labels: { ...systemdUnitLabel(hostEnv), ...parseLabels(strings(args.label)) },
    mounts: [
      ...strings(args.volume).map((v) => parseVolume(v, cwd)),
      ...strings(args.mount).map((m) => parseMount(m, cwd)),
      ...strings(args.tmpfs).map(parseTmpfs),
    ],
    workdir: str(args.workdir),
    user: str(args.user),
    hostname: str(args.hostname),
    terminal: Boolean(args.tty),
    stdin: Boolean(args.interactive),
    readOnly: Boolean(args['read-only']),
    init: Boolean(args.init),
    keepId: userns === 'keep-id',
    capAdd: strings(args['cap-add']),
    capDrop: strings(args['cap-drop']),
    security: parseSecurityOpts(strings(args['security-opt'])),
    pull: parsePullPolicy(String(args.pull ?? 'missing')),
    autoRemove,
    restart,
    memory: args.memory === undefined ? undefined : parseMemory(String(args.memory)),
    cpu: args.cpus === undefined ? undefined : parseCpus(String(args.cpus)),
    pidsLimit: pids === undefined ? undefined : parsePidsLimit(pids),
    stopSignal: str(args['stop-signal']),
    stopTimeout,
    health: parseHealth({
      cmd: str(args['health-cmd']),
      interval: str(args['health-interval']),
      timeout: str(args['health-timeout']),
      retries: num(args['health-retries']),
      startPeriod: str(args['health-start-period']),
      onFailure: str(args['health-on-failure']),
    }),
    log: parseLogOpts(strings(args['log-opt'])),
    network: str(args.network),
    ports: strings(args.publish),
    publishAll: Boolean(args['publish-all']),
    dns: { servers: strings(args.dns).flatMap(splitList), search: strings(args['dns-search']).flatMap(splitList), options: strings(args['dns-option']) },
    addHosts: strings(args['add-host']),
    noHosts: Boolean(args['no-hosts']),
    sdNotify,
    ...(args.cidfile !== undefined ? { cidFile: resolve(cwd, String(args.cidfile)) } : {}),
  };
}
