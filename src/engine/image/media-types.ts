// The media types of the OCI image spec and of Docker's schema 2, and what each layer
// type means for unpacking. Docker's schema 1 is named only to be refused clearly.
import { BoxctlError } from '../../errors.js';

export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
export const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json';
export const OCI_LAYER = 'application/vnd.oci.image.layer.v1.tar';
export const OCI_LAYER_GZIP = 'application/vnd.oci.image.layer.v1.tar+gzip';
export const OCI_LAYER_ZSTD = 'application/vnd.oci.image.layer.v1.tar+zstd';
export const OCI_LAYER_NONDISTRIBUTABLE = 'application/vnd.oci.image.layer.nondistributable.v1.tar';
export const OCI_LAYER_NONDISTRIBUTABLE_GZIP = 'application/vnd.oci.image.layer.nondistributable.v1.tar+gzip';
export const OCI_LAYER_NONDISTRIBUTABLE_ZSTD = 'application/vnd.oci.image.layer.nondistributable.v1.tar+zstd';

export const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';
export const DOCKER_MANIFEST_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
export const DOCKER_CONFIG = 'application/vnd.docker.container.image.v1+json';
export const DOCKER_LAYER = 'application/vnd.docker.image.rootfs.diff.tar.gzip';
export const DOCKER_LAYER_UNCOMPRESSED = 'application/vnd.docker.image.rootfs.diff.tar';
export const DOCKER_FOREIGN_LAYER = 'application/vnd.docker.image.rootfs.foreign.diff.tar.gzip';
export const DOCKER_SCHEMA1_MANIFEST = 'application/vnd.docker.distribution.manifest.v1+json';
export const DOCKER_SCHEMA1_SIGNED_MANIFEST = 'application/vnd.docker.distribution.manifest.v1+prettyjws';

/** For a registry's Accept header, most preferred first: indexes, so we choose the platform. */
export const MANIFEST_MEDIA_TYPES: readonly string[] = [OCI_INDEX, DOCKER_MANIFEST_LIST, OCI_MANIFEST, DOCKER_MANIFEST];
export const INDEX_MEDIA_TYPES: readonly string[] = [OCI_INDEX, DOCKER_MANIFEST_LIST];
export const CONFIG_MEDIA_TYPES: readonly string[] = [OCI_CONFIG, DOCKER_CONFIG];

export type Compression = 'gzip' | 'zstd' | 'none';

interface LayerType {
  compression: Compression;
  /** Foreign (Docker) or non-distributable (OCI): the blob may live at the descriptor's urls. */
  foreign: boolean;
}

const LAYER_TYPES: Readonly<Record<string, LayerType>> = {
  [OCI_LAYER]: { compression: 'none', foreign: false },
  [OCI_LAYER_GZIP]: { compression: 'gzip', foreign: false },
  [OCI_LAYER_ZSTD]: { compression: 'zstd', foreign: false },
  [OCI_LAYER_NONDISTRIBUTABLE]: { compression: 'none', foreign: true },
  [OCI_LAYER_NONDISTRIBUTABLE_GZIP]: { compression: 'gzip', foreign: true },
  [OCI_LAYER_NONDISTRIBUTABLE_ZSTD]: { compression: 'zstd', foreign: true },
  [DOCKER_LAYER]: { compression: 'gzip', foreign: false },
  [DOCKER_LAYER_UNCOMPRESSED]: { compression: 'none', foreign: false },
  [DOCKER_FOREIGN_LAYER]: { compression: 'gzip', foreign: true },
};

export function isLayerMediaType(mediaType: string): boolean {
  return Object.hasOwn(LAYER_TYPES, mediaType);
}

function layerType(mediaType: string): LayerType {
  const type = LAYER_TYPES[mediaType];
  if (!type) {
    throw new BoxctlError(
      `unsupported layer media type '${mediaType}': boxctl unpacks tar layers, uncompressed or compressed with gzip or zstd`,
    );
  }
  return type;
}

export function layerCompression(mediaType: string): Compression {
  return layerType(mediaType).compression;
}

export function isForeignLayer(mediaType: string): boolean {
  return layerType(mediaType).foreign;
}
