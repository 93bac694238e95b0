// Cold pulls from the local registry (test/bench/images.sh puts the images there) side
// by side with rootless Podman: a ~150 MB image of five layers and one layer of 50,000
// small files. The runs of the two tools alternate, each into an empty store of its
// own, and the stores are removed only after the last run: a deletion of that size
// keeps the disk and the file system busy for seconds, and would be paid by the run
// after it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PullBench {
  image: string;
  /** Medians, ms. */
  boxctl: number;
  podman?: number;
  target: number;
}

const IMAGES = ['bench/big', 'bench/smallfiles'];
const TARGET = 0.8;

type Argv = readonly string[];

function env(): NodeJS.ProcessEnv {
  // runuser leaves XDG_RUNTIME_DIR unset; rootless Podman keeps its pause process there.
  const runtimeDir = `/run/user/${process.getuid?.() ?? 0}`;
  return process.env.XDG_RUNTIME_DIR || !existsSync(runtimeDir) ? process.env : { ...process.env, XDG_RUNTIME_DIR: runtimeDir };
}

function timeOnce(argv: Argv): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(argv[0]!, argv.slice(1), { env: env(), encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${argv.join(' ')} failed (${r.status}): ${r.stderr.trim()}`);
  return ms;
}

function median(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function which(name: string): string {
  return spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim();
}

export function pullBenches(opts: { cli: string; podman: string | undefined; registry: string; runs: number }): PullBench[] {
  const work = mkdtempSync(join(tmpdir(), 'boxctl-bench-pull-'));
  const boxctl = (store: string, ref: string): Argv => [process.execPath, opts.cli, '--root', store, 'pull', '-q', ref];
  const podman = (store: string, ref: string): Argv => [
    opts.podman!,
    '--root', join(store, 'root'),
    '--runroot', join(store, 'run'),
    '--storage-driver', 'overlay',
    'pull', '-q', '--tls-verify=false', ref,
  ];
  const results: PullBench[] = [];
  let n = 0;
  try {
    for (const image of IMAGES) {
      const ref = `${opts.registry}/${image}`;
      const times: { boxctl: number[]; podman: number[] } = { boxctl: [], podman: [] };
      // The first round warms the registry's page cache and is not counted.
      for (let round = 0; round <= opts.runs; round++) {
        const b = timeOnce(boxctl(join(work, `bx-${n++}`), ref));
        const p = opts.podman ? timeOnce(podman(join(work, `pd-${n++}`), ref)) : undefined;
        if (round === 0) continue;
        times.boxctl.push(b);
        if (p !== undefined) times.podman.push(p);
      }
      results.push({ image, boxctl: median(times.boxctl), ...(opts.podman ? { podman: median(times.podman) } : {}), target: TARGET });
    }
  } finally {
    // Both tools' stores hold files of subordinate ids: only a user namespace can remove them.
    spawnSync(process.execPath, [opts.cli, 'unshare', 'rm', '-rf', work], { stdio: 'ignore' });
  }
  return results;
}

export function formatPullBench(b: PullBench): string {
  const ours = `cold pull ${b.image}: boxctl ${b.boxctl.toFixed(0)} ms`;
  if (b.podman === undefined) return ours;
  return `${ours}, podman ${b.podman.toFixed(0)} ms, ratio ${(b.boxctl / b.podman).toFixed(2)} (target ${b.target})`;
}

/** Runs and prints the pull benchmarks, or says why they cannot run here. */
export function runPullBenches(cli: string): PullBench[] {
  const registry = process.env.BENCH_REGISTRY ?? '127.0.0.1:5000';
  const skip = (why: string) => {
    console.log(`(pull benchmarks skipped: ${why})`);
    return [];
  };
  if (process.getuid?.() === 0) return skip("they compare rootless tools: run as an unprivileged user, e.g. 'runuser -u boxtest -- npm run bench -- pull'");
  const present = IMAGES.every(
    (image) =>
      spawnSync('curl', ['-sf', '-o', '/dev/null', `http://${registry}/v2/${image}/manifests/latest`, '-H', 'Accept: application/vnd.oci.image.manifest.v1+json']).status === 0,
  );
  if (!present) return skip(`no bench images in ${registry}; run 'sudo bash test/bench/images.sh' once`);
  const podman = which('podman') || undefined;
  const runs = Number(process.env.BENCH_PULL_RUNS ?? process.env.BENCH_RUNS ?? 3);
  const results = pullBenches({ cli, podman, registry, runs });
  console.log(`pulls: medians of ${runs} cold pulls, alternating with rootless podman (overlay)`);
  if (!podman) console.log('(podman is not installed: pulls have no reference to compare with)');
  for (const b of results) console.log(formatPullBench(b));
  return results;
}
