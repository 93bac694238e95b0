import { Text } from 'ink';

import type { Bar } from '../pull-screen.js';
import type { Theme } from '../theme.js';

export function ProgressBar({ bar, theme }: { bar: Bar; theme: Theme }) {
  return (
    <Text>
      [<Text color={theme.color.bar}>{bar.done}</Text>
      <Text dimColor={theme.dim}>{bar.left}</Text>]
    </Text>
  );
}
