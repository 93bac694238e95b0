// Every command boxctl has, in the order `boxctl --help` lists them.
import { info } from './commands/info.js';
import { runtime } from './commands/runtime.js';
import type { CommandSpec } from './spec.js';

export const commands: readonly CommandSpec[] = [info, runtime];
