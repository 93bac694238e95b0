// --sdnotify, --cidfile and the systemd unit label: what run and create record and
// hand on, checked without a kernel (test/integration/sdnotify.test.ts runs them).
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

import { cidFileId, claimCidFile, readCidFile, releaseCidFile } from '../../src/engine/container/cidfile.js';
import { requestFrom } from '../../src/engine/container/request.js';
import { CONTAINER_NOTIFY_SOCKET, notifyEnv, parseSdNotify, systemdUnitLabel, withNotifySocket } from '../../src/engine/container/sdnotify.js';
import { generateSpec } from '../../src/engine/spec/generate.js';
import { ConflictError, NotFoundError, UserError } from '../../src/errors.js';

const ID = 'a'.repeat(64);
const OTHER = 'b'.repeat(64);

function spec(env: string[] = ['PATH=/bin'], mounts: { destination: string }[] = []) {
  return generateSpec({
    id: ID,
    rootfs: '/r',
    args: ['/bin/true'],
    env,
    idMap: { uidMappings: [{ containerID: 0, hostID: 1001, size: 1 }], gidMappings: [{ containerID: 0, hostID: 1001, size: 1 }] },
    hostLimits: { nofile: { soft: 1024, hard: 1024 }, nproc: { soft: 100, hard: 100 } },
    arch: 'amd64',
    mounts: mounts.map((m) => ({ ...m, type: 'bind', source: '/src', options: ['rbind'] })),
  });
}

describe('--sdnotify', () => {
  it('takes conmon (the default), container and ignore', () => {
    expect(parseSdNotify(undefined)).toBe('conmon');
    expect(parseSdNotify('container')).toBe('container');
    expect(parseSdNotify('ignore')).toBe('ignore');
    expect(() => parseSdNotify('healthy')).toThrow(UserError);
    expect(() => parseSdNotify('healthy')).toThrow(/invalid --sdnotify 'healthy': use conmon, container or ignore/);
  });

  it('container mode binds the monitor socket dir at /run/notify and points NOTIFY_SOCKET there, replacing the user’s', () => {
    const base = spec(['PATH=/bin', 'NOTIFY_SOCKET=/elsewhere']);
    const out = withNotifySocket(base, 'container', '/run/user/1001/boxctl/containers/ID');
    expect(out.process.env).toEqual(['PATH=/bin', `NOTIFY_SOCKET=${CONTAINER_NOTIFY_SOCKET}`]);
    expect(out.mounts.at(-1)).toEqual({
      destination: '/run/notify',
      type: 'bind',
      source: '/run/user/1001/boxctl/containers/ID/notify',
      options: ['bind', 'rw', 'nosuid', 'nodev', 'noexec'],
    });
    expect(out.mounts.slice(0, -1)).toEqual(base.mounts);
    // The input is left as it was: create keeps the process env without the socket in the record.
    expect(base.process.env).toEqual(['PATH=/bin', 'NOTIFY_SOCKET=/elsewhere']);
  });

  it('conmon and ignore leave the spec alone', () => {
    const base = spec();
    expect(withNotifySocket(base, 'conmon', '/run/x')).toBe(base);
    expect(withNotifySocket(base, 'ignore', '/run/x')).toBe(base);
  });

  it('container mode refuses a mount of the user’s at /run/notify', () => {
    expect(() => withNotifySocket(spec(['PATH=/bin'], [{ destination: '/run/notify' }]), 'container', '/run/x')).toThrow(/needs \/run\/notify/);
  });

  it('ignore hides NOTIFY_SOCKET from everything boxctl starts; the other modes pass it on', () => {
    const env = { HOME: '/h', NOTIFY_SOCKET: '/run/user/1001/systemd/notify' };
    expect(notifyEnv('ignore', env)).toEqual({ HOME: '/h' });
    expect(notifyEnv('conmon', env)).toBe(env);
    expect(notifyEnv('container', env)).toBe(env);
  });
});

