// Registry answers that end a request, as one line each. The distribution spec's error
// body ({"errors": [{"code", "message", "detail"}]}) usually says more than the status,
// so its messages are folded into ours.
import { BoxctlError, UserError } from '../../../errors.js';
import { readLimited } from './body.js';
import type { Response } from './transport.js';

/** Enough for any real error body; more is not read. */
const ERROR_BODY_LIMIT = 64 * 1024;
const DETAIL_MAX = 300;

function isTable(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The messages of an error body, '; '-joined on one line; '' when it has none. */
export function errorBodyDetail(text: string): string {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return '';
  }
  if (!isTable(doc) || !Array.isArray(doc.errors)) return '';
  const parts = doc.errors.flatMap((e: unknown) => {
    if (!isTable(e)) return [];
    const text = typeof e.message === 'string' && e.message ? e.message : e.code;
    return typeof text === 'string' && text ? [text] : [];
  });
  const detail = parts.join('; ').replace(/\s+/g, ' ').trim();
  return detail.length > DETAIL_MAX ? `${detail.slice(0, DETAIL_MAX - 3)}...` : detail;
}

/** What the registry says about a failed request; the body is consumed. */
export async function responseDetail(res: Response): Promise<string> {
  try {
    const body = await readLimited(res.body, res.headers, ERROR_BODY_LIMIT, () => new Error('too large'));
    return errorBodyDetail(body.toString('utf8'));
  } catch {
    return '';
  }
}

function withDetail(text: string, detail: string): string {
  return detail ? `${text} (${detail})` : text;
}

export function httpFailure(what: string, status: number, detail: string): BoxctlError {
  return new BoxctlError(withDetail(`${what} failed: the registry answered http ${status}`, detail));
}

export function loginFailed(registry: string, detail: string): UserError {
  return new UserError(
    `login to ${registry} failed: ${detail || 'the registry refused the credentials'}: run 'boxctl login ${registry}'`,
  );
}

/** Refused without a login, or with one that may not pull it; registries say the same for a missing repository. */
export function accessDenied(registry: string, repository: string, detail: string, username?: string): UserError {
  const who = username ? ` to ${username}` : '';
  const fix = username
    ? `check the name, or run 'boxctl login ${registry}' as a user allowed to pull it`
    : `check the name, or run 'boxctl login ${registry}' if it is private`;
  return new UserError(withDetail(`${registry} denied access to ${repository}${who}`, detail) + `: ${fix}`);
}
