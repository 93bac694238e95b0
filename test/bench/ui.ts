// `boxctl ui` start-up: time from the command to its first full frame with 20 containers
// running (target under 300 ms). The dashboard runs under script(1) for a terminal; the
// frame is full once its last row and the status line are on screen.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const COUNT = 20;

function firstFrameMs(argv: readonly string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    // A terminal tall enough for all the rows.
    const command = `stty rows 40 cols 120; exec ${argv.map((a) => `'${a}'`).join(' ')}`;
    const child = spawn('script', ['-qfec', command, '/dev/null'], { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, TERM: 'xterm' } });
    let seen = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      if (seen === '\0') return;
      seen += d;
      if (seen.includes(`bench-ui-${String(COUNT - 1).padStart(2, '0')} `) && /Enter logs/.test(seen)) {
        const ms = Number(process.hrtime.bigint() - t0) / 1e6;
        seen = '\0';
        child.stdin.write('q');
        resolve(ms);
      }
    });
    child.on('exit', () => {
      clearTimeout(timer);
      if (seen !== '\0') reject(new Error(`boxctl ui never drew a full frame:\n${seen.slice(-2000)}`));
    });
  });
}

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
    await firstFrameMs([...bx, 'ui']);
    const times: number[] = [];
    for (let i = 0; i < 5; i++) times.push(await firstFrameMs([...bx, 'ui']));
    times.sort((a, b) => a - b);
    console.log(`boxctl ui first frame, ${COUNT} containers: ${times[2]!.toFixed(1)} ms median of 5 (target 300)`);
  } finally {
    spawnSync(bx[0]!, [...bx.slice(1), 'rm', '-f', '--all'], { stdio: 'ignore' });
    spawnSync(bx[0]!, [...bx.slice(1), 'unshare', 'rm', '-rf', dir], { stdio: 'ignore' });
  }
}
