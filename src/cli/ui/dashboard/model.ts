// The dashboard's state and everything that changes it: keys, new snapshots, log
// lines, results of actions. Pure: `update` returns the next state and the effects
// (actions on containers, following logs, quitting) for io.ts to carry out.
import type { PullEvent } from '../../../engine/image/pull.js';
import { initialPull, reducePull, type PullState } from '../pull-model.js';
import {
  appendLogs,
  clearSearch,
  findInLogs,
  logsToEnd,
  logsToStart,
  openLogs,
  scrollLogs,
  type LogEntry,
  type LogsState,
  type LogTarget,
} from './logs.js';
import { EMPTY_SNAPSHOT, shortImageId, type ContainerRow, type ImageRow, type Snapshot, type VolumeRow } from './snapshot.js';

export type ListView = 'containers' | 'images' | 'volumes';
export type ViewName = ListView | 'logs' | 'stats' | 'inspect' | 'help' | 'pull';
export type SortColumn = 'name' | 'image' | 'status' | 'cpu' | 'mem';
export type ContainerAction = 'start' | 'stop' | 'restart' | 'pause' | 'unpause' | 'remove';
export type Tone = 'note' | 'error' | 'done';

export type Effect =
  | { kind: 'quit' }
  | { kind: 'container'; action: ContainerAction; id: string; name: string }
  | { kind: 'exec'; id: string; name: string }
  | { kind: 'follow-logs'; target: LogTarget }
  | { kind: 'stop-logs' }
  | { kind: 'inspect'; what: ListView; key: string }
  | { kind: 'remove-image'; id: string; name: string }
  | { kind: 'remove-volume'; name: string }
  | { kind: 'pull'; reference: string }
  | { kind: 'prune'; what: ListView };

export type Prompt = { kind: 'filter' | 'command' | 'search'; text: string } | { kind: 'confirm'; question: string; effect: Effect };

export interface History {
  cpu: number[];
  mem: number[];
}

export interface DashState {
  view: ViewName;
  /** The list view that logs, stats, inspect, help and pull go back to. */
  list: ListView;
  /** What help goes back to. */
  helpFrom?: ViewName;
  snapshot: Snapshot;
  showAll: boolean;
  sort: { column: SortColumn; desc: boolean };
  filter: Record<ListView, string>;
  /** The selected row of each list by key, so that it stays selected as rows come and go. */
  selected: Partial<Record<ListView, string>>;
  cursor: Record<ListView, number>;
  prompt?: Prompt;
  message?: { text: string; tone: Tone };
  logs?: LogsState;
  inspect?: { title: string; lines: string[]; top: number };
  pull?: { reference: string; state: PullState; footer?: string };
  /** Recent CPU % and memory of each running container, oldest first: the sparklines. */
  history: Record<string, History>;
  size: { cols: number; rows: number };
}

export type Action =
  | { type: 'key'; key: string }
  | { type: 'snapshot'; snapshot: Snapshot }
  | { type: 'resize'; cols: number; rows: number }
  | { type: 'message'; text: string; tone: Tone }
  | { type: 'log-lines'; entries: LogEntry[] }
  | { type: 'inspect'; title: string; value: unknown }
  | { type: 'pull-event'; at: number; event: PullEvent }
  | { type: 'pull-done'; footer: string };

export interface Update {
  state: DashState;
  effects: Effect[];
}

/** Samples kept per container: two minutes at one a second. */
export const HISTORY = 120;

export function initialState(snapshot: Snapshot = EMPTY_SNAPSHOT, size = { cols: 80, rows: 24 }): DashState {
  return settle({
    view: 'containers',
    list: 'containers',
    snapshot,
    showAll: true,
    sort: { column: 'name', desc: false },
    filter: { containers: '', images: '', volumes: '' },
    selected: {},
    cursor: { containers: 0, images: 0, volumes: 0 },
    history: {},
    size,
  });
}

// Screen geometry shared with the screens: a title line, the body, a status line, and
// the terminal's last line left empty (a frame as tall as the terminal makes Ink clear
// the whole screen on every redraw, which flickers).
export const bodyHeight = (rows: number) => Math.max(1, rows - 3);
/** Container rows: the body less the column header and the two detail lines. */
export const listHeight = (rows: number) => Math.max(1, bodyHeight(rows) - 3);
/** Log or inspect lines: the body less its header line. */
export const textHeight = (rows: number) => Math.max(1, bodyHeight(rows) - 1);

const STATUS_RANK: Record<ContainerRow['status'], number> = { running: 0, paused: 1, created: 2, exited: 3 };

