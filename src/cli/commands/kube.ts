// Kubernetes YAML out and in, as Podman's commands: `generate kube` (a subcommand of
// the generate group) writes a Pod for containers, `kube play` runs the Pods and
// Deployments of a file, `kube down` removes them. The objects are built and read in
// src/engine/kube/ (docs/kube.md lists every field); this file reads flags, files
// and prints.
import { readFileSync, writeFileSync } from 'node:fs';

import { UserError } from '../../errors.js';
import type { Context } from '../context.js';
import type { CommandSpec } from '../spec.js';

/** A shell word for the header line: the command as it could be typed again. */
function shellWord(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

function readInput(file: string): string {
  try {
    return readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (e) {
    throw new UserError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

async function storePaths(ctx: Context) {
  const { currentPaths } = await import('../../engine/paths.js');
  return currentPaths(ctx.globals);
}

export const generateKube: CommandSpec = {
  name: 'kube',
  summary: 'Generate Kubernetes Pod YAML from containers',
  description:
    "Prints one Pod (apiVersion v1) holding the containers: image, command and args, env, ports, volumes (hostPath for binds, persistentVolumeClaim for named volumes), resource limits, securityContext, probes and restartPolicy; only what differs from the image is written. Whatever a container has that a Pod cannot say is named on stderr. 'boxctl kube play' runs the file again; docs/kube.md lists the mapping.",
  examples: [
    { command: 'boxctl generate kube web > web.yaml', description: 'a Pod for the container web' },
    { command: 'boxctl generate kube -s -f app.yaml web db', description: 'one Pod for web and db, with a Service, into app.yaml' },
  ],
  options: {
    filename: { type: 'string', alias: 'f', description: 'write into this file (refused when it exists) instead of stdout', complete: 'files' },
    service: { type: 'boolean', alias: 's', description: 'add a NodePort Service for the published ports', default: false },
  },
  positionals: [{ name: 'containers', description: 'container names or ids', required: true, variadic: true, complete: 'containers' }],
  async run(ctx, args) {
    const [{ ContainerStore }, facts, gen, { findingText }, { VERSION }] = await Promise.all([
      import('../../engine/container/store.js'),
      import('../../engine/kube/facts.js'),
      import('../../engine/kube/generate.js'),
      import('../../engine/kube/objects.js'),
      import('../globals.js'),
    ]);
    const { root, runroot } = await storePaths(ctx);
    const store = new ContainerStore(root, runroot);
    const names = ((args.containers as unknown[] | undefined) ?? []).map(String);
    const records = names.map((n) => store.find(n));
    if (new Set(records.map((r) => r.id)).size !== records.length) throw new UserError('a container is named twice: a Pod holds each once');
    const findings: import('../../engine/kube/objects.js').Finding[] = [];
    const sources = records.map((r) => facts.generateSource(root, runroot, r, findings));
    const { pod, findings: more } = gen.generatePod(sources, facts.generateHost(root));
    const docs = args.service ? [pod, gen.generateService(pod)] : [pod];
    const text = gen.renderKube(docs, { version: VERSION, command: ['boxctl', ...ctx.argv].map(shellWord).join(' ') });
    const file = args.filename as string | undefined;
    if (file !== undefined) {
      try {
        writeFileSync(file, text, { flag: 'wx', mode: 0o644 });
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') throw new UserError(`${file} exists: generate kube does not replace a file; remove it or give another name`);
        throw new UserError(`cannot write ${file}: ${code ?? (e as Error).message}`);
      }
    } else ctx.stdout.write(text);
    for (const f of [...findings, ...more]) ctx.stderr.write(`warning: ${findingText(f)}\n`);
    return 0;
  },
};

const FILE = { name: 'file', description: "a Kubernetes YAML file ('-': standard input)", required: true, complete: 'files' } as const;

const play: CommandSpec = {
  name: 'play',
  summary: 'Create and start the Pods and Deployments of a Kubernetes YAML file',
  description:
    "Reads the file's Pods, Deployments (one replica each) and PersistentVolumeClaims (named volumes), and runs each Pod's containers as 'boxctl run -d' would, named POD-CONTAINER and labelled io.boxctl.kube.pod=POD; the containers of a Pod share the first one's network. Every field boxctl does not support is named on stderr, or with --validate=strict fails the whole file before anything is made. docs/kube.md lists the fields.",
  examples: [
    { command: 'boxctl kube play web.yaml', description: 'run the pods of web.yaml' },
    { command: 'boxctl kube play --validate=strict --replace web.yaml', description: 'refuse unsupported fields; replace the pods if they run' },
  ],
  options: {
    validate: { type: 'string', description: "fields boxctl does not support: 'warn' names them, 'strict' refuses the file", default: 'warn', choices: ['warn', 'strict'] },
    replace: { type: 'boolean', description: 'remove the pods of the file first if they exist', default: false },
    start: { type: 'boolean', description: 'start the containers (--start=false only creates them)', default: true },
  },
  positionals: [FILE],
  async run(ctx, args) {
    const [{ parseKube }, { validateKube }, { planKube }, { play: playPlan }, { findingText }, { createFromRequest }] = await Promise.all([
      import('../../engine/kube/parse.js'),
      import('../../engine/kube/validate.js'),
      import('../../engine/kube/plan.js'),
      import('../../engine/kube/play.js'),
      import('../../engine/kube/objects.js'),
      import('./containers.js'),
    ]);
    const file = String(args.file);
    const docs = parseKube(readInput(file), file);
    const plan = planKube(docs, file);
    const findings = [...validateKube(docs), ...plan.findings];
    const strict = args.validate === 'strict';
    for (const f of findings) ctx.stderr.write(`${strict ? '' : 'warning: '}${file}: ${findingText(f)}\n`);
    if (strict && findings.length > 0) {
      throw new UserError(`${file} has ${findings.length} field${findings.length > 1 ? 's' : ''} boxctl does not support (listed above), so nothing was made: remove them, or play with --validate=warn`);
    }
    const { root, runroot } = await storePaths(ctx);
    const report = await playPlan(plan, { root, runroot, create: async (req) => (await createFromRequest(ctx, req)).record }, { start: args.start !== false, replace: Boolean(args.replace) });
    if (report.volumes.length > 0) ctx.stdout.write(`Volumes:\n${report.volumes.join('\n')}\n`);
    for (const pod of report.pods) {
      ctx.stdout.write(`Pod:\n${pod.name}\n${pod.ids.length === 1 ? 'Container' : 'Containers'}:\n${pod.ids.join('\n')}\n\n`);
    }
    return 0;
  },
};

const down: CommandSpec = {
  name: 'down',
  summary: 'Stop and remove the pods that kube play made from a file',
  description:
    "Stops and removes the containers of each Pod and Deployment in the file, with their anonymous volumes (emptyDir). Named volumes stay, unless --force removes those of the file's PersistentVolumeClaims.",
  examples: [{ command: 'boxctl kube down web.yaml', description: 'remove the pods of web.yaml' }],
  options: { force: { type: 'boolean', description: "remove the volumes of the file's PersistentVolumeClaims too", default: false } },
  positionals: [FILE],
  async run(ctx, args) {
    const [{ parseKube }, { podNames, claimNames }, { down: takeDown }] = await Promise.all([
      import('../../engine/kube/parse.js'),
      import('../../engine/kube/plan.js'),
      import('../../engine/kube/play.js'),
    ]);
    const file = String(args.file);
    const docs = parseKube(readInput(file), file);
    const { root, runroot } = await storePaths(ctx);
    const report = await takeDown(root, runroot, podNames(docs), claimNames(docs), Boolean(args.force));
    if (report.pods.length > 0) {
      const names = report.pods.map((p) => p.name).join('\n');
      ctx.stdout.write(`Pods stopped:\n${names}\nPods removed:\n${names}\n`);
    }
    if (report.volumes.length > 0) ctx.stdout.write(`Volumes removed:\n${report.volumes.join('\n')}\n`);
    if (report.problems.length === 0) return 0;
    for (const p of report.problems.slice(0, -1)) ctx.stderr.write(`Error: ${p}\n`);
    throw new UserError(report.problems.at(-1)!);
  },
};

export const kube: CommandSpec = {
  name: 'kube',
  summary: 'Run Kubernetes YAML here: play and down',
  description: "Runs the Pods and Deployments of a Kubernetes YAML file on this machine, and removes them again. 'boxctl generate kube' writes such a file from containers.",
  examples: [
    { command: 'boxctl kube play web.yaml', description: 'create and start the pods of web.yaml' },
    { command: 'boxctl kube down web.yaml', description: 'remove them' },
  ],
  options: {},
  subcommands: [play, down],
};
