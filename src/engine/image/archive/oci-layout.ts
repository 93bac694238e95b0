// The OCI image layout (oci-archive is a tar of one), as pure functions: oci-layout and
// the names index.json gives its manifests, read; and the documents boxctl writes.
import { UserError } from '../../../errors.js';
import type { Descriptor } from '../manifest.js';
import { OCI_CONFIG, OCI_INDEX, OCI_LAYER, OCI_LAYER_GZIP, OCI_LAYER_ZSTD, OCI_MANIFEST, type Compression } from '../media-types.js';
import { isShortName, parseReference } from '../reference.js';
import { storeName } from '../store/records.js';
import { ArchiveRefused } from './names.js';

export const OCI_LAYOUT_FILE = 'oci-layout';
export const INDEX_FILE = 'index.json';
export const REF_NAME = 'org.opencontainers.image.ref.name';
/** containerd (and Docker 25's `docker save`) put the full name here, and only a tag in REF_NAME. */
export const CONTAINERD_NAME = 'io.containerd.image.name';
const LAYOUT_VERSION = '1.0.0';

export function checkOciLayout(bytes: Buffer): void {
  let doc: unknown;
  try {
    doc = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new ArchiveRefused(`the archive's ${OCI_LAYOUT_FILE} is not valid JSON`);
  }
  const version = (doc as { imageLayoutVersion?: unknown } | null)?.imageLayoutVersion;
  if (typeof version !== 'string' || !version.startsWith('1.')) {
    throw new ArchiveRefused(`the archive's ${OCI_LAYOUT_FILE} declares layout version ${JSON.stringify(version)}: boxctl reads OCI image layouts 1.x`);
  }
}

/**
 * The store name an index entry gives its image, as Podman names it: a short name (or a
 * bare tag such as 'latest') goes to localhost/, as `tag` does it.
 */
export function annotatedName(annotations: Readonly<Record<string, string>> | undefined): string | undefined {
  const raw = annotations?.[CONTAINERD_NAME] ?? annotations?.[REF_NAME];
  if (raw === undefined || raw === '') return undefined;
  try {
    return storeName(parseReference(isShortName(raw) ? `localhost/${raw}` : raw));
  } catch (e) {
    if (e instanceof UserError) throw new ArchiveRefused(`the archive names an image ${JSON.stringify(raw)}, which is not a valid image name`);
    throw e;
  }
}

export function ociLayout(): string {
  return JSON.stringify({ imageLayoutVersion: LAYOUT_VERSION });
}

export function ociLayerMediaType(compression: Compression): string {
  return compression === 'gzip' ? OCI_LAYER_GZIP : compression === 'zstd' ? OCI_LAYER_ZSTD : OCI_LAYER;
}

export interface LayerBlob {
  digest: string;
  size: number;
  compression: Compression;
}

export function ociManifest(config: { digest: string; size: number }, layers: readonly LayerBlob[]): string {
  return JSON.stringify({
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    config: { mediaType: OCI_CONFIG, digest: config.digest, size: config.size },
    layers: layers.map((l) => ({ mediaType: ociLayerMediaType(l.compression), digest: l.digest, size: l.size })),
  });
}

export interface IndexEntry {
  manifest: Pick<Descriptor, 'mediaType' | 'digest' | 'size'>;
  name?: string;
}

export function ociIndex(entries: readonly IndexEntry[]): string {
  return JSON.stringify({
    schemaVersion: 2,
    mediaType: OCI_INDEX,
    manifests: entries.map((e) => ({ ...e.manifest, ...(e.name ? { annotations: { [REF_NAME]: e.name } } : {}) })),
  });
}
