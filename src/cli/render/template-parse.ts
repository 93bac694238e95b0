// The parser of template.ts: Go text/template's syntax (actions, pipelines, if/else,
// range, with, variables, comments, trim markers) into a small tree. Errors are
// UserErrors of one line that quote the piece of the template at fault.
import { UserError } from '../../errors.js';

export interface Pipe {
  /** Variables declared (`$x :=`) or assigned (`$x =`) by this pipeline. */
  decl: string[];
  assign: boolean;
  cmds: Arg[][];
}

export type Arg =
  | { kind: 'dot' }
  | { kind: 'field'; names: string[] }
  | { kind: 'var'; name: string; names: string[] }
  | { kind: 'chain'; base: Arg; names: string[] }
  | { kind: 'func'; name: string }
  | { kind: 'literal'; value: string | number | boolean | null }
  | { kind: 'pipe'; pipe: Pipe };

export type Node =
  | { kind: 'text'; text: string }
  | { kind: 'action'; pipe: Pipe }
  | { kind: 'if' | 'with' | 'range'; pipe: Pipe; list: Node[]; elseList: Node[] | undefined }
  | { kind: 'break' }
  | { kind: 'continue' };

type Token =
  | { t: 'field'; names: string[]; spaced: boolean }
  | { t: 'var'; name: string; names: string[] }
  | { t: 'dot' }
  | { t: 'ident'; name: string }
  | { t: 'literal'; value: string | number | boolean | null }
  | { t: '|' | '(' | ')' | ':=' | '=' | ',' };

interface ActionItem {
  tokens: Token[];
  /** The action's text, for error messages. */
  source: string;
}

type Item = { text: string } | ActionItem;

export function templateError(problem: string): UserError {
  return new UserError(`invalid format template: ${problem}`);
}

function quoted(source: string): string {
  const s = source.length > 40 ? `${source.slice(0, 37)}...` : source;
  return JSON.stringify(s);
}

const SPACE = /[ \t\r\n]/;
const IDENT = /[\p{L}\p{N}_]/u;
const NUMBER = /[+-]?(?:0[xX][0-9a-fA-F]+|\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)/y;
const ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  a: '\x07',
  b: '\b',
  f: '\f',
  v: '\v',
  '\\': '\\',
  '"': '"',
  "'": "'",
};

class Lexer {
  pos = 0;
  constructor(readonly text: string) {}

  items(): Item[] {
    const items: Item[] = [];
    let trimNext = false;
    while (this.pos < this.text.length) {
      const open = this.text.indexOf('{{', this.pos);
      let text = this.text.slice(this.pos, open === -1 ? undefined : open);
      if (trimNext) text = text.replace(/^[ \t\r\n]+/, '');
      if (open === -1) {
        if (text) items.push({ text });
        break;
      }
      const trimLeft = this.text[open + 2] === '-' && SPACE.test(this.text[open + 3] ?? '');
      if (trimLeft) text = text.replace(/[ \t\r\n]+$/, '');
      if (text) items.push({ text });
      this.pos = open + (trimLeft ? 3 : 2);
      const action = this.action(open);
      trimNext = action.trimRight;
      if (action.tokens.length > 0 || !action.comment) items.push({ tokens: action.tokens, source: action.source });
    }
    return items;
  }

  private action(start: number): { tokens: Token[]; trimRight: boolean; comment: boolean; source: string } {
    const tokens: Token[] = [];
    const unclosed = (): UserError => templateError(`unclosed action ${quoted(this.text.slice(start))}: add "}}"`);
    let spaced = true;
    let comment = false;
    for (;;) {
      while (SPACE.test(this.text[this.pos] ?? '')) {
        this.pos++;
        spaced = true;
      }
      if (this.pos >= this.text.length) throw unclosed();
      const rest = this.text.slice(this.pos, this.pos + 3);
      if (rest.startsWith('}}') || (spaced && rest === '-}}')) {
        const trimRight = rest === '-}}';
        this.pos += trimRight ? 3 : 2;
        return { tokens, trimRight, comment, source: this.text.slice(start, this.pos) };
      }
      if (this.text.startsWith('/*', this.pos) && tokens.length === 0) {
        const end = this.text.indexOf('*/', this.pos + 2);
        if (end === -1) throw templateError(`unclosed comment ${quoted(this.text.slice(start))}: add "*/}}"`);
        this.pos = end + 2;
        comment = true;
        continue;
      }
      tokens.push(this.token(spaced, start));
      spaced = false;
    }
  }

