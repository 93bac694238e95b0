// WWW-Authenticate challenges (RFC 7235 section 4.1, with RFC 7230's tokens and quoted
// strings). A header may hold several challenges, each with comma-separated parameters,
// and a quoted value may itself contain commas and escaped quotes, so the header is
// scanned rather than split.

export interface Challenge {
  /** Lower case: 'bearer', 'basic'. */
  scheme: string;
  /** Names in lower case, values unquoted. */
  params: Record<string, string>;
  /** The other form a challenge may take: one opaque token instead of parameters. */
  token68?: string;
}

const TCHAR = /[!#$%&'*+\-.^_`|~0-9A-Za-z]/;
const TOKEN68 = /^[A-Za-z0-9\-._~+/]+=*/;

class Scanner {
  pos = 0;
  constructor(readonly text: string) {}

  get done(): boolean {
    return this.pos >= this.text.length;
  }

  peek(): string | undefined {
    return this.text[this.pos];
  }

  skipSpace(): void {
    while (this.peek() === ' ' || this.peek() === '\t') this.pos++;
  }

  /** Whitespace and empty list elements, which the list syntax allows. */
  skipSeparators(): void {
    while (this.peek() === ' ' || this.peek() === '\t' || this.peek() === ',') this.pos++;
  }

  token(): string {
    const start = this.pos;
    while (!this.done && TCHAR.test(this.text[this.pos]!)) this.pos++;
    return this.text.slice(start, this.pos);
  }

  /** A quoted string without its quotes and escapes; undefined when it never ends. */
  quoted(): string | undefined {
    let out = '';
    for (this.pos++; !this.done; this.pos++) {
      const ch = this.text[this.pos]!;
      if (ch === '"') {
        this.pos++;
        return out;
      }
      if (ch === '\\') this.pos++;
      out += this.text[this.pos] ?? '';
    }
    return undefined;
  }

  /** name = value, or nothing consumed when what follows is not a parameter. */
  param(): [string, string] | undefined {
    const start = this.pos;
    const name = this.token();
    this.skipSpace();
    if (name === '' || this.peek() !== '=') {
      this.pos = start;
      return undefined;
    }
    this.pos++;
    this.skipSpace();
    const value = this.peek() === '"' ? this.quoted() : this.token();
    // 'abc==' is a token68, not a parameter with an empty value.
    if (value === undefined || (value === '' && this.peek() !== '"')) {
      this.pos = start;
      return undefined;
    }
    return [name.toLowerCase(), value];
  }

  token68(): string | undefined {
    const match = TOKEN68.exec(this.text.slice(this.pos));
    if (!match) return undefined;
    const end = this.pos + match[0].length;
    const rest = this.text.slice(end).trimStart();
    if (rest !== '' && !rest.startsWith(',')) return undefined;
    this.pos = end;
    return match[0];
  }
}

/**
 * The challenges of one WWW-Authenticate value, in order. Parsing stops at the first
 * malformed part; the challenges before it are kept.
 */
export function parseChallenges(header: string): Challenge[] {
  const s = new Scanner(header);
  const out: Challenge[] = [];
  for (;;) {
    s.skipSeparators();
    if (s.done) return out;
    const scheme = s.token();
    if (scheme === '') return out;
    const challenge: Challenge = { scheme: scheme.toLowerCase(), params: {} };
    out.push(challenge);
    s.skipSpace();
    const first = s.param();
    if (first) {
      challenge.params[first[0]] = first[1];
      for (;;) {
        const before = s.pos;
        s.skipSeparators();
        const next = s.param();
        if (!next) {
          s.pos = before;
          break;
        }
        // Names must not repeat; where they do, the first one counts.
        challenge.params[next[0]] ??= next[1];
      }
    } else {
      const token68 = s.token68();
      if (token68 !== undefined) challenge.token68 = token68;
    }
    s.skipSpace();
    if (!s.done && s.peek() !== ',') return out;
  }
}
