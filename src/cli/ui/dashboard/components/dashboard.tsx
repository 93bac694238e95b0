// The dashboard as an Ink component: holds the state, turns keys, timer ticks and
// resizes into model actions, hands the effects to the io, and draws the frame. All
// decisions are in model.ts; all drawing decisions in screens/.
import { useInput, useStdout, type Key } from 'ink';
import { useCallback, useEffect, useRef, useState } from 'react';

import type { Theme } from '../../theme.js';
import { bodyHeight, update, type Action, type DashState, type Effect } from '../model.js';
import { drawScreen } from '../screens/frame.js';
import type { Snapshot } from '../snapshot.js';
import type { DashTheme } from '../theme.js';
import { Frame } from './frame.js';

export interface DashboardIO {
  /** Reads everything the lists show, now. */
  snapshot(): Snapshot;
  /** Carries out an effect; results come back as actions. */
  perform(effect: Effect, dispatch: (a: Action) => void): void;
}

/**
 * The model's names for what Ink read: each character typed, or <name> for other keys.
 * Keys typed fast (or pasted, or sent by tmux) arrive as one string of characters.
 */
export function keyNames(input: string, key: Key): string[] {
  const name = keyName(input, key);
  if (name !== input || key.ctrl || key.meta) return [name];
  return [...input].flatMap((c) => {
    const control = CONTROL[c];
    if (control) return [control];
    return c < ' ' ? [] : [c];
  });
}

const CONTROL: Record<string, string> = { '\r': '<enter>', '\n': '<enter>', '\x1b': '<esc>', '\x7f': '<backspace>', '\b': '<backspace>', '\t': '<tab>' };

function keyName(input: string, key: Key): string {
  if (key.ctrl && input === 'c') return '<c-c>';
  if (key.ctrl && input === 'u') return '<c-u>';
  if (key.upArrow) return '<up>';
  if (key.downArrow) return '<down>';
  if (key.leftArrow) return '<left>';
  if (key.rightArrow) return '<right>';
  if (key.pageUp) return '<pageup>';
  if (key.pageDown) return '<pagedown>';
  if (key.home) return '<home>';
  if (key.end) return '<end>';
  if (key.return) return '<enter>';
  if (key.escape) return '<esc>';
  if (key.tab) return '<tab>';
  // Terminals send DEL (0x7f) for the Backspace key, which Ink reports as delete.
  if (key.backspace || key.delete) return '<backspace>';
  return input;
}

export interface DashboardProps {
  io: DashboardIO;
  initial: DashState;
  theme: DashTheme;
  pullTheme: Theme;
  refreshMs: number;
  /** Told every new state: the runner keeps it across an exec, which unmounts Ink. */
  onState?: (s: DashState) => void;
}

export function Dashboard({ io, initial, theme, pullTheme, refreshMs, onState }: DashboardProps) {
  const [state, setState] = useState(initial);
  const current = useRef(initial);
  const { stdout } = useStdout();

  const dispatch = useCallback(
    (a: Action) => {
      const next = update(current.current, a);
      current.current = next.state;
      setState(next.state);
      onState?.(next.state);
      for (const effect of next.effects) io.perform(effect, dispatch);
    },
    [io, onState],
  );

  useInput((input, key) => {
    for (const k of keyNames(input, key)) dispatch({ type: 'key', key: k });
  });

  const quickStart = !initial.snapshot.complete;
  useEffect(() => {
    const refresh = () => dispatch({ type: 'snapshot', snapshot: io.snapshot() });
    // A first frame drawn from a quick read gets the rest (figures, images, volumes) at once.
    const first = quickStart ? setTimeout(refresh, 0) : undefined;
    const timer = setInterval(refresh, refreshMs);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [dispatch, io, refreshMs, quickStart]);

  useEffect(() => {
    const onResize = () => dispatch({ type: 'resize', cols: stdout.columns || 80, rows: stdout.rows || 24 });
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [dispatch, stdout]);

  return <Frame screen={drawScreen(state, Date.now())} theme={theme} pullTheme={pullTheme} bodyHeight={bodyHeight(state.size.rows)} />;
}
