// The whole screen of the dashboard for a state and a terminal size: a title line, the
// current view's body, and a status line (the prompt, the last message, or the keys of
// the view). One line less than the terminal is tall (model.ts, screen geometry).
import type { PullScreen } from '../../pull-screen.js';
import { pullScreen } from '../../pull-screen.js';
import { pullView } from '../../pull-model.js';
import { bodyHeight, visibleContainers, type DashState } from '../model.js';
import { clip, fit, spread, type Line } from './line.js';
import { containersBody, imagesBody, volumesBody } from './lists.js';
import { logsBody } from './logs.js';
import { helpBody, inspectBody, statsBody } from './panes.js';

export interface Screen {
  title: Line;
  /** Lines, or the pull progress that the PullProgress component draws. */
  body: Line[] | { pull: PullScreen; header: Line };
  status: Line;
}

// Each fits 80 columns.
const HINTS: Record<DashState['view'], string> = {
  containers: 'Enter logs  s/x/r/p start/stop/restart/pause  D rm  i inspect  e sh  / filter',
  images: 'p pull  i inspect  D rm  P prune  / filter  Tab next',
  volumes: 'i inspect  D rm  P prune  / filter  Tab next',
  logs: '/ search  n N next  t time  w wrap  G follow  Esc back',
  stats: 'Esc back',
  inspect: 'j k PgUp PgDn scroll  Esc back',
  help: 'Esc or ? back',
  pull: 'Esc back (the pull goes on)',
};

function title(s: DashState, width: number): Line {
  const counts = (() => {
    const all = s.snapshot.containers;
    const running = all.filter((c) => c.status === 'running').length;
    switch (s.list) {
      case 'containers':
        return `Containers [${s.showAll ? 'all' : 'running'}] ${visibleContainers(s).length}/${all.length}, ${running} running`;
      case 'images':
        return `Images (${s.snapshot.images.length})`;
      case 'volumes':
        return `Volumes (${s.snapshot.volumes.length})`;
    }
  })();
  const sort = s.list === 'containers' ? `  sort ${s.sort.column} ${s.sort.desc ? 'desc' : 'asc'}` : '';
  const filter = s.filter[s.list] === '' ? '' : `  filter '${s.filter[s.list]}'`;
  return spread([{ text: 'boxctl ', style: 'title' }, { text: counts }, { text: sort + filter, style: 'dim' }], [{ text: '? help', style: 'key' }], width);
}

const CONFIRM = ' [y/N]';

function status(s: DashState, width: number): Line {
  const p = s.prompt;
  // The answer keys stay in sight: a long question loses its middle instead.
  if (p?.kind === 'confirm') return [{ text: `${fit(p.question, width - CONFIRM.length).trimEnd()}${CONFIRM}`, style: 'prompt' }];
  if (p) return clip([{ text: `${{ filter: '/', search: '/', command: ':' }[p.kind]}${p.text}`, style: 'prompt' }, { text: '_' }], width);
  if (s.message) return clip([{ text: s.message.text, style: s.message.tone }], width);
  return clip([{ text: HINTS[s.view], style: 'dim' }], width);
}

export function drawScreen(s: DashState, now: number): Screen {
  const width = Math.max(20, s.size.cols - 1);
  const height = bodyHeight(s.size.rows);
  let body: Screen['body'];
  switch (s.view) {
    case 'containers':
      body = containersBody(s, width);
      break;
    case 'images':
      body = imagesBody(s, width, now);
      break;
    case 'volumes':
      body = volumesBody(s, width, now);
      break;
    case 'logs':
      body = s.logs ? logsBody(s.logs, width, height) : [];
      break;
    case 'stats':
      body = statsBody(s, width, height);
      break;
    case 'inspect':
      body = inspectBody(s, width, height);
      break;
    case 'help':
      body = helpBody(width, height);
      break;
    case 'pull':
      body = s.pull
        ? { pull: pullScreen(pullView(s.pull.state, now), width, height - 1, s.pull.footer), header: [{ text: `Pull ${s.pull.reference}`, style: 'title' }] }
        : [];
      break;
  }
  if (Array.isArray(body)) {
    body = body.slice(0, height);
    while (body.length < height) body.push([]);
  }
  return { title: title(s, width), body, status: status(s, width) };
}
