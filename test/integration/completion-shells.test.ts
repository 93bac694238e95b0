// The completion scripts `boxctl completion SHELL` prints, loaded into real bash, zsh
// and fish as the unprivileged test user: commands, flags, flag values, template fields,
// and live names that `boxctl __complete` reads from the store named by --root/--runroot
// on the line being completed.
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';

import { boxctl, host, runAs, testUser, userTempDir } from './harness.js';

const IMAGE = `${host.registry}/boxctl/busybox`;
const CONTAINER = 'compl-box';
const VOLUME = 'compl-vol';
const scratch = userTempDir(testUser.uid);
const root = join(scratch.path, 'r');
const runroot = join(scratch.path, 'u');
const store = `--root ${root} --runroot ${runroot}`;

const bx = (args: readonly string[]) => boxctl(['--root', root, '--runroot', runroot, ...args], testUser);

// Each driver loads the script (argument 1), completes the line (argument 2, the cursor
// at its end) the way the shell would on TAB, and prints the candidates one a line.
const drivers = {
  // bash: the function `complete -p boxctl` names, with the COMP_* variables bash sets;
  // compopt, which works only inside real completion, prints a marker instead.
  bash: `compopt() { printf '<compopt %s>\\n' "$*"; }
source "$1"
COMP_LINE=$2
COMP_POINT=\${#COMP_LINE}
read -ra COMP_WORDS <<<"$COMP_LINE"
[[ $COMP_LINE == *' ' ]] && COMP_WORDS+=('')
COMP_CWORD=$((\${#COMP_WORDS[@]} - 1))
fn=$(complete -p boxctl | sed -n 's/.* -F \\([^ ]*\\) .*/\\1/p')
[[ -n $fn ]] || { echo 'no completion function registered for boxctl' >&2; exit 1; }
"$fn" boxctl "\${COMP_WORDS[COMP_CWORD]}" "\${COMP_WORDS[COMP_CWORD - 1]}"
((\${#COMPREPLY[@]})) && printf '%s\\n' "\${COMPREPLY[@]}"
exit 0
`,
  // zsh: the completion function called directly, with the completion system's builtins
  // stubbed: compadd prints its words, _files a marker.
  zsh: `compdef() { : }
compadd() { while [[ $1 != -- ]]; do shift; done; shift; print -rl -- "$@"; }
_files() { print -r -- "<files\${*:+ $*}>"; }
source "$1"
words=(\${(z)2})
[[ $2 == *' ' ]] && words+=('')
CURRENT=\${#words}
_boxctl
exit 0
`,
  // fish: its own completion of a command line; candidates come as WORD<TAB>description.
  fish: `source $argv[1]
complete -C $argv[2] | string replace -r '\\t.*' ''
true
`,
} as const;

type Shell = keyof typeof drivers;
const SHELLS = Object.keys(drivers) as Shell[];
const scriptFile = (shell: Shell) => join(scratch.path, `boxctl.${shell}`);

async function complete(shell: Shell, line: string): Promise<string[]> {
  const argv = shell === 'zsh' ? ['zsh', '-f'] : shell === 'fish' ? ['fish', '--no-config'] : ['bash', '--norc', '--noprofile'];
  const r = await runAs([...argv, join(scratch.path, `driver.${shell}`), scriptFile(shell), line], {
    ...testUser,
    env: { PATH: `${scratch.path}:/usr/local/bin:/usr/bin:/bin` },
  });
  expect(r.code, `${shell} completing '${line}': ${r.stderr}`).toBe(0);
  expect(r.stderr, `${shell} completing '${line}'`).toBe('');
  return r.stdout.split('\n').filter((w) => w !== '');
}

beforeAll(async () => {
  // `boxctl` on PATH is the staged one: the scripts run it for live names.
  const wrapper = join(scratch.path, 'boxctl');
  writeFileSync(wrapper, `#!/bin/sh\nexec '${process.execPath}' '${join(inject('appDir'), 'dist', 'boxctl.js')}' "$@"\n`);
  chmodSync(wrapper, 0o755);
  for (const shell of SHELLS) {
    writeFileSync(join(scratch.path, `driver.${shell}`), drivers[shell]);
    const printed = await boxctl(['completion', shell], testUser);
    expect(printed.code, printed.stderr).toBe(0);
    writeFileSync(scriptFile(shell), printed.stdout);
  }
  const pulled = await bx(['pull', '-q', IMAGE]);
  expect(pulled.code, pulled.stderr).toBe(0);
  const created = await bx(['create', '--name', CONTAINER, IMAGE, 'true']);
  expect(created.code, created.stderr).toBe(0);
  const volume = await bx(['volume', 'create', VOLUME]);
  expect(volume.code, volume.stderr).toBe(0);
}, 60_000);

afterAll(async () => {
  await bx(['rm', '-f', '--all']);
  scratch.remove();
});

