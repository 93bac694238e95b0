// Reading the configuration files the image side obeys: registries.conf with its
// drop-ins, and the auth files Podman and Docker write. Parsing is pure elsewhere;
// this module only finds and reads.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';

import { authFilePaths, parseAuthFile, type AuthFile } from './auth-file.js';
import { dropInFiles, parseRegistriesConf, registriesConfPaths, type ConfFile, type RegistriesConf } from './registries-conf.js';

function readOr(path: string, fallback: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return fallback;
  }
}

function home(env: NodeJS.ProcessEnv): string {
  return env.HOME || homedir();
}

export function loadRegistriesConf(env: NodeJS.ProcessEnv = process.env): RegistriesConf {
  const h = home(env);
  const paths = registriesConfPaths({ home: h, env, userFileExists: existsSync(`${h}/.config/containers/registries.conf`) });
  const files: ConfFile[] = [];
  const main = readOr(paths.file, '');
  files.push({ path: paths.file, text: main });
  for (const dir of paths.dropInDirs) {
    let names: string[] = [];
    try {
      names = readdirSync(dir);
    } catch {
      names = [];
    }
    for (const path of dropInFiles(dir, names)) files.push({ path, text: readOr(path, '') });
  }
  if (existsSync(paths.userAliases)) files.push({ path: paths.userAliases, text: readOr(paths.userAliases, '') });
  return parseRegistriesConf(files);
}

export function loadAuthFiles(env: NodeJS.ProcessEnv = process.env): AuthFile[] {
  return authFilePaths({ env, home: home(env), uid: process.getuid?.() ?? 0 }).map((location) =>
    parseAuthFile(readOr(location.path, ''), location),
  );
}
