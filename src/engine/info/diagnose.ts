// A failed container or image command, explained as `boxctl info` explains the host:
// when something deep down (newuidmap, entering the user namespace, the store) fails
// because the host lacks a prerequisite, the user sees that prerequisite and its fix,
// not the symptom. Probed only after a failure, so a working host pays nothing.
import type { Check } from './checks.js';
import type { GatherOptions } from './gather.js';

/** The checks whose failure stops every container; the others only take features away. */
const BLOCKING = new Set(['newuidmap', 'newgidmap', 'userns', 'overlay', 'storage']);

/** The first blocking problem as one line, in info's words: what is wrong, then each fix. */
export function blockingProblem(checks: readonly Check[]): string | undefined {
  const c = checks.find((k) => k.status === 'error' && BLOCKING.has(k.id));
  if (!c) return undefined;
  const what = c.detail.startsWith(c.title) ? c.detail : `${c.title}: ${c.detail}`;
  const fixes = c.fixes.map((f) => `fix${f.root ? ' (needs root)' : ''}: ${f.command}`);
  return [what, ...fixes].join('; ');
}

export async function diagnoseHost(opts: GatherOptions): Promise<string | undefined> {
  const [{ gatherFacts }, { evaluate }] = await Promise.all([import('./gather.js'), import('./checks.js')]);
  return blockingProblem(evaluate(await gatherFacts(opts)));
}
