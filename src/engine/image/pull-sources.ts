// Where a fully qualified reference is pulled from, by registries.conf's [[registry]]
// tables: the one with the longest matching prefix gives its mirrors (tried first) and
// its location, each with the prefix rewritten, as containers/image's
// PullSourcesFromReference does. A blocked registry is refused here, before any request.
import { UserError } from '../../errors.js';
import { formatReference, parseReference, referenceName, type Reference } from './reference.js';
import type { RegistriesConf, RegistryConfig } from './registries-conf.js';

export interface PullSource {
  /** The reference as this endpoint knows it. */
  reference: Reference;
  /** TLS errors ignored, plain HTTP allowed: only where registries.conf says so. */
  insecure: boolean;
  mirror: boolean;
}

function isBoundary(ch: string | undefined): boolean {
  return ch === ':' || ch === '/' || ch === '@';
}

/** Length of the prefix of ref that the registry prefix matches, or -1. */
function matchLength(ref: string, prefix: string): number {
  if (prefix.startsWith('*.')) {
    // '*.example.com' matches any subdomain of example.com in the host part only.
    const suffix = prefix.slice(1);
    const at = ref.indexOf(suffix);
    if (at === -1 || ref.slice(0, at).includes('/')) return -1;
    const end = at + suffix.length;
    return end === ref.length || isBoundary(ref[end]) ? end : -1;
  }
  if (ref === prefix) return prefix.length;
  // Same boundary rule as containers/image, which also lets 'example.com' match 'example.com:5000'.
  return ref.startsWith(prefix) && isBoundary(ref[prefix.length]) ? prefix.length : -1;
}

function findRegistry(ref: string, registries: readonly RegistryConfig[]): RegistryConfig | undefined {
  let best: RegistryConfig | undefined;
  for (const reg of registries) {
    if (matchLength(ref, reg.prefix) !== -1 && reg.prefix.length > (best?.prefix.length ?? 0)) best = reg;
  }
  return best;
}

function rewrite(ref: Reference, reg: RegistryConfig, location: string): Reference {
  if (location === '') return ref;
  const text = formatReference(ref);
  const rewritten = location + text.slice(matchLength(text, reg.prefix));
  try {
    return parseReference(rewritten);
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    throw new UserError(
      `the [[registry]] for '${reg.prefix}' in ${reg.origin} turns ${text} into '${rewritten}', which is not a valid reference: fix its location`,
    );
  }
}

/** Mirrors first, in file order, then the registry's own location. */
export function registryFor(ref: Reference, conf: RegistriesConf): PullSource[] {
  const reg = findRegistry(formatReference(ref), conf.registries);
  if (!reg) return [{ reference: ref, insecure: false, mirror: false }];
  if (reg.blocked) {
    throw new UserError(
      `pulling ${referenceName(ref)} is blocked by the [[registry]] for '${reg.prefix}' in ${reg.origin}: remove 'blocked = true' there to allow it`,
    );
  }
  // A tag may move between a mirror and its source, a digest cannot: hence the digest-only options.
  const byDigest = ref.digest !== undefined;
  const mirrors = reg.mirrors.filter((m) =>
    reg.mirrorByDigestOnly ? byDigest : m.pullFromMirror === 'all' || (m.pullFromMirror === 'digest-only') === byDigest,
  );
  return [
    ...mirrors.map((m) => ({ reference: rewrite(ref, reg, m.location), insecure: m.insecure, mirror: true })),
    { reference: rewrite(ref, reg, reg.location), insecure: reg.insecure, mirror: false },
  ];
}
