// The first frame as plain text with SGR escapes, drawn before Ink has loaded (Ink,
// React and the layout engine take longer to load than everything else the first frame
// needs). It writes the same lines the Frame component draws for the same state, each
// style as the theme says, so that Ink's first frame lands on identical text.
import type { Screen } from './screens/frame.js';
import type { Line } from './screens/line.js';
import type { DashTheme, Look } from './theme.js';

/** SGR foreground codes of the colour names the theme uses, as chalk writes them. */
const FOREGROUND: Record<string, number> = {
  black: 30,
  red: 31,
  green: 32,
  yellow: 33,
  blue: 34,
  magenta: 35,
  cyan: 36,
  white: 37,
  gray: 90,
  grey: 90,
};

function sgr(look: Look): string {
  const codes: number[] = [];
  if (look.bold) codes.push(1);
  if (look.dim) codes.push(2);
  if (look.inverse) codes.push(7);
  const fg = look.color === undefined ? undefined : FOREGROUND[look.color];
  if (fg !== undefined) codes.push(fg);
  return codes.length === 0 ? '' : `\x1b[${codes.join(';')}m`;
}

export function paintLine(line: Line, theme: DashTheme): string {
  return line
    .map((seg) => {
      const look = seg.style ? theme[seg.style] : undefined;
      const on = look ? sgr(look) : '';
      return on === '' ? seg.text : `${on}${seg.text}\x1b[0m`;
    })
    .join('');
}

/** The screen as the terminal shows it, a line each; undefined for the pull pane, which only Ink draws. */
export function paintScreen(screen: Screen, theme: DashTheme): string | undefined {
  if (!Array.isArray(screen.body)) return undefined;
  return [screen.title, ...screen.body, screen.status].map((line) => paintLine(line, theme)).join('\n');
}
