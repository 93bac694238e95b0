import { Box, Static, Text } from 'ink';

import type { PullScreen, ScreenLine } from '../pull-screen.js';
import type { Theme } from '../theme.js';
import { LayerLine } from './layer-line.js';

function Line({ line, theme }: { line: ScreenLine; theme: Theme }) {
  if (line.kind === 'layer') return <LayerLine row={line.row} theme={theme} />;
  return (
    <Text wrap="truncate-end" color={theme.color[line.tone]}>
      {line.text}
    </Text>
  );
}

/** Finished lines are printed once and scroll away; the layers in flight are redrawn below them. */
export function PullProgress({ screen, theme }: { screen: PullScreen; theme: Theme }) {
  return (
    <>
      <Static items={screen.settled}>{(line) => <Line key={line.key} line={line} theme={theme} />}</Static>
      <Box flexDirection="column">
        {screen.active.map((line) => (
          <Line key={line.key} line={line} theme={theme} />
        ))}
      </Box>
    </>
  );
}
