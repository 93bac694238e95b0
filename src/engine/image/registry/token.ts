// Bearer tokens from a registry's token server, as Docker's token spec and its OAuth2
// variant describe: a GET with Basic credentials (or none, for anonymous pulls), or, for
// an identity token from an OAuth login, a POST with it as the refresh token.
import { BoxctlError } from '../../../errors.js';
import { readLimited } from './body.js';
import type { Challenge } from './challenge.js';
import { accessDenied, httpFailure, loginFailed, responseDetail } from './failures.js';
import type { Response, Transport } from './transport.js';

const TOKEN_BODY_LIMIT = 1024 * 1024;
const CLIENT_ID = 'boxctl';

export type RegistryCredentials = { username: string; password: string } | { identityToken: string };

export interface BearerToken {
  token: string;
  expiresInS?: number;
}

/** The token scope for pulling from a repository, as Docker's token spec spells it. */
export function pullScope(repository: string): string {
  return `repository:${repository}:pull`;
}

export function basicAuthorization(creds: { username: string; password: string }): string {
  return `Basic ${Buffer.from(`${creds.username}:${creds.password}`, 'utf8').toString('base64')}`;
}

function realmOf(registry: string, challenge: Challenge): URL {
  const realm = challenge.params.realm;
  let url: URL | undefined;
  try {
    url = realm ? new URL(realm) : undefined;
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new BoxctlError(
      `${registry} asks for a bearer token but names no usable token server (realm ${JSON.stringify(realm ?? '')})`,
    );
  }
  return url;
}

function parseToken(registry: string, body: Buffer): BearerToken {
  let doc: unknown;
  try {
    doc = JSON.parse(body.toString('utf8'));
  } catch (e) {
    throw new BoxctlError(`the token server of ${registry} sent invalid JSON: ${(e as Error).message}`);
  }
  const { token, access_token, expires_in } = (typeof doc === 'object' && doc !== null ? doc : {}) as Record<
    string,
    unknown
  >;
  // 'token' in Docker's spec, 'access_token' in its OAuth2 flavour; servers may send both.
  const found = [token, access_token].find((t): t is string => typeof t === 'string' && t !== '');
  if (!found) throw new BoxctlError(`the token server of ${registry} answered without a token`);
  return typeof expires_in === 'number' ? { token: found, expiresInS: expires_in } : { token: found };
}

export async function fetchToken(
  transport: Transport,
  req: {
    registry: string;
    challenge: Challenge;
    /** The repository the token is to pull from. */
    repository: string;
    credentials?: RegistryCredentials;
  },
): Promise<BearerToken> {
  const { registry, challenge, repository, credentials } = req;
  const scope = pullScope(repository);
  const url = realmOf(registry, challenge);
  const service = challenge.params.service;
  let res: Response;
  if (credentials && 'identityToken' in credentials) {
    const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: credentials.identityToken });
    form.set('client_id', CLIENT_ID);
    if (service) form.set('service', service);
    form.set('scope', scope);
    res = await transport.toUrl(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
  } else {
    if (service) url.searchParams.set('service', service);
    url.searchParams.set('scope', scope);
    res = await transport.toUrl(url, {
      method: 'GET',
      headers: credentials ? { authorization: basicAuthorization(credentials) } : {},
    });
  }
  if (res.status === 200) {
    const body = await readLimited(
      res.body,
      res.headers,
      TOKEN_BODY_LIMIT,
      () => new BoxctlError(`the token server of ${registry} sent more than ${TOKEN_BODY_LIMIT} bytes`),
    );
    return parseToken(registry, body);
  }
  const detail = await responseDetail(res);
  if (res.status === 401 || res.status === 403) {
    throw credentials ? loginFailed(registry, detail) : accessDenied(registry, repository, detail);
  }
  throw httpFailure(`getting a token for ${scope} from ${url.host}`, res.status, detail);
}
