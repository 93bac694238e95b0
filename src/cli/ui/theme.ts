// Colours by what a line means, not by where it is. Without colour (NO_COLOR) every
// entry is empty and the same lines and bars are drawn plain.

export type Tone = 'plain' | 'active' | 'busy' | 'done' | 'skipped' | 'note';

export interface Theme {
  color: Partial<Record<Tone | 'bar', string>>;
  /** Dims the part of a bar still to come. */
  dim: boolean;
}

export function themeFor(color: boolean): Theme {
  if (!color) return { color: {}, dim: false };
  return { color: { active: 'cyan', busy: 'yellow', done: 'green', skipped: 'gray', note: 'yellow', bar: 'green' }, dim: true };
}
