// --format templates as Podman takes them: Go text/template (fields, pipelines,
// if/else/range/with, variables, and Go's and Podman's functions) with Podman's
// handling around it (containers/common pkg/report):
// - `\t` and `\n` typed in the format are a tab and a newline; a newline is added at
//   the end when there is none;
// - the template is applied to each row (unless it has its own `{{range .}}`);
// - `table ...` puts the output through Go's tabwriter (tabwriter.ts), spaces in the
//   format's text become column breaks, and a header row is the same template
//   applied to the column titles.
// A template is compiled once, fields of the row checked against the fields the
// caller says it has, and rendered over any number of rows.
import { goJson, goSprint, goSprintf, goString, goTitle, goTypeName, isGoMap, isStruct } from './gofmt.js';
import { type Arg, type Node, type Pipe, parseTemplate, templateError } from './template-parse.js';
import { tabwrite } from './tabwriter.js';

type Fn = (...args: unknown[]) => unknown;

function truth(v: unknown): boolean {
  if (v === undefined || v === null || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (isGoMap(v)) return Object.keys(v).length > 0;
  return true;
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : goString(v);
}

function int(v: unknown, fn: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v)) throw templateError(`${fn}: expected an integer, got ${goTypeName(v)}`);
  return v;
}

function basic(v: unknown, fn: string): string | number | boolean | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  throw templateError(`${fn}: cannot compare values of type ${goTypeName(v)}`);
}

function order(fn: string, test: (c: number) => boolean): Fn {
  return (a, b) => {
    const x = basic(a, fn);
    const y = basic(b, fn);
    if (typeof x !== typeof y || (typeof x !== 'number' && typeof x !== 'string')) {
      throw templateError(`${fn}: cannot compare ${goTypeName(a)} with ${goTypeName(b)}`);
    }
    return test(x! < y! ? -1 : x! > y! ? 1 : 0);
  };
}

function index(item: unknown, ...keys: unknown[]): unknown {
  let v = item;
  for (const key of keys) {
    if (Array.isArray(v) || typeof v === 'string') {
      const i = int(key, 'index');
      if (i < 0 || i >= v.length) throw templateError(`index: index ${i} out of range for length ${v.length}`);
      v = v[i];
    } else if (isGoMap(v) || isStruct(v)) {
      const k = str(key);
      // A missing key is the map's zero value: "" for the string maps (labels) shown here.
      const zero = Object.values(v).every((x) => typeof x === 'string') ? '' : undefined;
      v = Object.hasOwn(v, k) ? v[k] : zero;
    } else {
      throw templateError(`index: cannot index into a value of type ${goTypeName(v)}`);
    }
  }
  return v;
}

const FUNCS: Record<string, Fn> = {
  and: (...a) => a.find((x) => !truth(x)) ?? a[a.length - 1],
  or: (...a) => a.find((x) => truth(x)) ?? a[a.length - 1],
  not: (a) => !truth(a),
  len: (a) => {
    if (typeof a === 'string') return Buffer.byteLength(a);
    if (Array.isArray(a)) return a.length;
    if (isGoMap(a)) return Object.keys(a).length;
    throw templateError(`len: a value of type ${goTypeName(a)} has no length`);
  },
  index,
  slice: (a, ...ix) => {
    if (typeof a !== 'string' && !Array.isArray(a)) throw templateError(`slice: cannot slice ${goTypeName(a)}`);
    const [from = 0, to = a.length] = ix.map((x) => int(x, 'slice'));
    if (from < 0 || to > a.length || from > to) throw templateError(`slice: indexes [${from}:${to}] out of range`);
    return a.slice(from, to);
  },
  print: (...a) => goSprint(a),
  printf: (f, ...a) => goSprintf(str(f), a),
  println: (...a) => `${a.map((x) => goString(x)).join(' ')}\n`,
  eq: (a, ...bs) => bs.some((b) => basic(a, 'eq') === basic(b, 'eq')),
  ne: (a, b) => basic(a, 'ne') !== basic(b, 'ne'),
  lt: order('lt', (c) => c < 0),
  le: order('le', (c) => c <= 0),
  gt: order('gt', (c) => c > 0),
  ge: order('ge', (c) => c >= 0),
  // Podman's own (containers/common pkg/report DefaultFuncs).
  join: (list, sep) => (Array.isArray(list) ? list.map(str).join(str(sep)) : str(list)),
  json: (v) => goJson(v),
  lower: (s) => str(s).toLowerCase(),
  upper: (s) => str(s).toUpperCase(),
  title: (s) => goTitle(str(s)),
  split: (s, sep) => str(s).split(str(sep)),
  pad: (s, before, after) => (str(s) === '' ? '' : ' '.repeat(int(before, 'pad')) + str(s) + ' '.repeat(int(after, 'pad'))),
  truncate: (s, n) => str(s).slice(0, int(n, 'truncate')),
};

