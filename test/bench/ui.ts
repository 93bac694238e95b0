// `boxctl ui` start-up: time from the command to its first full frame with 20 containers
// running (target under 300 ms), and to the first key it answers (the help screen for
// '?', sent as soon as the first frame is there). The dashboard runs under script(1)
// for a terminal; the frame is full once its last row and the status line are on screen.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const COUNT = 20;
const RUNS = 7;

interface Times {
  frame: number;
  key: number;
}

function startUp(argv: readonly string[]): Promise<Times> {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const ms = () => Number(process.hrtime.bigint() - t0) / 1e6;
    // A terminal tall enough for all the rows.
    const command = `stty rows 40 cols 120; exec ${argv.map((a) => `'${a}'`).join(' ')}`;
    const child = spawn('script', ['-qfec', command, '/dev/null'], { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, TERM: 'xterm' } });
    let seen = '';
    let frame: number | undefined;
    let done = false;
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      if (done) return;
      seen += d;
      if (frame === undefined && seen.includes(`bench-ui-${String(COUNT - 1).padStart(2, '0')} `) && /Enter logs/.test(seen)) {
        frame = ms();
        seen = '';
        child.stdin.write('?');
      } else if (frame !== undefined && /Everywhere/.test(seen)) {
        done = true;
        child.stdin.write('q');
        resolve({ frame, key: ms() });
      }
    });
    child.on('exit', () => {
      clearTimeout(timer);
      if (!done) reject(new Error(`boxctl ui never drew ${frame === undefined ? 'a full frame' : 'the help for ?'}:\n${seen.slice(-2000)}`));
    });
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function runUiBench(cli: string, registry = process.env.BENCH_REGISTRY ?? '127.0.0.1:5000'): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bx-ui-'));
  const bx = [process.execPath, cli, '--root', join(dir, 'r'), '--runroot', join(dir, 'u')];
  const image = `${registry}/boxctl/busybox`;
  try {
    if (spawnSync(bx[0]!, [...bx.slice(1), 'pull', '-q', image]).status !== 0) {
      console.log(`(ui benchmark skipped: cannot pull ${image})`);
      return;
    }
    for (let i = 0; i < COUNT; i++) {
      const r = spawnSync(bx[0]!, [...bx.slice(1), 'run', '-d', '--name', `bench-ui-${String(i).padStart(2, '0')}`, image, 'sleep', '600'], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`run failed: ${r.stderr}`);
    }
    await startUp([...bx, 'ui']);
    const times: Times[] = [];
    for (let i = 0; i < RUNS; i++) times.push(await startUp([...bx, 'ui']));
    const frame = median(times.map((t) => t.frame));
    const key = median(times.map((t) => t.key));
    console.log(`boxctl ui, ${COUNT} containers, medians of ${RUNS}: first full frame ${frame.toFixed(1)} ms (target 300), first key answered ${key.toFixed(1)} ms`);
  } finally {
    spawnSync(bx[0]!, [...bx.slice(1), 'rm', '-f', '--all'], { stdio: 'ignore' });
    spawnSync(bx[0]!, [...bx.slice(1), 'unshare', 'rm', '-rf', dir], { stdio: 'ignore' });
  }
}