  private token(spaced: boolean, start: number): Token {
    const c = this.text[this.pos]!;
    const next = this.text[this.pos + 1] ?? '';
    if (c === '.' && !/\d/.test(next)) {
      const names = this.fieldChain();
      return names.length === 0 ? { t: 'dot' } : { t: 'field', names, spaced };
    }
    if (c === '$') {
      this.pos++;
      const name = `$${this.ident()}`;
      return { t: 'var', name, names: this.fieldChain() };
    }
    if (c === '"' || c === '`') return { t: 'literal', value: this.string(c, start) };
    if (c === "'") {
      const s = this.string("'", start);
      if ([...s].length !== 1) throw templateError(`bad character constant in ${quoted(this.text.slice(start))}`);
      return { t: 'literal', value: s.codePointAt(0)! };
    }
    NUMBER.lastIndex = this.pos;
    const num = NUMBER.exec(this.text);
    if (num && (/[\d.]/.test(c) || ((c === '-' || c === '+') && /[\d.]/.test(next)))) {
      this.pos += num[0].length;
      return { t: 'literal', value: Number(num[0]) };
    }
    if (c === ':' && next === '=') {
      this.pos += 2;
      return { t: ':=' };
    }
    if (c === '|' || c === '(' || c === ')' || c === '=' || c === ',') {
      this.pos++;
      return { t: c };
    }
    if (IDENT.test(c)) {
      const name = this.ident();
      if (name === 'true' || name === 'false') return { t: 'literal', value: name === 'true' };
      if (name === 'nil') return { t: 'literal', value: null };
      return { t: 'ident', name };
    }
    throw templateError(`unexpected ${JSON.stringify(c)} in action ${quoted(this.text.slice(start))}`);
  }

  private ident(): string {
    const from = this.pos;
    while (IDENT.test(this.text[this.pos] ?? '')) this.pos++;
    return this.text.slice(from, this.pos);
  }

  private fieldChain(): string[] {
    const names: string[] = [];
    while (this.text[this.pos] === '.' && !/\d/.test(this.text[this.pos + 1] ?? '')) {
      this.pos++;
      const name = this.ident();
      if (name === '') break;
      names.push(name);
    }
    return names;
  }

  private string(quote: string, start: number): string {
    let out = '';
    this.pos++;
    for (;;) {
      const c = this.text[this.pos];
      if (c === undefined || (c === '\n' && quote !== '`')) {
        throw templateError(`unterminated quoted string in ${quoted(this.text.slice(start))}`);
      }
      this.pos++;
      if (c === quote) return out;
      if (c !== '\\' || quote === '`') {
        out += c;
        continue;
      }
      out += this.escape(start);
    }
  }

  private escape(start: number): string {
    const e = this.text[this.pos++] ?? '';
    if (ESCAPES[e] !== undefined) return ESCAPES[e];
    const hex = { x: 2, u: 4, U: 8 }[e];
    const digits = hex ? this.text.slice(this.pos, this.pos + hex) : '';
    if (hex && /^[0-9a-fA-F]+$/.test(digits) && digits.length === hex) {
      this.pos += hex;
      return String.fromCodePoint(parseInt(digits, 16));
    }
    throw templateError(`unknown escape sequence "\\${e}" in ${quoted(this.text.slice(start))}`);
  }
}

class Parser {
  private i = 0;
  constructor(
    private readonly items: Item[],
    private readonly funcs: ReadonlySet<string>,
  ) {}

  parse(): Node[] {
    const { list, end } = this.list(0);
    if (end) throw templateError(`unexpected ${quoted(end.source)}: nothing to end`);
    return list;
  }

  /** Nodes up to an {{else}} or {{end}}, which is returned (undefined at the end of input). */
  private list(depth: number): { list: Node[]; end?: ActionItem } {
    const list: Node[] = [];
    while (this.i < this.items.length) {
      const item = this.items[this.i++]!;
      if ('text' in item) {
        list.push({ kind: 'text', text: item.text });
        continue;
      }
      const first = item.tokens[0];
      const keyword = first?.t === 'ident' ? first.name : undefined;
      if (keyword === 'end' || keyword === 'else') {
        if (depth === 0) throw templateError(`unexpected ${quoted(item.source)}: nothing to end`);
        return { list, end: item };
      }
      list.push(this.node(item, keyword, depth));
    }
    return { list };
  }

  private node(item: ActionItem, keyword: string | undefined, depth: number): Node {
    switch (keyword) {
      case 'if':
      case 'with':
      case 'range':
        return this.control(keyword, item, item.tokens.slice(1), depth);
      case 'break':
      case 'continue':
        if (item.tokens.length !== 1) throw templateError(`${keyword} takes no arguments in ${quoted(item.source)}`);
        return keyword === 'break' ? { kind: 'break' } : { kind: 'continue' };
      case 'define':
      case 'template':
      case 'block':
        throw templateError(`{{${keyword}}} is not supported in a format template`);
      default:
        if (item.tokens.length === 0) throw templateError('empty action "{{}}"');
        return { kind: 'action', pipe: this.pipe(item.tokens, item.source, false) };
    }
  }

