// Values printed the way Go's fmt and encoding/json print them, for the --format
// templates (template.ts) and the JSON that Podman-compatible commands write.
//
// JavaScript has one object type where Go has two: a struct (fixed fields, printed
// "{a b}", an unknown field is an error) and a map (any key, printed "map[k:v]",
// a missing key is "<no value>"). Plain objects are structs; goMap() marks a map.

const maps = new WeakSet<object>();

/** Mark an object as a Go map (labels, annotations): any key may be asked for. */
export function goMap<T extends object>(value: T): T {
  maps.add(value);
  return value;
}

export function isGoMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && maps.has(value);
}

export function isStruct(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !maps.has(value);
}

/** Go's %v: "<no value>" for a missing map entry, "<nil>" for nil. */
export function goString(value: unknown, plus = false): string {
  if (value === undefined) return '<no value>';
  if (value === null) return '<nil>';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (typeof value === 'function') return '<func>';
  if (Array.isArray(value)) return `[${value.map((v) => goString(v, plus)).join(' ')}]`;
  const obj = value as Record<string, unknown>;
  if (maps.has(obj)) {
    return `map[${Object.keys(obj)
      .sort()
      .map((k) => `${k}:${goString(obj[k], plus)}`)
      .join(' ')}]`;
  }
  const fields = Object.keys(obj).filter((k) => typeof obj[k] !== 'function');
  return `{${fields.map((k) => (plus ? `${k}:` : '') + goString(obj[k], plus)).join(' ')}}`;
}

/** Go's name for the type of a value, as fmt shows it in "%!d(string=x)". */
export function goTypeName(value: unknown): string {
  if (value === undefined || value === null) return '<nil>';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float64';
  if (Array.isArray(value)) return '[]interface {}';
  return maps.has(value as object) ? 'map[string]interface {}' : 'struct';
}