describe('run and create flags into the request', () => {
  const args = (over: Record<string, unknown>) => ({ image: 'busybox', '--': [], ...over });

  it('records the mode, and -e NOTIFY_SOCKET passes the host’s socket on unless ignore', () => {
    const env = { NOTIFY_SOCKET: '@sd' };
    expect(requestFrom(args({ env: ['NOTIFY_SOCKET'] }), '/', env)).toMatchObject({ sdNotify: 'conmon', env: ['NOTIFY_SOCKET=@sd'] });
    expect(requestFrom(args({ env: ['NOTIFY_SOCKET'], sdnotify: 'ignore' }), '/', env)).toMatchObject({ sdNotify: 'ignore', env: [] });
  });

  it('labels the container with the unit named by BOXCTL_SYSTEMD_UNIT; an explicit --label wins', () => {
    expect(systemdUnitLabel({})).toEqual({});
    expect(requestFrom(args({}), '/', { BOXCTL_SYSTEMD_UNIT: 'container-web.service' }).labels).toEqual({ 'io.boxctl.systemd.unit': 'container-web.service' });
    expect(requestFrom(args({ label: ['io.boxctl.systemd.unit=mine'] }), '/', { BOXCTL_SYSTEMD_UNIT: 'x.service' }).labels).toEqual({ 'io.boxctl.systemd.unit': 'mine' });
  });

  it('makes --cidfile absolute against the working dir', () => {
    expect(requestFrom(args({ cidfile: 'ids/web' }), '/home/u', {}).cidFile).toBe('/home/u/ids/web');
    expect(requestFrom(args({}), '/home/u', {}).cidFile).toBeUndefined();
  });
});

describe('--cidfile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'boxctl-cidfile-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the first line, as written by Podman (no newline) or by hand', () => {
    expect(cidFileId(ID)).toBe(ID);
    expect(cidFileId(`${ID}\nrest\n`)).toBe(ID);
    expect(cidFileId(' \n')).toBe('');
  });

  it('writes the id into a new file, or into an empty one', () => {
    const fresh = join(dir, 'fresh');
    claimCidFile(fresh).write(ID);
    expect(readFileSync(fresh, 'utf8')).toBe(ID);
    const empty = join(dir, 'empty');
    writeFileSync(empty, '');
    claimCidFile(empty).write(OTHER);
    expect(readFileSync(empty, 'utf8')).toBe(OTHER);
  });

  it('refuses a file that holds an id, before anything is created', () => {
    const taken = join(dir, 'taken');
    writeFileSync(taken, ID);
    expect(() => claimCidFile(taken)).toThrow(ConflictError);
    expect(() => claimCidFile(taken)).toThrow(`the container id file ${taken} exists: make sure no other container uses it, or delete it`);
    expect(readFileSync(taken, 'utf8')).toBe(ID);
    expect(() => claimCidFile(join(dir, 'no-dir', 'x'))).toThrow(/cannot create the cidfile .*: ENOENT/);
  });

  it('a failed create takes back the file it made, not an empty one the user made', () => {
    const made = join(dir, 'made');
    claimCidFile(made).abandon();
    expect(existsSync(made)).toBe(false);
    const users = join(dir, 'users');
    writeFileSync(users, '');
    claimCidFile(users).abandon();
    expect(existsSync(users)).toBe(true);
  });

  it('stop and rm read it; --ignore makes a missing or empty file name no container', () => {
    const f = join(dir, 'read');
    writeFileSync(f, `${ID}\n`);
    expect(readCidFile(f, false)).toBe(ID);
    expect(readCidFile(join(dir, 'missing'), true)).toBeUndefined();
    expect(() => readCidFile(join(dir, 'missing'), false)).toThrow(NotFoundError);
    writeFileSync(f, '');
    expect(readCidFile(f, true)).toBeUndefined();
    expect(() => readCidFile(f, false)).toThrow(/holds no container id/);
  });

  it('goes with its container, unless it names another one by now', () => {
    const f = join(dir, 'release');
    writeFileSync(f, OTHER);
    releaseCidFile(f, ID);
    expect(existsSync(f)).toBe(true);
    writeFileSync(f, ID);
    releaseCidFile(f, ID);
    expect(existsSync(f)).toBe(false);
    expect(() => releaseCidFile(f, ID)).not.toThrow();
    expect(() => releaseCidFile(undefined, ID)).not.toThrow();
  });
});
