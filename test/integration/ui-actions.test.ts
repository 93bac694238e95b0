// boxctl ui on a real terminal, the acting half (ui-tty.test.ts has the watching one):
// pause, unpause, stop, start, restart and remove, each confirmed where it destroys,
// taking effect where `boxctl ps` sees it; inspect as scrollable JSON; the exec shell
// round trip; a pull from the local registry with a line per layer; images and volumes
// inspected, removed and pruned; stopped containers pruned.
import { beforeAll, describe, expect, it } from 'vitest';

import { host } from './harness.js';
import { expectGivenBack, uiSuite, type UiTerminal } from './ui-terminal.js';

const IMAGE = `${host.registry}/boxctl/busybox`;
const { bx, terminal } = uiSuite();
const LAYERS = `${host.registry}/boxctl/layers`;

async function ok(...args: string[]): Promise<string> {
  const r = await bx(args);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}

const statusOf = async (name: string) => (await ok('ps', '-a', '--format', '{{.Names}} {{.Status}}')).split('\n').find((l) => l.startsWith(`${name} `));

/** Narrows the list by a filter, and waits for the row to be the selected one. */
async function select(t: UiTerminal, filter: string, row = `${filter} `): Promise<void> {
  await t.press('/', /^\/_$/m);
  t.type(filter);
  await t.until(new RegExp(`^\\/${filter}_$`, 'm'));
  await t.press('Enter', new RegExp(`^> ${row}`, 'm'));
}

beforeAll(async () => {
  await ok('pull', '-q', IMAGE);
  // sleep as pid 1 ignores SIGTERM: stop kills it after a second instead of ten.
  await ok('run', '-d', '--name', 'victim', '--stop-timeout', '1', IMAGE, 'sleep', '1000');
  await ok('run', '-d', '--name', 'shell', IMAGE, 'sleep', '1000');
  await ok('run', '-d', '--name', 'holder', '-v', 'keep:/data', IMAGE, 'sleep', '1000');
  await ok('run', '-d', '--name', 'finished', IMAGE, 'true');
  await ok('volume', 'create', 'spare');
}, 120_000);

