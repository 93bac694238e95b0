// What each style of a screen line looks like. Without colour (NO_COLOR, or not a
// terminal) no colour at all: only the selection and search matches stand out, in
// reverse video, and the selection also has its '>' marker.
import type { Style } from './screens/line.js';

export interface Look {
  color?: string;
  inverse?: boolean;
  bold?: boolean;
  dim?: boolean;
}

export type DashTheme = Partial<Record<Style, Look>>;

const PLAIN: DashTheme = { selected: { inverse: true }, match: { inverse: true } };

const COLOR: DashTheme = {
  title: { color: 'cyan', bold: true },
  header: { bold: true },
  selected: { inverse: true },
  running: { color: 'green' },
  paused: { color: 'yellow' },
  created: { color: 'blue' },
  exited: { color: 'gray' },
  bad: { color: 'red' },
  dim: { color: 'gray' },
  match: { color: 'black', inverse: true, bold: true },
  key: { color: 'cyan' },
  prompt: { color: 'yellow', bold: true },
  error: { color: 'red' },
  done: { color: 'green' },
  note: { color: 'yellow' },
};

export function dashTheme(color: boolean): DashTheme {
  return color ? COLOR : PLAIN;
}
