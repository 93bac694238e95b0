// Pull progress on a terminal: the engine's events folded into the pull state as they
// come, drawn by Ink ten times a second (a download sends an event per chunk, far more
// often than anyone can read). Only `boxctl pull` on a TTY imports this module, since it
// brings Ink and React (DESIGN.md, "The user's surface").
import { render } from 'ink';

import type { PullEvent } from '../../engine/image/pull.js';
import { PullProgress } from './components/pull-progress.js';
import { initialPull, pullView, reducePull } from './pull-model.js';
import { pullScreen } from './pull-screen.js';
import { themeFor } from './theme.js';

const FRAME_MS = 100;

export interface PullProgressView {
  onEvent(event: PullEvent): void;
  /**
   * Draws the last frame, with footer as its last line, and gives the terminal back.
   * Call it whether the pull worked or not. The footer is drawn, not printed after, since
   * Ink ends its output with a newline: an empty live area would leave a blank line.
   */
  close(footer?: string): Promise<void>;
}

export function showPullProgress(out: NodeJS.WriteStream, opts: { color: boolean }): PullProgressView {
  const theme = themeFor(opts.color);
  let state = initialPull;
  const frame = (footer?: string) => (
    <PullProgress screen={pullScreen(pullView(state, Date.now()), out.columns || 80, out.rows || 24, footer)} theme={theme} />
  );
  const ink = render(frame(), { stdout: out, patchConsole: false });
  const timer = setInterval(() => ink.rerender(frame()), FRAME_MS);
  // The pull's own work keeps the process alive; the redraws must not.
  timer.unref();
  return {
    onEvent(event) {
      state = reducePull(state, { at: Date.now(), event });
    },
    async close(footer) {
      clearInterval(timer);
      ink.rerender(frame(footer));
      ink.unmount();
      await ink.waitUntilExit();
    },
  };
}
