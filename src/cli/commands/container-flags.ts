// The flags `boxctl run` and `boxctl create` share, declared once (as Podman's
// create flags are) and read into a CreateRequest in one place.
import type { OptionSpec } from '../spec.js';

const s = (description: string, extra: Partial<OptionSpec> = {}): OptionSpec => ({ type: 'string', description, ...extra });
const list = (description: string, extra: Partial<OptionSpec> = {}): OptionSpec => ({ type: 'string', repeatable: true, description, ...extra });
const b = (description: string, extra: Partial<OptionSpec> = {}): OptionSpec => ({ type: 'boolean', description, default: false, ...extra });

export const CREATE_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  name: s('name the container (default: a generated one)', { complete: 'none', valueName: 'name' }),
  env: list('set an environment variable: NAME=VALUE, or NAME to pass yours', { alias: 'e', valueName: 'NAME[=VALUE]' }),
  'env-file': list('read environment variables from a file, one NAME=VALUE per line', { complete: 'files' }),
  workdir: s('working directory inside the container', { alias: 'w', valueName: 'dir' }),
  user: s('run as USER[:GROUP] (names from the image, or numbers)', { alias: 'u', valueName: 'USER[:GROUP]' }),
  entrypoint: s("override the image's entrypoint ('' clears it)", { valueName: 'command' }),
  volume: list('bind a host path (HOST:CTR[:ro]) or mount a named volume (NAME:CTR[:ro])', { alias: 'v', complete: ['volumes', 'files'], valueName: 'SOURCE:DEST[:ro]' }),
  mount: list('type=bind|volume|tmpfs,source=..,target=..[,readonly]', { valueName: 'type=TYPE,source=SRC,target=DEST[,readonly]' }),
  tmpfs: list('mount a tmpfs at PATH[:OPTIONS]', { valueName: 'PATH[:OPTIONS]' }),
  'read-only': b('mount the root filesystem read-only'),
  hostname: s('hostname inside the container (default: the short id)', { valueName: 'name' }),
  label: list('add a label KEY=VALUE', { alias: 'l', valueName: 'KEY=VALUE' }),
  init: b('run a minimal init as pid 1 that reaps zombies and forwards signals'),
  userns: s("'keep-id': your uid and gid are the same inside the container", { suggest: ['keep-id'], valueName: 'mode' }),
  'cap-add': list('add a capability (e.g. NET_ADMIN, or ALL)', { valueName: 'capability' }),
  'cap-drop': list('drop a capability (e.g. CHOWN, or ALL)', { valueName: 'capability' }),
  'security-opt': list('no-new-privileges, seccomp=unconfined or seccomp=PROFILE.json', { valueName: 'option' }),
  pull: s('pull the image: always, missing, never or newer', { default: 'missing', suggest: ['always', 'missing', 'never', 'newer'], valueName: 'policy' }),
  restart: s('restart policy: no, on-failure[:MAX], always, unless-stopped', { default: 'no', suggest: ['no', 'on-failure', 'always', 'unless-stopped'], valueName: 'policy' }),
  memory: s('memory limit (e.g. 512m, 1g)', { alias: 'm', valueName: 'number[unit]' }),
  cpus: s('CPU limit in CPUs (e.g. 0.5, 2)', { valueName: 'number' }),
  'pids-limit': { type: 'number', description: 'limit the number of processes (-1: none)' },
  'stop-signal': s('signal that stops the container (default: the image’s, else TERM)', { valueName: 'signal' }),
  'stop-timeout': { type: 'number', description: 'seconds to wait after the stop signal before SIGKILL (default 10)' },
  'health-cmd': s("healthcheck command, a shell line or a JSON array ('none' disables the image's)", { valueName: 'command' }),
  'health-interval': s('time between healthchecks (default 30s)', { valueName: 'duration' }),
  'health-timeout': s('time a healthcheck may take (default 30s)', { valueName: 'duration' }),
  'health-retries': { type: 'number', description: 'failures in a row that make the container unhealthy (default 3)' },
  'health-start-period': s('time after start during which failures do not count (default 0s)', { valueName: 'duration' }),
  'health-on-failure': s('what to do once unhealthy: none, kill, restart, stop', { suggest: ['none', 'kill', 'restart', 'stop'], valueName: 'action' }),
  'log-opt': list('log options: max-size=SIZE, max-file=N', { valueName: 'NAME=VALUE' }),
  network: s('network: pasta[:OPTIONS] (default where installed), slirp4netns[:allow_host_loopback=true], none, host, private (loopback only), ns:PATH, container:NAME', {
    alias: 'net',
    suggest: ['pasta', 'slirp4netns', 'none', 'host', 'private', 'ns:', 'container:'],
    valueName: 'mode',
  }),
  publish: list('publish a port: [IP:][HOST:]CTR[/tcp|/udp], ranges as A-B', { alias: 'p', valueName: '[IP:][HOST:]CTR[/PROTOCOL]' }),
  'publish-all': b('publish every port the image exposes on a free host port', { alias: 'P' }),
  dns: list('a name server for /etc/resolv.conf', { valueName: 'address' }),
  'dns-search': list("a search domain for /etc/resolv.conf ('.' for none)", { valueName: 'domain' }),
  'dns-option': list('an option for /etc/resolv.conf (e.g. ndots:2)', { valueName: 'option' }),
  'add-host': list('add NAME:IP to /etc/hosts', { valueName: 'NAME:IP' }),
  'no-hosts': b('leave the image’s /etc/hosts as it is'),
  sdnotify: s('how systemd hears the container is ready over NOTIFY_SOCKET: conmon (boxctl says so once it runs), container (the container says so itself), ignore', {
    default: 'conmon',
    choices: ['conmon', 'container', 'ignore'],
  }),
  cidfile: s("write the container's id to this file (which must not hold one already); removed with the container", { complete: 'files' }),
  replace: b('first remove a container that has the same --name'),
  interactive: b('keep stdin open', { alias: 'i' }),
  tty: b('allocate a pseudo-terminal', { alias: 't' }),
};

export const RUN_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  ...CREATE_OPTIONS,
  detach: b('run in the background and print the container id', { alias: 'd' }),
  rm: b('remove the container when it exits'),
  'detach-keys': s('key sequence that detaches from the container (default ctrl-p,ctrl-q)', { valueName: 'sequence' }),
  'sig-proxy': { type: 'boolean', description: 'forward signals to the container (without a tty)', default: true },
};
