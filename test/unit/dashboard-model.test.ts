// The dashboard's model without Ink: keys, prompts, sorting, filtering, selection that
// follows its container, confirmations and the effects they produce.
import { describe, expect, it } from 'vitest';

import { appendLogs, findInLogs, MAX_ENTRIES, openLogs, scrollLogs, type LogEntry } from '../../src/cli/ui/dashboard/logs.js';
import { initialState, update, visibleContainers, type Action, type DashState, type Effect } from '../../src/cli/ui/dashboard/model.js';
import { container, snapshot } from './dashboard-fixtures.js';

function press(s: DashState, ...keys: string[]): { state: DashState; effects: Effect[] } {
  let state = s;
  const effects: Effect[] = [];
  for (const key of keys) {
    const u = update(state, { type: 'key', key });
    state = u.state;
    effects.push(...u.effects);
  }
  return { state, effects };
}

const names = (s: DashState) => visibleContainers(s).map((c) => c.name);
const start = () => initialState(snapshot, { cols: 80, rows: 24 });

describe('dashboard model', () => {
  it('lists all containers by name, running only after a', () => {
    const s = start();
    expect(names(s)).toEqual(['db', 'job', 'made', 'web']);
    expect(names(press(s, 'a').state)).toEqual(['db', 'web']);
    expect(names(press(s, 'a', 'a').state)).toEqual(['db', 'job', 'made', 'web']);
  });

  it('sorts by a column, and the other way on a second press', () => {
    const s = start();
    expect(names(press(s, 'C').state)).toEqual(['web', 'db', 'made', 'job']);
    expect(names(press(s, 'C', 'C').state)).toEqual(['job', 'made', 'db', 'web']);
    expect(names(press(s, 'M').state)[0]).toBe('db');
    expect(names(press(s, 'U').state)).toEqual(['db', 'web', 'made', 'job']);
    expect(names(press(s, 'N').state)).toEqual(['web', 'made', 'job', 'db']);
  });

  it('filters as the user types, keeps it on Enter, drops it on Esc', () => {
    const s = start();
    const typing = press(s, '/', 'w', 'e').state;
    expect(names(typing)).toEqual(['web']);
    expect(typing.prompt).toEqual({ kind: 'filter', text: 'we' });
    const kept = press(typing, '<enter>').state;
    expect(kept.prompt).toBeUndefined();
    expect(names(kept)).toEqual(['web']);
    expect(names(press(typing, '<backspace>', '<backspace>', 'j', 'o').state)).toEqual(['job']);
    expect(names(press(typing, '<esc>').state)).toHaveLength(4);
    expect(names(press(kept, '<esc>').state)).toHaveLength(4);
  });

  it('moves the selection and keeps it on its container when rows come and go', () => {
    let s = press(start(), 'j', 'j').state;
    expect(s.selected.containers).toBe(snapshot.containers.find((c) => c.name === 'made')!.id);
    s = update(s, { type: 'snapshot', snapshot: { ...snapshot, containers: [container('aaa'), ...snapshot.containers] } }).state;
    expect(s.cursor.containers).toBe(3);
    s = update(s, { type: 'snapshot', snapshot: { ...snapshot, containers: snapshot.containers.filter((c) => c.name !== 'made') } }).state;
    expect(visibleContainers(s)[s.cursor.containers]!.name).toBe('web');
    expect(press(s, 'g').state.cursor.containers).toBe(0);
    expect(press(s, 'G', 'j', 'j').state.cursor.containers).toBe(2);
    expect(press(s, '<pagedown>').state.cursor.containers).toBe(2);
  });

  it('asks before stop, restart, remove and prune; y carries it out, anything else cancels', () => {
    const s = press(start(), 'G').state;
    const asked = press(s, 'x').state;
    expect(asked.prompt).toMatchObject({ kind: 'confirm', question: 'Stop container web?' });
    expect(press(asked, 'y').effects).toEqual([{ kind: 'container', action: 'stop', id: snapshot.containers[0]!.id, name: 'web' }]);
    const no = press(asked, 'n');
    expect(no.effects).toEqual([]);
    expect(no.state.message?.text).toBe('cancelled');
    expect(press(s, 'D').state.prompt).toMatchObject({ question: 'Remove container web (it is running: it will be killed)?' });
    expect(press(s, 'r', 'y').effects[0]).toMatchObject({ action: 'restart' });
    expect(press(s, 'P', 'y').effects).toEqual([{ kind: 'prune', what: 'containers' }]);
  });

  it('starts, pauses and unpauses without asking, and says why when it cannot', () => {
    const s = start();
    expect(press(s, 'j', 's').effects).toEqual([{ kind: 'container', action: 'start', id: snapshot.containers[2]!.id, name: 'job' }]);
    expect(press(s, 's').state.message).toEqual({ text: 'db is already running', tone: 'error' });
    expect(press(s, 'p').effects[0]).toMatchObject({ action: 'pause' });
    const paused = update(s, { type: 'snapshot', snapshot: { ...snapshot, containers: [container('db', { status: 'paused' })] } }).state;
    expect(press(paused, 'p').effects[0]).toMatchObject({ action: 'unpause' });
    expect(press(s, 'j', 'x').state.message?.text).toBe('job is not running');
    expect(press(s, 'j', 'e').state.message?.text).toBe('job is exited: a shell needs it running');
    expect(press(s, 'e').effects).toEqual([{ kind: 'exec', id: snapshot.containers[1]!.id, name: 'db' }]);
    expect(press(s, 'i').effects).toEqual([{ kind: 'inspect', what: 'containers', key: snapshot.containers[1]!.id }]);
  });

  it('opens logs and stats of the selected container, merged logs on L, and stops following on Esc', () => {
    const s = start();
    const logs = press(s, '<enter>');
    expect(logs.state.view).toBe('logs');
    expect(logs.effects).toEqual([{ kind: 'follow-logs', target: { kind: 'one', id: snapshot.containers[1]!.id, name: 'db' } }]);
    expect(press(logs.state, '<esc>')).toMatchObject({ state: { view: 'containers' }, effects: [{ kind: 'stop-logs' }] });
    expect(press(s, 'L').effects).toEqual([{ kind: 'follow-logs', target: { kind: 'all' } }]);
    expect(press(s, 't').state.view).toBe('stats');
    expect(press(s, 't', '<esc>').state.view).toBe('containers');
  });

  it('takes commands after :, quits on q and ^C from anywhere', () => {
    const s = start();
    expect(press(s, ':', 'i', 'm', 'g', '<enter>').state.view).toBe('images');
    expect(press(s, ':', 'v', 'o', 'l', '<enter>').state.view).toBe('volumes');
    expect(press(s, ':', 'l', 'o', 'g', 's', ' ', 'a', 'l', 'l', '<enter>').effects).toEqual([{ kind: 'follow-logs', target: { kind: 'all' } }]);
    const pull = press(s, ...':pull busybox'.split(''), '<enter>');
    expect(pull.state.view).toBe('pull');
    expect(pull.effects).toEqual([{ kind: 'pull', reference: 'busybox' }]);
    expect(press(s, ':', 'x', '<enter>').state.message).toEqual({ text: "unknown command 'x': '?' lists the commands", tone: 'error' });
    expect(press(s, ':', 'x', '<esc>').state.prompt).toBeUndefined();
    expect(press(s, 'q').effects).toEqual([{ kind: 'quit' }]);
    expect(press(s, '/', 'w', '<c-c>').effects).toEqual([{ kind: 'quit' }]);
    expect(press(s, '<enter>', 'q').effects.at(-1)).toEqual({ kind: 'quit' });
  });

  it('shows help on ? and goes back to where it was', () => {
    const s = press(start(), '<tab>').state;
    expect(s.view).toBe('images');
    const help = press(s, '?').state;
    expect(help.view).toBe('help');
    expect(press(help, '?').state.view).toBe('images');
    expect(press(help, '<esc>').state.view).toBe('images');
  });

  it('acts on images and volumes: remove asks first, p prompts for a pull, P prunes', () => {
    const images = press(start(), '<tab>').state;
    expect(press(images, 'D').state.prompt).toMatchObject({ question: 'Remove image 127.0.0.1:5000/boxctl/busybox:latest (used by web, db: it will fail)?' });
    expect(press(images, 'j', 'D', 'y').effects).toEqual([{ kind: 'remove-image', id: snapshot.images[1]!.id, name: 'bbbbbbbbbbbb' }]);
    expect(press(images, 'p').state.prompt).toEqual({ kind: 'command', text: 'pull ' });
    expect(press(images, 'P', 'y').effects).toEqual([{ kind: 'prune', what: 'images' }]);
    const volumes = press(images, '<tab>').state;
    expect(press(volumes, 'D', 'y').effects).toEqual([{ kind: 'remove-volume', name: 'data' }]);
    expect(press(volumes, 'i').effects).toEqual([{ kind: 'inspect', what: 'volumes', key: 'data' }]);
  });

  it('keeps CPU and memory history of running containers for the sparklines', () => {
    let s = start();
    for (const cpu of [1, 2, 3]) s = update(s, { type: 'snapshot', snapshot: { ...snapshot, containers: [container('web', { cpuPercent: cpu })] } }).state;
    expect(s.history[container('web').id]!.cpu).toEqual([1, 2, 3]);
    expect(Object.keys(s.history)).toEqual([container('web').id]);
  });

  it('scrolls inspect output within its lines', () => {
    const s = update(start(), { type: 'inspect', title: 'Inspect container web', value: { a: Array.from({ length: 50 }, (_, i) => i) } }).state;
    expect(s.view).toBe('inspect');
    expect(press(s, 'j').state.inspect!.top).toBe(1);
    // 54 lines of JSON, 20 on the screen.
    expect(press(s, 'G').state.inspect!.top).toBe(34);
    expect(press(s, 'G', '<pagedown>').state.inspect!.top).toBe(34);
    expect(press(s, 'k').state.inspect!.top).toBe(0);
  });
});

