// Bearer tokens by what they were issued for, until they expire. A token is dropped a
// little before its end, so that one is never sent just as it runs out.

/** The lifetime the token spec gives a token whose server does not say. */
export const DEFAULT_TOKEN_LIFETIME_S = 60;
const MARGIN_S = 5;

export class TokenCache {
  readonly #entries = new Map<string, { token: string; expiresAt: number }>();

  constructor(readonly now: () => number = Date.now) {}

  get(key: string): string | undefined {
    const entry = this.#entries.get(key);
    if (entry && this.now() < entry.expiresAt) return entry.token;
    this.#entries.delete(key);
    return undefined;
  }

  set(key: string, token: string, expiresInS?: number): void {
    const lifetime =
      expiresInS !== undefined && Number.isFinite(expiresInS) && expiresInS > 0 ? expiresInS : DEFAULT_TOKEN_LIFETIME_S;
    this.#entries.set(key, { token, expiresAt: this.now() + (lifetime - MARGIN_S) * 1000 });
  }

  delete(key: string): void {
    this.#entries.delete(key);
  }
}
