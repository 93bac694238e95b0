// The systemd user service of a container, shaped as Podman's `generate systemd`
// writes it (docs/systemd.md). One builder for the [Service] lines that run a
// container, shared by `generate systemd --new` and the Quadlet generator; a second
// shape for a container that exists already.
//
// Both use Type=notify with NotifyAccess=all: the monitor that `run -d` and `start`
// leave behind inherits NOTIFY_SOCKET and sends MAINPID=<its pid> and READY=1 once the
// container's process runs, so systemd tracks the monitor as the main process and
// knows the service is up exactly when the container is. Podman's units for existing
// containers use Type=forking with conmon's PID file instead; boxctl's monitor writes
// no PID file, and readiness through the notify socket needs none.
import { UserError } from '../../errors.js';
import { RESTART_POLICIES, type SystemdRestart } from './restart-policies.js';
import { flagWords, parseCreateCommand, type CreateCommand, type FlagTable, type GivenFlag } from './create-command.js';
import { execValue, literalWord, type UnitEntry, type UnitFile, type UnitSection } from './unit-file.js';


/** Where the unit keeps the id of the container it made, as Podman's units do. */
export const CIDFILE = '%t/%n.ctr-id';

/** systemd gives the stop commands this much longer than the container's stop timeout. */
const STOP_GRACE_S = 60;

const entry = (key: string, value: string): UnitEntry => ({ key, value, line: 0 });

export interface RunLine {
  /** This boxctl and its store flags: literal words ([node, script, --root, R, ...]). */
  boxctl: readonly string[];
  /** The container's name, in unit syntax (a Quadlet name may hold %N). */
  name: string;
  /** The flags, image and command after the ones every unit sets, in unit syntax. */
  args: readonly string[];
  sdnotify: 'conmon' | 'container';
  /** Seconds `stop` and `rm` wait before SIGKILL. */
  stopTimeout: number;
}

/**
 * The [Service] lines that create the container at start and remove it at stop, so
 * the unit works from an empty store: a stale id file is removed first, `run --replace`
 * takes the name over from a container left behind, and the stop lines ignore a
 * container that is gone already.
 */
export function runServiceEntries(run: RunLine): UnitEntry[] {
  const self = run.boxctl.map(literalWord);
  const t = String(run.stopTimeout);
  return [
    entry('Environment', 'BOXCTL_SYSTEMD_UNIT=%n'),
    entry('ExecStartPre', execValue(['/bin/rm', '-f', CIDFILE])),
    entry(
      'ExecStart',
      execValue([...self, 'run', `--cidfile=${CIDFILE}`, `--sdnotify=${run.sdnotify}`, '--replace', '--rm', '-d', '--name', run.name, ...run.args]),
    ),
    entry('ExecStop', execValue([...self, 'stop', '--ignore', '-t', t, `--cidfile=${CIDFILE}`])),
    entry('ExecStopPost', execValue([...self, 'rm', '-f', '--ignore', '-t', t, `--cidfile=${CIDFILE}`])),
    entry('Type', 'notify'),
    entry('NotifyAccess', 'all'),
  ];
}

export interface UnitCommon {
  /** The unit's name without .service: container-web. */
  unitName: string;
  restart: SystemdRestart;
  stopTimeout: number;
  /** Paths the unit needs mounted (the store), in unit syntax. */
  requiresMountsFor: readonly string[];
}

function unitSection(common: UnitCommon): UnitSection {
  return {
    name: 'Unit',
    line: 0,
    entries: [
      entry('Description', `boxctl ${common.unitName}.service`),
      entry('Documentation', 'man:boxctl-generate-systemd(1)'),
      entry('Wants', 'network-online.target'),
      entry('After', 'network-online.target'),
      entry('RequiresMountsFor', common.requiresMountsFor.join(' ')),
    ],
  };
}

const installSection = (): UnitSection => ({ name: 'Install', line: 0, entries: [entry('WantedBy', 'default.target')] });

function withTimeouts(common: UnitCommon, service: UnitEntry[]): UnitEntry[] {
  const [env, ...rest] = service;
  return [env!, entry('Restart', common.restart), entry('TimeoutStopSec', String(common.stopTimeout + STOP_GRACE_S)), ...rest];
}

