// Every file made from the command declarations: the completion scripts in completions/
// and the pages in man/. scripts/gen.mjs writes them; a unit test fails when the files
// in the tree differ from what this returns.
import { COMPLETION_FILES, completionScript, SHELLS } from './completion/scripts.js';
import { manPages } from './man/pages.js';
import { commands } from './registry.js';

export interface GeneratedFile {
  /** Relative to the repository root. */
  path: string;
  text: string;
}

/** The folders generated files live in; anything else there but README.md is stale. */
export const GENERATED_DIRS = ['completions', 'man'] as const;

/** VERSION is package.json's, which the pages name. */
export function generatedFiles(version: string): GeneratedFile[] {
  return [
    ...SHELLS.map((shell) => ({ path: `completions/${COMPLETION_FILES[shell]}`, text: completionScript(shell) })),
    ...manPages(commands, version).map((p) => ({ path: `man/${p.file}`, text: p.text })),
  ];
}
