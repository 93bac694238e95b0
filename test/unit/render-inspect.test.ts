// The inspect renderers (inspect, image inspect, volume inspect), volume ls, info's
// templates, and the bare `table` that every listing takes as its default table.
import { describe, expect, it } from 'vitest';

import type { InfoReport } from '../../src/engine/info/report.js';
import type { Volume } from '../../src/engine/volume/record.js';
import { imageInspectJson } from '../../src/cli/commands/images.js';
import { infoTemplateView, renderInfoAs } from '../../src/cli/render/info.js';
import { IMAGE_INSPECT_FIELDS, imageInspectView, renderInspected, withHidden } from '../../src/cli/render/inspect.js';
import { listingTemplate, templateFields } from '../../src/cli/render/template.js';
import { renderVolumeInspect, renderVolumeList, VOLUME_FIELDS } from '../../src/cli/render/volumes.js';

const IMAGE_ID = `sha256:${'a'.repeat(64)}`;
const image = imageInspectJson({
  record: {
    id: IMAGE_ID,
    names: ['docker.io/library/alpine:latest'],
    digests: [`sha256:${'b'.repeat(64)}`],
    manifestDigest: `sha256:${'b'.repeat(64)}`,
    manifestMediaType: 'application/vnd.oci.image.manifest.v1+json',
    pulled: '2024-01-02T03:04:06Z',
    created: '2024-01-02T03:04:05Z',
    architecture: 'amd64',
    os: 'linux',
    size: 1234,
    layers: [`sha256:${'c'.repeat(64)}`],
  },
  config: {
    architecture: 'amd64',
    os: 'linux',
    config: { Env: ['PATH=/bin'], Cmd: ['/bin/sh'], Labels: { b: '2', a: '1' } },
    rootfs: { type: 'layers', diff_ids: [`sha256:${'c'.repeat(64)}`] },
  },
});

