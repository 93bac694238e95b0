import { describe, expect, it } from 'vitest';

import { CREATE_OPTIONS, RUN_OPTIONS } from '../../src/cli/commands/container-flags.js';
import { GLOBAL_OPTIONS } from '../../src/cli/globals.js';
import { UserError } from '../../src/errors.js';
import { existingContainerUnit, newContainerUnit, systemdRestart, unitHeader } from '../../src/engine/systemd/container-unit.js';
import { flagWords, parseCreateCommand } from '../../src/engine/systemd/create-command.js';
import { storeFlags, storeMounts } from '../../src/engine/systemd/host-units.js';
import { lastValue, parseUnit, resolveExec, serializeUnit, values, type UnitFile } from '../../src/engine/systemd/unit-file.js';

const SPECIFIERS = { t: '/run/user/1000', n: 'container-web.service', N: 'container-web', h: '/home/u' };
const BOXCTL = ['/usr/bin/node', '/opt/box ctl/dist/boxctl.js', '--root', '/srv/50%/store'];
const argvOf = (u: UnitFile, key: string) => resolveExec(lastValue(u, 'Service', key)!.value, SPECIFIERS, {}).argv;
const parse = (argv: string[]) => parseCreateCommand(argv, RUN_OPTIONS, GLOBAL_OPTIONS, 'container web');

describe('reading createCommand', () => {
  it('reads flags as yargs does: globals before and after the verb, clusters, attached and inline values, --no-', () => {
    const c = parse(['--root', '/r', 'container', 'run', '-dit', '-p8080:80', '--name=web', '--runroot', '/rr', '--no-sig-proxy', '--rm=false', '-e', '-x', '--', 'busybox', 'sh', '-c', '--not-ours']);
    expect(c.verb).toBe('run');
    expect(c.globals).toEqual([
      { name: 'root', value: '/r' },
      { name: 'runroot', value: '/rr' },
    ]);
    expect(c.flags).toEqual([
      { name: 'detach', value: true },
      { name: 'interactive', value: true },
      { name: 'tty', value: true },
      { name: 'publish', value: '8080:80' },
      { name: 'name', value: 'web' },
      { name: 'sig-proxy', value: false },
      { name: 'rm', value: false },
      { name: 'env', value: '-x' },
    ]);
    expect(c.image).toBe('busybox');
    expect(c.command).toEqual(['sh', '-c', '--not-ours']);
  });

  it('reads create the same way, and writes flags back in a form that reads back the same', () => {
    const c = parseCreateCommand(['create', '--env=A=1', '-w', '/srv', 'img'], CREATE_OPTIONS, GLOBAL_OPTIONS, 'ctr');
    expect(c).toMatchObject({ verb: 'create', flags: [{ name: 'env', value: 'A=1' }, { name: 'workdir', value: '/srv' }], image: 'img', command: [] });
    const flags = [
      { name: 'env', value: '-x' },
      { name: 'env', value: '' },
      { name: 'rm', value: false },
      { name: 'tty', value: true },
      { name: 'publish', value: '80' },
    ];
    expect(parse(['run', ...flags.flatMap(flagWords), 'img']).flags).toEqual(flags);
  });

  it('refuses what it cannot read, naming the container', () => {
    expect(() => parse(['run', '--bogus', 'img'])).toThrow(/^container web: unknown flag --bogus$/);
    expect(() => parse(['run', '-Z', 'img'])).toThrow(/unknown flag -Z/);
    expect(() => parse(['run', '--name'])).toThrow(/--name lacks its value/);
    expect(() => parse(['run', '-d'])).toThrow(/names no image/);
    expect(() => parse(['pull', 'img'])).toThrow(/made by 'pull', not by run or create/);
    expect(() => parse(['run', '--rm=maybe', 'img'])).toThrow(UserError);
  });
});

