// The template fields each listing command's --format knows, for completion. They are
// the renderers' own lists, so a field added there is offered here.
import { PS_FIELDS } from '../render/containers.js';
import { HISTORY_FIELDS, IMAGE_FIELDS } from '../render/image-list.js';
import { RUNTIME_LIST_FIELDS } from '../render/runtime-list.js';

const FIELDS: Readonly<Record<string, readonly string[]>> = {
  ps: PS_FIELDS,
  'container ps': PS_FIELDS,
  'container ls': PS_FIELDS,
  images: IMAGE_FIELDS,
  'image ls': IMAGE_FIELDS,
  'image list': IMAGE_FIELDS,
  'image history': HISTORY_FIELDS,
  'runtime list': RUNTIME_LIST_FIELDS,
};

export function formatFields(path: readonly string[]): readonly string[] | undefined {
  return FIELDS[path.join(' ')];
}
