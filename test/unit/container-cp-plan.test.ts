import { describe, expect, it } from 'vitest';

import { parseCpArg } from '../../src/engine/container/cp.js';
import { entryPath, planCopy, rebase, sourceName } from '../../src/engine/container/fs/copy-plan.js';

const file = { isDir: false, name: 'f' };
const dir = { isDir: true, name: 'd' };
const contents = { isDir: true, name: '.' };

describe('planCopy', () => {
  it('places a file as Docker and Podman do', () => {
    expect(planCopy(file, { path: '/x', exists: true, isDir: true })).toEqual({ into: 'dest', rebase: { from: 'f', to: 'f' } });
    expect(planCopy(file, { path: '/x/g', exists: false, isDir: false })).toEqual({ into: 'parent', rebase: { from: 'f', to: 'g' } });
    expect(planCopy(file, { path: '/x/g', exists: true, isDir: false })).toEqual({ into: 'parent', rebase: { from: 'f', to: 'g' } });
    expect(() => planCopy(file, { path: '/x/new/', exists: false, isDir: false })).toThrow(/does not exist/);
    expect(() => planCopy(file, { path: '/x/g/', exists: true, isDir: false })).toThrow(/not a directory/);
  });

  it('places a directory, or its contents with /.', () => {
    expect(planCopy(dir, { path: '/x', exists: true, isDir: true })).toEqual({ into: 'dest', rebase: { from: 'd', to: 'd' } });
    expect(planCopy(dir, { path: '/x/new', exists: false, isDir: false })).toEqual({ into: 'parent', rebase: { from: 'd', to: 'new' } });
    expect(planCopy(contents, { path: '/x', exists: true, isDir: true })).toEqual({ into: 'dest', rebase: { from: '.', to: null } });
    expect(() => planCopy(dir, { path: '/x/f', exists: true, isDir: false })).toThrow(/cannot copy a directory to the file/);
  });
});

describe('names', () => {
  it('names the source as cp does', () => {
    expect(sourceName('/etc/passwd')).toBe('passwd');
    expect(sourceName('/etc/')).toBe('etc');
    expect(sourceName('/etc/.')).toBe('.');
    expect(sourceName('/')).toBe('.');
  });

  it('normalises entries and refuses ..', () => {
    expect(entryPath('./a/b/')).toBe('a/b');
    expect(entryPath('/a')).toBe('a');
    expect(() => entryPath('a/../../etc')).toThrow(/climbs out/);
  });

  it('rebases entries of the copied tree and drops the rest', () => {
    expect(rebase('d/x', { from: 'd', to: 'new' })).toBe('new/x');
    expect(rebase('d', { from: 'd', to: 'new' })).toBe('new');
    expect(rebase('other/x', { from: 'd', to: 'new' })).toBeUndefined();
    expect(rebase('x', { from: '.', to: null })).toBe('x');
    expect(rebase('x', { from: '.', to: 'dest' })).toBe('dest/x');
  });

  it('tells container paths from host paths', () => {
    expect(parseCpArg('web:/etc')).toEqual({ container: 'web', path: '/etc' });
    expect(parseCpArg('web:')).toEqual({ container: 'web', path: '/' });
    expect(parseCpArg('./a:b')).toEqual({ path: './a:b' });
    expect(parseCpArg('/tmp/x')).toEqual({ path: '/tmp/x' });
    expect(parseCpArg('-')).toEqual({ path: '-' });
  });
});
