// The fast parser must read every plain command line exactly as yargs does, and
// hand everything else to yargs.
import { describe, expect, it } from 'vitest';

import { fastParse } from '../../src/cli/fast-parse.js';
import { GLOBAL_OPTIONS } from '../../src/cli/globals.js';
import { commands } from '../../src/cli/registry.js';
import type { CommandSpec } from '../../src/cli/spec.js';
import { parseWithYargs } from '../../src/cli/yargs-parser.js';

async function viaYargs(argv: string[]): Promise<{ spec: CommandSpec; args: Record<string, unknown> } | undefined> {
  let got: { spec: CommandSpec; args: Record<string, unknown> } | undefined;
  await parseWithYargs(argv, async (spec, args) => {
    got = { spec, args: { ...args } };
  });
  return got;
}

/** The keys a handler reads: declared options, positionals, globals, and `--`. */
function handlerView(spec: CommandSpec, args: Record<string, unknown>): Record<string, unknown> {
  const keys = [...Object.keys(GLOBAL_OPTIONS), ...Object.keys(spec.options), ...(spec.positionals ?? []).map((p) => p.name), '--'];
  return Object.fromEntries(keys.filter((k) => args[k] !== undefined).map((k) => [k, args[k]]));
}

const PLAIN: string[][] = [
  ['info'],
  ['info', '--format', 'json'],
  ['info', '-f', 'json'],
  ['info', '--format=json'],
  ['--root', '/r', 'info'],
  ['info', '--root=/r', '--runroot', '/run/x', '--log-level', 'debug'],
  ['pull', '127.0.0.1:5000/boxctl/busybox'],
  ['pull', '-q', '--platform', 'linux/arm64', 'alpine'],
  ['pull', '--tls-verify=false', 'alpine'],
  ['pull', '--arch', 'arm64', '--variant', 'v8', 'x/y:1'],
  ['images'],
  ['images', '-q', '--no-trunc'],
  ['images', '--filter', 'dangling=true', '-q'],
  ['images', '--filter', 'dangling=true', '--filter', 'reference=x*', '--format', 'json'],
  ['images', '--digests'],
  ['rmi', 'a', 'b', 'c'],
  ['rmi', '-f', 'sha256:abc'],
  ['tag', 'alpine', 'x:1', 'y:2'],
  ['untag', 'alpine'],
  ['image', 'inspect', 'alpine', 'busybox'],
  ['image', 'exists', 'alpine'],
  ['image', 'history', '--format', 'json', 'alpine'],
  ['image', 'prune'],
  ['runtime', 'run', '-b', '/b', 'id1'],
  ['runtime', 'run', '-d', '--bundle', '/b', '--pid-file', '/p', 'id1'],
  ['runtime', 'create', '--console-socket', '/s', '-b', '/b', '1e3'],
  ['runtime', 'start', '007'],
  ['runtime', 'kill', 'id', 'KILL'],
  ['runtime', 'kill', 'id', '9'],
  ['runtime', 'delete', '-f', 'id'],
  ['runtime', 'state', 'id'],
  ['runtime', 'list', '--format', 'json'],
  ['unshare', 'ls', '-l', '1e3', '--x'],
  ['unshare'],
  ['unshare', 'sh', '-c', 'echo -- hi'],
  ['run', 'busybox'],
  ['run', '--rm', 'busybox', 'echo', 'hello'],
  ['run', '-d', '--name', 'web', '-e', 'A=1', 'busybox', 'sh', '-c', 'echo -d --rm'],
  ['run', '-it', '-e', 'A=1', '-e', 'B=2', '--env=C=3', '-v', '/a:/b:ro', 'busybox', '-x', '--', 'y'],
  ['run', '--restart=on-failure:3', '--pids-limit', '10', '--memory', '64m', 'x/y:1', 'true'],
  ['run', '--network', 'none', '-l', 'a=b', '--label', 'c', 'img', '1e3'],
  ['create', '--name', 'n', '--tmpfs', '/t', '--mount', 'type=tmpfs,target=/x', 'img'],
  ['exec', 'web', 'ls', '-l'],
  ['exec', '-i', '-e', 'X=1', '-u', '1000', 'web', 'sh', '-c', 'exit 3'],
  ['ps', '-a', '--filter', 'status=exited', '--filter', 'name=x', '--format', '{{.Names}}'],
  ['rm', '-f', 'a', 'b'],
  ['logs', '-f', '--tail', '5', 'web'],
];

describe('the fast parser', () => {
  it.each(PLAIN.map((a) => [a.join(' '), a] as const))('reads `%s` as yargs does', async (_name, argv) => {
    const fast = fastParse(argv, commands);
    const slow = await viaYargs(argv);
    expect(fast).toBeDefined();
    expect(slow).toBeDefined();
    expect(fast!.spec.name).toBe(slow!.spec.name);
    expect(handlerView(fast!.spec, fast!.args)).toEqual(handlerView(slow!.spec, slow!.args));
  });

  it.each([
    ['--help'],
    ['info', '--help'],
    ['-h'],
    ['--version'],
    ['info', '--nope'],
    ['info', '--format'],
    ['runtime'],
    ['runtime', 'run'],
    ['runtime', 'bogus', 'x'],
    ['rmi'],
    ['tag', 'only-one'],
    ['runtime', 'state', 'a', 'b'],
    ['save', '--format', 'tar', 'alpine'],
    ['images', '--digests', 'true'],
    ['images', '-qz'],
    ['info', '--', 'x'],
    ['unshare', '--help'],
    ['info', '--format', 'json', '--format', 'text'],
    ['run', '--rm'],
    ['run', '--', 'busybox'],
  ])('leaves `%s` to yargs', (...argv) => {
    expect(fastParse(argv, commands)).toBeUndefined();
  });
});
