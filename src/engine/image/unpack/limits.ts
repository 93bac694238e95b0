// Decompression-bomb limits and the stage that enforces them while the layer streams:
// it sits between the decompressor and the tar parser, hashes the uncompressed tar
// (the layer's diff id) and stops the stream as soon as it grows past the limit, so
// a small hostile blob cannot fill the disk before anyone looks at its size.
import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

export interface UnpackLimits {
  /** Bytes of uncompressed tar per layer. */
  maxLayerBytes: number;
  /** Bytes of content per file. */
  maxEntryBytes: number;
}

const GiB = 2 ** 30;

/**
 * Far above any real layer (the largest public images ship layers of a few GiB), low
 * enough that a bomb fails long before a typical home partition is full.
 */
export const DEFAULT_LIMITS: Readonly<UnpackLimits> = { maxLayerBytes: 32 * GiB, maxEntryBytes: 16 * GiB };

export function formatBytes(n: number): string {
  for (const [unit, size] of [['GiB', GiB], ['MiB', 2 ** 20], ['KiB', 1024]] as const) {
    if (n >= size) return `${+(n / size).toFixed(1)} ${unit}`;
  }
  return `${n} bytes`;
}

export class LayerTooLarge extends Error {}

export class TarMeter extends Transform {
  #hash = createHash('sha256');
  #bytes = 0;

  constructor(private readonly maxBytes: number) {
    super();
  }

  get bytes(): number {
    return this.#bytes;
  }

  /** sha256 of everything that passed: valid once the stream has ended. */
  diffId(): string {
    return `sha256:${this.#hash.digest('hex')}`;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.#bytes += chunk.length;
    if (this.#bytes > this.maxBytes) {
      done(new LayerTooLarge(`the layer unpacks to more than ${formatBytes(this.maxBytes)}, the limit for one layer: refusing it as a decompression bomb`));
      return;
    }
    this.#hash.update(chunk);
    done(null, chunk);
  }
}
