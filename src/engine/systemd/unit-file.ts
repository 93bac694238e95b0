// systemd's unit file syntax (systemd.syntax(7), systemd.service(5) "Command lines"):
// sections, repeated keys, line continuations and comments; and the words of Exec
// lines with their quoting, % specifiers and $ variables. Written by hand: no package
// in node_modules parses unit files, and the subset boxctl needs is small.
import { UserError } from '../../errors.js';

export interface UnitEntry {
  key: string;
  /** The value as systemd reads it: trimmed, continuations joined by one space. */
  value: string;
  /** 1-based line of the key in the file it came from (0 for entries made in code). */
  line: number;
}

export interface UnitSection {
  name: string;
  line: number;
  entries: UnitEntry[];
}

export interface UnitFile {
  sections: UnitSection[];
}

/** A syntax error, or a key a reader does not know, with the file and line it is at. */
export class UnitFileError extends UserError {
  constructor(
    readonly file: string,
    readonly line: number,
    detail: string,
  ) {
    super(`${file}:${line}: ${detail}`);
  }
}

const SECTION = /^\[([^[\]]+)\]$/;
const KEY = /^[A-Za-z0-9_-]+$/;

const isComment = (line: string): boolean => line.startsWith('#') || line.startsWith(';');

/**
 * Reads unit file text. `file` names it in errors. A line ending in a backslash goes
 * on with the next one (comment lines in between are skipped, as systemd does); the
 * backslash and the next line's indentation become one space.
 */
export function parseUnit(text: string, file: string): UnitFile {
  const lines = text.split('\n');
  const sections: UnitSection[] = [];
  let current: UnitSection | undefined;
  for (let i = 0; i < lines.length; i++) {
    const start = i + 1;
    let line = lines[i]!.replace(/\r$/, '').trim();
    if (line === '' || isComment(line)) continue;
    while (line.endsWith('\\') && i + 1 < lines.length) {
      const next = lines[++i]!.replace(/\r$/, '').trim();
      if (isComment(next)) continue;
      line = `${line.slice(0, -1).trimEnd()} ${next}`;
    }
    if (line.endsWith('\\')) line = line.slice(0, -1).trimEnd();
    const header = SECTION.exec(line);
    if (header) {
      current = { name: header[1]!, line: start, entries: [] };
      sections.push(current);
      continue;
    }
    if (line.startsWith('[')) throw new UnitFileError(file, start, `malformed section header '${line}'`);
    const eq = line.indexOf('=');
    if (eq < 0) throw new UnitFileError(file, start, `expected KEY=VALUE or [Section], got '${line}'`);
    const key = line.slice(0, eq).trim();
    if (!KEY.test(key)) throw new UnitFileError(file, start, `invalid key name '${key}'`);
    if (!current) throw new UnitFileError(file, start, `key ${key} is outside any section: put it under a [Section] header`);
    current.entries.push({ key, value: line.slice(eq + 1).trim(), line: start });
  }
  return { sections };
}

/** Where long Exec lines break: before each word that is an option, as Podman lays them out. */
const WRAP_AT = 80;

function wrapExec(key: string, value: string): string {
  if (!key.startsWith('Exec') || key.length + value.length < WRAP_AT) return `${key}=${value}`;
  const words = rawWords(value);
  const lines: string[] = [];
  let line = '';
  for (const [i, w] of words.entries()) {
    if (i > 1 && w.startsWith('-') && line !== '') {
      lines.push(line);
      line = w;
    } else {
      line = line === '' ? w : `${line} ${w}`;
    }
  }
  lines.push(line);
  return `${key}=${lines.join(' \\\n\t')}`;
}

/** Unit file text: `header` lines first (each prefixed with '# '), one blank line between sections. */
export function serializeUnit(unit: UnitFile, header: readonly string[] = []): string {
  const parts: string[] = [];
  if (header.length > 0) parts.push(header.map((h) => `# ${h}`).join('\n'));
  for (const s of unit.sections) {
    parts.push([`[${s.name}]`, ...s.entries.map((e) => wrapExec(e.key, e.value))].join('\n'));
  }
  return `${parts.join('\n\n')}\n`;
}

/** Every value of KEY in SECTION, in order; an empty assignment resets the list, as systemd does. */
export function values(unit: UnitFile, sectionName: string, key: string): UnitEntry[] {
  const out: UnitEntry[] = [];
  for (const s of unit.sections) {
    if (s.name !== sectionName) continue;
    for (const e of s.entries) {
      if (e.key !== key) continue;
      if (e.value === '') out.length = 0;
      else out.push(e);
    }
  }
  return out;
}

/** The last value of KEY in SECTION: what systemd takes for a key that holds one value. */
export function lastValue(unit: UnitFile, sectionName: string, key: string): UnitEntry | undefined {
  let found: UnitEntry | undefined;
  for (const s of unit.sections) {
    if (s.name !== sectionName) continue;
    for (const e of s.entries) if (e.key === key) found = e;
  }
  return found;
}

// ---- Words of command lines ----

/**
 * The words of a value as they are written (quotes and escapes kept), split at
 * whitespace outside quotes: where a long line may break.
 */
