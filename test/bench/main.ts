// Start-up and run benchmarks. Medians of repeated runs, all commands measured in one
// session side by side (the machine is noisy; compare within a run, not across runs),
// with ratios against the reference implementation where it is installed.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

import { defaultIdMap } from '../../src/engine/host/idmap.js';
import { subidRanges } from '../../src/engine/host/subid.js';
import { which } from '../../src/engine/host/which.js';
import { generateSpec } from '../../src/engine/spec/generate.js';
import { runContainerBenches } from './containers.js';
import { runPullBenches } from './pulls.js';
import { runUiBench } from './ui.js';

const repo = process.argv[2]!;
const runs = Number(process.env.BENCH_RUNS ?? 20);
const cli = join(repo, 'dist', 'boxctl.js');

function timeOnce(argv: readonly string[]): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(argv[0]!, argv.slice(1), { stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${argv.join(' ')} failed (${r.status}): ${r.stderr.toString().trim()}`);
  return ms;
}

function median(argv: readonly string[], n = runs, before?: () => void): number {
  before?.();
  timeOnce(argv);
  const times = Array.from({ length: n }, () => {
    before?.();
    return timeOnce(argv);
  }).sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

function bundle(dir: string): string {
  const rootfs = join(dir, 'rootfs');
  mkdirSync(join(rootfs, 'bin'), { recursive: true });
  for (const d of ['proc', 'sys', 'dev', 'tmp']) mkdirSync(join(rootfs, d));
  cpSync('/bin/busybox', join(rootfs, 'bin/busybox'));
  symlinkSync('busybox', join(rootfs, 'bin/true'));
  const me = userInfo();
  const read = (f: string) => spawnSync('cat', [f], { encoding: 'utf8' }).stdout;
  const map = (own: number, file: string) =>
    defaultIdMap(own, me.uid === 0 ? [] : subidRanges(read(file), { name: me.username, id: me.uid })).map((e) => ({
      containerID: e.containerId,
      hostID: e.hostId,
      size: e.size,
    }));
  const spec = generateSpec({
    id: 'bench',
    rootfs,
    args: ['/bin/true'],
    env: [],
    idMap: { uidMappings: map(me.uid, '/etc/subuid'), gidMappings: map(me.gid, '/etc/subgid') },
    hostLimits: { nofile: { soft: 1024, hard: 4096 }, nproc: { soft: 4096, hard: 4096 } },
    arch: 'amd64',
  });
  writeFileSync(join(dir, 'config.json'), JSON.stringify(spec));
  return dir;
}

interface Row {
  name: string;
  ms: number;
  reference?: { name: string; ms: number };
}

const rows: Row[] = [];
const node = median([process.execPath, '-e', '0']);
rows.push({ name: 'node -e 0 (the floor)', ms: node });
rows.push({ name: 'boxctl --version', ms: median([process.execPath, cli, '--version']), reference: { name: 'node -e 0', ms: node } });
rows.push({ name: 'boxctl info --format json', ms: median([process.execPath, cli, 'info', '--format', 'json']) });

const work = mkdtempSync(join(tmpdir(), 'boxctl-bench-'));
try {
  const b = bundle(join(work, 'bundle'));
  // run deletes the container when it exits, so one id serves every repetition.
  const ours = median([process.execPath, cli, '--runroot', join(work, 'bx'), 'runtime', 'run', '-b', b, 'bench']);
  const runc = which('runc');
  const row: Row = { name: 'runtime run (true)', ms: ours };
  if (runc) row.reference = { name: 'runc run', ms: median([runc, '--root', join(work, 'runc'), 'run', '-b', b, 'bench']) };
  rows.push(row);
} finally {
  rmSync(work, { recursive: true, force: true });
}

const width = Math.max(...rows.map((r) => r.name.length));
console.log(`medians of ${runs} runs, ms`);
for (const r of rows) {
  const ref = r.reference ? `   ${r.reference.name}: ${r.reference.ms.toFixed(1)} ms, ratio ${(r.ms / r.reference.ms).toFixed(2)}x` : '';
  console.log(`${r.name.padEnd(width)}  ${r.ms.toFixed(1).padStart(7)}${ref}`);
}

runPullBenches(cli);
runContainerBenches(cli);
await runUiBench(cli);
