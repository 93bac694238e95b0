// The shell commands README.md gives, read literally, so tests can run them: the first
// ```sh block under a `## ` heading, one command per line (continuations joined,
// comments dropped).

export interface ReadmeCommand {
  /** The line as README prints it, without its comment. */
  text: string;
  /** Without a leading `sudo`: what a test runs as the unprivileged user. */
  asUser: string;
  root: boolean;
}

export function sectionBlock(readme: string, heading: string): string {
  const start = readme.split('\n').findIndex((l) => l.trim() === `## ${heading}`);
  if (start === -1) throw new Error(`README.md has no section '## ${heading}'`);
  const lines = readme.split('\n').slice(start + 1);
  const end = lines.findIndex((l) => l.startsWith('## '));
  const body = (end === -1 ? lines : lines.slice(0, end)).join('\n');
  const m = /^```(?:sh|bash|console)\n([\s\S]*?)^```$/m.exec(body);
  if (!m) throw new Error(`README.md's '## ${heading}' has no sh code block`);
  return m[1]!;
}

export function shellCommands(block: string): ReadmeCommand[] {
  const joined = block.replace(/\\\n\s*/g, '');
  return joined
    .split('\n')
    .map((l) => l.replace(/(^|\s+)#(\s.*)?$/, '').trim())
    .filter((l) => l !== '')
    .map((text) => {
      const root = /^sudo\s/.test(text);
      return { text, asUser: root ? text.replace(/^sudo\s+/, '') : text, root };
    });
}
