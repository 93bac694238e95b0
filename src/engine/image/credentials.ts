// The credentials a pull (or a login that reuses them) goes with: the sources the auth
// files name (auth-file.ts), asked in order, credential helpers run as they come up.
import { credentialSources, type AuthFile, type CredentialSource, type Credentials } from './auth-file.js';
import { helperGet, MissingHelperError, type HelperRef } from './credential-helper.js';

export interface FoundCredentials {
  credentials: Credentials;
  /** Where they came from: an auths entry or a helper. */
  source: CredentialSource;
}

export function helperRef(source: Extract<CredentialSource, { kind: 'helper' }>): HelperRef {
  return { helper: source.helper, origin: `${source.field} in ${source.path}` };
}

/**
 * The first credentials found for key, or undefined: go anonymously. A helper that
 * fails is passed over for the sources after it, and its failure is the answer only
 * when none of them has credentials (as containers/image does).
 */
export async function lookupCredentials(files: readonly AuthFile[], key: string): Promise<FoundCredentials | undefined> {
  let problem: unknown;
  for (const source of credentialSources(files, key)) {
    if (source.kind === 'credentials') return { credentials: source.credentials, source };
    try {
      const credentials = await helperGet(helperRef(source), source.registry);
      if (credentials) return { credentials, source };
    } catch (e) {
      // Podman never asks a credsStore (Docker's default store), so a missing one fails no pull here.
      if (source.field === 'credsStore' && e instanceof MissingHelperError) continue;
      problem ??= e;
    }
  }
  if (problem) throw problem;
  return undefined;
}
