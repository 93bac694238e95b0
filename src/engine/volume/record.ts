// volume.json: what the store keeps beside each volume's _data.

export interface VolumeRecord {
  name: string;
  /** RFC 3339. */
  created: string;
  labels: Record<string, string>;
  /** Driver options; the local driver here takes none, so always empty today. */
  options: Record<string, string>;
  driver: 'local';
  /** Made for `-v /path` without a source or an image VOLUME, not by name. */
  anonymous?: true;
}

/** A record with where its data lives. */
export interface Volume extends VolumeRecord {
  /** The _data dir: what containers bind-mount. */
  mountpoint: string;
}

export function parseVolumeRecord(text: string, where: string): VolumeRecord {
  const v = JSON.parse(text) as Partial<VolumeRecord>;
  if (typeof v.name !== 'string' || typeof v.created !== 'string' || v.driver !== 'local') {
    throw new Error(`${where} is not a volume record`);
  }
  return {
    name: v.name,
    created: v.created,
    labels: v.labels ?? {},
    options: v.options ?? {},
    driver: 'local',
    ...(v.anonymous ? { anonymous: true as const } : {}),
  };
}
