// --format on every command that lists or inspects, run as the test user against one
// fixture container, image and volume: `json` parsed, a `table ...` with its header
// row, a bare `table` as the default table, a Go template (fields, index, range,
// functions), and an unknown field refused in one line that lists the valid ones.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { boxctl, host, testUser, userTempDir } from './harness.js';

const IMAGE = `${host.registry}/boxctl/busybox`;
const CONTAINER = 'fmt-web';
const VOLUME = 'fmt-vol';
const scratch = userTempDir(testUser.uid);
const root = join(scratch.path, 'root');
const runroot = join(scratch.path, 'run');

const bx = (args: readonly string[]) => boxctl(['--root', root, '--runroot', runroot, ...args], testUser);

async function out(args: readonly string[]): Promise<string> {
  const r = await bx(args);
  expect(r.stderr, args.join(' ')).toBe('');
  expect(r.code, args.join(' ')).toBe(0);
  return r.stdout;
}

const lines = (text: string) => text.split('\n').filter((l) => l !== '');
/** The columns of a table line: tabwriter pads with two or more spaces. */
const columns = (line: string) => line.trim().split(/ {2,}/);

let containerId = '';
let imageId = '';

beforeAll(async () => {
  expect((await bx(['pull', '-q', IMAGE])).code).toBe(0);
  imageId = (await out(['image', 'inspect', '--format', '{{.Id}}', IMAGE])).trim();
  await out(['volume', 'create', '--label', 'app=fmt', VOLUME]);
  containerId = (await out(['run', '-d', '--name', CONTAINER, '--label', 'app=fmt', '-v', `${VOLUME}:/data`, IMAGE, 'sleep', '1000'])).trim();
}, 120_000);

afterAll(async () => {
  await bx(['rm', '-f', '--all']);
  scratch.remove();
});

interface Case {
  /** The command line, without --format. */
  args: string[];
  /** Checks on the parsed `--format json`. */
  json: (parsed: unknown) => void;
  /** A `table ...` format, its header, and a cell that must be in some row. */
  table?: { format: string; header: string[]; cell: () => string };
  /** A template and the output expected (a line, or a pattern). */
  template: { format: string; expect: () => string | RegExp };
  /** A field the unknown-field error must name among the valid ones. */
  field: string;
}

type Obj = Record<string, unknown>;
const array = (v: unknown): Obj[] => {
  expect(Array.isArray(v)).toBe(true);
  return v as Obj[];
};

const ps: Omit<Case, 'args'> = {
  json: (v) => expect(array(v).find((c) => c.Id === containerId)).toMatchObject({ Names: [CONTAINER], State: 'running', Labels: { app: 'fmt' } }),
  table: { format: 'table {{.ID}} {{.Names}} {{.State}}', header: ['CONTAINER ID', 'NAMES', 'STATE'], cell: () => CONTAINER },
  template: { format: '{{.Names}} {{.State}} {{index .Labels "app"}} {{upper .Names}}', expect: () => `${CONTAINER} running fmt ${CONTAINER.toUpperCase()}` },
  field: 'Names',
};
const images: Omit<Case, 'args'> = {
  json: (v) => expect(array(v).find((i) => i.Id === imageId)).toMatchObject({ Repository: IMAGE, Tag: 'latest' }),
  table: { format: 'table {{.Repository}} {{.Tag}}', header: ['REPOSITORY', 'TAG'], cell: () => IMAGE },
  template: { format: '{{.Repository}}:{{.Tag}} {{len .ID}}', expect: () => `${IMAGE}:latest 12` },
  field: 'Repository',
};
const inspectContainer: Omit<Case, 'args'> = {
  json: (v) => expect(array(v)[0]).toMatchObject({ Id: containerId, Name: CONTAINER, State: { Status: 'running' } }),
  template: {
    format: '{{.State.Status}} {{range .Mounts}}{{.Name}}:{{.Destination}}{{end}} {{index .Config.Labels "app"}} {{json .Config.Cmd}}',
    expect: () => `running ${VOLUME}:/data fmt ["sleep","1000"]`,
  },
  field: 'State',
};
const stats: Omit<Case, 'args'> = {
  json: (v) => expect(array(v)[0]).toMatchObject({ id: containerId.slice(0, 12), name: CONTAINER }),
  table: { format: 'table {{.ID}} {{.Name}} {{.PIDS}}', header: ['ID', 'NAME', 'PIDS'], cell: () => CONTAINER },
  template: { format: '{{.Name}} {{.ContainerID}} {{lower .Name}}', expect: () => `${CONTAINER} ${containerId} ${CONTAINER}` },
  field: 'CPUPerc',
};
const volumeLs: Omit<Case, 'args'> = {
  json: (v) => expect(array(v).find((x) => x.Name === VOLUME)).toMatchObject({ Driver: 'local', Labels: { app: 'fmt' } }),
  table: { format: 'table {{.Name}} {{.Driver}}', header: ['VOLUME NAME', 'DRIVER'], cell: () => VOLUME },
  template: { format: '{{.Name}} {{index .Labels "app"}} {{.Scope}}', expect: () => `${VOLUME} fmt local` },
  field: 'Mountpoint',
};