const FUNC_NAMES: ReadonlySet<string> = new Set(Object.keys(FUNCS));

const BREAK = Symbol('break');
const CONTINUE = Symbol('continue');
const NONE = Symbol('none');

/** The fields of an object a template may name: its own properties, hidden ones too, but no methods. */
export function templateFields(obj: object): string[] {
  return Object.getOwnPropertyNames(obj).filter((k) => typeof (obj as Record<string, unknown>)[k] !== 'function');
}

function fieldPath(names: readonly string[]): string {
  return `.${names.join('.')}`;
}

function unknownField(path: string, valid: readonly string[]): Error {
  const list = valid.length > 0 ? valid.map((f) => `.${f}`).join(', ') : 'none';
  return templateError(`unknown field ${path} (valid fields: ${list})`);
}

/** One run of a template over one value. */
class Run {
  out = '';
  private vars: { name: string; value: unknown }[];

  constructor(
    root: unknown,
    /** Set for the header row: every field is its column title. */
    private readonly header: ((names: readonly string[]) => string) | undefined,
  ) {
    this.vars = [{ name: '$', value: root }];
  }

  list(nodes: readonly Node[], dot: unknown): void {
    const mark = this.vars.length;
    for (const n of nodes) this.node(n, dot);
    this.vars.length = mark;
  }

  private node(n: Node, dot: unknown): void {
    switch (n.kind) {
      case 'text':
        this.out += n.text;
        return;
      case 'action': {
        const v = this.pipe(n.pipe, dot);
        if (n.pipe.decl.length === 0) this.out += goString(v);
        return;
      }
      case 'break':
        throw BREAK;
      case 'continue':
        throw CONTINUE;
      case 'range':
        this.range(n.pipe, n.list, n.elseList, dot);
        return;
      default: {
        const mark = this.vars.length;
        const v = this.pipe(n.pipe, dot);
        if (truth(v)) this.list(n.list, n.kind === 'with' ? v : dot);
        else if (n.elseList) this.list(n.elseList, dot);
        this.vars.length = mark;
      }
    }
  }

  private range(pipe: Pipe, body: readonly Node[], elseList: readonly Node[] | undefined, dot: unknown): void {
    const mark = this.vars.length;
    const value = this.pipe({ ...pipe, decl: [] }, dot);
    let entries: [unknown, unknown][];
    if (Array.isArray(value)) entries = value.map((v, i) => [i, v]);
    else if (isGoMap(value)) entries = Object.keys(value).sort().map((k) => [k, value[k]]);
    else if (typeof value === 'number' && Number.isInteger(value)) entries = Array.from({ length: Math.max(0, value) }, (_, i) => [i, i]);
    else if (value === undefined || value === null) entries = [];
    else if (this.header && typeof value === 'string') entries = [[0, value]];
    else throw templateError(`range cannot iterate over a value of type ${goTypeName(value)}`);

    if (entries.length === 0 && elseList) this.list(elseList, dot);
    for (const [key, elem] of entries) {
      if (pipe.decl.length === 1) this.vars.push({ name: pipe.decl[0]!, value: elem });
      if (pipe.decl.length === 2) this.vars.push({ name: pipe.decl[0]!, value: key }, { name: pipe.decl[1]!, value: elem });
      try {
        this.list(body, elem);
      } catch (e) {
        if (e === BREAK) break;
        if (e !== CONTINUE) throw e;
      } finally {
        this.vars.length = mark;
      }
    }
  }

  private pipe(pipe: Pipe, dot: unknown): unknown {
    let value: unknown = NONE;
    for (const cmd of pipe.cmds) value = this.command(cmd, dot, value);
    for (const name of pipe.decl) {
      if (!pipe.assign) {
        this.vars.push({ name, value });
        continue;
      }
      const v = this.vars.findLast((x) => x.name === name);
      if (!v) throw templateError(`undefined variable ${name}`);
      v.value = value;
    }
    return value;
  }

