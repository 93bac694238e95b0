import { Text } from 'ink';

import type { LayerRow } from '../pull-screen.js';
import type { Theme } from '../theme.js';
import { ProgressBar } from './progress-bar.js';

export function LayerLine({ row, theme }: { row: LayerRow; theme: Theme }) {
  return (
    <Text wrap="truncate-end">
      {row.id} <Text color={theme.color[row.tone]}>{row.label}</Text>
      {row.bar && ' '}
      {row.bar && <ProgressBar bar={row.bar} theme={theme} />}
      {row.detail && ` ${row.detail}`}
    </Text>
  );
}
