// Pull progress on a real terminal: tmux runs `boxctl pull` as the test user, and what
// the pane shows at the end is checked, colours and terminal modes included. And the
// other side of it: Ink and React stay out of the bundle's entry, and out of every pull
// that has no terminal (DESIGN.md: start-up time of every command is a benchmark).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';

import { RegistryProxy } from './fixtures/registry-token-proxy.js';
import { host, runAs, testUser, userEnv, userTempDir, type RunResult } from './harness.js';

const REG = host.registry;
const IMAGE = `${REG}/boxctl/layers`;
const dist = join(inject('appDir'), 'dist');
const entry = join(dist, 'boxctl.js');
const scratch = userTempDir(testUser.uid);
// A tmux server of our own, its socket in the scratch dir: nothing else's sessions are
// touched, and nothing of it is left behind.
const SOCKET = join(scratch.path, 'tmux.sock');
afterAll(() => {
  // Gone already when every session ended, as it should have.
  spawnSync('tmux', ['-S', SOCKET, 'kill-server'], { stdio: 'ignore' });
  scratch.remove();
});

const UI_PACKAGES = /node_modules\/(ink|react|react-reconciler|scheduler|yoga-layout)\//;

/** The bundled sources of an output file, from its source map. */
function sourcesOf(file: string): string[] {
  return (JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { sources: string[] }).sources;
}

/** Every file the entry loads before any code runs: its static imports, and theirs. */
function staticGraph(file: string, seen = new Set<string>()): Set<string> {
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(/^(?:import|export)\s[^;]*?["'](\.{1,2}\/[^"']+)["'];?$/gms)) {
    const next = join(dirname(file), m[1]!);
    if (!seen.has(next)) staticGraph(next, seen);
  }
  return seen;
}

/** Output files whose code comes from Ink or React. */
function uiChunks(): string[] {
  const chunks = readdirSync(join(dist, 'chunks')).filter((f) => f.endsWith('.js'));
  return chunks.map((f) => join(dist, 'chunks', f)).filter((f) => sourcesOf(f).some((s) => UI_PACKAGES.test(s)));
}

describe('Ink and React load only where pull draws', () => {
  it('are in a chunk of their own that nothing the entry imports statically reaches', () => {
    // Ink and React may sit in a chunk that the pull bars and the dashboard share.
    const ui = new Set(uiChunks());
    const chunks = readdirSync(join(dist, 'chunks')).filter((f) => f.endsWith('.js')).map((f) => join(dist, 'chunks', f));
    const bars = chunks.find((f) => sourcesOf(f).some((s) => s.includes('src/cli/ui/pull-tty.tsx')));
    expect(bars).toBeDefined();
    expect([...staticGraph(bars!)].some((f) => ui.has(f))).toBe(true);
    const graph = [...staticGraph(entry)];
    expect(graph.length).toBeGreaterThan(1);
    for (const file of graph) expect(sourcesOf(file).filter((s) => UI_PACKAGES.test(s)), file).toEqual([]);
    expect(readFileSync(entry, 'utf8')).not.toMatch(/react\.transitional\.element|ink-root/);
  });

  it('are not loaded by a pull without a terminal', async () => {
    let pull: RunResult | undefined;
    const loaded = await loadsOf('plain', async (register) => {
      pull = await runAs([process.execPath, '--import', register, entry, '--root', join(scratch.path, 'root-plain'), 'pull', IMAGE], testUser);
    });
    expect(pull?.code).toBe(0);
    expect(pull?.stderr).toMatch(/Copying blob [0-9a-f]{12} done\n/);
    expect(loaded.some((u) => u.endsWith('/dist/boxctl.js'))).toBe(true);
    expect(loaded.some((u) => /\/chunks\/pull-[A-Z0-9]+\.js$/.test(u))).toBe(true);
    expect(loaded.filter(isUiChunk)).toEqual([]);
  });

  it('are loaded by a pull on a terminal', async () => {
    let pane: Pane | undefined;
    const loaded = await loadsOf('tty', async (register) => {
      pane = await inTerminal('loads', ['--root', join(scratch.path, 'root-loads'), 'pull', IMAGE], { nodeArgs: ['--import', register] });
    });
    expect(pane?.text).toContain('EXIT=0');
    expect(loaded.filter(isUiChunk).length).toBeGreaterThan(0);
  });
});