describe('image inspect', () => {
  const view = imageInspectView(image);

  it('prints the JSON Podman prints, indented by five, without the zero-valued config fields', () => {
    const text = renderInspected([view], undefined);
    expect(text).toMatch(/^\[\n {5}\{\n {10}"Id": "a{64}",\n/);
    expect(JSON.parse(text)).toEqual([JSON.parse(JSON.stringify(image))]);
    expect(renderInspected([view], 'json')).toBe(text);
    expect(JSON.parse(text)[0].Config).toEqual({ Env: ['PATH=/bin'], Cmd: ['/bin/sh'], Labels: { a: '1', b: '2' } });
  });

  it('gives templates every config field with its Go zero value, and .ID', () => {
    expect(renderInspected([view], '{{.Config.Entrypoint}}|{{.Config.Volumes}}|{{.Config.User}}|{{.Config.Cmd}}')).toBe('[]|map[]||[/bin/sh]\n');
    expect(renderInspected([view], '{{index .Config.Labels "a"}} {{.Config.Labels}} {{.ID}}')).toBe(`1 map[a:1 b:2] ${'a'.repeat(64)}\n`);
    expect(renderInspected([view], '{{json .Config}}')).toBe('{"Env":["PATH=/bin"],"Cmd":["/bin/sh"],"Labels":{"a":"1","b":"2"}}\n');
    expect(renderInspected([view], '{{range .RepoTags}}{{upper .}}{{end}}')).toBe('DOCKER.IO/LIBRARY/ALPINE:LATEST\n');
  });

  it('lists its own fields when one is unknown, and completion offers the same fields', () => {
    expect(() => renderInspected([view], '{{.Nmae}}')).toThrow(/^invalid format template: unknown field \.Nmae \(valid fields: \.Id, \.Digest, .*\.ID\)$/);
    expect(() => renderInspected([view], '{{.Config.Entrpoint}}')).toThrow(/unknown field \.Config\.Entrpoint \(valid fields: \.Config\.Env, .*\.Config\.Entrypoint, /);
    expect(templateFields(view)).toEqual([...IMAGE_INSPECT_FIELDS]);
  });

  it('checks each object against its own fields when containers and images are mixed', () => {
    const container = withHidden({ Name: 'web', State: { Status: 'running' } }, { ID: () => 'f00' });
    expect(renderInspected([container, view], '{{.ID}}')).toBe(`f00\n${'a'.repeat(64)}\n`);
    expect(() => renderInspected([container, view], '{{.State.Status}}')).toThrow(/unknown field \.State \(valid fields: \.Id, /);
  });
});

const volumes: Volume[] = [
  { name: 'data', created: '2024-01-02T03:04:05Z', labels: { app: 'web' }, options: {}, driver: 'local', mountpoint: '/s/volumes/data/_data' },
  { name: 'anon', created: '2024-01-02T03:04:06Z', labels: {}, options: {}, driver: 'local', mountpoint: '/s/volumes/anon/_data', anonymous: true },
];

describe('volume ls and inspect', () => {
  it('ls: the default table, also for a bare `table`; json; a template', () => {
    const table = 'DRIVER      VOLUME NAME\nlocal       data\nlocal       anon\n';
    expect(renderVolumeList(volumes, undefined)).toBe(table);
    expect(renderVolumeList(volumes, 'table')).toBe(table);
    expect(renderVolumeList(volumes, undefined, true)).toBe('local       data\nlocal       anon\n');
    expect(JSON.parse(renderVolumeList(volumes, 'json')).map((v: { Name: string }) => v.Name)).toEqual(['data', 'anon']);
    expect(renderVolumeList(volumes, '{{.Name}} {{index .Labels "app"}} {{.Anonymous}}')).toBe('data web false\nanon  true\n');
    expect(renderVolumeList(volumes, 'table {{.Name}} {{.Scope}}')).toBe('VOLUME NAME  SCOPE\ndata         local\nanon         local\n');
  });

  it('inspect: JSON indented by five, Anonymous only when set; a template per volume', () => {
    const text = renderVolumeInspect(volumes, undefined);
    expect(text).toMatch(/^\[\n {5}\{\n {10}"Name": "data",/);
    const parsed = JSON.parse(text) as Record<string, unknown>[];
    expect(parsed[0]).not.toHaveProperty('Anonymous');
    expect(parsed[1]!.Anonymous).toBe(true);
    expect(renderVolumeInspect(volumes, '{{.Mountpoint}}')).toBe('/s/volumes/data/_data\n/s/volumes/anon/_data\n');
    expect(() => renderVolumeInspect(volumes, '{{.ID}}')).toThrow(`unknown field .ID (valid fields: ${VOLUME_FIELDS.map((f) => `.${f}`).join(', ')})`);
  });
});

describe('info --format', () => {
  const report = {
    host: { kernel: '6.1.0', arch: 'amd64', distribution: 'Debian GNU/Linux 12' },
    overlay: { driver: 'native' },
    checks: [
      { id: 'kernel', title: 'kernel', status: 'ok', detail: '6.1.0', fixes: [] },
      { id: 'cgroup', title: 'cgroup v2', status: 'warn', detail: 'not delegated', fixes: [{ command: 'x', root: true }] },
    ],
    status: 'warn',
  } as unknown as InfoReport;

  it('templates name the JSON keys with an upper-case first letter, as Podman', () => {
    expect(infoTemplateView({ idmapHelpers: { newuidmap: { setuidRoot: true } }, list: [{ a: 1 }] })).toEqual({ IdmapHelpers: { Newuidmap: { SetuidRoot: true } }, List: [{ A: 1 }] });
    expect(renderInfoAs(report, '{{.Host.Kernel}} {{.Overlay.Driver}} {{range .Checks}}{{.Id}}={{.Status}} {{end}}', false)).toBe('6.1.0 native kernel=ok cgroup=warn \n');
    expect(renderInfoAs(report, '{{json .Host}}', false)).toBe('{"Kernel":"6.1.0","Arch":"amd64","Distribution":"Debian GNU/Linux 12"}\n');
  });

  it('json is the report as it is; an unknown field names the valid ones', () => {
    expect(JSON.parse(renderInfoAs(report, 'json', false))).toEqual(report);
    expect(() => renderInfoAs(report, '{{.Kernel}}', false)).toThrow('unknown field .Kernel (valid fields: .Host, .Overlay, .Checks, .Status)');
  });
});

describe('listingTemplate', () => {
  it('is the default table for no format and for a bare `table`, else the format', () => {
    expect(listingTemplate(undefined, 'table {{.ID}}')).toBe('table {{.ID}}');
    expect(listingTemplate('table', 'table {{.ID}}')).toBe('table {{.ID}}');
    expect(listingTemplate(' table ', 'table {{.ID}}')).toBe('table {{.ID}}');
    expect(listingTemplate('table {{.Names}}', 'table {{.ID}}')).toBe('table {{.Names}}');
    expect(listingTemplate('{{.Names}}', 'table {{.ID}}')).toBe('{{.Names}}');
  });
});