describe.each(SHELLS)('%s completion', (shell) => {
  it('completes commands, subcommands and flags', async () => {
    expect((await complete(shell, 'boxctl im')).sort()).toEqual(['image', 'images', 'import']);
    expect(await complete(shell, 'boxctl volume ')).toEqual(expect.arrayContaining(['create', 'ls', 'inspect', 'rm', 'prune', 'exists']));
    expect(await complete(shell, 'boxctl run --rest')).toEqual(['--restart']);
    expect((await complete(shell, 'boxctl ps --no')).sort()).toEqual(['--no-trunc', '--noheading']);
  });

  it("completes a flag's fixed values, and no file names for them", async () => {
    expect((await complete(shell, 'boxctl run --restart ')).sort()).toEqual(['always', 'no', 'on-failure', 'unless-stopped']);
    const network = await complete(shell, 'boxctl run --network ');
    expect(network).toEqual(expect.arrayContaining(['pasta', 'none']));
    for (const w of network) expect(w).not.toMatch(/^<|^boxctl$|^driver\./);
    expect(await complete(shell, 'boxctl --log-level w')).toEqual(['warn']);
  });

  it('completes template fields for --format, after a space and after =', async () => {
    expect(await complete(shell, 'boxctl ps --format {{.Na')).toEqual(['{{.Names}}']);
    // bash replaces only what follows the '=' (COMP_WORDBREAKS); zsh and fish the whole word.
    expect(await complete(shell, 'boxctl ps --format={{.Na')).toEqual([shell === 'bash' ? '{{.Names}}' : '--format={{.Names}}']);
  });

  it('completes names of containers, volumes and images from the store given on the line', async () => {
    expect(await complete(shell, `boxctl ${store} rm `)).toContain(CONTAINER);
    expect(await complete(shell, `boxctl ${store} rm compl-`)).toEqual([CONTAINER]);
    expect(await complete(shell, `boxctl ${store} start ${CONTAINER} `)).toContain(CONTAINER);
    expect(await complete(shell, `boxctl ${store} volume rm `)).toContain(VOLUME);
    expect(await complete(shell, `boxctl ${store} rmi `)).toContain(`${IMAGE}:latest`);
    expect(await complete(shell, `boxctl ${store} run `)).toContain(`${IMAGE}:latest`);
    // Without --root/--runroot the user's default store is read, which lacks them.
    expect(await complete(shell, 'boxctl rm compl-')).toEqual([]);
    expect(await complete(shell, 'boxctl volume rm compl-')).toEqual([]);
  });

  it('offers file names where a flag takes a path, and past the image of run', async () => {
    const prefix = join(scratch.path, 'driver.');
    const files = shell === 'bash' ? ['<compopt -o default>'] : shell === 'zsh' ? ['<files>'] : expect.arrayContaining([`${prefix}fish`, `${prefix}bash`]);
    expect(await complete(shell, `boxctl run --env-file ${prefix}`)).toEqual(files);
    expect(await complete(shell, `boxctl run --rm ${IMAGE} ${prefix}`)).toEqual(files);
    expect(await complete(shell, `boxctl rm ${prefix}`)).toEqual([]);
  });
});

describe.each(SHELLS)('%s completion of paths', (shell) => {
  const prefix = join(scratch.path, 'driver.');
  const files = shell === 'bash' ? '<compopt -o default>' : shell === 'zsh' ? '<files>' : `${prefix}bash`;

  it('offers directories for --root and --runroot', async () => {
    const dir = `${scratch.path}/`;
    const dirs = shell === 'bash' ? ['<compopt -o dirnames>'] : shell === 'zsh' ? ['<files -/>'] : expect.arrayContaining([`${root}/`]);
    expect(await complete(shell, `boxctl --root ${dir}`)).toEqual(dirs);
    expect(await complete(shell, `boxctl --runroot ${dir}`)).toEqual(dirs);
    // Directories only: fish lists no plain file.
    if (shell === 'fish') expect(await complete(shell, `boxctl --root ${dir}`)).not.toContain(`${prefix}bash`);
  });

  it('offers volume names and host paths for -v and --volume', async () => {
    for (const flag of ['-v', '--volume']) {
      const named = await complete(shell, `boxctl ${store} run ${flag} compl-`);
      expect(named).toContain(VOLUME);
      if (shell !== 'fish') expect(named).toContain(files);
      expect(await complete(shell, `boxctl ${store} run ${flag} ${prefix}`)).toContain(files);
    }
    expect(await complete(shell, `boxctl ${store} create --volume compl-`)).toContain(VOLUME);
  });

  it('offers file names for --env-file, --cidfile, --authfile and archives, containers and paths for cp', async () => {
    for (const line of [`run --env-file ${prefix}`, `exec --env-file ${prefix}`, `run --cidfile ${prefix}`, `rm --cidfile ${prefix}`, `login --authfile ${prefix}`, `save -o ${prefix}`, `load -i ${prefix}`, `import ${prefix}`]) {
      expect(await complete(shell, `boxctl ${line}`), line).toContain(files);
    }
    const cp = await complete(shell, `boxctl ${store} cp compl-`);
    expect(cp).toContain(CONTAINER);
    if (shell !== 'fish') expect(cp).toContain(files);
    expect(await complete(shell, `boxctl ${store} export compl-`)).toEqual([CONTAINER]);
  });
});

describe('bash completion', () => {
  it('replaces only what follows the last colon of an image name', async () => {
    expect(await complete('bash', `boxctl ${store} rmi 127.0.0.1:5000/boxctl/bus`)).toEqual(['5000/boxctl/busybox:latest']);
  });
});
