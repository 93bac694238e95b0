// Every command boxctl has, in the order `boxctl --help` lists them.
import {
  attachCommand,
  create,
  exec,
  inspect,
  kill,
  logs,
  pause,
  ps,
  rename,
  restart,
  rm,
  run,
  start,
  stop,
  unpause,
  wait,
} from './commands/containers.js';
import { complete, completion, version } from './commands/completion.js';
import { commit, cp, diff, exportCommand } from './commands/container-fs.js';
import { container } from './commands/container-group.js';
import { port, stats, top } from './commands/container-observe.js';
import { generate } from './commands/generate.js';
import { importImage, load, save } from './commands/image-archive.js';
import { image, images, pull, rmi, tag, untag } from './commands/images.js';
import { info } from './commands/info.js';
import { kube } from './commands/kube.js';
import { login, logout } from './commands/login.js';
import { quadlet } from './commands/quadlet.js';
import { runtime } from './commands/runtime.js';
import { ui } from './commands/ui.js';
import { system } from './commands/system.js';
import { unshare } from './commands/unshare.js';
import { volume } from './commands/volume.js';
import type { CommandSpec } from './spec.js';

export const commands: readonly CommandSpec[] = [
  info,
  run,
  ps,
  inspect,
  create,
  start,
  stop,
  kill,
  restart,
  rm,
  wait,
  logs,
  exec,
  attachCommand,
  pause,
  unpause,
  rename,
  top,
  stats,
  port,
  cp,
  diff,
  exportCommand,
  commit,
  container,
  login,
  logout,
  pull,
  images,
  image,
  rmi,
  tag,
  untag,
  save,
  load,
  importImage,
  volume,
  system,
  generate,
  kube,
  quadlet,
  ui,
  runtime,
  unshare,
  version,
  completion,
  complete,
];
