// Volume names as Podman takes them: a letter or digit first, then letters, digits,
// '_', '.' and '-'. A name is a directory under $root/volumes, so the rule also keeps
// out '/', '..' and the dot-names the store uses for its own temporaries and lock.
import { randomBytes } from 'node:crypto';

import { UserError } from '../../errors.js';

const NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;
/** NAME_MAX: the name is one path component. */
const MAX_LENGTH = 255;

export function isValidVolumeName(name: string): boolean {
  return NAME.test(name) && name.length <= MAX_LENGTH;
}

export function checkVolumeName(name: string): string {
  if (name.length > MAX_LENGTH) throw new UserError(`invalid volume name '${name.slice(0, 20)}...': at most ${MAX_LENGTH} characters`);
  if (!NAME.test(name)) throw new UserError(`invalid volume name '${name}': names must match [a-zA-Z0-9][a-zA-Z0-9_.-]*`);
  return name;
}

/** What an anonymous volume is called: 64 hex digits, as Podman names them. */
export function anonymousVolumeName(): string {
  return randomBytes(32).toString('hex');
}
