// Manifests, indexes (manifest lists) and image configs, parsed from a registry's bytes
// into checked types, and the choice of one platform from an index. The bytes come from
// the network, so every field we rely on is checked and sizes are capped, as
// containers/image caps them (4 MiB), before anything is decoded. Types mirror the JSON
// field for field, except Platform's dotted names.
import { BoxctlError, NotFoundError } from '../../errors.js';
import { digestProblem } from './digest.js';
import {
  CONFIG_MEDIA_TYPES,
  DOCKER_SCHEMA1_MANIFEST,
  DOCKER_SCHEMA1_SIGNED_MANIFEST,
  INDEX_MEDIA_TYPES,
  MANIFEST_MEDIA_TYPES,
  OCI_INDEX,
  OCI_MANIFEST,
  isLayerMediaType,
} from './media-types.js';

const MiB = 1024 * 1024;
export const MAX_MANIFEST_SIZE = 4 * MiB;
export const MAX_CONFIG_SIZE = 4 * MiB;

export interface Platform {
  architecture: string;
  os: string;
  variant?: string;
  osVersion?: string;
  osFeatures?: string[];
}

export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  urls?: string[];
  annotations?: Record<string, string>;
  /** Only in an index. */
  platform?: Platform;
}

export interface ImageManifest {
  kind: 'manifest';
  mediaType: string;
  config: Descriptor;
  layers: Descriptor[];
  annotations?: Record<string, string>;
}

export interface ImageIndex {
  kind: 'index';
  mediaType: string;
  manifests: Descriptor[];
  annotations?: Record<string, string>;
}

/** The runtime defaults in an image config; Docker writes null for the unset ones. */
export interface ContainerConfig {
  User?: string;
  ExposedPorts?: Record<string, object>;
  Env?: string[];
  Entrypoint?: string[];
  Cmd?: string[];
  Volumes?: Record<string, object>;
  WorkingDir?: string;
  Labels?: Record<string, string>;
  StopSignal?: string;
}

export interface HistoryEntry {
  created?: string;
  created_by?: string;
  author?: string;
  comment?: string;
  empty_layer?: boolean;
}

export interface ImageConfig {
  architecture: string;
  os: string;
  variant?: string;
  created?: string;
  author?: string;
  config: ContainerConfig;
  rootfs: { type: 'layers'; diff_ids: string[] };
  history?: HistoryEntry[];
}

type Table = Record<string, unknown>;

/** 'layers[0]' + 'digest' -> 'layers[0].digest'; top-level fields go by their own name. */
function field(where: string, key: string): string {
  return where ? `${where}.${key}` : key;
}

