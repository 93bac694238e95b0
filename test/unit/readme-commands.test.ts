import { describe, expect, it } from 'vitest';

import { sectionBlock, shellCommands } from '../integration/readme-commands.js';

const README = `# x

## Quick start

Some words.

\`\`\`sh
sudo ./install.sh     # packages, build
boxctl run --rm hello
\`\`\`

\`\`\`sh
not this one
\`\`\`

## Development and tests

\`\`\`sh
sudo apt-get install -y a b \\
    c d
# a comment line
npm ci && sudo npm link
\`\`\`
`;

describe('README commands', () => {
  it('takes the first sh block of the section, one command a line, comments dropped', () => {
    expect(shellCommands(sectionBlock(README, 'Quick start'))).toEqual([
      { text: 'sudo ./install.sh', asUser: './install.sh', root: true },
      { text: 'boxctl run --rm hello', asUser: 'boxctl run --rm hello', root: false },
    ]);
  });

  it('joins continued lines and keeps a sudo inside a line as it is', () => {
    expect(shellCommands(sectionBlock(README, 'Development and tests')).map((c) => c.text)).toEqual([
      'sudo apt-get install -y a b c d',
      'npm ci && sudo npm link',
    ]);
  });

  it('refuses a missing section or block', () => {
    expect(() => sectionBlock(README, 'Install')).toThrow(/no section/);
    expect(() => sectionBlock('## Empty\n\nwords\n', 'Empty')).toThrow(/no sh code block/);
  });

  it('reads the real README: two quick-start commands, the last one runs hello', async () => {
    const { readFileSync } = await import('node:fs');
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const quick = shellCommands(sectionBlock(readme, 'Quick start'));
    expect(quick).toHaveLength(2);
    expect(quick[1]!.text).toBe('boxctl run --rm hello');
  });
});