const CASES: Record<string, Case> = {
  ps: { args: ['ps'], ...ps },
  'container ls': { args: ['container', 'ls', '-a'], ...ps },
  images: { args: ['images'], ...images },
  'image ls': { args: ['image', 'ls'], ...images },
  'image history': {
    args: ['image', 'history', IMAGE],
    json: (v) => expect(array(v)[0]).toHaveProperty('created_by'),
    table: { format: 'table {{.ID}} {{.CreatedBy}}', header: ['ID', 'CREATED BY'], cell: () => imageId.slice(0, 12) },
    template: { format: '{{.ID}} {{.EmptyLayer}}', expect: () => `${imageId.slice(0, 12)} false` },
    field: 'CreatedBy',
  },
  'image inspect': {
    args: ['image', 'inspect', IMAGE],
    json: (v) => expect(array(v)[0]).toMatchObject({ Id: imageId, RepoTags: [`${IMAGE}:latest`] }),
    template: { format: '{{.ID}} {{index .RepoTags 0}} {{.Config.Entrypoint}} {{.Os}}', expect: () => `${imageId} ${IMAGE}:latest [] linux` },
    field: 'RepoTags',
  },
  inspect: { args: ['inspect', CONTAINER], ...inspectContainer },
  'container inspect': { args: ['container', 'inspect', CONTAINER], ...inspectContainer },
  'inspect (an image)': {
    args: ['inspect', IMAGE],
    json: (v) => expect(array(v)[0]).toMatchObject({ Id: imageId }),
    template: { format: '{{range .RepoTags}}{{.}}{{end}}', expect: () => `${IMAGE}:latest` },
    field: 'RepoDigests',
  },
  'stats --no-stream': { args: ['stats', '--no-stream', CONTAINER], ...stats },
  'volume ls': { args: ['volume', 'ls'], ...volumeLs },
  'volume list': { args: ['volume', 'list'], ...volumeLs },
  'volume inspect': {
    args: ['volume', 'inspect', VOLUME],
    json: (v) => expect(array(v)[0]).toMatchObject({ Name: VOLUME, Scope: 'local' }),
    template: { format: '{{.Name}} {{.Mountpoint}}', expect: () => `${VOLUME} ${join(root, 'volumes', VOLUME, '_data')}` },
    field: 'Mountpoint',
  },
  'system df': {
    args: ['system', 'df'],
    json: (v) => expect(array(v).map((r) => r.Type)).toEqual(['Images', 'Containers', 'Local Volumes']),
    table: { format: 'table {{.Type}} {{.Total}}', header: ['TYPE', 'TOTAL'], cell: () => 'Local Volumes' },
    template: { format: '{{if eq .Type "Containers"}}{{.Total}} {{.Active}}{{end}}', expect: () => /^\n?1 1\n?$/ },
    field: 'Reclaimable',
  },
  version: {
    args: ['version'],
    json: (v) => expect(v).toMatchObject({ Client: { Os: 'linux' } }),
    template: { format: '{{.Client.Os}} {{printf "%.1s" .Client.Version}}', expect: () => /^linux \d$/ },
    field: 'Client',
  },
  info: {
    args: ['info'],
    json: (v) => expect(v).toHaveProperty('host.kernel'),
    template: { format: '{{.Store.Root}} {{range .Checks}}{{if eq .Id "kernel"}}{{.Title}}{{end}}{{end}}', expect: () => `${root} kernel` },
    field: 'Overlay',
  },
  'runtime list': {
    args: ['runtime', 'list'],
    json: (v) => expect(array(v)).toEqual([]),
    table: { format: 'table {{.ID}} {{.Status}}', header: ['ID', 'STATUS'], cell: () => '' },
    template: { format: '{{.ID}}', expect: () => '' },
    field: 'Bundle',
  },
};

