// Failures below HTTP: the socket, DNS, TLS. Node and undici name them by a code, which
// may sit on the error itself, on its cause, or (for a name with several addresses) on
// each error of an AggregateError.
import { BoxctlError } from '../../../errors.js';

export function errorCode(err: unknown, depth = 0): string | undefined {
  if (typeof err !== 'object' || err === null || depth > 3) return undefined;
  const { code, cause, errors } = err as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === 'string') return code;
  if (Array.isArray(errors) && errors.length > 0) return errorCode(errors[0], depth + 1);
  return errorCode(cause, depth + 1);
}

function errorMessage(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const sub = err instanceof AggregateError ? err.errors.map(errorMessage).join('; ') : '';
  return (err.message || sub || err.name).replace(/\s+/g, ' ').trim();
}

// OpenSSL's certificate codes (DEPTH_ZERO_SELF_SIGNED_CERT, CERT_HAS_EXPIRED,
// UNABLE_TO_VERIFY_LEAF_SIGNATURE ...) and Node's own TLS and SSL codes.
const TLS_CODE = /^ERR_(SSL|TLS)_|CERT|SELF_SIGNED|^UNABLE_TO_|^HOSTNAME_MISMATCH$/;

export function isTlsError(err: unknown): boolean {
  return TLS_CODE.test(errorCode(err) ?? '');
}

/** Nothing answered on that host and port, so the other scheme would not fare better. */
const CONNECT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

export function isConnectFailure(err: unknown): boolean {
  return CONNECT_CODES.has(errorCode(err) ?? '');
}

/** One line for a failed exchange with host (a registry, its token server or its blob storage). */
export function networkFailure(host: string, cause: unknown): BoxctlError {
  const code = errorCode(cause);
  const message = errorMessage(cause);
  const why = code ? `${code} (${message})` : message;
  if (isTlsError(cause)) {
    return new BoxctlError(
      `tls connection to ${host} failed: ${why}: if you trust it, pull with --tls-verify=false or list it as an insecure registry in registries.conf`,
      { cause },
    );
  }
  if (isConnectFailure(cause)) {
    return new BoxctlError(`cannot reach ${host}: ${why}: check the registry name and the network`, { cause });
  }
  return new BoxctlError(`connection to ${host} failed: ${why}`, { cause });
}
