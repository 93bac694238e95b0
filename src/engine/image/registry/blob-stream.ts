// The bytes of one blob across as many responses as it takes: when a download breaks
// off, it goes on from the last byte received with a Range request. The bytes already
// passed on stay passed on (and hashed), so a server that ignores the range and sends
// the blob from its start has those bytes skipped, not sent twice.
import { setTimeout as sleep } from 'node:timers/promises';

import { BoxctlError } from '../../../errors.js';
import { errorCode } from './net-error.js';
import { RETRY, isTransientError, retryDelay } from './retry.js';

/** However much each resumption gains, a download is opened at most this often. */
const MAX_OPENS = 16;

/** What the generator needs of a response: registry responses are these. */
export interface BlobResponse {
  status: number;
  body: AsyncIterable<Buffer>;
}

export interface ResumeOptions {
  size: number;
  /** Aborts the download; each open() must honour it too. */
  signal: AbortSignal;
  /** A response from byte offset on: 206 for the range asked, 200 for the whole blob. */
  open(offset: number): Promise<BlobResponse>;
  onProgress?(received: number): void;
  /** 'blob sha256:... of ns/repo from quay.io', for the error when every try has failed. */
  what: string;
}

export async function* resumableBody(first: BlobResponse, opts: ResumeOptions): AsyncGenerator<Buffer> {
  let res = first;
  let offset = 0;
  // Failures in a row without a byte gained; progress resets it.
  let failures = 0;
  for (let opened = 1; ; opened++) {
    let skip = res.status === 200 ? offset : 0;
    const start = offset;
    let failure: unknown;
    try {
      for await (const chunk of res.body) {
        const data = skip > 0 ? chunk.subarray(Math.min(skip, chunk.length)) : chunk;
        skip -= chunk.length - data.length;
        if (data.length === 0) continue;
        offset += data.length;
        opts.onProgress?.(offset);
        yield data;
      }
      if (offset >= opts.size) return;
      // The body ended cleanly but short: the server gave up mid-blob.
      failure = new Error(`the response ended after ${offset} of ${opts.size} bytes`);
    } catch (e) {
      if (opts.signal.aborted || !isTransientError(e)) throw e;
      failure = e;
    }
    failures = offset > start ? 1 : failures + 1;
    if (failures >= RETRY.tries || opened >= MAX_OPENS) {
      const code = errorCode(failure);
      const why = failure instanceof Error ? failure.message : String(failure);
      const reason = code ? `${code} (${why})` : why;
      throw new BoxctlError(`downloading ${opts.what} failed after ${opened} tries: ${reason}`, { cause: failure });
    }
    await sleep(retryDelay(RETRY, failures), undefined, { signal: opts.signal });
    res = await opts.open(offset);
  }
}