  private command(cmd: readonly Arg[], dot: unknown, final: unknown): unknown {
    const [first, ...rest] = cmd as [Arg, ...Arg[]];
    const args = (): unknown[] => {
      const a = rest.map((r) => this.arg(r, dot));
      if (final !== NONE) a.push(final);
      return a;
    };
    switch (first.kind) {
      case 'func':
        return FUNCS[first.name]!(...args());
      case 'field':
        return this.fields(dot, first.names, args());
      case 'var':
        return this.fields(this.variable(first.name), first.names, args());
      case 'chain':
        return this.fields(this.arg(first.base, dot), first.names, args());
      default:
        if (rest.length > 0 || final !== NONE) throw templateError(`cannot give arguments to ${goString(this.arg(first, dot))}: it is not a function`);
        return this.arg(first, dot);
    }
  }

  private arg(a: Arg, dot: unknown): unknown {
    switch (a.kind) {
      case 'dot':
        return dot;
      case 'literal':
        return a.value;
      case 'func':
        return FUNCS[a.name]!();
      case 'pipe':
        return this.pipe(a.pipe, dot);
      case 'field':
        return this.fields(dot, a.names, []);
      case 'var':
        return this.fields(this.variable(a.name), a.names, []);
      case 'chain':
        return this.fields(this.arg(a.base, dot), a.names, []);
    }
  }

  private variable(name: string): unknown {
    const v = this.vars.findLast((x) => x.name === name);
    if (!v) throw templateError(`undefined variable ${name}`);
    return v.value;
  }

  /** recv.A.B...; the last may be a method, called with args. */
  private fields(recv: unknown, names: readonly string[], args: unknown[]): unknown {
    if (names.length === 0) {
      if (args.length > 0) throw templateError(`cannot give arguments to ${goString(recv)}: it is not a function`);
      return recv;
    }
    if (this.header) return this.header(names);
    let v = recv;
    names.forEach((name, k) => {
      const last = k === names.length - 1;
      const path = fieldPath(names.slice(0, k + 1));
      if (v === undefined || v === null) return;
      if (isGoMap(v)) {
        if (last && args.length > 0) throw templateError(`${path} is not a method but has arguments`);
        v = Object.hasOwn(v, name) ? v[name] : undefined;
        return;
      }
      if (!isStruct(v)) throw templateError(`cannot read field ${path} of a value of type ${goTypeName(v)}`);
      if (!Object.hasOwn(v, name)) throw unknownField(path, templateFields(v).map((f) => `${path.slice(1, -name.length)}${f}`));
      const f = v[name];
      if (typeof f === 'function') v = (f as Fn)(...(last ? args : []));
      else if (last && args.length > 0) throw templateError(`${path} is not a method but has arguments`);
      else v = f;
    });
    return v;
  }
}

/** The fields of the row, for checks and the header row. */
export interface FormatFields {
  /** Fields every row has; a template naming another is refused when compiled. */
  fields: readonly string[];
  /** Column titles by field ({ID: 'CONTAINER ID'}); others get headerOf(field). */
  headers?: Readonly<Record<string, string>>;
}

export interface Format {
  /** 'table ...': aligned columns, and a header row unless noHeading. */
  readonly table: boolean;
  render(rows: readonly unknown[], options?: { noHeading?: boolean }): string;
}

/** Podman's column title for a field: its CamelCase words upper-cased ("ImageID" -> "IMAGE ID"). */
export function headerOf(field: string): string {
  const runs = field.match(/\p{Lu}+|\p{Ll}+|\p{N}+|[^\p{Lu}\p{Ll}\p{N}]+/gu) ?? [];
  const words: string[] = [];
  for (const run of runs) {
    const prev = words[words.length - 1];
    // "HTTPServer" is HTTP + Server: an upper-case run gives its last letter to the lower-case run after it.
    if (/^\p{Ll}/u.test(run) && prev !== undefined && /^\p{Lu}+$/u.test(prev)) {
      const chars = [...prev];
      const head = chars.pop()!;
      if (chars.length > 0) words[words.length - 1] = chars.join('');
      else words.pop();
      words.push(head + run);
    } else {
      words.push(run);
    }
  }
  return words.join(' ').toUpperCase();
}

/**
 * `json` (or the invalid `{{json}}`, `{{json.}}`): the caller prints its JSON document
 * instead of a template. `{{json .}}` is a template, one JSON line per row, as Podman.
 */