/** Flags a --new unit sets itself, or that would fight systemd's own restarts. */
const REPLACED = new Set(['detach', 'rm', 'name', 'cidfile', 'replace', 'sdnotify', 'restart']);

export interface NewUnitInput extends UnitCommon {
  boxctl: readonly string[];
  containerName: string;
  createCommand: readonly string[];
  /** The flags of run and the global flags, to read createCommand with. */
  runFlags: FlagTable;
  globalFlags: FlagTable;
}

/** What createCommand asked for that the unit needs to know. */
interface CreateFacts {
  sdnotify: 'conmon' | 'container';
}

function createFacts(parsed: CreateCommand): CreateFacts {
  const last = (name: string): GivenFlag | undefined => parsed.flags.filter((f) => f.name === name).at(-1);
  // As Podman: only an explicit `container` passes the socket on; `ignore` would leave
  // systemd waiting for a READY=1 that never comes, so it becomes conmon.
  return { sdnotify: last('sdnotify')?.value === 'container' ? 'container' : 'conmon' };
}

/** `generate systemd --new`: a unit that runs the container's createCommand again. */
export function newContainerUnit(input: NewUnitInput): UnitFile {
  const where = `cannot read the command that created container ${input.containerName}`;
  const parsed = parseCreateCommand(input.createCommand, input.runFlags, input.globalFlags, where);
  const facts = createFacts(parsed);
  const kept = parsed.flags.filter((f) => !REPLACED.has(f.name)).flatMap(flagWords);
  const service = runServiceEntries({
    boxctl: input.boxctl,
    name: literalWord(input.containerName),
    args: [...kept, parsed.image, ...parsed.command].map(literalWord),
    sdnotify: facts.sdnotify,
    stopTimeout: input.stopTimeout,
  });
  return { sections: [unitSection(input), { name: 'Service', line: 0, entries: withTimeouts(input, service) }, installSection()] };
}

export interface ExistingUnitInput extends UnitCommon {
  boxctl: readonly string[];
  /** The name or id the unit starts and stops the container by. */
  container: string;
}

/** A unit for a container that exists: start it, stop it (Type=notify, see the top of this file). */
export function existingContainerUnit(input: ExistingUnitInput): UnitFile {
  const self = input.boxctl.map(literalWord);
  const ctr = literalWord(input.container);
  const t = String(input.stopTimeout);
  const service = [
    entry('Environment', 'BOXCTL_SYSTEMD_UNIT=%n'),
    entry('ExecStart', execValue([...self, 'start', ctr])),
    entry('ExecStop', execValue([...self, 'stop', '-t', t, ctr])),
    // Runs also when the monitor died and ExecStop was skipped; the container may be gone by then.
    entry('ExecStopPost', execValue([...self, 'stop', '--ignore', '-t', t, ctr])),
    entry('Type', 'notify'),
    entry('NotifyAccess', 'all'),
  ];
  return { sections: [unitSection(input), { name: 'Service', line: 0, entries: withTimeouts(input, service) }, installSection()] };
}

/**
 * Restart= for a container: the policy asked for, else the container's own mapped
 * (always and unless-stopped restart always; anything else on failure, Podman's default).
 */
export function systemdRestart(asked: string | undefined, containerPolicy: string | undefined): SystemdRestart {
  if (asked !== undefined) {
    if (!(RESTART_POLICIES as readonly string[]).includes(asked)) {
      throw new UserError(`'${asked}' is not a restart policy: use one of ${RESTART_POLICIES.join(', ')}`);
    }
    return asked as SystemdRestart;
  }
  const name = containerPolicy?.split(':')[0];
  return name === 'always' || name === 'unless-stopped' ? 'always' : 'on-failure';
}

export interface HeaderInput {
  unitName: string;
  version: string;
  /** The command line that made the unit, as the user would type it. */
  command: string;
  noHeader: boolean;
}

/** The comment lines at the top: the unit's file name always (as Podman), the rest unless --no-header. */
export function unitHeader(h: HeaderInput): string[] {
  return [`${h.unitName}.service`, ...(h.noHeader ? [] : [`autogenerated by boxctl ${h.version} with: ${h.command}`])];
}
