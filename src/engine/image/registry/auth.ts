// Who we are to one registry. Requests go out anonymously until the registry answers 401;
// its challenge then says how to authenticate (a bearer token from its token server, or
// Basic credentials on every request), and later requests authenticate up front.
import type { IncomingHttpHeaders } from 'node:http';

import { BoxctlError, type UserError } from '../../../errors.js';
import { headerValues } from './body.js';
import { parseChallenges, type Challenge } from './challenge.js';
import { accessDenied, loginFailed } from './failures.js';
import { TokenCache } from './token-cache.js';
import { basicAuthorization, fetchToken, pullScope, type RegistryCredentials } from './token.js';
import type { Transport } from './transport.js';

export class Authenticator {
  readonly #registry: string;
  readonly #transport: Transport;
  readonly #credentials: RegistryCredentials | undefined;
  readonly #tokens = new TokenCache();
  /** Token fetches in flight, shared by parallel requests for the same scope. */
  readonly #pending = new Map<string, Promise<string>>();
  /** The bearer challenge to answer, once the registry has sent one. */
  #bearer: Challenge | undefined;
  /** The header for a registry that wants Basic credentials on every request. */
  #basic: string | undefined;

  constructor(opts: { registry: string; transport: Transport; credentials?: RegistryCredentials }) {
    this.#registry = opts.registry;
    this.#transport = opts.transport;
    this.#credentials = opts.credentials;
  }

  /** The Authorization header for a pull from repository, or none while the registry has not asked. */
  async authorization(repository: string): Promise<string | undefined> {
    if (this.#basic) return this.#basic;
    return this.#bearer && `Bearer ${await this.#token(this.#bearer, repository)}`;
  }

  /**
   * Learns from a 401 answer how the registry wants us to authenticate; throws where
   * asking again cannot help. sent is the Authorization header the refused request carried.
   */
  unauthorized(headers: IncomingHttpHeaders, repository: string, sent: string | undefined, detail: string): void {
    const challenges = headerValues(headers, 'www-authenticate').flatMap(parseChallenges);
    const challenge = challenges.find((c) => c.scheme === 'bearer') ?? challenges.find((c) => c.scheme === 'basic');
    if (!challenge) {
      const schemes = challenges.map((c) => c.scheme).join(', ');
      const offered = schemes ? `schemes: ${schemes}` : 'no WWW-Authenticate challenge';
      throw new BoxctlError(`${this.#registry} asks for authentication boxctl does not support (${offered})`);
    }
    if (challenge.scheme === 'basic') {
      const creds = this.#credentials;
      // An identity token is only good for a token server's OAuth flow.
      if (!creds || !('username' in creds)) throw accessDenied(this.#registry, repository, detail);
      if (sent?.startsWith('Basic ')) throw loginFailed(this.#registry, detail);
      this.#basic = basicAuthorization(creds);
      this.#bearer = undefined;
      return;
    }
    // A token refused before its time (expired early, revoked): fetch a new one.
    if (sent?.startsWith('Bearer ')) this.#tokens.delete(tokenKey(challenge, repository));
    this.#bearer = challenge;
    this.#basic = undefined;
  }

  /** The error for a request refused again after authenticating afresh. */
  denied(repository: string, detail: string): UserError {
    const creds = this.#credentials;
    if (this.#basic) return loginFailed(this.#registry, detail);
    return accessDenied(this.#registry, repository, detail, creds && 'username' in creds ? creds.username : undefined);
  }

  #token(challenge: Challenge, repository: string): Promise<string> {
    const key = tokenKey(challenge, repository);
    const cached = this.#tokens.get(key);
    if (cached !== undefined) return Promise.resolve(cached);
    let pending = this.#pending.get(key);
    if (!pending) {
      const req = { registry: this.#registry, challenge, repository };
      pending = fetchToken(this.#transport, this.#credentials ? { ...req, credentials: this.#credentials } : req)
        .then((t) => {
          this.#tokens.set(key, t.token, t.expiresInS);
          return t.token;
        })
        .finally(() => this.#pending.delete(key));
      this.#pending.set(key, pending);
    }
    return pending;
  }
}

function tokenKey(challenge: Challenge, repository: string): string {
  return [challenge.params.realm, challenge.params.service, pullScope(repository)].join('\n');
}