function isUiChunk(url: string): boolean {
  return uiChunks().some((f) => url.endsWith(f.slice(dist.length)));
}

/** The URLs of the modules Node loads while run goes, by a module hook that writes each down. */
async function loadsOf(name: string, run: (register: string) => Promise<void>): Promise<string[]> {
  const dir = join(scratch.path, `hooks-${name}`);
  const log = join(dir, 'loaded.txt');
  mkdirSync(dir);
  writeFileSync(join(dir, 'hooks.mjs'), `import { appendFileSync } from 'node:fs';\nexport async function load(url, context, next) {\n  appendFileSync(${JSON.stringify(log)}, url + '\\n');\n  return next(url, context);\n}\n`);
  writeFileSync(join(dir, 'register.mjs'), "import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n");
  writeFileSync(log, '');
  execFileSync('chmod', ['-R', 'a+rwX', dir]);
  await run(join(dir, 'register.mjs'));
  return readFileSync(log, 'utf8').split('\n').filter(Boolean);
}

/** The words of a shell command line, quoted for sh. */
function shell(words: readonly string[]): string {
  return words.map((w) => `'${w.replace(/'/g, "'\\''")}'`).join(' ');
}

function tmux(...args: string[]): string {
  return execFileSync('tmux', ['-S', SOCKET, ...args], { encoding: 'utf8' });
}

interface Pane {
  text: string;
  /** With colours, as SGR escapes. */
  styled: string;
  /** `stty -a` of the pane's terminal after boxctl exited. */
  stty: string;
  cursorVisible: boolean;
}