function isTable(value: unknown): value is Table {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads one document, turning each problem into a message that names the image. */
class Doc {
  constructor(
    readonly what: string,
    readonly image: string,
  ) {}

  fail(problem: string): BoxctlError {
    return new BoxctlError(`the ${this.what} of ${this.image} is invalid: ${problem}`);
  }

  decode(body: string | Uint8Array, limit: number): Table {
    const size = typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
    if (size > limit) {
      throw new BoxctlError(
        `the ${this.what} of ${this.image} is ${size} bytes, more than the ${limit / MiB} MiB boxctl accepts`,
      );
    }
    let doc: unknown;
    try {
      doc = JSON.parse(typeof body === 'string' ? body : Buffer.from(body).toString('utf8'));
    } catch (e) {
      throw new BoxctlError(`the ${this.what} of ${this.image} is not valid JSON: ${(e as Error).message}`);
    }
    if (!isTable(doc)) throw this.fail('it is not a JSON object');
    return doc;
  }

  table(raw: unknown, where: string): Table {
    if (!isTable(raw)) throw this.fail(raw === undefined ? `${where} is missing` : `${where} must be an object`);
    return raw;
  }

  string(t: Table, key: string, where: string): string {
    const v = t[key];
    if (typeof v !== 'string')
      throw this.fail(`${field(where, key)} ${v === undefined ? 'is missing' : 'must be a string'}`);
    return v;
  }

  /** Absent and null (Docker's way of saying unset) both read as undefined. */
  optional<T>(t: Table, key: string, where: string, check: (v: unknown) => v is T, kind: string): T | undefined {
    const v = t[key];
    if (v === undefined || v === null) return undefined;
    if (!check(v)) throw this.fail(`${field(where, key)} must be ${kind}`);
    return v;
  }

  array(t: Table, key: string, where: string): unknown[] {
    const v = t[key];
    if (!Array.isArray(v)) throw this.fail(`${field(where, key)} ${v === undefined ? 'is missing' : 'must be a list'}`);
    return v;
  }

  digest(value: unknown, where: string): string {
    if (typeof value !== 'string')
      throw this.fail(value === undefined ? `${where} is missing` : `${where} must be a string`);
    const problem = digestProblem(value);
    if (problem) throw this.fail(`${where}: ${problem}`);
    return value;
  }
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isBool = (v: unknown): v is boolean => typeof v === 'boolean';
const isList = (v: unknown): v is unknown[] => Array.isArray(v);
const isSize = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);
const isStringMap = (v: unknown): v is Record<string, string> => isTable(v) && Object.values(v).every(isString);
const isObjectMap = (v: unknown): v is Record<string, object> => isTable(v) && Object.values(v).every(isTable);

function parsePlatform(d: Doc, raw: unknown, where: string): Platform {
  const t = d.table(raw, where);
  const p: Platform = { architecture: d.string(t, 'architecture', where), os: d.string(t, 'os', where) };
  const variant = d.optional(t, 'variant', where, isString, 'a string');
  const osVersion = d.optional(t, 'os.version', where, isString, 'a string');
  const osFeatures = d.optional(t, 'os.features', where, isStrings, 'a list of strings');
  if (variant) p.variant = variant;
  if (osVersion) p.osVersion = osVersion;
  if (osFeatures) p.osFeatures = osFeatures;
  return p;
}

function parseDescriptor(d: Doc, raw: unknown, where: string): Descriptor {
  const t = d.table(raw, where);
  const size = t.size;
  if (!isSize(size)) {
    throw d.fail(size === undefined ? `${where}.size is missing` : `${where}.size must be a whole number of bytes`);
  }
  const desc: Descriptor = {
    mediaType: d.string(t, 'mediaType', where),
    digest: d.digest(t.digest, `${where}.digest`),
    size,
  };
  const urls = d.optional(t, 'urls', where, isStrings, 'a list of strings');
  const annotations = d.optional(t, 'annotations', where, isStringMap, 'a map of strings');
  if (urls) desc.urls = urls;
  if (annotations) desc.annotations = annotations;
  if (t.platform !== undefined) desc.platform = parsePlatform(d, t.platform, `${where}.platform`);
  return desc;
}

/** The value if it is one of the manifest media types boxctl reads. */
function knownType(value: unknown): string | undefined {
  return typeof value === 'string' && MANIFEST_MEDIA_TYPES.includes(value) ? value : undefined;
}

/**
 * A manifest or an index from a registry's response body. The body's own mediaType wins,
 * then the Content-Type, then its shape (some registries send OCI documents without either).
 */
export function parseManifest(
  body: string | Uint8Array,
  source: { image: string; contentType?: string },
): ImageManifest | ImageIndex {
  const d = new Doc('manifest', source.image);
  const doc = d.decode(body, MAX_MANIFEST_SIZE);
  const declared = doc.mediaType;
  const contentType = source.contentType?.split(';')[0]?.trim();
  if (
    doc.schemaVersion === 1 ||
    [declared, contentType].some((t) => t === DOCKER_SCHEMA1_MANIFEST || t === DOCKER_SCHEMA1_SIGNED_MANIFEST)
  ) {
    throw new BoxctlError(
      `${source.image} has a Docker schema 1 manifest, a format boxctl does not support: push the image again with a current docker, podman or buildah`,
    );
  }
  if (doc.schemaVersion !== 2) {
    throw d.fail(
      doc.schemaVersion === undefined
        ? 'schemaVersion is missing'
        : `schemaVersion is ${JSON.stringify(doc.schemaVersion)}, not 2`,
    );
  }
  if (declared !== undefined && !knownType(declared)) {
    throw new BoxctlError(
      `the manifest of ${source.image} has media type ${JSON.stringify(declared)}, which is not an image manifest or index boxctl supports`,
    );
  }
  const mediaType =
    knownType(declared) ?? knownType(contentType) ?? (Array.isArray(doc.manifests) ? OCI_INDEX : OCI_MANIFEST);
  const annotations = d.optional(doc, 'annotations', '', isStringMap, 'a map of strings');

  if (INDEX_MEDIA_TYPES.includes(mediaType)) {
    const manifests = d.array(doc, 'manifests', '').map((m, i) => parseDescriptor(d, m, `manifests[${i}]`));
    return { kind: 'index', mediaType, manifests, ...(annotations ? { annotations } : {}) };
  }
  const config = parseDescriptor(d, doc.config, 'config');
  if (!CONFIG_MEDIA_TYPES.includes(config.mediaType)) {
    throw new BoxctlError(
      `${source.image} is not a container image: its config has media type '${config.mediaType}' (an OCI artifact, such as a Helm chart or a signature)`,
    );
  }
  const layers = d.array(doc, 'layers', '').map((l, i) => parseDescriptor(d, l, `layers[${i}]`));
  layers.forEach((layer, i) => {
    if (!isLayerMediaType(layer.mediaType)) {
      throw new BoxctlError(
        `${source.image} has a layer of unsupported media type '${layer.mediaType}' (layers[${i}]): boxctl unpacks tar layers, uncompressed or compressed with gzip or zstd`,
      );
    }
  });
  return { kind: 'manifest', mediaType, config, layers, ...(annotations ? { annotations } : {}) };
}

function parseContainerConfig(d: Doc, raw: unknown): ContainerConfig {
  if (raw === undefined || raw === null) return {};
  const t = d.table(raw, 'config');
  const out: ContainerConfig = {};
  const strings = ['User', 'WorkingDir', 'StopSignal'] as const;
  for (const key of strings) {
    const v = d.optional(t, key, 'config', isString, 'a string');
    if (v !== undefined) out[key] = v;
  }
  const lists = ['Env', 'Entrypoint', 'Cmd'] as const;
  for (const key of lists) {
    const v = d.optional(t, key, 'config', isStrings, 'a list of strings');
    if (v !== undefined) out[key] = v;
  }
  const sets = ['ExposedPorts', 'Volumes'] as const;
  for (const key of sets) {
    const v = d.optional(t, key, 'config', isObjectMap, 'a map of objects');
    if (v !== undefined) out[key] = v;
  }
  const labels = d.optional(t, 'Labels', 'config', isStringMap, 'a map of strings');
  if (labels !== undefined) out.Labels = labels;
  return out;
}

function parseHistory(d: Doc, raw: unknown, i: number): HistoryEntry {
  const where = `history[${i}]`;
  const t = d.table(raw, where);
  const entry: HistoryEntry = {};
  for (const key of ['created', 'created_by', 'author', 'comment'] as const) {
    const v = d.optional(t, key, where, isString, 'a string');
    if (v !== undefined) entry[key] = v;
  }
  const empty = d.optional(t, 'empty_layer', where, isBool, 'true or false');
  if (empty !== undefined) entry.empty_layer = empty;
  return entry;
}

export function parseImageConfig(body: string | Uint8Array, image: string): ImageConfig {
  const d = new Doc('image config', image);
  const doc = d.decode(body, MAX_CONFIG_SIZE);
  const rootfs = d.table(doc.rootfs, 'rootfs');
  if (rootfs.type !== 'layers') throw d.fail(`rootfs.type is ${JSON.stringify(rootfs.type)}, not "layers"`);
  const diffIds = d.array(rootfs, 'diff_ids', 'rootfs').map((id, i) => d.digest(id, `rootfs.diff_ids[${i}]`));
  const config: ImageConfig = {
    architecture: d.string(doc, 'architecture', ''),
    os: d.string(doc, 'os', ''),
    config: parseContainerConfig(d, doc.config),
    rootfs: { type: 'layers', diff_ids: diffIds },
  };
  for (const key of ['variant', 'created', 'author'] as const) {
    const v = d.optional(doc, key, '', isString, 'a string');
    if (v) config[key] = v;
  }
  const history = d.optional(doc, 'history', '', isList, 'a list');
  if (history) config.history = history.map((h, i) => parseHistory(d, h, i));
  return config;
}

export interface WantedPlatform {
  os: string;
  architecture: string;
  variant?: string;
}

// Known variants, most capable first, from containers/image's platform matcher.
const VARIANTS: Readonly<Record<string, readonly string[]>> = {
  amd64: ['v4', 'v3', 'v2'],
  arm: ['v8', 'v7', 'v6', 'v5'],
  arm64: ['v8'],
};

// amd64 v1 is the baseline every amd64 machine runs, so it means the same as no variant.
function normalizeVariant(architecture: string, variant = ''): string {
  return architecture === 'amd64' && variant === 'v1' ? '' : variant;
}

/** The variants acceptable for what is wanted, best first: its own and every older one, then none. */
function acceptableVariants(wanted: WantedPlatform): string[] {
  const known = VARIANTS[wanted.architecture] ?? [];
  const variant = normalizeVariant(wanted.architecture, wanted.variant);
  if (variant === '') return ['', ...(wanted.architecture === 'amd64' ? [] : known)];
  const at = known.indexOf(variant);
  return [...(at === -1 ? [variant] : known.slice(at)), ''];
}

export function formatPlatform(p: { os: string; architecture: string; variant?: string }): string {
  return [p.os, p.architecture, p.variant].filter(Boolean).join('/');
}

/**
 * The index entry to pull for a platform, by containers/image's rules: os and
 * architecture must be equal, variants are tried best first (arm64 with and without
 * 'v8' are the same machine), os.version and os.features are not compared.
 */
export function selectPlatform(index: ImageIndex, wanted: WantedPlatform, image: string): Descriptor {
  for (const variant of acceptableVariants(wanted)) {
    const found = index.manifests.find(
      (m) =>
        m.platform?.os === wanted.os &&
        m.platform.architecture === wanted.architecture &&
        normalizeVariant(m.platform.architecture, m.platform.variant) === variant,
    );
    if (found) return found;
  }
  // Attestations (buildkit's SBOM and provenance) sit in indexes as unknown/unknown.
  const available = [
    ...new Set(
      index.manifests.flatMap((m) => (m.platform && m.platform.os !== 'unknown' ? [formatPlatform(m.platform)] : [])),
    ),
  ];
  const listed = available.length > 0 ? `it is built for ${available.join(', ')}` : 'its index lists no platforms';
  throw new NotFoundError(
    `${image} has no image for ${formatPlatform(wanted)}: ${listed}; choose one of them with --platform`,
  );
}