function compareContainers(column: SortColumn): (a: ContainerRow, b: ContainerRow) => number {
  switch (column) {
    case 'name':
      return (a, b) => a.name.localeCompare(b.name);
    case 'image':
      return (a, b) => a.image.localeCompare(b.image) || a.name.localeCompare(b.name);
    case 'status':
      return (a, b) => STATUS_RANK[a.status] - STATUS_RANK[b.status] || (b.since ?? '').localeCompare(a.since ?? '') || a.name.localeCompare(b.name);
    case 'cpu':
      return (a, b) => (a.cpuPercent ?? -1) - (b.cpuPercent ?? -1) || a.name.localeCompare(b.name);
    case 'mem':
      return (a, b) => (a.memBytes ?? -1) - (b.memBytes ?? -1) || a.name.localeCompare(b.name);
  }
}

const contains = (needle: string, ...hay: string[]) => needle === '' || hay.some((h) => h.toLowerCase().includes(needle.toLowerCase()));

export function visibleContainers(s: DashState): ContainerRow[] {
  const f = s.filter.containers;
  const rows = s.snapshot.containers.filter(
    (c) => (s.showAll || c.status === 'running' || c.status === 'paused') && contains(f, c.name, c.image, c.statusText, c.ports, c.id.slice(0, 12)),
  );
  const cmp = compareContainers(s.sort.column);
  return rows.sort(s.sort.desc ? (a, b) => cmp(b, a) : cmp);
}

export function visibleImages(s: DashState): ImageRow[] {
  const f = s.filter.images;
  return s.snapshot.images.filter((i) => contains(f, i.repository, i.tag, shortImageId(i.id), ...i.usedBy));
}

export function visibleVolumes(s: DashState): VolumeRow[] {
  const f = s.filter.volumes;
  return s.snapshot.volumes.filter((v) => contains(f, v.name, ...v.usedBy));
}

function keysOf(s: DashState, view: ListView): string[] {
  if (view === 'containers') return visibleContainers(s).map((c) => c.id);
  if (view === 'images') return visibleImages(s).map((i) => i.key);
  return visibleVolumes(s).map((v) => v.name);
}

/** Puts each list's cursor back on its selected row, or the nearest one when that row is gone. */
function settle(s: DashState): DashState {
  const cursor = { ...s.cursor };
  const selected = { ...s.selected };
  for (const view of ['containers', 'images', 'volumes'] as const) {
    const keys = keysOf(s, view);
    const at = selected[view] === undefined ? -1 : keys.indexOf(selected[view]);
    cursor[view] = at >= 0 ? at : Math.max(0, Math.min(cursor[view], keys.length - 1));
    const key = keys[cursor[view]];
    if (key === undefined) delete selected[view];
    else selected[view] = key;
  }
  return { ...s, cursor, selected };
}

function moveCursor(s: DashState, view: ListView, to: (current: number, count: number) => number): DashState {
  const keys = keysOf(s, view);
  if (keys.length === 0) return s;
  const index = Math.max(0, Math.min(keys.length - 1, to(s.cursor[view], keys.length)));
  return { ...s, cursor: { ...s.cursor, [view]: index }, selected: { ...s.selected, [view]: keys[index] } };
}

export function selectedContainer(s: DashState): ContainerRow | undefined {
  return s.snapshot.containers.find((c) => c.id === s.selected.containers);
}

function recordHistory(prev: Record<string, History>, snapshot: Snapshot): Record<string, History> {
  const next: Record<string, History> = {};
  const push = (list: number[], v: number) => [...list.slice(-(HISTORY - 1)), v];
  for (const c of snapshot.containers) {
    const h = prev[c.id] ?? { cpu: [], mem: [] };
    next[c.id] = c.cpuPercent === undefined ? h : { cpu: push(h.cpu, c.cpuPercent), mem: push(h.mem, c.memBytes ?? 0) };
  }
  return next;
}

const none = (state: DashState): Update => ({ state, effects: [] });

function withoutPrompt(s: DashState): DashState {
  const { prompt: _p, ...rest } = s;
  return rest;
}

function say(s: DashState, text: string, tone: Tone = 'note'): DashState {
  return { ...s, message: { text, tone } };
}

function leave(s: DashState): Update {
  const back = { ...withoutPrompt(s), view: s.list } as DashState;
  return { state: back, effects: s.view === 'logs' ? [{ kind: 'stop-logs' }] : [] };
}

