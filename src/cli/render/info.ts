// `boxctl info` for people: the checks as aligned rows, and under each problem the
// commands that fix it, marked when they need root. For scripts: the report as JSON,
// or a Go template over it with Go's field names (`{{.Host.Kernel}}`), as Podman's
// info templates name its JSON's camelCase keys.
import type { InfoReport } from '../../engine/info/report.js';
import type { CheckStatus } from '../../engine/info/checks.js';
import { UserError } from '../../errors.js';
import { compileFormat, isJsonFormat } from './template.js';

const MARK: Record<CheckStatus, string> = { ok: 'ok', warn: 'warn', error: 'FAIL' };
const COLOR: Record<CheckStatus, string> = { ok: '\x1b[32m', warn: '\x1b[33m', error: '\x1b[31m' };

export function renderInfo(report: InfoReport, color: boolean): string {
  const width = Math.max(...report.checks.map((c) => c.title.length));
  const lines: string[] = [];
  for (const c of report.checks) {
    const mark = MARK[c.status].padEnd(4);
    const shown = color ? `${COLOR[c.status]}${mark}\x1b[0m` : mark;
    lines.push(`${shown}  ${c.title.padEnd(width)}  ${c.detail}`);
    for (const fix of c.fixes) {
      lines.push(`${' '.repeat(6 + width + 2)}fix${fix.root ? ' (needs root)' : ''}: ${fix.command}`);
    }
  }
  const problems = report.checks.filter((c) => c.status !== 'ok').length;
  lines.push('');
  lines.push(
    problems === 0
      ? 'boxctl is ready: every check passed.'
      : `${problems} check${problems === 1 ? '' : 's'} need${problems === 1 ? 's' : ''} attention; boxctl works with less where it can.`,
  );
  return `${lines.join('\n')}\n`;
}

/** The report with every key's first letter upper-cased: what an info template sees. */
export function infoTemplateView(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(infoTemplateView);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.charAt(0).toUpperCase() + k.slice(1), infoTemplateView(v)]));
}

/** Refuses, before the host is probed, a format that is no template: it would print itself. */
export function checkInfoFormat(format: string): void {
  if (format === 'text' || isJsonFormat(format) || format.includes('{{')) return;
  throw new UserError(`unknown --format '${format}': use 'text', 'json' or a Go template such as '{{.Host.Kernel}}'`);
}

/** `text` for people, `json`, or a Go template over the report. */
export function renderInfoAs(report: InfoReport, format: string, color: boolean): string {
  checkInfoFormat(format);
  if (format === 'text') return renderInfo(report, color);
  if (isJsonFormat(format)) return `${JSON.stringify(report, null, 2)}\n`;
  const view = infoTemplateView(report) as Record<string, unknown>;
  return compileFormat(format, { fields: Object.keys(view) }).render([view]);
}
