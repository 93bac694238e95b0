import { describe, expect, it } from 'vitest';

import {
  RETRY,
  isRetryableStatus,
  isTransientError,
  retryDelay,
} from '../../src/engine/image/registry/retry.js';
import { errorCode, isConnectFailure, isTlsError } from '../../src/engine/image/registry/net-error.js';

function coded(code: string, message = code): Error {
  return Object.assign(new Error(message), { code });
}

describe('retry policy', () => {
  it('is bounded: four tries, waits from 200ms doubling to at most 3s', () => {
    expect(RETRY).toEqual({ tries: 4, firstDelayMs: 200, maxDelayMs: 3000 });
    const most = [1, 2, 3, 4, 5, 6, 20].map((n) => retryDelay(RETRY, n, () => 1));
    expect(most).toEqual([200, 400, 800, 1600, 3000, 3000, 3000]);
  });

  it('randomizes the second half of each wait', () => {
    expect(retryDelay(RETRY, 1, () => 0)).toBe(100);
    expect(retryDelay(RETRY, 3, () => 0.5)).toBe(600);
    expect(retryDelay(RETRY, 9, () => 0)).toBe(1500);
  });

  it.each([429, 500, 502, 503, 504, 599])('retries http %i', (status) => expect(isRetryableStatus(status)).toBe(true));

  it.each([200, 206, 301, 400, 401, 403, 404, 416, 501])('does not retry http %i', (status) =>
    expect(isRetryableStatus(status)).toBe(false),
  );

  it.each(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EAI_AGAIN', 'UND_ERR_SOCKET', 'UND_ERR_BODY_TIMEOUT'])(
    'retries %s',
    (code) => expect(isTransientError(coded(code))).toBe(true),
  );

  it.each(['ENOTFOUND', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'ERR_SSL_WRONG_VERSION_NUMBER', 'EACCES'])(
    'does not retry %s',
    (code) => expect(isTransientError(coded(code))).toBe(false),
  );

  it('does not retry errors without a code, such as a digest mismatch', () => {
    expect(isTransientError(new Error('blob has digest x, expected y'))).toBe(false);
    expect(isTransientError('ECONNRESET')).toBe(false);
  });
});

describe('network error codes', () => {
  it('finds the code on the error, its cause, or the first error of an AggregateError', () => {
    expect(errorCode(coded('ECONNRESET'))).toBe('ECONNRESET');
    expect(errorCode(new Error('wrapped', { cause: coded('UND_ERR_SOCKET') }))).toBe('UND_ERR_SOCKET');
    expect(errorCode(new AggregateError([coded('ECONNREFUSED'), coded('EHOSTUNREACH')]))).toBe('ECONNREFUSED');
    expect(errorCode(new Error('plain'))).toBeUndefined();
    expect(errorCode(null)).toBeUndefined();
  });

  it('tells TLS failures and failures to connect apart', () => {
    const tls = [
      'DEPTH_ZERO_SELF_SIGNED_CERT',
      'CERT_HAS_EXPIRED',
      'ERR_TLS_CERT_ALTNAME_INVALID',
      'ERR_SSL_WRONG_VERSION_NUMBER',
      'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    ];
    for (const code of tls) {
      expect(isTlsError(coded(code))).toBe(true);
      expect(isConnectFailure(coded(code))).toBe(false);
    }
    for (const code of ['ECONNREFUSED', 'ENOTFOUND', 'UND_ERR_CONNECT_TIMEOUT']) {
      expect(isConnectFailure(coded(code))).toBe(true);
      expect(isTlsError(coded(code))).toBe(false);
    }
    expect(isConnectFailure(coded('ECONNRESET'))).toBe(false);
  });
});