export function update(s: DashState, a: Action): Update {
  switch (a.type) {
    case 'key':
      return onKey(s, a.key);
    case 'snapshot':
      return none(settle({ ...s, snapshot: a.snapshot, history: recordHistory(s.history, a.snapshot) }));
    case 'resize':
      return none({ ...s, size: { cols: a.cols, rows: a.rows } });
    case 'message':
      return none(say(s, a.text, a.tone));
    case 'log-lines':
      return none(s.logs ? { ...s, logs: appendLogs(s.logs, a.entries) } : s);
    case 'inspect':
      return none({ ...withoutPrompt(s), view: 'inspect', inspect: { title: a.title, lines: JSON.stringify(a.value, null, 2).split('\n'), top: 0 } });
    case 'pull-event':
      return none(s.pull ? { ...s, pull: { ...s.pull, state: reducePull(s.pull.state, { at: a.at, event: a.event }) } } : s);
    case 'pull-done':
      return none(s.pull ? { ...s, pull: { ...s.pull, footer: a.footer } } : s);
  }
}

const isText = (key: string) => (!key.startsWith('<') || key === '<') && !/[\x00-\x1f\x7f]/.test(key);

function onKey(s: DashState, key: string): Update {
  if (key === '<c-c>') return { state: s, effects: [{ kind: 'quit' }] };
  if (s.prompt) return onPromptKey(s, s.prompt, key);
  const { message: _m, ...quiet } = s;
  const t = quiet as DashState;
  if (key === 'q') return { state: t, effects: [{ kind: 'quit' }] };
  if (key === '?') return s.view === 'help' ? none({ ...t, view: s.helpFrom ?? s.list }) : none({ ...t, view: 'help', helpFrom: s.view });
  if (key === ':') return none({ ...t, prompt: { kind: 'command', text: '' } });
  switch (s.view) {
    case 'containers':
    case 'images':
    case 'volumes':
      return onListKey(t, s.view, key);
    case 'logs':
      return onLogsKey(t, key);
    case 'inspect':
      return onInspectKey(t, key);
    case 'help':
      return key === '<esc>' ? none({ ...t, view: s.helpFrom ?? s.list }) : none(t);
    case 'stats':
    case 'pull':
      return key === '<esc>' ? leave(t) : none(t);
  }
}

function onPromptKey(s: DashState, p: Prompt, key: string): Update {
  if (p.kind === 'confirm') {
    const rest = withoutPrompt(s);
    return key === 'y' || key === 'Y' ? { state: rest, effects: [p.effect] } : none(say(rest, 'cancelled'));
  }
  if (key === '<esc>') {
    const rest = withoutPrompt(s);
    if (p.kind === 'filter') return none(settle({ ...rest, filter: { ...rest.filter, [s.list]: '' } }));
    if (p.kind === 'search' && rest.logs) return none({ ...rest, logs: clearSearch(rest.logs) });
    return none(rest);
  }
  if (key === '<enter>') {
    const rest = withoutPrompt(s);
    if (p.kind === 'command') return runCommand(rest, p.text.trim());
    if (p.kind === 'search' && rest.logs) {
      const found = findInLogs(rest.logs, p.text, -1, textHeight(s.size.rows));
      return none(found.match === undefined && p.text !== '' ? say({ ...rest, logs: found }, `no line matches '${p.text}'`, 'error') : { ...rest, logs: found });
    }
    return none(rest);
  }
  let text = p.text;
  if (key === '<backspace>') text = text.slice(0, -1);
  else if (key === '<c-u>') text = '';
  else if (isText(key)) text += key;
  else return none(s);
  const next: DashState = { ...s, prompt: { kind: p.kind, text } };
  // Filtering and searching follow what is typed, key by key.
  if (p.kind === 'filter') return none(settle({ ...next, filter: { ...next.filter, [s.list]: text } }));
  if (p.kind === 'search' && next.logs) return none({ ...next, logs: { ...next.logs, search: text } });
  return none(next);
}

const COMMANDS: Record<string, ViewName | 'logs-all' | 'quit' | 'prune'> = {
  containers: 'containers',
  container: 'containers',
  ctr: 'containers',
  ps: 'containers',
  c: 'containers',
  images: 'images',
  image: 'images',
  img: 'images',
  i: 'images',
  volumes: 'volumes',
  volume: 'volumes',
  vol: 'volumes',
  v: 'volumes',
  logs: 'logs',
  log: 'logs',
  all: 'logs-all',
  stats: 'stats',
  help: 'help',
  h: 'help',
  prune: 'prune',
  q: 'quit',
  quit: 'quit',
};

