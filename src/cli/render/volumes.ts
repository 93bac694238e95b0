// `volume ls` and `volume inspect` through --format, as Podman prints them: the JSON of
// `podman volume inspect`, Podman's ls table, or a Go template over the same fields,
// where every field exists and the maps take any key.
import type { Volume } from '../../engine/volume/record.js';
import { goJson, goMap } from './gofmt.js';
import { compileFormat, isJsonFormat, listingTemplate } from './template.js';

/** What `podman volume inspect` prints for a volume; Anonymous only when set, as Go's omitempty. */
export function volumeJson(v: Volume) {
  return {
    Name: v.name,
    Driver: v.driver,
    Mountpoint: v.mountpoint,
    CreatedAt: v.created,
    Labels: v.labels,
    Scope: 'local',
    Options: v.options,
    ...(v.anonymous ? { Anonymous: true } : {}),
  };
}

export const VOLUME_FIELDS = ['Name', 'Driver', 'Mountpoint', 'CreatedAt', 'Labels', 'Scope', 'Options', 'Anonymous'] as const;
/** Podman's `volume ls` table. */
const LS_TABLE = 'table {{.Driver}}\t{{.Name}}';

function volumeRow(v: Volume) {
  return { ...volumeJson(v), Labels: goMap({ ...v.labels }), Options: goMap({ ...v.options }), Anonymous: Boolean(v.anonymous) };
}

function render(volumes: readonly Volume[], template: string, noHeading: boolean): string {
  return compileFormat(template, { fields: VOLUME_FIELDS, headers: { Name: 'VOLUME NAME' } }).render(volumes.map(volumeRow), { noHeading });
}

/** `volume ls`: Podman's table (also for a bare `table`), its JSON (indented by two, <>& escaped), or a template. */
export function renderVolumeList(volumes: readonly Volume[], format: string | undefined, noHeading = false): string {
  if (format !== undefined && isJsonFormat(format)) return `${goJson(volumes.map(volumeJson), { indent: 2, html: true })}\n`;
  return render(volumes, listingTemplate(format, LS_TABLE), noHeading);
}

/** `volume inspect`: Podman's JSON (indented by five) unless a template is given. */
export function renderVolumeInspect(volumes: readonly Volume[], format: string | undefined): string {
  if (format === undefined || isJsonFormat(format)) return `${goJson(volumes.map(volumeJson), { indent: 5, html: false })}\n`;
  return render(volumes, format, false);
}
