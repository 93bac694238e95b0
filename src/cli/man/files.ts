// The pages of section 5: the files boxctl reads. boxctl has no configuration file of
// its own yet; its directories and environment are in boxctl(1).
import { CONTAINER_KEYS, VOLUME_KEYS, type KeyDoc } from '../../engine/systemd/quadlet-keys.js';

export interface FilePage {
  name: string;
  summary: string;
  description: readonly string[];
  /** Tables of tagged rows after the description (a file's keys). */
  tables?: readonly { title: string; rows: readonly (readonly [string, string])[] }[];
  /** Where boxctl looks, in order. */
  locations: readonly { path: string; meaning: string }[];
  example: readonly string[];
  seeAlso: readonly string[];
}

const keyRows = (keys: readonly KeyDoc[]) => keys.map((k) => [`${k.key}=`, `${k.becomes}${k.repeatable ? '; may be given more than once' : ''}`] as const);

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
      'Credential helpers: "credHelpers" maps a registry to a helper NAME, "credsStore" names one for every registry (Docker\'s); the program docker-credential-NAME on $PATH then keeps the secret (its get, store and erase actions, as Docker and Podman call them). In each file a registry\'s credHelpers entry is asked first and alone, then the credsStore, then the file\'s own entry. \'boxctl login\' stores through the helper the file it writes names for the registry (credsStore logins leave an empty entry in "auths", as docker login does); helpers keep credentials per registry, not per namespace. A credsStore whose program is missing is passed over, as Podman (which never asks it) would.',
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
  {
    name: 'boxctl-quadlet',
    summary: 'containers and volumes as systemd user units, from .container and .volume files',
    description: [
      "A .container or .volume file describes a container or a named volume in systemd's unit syntax. 'boxctl quadlet generate', run by systemd as a user generator at boot and at 'systemctl --user daemon-reload', turns NAME.container into NAME.service, which creates the container (named systemd-NAME unless ContainerName= says otherwise) when it starts and removes it when it stops, and NAME.volume into NAME-volume.service, which creates the volume systemd-NAME (or VolumeName=) once.",
      "The keys are a subset of Podman's podman-systemd.unit(5), with the same meaning. [Unit], [Service] and [Install] pass through to the service; in [Unit], dependencies on NAME.container and NAME.volume become those files' services; [Install] is applied by the generator (WantedBy=, RequiredBy=, UpheldBy=, Alias=), since generated units cannot be enabled. Any other key or section is an error that names the file and line; that file makes no unit, the others do.",
      "The service is Type=notify: the container's monitor tells systemd when the container runs. 'boxctl quadlet generate --dry-run' prints the units and the errors. Not supported: .network, .pod, .kube, .image and .build files, drop-in directories, templates (NAME@.container), Notify=healthy.",
    ],
    tables: [
      { title: 'CONTAINER KEYS', rows: keyRows(CONTAINER_KEYS) },
      { title: 'VOLUME KEYS', rows: keyRows(VOLUME_KEYS) },
    ],
    locations: [
      { path: '$XDG_CONFIG_HOME/boxctl/systemd (default ~/.config/boxctl/systemd)', meaning: "boxctl's own; read first, and a file name found here hides the same name below" },
      { path: '$XDG_CONFIG_HOME/containers/systemd (default ~/.config/containers/systemd)', meaning: "shared with Podman's generator: with both installed, keep boxctl's files in boxctl's directory" },
      { path: '$QUADLET_UNIT_DIRS', meaning: 'when set, colon-separated directories read instead of the two above' },
      { path: '/usr/local/lib/systemd/user-generators/boxctl-user-generator', meaning: 'the generator, installed by install.sh as root' },
    ],
    example: [
      '# ~/.config/boxctl/systemd/web.container',
      '[Unit]',
      'Description=a web server',
      '',
      '[Container]',
      'Image=docker.io/library/nginx',
      'PublishPort=8080:80',
      'Volume=site.volume:/usr/share/nginx/html',
      'Environment=TZ=UTC',
      '',
      '[Install]',
      'WantedBy=default.target',
    ],
    seeAlso: ['boxctl(1)', 'boxctl-quadlet-generate(1)', 'boxctl-generate-systemd(1)', 'podman-systemd.unit(5)', 'systemd.unit(5)'],
  },
];
