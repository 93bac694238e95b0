// boxctl login asking on a real terminal: tmux runs it as the test user and types the
// answers. The password must never show, and the terminal must be usable afterwards.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';

import { host, testUser, userEnv, userTempDir } from './harness.js';
import { RegistryProxy, USER } from './fixtures/registry-token-proxy.js';

const scratch = userTempDir(testUser.uid);
// A tmux server of our own, its socket in the scratch dir, removed with it.
const SOCKET = join(scratch.path, 'tmux.sock');
let proxy: RegistryProxy;
beforeAll(async () => {
  proxy = await RegistryProxy.start({ upstream: host.registry, auth: 'bearer' });
});
afterAll(async () => {
  // Gone already when the session ended, as it should have.
  spawnSync('tmux', ['-S', SOCKET, 'kill-server'], { stdio: 'ignore' });
  await proxy.close();
  scratch.remove();
});

const b64 = (s: string) => Buffer.from(s).toString('base64');
const tmux = (...args: string[]) => execFileSync('tmux', ['-S', SOCKET, ...args], { encoding: 'utf8' });
const shell = (words: readonly string[]) => words.map((w) => `'${w.replace(/'/g, "'\\''")}'`).join(' ');

async function until(pattern: RegExp, session: string): Promise<string> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const text = tmux('capture-pane', '-p', '-t', session);
    if (pattern.test(text)) return text;
    if (Date.now() > deadline) throw new Error(`the pane never showed ${pattern}:\n${text}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('boxctl login on a terminal', () => {
  it('asks again when the stored credentials fail, offers the stored user name, and hides the password', async () => {
    const runtime = join(scratch.path, 'runtime');
    const authFile = join(runtime, 'containers', 'auth.json');
    mkdirSync(join(runtime, 'containers'), { recursive: true, mode: 0o700 });
    writeFileSync(authFile, JSON.stringify({ auths: { [proxy.registry]: { auth: b64(`${USER.username}:stale`) } } }), { mode: 0o600 });
    for (const p of [runtime, join(runtime, 'containers'), authFile]) chownSync(p, testUser.uid, testUser.uid);
    const stty = join(scratch.path, 'stty');
    const env = userEnv(testUser.user, testUser.uid, { TERM: 'screen', XDG_RUNTIME_DIR: runtime });
    const boxctl = [process.execPath, join(inject('appDir'), 'dist', 'boxctl.js'), 'login', proxy.registry];
    const script = `${shell(['runuser', '-u', testUser.user, '--', 'env', '-i', ...env, ...boxctl])}; echo "EXIT=$?"; stty -a > ${shell([stty])}; echo READY; sleep 60`;
    tmux('new-session', '-d', '-s', 'login', '-x', '100', '-y', '20', script);

    // capture-pane drops the blanks at the end of a line: the prompts end at their colon.
    await until(new RegExp(`^Username \\(${USER.username}\\):$`, 'm'), 'login');
    tmux('send-keys', '-t', 'login', 'Enter');
    await until(/^Password:$/m, 'login');
    tmux('send-keys', '-t', 'login', '-l', USER.password);
    tmux('send-keys', '-t', 'login', 'Enter');
    const text = await until(/^READY$/m, 'login');
    tmux('kill-session', '-t', 'login');

    expect(text.split('\n').filter((l) => l.trim() !== '')).toEqual([
      `Authenticating with existing credentials for ${proxy.registry}`,
      'Existing credentials are invalid, please enter valid username and password',
      `Username (${USER.username}):`,
      'Password:',
      'Login Succeeded!',
      'EXIT=0',
      'READY',
    ]);
    expect(text).not.toContain(USER.password);
    expect(JSON.parse(readFileSync(authFile, 'utf8'))).toEqual({ auths: { [proxy.registry]: { auth: b64(`${USER.username}:${USER.password}`) } } });
    const modes = readFileSync(stty, 'utf8');
    expect(modes).toMatch(/(^|\s)echo(\s|$)/);
    expect(modes).toMatch(/(^|\s)icanon(\s|$)/);
  });
});
