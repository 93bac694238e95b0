import { describe, expect, it } from 'vitest';

import { BoxctlError, UserError } from '../../src/errors.js';
import {
  accessDenied,
  errorBodyDetail,
  httpFailure,
  loginFailed,
} from '../../src/engine/image/registry/failures.js';
import { networkFailure } from '../../src/engine/image/registry/net-error.js';

function coded(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('registry error bodies', () => {
  it('folds the messages of errors[] into one line', () => {
    const body = JSON.stringify({
      errors: [
        { code: 'UNAUTHORIZED', message: 'authentication required', detail: [{ Type: 'repository' }] },
        { code: 'DENIED', message: 'requested access\nto the resource is denied' },
      ],
    });
    expect(errorBodyDetail(body)).toBe('authentication required; requested access to the resource is denied');
  });

  it('falls back to the code where there is no message', () => {
    expect(errorBodyDetail('{"errors":[{"code":"TOOMANYREQUESTS"},{"code":"X","message":""}]}')).toBe(
      'TOOMANYREQUESTS; X',
    );
  });

  it.each(['', 'not json', '<html>502 Bad Gateway</html>', '{}', '{"errors":"no"}', '[1]', '{"errors":[1,null,{}]}'])(
    'finds nothing in %j',
    (body) => expect(errorBodyDetail(body)).toBe(''),
  );

  it('cuts a very long message', () => {
    const detail = errorBodyDetail(JSON.stringify({ errors: [{ code: 'X', message: 'y'.repeat(1000) }] }));
    expect(detail).toHaveLength(300);
    expect(detail.endsWith('...')).toBe(true);
  });
});

describe('registry failure messages', () => {
  it('names the registry and the fix for refused logins', () => {
    const e = loginFailed('quay.io', 'invalid username or password');
    expect(e).toBeInstanceOf(UserError);
    expect(e.message).toBe("login to quay.io failed: invalid username or password: run 'boxctl login quay.io'");
    expect(loginFailed('quay.io', '').message).toMatch(
      /^login to quay.io failed: the registry refused the credentials:/,
    );
  });

  it('says who was denied what', () => {
    expect(accessDenied('quay.io', 'a/b', 'denied').message).toBe(
      "quay.io denied access to a/b (denied): check the name, or run 'boxctl login quay.io' if it is private",
    );
    expect(accessDenied('quay.io', 'a/b', '', 'alice').message).toMatch(/^quay.io denied access to a\/b to alice: /);
  });

  it('states the status of other failures', () => {
    expect(httpFailure('fetching the manifest of x', 500, 'boom').message).toBe(
      'fetching the manifest of x failed: the registry answered http 500 (boom)',
    );
  });

  it('tells unreachable registries, TLS failures and broken connections apart', () => {
    const refused = networkFailure('r.example:5000', coded('ECONNREFUSED', 'connect ECONNREFUSED 10.0.0.1:5000'));
    expect(refused).toBeInstanceOf(BoxctlError);
    expect(refused.message).toBe(
      'cannot reach r.example:5000: ECONNREFUSED (connect ECONNREFUSED 10.0.0.1:5000): check the registry name and the network',
    );
    const tls = networkFailure('r.example', coded('DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed certificate'));
    expect(tls.message).toMatch(
      /^tls connection to r.example failed: DEPTH_ZERO_SELF_SIGNED_CERT \(self-signed certificate\)/,
    );
    expect(tls.message).toMatch(/--tls-verify=false/);
    expect(tls.message).toMatch(/insecure registry/);
    expect(networkFailure('r.example', coded('UND_ERR_SOCKET', 'other side\nclosed')).message).toBe(
      'connection to r.example failed: UND_ERR_SOCKET (other side closed)',
    );
    const both = new AggregateError([coded('ECONNREFUSED', 'connect ECONNREFUSED ::1:5000'), new Error('two')], '');
    expect(networkFailure('localhost:5000', both).message).toMatch(
      /^cannot reach localhost:5000: ECONNREFUSED \(connect ECONNREFUSED ::1:5000; two\)/,
    );
  });
});
