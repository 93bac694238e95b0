// A Kubernetes YAML file to its objects: every `---` document, read as Kubernetes
// reads YAML (1.1: `yes` is a boolean), each a mapping with a kind. Malformed YAML
// is one line naming the file, line and column; aliases are bounded, so a small
// file cannot expand into a huge one.
import { parseAllDocuments } from 'yaml';

import { UserError } from '../../errors.js';

export type KubeObject = Record<string, unknown>;

export interface KubeDocument {
  /** `Pod/web`: how findings and errors name it. */
  ref: string;
  kind: string;
  name: string;
  object: KubeObject;
}

export const isObject = (v: unknown): v is KubeObject => typeof v === 'object' && v !== null && !Array.isArray(v);

export function parseKube(text: string, file: string): KubeDocument[] {
  const docs = parseAllDocuments(text, { version: '1.1', prettyErrors: true });
  const out: KubeDocument[] = [];
  for (const [i, doc] of (Array.isArray(docs) ? docs : []).entries()) {
    const err = doc.errors[0];
    if (err) {
      const where = err.linePos ? `line ${err.linePos[0].line}, column ${err.linePos[0].col}` : `offset ${err.pos[0]}`;
      const what = err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      throw new UserError(`${file} is not valid YAML at ${where}: ${what}`);
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (e) {
      throw new UserError(`${file}: document ${i + 1}: ${(e as Error).message}`);
    }
    if (value === null || value === undefined) continue;
    if (!isObject(value) || typeof value.kind !== 'string' || typeof value.apiVersion !== 'string') {
      throw new UserError(`${file}: document ${i + 1} is not a Kubernetes object: it needs apiVersion and kind`);
    }
    const meta = value.metadata;
    const name = isObject(meta) && typeof meta.name === 'string' ? meta.name : '';
    if (name === '') throw new UserError(`${file}: document ${i + 1} (${value.kind}) has no metadata.name`);
    out.push({ ref: `${value.kind}/${name}`, kind: value.kind, name, object: value });
  }
  if (out.length === 0) throw new UserError(`${file} holds no Kubernetes objects`);
  return out;
}
