// Image references ("alpine", "quay.io/fedora/fedora:40", "localhost:5000/app@sha256:...")
// in the grammar of github.com/distribution/reference, normalized the way Podman's
// containers/image does it: a first component is a registry only if it has a '.' or a
// ':' or is 'localhost'; otherwise the name is on Docker Hub, and a one-part Docker Hub
// name is in 'library/'. Unlike newer Docker, an upper-case first component is not taken
// for a registry, so 'Foo/bar' is refused as upper case, as Podman refuses it.
//
// Each kind of malformed reference gets its own message, because "invalid reference
// format" (Docker's one message for all of them) leaves the user guessing.
import { UserError } from '../../errors.js';
import { digestProblem } from './digest.js';

export const DOCKER_HUB = 'docker.io';
const DEFAULT_TAG = 'latest';
/** Longest registry + '/' + repository, as containers/image counts it. */
const NAME_MAX = 255;
const TAG_MAX = 128;

const LEGACY_DOCKER_HUB = 'index.docker.io';
const OFFICIAL_NAMESPACE = 'library/';

const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
// IPv6 only in brackets, without zones or embedded IPv4, as distribution/reference allows.
const HOST = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])`;
const REGISTRY = new RegExp(`^${HOST}(?::[0-9]+)?$`);
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^\w[\w.-]*$/;
const IMAGE_ID = /^[a-f0-9]{64}$/;

export interface Reference {
  /** Host with optional port: 'docker.io', 'quay.io', 'localhost:5000', '[::1]:5000'. */
  registry: string;
  /** Path on the registry: 'library/alpine', 'fedora/fedora'. */
  repository: string;
  tag?: string;
  digest?: string;
}

/** Whether a host[:port] is valid as the registry part of a reference. */
export function isRegistryName(text: string): boolean {
  return REGISTRY.test(text);
}

/**
 * No registry in it, so registries.conf decides where it comes from. Textual, as
 * Podman decides it: validity is parseReference's business.
 */
export function isShortName(text: string): boolean {
  const slash = text.indexOf('/');
  if (slash === -1) return true;
  const first = text.slice(0, slash);
  return !first.includes('.') && !first.includes(':') && first !== 'localhost';
}

function shown(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function invalid(text: string, why: string): UserError {
  return new UserError(`invalid image reference '${shown(text)}': ${why}`);
}

function splitRegistry(name: string): { registry: string; repository: string } {
  let registry = DOCKER_HUB;
  let repository = name;
  if (!isShortName(name)) {
    const slash = name.indexOf('/');
    registry = name.slice(0, slash);
    repository = name.slice(slash + 1);
  }
  if (registry === LEGACY_DOCKER_HUB) registry = DOCKER_HUB;
  if (registry === DOCKER_HUB && repository !== '' && !repository.includes('/')) {
    repository = OFFICIAL_NAMESPACE + repository;
  }
  return { registry, repository };
}

function repositoryProblem(repository: string): string | undefined {
  for (const part of repository.split('/')) {
    if (part === '') return `repository '${shown(repository)}' has an empty path component`;
    if (!PATH_COMPONENT.test(part)) {
      return `'${shown(part)}' is not a valid repository path component: use lowercase letters and digits, separated by '.', '_', '__' or '-'`;
    }
  }
  return undefined;
}

function tagProblem(tag: string): string | undefined {
  if (tag === '') return "the tag after ':' is empty";
  if (tag.length > TAG_MAX) return `the tag is ${tag.length} characters long, the limit is ${TAG_MAX}`;
  if (!TAG.test(tag)) {
    return `tag '${shown(tag)}' may only contain letters, digits, '_', '.' and '-', and must not start with '.' or '-'`;
  }
  return undefined;
}

/**
 * The text cut into name, tag and digest, neither validated nor normalized: short-name
 * aliases are looked up by the name exactly as the user wrote it.
 */
export function splitReference(text: string): { name: string; tag?: string; digest?: string } {
  const at = text.indexOf('@');
  const nameAndTag = at === -1 ? text : text.slice(0, at);
  // A tag's ':' comes after the last '/'; an earlier ':' belongs to a registry port.
  const colon = nameAndTag.lastIndexOf(':');
  const hasTag = colon > nameAndTag.lastIndexOf('/');
  const out: { name: string; tag?: string; digest?: string } = {
    name: hasTag ? nameAndTag.slice(0, colon) : nameAndTag,
  };
  if (hasTag) out.tag = nameAndTag.slice(colon + 1);
  if (at !== -1) out.digest = text.slice(at + 1);
  return out;
}

/** Parse and normalize: docker.io and library/ filled in, index.docker.io folded into docker.io. */
export function parseReference(text: string): Reference {
  if (text === '')
    throw new UserError('image reference is empty: name an image such as alpine or quay.io/fedora/fedora:40');
  if (IMAGE_ID.test(text)) {
    throw invalid(
      text,
      'a 64-digit hex string is an image id, not a name: refer to a local image by id, or use a repository name',
    );
  }
  if (text.includes('://')) throw invalid(text, "references have no scheme: drop the 'http://' or 'https://'");

  const { name, tag, digest } = splitReference(text);
  if (digest !== undefined) {
    const problem = digestProblem(digest);
    if (problem) throw invalid(text, `bad digest: ${problem}`);
  }
  if (tag !== undefined) {
    const problem = tagProblem(tag);
    if (problem) throw invalid(text, problem);
  }
  if (name === '') throw invalid(text, 'the repository name is missing');

  const { registry, repository } = splitRegistry(name);
  if (!isRegistryName(registry)) {
    throw invalid(text, `'${shown(registry)}' is not a valid registry host[:port]`);
  }
  if (repository === '') throw invalid(text, 'the repository name is missing');
  if (repository !== repository.toLowerCase()) {
    const suggestion = text.slice(0, name.length).toLowerCase() + text.slice(name.length);
    throw invalid(text, `repository names must be lowercase: try '${shown(suggestion)}'`);
  }
  const problem = repositoryProblem(repository);
  if (problem) throw invalid(text, problem);

  const length = registry.length + 1 + repository.length;
  if (length > NAME_MAX) throw invalid(text, `the name is ${length} characters long, the limit is ${NAME_MAX}`);

  const ref: Reference = { registry, repository };
  if (tag !== undefined) ref.tag = tag;
  if (digest !== undefined) ref.digest = digest;
  return ref;
}

/** The name without tag or digest: 'docker.io/library/alpine'. */
export function referenceName(ref: Reference): string {
  return `${ref.registry}/${ref.repository}`;
}

/** The full, canonical form: registry/repository[:tag][@digest]. */
export function formatReference(ref: Reference): string {
  let out = referenceName(ref);
  if (ref.tag !== undefined) out += `:${ref.tag}`;
  if (ref.digest !== undefined) out += `@${ref.digest}`;
  return out;
}

/** The name as Docker shows it: no 'docker.io/', and no 'library/' for one-part names. */
export function familiarName(ref: Reference): string {
  if (ref.registry !== DOCKER_HUB) return referenceName(ref);
  const rest = ref.repository.slice(OFFICIAL_NAMESPACE.length);
  if (ref.repository.startsWith(OFFICIAL_NAMESPACE) && !rest.includes('/')) return rest;
  return ref.repository;
}

/** A pull needs a tag or a digest: add 'latest' when it has neither, as Podman does. */
export function withDefaultTag(ref: Reference): Reference {
  return ref.tag === undefined && ref.digest === undefined ? { ...ref, tag: DEFAULT_TAG } : ref;
}
