// Pull progress as data: the engine's PullEvents, stamped with the time they arrived,
// folded into a state (reducePull), and the state seen at a moment as a view model
// (pullView) with rates and ETAs. Plain functions, so the terminal view, a dashboard and
// the tests all read the same numbers.
import type { PullEvent } from '../../engine/image/pull.js';

export interface TimedEvent {
  /** When it arrived, in ms (Date.now()). */
  at: number;
  event: PullEvent;
}

/** The rate is what arrived over this long, so it follows a stall or a burst within seconds. */
const RATE_WINDOW_MS = 5000;
/** Below this, a rate is noise. */
const MIN_SPAN_MS = 500;
/** A download sends an event per chunk; a sample every so often is enough for a rate. */
const SAMPLE_MS = 100;

interface Sample {
  at: number;
  received: number;
}

/** A layer on its way: fetched, then unpacked. */
interface ActiveLayer {
  digest: string;
  size: number;
  state: 'downloading' | 'unpacking';
  received: number;
  /** Oldest first: those of the last RATE_WINDOW_MS, and the one before them, so that the rate spans the whole window. */
  samples: readonly Sample[];
}

/** What will not change any more, in the order it happened. */
export type Settled =
  | { kind: 'trying'; reference: string }
  | { kind: 'config'; digest: string }
  | { kind: 'layer'; digest: string; size: number; state: 'present' | 'done' }
  | { kind: 'note'; message: string };

export interface PullState {
  settled: readonly Settled[];
  active: readonly ActiveLayer[];
}

export const initialPull: PullState = { settled: [], active: [] };

function sampled(samples: readonly Sample[], next: Sample): readonly Sample[] {
  const last = samples.at(-1);
  if (last && next.at - last.at < SAMPLE_MS) return samples;
  const all = [...samples, next];
  return all.slice(Math.max(0, all.findLastIndex((s) => s.at < next.at - RATE_WINDOW_MS)));
}

export function reducePull(state: PullState, { at, event }: TimedEvent): PullState {
  switch (event.kind) {
    case 'trying':
      // A new source: whatever the last one left half done is not coming.
      return { settled: [...state.settled, event], active: [] };
    case 'config':
    case 'note':
      return { ...state, settled: [...state.settled, event] };
    case 'layer': {
      const { digest, size } = event;
      if (event.state === 'present' || event.state === 'done') {
        const active = state.active.filter((l) => l.digest !== digest);
        return { settled: [...state.settled, { kind: 'layer', digest, size, state: event.state }], active };
      }
      const old = state.active.find((l) => l.digest === digest);
      const received = event.state === 'unpacking' ? size : (event.received ?? 0);
      const samples = sampled(old?.samples ?? [], { at, received });
      const layer: ActiveLayer = { digest, size, state: event.state, received, samples };
      // Keep each layer where it first appeared, so lines do not jump about.
      const active = old ? state.active.map((l) => (l === old ? layer : l)) : [...state.active, layer];
      return { ...state, active };
    }
  }
}

export interface LayerView {
  /** The first 12 hex digits, as Podman shows them. */
  id: string;
  state: 'present' | 'downloading' | 'unpacking' | 'done';
  received: number;
  total: number;
  /** Bytes per second over the last RATE_WINDOW_MS; undefined while too early to tell. */
  rate?: number;
  /** Seconds left at that rate; undefined when unknown or stalled. */
  etaS?: number;
}

export type SettledView =
  | { kind: 'trying'; reference: string }
  | { kind: 'config'; id: string }
  | { kind: 'layer'; layer: LayerView }
  | { kind: 'note'; message: string };

export interface PullView {
  settled: SettledView[];
  active: LayerView[];
}

function shortDigest(digest: string): string {
  return digest.slice(digest.indexOf(':') + 1).slice(0, 12);
}

function activeView(layer: ActiveLayer, now: number): LayerView {
  const view: LayerView = { id: shortDigest(layer.digest), state: layer.state, received: layer.received, total: layer.size };
  const first = layer.samples[0];
  if (layer.state !== 'downloading' || !first || now - first.at < MIN_SPAN_MS) return view;
  // Measured up to now, not to the last chunk: a stalled download shows its rate falling.
  view.rate = ((layer.received - first.received) * 1000) / (now - first.at);
  if (view.rate > 0) view.etaS = Math.ceil((layer.size - layer.received) / view.rate);
  return view;
}

function settledView(s: Settled): SettledView {
  if (s.kind === 'config') return { kind: 'config', id: shortDigest(s.digest) };
  if (s.kind !== 'layer') return s;
  return { kind: 'layer', layer: { id: shortDigest(s.digest), state: s.state, received: s.size, total: s.size } };
}

export function pullView(state: PullState, now: number): PullView {
  return { settled: state.settled.map(settledView), active: state.active.map((l) => activeView(l, now)) };
}
