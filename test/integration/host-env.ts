// The facts test/host/setup.sh records about the test host.
import { readFileSync } from 'node:fs';

export const HOST_ENV = '/var/lib/boxctl-test/host.env';

export interface HostEnv {
  user: string;
  uid: number;
  nosubUser: string;
  nosubUid: number;
  registry: string;
  cgroup: string;
  cgroup2Mount: string;
}

export function readHostEnv(): HostEnv {
  const vars: Record<string, string> = {};
  for (const line of readFileSync(HOST_ENV, 'utf8').split('\n')) {
    const m = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (m) vars[m[1]!] = m[2]!;
  }
  const need = (k: string): string => {
    const v = vars[k];
    if (v === undefined || v === '') throw new Error(`${HOST_ENV} lacks ${k}: rerun test/host/setup.sh`);
    return v;
  };
  return {
    user: need('BOXCTL_TEST_USER'),
    uid: Number(need('BOXCTL_TEST_UID')),
    nosubUser: need('BOXCTL_TEST_NOSUB_USER'),
    nosubUid: Number(need('BOXCTL_TEST_NOSUB_UID')),
    registry: need('BOXCTL_TEST_REGISTRY'),
    cgroup: need('BOXCTL_TEST_CGROUP'),
    cgroup2Mount: need('BOXCTL_TEST_CGROUP2_MOUNT'),
  };
}
