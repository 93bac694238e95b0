// The template fields each command's --format knows, for completion. They are the
// renderers' own lists, so a field added there is offered here.
import { INSPECT_FIELDS, PS_FIELDS } from '../render/containers.js';
import { HISTORY_FIELDS, IMAGE_FIELDS } from '../render/image-list.js';
import { IMAGE_INSPECT_FIELDS } from '../render/inspect.js';
import { RUNTIME_LIST_FIELDS } from '../render/runtime-list.js';
import { STATS_FIELDS } from '../render/stats.js';
import { SUMMARY_FIELDS } from '../render/system-df.js';
import { VOLUME_FIELDS } from '../render/volumes.js';

const FIELDS: Readonly<Record<string, readonly string[]>> = {
  ps: PS_FIELDS,
  'container ps': PS_FIELDS,
  'container ls': PS_FIELDS,
  'container list': PS_FIELDS,
  inspect: INSPECT_FIELDS,
  'container inspect': INSPECT_FIELDS,
  stats: STATS_FIELDS,
  'container stats': STATS_FIELDS,
  images: IMAGE_FIELDS,
  'image ls': IMAGE_FIELDS,
  'image list': IMAGE_FIELDS,
  'image history': HISTORY_FIELDS,
  'image inspect': IMAGE_INSPECT_FIELDS,
  'volume ls': VOLUME_FIELDS,
  'volume list': VOLUME_FIELDS,
  'volume inspect': VOLUME_FIELDS,
  'system df': SUMMARY_FIELDS,
  'runtime list': RUNTIME_LIST_FIELDS,
  version: ['Client'],
};

export function formatFields(path: readonly string[]): readonly string[] | undefined {
  return FIELDS[path.join(' ')];
}
