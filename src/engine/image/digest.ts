// Content digests ("sha256:<hex>") as the OCI image spec registers them, and a stream
// stage that verifies a blob while it downloads, so bad bytes never reach the store
// (containers/image's digest-verifying reader). Only sha256 and sha512: the registered
// algorithms; go-digest's sha384 is not used by any registry we know of.
import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

import { BoxctlError, UserError } from '../../errors.js';

export type DigestAlgorithm = 'sha256' | 'sha512';

const HEX_LENGTH: Record<DigestAlgorithm, number> = { sha256: 64, sha512: 128 };

export interface ParsedDigest {
  algorithm: DigestAlgorithm;
  hex: string;
}

function isAlgorithm(name: string): name is DigestAlgorithm {
  return Object.hasOwn(HEX_LENGTH, name);
}

/**
 * What is wrong with a digest string, or undefined when it is valid. Callers frame the
 * reason in their own context (a reference, a manifest field), so it is a phrase.
 */
export function digestProblem(text: string): string | undefined {
  const colon = text.indexOf(':');
  if (colon <= 0) return "a digest is 'algorithm:hex', such as sha256:<64 hex digits>";
  const algorithm = text.slice(0, colon);
  const hex = text.slice(colon + 1);
  // The OCI grammar for algorithm names; anything else is malformed rather than unsupported.
  if (!/^[a-z0-9]+(?:[.+_-][a-z0-9]+)*$/.test(algorithm)) return `'${algorithm}' is not a digest algorithm name`;
  if (!isAlgorithm(algorithm)) return `unsupported digest algorithm '${algorithm}': use sha256 or sha512`;
  if (!/^[0-9a-f]*$/.test(hex)) return `${algorithm} digests are lowercase hex digits`;
  const want = HEX_LENGTH[algorithm];
  if (hex.length !== want) return `${algorithm} digests have ${want} hex digits, this one has ${hex.length}`;
  return undefined;
}

export function parseDigest(text: string): ParsedDigest {
  const problem = digestProblem(text);
  if (problem) throw new UserError(`invalid digest '${text}': ${problem}`);
  const colon = text.indexOf(':');
  return { algorithm: text.slice(0, colon) as DigestAlgorithm, hex: text.slice(colon + 1) };
}

export function digestOf(data: Uint8Array | string, algorithm: DigestAlgorithm = 'sha256'): string {
  return `${algorithm}:${createHash(algorithm).update(data).digest('hex')}`;
}

export interface VerifierOptions {
  /** The digest the blob must have; its algorithm is the one used to hash. */
  digest: string;
  /** The size in bytes its descriptor declares. */
  size: number;
}

/**
 * Hashes and counts a blob's bytes as they pass. Fails as soon as more bytes arrive
 * than declared (so a hostile registry cannot fill the disk), and at the end if the
 * size or the digest differ.
 */
export class DigestCheck {
  readonly digest: string;
  readonly size: number;
  #hash: Hash;
  #received = 0;

  constructor(options: VerifierOptions) {
    const { algorithm } = parseDigest(options.digest);
    if (!Number.isSafeInteger(options.size) || options.size < 0) {
      throw new UserError(`invalid size ${options.size} for blob ${options.digest}: sizes are whole numbers of bytes`);
    }
    this.digest = options.digest;
    this.size = options.size;
    this.#hash = createHash(algorithm);
  }

  /** Bytes seen so far, for progress reports. */
  get received(): number {
    return this.#received;
  }

  update(chunk: Uint8Array): void {
    this.#received += chunk.length;
    if (this.#received > this.size) {
      throw new BoxctlError(
        `blob ${this.digest} is larger than the ${this.size} bytes its manifest declares (got ${this.#received} so far): the registry sent the wrong content`,
      );
    }
    this.#hash.update(chunk);
  }

  /** After the last chunk: throws unless size and digest are the declared ones. */
  finish(): void {
    if (this.#received !== this.size) {
      throw new BoxctlError(`blob ${this.digest} is ${this.#received} bytes, expected ${this.size}: the download was cut short, try again`);
    }
    const actual = `${this.digest.slice(0, this.digest.indexOf(':'))}:${this.#hash.digest('hex')}`;
    if (actual !== this.digest) {
      throw new BoxctlError(`blob ${this.digest} has digest ${actual}, expected ${this.digest}: the registry sent corrupted or different content`);
    }
  }
}

/** DigestCheck as a stream stage: bytes pass unchanged, and the stream fails where the check does. */
export class DigestVerifier extends Transform {
  readonly #check: DigestCheck;

  constructor(options: VerifierOptions) {
    super();
    this.#check = new DigestCheck(options);
  }

  get digest(): string {
    return this.#check.digest;
  }

  get size(): number {
    return this.#check.size;
  }

  /** Bytes seen so far, for progress reports. */
  get received(): number {
    return this.#check.received;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    try {
      this.#check.update(chunk);
    } catch (e) {
      done(e as Error);
      return;
    }
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    try {
      this.#check.finish();
    } catch (e) {
      done(e as Error);
      return;
    }
    done();
  }
}
