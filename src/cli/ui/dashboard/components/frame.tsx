// Draws a Screen: each line as one Ink Text, cut at the terminal's width so that a line
// never wraps and the frame keeps its height; the pull pane through PullProgress, the
// same layer lines `boxctl pull` draws (not its <Static> part: the dashboard owns the
// whole screen, so finished lines stay in the pane instead of scrolling above it).
import { Box, Text } from 'ink';

import type { Theme } from '../../theme.js';
import { LayerLine } from '../../components/layer-line.js';
import type { ScreenLine } from '../../pull-screen.js';
import type { Screen } from '../screens/frame.js';
import type { Line } from '../screens/line.js';
import type { DashTheme } from '../theme.js';

function LineView({ line, theme }: { line: Line; theme: DashTheme }) {
  if (line.length === 0) return <Text> </Text>;
  return (
    <Text wrap="truncate">
      {line.map((seg, i) => {
        const look = seg.style ? theme[seg.style] : undefined;
        if (!look) return seg.text;
        return (
          <Text key={i} {...(look.color ? { color: look.color } : {})} inverse={look.inverse ?? false} bold={look.bold ?? false} dimColor={look.dim ?? false}>
            {seg.text}
          </Text>
        );
      })}
    </Text>
  );
}

function PullLine({ line, theme }: { line: ScreenLine; theme: Theme }) {
  if (line.kind === 'layer') return <LayerLine row={line.row} theme={theme} />;
  return (
    <Text wrap="truncate-end" color={theme.color[line.tone]}>
      {line.text}
    </Text>
  );
}

export function Frame({ screen, theme, pullTheme, bodyHeight }: { screen: Screen; theme: DashTheme; pullTheme: Theme; bodyHeight: number }) {
  const body = screen.body;
  return (
    <Box flexDirection="column">
      <LineView line={screen.title} theme={theme} />
      {Array.isArray(body) ? (
        body.map((line, i) => <LineView key={i} line={line} theme={theme} />)
      ) : (
        <Box flexDirection="column" height={bodyHeight} overflow="hidden">
          <LineView line={body.header} theme={theme} />
          {[...body.pull.settled.slice(Math.max(0, body.pull.settled.length - (bodyHeight - 1 - body.pull.active.length))), ...body.pull.active].map((line) => (
            <PullLine key={line.key} line={line} theme={pullTheme} />
          ))}
        </Box>
      )}
      <LineView line={screen.status} theme={theme} />
    </Box>
  );
}