describe('the --new unit', () => {
  const createCommand = [
    '--root', '/old', 'run', '-dit', '--name', 'old-name', '--rm', '--restart=always', '-p', '8080:80', '-e', 'GREETING=hello world',
    '-v', '/data:/data:ro', '--sdnotify=container', '--cidfile', '/tmp/x', '--replace', 'busybox', 'sh', '-c', 'echo 100% $HOME',
  ];
  const unit = newContainerUnit({
    unitName: 'container-web',
    restart: 'on-failure',
    stopTimeout: 7,
    requiresMountsFor: ['/srv/store', '%t/boxctl'],
    boxctl: BOXCTL,
    containerName: 'web',
    createCommand,
    runFlags: RUN_OPTIONS,
    globalFlags: GLOBAL_OPTIONS,
  });

  it("has Podman's shape: notify, the restart policy, the stop timeout plus 60 s, the unit's name in the environment", () => {
    expect(unit.sections.map((s) => s.name)).toEqual(['Unit', 'Service', 'Install']);
    const get = (s: string, k: string) => values(unit, s, k).map((e) => e.value);
    expect(get('Unit', 'Documentation')).toEqual(['man:boxctl-generate-systemd(1)']);
    expect(get('Unit', 'Wants')).toEqual(['network-online.target']);
    expect(get('Unit', 'After')).toEqual(['network-online.target']);
    expect(get('Unit', 'RequiresMountsFor')).toEqual(['/srv/store %t/boxctl']);
    expect(get('Service', 'Environment')).toEqual(['BOXCTL_SYSTEMD_UNIT=%n']);
    expect(get('Service', 'Restart')).toEqual(['on-failure']);
    expect(get('Service', 'TimeoutStopSec')).toEqual(['67']);
    expect(get('Service', 'Type')).toEqual(['notify']);
    expect(get('Service', 'NotifyAccess')).toEqual(['all']);
    expect(get('Install', 'WantedBy')).toEqual(['default.target']);
  });

  it('runs the create command again with its own name, id file, --replace, --rm and -d, and without the flags it replaces', () => {
    expect(argvOf(unit, 'ExecStart')).toEqual([
      ...BOXCTL, 'run', '--cidfile=/run/user/1000/container-web.service.ctr-id', '--sdnotify=container', '--replace', '--rm', '-d', '--name', 'web',
      '--interactive', '--tty', '--publish', '8080:80', '--env', 'GREETING=hello world', '--volume', '/data:/data:ro', 'busybox', 'sh', '-c', 'echo 100% $HOME',
    ]);
    expect(argvOf(unit, 'ExecStartPre')).toEqual(['/bin/rm', '-f', '/run/user/1000/container-web.service.ctr-id']);
    expect(argvOf(unit, 'ExecStop')).toEqual([...BOXCTL, 'stop', '--ignore', '-t', '7', '--cidfile=/run/user/1000/container-web.service.ctr-id']);
    expect(argvOf(unit, 'ExecStopPost')).toEqual([...BOXCTL, 'rm', '-f', '--ignore', '-t', '7', '--cidfile=/run/user/1000/container-web.service.ctr-id']);
  });

  it('uses --sdnotify=conmon unless the container passed the socket on itself', () => {
    for (const mode of [[], ['--sdnotify', 'ignore'], ['--sdnotify=conmon']]) {
      const u = newContainerUnit({
        unitName: 'container-web', restart: 'always', stopTimeout: 10, requiresMountsFor: [], boxctl: BOXCTL, containerName: 'web',
        createCommand: ['run', ...mode, 'busybox'], runFlags: RUN_OPTIONS, globalFlags: GLOBAL_OPTIONS,
      });
      expect(argvOf(u, 'ExecStart')).toContain('--sdnotify=conmon');
    }
  });

  it('survives writing and reading', () => {
    const again = parseUnit(serializeUnit(unit, ['x']), 'x.service');
    expect(argvOf(again, 'ExecStart')).toEqual(argvOf(unit, 'ExecStart'));
  });
});

describe('the unit of an existing container', () => {
  it('starts and stops it by name, and stops it again after the main process died', () => {
    const u = existingContainerUnit({ unitName: 'container-web', restart: 'no', stopTimeout: 3, requiresMountsFor: [], boxctl: BOXCTL, container: 'web' });
    expect(argvOf(u, 'ExecStart')).toEqual([...BOXCTL, 'start', 'web']);
    expect(argvOf(u, 'ExecStop')).toEqual([...BOXCTL, 'stop', '-t', '3', 'web']);
    expect(argvOf(u, 'ExecStopPost')).toEqual([...BOXCTL, 'stop', '--ignore', '-t', '3', 'web']);
    expect(lastValue(u, 'Service', 'Type')?.value).toBe('notify');
    expect(lastValue(u, 'Service', 'TimeoutStopSec')?.value).toBe('63');
    expect(lastValue(u, 'Service', 'Restart')?.value).toBe('no');
  });
});

describe('restart policy, header, store', () => {
  it("maps the container's policy unless one is asked for, and refuses unknown ones", () => {
    expect(systemdRestart(undefined, 'no')).toBe('on-failure');
    expect(systemdRestart(undefined, 'on-failure')).toBe('on-failure');
    expect(systemdRestart(undefined, 'always')).toBe('always');
    expect(systemdRestart(undefined, 'unless-stopped')).toBe('always');
    expect(systemdRestart('on-abnormal', 'always')).toBe('on-abnormal');
    expect(() => systemdRestart('sometimes', undefined)).toThrow(/'sometimes' is not a restart policy: use one of no, on-success/);
  });

  it('names the unit always, and the command that made it unless --no-header', () => {
    const h = { unitName: 'container-web', version: '0.1.0', command: 'boxctl generate systemd --new web' };
    expect(unitHeader({ ...h, noHeader: false })).toEqual(['container-web.service', 'autogenerated by boxctl 0.1.0 with: boxctl generate systemd --new web']);
    expect(unitHeader({ ...h, noHeader: true })).toEqual(['container-web.service']);
  });

  it("passes --root and --runroot only for a store that is not the user manager's default", () => {
    const home = '/home/u';
    expect(storeFlags({ root: '/home/u/.local/share/boxctl', runroot: '/run/user/1000/boxctl', config: '' }, home, 1000)).toEqual([]);
    expect(storeFlags({ root: '/tmp/r', runroot: '/tmp/boxctl-1000', config: '' }, home, 1000)).toEqual(['--root', '/tmp/r', '--runroot', '/tmp/boxctl-1000']);
    expect(storeMounts({ root: '/home/u/.local/share/boxctl', runroot: '/run/user/1000/boxctl', config: '' }, 1000)).toEqual(['/home/u/.local/share/boxctl', '%t/boxctl']);
    expect(storeMounts({ root: '/srv/a b%', runroot: '/tmp/r', config: '' }, 1000)).toEqual(['"/srv/a b%%"', '/tmp/r']);
  });
});