function runCommand(s: DashState, line: string): Update {
  const [word = '', ...args] = line.split(/\s+/);
  if (word === '') return none(s);
  if (word === 'pull') {
    if (args.length !== 1) return none(say(s, "pull takes one image: ':pull IMAGE'", 'error'));
    return startPull(s, args[0]!);
  }
  const target = COMMANDS[word];
  switch (target) {
    case undefined:
      return none(say(s, `unknown command '${word}': '?' lists the commands`, 'error'));
    case 'quit':
      return { state: s, effects: [{ kind: 'quit' }] };
    case 'containers':
    case 'images':
    case 'volumes':
      return none({ ...s, view: target, list: target });
    case 'logs':
      if (args[0] === 'all') return openLogsView(s, { kind: 'all' });
      return logsOf(s, args[0]);
    case 'logs-all':
      return openLogsView(s, { kind: 'all' });
    case 'stats':
      return statsOf(s);
    case 'help':
      return none({ ...s, view: 'help', helpFrom: s.view });
    case 'prune':
      return confirmPrune(s, s.list);
    default:
      return none(s);
  }
}

function startPull(s: DashState, reference: string): Update {
  return { state: { ...s, view: 'pull', pull: { reference, state: initialPull } }, effects: [{ kind: 'pull', reference }] };
}

function openLogsView(s: DashState, target: LogTarget): Update {
  const effects: Effect[] = s.view === 'logs' ? [{ kind: 'stop-logs' }] : [];
  return { state: { ...s, view: 'logs', logs: openLogs(target, s.logs) }, effects: [...effects, { kind: 'follow-logs', target }] };
}

function logsOf(s: DashState, name?: string): Update {
  const c = name === undefined ? selectedContainer(s) : s.snapshot.containers.find((x) => x.name === name || x.id.startsWith(name));
  if (!c) return none(say(s, name === undefined ? 'no container selected' : `no container named '${name}'`, 'error'));
  return openLogsView(s, { kind: 'one', id: c.id, name: c.name });
}

function statsOf(s: DashState): Update {
  const c = selectedContainer(s);
  if (!c) return none(say(s, 'no container selected', 'error'));
  return none({ ...s, view: 'stats' });
}

function confirm(s: DashState, question: string, effect: Effect): Update {
  return none({ ...s, prompt: { kind: 'confirm', question, effect } });
}

function confirmPrune(s: DashState, what: ListView): Update {
  const question = {
    containers: 'Remove all stopped containers?',
    images: 'Remove all dangling images?',
    volumes: 'Remove all volumes no container uses?',
  }[what];
  return confirm(s, question, { kind: 'prune', what });
}

const SORT_KEYS: Record<string, SortColumn> = { N: 'name', I: 'image', U: 'status', C: 'cpu', M: 'mem' };

function onListKey(s: DashState, view: ListView, key: string): Update {
  const page = listHeight(s.size.rows);
  switch (key) {
    case '<up>':
    case 'k':
      return none(moveCursor(s, view, (i) => i - 1));
    case '<down>':
    case 'j':
      return none(moveCursor(s, view, (i) => i + 1));
    case '<pageup>':
      return none(moveCursor(s, view, (i) => i - page));
    case '<pagedown>':
      return none(moveCursor(s, view, (i) => i + page));
    case '<home>':
    case 'g':
      return none(moveCursor(s, view, () => 0));
    case '<end>':
    case 'G':
      return none(moveCursor(s, view, (_, n) => n - 1));
    case '/':
      return none({ ...s, prompt: { kind: 'filter', text: s.filter[view] } });
    case '<esc>':
      return none(settle({ ...s, filter: { ...s.filter, [view]: '' } }));
    case '<tab>': {
      const next = ({ containers: 'images', images: 'volumes', volumes: 'containers' } as const)[view];
      return none({ ...s, view: next, list: next });
    }
    case 'P':
      return confirmPrune(s, view);
  }
  if (view === 'containers') return onContainerKey(s, key);
  if (view === 'images') return onImageKey(s, key);
  return onVolumeKey(s, key);
}

