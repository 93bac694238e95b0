import { describe, expect, it } from 'vitest';

import { UserError } from '../../src/errors.js';
import { applyChanges, commandForm, commitConfig, keyValues, parseChange } from '../../src/engine/container/fs/commit-config.js';

describe('parseChange', () => {
  it('takes Dockerfile syntax and Podman KEY=VALUE syntax', () => {
    expect(parseChange('CMD ["sh","-c","echo hi"]')).toEqual({ instruction: 'CMD', value: '["sh","-c","echo hi"]' });
    expect(parseChange('CMD=/bin/true')).toEqual({ instruction: 'CMD', value: '/bin/true' });
    expect(parseChange('env A=1')).toEqual({ instruction: 'ENV', value: 'A=1' });
    expect(parseChange('ENV=A=1')).toEqual({ instruction: 'ENV', value: 'A=1' });
    expect(parseChange('WORKDIR /srv')).toEqual({ instruction: 'WORKDIR', value: '/srv' });
  });

  it('refuses unknown instructions and missing values with one line', () => {
    expect(() => parseChange('RUN make')).toThrow(UserError);
    expect(() => parseChange('USER')).toThrow(/USER needs a value|give one of/);
    expect(() => parseChange('WORKDIR=')).toThrow(/WORKDIR needs a value/);
  });
});

describe('values', () => {
  it('reads exec form and shell form', () => {
    expect(commandForm('["a","b c"]')).toEqual(['a', 'b c']);
    expect(commandForm('echo hi')).toEqual(['/bin/sh', '-c', 'echo hi']);
    expect(commandForm('[not json')).toEqual(['/bin/sh', '-c', '[not json']);
  });

  it('reads KEY=VALUE pairs, quoted values and the legacy KEY VALUE', () => {
    expect(keyValues('A=1 B="two words"', 'ENV')).toEqual([
      ['A', '1'],
      ['B', 'two words'],
    ]);
    expect(keyValues('A one two', 'ENV')).toEqual([['A', 'one two']]);
  });
});

describe('applyChanges and commitConfig', () => {
  it('applies each instruction to the container config', () => {
    const c = applyChanges({ Env: ['PATH=/bin', 'A=0'], Labels: { x: '1' } }, [
      parseChange('ENV A=1 B=2'),
      parseChange('LABEL y=2'),
      parseChange('EXPOSE 80 53/udp'),
      parseChange('ENTRYPOINT ["/init"]'),
      parseChange('CMD=serve'),
      parseChange('USER 1000:1000'),
      parseChange('VOLUME /data'),
      parseChange('STOPSIGNAL SIGINT'),
    ]);
    expect(c).toEqual({
      Env: ['PATH=/bin', 'A=1', 'B=2'],
      Labels: { x: '1', y: '2' },
      ExposedPorts: { '80/tcp': {}, '53/udp': {} },
      Entrypoint: ['/init'],
      Cmd: ['/bin/sh', '-c', 'serve'],
      User: '1000:1000',
      Volumes: { '/data': {} },
      StopSignal: 'SIGINT',
    });
    expect(() => applyChanges({}, [parseChange('EXPOSE http')])).toThrow(/invalid EXPOSE port/);
  });

  it('builds on the base config: the container settings, the changes, one more diff id and history entry', () => {
    const out = commitConfig({
      base: { architecture: 'amd64', os: 'linux', config: { Cmd: ['sh'], Env: ['PATH=/bin'] }, rootfs: { type: 'layers', diff_ids: ['sha256:a'] }, history: [{ created_by: 'base' }] },
      container: { env: ['PATH=/bin', 'X=1'], labels: {}, cmd: ['sleep', '1'] },
      changes: [parseChange('CMD ["echo","hi"]')],
      diffId: 'sha256:b',
      created: '2026-01-01T00:00:00Z',
      createdBy: 'sleep 1',
      message: 'msg',
      author: 'me',
    });
    expect(out).toMatchObject({
      architecture: 'amd64',
      author: 'me',
      created: '2026-01-01T00:00:00Z',
      config: { Cmd: ['echo', 'hi'], Env: ['PATH=/bin', 'X=1'] },
      rootfs: { type: 'layers', diff_ids: ['sha256:a', 'sha256:b'] },
      history: [{ created_by: 'base' }, { created: '2026-01-01T00:00:00Z', created_by: 'sleep 1', author: 'me', comment: 'msg' }],
    });
  });
});