describe.each(Object.entries(CASES))('boxctl %s --format', (_name, c) => {
  it('json: one JSON document', async () => {
    c.json(JSON.parse(await out([...c.args, '--format', 'json'])));
  });

  it('a Go template, applied to each row', async () => {
    const text = await out([...c.args, '--format', c.template.format]);
    const expected = c.template.expect();
    if (expected instanceof RegExp) expect(text.trimEnd()).toMatch(expected);
    else if (expected === '') expect(text).toBe('');
    else expect(lines(text)).toContain(expected);
  });

  // Inspect commands print one object each: no table.
  const t = c.table;
  if (t) {
    it('table: a header row, then the rows in aligned columns; a bare `table` is the default table', async () => {
      const rows = lines(await out([...c.args, '--format', t.format]));
      expect(columns(rows[0]!)).toEqual(t.header);
      if (t.cell() !== '') expect(rows.slice(1).some((r) => columns(r).includes(t.cell()))).toBe(true);
      // Ages and usage move between two runs: the same columns and rows, not the same text.
      const plain = lines(await out(c.args));
      const bare = lines(await out([...c.args, '--format', 'table']));
      expect(columns(bare[0]!)).toEqual(columns(plain[0]!));
      expect(bare.length).toBe(plain.length);
    });
  }

  it('an unknown field: exit 125, one line naming the valid fields', async () => {
    const r = await bx([...c.args, '--format', '{{.Nmae}}']);
    expect(r.code).toBe(125);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`^Error: invalid format template: unknown field \\.Nmae \\(valid fields: [^\\n]*\\.${c.field}\\b[^\\n]*\\)\\n$`));
  });
});

describe('{{json .}} and {{range .}}', () => {
  it('{{json .}} prints one JSON object a line; {{range .}} gets the whole list', async () => {
    const objects = lines(await out(['ps', '-a', '--format', '{{json .}}'])).map((l) => JSON.parse(l) as Obj);
    expect(objects.map((o) => o.Id)).toContain(containerId);
    expect(await out(['ps', '-a', '--format', '{{range .}}[{{.Names}}]{{end}}'])).toBe(`[${CONTAINER}]\n`);
    expect(await out(['volume', 'ls', '--format', '{{range .}}{{.Name}}={{.Driver}} {{end}}'])).toBe(`${VOLUME}=local \n`);
  });

  it('a malformed template is refused before anything is printed', async () => {
    const r = await bx(['images', '--format', '{{.Repository']);
    expect(r).toMatchObject({ code: 125, stdout: '' });
    expect(r.stderr).toMatch(/^Error: invalid format template: [^\n]+\n$/);
  });
});