/** strconv.Quote: printable runes kept, the rest escaped. */
export function goQuote(s: string): string {
  const named: Record<string, string> = {
    '\x07': '\\a',
    '\b': '\\b',
    '\f': '\\f',
    '\n': '\\n',
    '\r': '\\r',
    '\t': '\\t',
    '\v': '\\v',
    '"': '\\"',
    '\\': '\\\\',
  };
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (named[ch] !== undefined) out += named[ch];
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code >= 0x80 && code < 0xa0) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** strings.Title: the first letter of every word upper-cased. */
export function goTitle(s: string): string {
  let out = '';
  let prevLetter = false;
  for (const ch of s) {
    out += prevLetter ? ch : ch.toUpperCase();
    prevLetter = /[\p{L}\p{N}_']/u.test(ch);
  }
  return out;
}

function runeCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

function pad(text: string, width: number | undefined, left: boolean, zero: boolean): string {
  const fill = (width ?? 0) - runeCount(text);
  if (fill <= 0) return text;
  if (left) return text + ' '.repeat(fill);
  if (zero) {
    const sign = text.startsWith('-') || text.startsWith('+') ? text[0]! : '';
    return sign + '0'.repeat(fill) + text.slice(sign.length);
  }
  return ' '.repeat(fill) + text;
}

function bad(verb: string, arg: unknown): string {
  return `%!${verb}(${goTypeName(arg)}=${goString(arg)})`;
}

interface Spec {
  minus: boolean;
  plus: boolean;
  zero: boolean;
  width?: number;
  precision?: number;
}

function formatOne(verb: string, arg: unknown, spec: Spec): string {
  const num = typeof arg === 'number' ? arg : undefined;
  switch (verb) {
    case 'v':
      if (num !== undefined && spec.plus && num >= 0) return `+${goString(num)}`;
      return goString(arg, spec.plus);
    case 's':
      if (typeof arg === 'string') return spec.precision === undefined ? arg : [...arg].slice(0, spec.precision).join('');
      if (typeof arg === 'object' && arg !== null) return goString(arg);
      return bad(verb, arg);
    case 'q':
      return typeof arg === 'string' ? goQuote(arg) : bad(verb, arg);
    case 'd':
      if (num === undefined || !Number.isInteger(num)) return bad(verb, arg);
      return spec.plus && num >= 0 ? `+${num}` : String(num);
    case 'x':
    case 'X': {
      let out: string;
      if (typeof arg === 'string') out = Buffer.from(arg).toString('hex');
      else if (num !== undefined && Number.isInteger(num)) out = (num < 0 ? '-' : '') + Math.abs(num).toString(16);
      else return bad(verb, arg);
      return verb === 'X' ? out.toUpperCase() : out;
    }
    case 'f':
    case 'F':
      return num === undefined ? bad(verb, arg) : num.toFixed(spec.precision ?? 6);
    case 'e':
      return num === undefined ? bad(verb, arg) : num.toExponential(spec.precision ?? 6).replace(/e([+-])(\d)$/, 'e$10$2');
    case 'g':
      return num === undefined ? bad(verb, arg) : String(spec.precision === undefined ? num : Number(num.toPrecision(spec.precision)));
    case 't':
      return typeof arg === 'boolean' ? String(arg) : bad(verb, arg);
    case 'c':
      return num === undefined ? bad(verb, arg) : String.fromCodePoint(num);
    default:
      return `%!${verb}(${goTypeName(arg)}=${goString(arg)})`;
  }
}

/** fmt.Sprintf for the verbs templates use: %v %s %q %d %x %f %e %g %t %c, flags "-+0", width, precision. */
export function goSprintf(format: string, args: readonly unknown[]): string {
  let out = '';
  let next = 0;
  const re = /%([-+#0 ]*)(\d+)?(?:\.(\d*))?(.)?/gy;
  let i = 0;
  while (i < format.length) {
    const pct = format.indexOf('%', i);
    if (pct === -1) {
      out += format.slice(i);
      break;
    }
    out += format.slice(i, pct);
    re.lastIndex = pct;
    const m = re.exec(format)!;
    i = re.lastIndex;
    const [, flags = '', width, precision, verb] = m;
    if (verb === undefined) {
      out += '%!(NOVERB)';
      break;
    }
    if (verb === '%') {
      out += '%';
      continue;
    }
    if (next >= args.length) {
      out += `%!${verb}(MISSING)`;
      continue;
    }
    const spec: Spec = { minus: flags.includes('-'), plus: flags.includes('+'), zero: flags.includes('0') };
    if (width !== undefined) spec.width = Number(width);
    if (precision !== undefined) spec.precision = Number(precision || '0');
    const arg = args[next++];
    const text = formatOne(verb, arg, spec);
    out += pad(text, spec.width, spec.minus, spec.zero && typeof arg === 'number');
  }
  if (next < args.length) {
    out += `%!(EXTRA ${args
      .slice(next)
      .map((a) => `${goTypeName(a)}=${goString(a)}`)
      .join(', ')})`;
  }
  return out;
}

/** fmt.Sprint: operands side by side, a space between two when neither is a string. */
export function goSprint(args: readonly unknown[]): string {
  let out = '';
  args.forEach((a, i) => {
    if (i > 0 && typeof a !== 'string' && typeof args[i - 1] !== 'string') out += ' ';
    out += goString(a);
  });
  return out;
}

function sortedMaps(_key: string, value: unknown): unknown {
  if (!isGoMap(value)) return value;
  const sorted: Record<string, unknown> = {};
  for (const k of Object.keys(value).sort()) sorted[k] = value[k];
  return sorted;
}

/**
 * encoding/json: map keys sorted, struct fields in order. `html` escapes <, > and &
 * as json.Marshal does by default (Podman's --format json); the template's json
 * function turns that off, as Podman's does.
 */
export function goJson(value: unknown, options: { indent?: number; html?: boolean } = {}): string {
  const text = JSON.stringify(value === undefined ? null : value, sortedMaps, options.indent) ?? 'null';
  const escaped = text.replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  if (!options.html) return escaped;
  return escaped.replace(/[<>&]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`);
}
