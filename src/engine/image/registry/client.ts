// A client for one registry, speaking the OCI distribution spec (Docker's Registry HTTP
// API v2) for pulls: manifests and blobs, with whatever authentication the registry
// asks for. Everything a registry sends is checked before it is handed on: manifests
// against their digest and a size limit, blobs against their digest and size while
// they stream.
import { Readable } from 'node:stream';

import type { Dispatcher } from 'undici';

import { BoxctlError, NotFoundError, UserError } from '../../../errors.js';
import { DigestCheck, digestOf, digestProblem, parseDigest } from '../digest.js';
import { MAX_MANIFEST_SIZE, parseManifest, type ImageIndex, type ImageManifest } from '../manifest.js';
import { MANIFEST_MEDIA_TYPES } from '../media-types.js';
import { Authenticator } from './auth.js';
import { header, headerValues, readLimited } from './body.js';
import { resumableBody } from './blob-stream.js';
import { parseChallenges } from './challenge.js';
import { registryEndpoints } from './endpoint.js';
import { accessDenied, httpFailure, responseDetail } from './failures.js';
import { basicAuthorization, type RegistryCredentials } from './token.js';
import { Transport, type Response, type SendInit } from './transport.js';

export type { RegistryCredentials } from './token.js';

const DEFAULT_TIMEOUT_MS = 30_000;
const MANIFEST_ACCEPT = MANIFEST_MEDIA_TYPES.join(', ');
const MAX_MANIFEST_MIB = MAX_MANIFEST_SIZE / 2 ** 20;

export interface RegistryClientOptions {
  /** host[:port] as in references; 'docker.io' is Docker Hub. */
  registry: string;
  /** Marked insecure in registries.conf: certificates unchecked, plain HTTP allowed. */
  insecure?: boolean;
  /** false: do not check certificates (--tls-verify=false). */
  tlsVerify?: boolean;
  credentials?: RegistryCredentials;
  userAgent?: string;
  /** How long to wait for a connection, for response headers, and between body chunks. */
  timeoutMs?: number;
  /** Replaces boxctl's own connection pools, TLS settings included: for tests. */
  dispatcher?: Dispatcher;
}

export interface FetchedManifest {
  body: Buffer;
  mediaType: string;
  digest: string;
  /** The body, parsed and checked. */
  manifest: ImageManifest | ImageIndex;
}

export interface BlobDescriptor {
  digest: string;
  size: number;
}

export interface FetchBlobOptions {
  /** Bytes received so far, after each chunk. */
  onProgress?(received: number): void;
  signal?: AbortSignal;
}

export class RegistryClient {
  readonly registry: string;
  readonly #transport: Transport;
  readonly #auth: Authenticator;
  readonly #credentials: RegistryCredentials | undefined;

