// The containers, images and volumes lists: a column header, the rows that fit with the
// selected one in sight, and for containers two lines on the selected one with what a
// rootless user needs to know (its user namespace, network, whether it survives logout).
import { humanAge, humanSize } from '../../../render/units.js';
import { listHeight, selectedContainer, visibleContainers, visibleImages, visibleVolumes, type DashState } from '../model.js';
import { shortImageId, type ContainerRow } from '../snapshot.js';
import { clip, plain, type Line, type Style } from './line.js';
import { headerLine, layout, rowLine, windowStart, type Cell, type Column } from './table.js';

const STATUS_STYLE: Record<ContainerRow['status'], Style> = { running: 'running', paused: 'paused', created: 'created', exited: 'exited' };

type ContainerColumn = Column & { cell: (c: ContainerRow) => Cell };

const healthStyle = (h: string): Style => (h === 'unhealthy' ? 'bad' : h === 'healthy' ? 'running' : 'plain');
const statusStyle = (c: ContainerRow): Style => (c.status === 'exited' && !/^Exited \(0\)/.test(c.statusText) ? 'bad' : STATUS_STYLE[c.status]);

/**
 * The columns for a width: from 120 the container id too; below 100 the health goes
 * into the status, as `ps` writes it ("Up 3 minutes (healthy)"), which leaves the
 * status room for its words at 80.
 */
function containerColumns(width: number): ContainerColumn[] {
  const wide = width >= 120;
  const narrow = width < 100;
  const columns: (ContainerColumn | false)[] = [
    wide && { title: 'CONTAINER ID', min: 12, want: 12, priority: 6, cell: (c) => ({ text: c.id.slice(0, 12), style: 'dim' }) },
    { title: 'NAME', min: 12, want: 24, priority: 1, flex: true, cell: (c) => ({ text: c.name }) },
    { title: 'IMAGE', min: narrow ? 14 : 16, want: 40, priority: 2, flex: true, cut: 'start', cell: (c) => ({ text: c.image }) },
    narrow
      ? { title: 'STATUS', min: 24, want: 27, priority: 0, cell: (c) => ({ text: c.health ? `${c.statusText} (${c.health})` : c.statusText, style: c.health === 'unhealthy' ? 'bad' : statusStyle(c) }) }
      : { title: 'STATUS', min: 20, want: 26, priority: 0, cell: (c) => ({ text: c.statusText, style: statusStyle(c) }) },
    !narrow && { title: 'HEALTH', min: 7, want: 9, priority: 3, cell: (c) => ({ text: c.health || '-', style: healthStyle(c.health) }) },
    { title: 'CPU%', min: 5, want: 6, priority: 4, align: 'right', cell: (c) => ({ text: c.cpuPercent === undefined ? '-' : c.cpuPercent.toFixed(1) }) },
    { title: 'MEM', min: 8, want: 9, priority: 4, align: 'right', cell: (c) => ({ text: c.memBytes === undefined ? '-' : humanSize(c.memBytes) }) },
    { title: 'PORTS', min: 5, want: 40, priority: 5, flex: true, cell: (c) => ({ text: c.ports || '-' }) },
  ];
  return columns.filter((c): c is ContainerColumn => c !== false);
}

function rows<T>(items: readonly T[], cursor: number, height: number, draw: (item: T, selected: boolean) => Line): Line[] {
  const start = windowStart(items.length, cursor, height);
  return items.slice(start, start + height).map((item, i) => draw(item, start + i === cursor));
}

function pad(lines: Line[], height: number): Line[] {
  while (lines.length < height) lines.push([]);
  return lines;
}

function survives(c: ContainerRow, linger: boolean): string {
  const unit = c.unit ? `unit ${c.unit.name} ${c.unit.state}` : 'no systemd unit';
  const verdict = linger ? 'yes' : 'no, stops at logout';
  return `survives logout: ${verdict} (linger ${linger ? 'on' : 'off'}; ${unit})`;
}

