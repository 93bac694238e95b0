// Every command boxctl has, in the order `boxctl --help` lists them.
import { importImage, load, save } from './commands/image-archive.js';
import { image, images, pull, rmi, tag, untag } from './commands/images.js';
import { info } from './commands/info.js';
import { login, logout } from './commands/login.js';
import { runtime } from './commands/runtime.js';
import { unshare } from './commands/unshare.js';
import type { CommandSpec } from './spec.js';

export const commands: readonly CommandSpec[] = [info, login, logout, pull, images, image, rmi, tag, untag, save, load, importImage, runtime, unshare];
