// HTTP for one registry on undici: the choice between its endpoints (pinned to the first
// that answers), redirects followed by hand so that credentials never leave the
// registry's origin, and retries of transient failures.
import type { IncomingHttpHeaders } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { setFlagsFromString } from 'node:v8';

import { Agent, type Dispatcher } from 'undici';

import { BoxctlError } from '../../../errors.js';
import { header } from './body.js';
import type { Endpoint } from './endpoint.js';
import { isConnectFailure, networkFailure } from './net-error.js';
import { RETRY, isRetryableStatus, isTransientError, retryDelay } from './retry.js';

const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export interface TransportOptions {
  /** The registry as the user named it, for messages. */
  registry: string;
  endpoints: readonly Endpoint[];
  /** For hosts that are not the registry: its token server, its blob storage. */
  tlsVerify: boolean;
  userAgent: string;
  timeoutMs: number;
  dispatcher?: Dispatcher;
}

export interface SendInit {
  method: 'GET' | 'HEAD' | 'POST';
  /** Lower-case names. */
  headers?: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
}

export interface Response {
  status: number;
  headers: IncomingHttpHeaders;
  body: Dispatcher.ResponseData['body'];
  url: URL;
  /** Answered by the registry itself, not by a host it redirected to. */
  fromRegistry: boolean;
}

let baselineWasm = false;

/**
 * undici parses HTTP/1 with llhttp compiled to WebAssembly. V8 tiers a hot wasm function
 * up to its optimizing compiler in the background, and llhttp's parser is one huge
 * function: that compile costs a pull about 200 ms of CPU, and the process waits for it
 * before it can exit, for nothing, since a registry's answers are mostly bodies that
 * llhttp hands on in large spans. Baseline code only, then; set before undici's first
 * connection compiles the module, and for this process only (it runs nothing else that
 * tiers up: Ink's layout engine, also wasm, lays out a few bars here).
 */
function useBaselineWasm(): void {
  if (baselineWasm) return;
  baselineWasm = true;
  setFlagsFromString('--liftoff-only');
}

export class Transport {
  readonly #opts: TransportOptions;
  readonly #agents = new Map<boolean, Agent>();
  #pinned: Endpoint | undefined;

  constructor(opts: TransportOptions) {
    this.#opts = opts;
    if (!opts.dispatcher) useBaselineWasm();
  }

  /** A request to the registry's API: path is '/v2/...'. */
  toRegistry(path: string, init: SendInit): Promise<Response> {
    return this.#withRetries(init, async () => this.#follow(await this.#sendToRegistry(path, init), init));
  }

  /** A request to another host, such as the registry's token server. */
  toUrl(url: URL, init: SendInit): Promise<Response> {
    return this.#withRetries(init, async () =>
      this.#follow(await this.#send(url, init, this.#opts.tlsVerify, false), init),
    );
  }

  async close(): Promise<void> {
    await Promise.all([...this.#agents.values()].map((a) => a.close()));
    this.#agents.clear();
  }

  async #withRetries(init: SendInit, attempt: () => Promise<Response>): Promise<Response> {
    for (let n = 1; ; n++) {
      let res: Response;
      try {
        res = await attempt();
      } catch (e) {
        if (init.signal?.aborted || n >= RETRY.tries || !isTransientError(e)) throw e;
        await sleep(retryDelay(RETRY, n), undefined, { signal: init.signal });
        continue;
      }
      if (n >= RETRY.tries || !isRetryableStatus(res.status)) return res;
      await res.body.dump();
      await sleep(retryDelay(RETRY, n), undefined, { signal: init.signal });
    }
  }

  async #sendToRegistry(path: string, init: SendInit): Promise<Response> {
    if (this.#pinned) return this.#send(new URL(path, this.#pinned.origin), init, this.#pinned.tlsVerify, true);
    let last: unknown;
    for (const endpoint of this.#opts.endpoints) {
      try {
        const res = await this.#send(new URL(path, endpoint.origin), init, endpoint.tlsVerify, true);
        this.#pinned = endpoint;
        return res;
      } catch (e) {
        // Refused or unresolvable: the same host and port will not answer another scheme.
        if (init.signal?.aborted || isConnectFailure(e)) throw e;
        // Where TLS failed and plain HTTP fails too, the server is not the HTTPS one
        // (loopback and insecure registries skip certificate checks), so HTTP's error is the one to show.
        last = e;
      }
    }
    throw last;
  }

  async #follow(first: Response, init: SendInit): Promise<Response> {
    let res = first;
    const headers = { ...init.headers };
    for (let hops = 0; REDIRECT_STATUSES.has(res.status) && init.method !== 'POST'; hops++) {
      const location = header(res.headers, 'location');
      if (location === undefined) return res;
      await res.body.dump();
      if (hops === MAX_REDIRECTS) {
        throw new BoxctlError(`${res.url.host} redirected more than ${MAX_REDIRECTS} times, last to ${location}`);
      }
      const next = new URL(location, res.url);
      if (next.protocol !== 'https:' && next.protocol !== 'http:') {
        throw new BoxctlError(
          `${res.url.host} redirected to ${next.protocol} url ${location}, which boxctl does not follow`,
        );
      }
      // Blob storage elsewhere (S3, a CDN) gets a signed URL, never the registry's credentials.
      const sameOrigin = next.origin === res.url.origin;
      if (!sameOrigin) delete headers.authorization;
      const tlsVerify = res.fromRegistry && sameOrigin ? (this.#pinned?.tlsVerify ?? true) : this.#opts.tlsVerify;
      res = await this.#send(next, { ...init, headers }, tlsVerify, res.fromRegistry && sameOrigin);
    }
    return res;
  }

  async #send(url: URL, init: SendInit, tlsVerify: boolean, fromRegistry: boolean): Promise<Response> {
    const { userAgent, timeoutMs } = this.#opts;
    try {
      const res = await this.#dispatcher(tlsVerify).request({
        origin: url.origin,
        path: url.pathname + url.search,
        method: init.method,
        headers: { 'user-agent': userAgent, ...init.headers },
        body: init.body ?? null,
        signal: init.signal ?? null,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
      return { status: res.statusCode, headers: res.headers, body: res.body, url, fromRegistry };
    } catch (e) {
      if (init.signal?.aborted) throw e;
      throw networkFailure(fromRegistry ? this.#opts.registry : url.host, e);
    }
  }

  #dispatcher(tlsVerify: boolean): Dispatcher {
    if (this.#opts.dispatcher) return this.#opts.dispatcher;
    let agent = this.#agents.get(tlsVerify);
    if (!agent) {
      // Certificates that go unchecked need no trusted roots: building the system's set takes ~40 ms.
      const roots = tlsVerify ? {} : { ca: [] };
      agent = new Agent({ connect: { rejectUnauthorized: tlsVerify, timeout: this.#opts.timeoutMs, ...roots } });
      this.#agents.set(tlsVerify, agent);
    }
    return agent;
  }
}