  private control(kind: 'if' | 'with' | 'range', item: ActionItem, tokens: Token[], depth: number): Node {
    if (tokens.length === 0) throw templateError(`missing value for ${kind} in ${quoted(item.source)}`);
    const pipe = this.pipe(tokens, item.source, kind === 'range');
    const body = this.list(depth + 1);
    if (!body.end) throw templateError(`${quoted(item.source)} has no matching {{end}}`);
    const endTokens = body.end.tokens;
    const endWord = endTokens[0]?.t === 'ident' ? endTokens[0].name : '';
    if (endWord === 'end') {
      if (endTokens.length > 1) throw templateError(`unexpected words after end in ${quoted(body.end.source)}`);
      return { kind, pipe, list: body.list, elseList: undefined };
    }
    const chained = endTokens[1];
    if (chained?.t === 'ident' && (chained.name === 'if' || chained.name === 'with') && kind !== 'range') {
      // {{else if X}} is an {{if X}} inside the else branch, sharing the outer {{end}}.
      return { kind, pipe, list: body.list, elseList: [this.control(chained.name, body.end, endTokens.slice(2), depth)] };
    }
    if (endTokens.length > 1) throw templateError(`unexpected words after else in ${quoted(body.end.source)}`);
    const rest = this.list(depth + 1);
    const restEnd = rest.end?.tokens;
    if (!rest.end || restEnd?.[0]?.t !== 'ident' || restEnd[0].name !== 'end' || restEnd.length > 1) {
      throw templateError(`${quoted(item.source)} has no matching {{end}} after its {{else}}`);
    }
    return { kind, pipe, list: body.list, elseList: rest.list };
  }

  private pipe(tokens: Token[], source: string, range: boolean): Pipe {
    const pipe: Pipe = { decl: [], assign: false, cmds: [] };
    let at = 0;
    const declEnd = tokens.findIndex((t) => t.t === ':=' || t.t === '=');
    if (declEnd > 0) {
      const vars = tokens.slice(0, declEnd);
      const names = vars.filter((t, k) => (k % 2 === 0 ? t.t === 'var' && t.names.length === 0 : t.t === ','));
      if (names.length === vars.length && vars.length % 2 === 1 && vars.length <= (range ? 3 : 1)) {
        pipe.decl = vars.flatMap((t) => (t.t === 'var' ? [t.name] : []));
        pipe.assign = tokens[declEnd]!.t === '=';
        at = declEnd + 1;
      }
    }
    const end = this.commands(tokens, at, source, pipe);
    if (end !== tokens.length) throw templateError(`unexpected ")" in ${quoted(source)}`);
    if (pipe.cmds.length === 0) throw templateError(`missing value in ${quoted(source)}`);
    return pipe;
  }

  /** Commands separated by '|' from tokens[at]; returns the index of the ')' or the end. */
  private commands(tokens: Token[], at: number, source: string, pipe: Pipe): number {
    let cmd: Arg[] = [];
    while (at < tokens.length && tokens[at]!.t !== ')') {
      const tok = tokens[at]!;
      if (tok.t === '|') {
        if (cmd.length === 0) throw templateError(`missing command before "|" in ${quoted(source)}`);
        pipe.cmds.push(cmd);
        cmd = [];
        at++;
        continue;
      }
      const { arg, next } = this.operand(tokens, at, source);
      cmd.push(arg);
      at = next;
    }
    if (cmd.length === 0 && pipe.cmds.length > 0) throw templateError(`missing command after "|" in ${quoted(source)}`);
    if (cmd.length > 0) pipe.cmds.push(cmd);
    return at;
  }

  private operand(tokens: Token[], at: number, source: string): { arg: Arg; next: number } {
    const tok = tokens[at]!;
    switch (tok.t) {
      case 'dot':
        return { arg: { kind: 'dot' }, next: at + 1 };
      case 'field':
        return { arg: { kind: 'field', names: tok.names }, next: at + 1 };
      case 'var':
        return { arg: { kind: 'var', name: tok.name, names: tok.names }, next: at + 1 };
      case 'literal':
        return { arg: { kind: 'literal', value: tok.value }, next: at + 1 };
      case 'ident':
        if (!this.funcs.has(tok.name)) {
          throw templateError(
            `function "${tok.name}" is not defined (known: ${[...this.funcs].sort().join(', ')})`,
          );
        }
        return { arg: { kind: 'func', name: tok.name }, next: at + 1 };
      case '(': {
        const inner: Pipe = { decl: [], assign: false, cmds: [] };
        const close = this.commands(tokens, at + 1, source, inner);
        if (tokens[close]?.t !== ')') throw templateError(`unclosed "(" in ${quoted(source)}`);
        if (inner.cmds.length === 0) throw templateError(`missing value in "()" in ${quoted(source)}`);
        const after = tokens[close + 1];
        if (after?.t === 'field' && !after.spaced) {
          return { arg: { kind: 'chain', base: { kind: 'pipe', pipe: inner }, names: after.names }, next: close + 2 };
        }
        return { arg: { kind: 'pipe', pipe: inner }, next: close + 1 };
      }
      default:
        throw templateError(`unexpected "${tok.t}" in ${quoted(source)}`);
    }
  }
}

/** Parse a template; function names outside `funcs` are refused here, as Go does. */
export function parseTemplate(text: string, funcs: ReadonlySet<string>): Node[] {
  return new Parser(new Lexer(text).items(), funcs).parse();
}