const entry = (text: string, source = 'web'): LogEntry => ({ source, time: '2026-01-01T00:00:00.000000000Z', stream: 'stdout', text });

describe('dashboard logs', () => {
  const lines = (n: number) => Array.from({ length: n }, (_, i) => entry(`line ${i + 1}`));

  it('follows the end until scrolled back, and resumes at the end', () => {
    const l = appendLogs(openLogs({ kind: 'all' }), lines(100));
    expect(l.top).toBeUndefined();
    const back = scrollLogs(l, -10, 20);
    expect(back.top).toBe(70);
    expect(scrollLogs(back, 10, 20).top).toBeUndefined();
    expect(appendLogs(back, [entry('more')]).top).toBe(70);
  });

  it('keeps the last entries only', () => {
    const l = appendLogs(openLogs({ kind: 'all' }), lines(MAX_ENTRIES + 10));
    expect(l.entries).toHaveLength(MAX_ENTRIES);
    expect(l.entries[0]!.text).toBe('line 11');
  });

  it('finds matches backwards from the end and forwards again, case-insensitively', () => {
    const l = appendLogs(openLogs({ kind: 'all' }), lines(100));
    const found = findInLogs(l, 'LINE 5', -1, 20);
    expect(found.match).toBe(58);
    expect(findInLogs(found, 'line 5', -1, 20).match).toBe(57);
    expect(findInLogs(found, 'line 5', 1, 20).match).toBe(4);
    expect(findInLogs(l, 'nothing', -1, 20).match).toBeUndefined();
  });

  it('searches from the log view with / and n, toggles timestamps and wrap', () => {
    let s = press(start(), '<enter>').state;
    s = update(s, { type: 'log-lines', entries: lines(30) } satisfies Action).state;
    s = press(s, '/', '2', '<enter>').state;
    expect(s.logs!.match).toBe(28);
    expect(press(s, 'n').state.logs!.match).toBe(1);
    expect(press(s, 't').state.logs!.timestamps).toBe(true);
    expect(press(s, 'w').state.logs!.wrap).toBe(false);
    expect(press(s, '/', '<esc>').state.logs!.search).toBe('');
    expect(press(s, '/', 'z', 'z', '<enter>').state.message).toEqual({ text: "no line matches 'zz'", tone: 'error' });
  });
});