export function isJsonFormat(format: string): boolean {
  return /^\s*(?:json|\{\{\s*json\.?\s*\}\})\s*$/.test(format);
}

/**
 * The template a listing runs: the user's, or the command's default table when there
 * is none or only the word `table` (as Docker; Podman 4 would print the word).
 */
export function listingTemplate(format: string | undefined, defaultTable: string): string {
  return format === undefined || format.trim() === 'table' ? defaultTable : format;
}

const ROW_RANGE = /\{\{\s*range\s*\.\s*\}\}.*\{\{\s*end\s*-?\s*\}\}/;

type DotKind = 'list' | 'row' | 'other';

function checkPipe(pipe: Pipe, dot: DotKind, spec: FormatFields): void {
  for (const cmd of pipe.cmds) for (const a of cmd) checkArg(a, dot, spec);
}

function checkArg(a: Arg, dot: DotKind, spec: FormatFields): void {
  if (a.kind === 'field' && dot === 'row' && !spec.fields.includes(a.names[0]!)) {
    throw unknownField(fieldPath(a.names.slice(0, 1)), spec.fields);
  }
  if (a.kind === 'pipe') checkPipe(a.pipe, dot, spec);
  if (a.kind === 'chain') checkArg(a.base, dot, spec);
}

function isDot(pipe: Pipe): boolean {
  return pipe.cmds.length === 1 && pipe.cmds[0]!.length === 1 && pipe.cmds[0]![0]!.kind === 'dot';
}

function check(nodes: readonly Node[], dot: DotKind, spec: FormatFields): void {
  for (const n of nodes) {
    if (n.kind === 'text' || n.kind === 'break' || n.kind === 'continue') continue;
    checkPipe(n.pipe, dot, spec);
    if (n.kind === 'action') continue;
    let inner: DotKind = dot;
    if (n.kind === 'with' && !isDot(n.pipe)) inner = 'other';
    if (n.kind === 'range') inner = isDot(n.pipe) && dot === 'list' ? 'row' : 'other';
    check(n.list, inner, spec);
    if (n.elseList) check(n.elseList, dot, spec);
  }
}

/** Podman's escapes in the text of a format; in a table, a space is a column break too. */
function textOf(format: string, table: boolean): string {
  const text = format.replace(/\\([tn])/g, (_, c: string) => (c === 't' ? '\t' : '\n'));
  return table ? text.replace(/ /g, '\t') : text;
}

/** Spaces to tabs and escapes, in the text between actions only. */
function normalize(format: string, table: boolean): string {
  let out = '';
  let at = 0;
  while (at < format.length) {
    const open = format.indexOf('{{', at);
    if (open === -1) {
      out += textOf(format.slice(at), table);
      break;
    }
    const close = format.indexOf('}}', open + 2);
    const end = close === -1 ? format.length : close + 2;
    out += textOf(format.slice(at, open), table) + format.slice(open, end);
    at = end;
  }
  return out.endsWith('\n') ? out : `${out}\n`;
}

/**
 * Compile a --format template for rows with the given fields. Throws a one-line
 * UserError for a malformed template, an unknown function or an unknown field.
 */
export function compileFormat(format: string, spec: FormatFields): Format {
  const table = format.startsWith('table ');
  const text = normalize(table ? format.slice('table '.length) : format, table);
  const body = parseTemplate(text, FUNC_NAMES);
  // Each row on its own, so `$` is the row (Podman ranges over the list, where `$` is
  // the list and `$.Field` fails); a template with its own range gets the list.
  const perRow = table || !ROW_RANGE.test(text);
  check(body, perRow ? 'row' : 'list', spec);

  const title = (names: readonly string[]): string => {
    const last = names[names.length - 1]!;
    return spec.headers?.[names.join('.')] ?? spec.headers?.[last] ?? headerOf(last);
  };
  const once = (dot: unknown, header: boolean): string => {
    const run = new Run(dot, header ? title : undefined);
    run.list(body, dot);
    return run.out;
  };
  const exec = (rows: readonly unknown[], header: boolean): string =>
    perRow ? rows.map((r) => once(r, header)).join('') : once(rows, header);

  return {
    table,
    render(rows, options = {}) {
      if (!table) return exec(rows, false);
      const head = options.noHeading ? '' : exec([{}], true);
      return tabwrite(head + exec(rows, false));
    },
  };
}
