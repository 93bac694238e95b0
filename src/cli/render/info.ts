// `boxctl info` for people: the checks as aligned rows, and under each problem the
// commands that fix it, marked when they need root.
import type { InfoReport } from '../../engine/info/report.js';
import type { CheckStatus } from '../../engine/info/checks.js';

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
