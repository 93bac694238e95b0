// Go's text/tabwriter, which Podman pipes its tables through (minwidth 12, padding 2,
// padded with spaces). A cell is text ended by a tab; the text after a line's last tab
// is not part of any column. A column is a run of consecutive lines that have a cell
// in it, each as wide as its widest cell plus the padding, and never under minwidth;
// so a line with fewer cells starts a new block of columns below it, as in Go.

export interface TabOptions {
  minWidth: number;
  padding: number;
}

export const PODMAN_TABLE: TabOptions = { minWidth: 12, padding: 2 };

function width(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

export function tabwrite(text: string, options: TabOptions = PODMAN_TABLE): string {
  const lines = text.split('\n').map((line) => line.split('\t'));
  const widths: number[] = [];
  const out: string[] = [];

  const writeLines = (from: number, to: number): void => {
    for (let i = from; i < to; i++) {
      const cells = lines[i]!;
      out.push(cells.map((c, j) => (j < widths.length ? c + ' '.repeat(widths[j]! - width(c)) : c)).join(''));
    }
  };

  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    for (let row = line0; row < line1; row++) {
      if (column >= lines[row]!.length - 1) continue;
      writeLines(line0, row);
      line0 = row;
      let w = options.minWidth;
      for (; row < line1; row++) {
        const cells = lines[row]!;
        if (column >= cells.length - 1) break;
        w = Math.max(w, width(cells[column]!) + options.padding);
      }
      widths.push(w);
      format(line0, row);
      widths.pop();
      line0 = row;
    }
    writeLines(line0, line1);
  };

  format(0, lines.length);
  return out.join('\n');
}
