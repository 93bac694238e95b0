// Detach keys in Podman's syntax (containers/common ToBytes): comma-separated keys,
// each a single character or ctrl-<a-z @ [ \ ] ^ _>. The matcher watches what the user
// types for that sequence and holds back the bytes of a sequence in progress.

import { UserError } from '../../errors.js';

export const DEFAULT_DETACH_KEYS = 'ctrl-p,ctrl-q';

/** ctrl-@ is 0, ctrl-a..ctrl-z are 1..26, then ctrl-[ ctrl-\ ctrl-] ctrl-^ ctrl-_ are 27..31. */
const CTRL_KEYS = '@abcdefghijklmnopqrstuvwxyz[\\]^_';

/** The bytes a detach-keys string stands for; empty for "", which disables detaching. */
export function parseDetachKeys(spec: string): Buffer {
  if (spec === '') return Buffer.alloc(0);
  const bytes = spec.split(',').map((key) => {
    const single = Buffer.from(key);
    if (single.length === 1) return single[0] as number;
    const code = key.startsWith('ctrl-') && key.length === 6 ? CTRL_KEYS.indexOf(key.charAt(5)) : -1;
    if (code < 0) {
      const keys = 'single characters or ctrl-<a-z, @, [, \\, ], ^, _>';
      throw new UserError(`invalid detach key "${key}" in "${spec}": use ${keys}, comma-separated`);
    }
    return code;
  });
  return Buffer.from(bytes);
}

export interface MatchResult {
  /** What to pass on to the container: input with any held-back prefix that failed to match. */
  forward: Buffer;
  /** The whole sequence was typed; input after it in the same chunk is dropped. */
  detached: boolean;
}

/** Finds the detach sequence in a stream of input chunks, across chunk boundaries. */
export class DetachMatcher {
  private held = 0;

  constructor(private readonly keys: Buffer) {}

  push(chunk: Buffer): MatchResult {
    if (this.keys.length === 0) return { forward: chunk, detached: false };
    const out: number[] = [];
    for (const byte of chunk) {
      if (this.feed(byte, out)) return { forward: Buffer.from(out), detached: true };
    }
    return { forward: Buffer.from(out), detached: false };
  }

  /** The bytes of an unfinished sequence, for when input ends before it is decided. */
  flush(): Buffer {
    const rest = this.keys.subarray(0, this.held);
    this.held = 0;
    return Buffer.from(rest);
  }

  private feed(byte: number, out: number[]): boolean {
    if (byte === this.keys[this.held]) {
      this.held += 1;
      if (this.held < this.keys.length) return false;
      this.held = 0;
      return true;
    }
    if (this.held === 0) {
      out.push(byte);
      return false;
    }
    // The held prefix was not the sequence: its first byte goes through, and the rest,
    // with this byte, may still begin the sequence.
    const replay = [...this.keys.subarray(1, this.held), byte];
    out.push(this.keys[0] as number);
    this.held = 0;
    return replay.some((b) => this.feed(b, out));
  }
}
