// `boxctl ui` on a terminal: the dashboard on the alternate screen, so that leaving it
// (q, ^C, a signal) gives back the screen exactly as it was; an exec shell leaves Ink
// and the alternate screen for the time of the shell, then the dashboard comes back as
// it was left. Only the ui command imports this module (it brings Ink and React).
import { spawnSync } from 'node:child_process';
import { render, type Instance } from 'ink';

import { engineAt } from '../../../engine/container/lifecycle.js';
import { themeFor } from '../theme.js';
import { Dashboard } from './components/dashboard.js';
import { EngineIO } from './io.js';
import { initialState, update, type DashState } from './model.js';
import { dashTheme } from './theme.js';

const ENTER = '\x1b[?1049h\x1b[?25l\x1b[H';
const LEAVE = '\x1b[?25h\x1b[?1049l';

export interface DashboardOptions {
  root: string;
  runroot: string;
  color: boolean;
  refreshMs: number;
  /** How to run boxctl again (node and the script), for the exec shell. */
  self: readonly string[];
}

export function runDashboard(opts: DashboardOptions): Promise<number> {
  const stdout = process.stdout;
  const e = engineAt(opts.root, opts.runroot);
  const theme = dashTheme(opts.color);
  const pullTheme = themeFor(opts.color);
  let ink: Instance | undefined;
  let state: DashState;

  return new Promise<number>((resolve) => {
    const size = () => ({ cols: stdout.columns || 80, rows: stdout.rows || 24 });
    const mount = () => {
      stdout.write(ENTER);
      ink = render(<Dashboard io={io} initial={state} theme={theme} pullTheme={pullTheme} refreshMs={opts.refreshMs} onState={(s) => (state = s)} />, {
        stdout,
        exitOnCtrlC: false,
        patchConsole: false,
        // Not incrementalRendering: Ink 6.8's moves the cursor one line short when the
        // frame ends in a newline, and writes every frame a line too low. Each frame is
        // one write inside a synchronized update, and only frames that changed are written.
      });
    };
    const unmount = () => {
      ink?.unmount();
      ink = undefined;
      stdout.write(LEAVE);
    };
    const quit = () => {
      process.off('SIGTERM', quit);
      process.off('SIGHUP', quit);
      unmount();
      resolve(0);
    };
    const io = new EngineIO(e, {
      quit,
      exec(name) {
        unmount();
        const r = spawnSync(opts.self[0]!, [...opts.self.slice(1), '--root', opts.root, '--runroot', opts.runroot, 'exec', '-it', name, '/bin/sh'], { stdio: 'inherit' });
        const text = r.error ? `exec in ${name} failed: ${r.error.message}` : `the shell in ${name} exited (${r.status ?? r.signal})`;
        state = update({ ...state, size: size() }, { type: 'message', text, tone: r.status === 0 ? 'done' : 'error' }).state;
        state = update(state, { type: 'snapshot', snapshot: io.snapshot() }).state;
        mount();
      },
    });
    state = initialState(io.snapshot(), size());
    process.on('SIGTERM', quit);
    process.on('SIGHUP', quit);
    mount();
  });
}
