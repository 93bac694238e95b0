// The commands that enter the user namespace to make, unpack or start something: when
// one of them fails for a reason other than the user's request, the host is checked
// and a missing prerequisite replaces the failure it caused (engine/info/diagnose.ts).
import { BoxctlError, ConflictError, NotFoundError, UserError } from '../errors.js';
import type { GlobalOptions } from './context.js';

const HOST_BOUND = new Set(['run', 'create', 'start', 'restart', 'pull', 'load', 'import', 'unshare']);

function aboutTheRequest(e: unknown): boolean {
  return e instanceof UserError || e instanceof NotFoundError || e instanceof ConflictError;
}

export async function explainFailure(command: string | undefined, globals: GlobalOptions | undefined, e: unknown): Promise<unknown> {
  if (command === undefined || !HOST_BOUND.has(command) || aboutTheRequest(e)) return e;
  try {
    const { diagnoseHost } = await import('../engine/info/diagnose.js');
    const problem = await diagnoseHost({ root: globals?.root, runroot: globals?.runroot });
    return problem ? new BoxctlError(problem, { cause: e }) : e;
  } catch {
    // A probe that fails too says nothing the original error does not.
    return e;
  }
}
