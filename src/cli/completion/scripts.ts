// The three completion scripts, from the commands in the registry.
import { commands } from '../registry.js';
import { bashScript } from './bash.js';
import { fishScript } from './fish.js';
import { rootModel } from './model.js';
import { zshScript } from './zsh.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

export function completionScript(shell: Shell): string {
  const model = rootModel(commands);
  return shell === 'bash' ? bashScript(model) : shell === 'zsh' ? zshScript(model) : fishScript(model);
}

/** Where each script lives in the package (completions/). */
export const COMPLETION_FILES: Readonly<Record<Shell, string>> = { bash: 'boxctl.bash', zsh: '_boxctl', fish: 'boxctl.fish' };