describe('boxctl ui actions on a terminal', () => {
  it('pauses, unpauses, stops, starts, restarts and removes (asking first), inspects, and runs a shell and comes back', async () => {
    const t = terminal('act');
    t.start({ cols: 100, rows: 30 });
    await t.until(/^> finished /m);
    await select(t, 'victim');

    await t.press('p', /^> victim .*Paused/m);
    expect(await statusOf('victim')).toBe('victim Paused');
    await t.press('p', /^> victim .*Up /m);
    expect(await statusOf('victim')).toMatch(/^victim Up /);

    // Stop asks: n leaves it running, y stops it.
    await t.press('x', /^Stop container victim\? \[y\/N\]$/m);
    await t.press('n', /^cancelled$/m);
    expect(await statusOf('victim')).toMatch(/^victim Up /);
    await t.press('x', /^Stop container victim\? \[y\/N\]$/m);
    let text = await t.press('y', /^victim: stopped$/m, 20_000);
    expect(text).toMatch(/^> victim .*Exited \(137\)/m);
    expect(await statusOf('victim')).toMatch(/^victim Exited \(137\)/);

    text = await t.press('s', /^victim: started$/m, 20_000);
    expect(text).toMatch(/^> victim .*Up /m);
    expect(await statusOf('victim')).toMatch(/^victim Up /);
    await t.press('r', /^Restart container victim\? \[y\/N\]$/m);
    text = await t.press('y', /^victim: restarted$/m, 20_000);
    expect(text).toMatch(/^> victim .*Up (Less than a second|\d seconds?)/m);

    // Inspect: the JSON of `boxctl inspect`, scrolled with the keys.
    text = await t.press('i', /^Inspect container victim +lines 1-26 of (\d+)$/m);
    const total = Number(/lines 1-26 of (\d+)/.exec(text)![1]);
    expect(text).toMatch(/^ {2}"Id": "[0-9a-f]{64}",$/m);
    await t.press('PageDown', /lines 27-52 of/);
    await t.press('j', /lines 28-53 of/);
    text = await t.press('G', new RegExp(`lines ${total - 25}-${total} of ${total}$`, 'm'));
    // The end of the JSON, just above the keys.
    expect(text.split('\n').filter((l) => l.trim() !== '').at(-2)).toBe('}');
    await t.press('g', /lines 1-26 of/);
    await t.press('Escape', /^> victim /m);

    // The shell: the dashboard gives the terminal to it and comes back after exit.
    await t.press('Escape', /Containers \[all\] 4\/4/);
    await select(t, 'shell');
    t.keys('e');
    await t.until((s) => !/boxctl Containers/.test(s), 10_000);
    await new Promise((r) => setTimeout(r, 1000));
    t.type('echo IN-THE-$((6*7))-SHELL');
    await t.press('Enter', /^IN-THE-42-SHELL$/m, 10_000);
    t.type('exit 3');
    text = await t.press('Enter', /^the shell in shell exited \(3\)$/m, 20_000);
    expect(text).toMatch(/^> shell .*Up /m);

    // Remove, running: it asks, and says it will be killed.
    await t.press('Escape', /Containers \[all\] 4\/4/);
    await select(t, 'victim');
    await t.press('D', /^Remove container victim \(it is running: it will be killed\)\? \[y\/N\]$/m);
    text = await t.press('y', /^victim: removed$/m, 20_000);
    expect(text).toMatch(/Containers \[all\] 0\/3/);
    expect(await statusOf('victim')).toBeUndefined();

    t.keys('q');
    await expectGivenBack(t);
  });

  it('pulls an image with a line per layer, inspects and removes images, prunes, and manages volumes', async () => {
    const manifest = (await (
      await fetch(`http://${host.registry}/v2/boxctl/layers/manifests/latest`, { headers: { accept: 'application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json' } })
    ).json()) as { layers: { digest: string }[] };
    const t = terminal('images');
    t.start({ cols: 100, rows: 30 });
    await t.until(/^> finished /m);

    // The pull: the busybox layer is there already, the others arrive, each on its line.
    t.keys(':');
    t.type(`pull ${LAYERS}`);
    await t.until(new RegExp(`^:pull ${LAYERS}_$`, 'm'));
    let text = await t.press('Enter', new RegExp(`^Pulled ${LAYERS} \\([0-9a-f]{12}\\)$`, 'm'), 60_000);
    expect(text).toMatch(new RegExp(`^Trying to pull ${LAYERS}:latest\\.\\.\\.$`, 'm'));
    const ids = manifest.layers.map((l) => l.digest.replace(/^sha256:/, '').slice(0, 12));
    expect(ids.length).toBeGreaterThan(1);
    for (const id of ids) expect(text).toMatch(new RegExp(`^${id} (Already exists|Done +\\[=+\\] [\\d.]+ [kM]?B)$`, 'm'));
    expect(text).toMatch(/ Already exists$/m);
    expect(text).toMatch(/ Done +\[=+\]/m);

    // The images list has it; inspect, then remove it, asked first.
    await t.press('Escape', /^boxctl Containers/m);
    text = await t.press('Tab', /^boxctl Images \(2\)/m);
    expect(text).toMatch(/boxctl\/layers +latest +[0-9a-f]{12} /);
    await select(t, 'layers', '.*boxctl/layers +latest ');
    text = await t.press('i', /^Inspect image 127\.0\.0\.1:\d+\/boxctl\/layers:latest +lines 1-/m);
    expect(text).toMatch(/"config": \{/);
    await t.press('Escape', /^> .*boxctl\/layers /m);
    await t.press('D', /^Remove image .*boxctl\/layers:latest\? \[y\/N\]$/m);
    text = await t.press('y', /^image .*boxctl\/layers:latest removed$/m, 20_000);
    expect(text).toMatch(/^boxctl Images \(1\)/m);
    expect(await ok('images', '--format', '{{.Repository}}')).not.toMatch(/boxctl\/layers/);
    await t.press('Escape', /^> .*boxctl\/busybox /m);
    await t.press('P', /^Remove all dangling images\? \[y\/N\]$/m);
    await t.press('y', /^pruned 0 image\(s\)$/m, 20_000);

    // Volumes: the one in use stays, the unused one goes with prune; removing one in use says who uses it.
    text = await t.press('Tab', /^boxctl Volumes \(2\)/m);
    expect(text).toMatch(/^> keep +local .* holder$/m);
    expect(text).toMatch(/^ {2}spare +local /m);
    await t.press('P', /^Remove all volumes no container uses\? \[y\/N\]$/m);
    text = await t.press('y', /^pruned 1 volume\(s\)$/m, 20_000);
    expect(text).toMatch(/^boxctl Volumes \(1\)/m);
    expect(await ok('volume', 'ls', '--format', '{{.Name}}')).toBe('keep\n');
    await t.press('D', /^Remove volume keep\? \[y\/N\]$/m);
    await t.press('y', /^volume keep is in use by holder: remove those containers first$/m, 20_000);

    // Containers: prune takes the stopped one only.
    await t.press('Tab', /^boxctl Containers/m);
    await t.press('P', /^Remove all stopped containers\? \[y\/N\]$/m);
    text = await t.press('y', /^pruned 1 container\(s\)$/m, 20_000);
    expect(text).not.toMatch(/ finished /);
    expect(await statusOf('finished')).toBeUndefined();
    expect(await statusOf('holder')).toMatch(/^holder Up /);

    t.keys('q');
    await expectGivenBack(t);
  });
});
