// Short-name resolution as containers/image's pkg/shortnames does it: an alias wins;
// otherwise every unqualified-search registry is a candidate, in order. boxctl never
// prompts, so where Podman would prompt on a terminal it does what Podman does without
// one: enforcing mode refuses more than one candidate, permissive and disabled try them
// all in order.
import { UserError } from '../../errors.js';
import { formatReference, isShortName, parseReference, splitReference, type Reference } from './reference.js';
import type { RegistriesConf } from './registries-conf.js';

export type ShortNameResolution =
  | { kind: 'qualified'; reference: Reference }
  | { kind: 'alias'; reference: Reference; origin: string }
  | {
      kind: 'search';
      /** In search order; pull the first that exists, unless ambiguous. */
      candidates: Reference[];
      /** The caller must refuse (see ambiguousShortNameError) rather than guess. */
      ambiguous: boolean;
      /** The file that set the search list, to say where the candidates came from. */
      origin?: string;
    };

function withTagAndDigest(base: Reference, from: Reference): Reference {
  const out: Reference = { registry: base.registry, repository: base.repository };
  if (from.tag !== undefined) out.tag = from.tag;
  if (from.digest !== undefined) out.digest = from.digest;
  return out;
}

export function resolveShortName(text: string, conf: RegistriesConf): ShortNameResolution {
  const ref = parseReference(text);
  if (!isShortName(text)) return { kind: 'qualified', reference: ref };

  // Aliases are keyed by the name as written, without tag or digest ('fedora', not 'fedora:40').
  const { name } = splitReference(text);
  const alias = conf.aliases.get(name);
  if (alias?.target) return { kind: 'alias', reference: withTagAndDigest(alias.target, ref), origin: alias.origin };

  const registries = conf.unqualifiedSearchRegistries;
  if (registries.length === 0) {
    const where = conf.searchOrigin ? `in ${conf.searchOrigin}` : 'in any registries.conf';
    throw new UserError(
      `short name '${text}' has no alias and no unqualified-search registries are set ${where}: use a full name such as ${formatReference(ref)}`,
    );
  }
  const candidates = registries.map((registry) => withTagAndDigest(parseReference(`${registry}/${name}`), ref));
  const ambiguous = conf.shortNameMode === 'enforcing' && candidates.length > 1;
  return { kind: 'search', candidates, ambiguous, ...(conf.searchOrigin ? { origin: conf.searchOrigin } : {}) };
}

export function ambiguousShortNameError(text: string, candidates: readonly Reference[]): UserError {
  return new UserError(`short name '${text}' is ambiguous: use one of ${candidates.map(formatReference).join(', ')}`);
}