/** What the pane shows once it shows pattern. */
async function paneShowing(name: string, pattern: RegExp): Promise<string> {
  const deadline = Date.now() + 45_000;
  for (;;) {
    const text = tmux('capture-pane', '-p', '-t', name);
    if (pattern.test(text)) return text;
    if (Date.now() > deadline) throw new Error(`the pane never showed ${pattern}:\n${text}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

interface TerminalRun {
  env?: Record<string, string>;
  nodeArgs?: readonly string[];
  /** What to do to the pane while boxctl runs. */
  meanwhile?: (name: string) => Promise<void>;
}

/** Runs boxctl in a fresh 100x30 tmux pane as the test user, and reads the pane once it is done. */
async function inTerminal(name: string, args: readonly string[], run: TerminalRun = {}): Promise<Pane> {
  const stty = join(scratch.path, `${name}.stty`);
  const env = userEnv(testUser.user, testUser.uid, { TERM: 'screen', ...run.env });
  const argv = ['runuser', '-u', testUser.user, '--', 'env', '-i', ...env, process.execPath, ...(run.nodeArgs ?? []), entry, ...args];
  const script = `${shell(argv)}; echo "EXIT=$?"; stty -a > ${shell([stty])}; echo READY; sleep 60`;
  tmux('new-session', '-d', '-s', name, '-x', '100', '-y', '30', script);
  await run.meanwhile?.(name);
  const text = await paneShowing(name, /^READY$/m);
  const pane = {
    text,
    styled: tmux('capture-pane', '-p', '-e', '-t', name),
    stty: readFileSync(stty, 'utf8'),
    cursorVisible: tmux('display-message', '-p', '-t', name, '#{cursor_flag}').trim() === '1',
  };
  tmux('kill-session', '-t', name);
  return pane;
}

function linesOf(pane: Pane): string[] {
  return pane.text.split('\n').filter((l) => l.trim() !== '');
}

describe('boxctl pull on a terminal', () => {
  const root = join(scratch.path, 'root-tty');

  it('draws a line per layer that ends done, then the image id, and leaves the terminal as it was', async () => {
    const pane = await inTerminal('fresh', ['--root', root, 'pull', IMAGE]);
    const lines = linesOf(pane);
    const id = lines.at(-3);
    expect(lines.slice(0, 2)).toEqual([`Trying to pull ${IMAGE}:latest...`, expect.stringMatching(/^Copying config [0-9a-f]{12}$/)]);
    const layers = lines.slice(2, -4);
    expect(layers).toHaveLength(3);
    // At 100 columns the bars get 31 cells; every layer finished, nothing half drawn left behind.
    for (const line of layers) expect(line).toMatch(/^[0-9a-f]{12} Done {8}\[={31}\] [0-9.]+ k?M?B$/);
    expect(lines.slice(-4)).toEqual(['Writing manifest to image destination', id, 'EXIT=0', 'READY']);
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(pane.styled).toContain('\u001b[32m');
    expect(pane.cursorVisible).toBe(true);
    expect(pane.stty).toMatch(/(^|\s)icanon(\s|$)/);
    expect(pane.stty).toMatch(/(^|\s)echo(\s|$)/);
  });

  it('says which layers it already has, and draws the same bars without colour under NO_COLOR', async () => {
    const pane = await inTerminal('again', ['--root', root, 'pull', IMAGE], { env: { NO_COLOR: '1' } });
    const lines = linesOf(pane);
    expect(lines.filter((l) => /^[0-9a-f]{12} Already exists$/.test(l))).toHaveLength(3);
    expect(lines.at(-3)).toMatch(/^[0-9a-f]{64}$/);
    expect(pane.styled).not.toMatch(/\u001b\[(3\d|9\d|2|1)m/);
    const fresh = await inTerminal('plain', ['--root', join(scratch.path, 'root-nocolor'), 'pull', IMAGE], { env: { NO_COLOR: '1' } });
    expect(linesOf(fresh).filter((l) => /^[0-9a-f]{12} Done {8}\[={31}\] /.test(l))).toHaveLength(3);
    expect(fresh.styled).not.toMatch(/\u001b\[(3\d|9\d|2|1)m/);
  });

  it('keeps the plain lines with --quiet and under TERM=dumb', async () => {
    const quiet = await inTerminal('quiet', ['--root', join(scratch.path, 'root-quiet'), 'pull', '-q', IMAGE]);
    expect(linesOf(quiet)).toEqual([expect.stringMatching(/^[0-9a-f]{64}$/), 'EXIT=0', 'READY']);
    const dumb = await inTerminal('dumb', ['--root', join(scratch.path, 'root-dumb'), 'pull', IMAGE], { env: { TERM: 'dumb' } });
    expect(linesOf(dumb).filter((l) => /^Copying blob [0-9a-f]{12} done$/.test(l))).toHaveLength(3);
  });

  it('gives the terminal back when the user interrupts a download', async () => {
    // A registry that sends the config, then a byte of each layer and nothing more.
    let blobs = 0;
    const stalling = await RegistryProxy.start({
      upstream: REG,
      lie: async (req, res, proxy) => {
        if (!req.url?.includes('/blobs/') || blobs++ === 0) return false;
        const up = await proxy.fetchUpstream(req);
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.once('data', (chunk: Buffer) => res.write(chunk.subarray(0, 1)));
        return true;
      },
    });
    try {
      const pane = await inTerminal('interrupted', ['--root', join(scratch.path, 'root-interrupted'), 'pull', `${stalling.registry}/boxctl/layers`], {
        meanwhile: async (name) => {
          await paneShowing(name, /Downloading \[-+\] 1 B \//);
          tmux('send-keys', '-t', name, 'C-c');
        },
      });
      expect(pane.text).toMatch(/^EXIT=130$/m);
      expect(pane.cursorVisible).toBe(true);
      expect(pane.stty).toMatch(/(^|\s)icanon(\s|$)/);
      expect(pane.stty).toMatch(/(^|\s)echo(\s|$)/);
    } finally {
      await stalling.close();
    }
  });
});
