// Container benchmarks side by side with rootless Podman (runc, overlay, cgroupfs, each
// with its own scratch store): run --rm, ps -a over 50 containers, exec, and the memory
// of the per-container helper (boxctl-monitor against conmon). Both tools pull the same
// image from the local registry first, so no timed run pulls.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ContainerBench {
  name: string;
  unit: 'ms' | 'KiB';
  boxctl: number;
  podman: number;
  target: number;
}

type Argv = readonly string[];

function env(): NodeJS.ProcessEnv {
  // runuser leaves XDG_RUNTIME_DIR unset; rootless Podman keeps its pause process there.
  const uid = process.getuid?.() ?? 0;
  const runtimeDir = `/run/user/${uid}`;
  return process.env.XDG_RUNTIME_DIR || !existsSync(runtimeDir) ? process.env : { ...process.env, XDG_RUNTIME_DIR: runtimeDir };
}

function must(argv: Argv): SpawnSyncReturns<string> {
  const r = spawnSync(argv[0]!, argv.slice(1), { env: env(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0) throw new Error(`${argv.join(' ')} failed (${r.status}): ${r.stderr.trim()}`);
  return r;
}

function timeOnce(argv: Argv): number {
  const t0 = process.hrtime.bigint();
  must(argv);
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

const middle = (times: number[]): number => times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;

/**
 * The medians of n timed runs of each command after one untimed warm-up each, the
 * two taking turns: on a shared machine the load changes within seconds, and turns
 * put both sides under the same load, so their ratio holds where the times do not.
 */
function medians(a: Argv, b: Argv, n: number): [number, number] {
  timeOnce(a);
  timeOnce(b);
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < n; i++) {
    ta.push(timeOnce(a));
    tb.push(timeOnce(b));
  }
  return [middle(ta), middle(tb)];
}

/** Sum of VmRSS, in KiB, of the processes named `comm` whose command line mentions `marker`. */
function helperRss(comm: string, marker: string): { kib: number; count: number } {
  let kib = 0;
  let count = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() !== comm) continue;
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker)) continue;
      const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (!m) continue;
      kib += Number(m[1]);
      count++;
    } catch {
      // The process ended while we read it.
    }
  }
  return { kib, count };
}

interface Tool {
  /** The command line prefix that points the tool at its scratch store. */
  cmd: Argv;
  helper: string;
  store: string;
}

export function containerBenches(opts: { cli: string; podman: string; image: string; runs: number; containers: number; running: number }): ContainerBench[] {
  const work = mkdtempSync(join(tmpdir(), 'boxctl-bench-ctr-'));
  const bx: Tool = {
    cmd: [process.execPath, opts.cli, '--root', join(work, 'bx', 'root'), '--runroot', join(work, 'bx', 'run')],
    helper: 'boxctl-monitor',
    store: join(work, 'bx'),
  };
  const pd: Tool = {
    cmd: [
      opts.podman,
      '--root', join(work, 'pd', 'root'),
      '--runroot', join(work, 'pd', 'run'),
      '--storage-driver', 'overlay',
      '--runtime', 'runc',
      '--cgroup-manager', 'cgroupfs',
      '--events-backend', 'file',
    ],
    helper: 'conmon',
    store: join(work, 'pd'),
  };
  const pull = (t: Tool, tlsFlag: Argv) => must([...t.cmd, 'pull', '-q', ...tlsFlag, opts.image]);
  const results: ContainerBench[] = [];
  try {
    pull(bx, []);
    pull(pd, ['--tls-verify=false']);

    const side = (name: string, target: number, args: (t: Tool) => Argv) => {
      const [boxctl, podman] = medians(args(bx), args(pd), opts.runs);
      results.push({ name, unit: 'ms', boxctl, podman, target });
    };
    side('run --rm --network none true', 0.6, (t) => [...t.cmd, 'run', '--rm', '--network', 'none', opts.image, 'true']);
    // Each tool's default network: the helper (pasta or slirp4netns) counts in the time.
    side('run --rm true (default network)', 0.7, (t) => [...t.cmd, 'run', '--rm', opts.image, 'true']);

    for (const t of [bx, pd]) for (let i = 0; i < opts.containers; i++) must([...t.cmd, 'create', '--network', 'none', '--name', `bench-ps-${i}`, opts.image, 'true']);
    side(`ps -a (${opts.containers} containers)`, 0.5, (t) => [...t.cmd, 'ps', '-a']);
    for (const t of [bx, pd]) must([...t.cmd, 'rm', '-f', '--all']);

    for (const t of [bx, pd]) must([...t.cmd, 'run', '-d', '--network', 'none', '--name', 'bench-exec', opts.image, 'sleep', '1000']);
    side('exec CTR true', 0.7, (t) => [...t.cmd, 'exec', 'bench-exec', 'true']);
    for (const t of [bx, pd]) must([...t.cmd, 'rm', '-f', '--all']);

    for (const t of [bx, pd]) for (let i = 0; i < opts.running; i++) must([...t.cmd, 'run', '-d', '--network', 'none', '--name', `bench-mem-${i}`, opts.image, 'sleep', '1000']);
    const perContainer = (t: Tool) => {
      const { kib, count } = helperRss(t.helper, t.store);
      if (count !== opts.running) throw new Error(`expected ${opts.running} ${t.helper} processes for ${t.store}, found ${count}`);
      return kib / count;
    };
    results.push({ name: `helper RSS per container (${opts.running} running)`, unit: 'KiB', boxctl: perContainer(bx), podman: perContainer(pd), target: 0.5 });
  } finally {
    cleanup(bx, pd, work);
  }
  return results;
}

