// The docker-archive format (`docker save`), as pure functions: manifest.json read from
// an archive, and the files boxctl writes, laid out as containers/image writes them
// (what `podman save` makes): <diff id hex>.tar per layer, uncompressed; <config hex>.json;
// the legacy per-layer dirs (<id>/VERSION, <id>/json, <id>/layer.tar -> ../<hex>.tar)
// that Docker before 1.10 needs; manifest.json; repositories.
import { createHash } from 'node:crypto';

import { ArchiveRefused } from './names.js';

export const DOCKER_MANIFEST_FILE = 'manifest.json';
export const REPOSITORIES_FILE = 'repositories';
export const MAX_DOCKER_MANIFEST = 4 * 1024 * 1024;

export interface DockerArchiveItem {
  Config: string;
  RepoTags: string[];
  Layers: string[];
}

function fail(problem: string): ArchiveRefused {
  return new ArchiveRefused(`the archive's ${DOCKER_MANIFEST_FILE} is invalid: ${problem}`);
}

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

export function parseDockerManifest(bytes: Buffer): DockerArchiveItem[] {
  let doc: unknown;
  try {
    doc = JSON.parse(bytes.toString('utf8'));
  } catch (e) {
    throw fail(`it is not valid JSON (${(e as Error).message})`);
  }
  if (!Array.isArray(doc) || doc.length === 0) throw fail('it must be a list of at least one image');
  return doc.map((raw: unknown, i) => {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw fail(`entry ${i} is not an object`);
    const item = raw as Record<string, unknown>;
    if (typeof item.Config !== 'string') throw fail(`entry ${i} has no Config file name`);
    if (!isStrings(item.Layers)) throw fail(`entry ${i} has no list of Layers`);
    // Docker writes null for an image saved by id.
    if (item.RepoTags !== undefined && item.RepoTags !== null && !isStrings(item.RepoTags)) throw fail(`entry ${i}: RepoTags must be a list of names`);
    return { Config: item.Config, RepoTags: (item.RepoTags as string[] | null | undefined) ?? [], Layers: item.Layers };
  });
}

export function layerFileName(diffId: string): string {
  return `${diffId.slice(diffId.indexOf(':') + 1)}.tar`;
}

export function configFileName(configDigest: string): string {
  return `${configDigest.slice(configDigest.indexOf(':') + 1)}.json`;
}

function order(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Go's json.Marshal of a map: keys sorted, and <, > and & (and U+2028, U+2029) escaped.
 * Those characters can only occur inside strings, so escaping the whole text is exact.
 */
function goJson(value: Record<string, unknown>): string {
  const sorted = Object.fromEntries(Object.entries(value).sort(([a], [b]) => order(a, b)));
  return JSON.stringify(sorted).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const TOP_LAYER_FIELDS = ['architecture', 'config', 'container', 'container_config', 'created', 'docker_version', 'os'] as const;

export interface LegacyLayer {
  id: string;
  /** The <id>/json file. */
  json: string;
}

/**
 * The legacy layer ids and configs of one image, computed as containers/image does, so
 * boxctl's archives match podman's: each id is the digest of the layer's config with its
 * chain id mixed in; the top layer carries a few fields of the image config.
 */
export function legacyLayers(config: Readonly<Record<string, unknown>>, diffIds: readonly string[]): LegacyLayer[] {
  const out: LegacyLayer[] = [];
  let chainId = '';
  diffIds.forEach((diffId, i) => {
    const layer: Record<string, unknown> = {};
    const parent = out.at(-1)?.id;
    if (parent) layer.parent = parent;
    if (i === diffIds.length - 1) for (const f of TOP_LAYER_FIELDS) layer[f] = config[f] ?? null;
    chainId = chainId === '' ? diffId : `sha256:${sha256Hex(`${chainId} ${diffId}`)}`;
    const id = sha256Hex(goJson({ ...layer, layer_id: chainId }));
    out.push({ id, json: goJson({ ...layer, id }) });
  });
  return out;
}

export interface SavedImage {
  configDigest: string;
  diffIds: readonly string[];
  names: readonly string[];
  /** The top legacy layer, which `repositories` points at. */
  topLayerId?: string;
}

export function dockerManifest(images: readonly SavedImage[]): string {
  return JSON.stringify(images.map((i) => ({ Config: configFileName(i.configDigest), RepoTags: i.names, Layers: i.diffIds.map(layerFileName) })));
}

/** repository -> tag -> top legacy layer id. */
export function repositories(images: readonly SavedImage[]): string {
  // Sorted, as Go writes its maps.
  const tagged = images.flatMap((i) =>
    i.topLayerId ? i.names.map((name) => ({ repo: name.slice(0, name.lastIndexOf(':')), tag: name.slice(name.lastIndexOf(':') + 1), id: i.topLayerId! })) : [],
  );
  tagged.sort((a, b) => order(a.repo, b.repo) || order(a.tag, b.tag));
  const repos: Record<string, Record<string, string>> = {};
  for (const { repo, tag, id } of tagged) (repos[repo] ??= {})[tag] = id;
  return JSON.stringify(repos);
}
