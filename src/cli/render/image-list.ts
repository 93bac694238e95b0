// `images` and `image history` through --format, with Podman's fields (cmd/podman/images
// list.go imageReporter, history.go historyReporter): a default table, `json`, or any
// Go template; an unknown field is refused with the list of valid ones.
import type { ImageSummary } from '../../engine/image/images.js';
import type { HistoryEntry } from '../../engine/image/manifest.js';
import { goMap } from './gofmt.js';
import { compileFormat, isJsonFormat, listingTemplate } from './template.js';
import { humanAge, humanSize } from './units.js';

export const IMAGE_FIELDS = [
  'ID',
  'Repository',
  'Tag',
  'Digest',
  'Names',
  'Created',
  'CreatedAt',
  'CreatedSince',
  'CreatedTime',
  'Size',
  'VirtualSize',
  'Dangling',
  'ReadOnly',
  'IsReadOnly',
  'Labels',
] as const;

const IMAGE_HEADERS = { ID: 'IMAGE ID' };

export interface ImagesRenderOptions {
  format?: string | undefined;
  noTrunc: boolean;
  digests: boolean;
  noHeading?: boolean;
  now: number;
}

function imageRow(r: ImageSummary, options: ImagesRenderOptions): Record<(typeof IMAGE_FIELDS)[number], unknown> {
  const age = humanAge(r.created, options.now);
  return {
    ID: options.noTrunc ? r.id : r.id.slice(7, 19),
    Repository: r.repository,
    Tag: r.tag,
    Digest: r.digest,
    Names: r.names,
    Created: age,
    CreatedAt: r.created ?? '',
    CreatedSince: age,
    CreatedTime: r.created ?? '',
    Size: humanSize(r.size),
    VirtualSize: humanSize(r.size),
    Dangling: r.dangling,
    ReadOnly: false,
    IsReadOnly: false,
    Labels: goMap({}),
  };
}

/** The JSON boxctl has always printed for `images --format json` (scripts read Id, Repository, Tag). */
function imagesJson(rows: readonly ImageSummary[]): string {
  const out = rows.map((r) => ({ Id: r.id.slice(7), Names: r.names, Repository: r.repository, Tag: r.tag, Digest: r.digest, Created: r.created, Size: r.size, Dangling: r.dangling }));
  return `${JSON.stringify(out, null, 2)}\n`;
}

export function renderImages(rows: readonly ImageSummary[], options: ImagesRenderOptions): string {
  const { format } = options;
  if (format !== undefined && isJsonFormat(format)) return imagesJson(rows);
  const table = `table {{.Repository}}\t{{.Tag}}\t${options.digests ? '{{.Digest}}\t' : ''}{{.ID}}\t{{.Created}}\t{{.Size}}`;
  return compileFormat(listingTemplate(format, table), { fields: IMAGE_FIELDS, headers: IMAGE_HEADERS }).render(
    rows.map((r) => imageRow(r, options)),
    { noHeading: options.noHeading ?? false },
  );
}

export const HISTORY_FIELDS = ['ID', 'Created', 'CreatedAt', 'CreatedSince', 'CreatedBy', 'Comment', 'Tags', 'EmptyLayer'] as const;

const HISTORY_HEADERS = { ID: 'ID', CreatedBy: 'CREATED BY' };

export interface HistoryRenderOptions {
  format?: string | undefined;
  /** The image's id, shown on its newest step as Podman does; older steps are <missing>. */
  imageId: string;
  noTrunc: boolean;
  now: number;
}

export function renderHistory(steps: readonly HistoryEntry[], options: HistoryRenderOptions): string {
  const { format } = options;
  if (format !== undefined && isJsonFormat(format)) return `${JSON.stringify(steps, null, 2)}\n`;
  const rows = steps.map((h, i) => {
    const createdBy = h.created_by ?? '';
    const age = humanAge(h.created, options.now);
    return {
      ID: i === 0 ? (options.noTrunc ? options.imageId : options.imageId.slice(7, 19)) : '<missing>',
      Created: age,
      CreatedAt: h.created ?? '',
      CreatedSince: age,
      CreatedBy: options.noTrunc || createdBy.length <= 45 ? createdBy : `${createdBy.slice(0, 42)}...`,
      Comment: h.comment ?? '',
      Tags: [],
      EmptyLayer: h.empty_layer === true,
    };
  });
  const table = 'table {{.ID}}\t{{.Created}}\t{{.CreatedBy}}\t{{.Comment}}';
  return compileFormat(listingTemplate(format, table), { fields: HISTORY_FIELDS, headers: HISTORY_HEADERS }).render(rows);
}
