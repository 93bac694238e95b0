import { describe, expect, it } from 'vitest';

import type { PullEvent } from '../../src/engine/image/pull.js';
import { initialPull, pullView, reducePull, type TimedEvent } from '../../src/cli/ui/pull-model.js';

const A = `sha256:${'a'.repeat(64)}`;
const B = `sha256:${'b'.repeat(64)}`;
const C = `sha256:${'c'.repeat(64)}`;
const MB = 1_000_000;

const fold = (events: readonly TimedEvent[]) => events.reduce(reducePull, initialPull);
const at = (ms: number, event: PullEvent): TimedEvent => ({ at: ms, event });
const down = (ms: number, digest: string, received: number, size = 10 * MB) => at(ms, { kind: 'layer', digest, size, state: 'downloading', received });

describe('reducePull and pullView', () => {
  it('keeps what is finished in order, and the layers in flight where they first appeared', () => {
    const state = fold([
      at(0, { kind: 'trying', reference: 'quay.io/a/b:latest' }),
      at(1, { kind: 'config', digest: C }),
      at(2, { kind: 'layer', digest: C, size: 5, state: 'present' }),
      down(3, A, 0),
      down(4, B, 0),
      down(5, A, MB),
      at(6, { kind: 'layer', digest: B, size: 10 * MB, state: 'unpacking' }),
      at(7, { kind: 'note', message: 'a device node was skipped' }),
    ]);
    const view = pullView(state, 8);
    expect(view.settled).toEqual([
      { kind: 'trying', reference: 'quay.io/a/b:latest' },
      { kind: 'config', id: 'cccccccccccc' },
      { kind: 'layer', layer: { id: 'cccccccccccc', state: 'present', received: 5, total: 5 } },
      { kind: 'note', message: 'a device node was skipped' },
    ]);
    expect(view.active).toEqual([
      { id: 'aaaaaaaaaaaa', state: 'downloading', received: MB, total: 10 * MB },
      { id: 'bbbbbbbbbbbb', state: 'unpacking', received: 10 * MB, total: 10 * MB },
    ]);
    const done = reducePull(state, at(9, { kind: 'layer', digest: B, size: 10 * MB, state: 'done' }));
    expect(pullView(done, 9).active.map((l) => l.id)).toEqual(['aaaaaaaaaaaa']);
    expect(pullView(done, 9).settled.at(-1)).toEqual({ kind: 'layer', layer: { id: 'bbbbbbbbbbbb', state: 'done', received: 10 * MB, total: 10 * MB } });
  });

  it('measures the rate over the last seconds, and the time left at that rate', () => {
    const state = fold([down(0, A, 0), down(1000, A, 2 * MB), down(2000, A, 4 * MB)]);
    expect(pullView(state, 2000).active[0]).toMatchObject({ rate: 2 * MB, etaS: 3 });
    // Too early to tell: no rate, no ETA.
    expect(pullView(fold([down(0, A, 0), down(100, A, MB)]), 100).active[0]).not.toHaveProperty('rate');
  });

  it('measures over the last five seconds and the sample before them, so a rate follows a slowdown', () => {
    const fast = [down(0, A, 0), down(1000, A, 5 * MB)];
    const slow = [down(5000, A, 5 * MB), down(7000, A, 5 * MB + 100_000), down(8000, A, 5 * MB + 200_000)];
    const view = pullView(fold([...fast, ...slow]), 8000);
    // From the sample at 1000 ms, the last one before the window: 200 kB in 7 s.
    expect(view.active[0]!.rate).toBeCloseTo(200_000 / 7);
    expect(view.active[0]!.etaS).toBe(Math.ceil((10 * MB - 5.2 * MB) / (200_000 / 7)));
  });

  it('samples at most every 100 ms, however often chunks arrive', () => {
    const chunks = Array.from({ length: 1000 }, (_, i) => down(i, A, i * 1000));
    expect(fold(chunks).active[0]!.samples.length).toBe(10);
    expect(pullView(fold(chunks), 999).active[0]).toMatchObject({ received: 999_000, rate: 1_000_000 });
  });

  it('shows a stall as a falling rate, and no ETA once nothing has arrived for the whole window', () => {
    const state = fold([down(0, A, 0), down(1000, A, MB)]);
    expect(pullView(state, 4000).active[0]!.rate).toBe(MB / 4);
    const stalled = reducePull(state, down(9000, A, MB));
    expect(pullView(stalled, 9000).active[0]).toMatchObject({ rate: 0 });
    expect(pullView(stalled, 9000).active[0]).not.toHaveProperty('etaS');
  });

  it('drops the layers of a source it gave up on when it tries the next', () => {
    const state = fold([at(0, { kind: 'trying', reference: 'mirror.example/a:1' }), down(1, A, 10), at(2, { kind: 'trying', reference: 'quay.io/a:1' })]);
    expect(pullView(state, 3).active).toEqual([]);
    expect(pullView(state, 3).settled.map((s) => s.kind)).toEqual(['trying', 'trying']);
  });
});
