// What a command's SEE ALSO names beyond the command tree (its parent, subcommands and
// other names are found from the registry): the commands one uses with it, the files
// it reads, and Podman's page for the same command, whose longer text applies to the
// flags boxctl shares with it.

/** Commands one reaches for next, by command path, as page names without the section. */
const RELATED: Readonly<Record<string, readonly string[]>> = {
  run: ['create', 'start', 'exec', 'attach', 'logs', 'ps', 'stop', 'rm', 'pull', 'volume-create'],
  create: ['run', 'start', 'rm', 'pull'],
  start: ['create', 'run', 'stop', 'attach'],
  stop: ['start', 'kill', 'rm'],
  kill: ['stop', 'rm'],
  restart: ['start', 'stop'],
  rm: ['ps', 'stop', 'container-prune'],
  ps: ['inspect', 'run', 'rm', 'stats', 'top'],
  inspect: ['ps', 'image-inspect', 'volume-inspect'],
  logs: ['run', 'attach'],
  exec: ['run', 'attach'],
  attach: ['run', 'start', 'logs'],
  wait: ['run', 'start'],
  top: ['ps', 'stats'],
  stats: ['ps', 'top'],
  port: ['run', 'ps'],
  cp: ['exec', 'export'],
  diff: ['commit', 'export'],
  export: ['import', 'commit', 'save'],
  commit: ['diff', 'images'],
  pull: ['images', 'login', 'run'],
  images: ['pull', 'rmi', 'image-inspect', 'image-history'],
  rmi: ['images', 'untag', 'image-prune'],
  tag: ['untag', 'images'],
  untag: ['tag', 'rmi'],
  save: ['load', 'export'],
  load: ['save', 'import'],
  import: ['export', 'load'],
  login: ['logout', 'pull'],
  logout: ['login'],
  volume: ['run'],
  unshare: ['info'],
  info: ['unshare', 'system-df'],
  version: ['info'],
};

/** Pages of other packages and of boxctl's files, as `name(section)`. */
const FILES: Readonly<Record<string, readonly string[]>> = {
  run: ['boxctl-registries.conf(5)', 'boxctl-auth.json(5)', 'subuid(5)', 'subgid(5)'],
  create: ['boxctl-registries.conf(5)', 'boxctl-auth.json(5)', 'subuid(5)', 'subgid(5)'],
  pull: ['boxctl-registries.conf(5)', 'boxctl-auth.json(5)'],
  login: ['boxctl-auth.json(5)'],
  logout: ['boxctl-auth.json(5)'],
  unshare: ['subuid(5)', 'subgid(5)', 'user_namespaces(7)'],
  info: ['subuid(5)', 'subgid(5)', 'cgroups(7)'],
};

/** The pages Podman 4 installs for the commands boxctl shares with it. */
const PODMAN_PAGES: ReadonlySet<string> = new Set(
  [
    'attach commit container container-cleanup container-diff container-exists container-inspect container-prune cp create diff exec export',
    'generate generate-systemd history image image-exists image-inspect image-prune images import info inspect kill kube kube-down',
    'kube-generate kube-play load login logout logs pause port ps pull rename restart rm rmi run save start stats stop system system-df',
    'system-prune tag top unpause unshare untag version volume volume-create volume-exists volume-inspect volume-ls volume-prune',
    'volume-rm wait',
  ]
    .join(' ')
    .split(' '),
);

/** Podman's name for a page boxctl names differently. */
const PODMAN_NAMES: Readonly<Record<string, string>> = { 'image-history': 'history', 'image-ls': 'images', 'image-list': 'images', 'generate-kube': 'kube-generate' };

/** Related boxctl pages (boxctl-NAME) for a command path. */
export function relatedCommands(path: readonly string[]): readonly string[] {
  return RELATED[path.join('-')] ?? [];
}

/** Other pages, boxctl's file formats first, then Podman's page for the same command. */
export function otherPages(path: readonly string[]): string[] {
  const key = path.join('-');
  const podman = PODMAN_NAMES[key] ?? key;
  return [...(FILES[key] ?? []), ...(PODMAN_PAGES.has(podman) ? [`podman-${podman}(1)`] : [])];
}
