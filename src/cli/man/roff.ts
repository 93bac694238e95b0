// Text into man(7) roff: escapes, and the few macros the pages use.

/** Escapes text for a roff text line: backslashes, hyphens (as \-: real minus signs), and a leading dot or quote. */
export function esc(text: string): string {
  const s = text
    .replace(/\\/g, '\\e')
    .replace(/-/g, '\\-')
    // groff reads its input as Latin-1: anything else by its code point.
    .replace(/[^\x00-\x7f]/gu, (c) => `\\[u${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}]`);
  return /^[.']/.test(s) ? `\\&${s}` : s;
}

/** A paragraph of running text; long text stays on one line, roff fills it. */
export function para(text: string): string {
  return `.PP\n${esc(text)}`;
}

export function section(title: string): string {
  return `.SH ${title}`;
}

/** A tagged paragraph: the tag in bold, the body indented. */
export function tagged(tag: string, body: string): string {
  return `.TP\n${tag}\n${esc(body)}`;
}

/** Literal lines (a command, a file's example), unfilled. */
export function literal(lines: readonly string[]): string {
  return ['.PP', '.RS 4', '.nf', ...lines.map(esc), '.fi', '.RE'].join('\n');
}

export function bold(text: string): string {
  return `\\fB${esc(text)}\\fR`;
}

export function italic(text: string): string {
  return `\\fI${esc(text)}\\fR`;
}
