// When a failed request is worth repeating, and how long to wait first. Retries are for
// what may pass (a dropped connection, an overloaded or restarting registry); a 4xx
// answer will be the same next time, except 429, which asks us to come back later.
import { errorCode } from './net-error.js';

export interface RetryPolicy {
  /** Attempts in all, the first one included. */
  tries: number;
  firstDelayMs: number;
  maxDelayMs: number;
}

export const RETRY: RetryPolicy = { tries: 4, firstDelayMs: 200, maxDelayMs: 3000 };

/** The pause after failed attempt number `attempt` (1-based), doubling up to the maximum. */
export function retryDelay(policy: RetryPolicy, attempt: number, random: () => number = Math.random): number {
  const full = Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** (attempt - 1));
  // Half of it random, so parallel layer downloads that failed together do not retry in lockstep.
  return full / 2 + (random() * full) / 2;
}

export function isRetryableStatus(status: number): boolean {
  // 501 says the server does not do this at all: asking again cannot help.
  return status === 429 || (status >= 500 && status <= 599 && status !== 501);
}

const TRANSIENT_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENETDOWN',
  'EHOSTDOWN',
  'ERR_STREAM_PREMATURE_CLOSE',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
]);

/** A connection-level failure that may not happen again; TLS and DNS answers will. */
export function isTransientError(err: unknown): boolean {
  return TRANSIENT_CODES.has(errorCode(err) ?? '');
}