function details(s: DashState, width: number): Line[] {
  const c = selectedContainer(s);
  if (!c) return [[], []];
  const userns = c.userns === '' ? 'userns -' : `userns ${c.userns}`;
  return [
    clip([{ text: c.name, style: 'title' }, { text: `  ${userns}  net ${c.network}  ports ${c.ports || '-'}` }], width),
    clip([{ text: survives(c, s.snapshot.host.linger), style: 'dim' }], width),
  ];
}

export function containersBody(s: DashState, width: number): Line[] {
  const columns = containerColumns(width);
  const widths = layout(columns, width);
  const list = visibleContainers(s);
  const height = listHeight(s.size.rows);
  const body = list.length === 0
    ? [plain(s.snapshot.containers.length === 0 ? '  no containers: `boxctl run -d IMAGE` starts one' : '  no container matches (Esc clears the filter, `a` shows all)')]
    : rows(list, s.cursor.containers, height, (c, sel) => rowLine(columns, widths, columns.map((column) => column.cell(c)), sel));
  return [clip(headerLine(columns, widths), width), ...pad(body, height), ...details(s, width)];
}

const IMAGE_COLUMNS: Column[] = [
  { title: 'REPOSITORY', min: 20, want: 50, priority: 1, flex: true, cut: 'start' },
  { title: 'TAG', min: 8, want: 20, priority: 2 },
  { title: 'IMAGE ID', min: 12, want: 12, priority: 3 },
  { title: 'CREATED', min: 13, want: 18, priority: 0 },
  { title: 'SIZE', min: 8, want: 9, priority: 3, align: 'right' },
  { title: 'USED BY', min: 7, want: 40, priority: 4, flex: true },
];

export function imagesBody(s: DashState, width: number, now: number): Line[] {
  const widths = layout(IMAGE_COLUMNS, width);
  const list = visibleImages(s);
  const height = listHeight(s.size.rows) + 2;
  const body = list.length === 0
    ? [plain(!s.snapshot.complete ? '  reading...' : s.snapshot.images.length === 0 ? '  no images: `:pull IMAGE` pulls one' : '  no image matches (Esc clears the filter)')]
    : rows(list, s.cursor.images, height, (i, sel) =>
        rowLine(
          IMAGE_COLUMNS,
          widths,
          [{ text: i.repository }, { text: i.tag }, { text: shortImageId(i.id), style: 'dim' }, { text: humanAge(i.created, now) }, { text: humanSize(i.size) }, { text: i.usedBy.join(', ') || '-' }],
          sel,
        ),
      );
  return [clip(headerLine(IMAGE_COLUMNS, widths), width), ...pad(body, height)];
}

function volumeColumns(width: number): Column[] {
  return [
    { title: 'NAME', min: 20, want: 64, priority: 1, flex: true },
    { title: 'DRIVER', min: 6, want: 6, priority: 2 },
    { title: 'CREATED', min: 13, want: 18, priority: 0 },
    { title: 'USED BY', min: 10, want: 40, priority: 3, flex: true },
    ...(width >= 140 ? [{ title: 'MOUNTPOINT', min: 20, want: 80, priority: 4 }] : []),
  ];
}

export function volumesBody(s: DashState, width: number, now: number): Line[] {
  const columns = volumeColumns(width);
  const widths = layout(columns, width);
  const list = visibleVolumes(s);
  const height = listHeight(s.size.rows) + 2;
  const body = list.length === 0
    ? [plain(!s.snapshot.complete ? '  reading...' : s.snapshot.volumes.length === 0 ? '  no volumes' : '  no volume matches (Esc clears the filter)')]
    : rows(list, s.cursor.volumes, height, (v, sel) =>
        rowLine(
          columns,
          widths,
          [
            { text: v.anonymous ? `${v.name} (anonymous)` : v.name },
            { text: v.driver },
            { text: humanAge(v.created, now) },
            { text: v.usedBy.join(', ') || '-' },
            ...(columns.length > 4 ? [{ text: v.mountpoint, style: 'dim' as const }] : []),
          ],
          sel,
        ),
      );
  return [clip(headerLine(columns, widths), width), ...pad(body, height)];
}
