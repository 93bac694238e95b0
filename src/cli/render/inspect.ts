// What the inspect commands (inspect, image inspect, volume inspect) print: Podman's
// JSON array, or a --format template over each object. An object may carry fields a
// template can name but JSON leaves out (Go's omitempty): they are non-enumerable
// properties, so JSON.stringify skips them and the template finds them.
import { goJson, goMap } from './gofmt.js';
import { compileFormat, type Format, isJsonFormat, templateFields } from './template.js';

/** Adds each missing field as a hidden property with the value Go's zero value prints as. */
export function withHidden<T extends object>(obj: T, zeroes: Readonly<Record<string, () => unknown>>): T {
  for (const [k, zero] of Object.entries(zeroes)) {
    if (!Object.hasOwn(obj, k)) Object.defineProperty(obj, k, { value: zero(), enumerable: false });
  }
  return obj;
}

export interface InspectJson {
  /** Spaces per level: Podman's inspect indents by five. */
  indent: number;
  /** Escape <, > and & as encoding/json does by default. */
  html: boolean;
}

const PODMAN_INSPECT: InspectJson = { indent: 5, html: false };

/**
 * No format, or json: one JSON array. A template: applied to each object, its fields
 * checked against that object's own (containers and images differ in `inspect`).
 */
export function renderInspected(objects: readonly object[], format: string | undefined, json: InspectJson = PODMAN_INSPECT): string {
  if (format === undefined || format === '' || isJsonFormat(format)) return `${goJson(objects, json)}\n`;
  const compiled = new Map<string, Format>();
  return objects
    .map((obj) => {
      const fields = templateFields(obj);
      const key = fields.join('\0');
      let f = compiled.get(key);
      if (!f) compiled.set(key, (f = compileFormat(format, { fields })));
      return f.render([obj]);
    })
    .join('');
}

/** What an `image inspect` template may name (imageInspectView's fields), for completion. */
export const IMAGE_INSPECT_FIELDS = [
  'Id',
  'Digest',
  'RepoTags',
  'RepoDigests',
  'Created',
  'Architecture',
  'Os',
  'Size',
  'Config',
  'RootFS',
  'History',
  'SingleIdMode',
  'ID',
] as const;

/** The fields of an OCI image config (v1.ImageConfig) and their zero values. */
const IMAGE_CONFIG_ZEROES: Readonly<Record<string, () => unknown>> = {
  User: () => '',
  ExposedPorts: () => goMap({}),
  Env: () => [],
  Entrypoint: () => [],
  Cmd: () => [],
  Volumes: () => goMap({}),
  WorkingDir: () => '',
  Labels: () => goMap({}),
  StopSignal: () => '',
  ArgsEscaped: () => false,
};

const MAP_FIELDS = ['ExposedPorts', 'Volumes', 'Labels'] as const;

/**
 * An `image inspect` object as a template sees it: Config has every field of an image
 * config, as Podman's struct does ({{.Config.Entrypoint}} is [] when the image sets
 * none), and its maps take any key. The JSON stays as it was.
 */
export function imageInspectView(json: Record<string, unknown>): Record<string, unknown> {
  const config = { ...((json.Config as Record<string, unknown> | undefined) ?? {}) };
  for (const k of MAP_FIELDS) if (config[k] && typeof config[k] === 'object') config[k] = goMap({ ...(config[k] as object) });
  // Podman's templates name the id .ID (the Go field); JSON calls it Id.
  return withHidden({ ...json, Config: withHidden(config, IMAGE_CONFIG_ZEROES) }, { ID: () => json.Id });
}