function rawWords(value: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < value.length) {
    while (i < value.length && /\s/.test(value[i]!)) i++;
    if (i >= value.length) break;
    const start = i;
    let quote: string | undefined;
    while (i < value.length && (quote !== undefined || !/\s/.test(value[i]!))) {
      const c = value[i]!;
      if (c === '\\') i++;
      else if (quote === undefined && (c === '"' || c === "'")) quote = c;
      else if (c === quote) quote = undefined;
      i++;
    }
    out.push(value.slice(start, i));
  }
  return out;
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  s: ' ',
  '\\': '\\',
  '"': '"',
  "'": "'",
};

/** One C escape at value[i] (just after the backslash): the text and how many characters it took. */
function unescapeAt(value: string, i: number, where: string): [string, number] {
  const c = value[i];
  if (c === undefined) throw new UserError(`${where}: a backslash ends the line`);
  const simple = SIMPLE_ESCAPES[c];
  if (simple !== undefined) return [simple, 1];
  const hex = /^x([0-9a-fA-F]{2})/.exec(value.slice(i));
  if (hex) return [String.fromCharCode(parseInt(hex[1]!, 16)), 3];
  const uni = /^u([0-9a-fA-F]{4})|^U([0-9a-fA-F]{8})/.exec(value.slice(i));
  if (uni) return [String.fromCodePoint(parseInt(uni[1] ?? uni[2]!, 16)), uni[0].length];
  const oct = /^[0-7]{3}/.exec(value.slice(i));
  if (oct) return [String.fromCharCode(parseInt(oct[0], 8)), 3];
  // systemd keeps an unknown escape (\; and the like) as the character itself.
  return [c, 1];
}

/**
 * The words of a command line or of an Environment= value, as systemd splits them:
 * whitespace separates, double and single quotes group, C escapes are decoded. %
 * specifiers and $ variables are left as they are. `where` names the value in errors.
 */
export function splitWords(value: string, where = 'value'): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < value.length) {
    while (i < value.length && /\s/.test(value[i]!)) i++;
    if (i >= value.length) break;
    let word = '';
    let quote: string | undefined;
    while (i < value.length && (quote !== undefined || !/\s/.test(value[i]!))) {
      const c = value[i]!;
      if (c === '\\') {
        const [text, used] = unescapeAt(value, i + 1, where);
        word += text;
        i += 1 + used;
        continue;
      }
      if (quote === undefined && (c === '"' || c === "'")) quote = c;
      else if (c === quote) quote = undefined;
      else word += c;
      i++;
    }
    if (quote !== undefined) throw new UserError(`${where}: unbalanced ${quote} quote`);
    out.push(word);
  }
  return out;
}

const BARE = /^[A-Za-z0-9_@%+=:,./$-]+$/;

/**
 * A word in command line syntax that splitWords reads back as `word`. % and $ are
 * left alone: they are systemd's to expand (use literalWord for text that must stay as it is).
 */
export function quoteWord(word: string): string {
  if (BARE.test(word) && word !== ';') return word;
  let out = '"';
  for (const ch of word) {
    const code = ch.codePointAt(0)!;
    if (ch === '\\' || ch === '"') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** Text that systemd's specifier and variable expansion turn back into itself. */
export function escapeExpansions(text: string): string {
  return text.replaceAll('%', '%%').replaceAll('$', '$$$$');
}

/** A literal argument: systemd hands the program exactly `word`. */
export function literalWord(word: string): string {
  return quoteWord(escapeExpansions(word));
}

/** An Exec value from words already in command line syntax. */
export function execValue(words: readonly string[]): string {
  return words.join(' ');
}

// ---- Expansion, as systemd does it when it runs a command ----

/**
 * `%x` specifiers replaced from `table` (a unit's %n, %N, %t, %h...), `%%` as `%`. An
 * unknown specifier is an error, as systemd refuses the line.
 */
export function expandSpecifiers(value: string, table: Readonly<Record<string, string>>, where = 'value'): string {
  return value.replace(/%(.?)/g, (_, c: string) => {
    if (c === '%') return '%';
    const v = table[c];
    if (v === undefined) throw new UserError(`${where}: unknown specifier %${c}`);
    return v;
  });
}

/** Variables of one word: ${NAME} anywhere, $$ as $. */
function expandBraced(word: string, env: Readonly<Record<string, string | undefined>>): string {
  return word.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (m, name: string | undefined) => (name === undefined ? '$' : (env[name] ?? '')));
}

export interface ExecCommand {
  argv: string[];
  /** The '-' prefix: a failing exit does not fail the unit. */
  ignoreFailure: boolean;
}

/**
 * What systemd runs for an Exec line: specifiers first, then words, then variables
 * ($NAME alone as a word splits into the words of its value, ${NAME} stays one).
 */
export function resolveExec(value: string, specifiers: Readonly<Record<string, string>>, env: Readonly<Record<string, string | undefined>>): ExecCommand {
  const words = splitWords(expandSpecifiers(value, specifiers, 'Exec line'), 'Exec line');
  let ignoreFailure = false;
  if (words.length > 0) {
    const prefix = /^[-@:+!]+/.exec(words[0]!)?.[0] ?? '';
    ignoreFailure = prefix.includes('-');
    words[0] = words[0]!.slice(prefix.length);
  }
  const argv: string[] = [];
  for (const w of words) {
    const whole = /^\$([A-Za-z_][A-Za-z0-9_]*)$/.exec(w);
    if (whole) argv.push(...(env[whole[1]!] ?? '').split(/\s+/).filter((x) => x !== ''));
    else argv.push(expandBraced(w, env));
  }
  return { argv, ignoreFailure };
}