function onContainerKey(s: DashState, key: string): Update {
  const column = SORT_KEYS[key];
  if (column) {
    const desc = s.sort.column === column ? !s.sort.desc : column === 'cpu' || column === 'mem';
    return none(settle({ ...s, sort: { column, desc } }));
  }
  if (key === 'a') return none(settle({ ...s, showAll: !s.showAll }));
  if (key === 'L') return openLogsView(s, { kind: 'all' });
  const c = selectedContainer(s);
  const act = (action: ContainerAction): Effect => ({ kind: 'container', action, id: c!.id, name: c!.name });
  if (!c) return ['<enter>', 'l', 's', 'x', 'r', 'p', 'D', 'i', 'e', 't'].includes(key) ? none(say(s, 'no container selected', 'error')) : none(s);
  const live = c.status === 'running' || c.status === 'paused';
  switch (key) {
    case '<enter>':
    case 'l':
      return logsOf(s);
    case 't':
      return statsOf(s);
    case 'i':
      return { state: s, effects: [{ kind: 'inspect', what: 'containers', key: c.id }] };
    case 's':
      return live ? none(say(s, `${c.name} is already ${c.status}`, 'error')) : { state: say(s, `starting ${c.name}...`), effects: [act('start')] };
    case 'x':
      return live ? confirm(s, `Stop container ${c.name}?`, act('stop')) : none(say(s, `${c.name} is not running`, 'error'));
    case 'r':
      return confirm(s, `Restart container ${c.name}?`, act('restart'));
    case 'p':
      if (!live) return none(say(s, `${c.name} is not running: only a running container can be paused`, 'error'));
      return { state: s, effects: [act(c.status === 'paused' ? 'unpause' : 'pause')] };
    case 'D':
      return confirm(s, `Remove container ${c.name}${live ? ' (it is running: it will be killed)' : ''}?`, act('remove'));
    case 'e':
      return c.status === 'running' ? { state: s, effects: [{ kind: 'exec', id: c.id, name: c.name }] } : none(say(s, `${c.name} is ${c.status}: a shell needs it running`, 'error'));
  }
  return none(s);
}

function onImageKey(s: DashState, key: string): Update {
  if (key === 'p') return none({ ...s, prompt: { kind: 'command', text: 'pull ' } });
  const image = visibleImages(s).find((i) => i.key === s.selected.images);
  if (!image) return none(s);
  const name = image.repository === '<none>' ? shortImageId(image.id) : `${image.repository}:${image.tag}`;
  if (key === 'i') return { state: s, effects: [{ kind: 'inspect', what: 'images', key: image.id }] };
  if (key === 'D') {
    const used = image.usedBy.length > 0 ? ` (used by ${image.usedBy.join(', ')}: it will fail)` : '';
    return confirm(s, `Remove image ${name}${used}?`, { kind: 'remove-image', id: image.id, name });
  }
  return none(s);
}

function onVolumeKey(s: DashState, key: string): Update {
  const volume = visibleVolumes(s).find((v) => v.name === s.selected.volumes);
  if (!volume) return none(s);
  if (key === 'i') return { state: s, effects: [{ kind: 'inspect', what: 'volumes', key: volume.name }] };
  if (key === 'D') return confirm(s, `Remove volume ${volume.name}?`, { kind: 'remove-volume', name: volume.name });
  return none(s);
}

function onLogsKey(s: DashState, key: string): Update {
  const logs = s.logs;
  if (!logs) return leave(s);
  const height = textHeight(s.size.rows);
  const set = (l: LogsState) => none({ ...s, logs: l });
  switch (key) {
    case '<esc>':
      return leave(s);
    case '<up>':
    case 'k':
      return set(scrollLogs(logs, -1, height));
    case '<down>':
    case 'j':
      return set(scrollLogs(logs, 1, height));
    case '<pageup>':
      return set(scrollLogs(logs, -height, height));
    case '<pagedown>':
      return set(scrollLogs(logs, height, height));
    case '<home>':
    case 'g':
      return set(logsToStart(logs));
    case '<end>':
    case 'G':
    case 'f':
      return set(logsToEnd(logs));
    case 't':
      return set({ ...logs, timestamps: !logs.timestamps });
    case 'w':
      return set({ ...logs, wrap: !logs.wrap });
    case '/':
      // A new search, as in less and vi; n and N go on with the last one.
      return none({ ...s, logs: clearSearch(logs), prompt: { kind: 'search', text: '' } });
    case 'n':
    case 'N':
      if (logs.search === '') return none(say(s, "no search yet: '/' starts one", 'error'));
      return set(findInLogs(logs, logs.search, key === 'n' ? 1 : -1, height));
  }
  return none(s);
}

function onInspectKey(s: DashState, key: string): Update {
  const ins = s.inspect;
  if (!ins || key === '<esc>') return leave(s);
  const height = textHeight(s.size.rows);
  const last = Math.max(0, ins.lines.length - height);
  const to = (top: number) => none({ ...s, inspect: { ...ins, top: Math.max(0, Math.min(last, top)) } });
  switch (key) {
    case '<up>':
    case 'k':
      return to(ins.top - 1);
    case '<down>':
    case 'j':
      return to(ins.top + 1);
    case '<pageup>':
      return to(ins.top - height);
    case '<pagedown>':
    case ' ':
      return to(ins.top + height);
    case '<home>':
    case 'g':
      return to(0);
    case '<end>':
    case 'G':
      return to(last);
  }
  return none(s);
}
