// Ink's part of the dashboard: mounts the Dashboard component on the terminal. The only
// module of the dashboard that imports Ink's renderer; run.ts loads it after the first
// frame is on the screen.
import { render, type Instance } from 'ink';

import { Dashboard, type DashboardProps } from './components/dashboard.js';

export function mountDashboard(props: DashboardProps, stdout: NodeJS.WriteStream): Instance {
  return render(<Dashboard {...props} />, {
    stdout,
    exitOnCtrlC: false,
    patchConsole: false,
    // Not incrementalRendering: Ink 6.8's moves the cursor one line short when the
    // frame ends in a newline, and writes every frame a line too low. Each frame is
    // one write inside a synchronized update, and only frames that changed are written.
  });
}