  constructor(opts: RegistryClientOptions) {
    this.registry = opts.registry;
    this.#transport = new Transport({
      registry: opts.registry,
      endpoints: registryEndpoints(opts.registry, opts),
      tlsVerify: opts.tlsVerify !== false,
      userAgent: opts.userAgent ?? 'boxctl',
      timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      ...(opts.dispatcher ? { dispatcher: opts.dispatcher } : {}),
    });
    this.#credentials = opts.credentials;
    const auth = { registry: opts.registry, transport: this.#transport };
    this.#auth = new Authenticator(opts.credentials ? { ...auth, credentials: opts.credentials } : auth);
  }

  /** A manifest or index by tag or digest, its digest checked. */
  async getManifest(repository: string, reference: string): Promise<FetchedManifest> {
    const byDigest = reference.includes(':');
    if (byDigest) {
      const problem = digestProblem(reference);
      if (problem) throw new UserError(`invalid digest '${reference}' for ${repository}: ${problem}`);
    }
    const named = `${repository}${byDigest ? '@' : ':'}${reference}`;
    const image = `${this.registry}/${named}`;
    const res = await this.#request(repository, `/v2/${repository}/manifests/${reference}`, {
      method: 'GET',
      headers: { accept: MANIFEST_ACCEPT },
    });
    if (res.status === 404) {
      const detail = await responseDetail(res);
      throw new NotFoundError(`image ${named} not found in ${this.registry}${detail ? ` (${detail})` : ''}`);
    }
    if (res.status !== 200) throw await this.#failure(res, repository, `fetching the manifest of ${image}`);

    const body = await readLimited(
      res.body,
      res.headers,
      MAX_MANIFEST_SIZE,
      () => new BoxctlError(`the manifest of ${image} is larger than the ${MAX_MANIFEST_MIB} MiB boxctl accepts`),
    );
    const expected = byDigest ? reference : header(res.headers, 'docker-content-digest');
    const digest = expected === undefined ? digestOf(body) : this.#verifyDigest(image, body, expected, byDigest);
    const contentType = header(res.headers, 'content-type');
    const manifest = parseManifest(body, contentType === undefined ? { image } : { image, contentType });
    return { body, mediaType: manifest.mediaType, digest, manifest };
  }

  /**
   * The blob's bytes as they arrive, failing (at the latest after the last chunk)
   * unless they have the descriptor's digest and size. Resolves once the registry has
   * started sending. Iterate it once; a reader that stops early ends the request.
   */
  async blobChunks(repository: string, descriptor: BlobDescriptor, opts: FetchBlobOptions = {}): Promise<AsyncGenerator<Buffer>> {
    const check = new DigestCheck(descriptor);
    const stop = new AbortController();
    const signal = opts.signal ? AbortSignal.any([opts.signal, stop.signal]) : stop.signal;
    const open = (offset: number) => this.#openBlob(repository, descriptor, offset, signal);
    const first = await open(0);
    const body = resumableBody(first, {
      size: descriptor.size,
      signal,
      open,
      what: `blob ${descriptor.digest} of ${repository} from ${this.registry}`,
      ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    });
    return (async function* checked(): AsyncGenerator<Buffer> {
      let complete = false;
      try {
        for await (const chunk of body) {
          check.update(chunk);
          yield chunk;
        }
        check.finish();
        complete = true;
      } finally {
        // The socket of a download left half read closes now, not when the server gives up.
        if (!complete) stop.abort();
      }
    })();
  }

  /** blobChunks as a stream, for readers that want one. */
  async fetchBlob(repository: string, descriptor: BlobDescriptor, opts: FetchBlobOptions = {}): Promise<Readable> {
    return Readable.from(await this.blobChunks(repository, descriptor, opts), { objectMode: false });
  }

  async blobExists(repository: string, digest: string): Promise<boolean> {
    const res = await this.#request(repository, `/v2/${repository}/blobs/${digest}`, { method: 'HEAD' });
    await res.body.dump();
    if (res.status === 200) return true;
    if (res.status === 404) return false;
    throw await this.#failure(res, repository, `looking up blob ${digest} of ${repository} in ${this.registry}`);
  }

  /**
   * Checks the user name and password the way `docker login` does: GET /v2/ with them,
   * answering a Basic challenge directly and a Bearer one with a token asked for no
   * repository at all, since a login is not a pull of anything. A registry that
   * answers without asking needs no login, and passes.
   */
  async checkLogin(): Promise<void> {
    const creds = this.#credentials;
    if (!creds || !('username' in creds)) throw new UserError(`a login to ${this.registry} needs a user name and password`);
    const basic = basicAuthorization(creds);
    const ping = (authorization?: string) => this.#transport.toRegistry('/v2/', { method: 'GET', headers: authorization ? { authorization } : {} });
    const refused = (detail: string) =>
      new UserError(`login to ${this.registry} failed: ${detail || 'the registry refused the credentials'}: check the user name and password`);
    const settle = async (res: Response): Promise<void> => {
      if (res.status === 200) return res.body.dump();
      const detail = await responseDetail(res);
      if (res.status === 401 || res.status === 403) throw refused(detail);
      throw httpFailure(`logging in to ${this.registry}`, res.status, detail);
    };
    const first = await ping();
    if (first.status !== 401) return settle(first);
    await first.body.dump();
    const challenges = headerValues(first.headers, 'www-authenticate').flatMap(parseChallenges);
    const bearer = challenges.find((c) => c.scheme === 'bearer');
    if (!bearer) {
      if (challenges.some((c) => c.scheme === 'basic')) return settle(await ping(basic));
      throw new BoxctlError(`${this.registry} asks for authentication boxctl does not support (${challenges.map((c) => c.scheme).join(', ') || 'no WWW-Authenticate challenge'})`);
    }
    let realm: URL;
    try {
      realm = new URL(bearer.params.realm ?? '');
    } catch {
      throw new BoxctlError(`${this.registry} asks for a bearer token but names no usable token server (realm ${JSON.stringify(bearer.params.realm ?? '')})`);
    }
    if (realm.protocol !== 'https:' && realm.protocol !== 'http:') throw new BoxctlError(`${this.registry} names a token server boxctl cannot reach: ${realm.href}`);
    if (bearer.params.service) realm.searchParams.set('service', bearer.params.service);
    realm.searchParams.set('account', creds.username);
    const answer = await this.#transport.toUrl(realm, { method: 'GET', headers: { authorization: basic } });
    if (answer.status !== 200) {
      const detail = await responseDetail(answer);
      if (answer.status === 401 || answer.status === 403) throw refused(detail);
      throw httpFailure(`getting a login token from ${realm.host}`, answer.status, detail);
    }
    const tooLarge = () => new BoxctlError(`the token server of ${this.registry} sent an answer larger than 1 MiB`);
    let doc: unknown;
    try {
      doc = JSON.parse((await readLimited(answer.body, answer.headers, 2 ** 20, tooLarge)).toString('utf8'));
    } catch (e) {
      if (e instanceof BoxctlError) throw e;
      throw new BoxctlError(`the token server of ${this.registry} sent invalid JSON: ${(e as Error).message}`);
    }
    const fields = typeof doc === 'object' && doc !== null ? (doc as Record<string, unknown>) : {};
    // 'token' in Docker's token spec, 'access_token' in its OAuth2 flavour.
    const token = [fields.token, fields.access_token].find((t): t is string => typeof t === 'string' && t !== '');
    if (!token) throw new BoxctlError(`the token server of ${this.registry} answered without a token`);
    return settle(await ping(`Bearer ${token}`));
  }

  /** Closes boxctl's own connection pools; a dispatcher passed in stays open. */
  close(): Promise<void> {
    return this.#transport.close();
  }

  /** A request to the registry, authenticated as it asks; a 401 gets one new try with fresh credentials. */
  async #request(repository: string, path: string, init: SendInit): Promise<Response> {
    for (let renewed = false; ; renewed = true) {
      const authorization = await this.#auth.authorization(repository);
      const headers = { ...init.headers, ...(authorization ? { authorization } : {}) };
      const res = await this.#transport.toRegistry(path, { ...init, headers });
      if (res.status !== 401 || !res.fromRegistry) return res;
      const detail = await responseDetail(res);
      if (renewed) throw this.#auth.denied(repository, detail);
      this.#auth.unauthorized(res.headers, repository, authorization, detail);
    }
  }

  async #openBlob(repository: string, desc: BlobDescriptor, offset: number, signal: AbortSignal): Promise<Response> {
    const res = await this.#request(repository, `/v2/${repository}/blobs/${desc.digest}`, {
      method: 'GET',
      headers: offset > 0 ? { range: `bytes=${offset}-` } : {},
      signal,
    });
    const blob = `blob ${desc.digest} of ${repository}`;
    if (res.status === 404) {
      await res.body.dump();
      throw new NotFoundError(`${blob} not found in ${this.registry}`);
    }
    if (res.status === 206 && offset > 0) {
      const range = /^bytes (\d+)-/.exec(header(res.headers, 'content-range') ?? '');
      if (Number(range?.[1]) !== offset) {
        res.body.destroy();
        throw new BoxctlError(
          `${this.registry} answered a request for ${blob} from byte ${offset} with the wrong range`,
        );
      }
      return res;
    }
    if (res.status !== 200) throw await this.#failure(res, repository, `downloading ${blob} from ${this.registry}`);
    const length = header(res.headers, 'content-length');
    if (length !== undefined && Number(length) !== desc.size) {
      res.body.destroy();
      throw new BoxctlError(
        `${this.registry} sent ${length} bytes for ${blob}, its manifest declares ${desc.size}: the registry sent the wrong content`,
      );
    }
    return res;
  }

  /** expected is the digest asked for, or else the one the registry claims in Docker-Content-Digest. */
  #verifyDigest(image: string, body: Buffer, expected: string, asked: boolean): string {
    const problem = digestProblem(expected);
    if (problem) {
      throw new BoxctlError(`${this.registry} sent an invalid Docker-Content-Digest for ${image}: ${problem}`);
    }
    const actual = digestOf(body, parseDigest(expected).algorithm);
    if (actual !== expected) {
      const claim = asked ? `not ${expected}` : `but ${this.registry} says ${expected}`;
      throw new BoxctlError(
        `the manifest of ${image} has digest ${actual}, ${claim}: the registry sent different content`,
      );
    }
    return expected;
  }

  async #failure(res: Response, repository: string, what: string): Promise<BoxctlError> {
    const detail = await responseDetail(res);
    if (res.status === 403) return accessDenied(this.registry, repository, detail);
    return httpFailure(what, res.status, detail);
  }
}
