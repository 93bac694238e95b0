// The pages of section 5: the files boxctl reads. boxctl has no configuration file of
// its own yet; its directories and environment are in boxctl(1).

export interface FilePage {
  name: string;
  summary: string;
  description: readonly string[];
  /** Where boxctl looks, in order. */
  locations: readonly { path: string; meaning: string }[];
  example: readonly string[];
  seeAlso: readonly string[];
}

export const FILE_PAGES: readonly FilePage[] = [
  {
    name: 'boxctl-registries.conf',
    summary: 'registries, mirrors and short-name aliases boxctl pulls from',
    description: [
      'boxctl reads containers-registries.conf(5), version 2, the file Podman, Buildah and Skopeo share: a short name such as alpine is looked up in [aliases] and then in unqualified-search-registries; [[registry]] tables mark registries insecure (plain HTTP, certificates unchecked) or blocked.',
      'Drop-in files in registries.conf.d apply in name order after the main file. A short name that matches no alias and no search registry is an error that names the files read.',
    ],
    locations: [
      { path: '$HOME/.config/containers/registries.conf', meaning: "the user's file; when it exists, the system file is not read" },
      { path: '/etc/containers/registries.conf', meaning: 'the system file' },
      { path: '/etc/containers/registries.conf.d/*.conf, $HOME/.config/containers/registries.conf.d/*.conf', meaning: 'drop-ins' },
      { path: '$XDG_CACHE_HOME/containers/short-name-aliases.conf', meaning: 'aliases recorded for short names' },
    ],
    example: [
      'unqualified-search-registries = ["docker.io"]',
      '',
      '[aliases]',
      '"busybox" = "127.0.0.1:5000/boxctl/busybox"',
      '',
      '[[registry]]',
      'location = "127.0.0.1:5000"',
      'insecure = true',
    ],
    seeAlso: ['boxctl(1)', 'boxctl-pull(1)', 'containers-registries.conf(5)'],
  },
  {
    name: 'boxctl-auth.json',
    summary: 'registry credentials boxctl logs in with',
    description: [
      "boxctl reads and writes containers-auth.json(5), the credentials file of Podman, Skopeo and Docker: an \"auths\" object keyed by registry, or by a namespace or repository within one, each with \"auth\", base64 of USER:PASSWORD. 'boxctl login' writes the first file below; pulls use the most specific entry of the first file that has one.",
      'A Docker config.json is read as well; the legacy .dockercfg format is refused with a message that says to log in again.',
    ],
    locations: [
      { path: '$REGISTRY_AUTH_FILE', meaning: 'when set, the only file' },
      { path: '$XDG_RUNTIME_DIR/containers/auth.json', meaning: "written by 'boxctl login'" },
      { path: '$XDG_CONFIG_HOME/containers/auth.json', meaning: 'read' },
      { path: '$DOCKER_CONFIG/config.json or $HOME/.docker/config.json', meaning: 'read' },
    ],
    example: ['{', '  "auths": {', '    "127.0.0.1:5000": { "auth": "dXNlcjpwYXNzd29yZA==" }', '  }', '}'],
    seeAlso: ['boxctl(1)', 'boxctl-login(1)', 'boxctl-logout(1)', 'containers-auth.json(5)'],
  },
];
