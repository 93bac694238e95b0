// Column widths for the list views: every column gets its minimum, then what is left
// goes to the columns in priority order up to what they want, then to the flexible
// ones, so that 80 columns show every column and a wide terminal shows more of each.
import { fit, type Line, type Style } from './line.js';

export interface Column {
  title: string;
  min: number;
  want: number;
  /** Lower goes first when space is shared out. */
  priority: number;
  align?: 'left' | 'right';
  /** Takes what is left once every column has what it wants. */
  flex?: boolean;
  /** Where a long value loses characters: an image reference keeps its end (the name and tag). */
  cut?: 'end' | 'start';
}

const GAP = 1;
/** The selection marker before each row. */
export const MARK = 2;

export function layout(columns: readonly Column[], width: number): number[] {
  const widths = columns.map((c) => c.min);
  let left = width - MARK - GAP * (columns.length - 1) - widths.reduce((a, b) => a + b, 0);
  const order = columns.map((c, i) => ({ c, i })).sort((a, b) => a.c.priority - b.c.priority);
  for (const { c, i } of order) {
    const more = Math.max(0, Math.min(left, c.want - widths[i]!));
    widths[i] = widths[i]! + more;
    left -= more;
  }
  const flex = columns.map((c, i) => (c.flex ? i : -1)).filter((i) => i >= 0);
  for (let k = 0; k < flex.length && left > 0; k++) {
    const share = Math.ceil(left / (flex.length - k));
    widths[flex[k]!]! += share;
    left -= share;
  }
  return widths;
}

export function headerLine(columns: readonly Column[], widths: readonly number[]): Line {
  const cells = columns.map((c, i) => fit(c.title, widths[i]!, c.align));
  return [{ text: `${' '.repeat(MARK)}${cells.join(' '.repeat(GAP))}`.trimEnd(), style: 'header' }];
}

export interface Cell {
  text: string;
  style?: Style;
}

export function rowLine(columns: readonly Column[], widths: readonly number[], cells: readonly Cell[], selected: boolean): Line {
  const line: Line = [{ text: selected ? '> ' : '  ', style: selected ? 'selected' : 'plain' }];
  cells.forEach((cell, i) => {
    if (i > 0) line.push({ text: ' '.repeat(GAP), ...(selected ? { style: 'selected' as const } : {}) });
    const column = columns[i]!;
    const width = widths[i]!;
    const text = column.cut === 'start' && cell.text.length > width ? fit(`~${cell.text.slice(cell.text.length - width + 1)}`, width) : fit(cell.text, width, column.align);
    line.push({ text: i === cells.length - 1 ? text.trimEnd() : text, style: selected ? 'selected' : (cell.style ?? 'plain') });
  });
  return line;
}

/** The rows of `count` that fit in `height`, keeping `cursor` in sight: the first row to show. */
export function windowStart(count: number, cursor: number, height: number): number {
  if (count <= height) return 0;
  return Math.max(0, Math.min(cursor - Math.floor(height / 2), count - height));
}
