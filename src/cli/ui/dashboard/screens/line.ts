// A screen line as styled pieces of text. Screens build lines; the Frame component
// draws them, and the theme decides what each style looks like (or, without colour,
// that only the selection and search matches stand out, in reverse video).

export type Style =
  | 'plain'
  | 'title'
  | 'header'
  | 'selected'
  | 'running'
  | 'paused'
  | 'exited'
  | 'created'
  | 'bad'
  | 'dim'
  | 'match'
  | 'key'
  | 'prompt'
  | 'error'
  | 'done'
  | 'note';

export interface Seg {
  text: string;
  style?: Style;
}

export type Line = Seg[];

export const plain = (text: string): Line => [{ text }];

export function lineText(line: Line): string {
  return line.map((s) => s.text).join('');
}

/** Exactly `width` characters: cut with an ellipsis, or padded with blanks. */
export function fit(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  if (width <= 0) return '';
  if (text.length > width) return width === 1 ? text.slice(0, 1) : `${text.slice(0, width - 1)}~`;
  return align === 'left' ? text.padEnd(width) : text.padStart(width);
}

/** Cuts a line to `width` characters, keeping its styles. */
export function clip(line: Line, width: number): Line {
  const out: Line = [];
  let left = width;
  for (const seg of line) {
    if (left <= 0) break;
    const text = seg.text.length > left ? seg.text.slice(0, left) : seg.text;
    out.push({ ...seg, text });
    left -= text.length;
  }
  return out;
}

/** `left` and `right` on one line of `width`, `right` at the end; `left` is cut when both do not fit. */
export function spread(left: Line, right: Line, width: number): Line {
  const r = lineText(right).length;
  if (r + 1 > width) return clip(left, width);
  const cut = clip(left, width - r - 1);
  return [...cut, { text: ' '.repeat(width - lineText(cut).length - r) }, ...right];
}
