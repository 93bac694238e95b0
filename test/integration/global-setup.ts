// Integration tests drive boxctl as unprivileged users through runuser, so the test
// runner itself is root on a host prepared by test/host/setup.sh. The built CLI is
// staged where those users can read it: the checkout may live under /root.
import { chmodSync, cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

import { HOST_ENV, readHostEnv } from './host-env.js';

declare module 'vitest' {
  export interface ProvidedContext {
    appDir: string;
  }
}

export default function setup(project: TestProject): () => void {
  if (process.getuid?.() !== 0) {
    throw new Error('integration tests run as root and drop to the test users: run them with sudo, or through .ci/run');
  }
  if (!existsSync(HOST_ENV)) throw new Error(`${HOST_ENV} is missing: prepare the host with 'sudo bash test/host/setup.sh'`);
  readHostEnv();
  const repo = join(import.meta.dirname, '..', '..');
  for (const built of ['dist/boxctl.js', 'native/build/bin/boxctl-probe', 'native/build/Release/boxctl_native.node']) {
    if (!existsSync(join(repo, built))) throw new Error(`${built} is missing: run 'npm ci && npm run build' first`);
  }
  const app = mkdtempSync('/var/lib/boxctl-test/app-');
  chmodSync(app, 0o755);
  cpSync(join(repo, 'dist'), join(app, 'dist'), { recursive: true });
  cpSync(join(repo, 'native/build/bin'), join(app, 'native/build/bin'), { recursive: true });
  cpSync(join(repo, 'native/build/Release/boxctl_native.node'), join(app, 'native/build/Release/boxctl_native.node'));
  cpSync(join(repo, 'package.json'), join(app, 'package.json'));
  project.provide('appDir', app);
  return () => rmSync(app, { recursive: true, force: true });
}
