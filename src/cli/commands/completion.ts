// `boxctl completion SHELL`, `boxctl version`, and the hidden `boxctl __complete KIND`
// that the completion scripts ask for live names.
import { UserError } from '../../errors.js';
import { VERSION } from '../globals.js';
import type { CommandSpec } from '../spec.js';

const SHELLS = ['bash', 'zsh', 'fish'] as const;

export const completion: CommandSpec = {
  name: 'completion',
  summary: 'Print the shell completion script for bash, zsh or fish',
  description:
    'Prints a script that completes commands, flags, flag values and the names of containers, images and volumes. The same scripts are installed in the package under completions/.',
  examples: [
    { command: 'source <(boxctl completion bash)', description: 'complete in this bash session' },
    { command: 'boxctl completion zsh > ~/.zfunc/_boxctl', description: 'install for zsh (with ~/.zfunc in $fpath)' },
    { command: 'boxctl completion fish > ~/.config/fish/completions/boxctl.fish', description: 'install for fish' },
  ],
  options: {},
  positionals: [{ name: 'shell', description: 'bash, zsh or fish', required: true, choices: SHELLS }],
  async run(ctx, args) {
    const shell = String(args.shell);
    const { completionScript, SHELLS: known } = await import('../completion/scripts.js');
    const which = known.find((s) => s === shell);
    if (!which) throw new UserError(`unknown shell '${shell}': use bash, zsh or fish`);
    ctx.stdout.write(completionScript(which));
    return 0;
  },
};

export const complete: CommandSpec = {
  name: '__complete',
  summary: 'Print live names for the completion scripts',
  description: 'Prints the names of the containers, images or volumes in the store, one per line. The completion scripts call it; errors print nothing.',
  examples: [{ command: 'boxctl __complete containers', description: 'container names' }],
  options: {},
  positionals: [{ name: 'kind', description: 'containers, images or volumes', required: true }],
  hidden: true,
  async run(ctx, args) {
    const [{ liveNames, LIVE_KINDS }, { currentPaths }] = await Promise.all([import('../completion/live.js'), import('../../engine/paths.js')]);
    const kind = LIVE_KINDS.find((k) => k === args.kind);
    if (!kind) return 0;
    try {
      const names = liveNames(kind, currentPaths(ctx.globals).root);
      ctx.stdout.write(names.map((n) => `${n}\n`).join(''));
    } catch {
      // A completion that fails offers nothing; it never prints into the user's line.
    }
    return 0;
  },
};

const GO_ARCH: Readonly<Record<string, string>> = { x64: 'amd64', ia32: '386', arm: 'arm', arm64: 'arm64', ppc64: 'ppc64le', s390x: 's390x', riscv64: 'riscv64' };

export const version: CommandSpec = {
  name: 'version',
  summary: 'Show the boxctl version',
  description: "Prints boxctl's version, the Node.js it runs on, and the platform, as 'podman version' does; --format json or a Go template for scripts.",
  examples: [
    { command: 'boxctl version', description: 'the version, for people' },
    { command: "boxctl version --format '{{.Client.Version}}'", description: 'only the version number' },
  ],
  options: {
    format: { type: 'string', alias: 'f', description: "'json', or a Go template such as '{{.Client.Version}}'" },
  },
  async run(ctx, args) {
    const { compileFormat, isJsonFormat } = await import('../render/template.js');
    const os = process.platform;
    const arch = GO_ARCH[process.arch] ?? process.arch;
    const client = { Version: VERSION, NodeVersion: process.version, OsArch: `${os}/${arch}`, Os: os };
    const format = args.format as string | undefined;
    if (format !== undefined && isJsonFormat(format)) {
      ctx.stdout.write(`${JSON.stringify({ Client: client }, null, 2)}\n`);
    } else if (format !== undefined) {
      ctx.stdout.write(compileFormat(format, { fields: ['Client'] }).render([{ Client: client }]));
    } else {
      const rows: [string, string][] = [
        ['Client:', 'boxctl'],
        ['Version:', client.Version],
        ['Node Version:', client.NodeVersion],
        ['OS/Arch:', client.OsArch],
      ];
      ctx.stdout.write(rows.map(([k, v]) => `${k.padEnd(14)}${v}\n`).join(''));
    }
    return 0;
  },
};
