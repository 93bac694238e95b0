// What every command shares: the version and the global flags, declared once for the
// fast parser and for yargs alike.
import type { OptionSpec } from './spec.js';

declare const __BOXCTL_VERSION__: string | undefined;
export const VERSION = typeof __BOXCTL_VERSION__ === 'string' ? __BOXCTL_VERSION__ : '0.0.0-dev';

export const GLOBAL_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  root: { type: 'string', description: 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)', complete: 'directories' },
  runroot: { type: 'string', description: 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)', complete: 'directories' },
  'log-level': { type: 'string', description: 'how much to log on stderr', default: 'warn', choices: ['debug', 'info', 'warn', 'error'] },
};