function cleanup(bx: Tool, pd: Tool, work: string): void {
  const quiet = (argv: Argv) => spawnSync(argv[0]!, argv.slice(1), { env: env(), stdio: 'ignore' });
  quiet([...bx.cmd, 'rm', '-f', '--all']);
  quiet([...pd.cmd, 'rm', '-f', '--all', '-t', '0']);
  // Podman keeps its store's overlay mounted in its pause process's mount namespace,
  // which `podman unshare` joins; both stores hold files of subordinate ids.
  quiet([pd.cmd[0]!, 'unshare', 'sh', '-c', 'umount -R "$1" 2>/dev/null; rm -rf "$2"', 'sh', join(pd.store, 'root', 'overlay'), pd.store]);
  quiet([...bx.cmd, 'unshare', 'rm', '-rf', work]);
}

export function formatBench(b: ContainerBench): string {
  const v = (x: number) => (b.unit === 'ms' ? x.toFixed(1) : x.toFixed(0));
  return `${b.name}: boxctl ${v(b.boxctl)} ${b.unit}, podman ${v(b.podman)} ${b.unit}, ratio ${(b.boxctl / b.podman).toFixed(2)} (target ${b.target})`;
}

/** Runs and prints the container benchmarks, or says why they cannot run here. */
export function runContainerBenches(cli: string): ContainerBench[] {
  const registry = process.env.BENCH_REGISTRY ?? '127.0.0.1:5000';
  const image = process.env.BENCH_IMAGE ?? `${registry}/boxctl/busybox`;
  const podman = spawnSync('sh', ['-c', 'command -v podman'], { encoding: 'utf8' }).stdout.trim();
  const skip = (why: string) => {
    console.log(`(container benchmarks skipped: ${why})`);
    return [];
  };
  if (process.getuid?.() === 0) return skip("they compare rootless tools: run as an unprivileged user, e.g. 'runuser -u boxtest -- npm run bench'");
  if (!podman) return skip('podman is not installed');
  const [host, ...rest] = image.split('/');
  const manifest = `http://${host}/v2/${rest.join('/').replace(/:([^/]+)$/, '')}/manifests/${/:([^/]+)$/.exec(rest.join('/'))?.[1] ?? 'latest'}`;
  const reachable = spawnSync('curl', ['-sf', '-o', '/dev/null', manifest, '-H', 'Accept: application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json']).status === 0;
  if (!reachable) return skip(`no image ${image} (test/host/setup.sh puts it there)`);
  const runs = Number(process.env.BENCH_RUNS ?? 20);
  const results = containerBenches({ cli, podman, image, runs, containers: 50, running: 10 });
  console.log(`containers: medians of ${runs} runs each, boxctl and rootless podman (runc, overlay) taking turns`);
  // Node reads that bundle at every start, before any of boxctl's code runs: a cost Podman does not pay.
  if (process.env.NODE_EXTRA_CA_CERTS) console.log(`(NODE_EXTRA_CA_CERTS is set: every node start, boxctl's included, parses ${process.env.NODE_EXTRA_CA_CERTS} first)`);
  for (const b of results) console.log(formatBench(b));
  return results;
}
