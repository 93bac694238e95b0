// `boxctl system df` as Podman 4 prints it: the summary (table, --format json, or a
// template over its dfSummary rows) and the -v tables per images, containers and
// volumes. Pure: the caller passes the report and the time.
import type { DfReport } from '../../engine/system/df.js';
import { goJson } from './gofmt.js';
import { humanDuration, humanSizeGo } from './go-units.js';
import { tabwrite } from './tabwriter.js';
import { compileFormat, isJsonFormat, listingTemplate } from './template.js';

const human = (n: number) => humanSizeGo(n, 4);
const ago = (iso: string | undefined, now: number) => (iso ? `${humanDuration(now - Date.parse(iso))} ago` : '');
const shortId = (id: string) => id.replace(/^sha256:/, '').slice(0, 12);

export interface DfSummary {
  Type: 'Images' | 'Containers' | 'Local Volumes';
  Total: number;
  Active: number;
  /** Bytes; Podman's JSON names them Size and Reclaimable. */
  RawSize: number;
  RawReclaimable: number;
}

/** Pure: Podman's three summary rows. */
export function dfSummary(report: DfReport): DfSummary[] {
  const sum = (ns: number[]) => ns.reduce((a, b) => a + b, 0);
  const unused = report.images.filter((i) => i.containers === 0);
  const stopped = report.containers.filter((c) => c.status !== 'running');
  return [
    {
      Type: 'Images',
      Total: report.images.length,
      Active: report.images.length - unused.length,
      RawSize: sum(report.images.map((i) => i.size)),
      RawReclaimable: sum(unused.map((i) => i.size)),
    },
    {
      Type: 'Containers',
      Total: report.containers.length,
      Active: report.containers.length - stopped.length,
      RawSize: sum(report.containers.map((c) => c.rwSize)),
      RawReclaimable: sum(stopped.map((c) => c.rwSize)),
    },
    {
      Type: 'Local Volumes',
      Total: report.volumes.length,
      Active: sum(report.volumes.map((v) => v.links)),
      RawSize: sum(report.volumes.map((v) => v.size)),
      RawReclaimable: sum(report.volumes.map((v) => v.reclaimable)),
    },
  ];
}

/** "1.2MB (40%)", as Podman's dfSummary.Reclaimable. */
export function reclaimableText(size: number, reclaimable: number): string {
  const percent = size > 0 ? Math.round((reclaimable / size) * 100) : 0;
  return `${human(reclaimable)} (${percent}%)`;
}

export const SUMMARY_FIELDS = ['Type', 'Total', 'Active', 'Size', 'Reclaimable', 'RawSize', 'RawReclaimable'] as const;
const SUMMARY_TABLE = 'table {{.Type}}\t{{.Total}}\t{{.Active}}\t{{.Size}}\t{{.Reclaimable}}';

/** The summary: Podman's table, its JSON (indented by four), or a template over the rows. */
export function renderDfSummary(report: DfReport, format?: string): string {
  const rows = dfSummary(report);
  if (format !== undefined && isJsonFormat(format)) {
    return `${goJson(
      rows.map((r) => ({ Type: r.Type, Total: r.Total, Active: r.Active, Size: r.RawSize, Reclaimable: r.RawReclaimable })),
      { indent: 4, html: true },
    )}\n`;
  }
  const compiled = compileFormat(listingTemplate(format, SUMMARY_TABLE), { fields: SUMMARY_FIELDS });
  return compiled.render(rows.map((r) => ({ ...r, Size: human(r.RawSize), Reclaimable: reclaimableText(r.RawSize, r.RawReclaimable) })));
}

function section(title: string, header: readonly string[], rows: readonly (readonly string[])[]): string {
  return `${title}\n\n${tabwrite([header, ...rows].map((r) => r.join('\t')).join('\n'))}\n`;
}

/** `system df -v`: one table per kind, as Podman lays them out. */
export function renderDfVerbose(report: DfReport, now: number): string {
  const images = section(
    'Images space usage:',
    ['REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE', 'SHARED SIZE', 'UNIQUE SIZE', 'CONTAINERS'],
    report.images.map((i) => [i.repository, i.tag, shortId(i.id), ago(i.created, now), human(i.size), human(i.sharedSize), human(i.uniqueSize), String(i.containers)]),
  );
  const containers = section(
    'Containers space usage:',
    ['CONTAINER ID', 'IMAGE', 'COMMAND', 'LOCAL VOLUMES', 'SIZE', 'CREATED', 'STATUS', 'NAMES'],
    report.containers.map((c) => [shortId(c.id), shortId(c.imageId), c.command.join(' '), String(c.localVolumes), human(c.rwSize), ago(c.created, now), c.status, c.name]),
  );
  const volumes = section(
    'Local Volumes space usage:',
    ['VOLUME NAME', 'LINKS', 'SIZE'],
    report.volumes.map((v) => [v.name, String(v.links), human(v.size)]),
  );
  return `${images}\n${containers}\n${volumes}`;
}
