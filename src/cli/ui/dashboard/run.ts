// `boxctl ui` on a terminal: the dashboard on the alternate screen, so that leaving it
// (q, ^C, a signal) gives back the screen exactly as it was; an exec shell leaves Ink
// and the alternate screen for the time of the shell, then the dashboard comes back as
// it was left.
//
// The first frame is painted from a quick read of the containers before Ink is even
// loaded (paint.ts); Ink then mounts with the same state, so its first frame is that
// same text, and from there on it draws every change and reads the keys. Keys typed in
// between wait in the terminal (raw mode is on from the start, so they do not echo).
import { spawnSync } from 'node:child_process';
import type { Instance } from 'ink';

import { engineAt } from '../../../engine/container/lifecycle.js';
import { themeFor } from '../theme.js';
import { EngineIO } from './io.js';
import { importWithoutFetch } from './load.js';
import { initialState, update, type DashState } from './model.js';
import { paintScreen } from './paint.js';
import { drawScreen } from './screens/frame.js';
import { dashTheme } from './theme.js';

const ENTER = '\x1b[?1049h\x1b[?25l\x1b[H';
const LEAVE = '\x1b[?25h\x1b[?1049l';
const HOME = '\x1b[H';
const CLEAR = '\x1b[H\x1b[2J';
/** Signals that end the dashboard as q does (in raw mode ^C is a key, not SIGINT). */
const SIGNALS = ['SIGTERM', 'SIGHUP', 'SIGINT'] as const;

export interface DashboardOptions {
  root: string;
  runroot: string;
  color: boolean;
  refreshMs: number;
  /** How to run boxctl again (node and the script), for the exec shell. */
  self: readonly string[];
}

type Mount = typeof import('./mount.js').mountDashboard;

export async function runDashboard(opts: DashboardOptions): Promise<number> {
  const { stdout, stdin } = process;
  const e = engineAt(opts.root, opts.runroot);
  const theme = dashTheme(opts.color);
  const pullTheme = themeFor(opts.color);
  const size = () => ({ cols: stdout.columns || 80, rows: stdout.rows || 24 });
  let mountDashboard: Mount | undefined;
  let ink: Instance | undefined;
  let state: DashState;
  let quitting = false;
  let finish: (code: number) => void = () => undefined;

  const mount = () => {
    ink = mountDashboard?.({ io, initial: state, theme, pullTheme, refreshMs: opts.refreshMs, onState: (s) => (state = s) }, stdout);
  };
  const unmount = () => {
    ink?.unmount();
    ink = undefined;
    if (stdin.isTTY) stdin.setRawMode(false);
    stdout.write(LEAVE);
  };
  const quit = () => {
    if (quitting) return;
    quitting = true;
    // Not at once: Ink's signal-exit, called after this for the same signal, re-raises
    // it (and the process dies of it) when it finds no other listener left.
    setImmediate(() => {
      for (const sig of SIGNALS) process.off(sig, quit);
    });
    io.close();
    unmount();
    finish(0);
  };
  const io = new EngineIO(e, {
    quit,
    exec(name) {
      unmount();
      const r = spawnSync(opts.self[0]!, [...opts.self.slice(1), '--root', opts.root, '--runroot', opts.runroot, 'exec', '-it', name, '/bin/sh'], { stdio: 'inherit' });
      const text = r.error ? `exec in ${name} failed: ${r.error.message}` : `the shell in ${name} exited (${r.status ?? r.signal})`;
      state = update({ ...state, size: size() }, { type: 'message', text, tone: r.status === 0 ? 'done' : 'error' }).state;
      state = update(state, { type: 'snapshot', snapshot: io.snapshot() }).state;
      stdout.write(ENTER);
      mount();
    },
  });

  for (const sig of SIGNALS) process.on(sig, quit);
  stdout.write(ENTER);
  stdin.setRawMode(true);
  try {
    state = initialState(io.quickSnapshot(), size());
    const first = paintScreen(drawScreen(state, Date.now()), theme);
    if (first !== undefined) stdout.write(`${first}\n${HOME}`);
    [{ mountDashboard }] = await importWithoutFetch(() => Promise.all([import('./mount.js'), io.loadRest()]));
  } catch (err) {
    quit();
    throw err;
  }
  if (quitting) return 0;
  const now = size();
  if (now.cols !== state.size.cols || now.rows !== state.size.rows) {
    // Resized while Ink loaded: the painted frame has the old shape.
    state = update(state, { type: 'resize', ...now }).state;
    stdout.write(CLEAR);
  }
  return new Promise<number>((resolve) => {
    finish = resolve;
    mount();
  });
}
