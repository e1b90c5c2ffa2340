import type { RunReport, Status, StepOutcome, Totals } from '../model';
import { acknowledgementLine } from './acknowledgement-text';
import { evidenceLines } from './evidence-text';
import { palette, truncate, type Screen } from './screen';
import { printableDeep } from './printable';

/** The label of each status in terminal listings (`FAIL`, `ACK`). */
export const labels: Record<Status, string> = { pass: 'PASS', fail: 'FAIL', warn: 'WARN', acknowledged: 'ACK', skip: 'SKIP', error: 'ERROR' };

/** The closing line: `3 passed, 1 failed, 1 skipped` (warnings and errors are on the line before it). */
export function closingLine(totals: Totals): string {
  return `${totals.pass} passed, ${totals.fail} failed, ${totals.skip} skipped`;
}

function outcomeLines(outcome: StepOutcome, screen: Screen): string[] {
  const c = palette(screen);
  const colour = { pass: c.green, fail: c.red, warn: c.yellow, acknowledged: c.cyan, skip: c.gray, error: c.magenta }[outcome.status];
  const check = c.dim(outcome.check ? ` [${outcome.check}${outcome.kind === 'action' ? ', action' : ''}]` : ' [manual: no check yet]');
  const lines = [`  ${colour(labels[outcome.status].padEnd(5))} ${c.bold(outcome.step.padEnd(7))} ${outcome.text}${check}`];
  const indent = '               ';
  const room = Math.max(40, screen.width - indent.length);
  if (outcome.status === 'pass' || outcome.check === null) {
    lines.push(`${indent}${c.dim(outcome.summary)}`);
    return lines;
  }
  lines.push(...outcome.summary.split('\n').map((part, i) => `${indent}${i ? '  ' : ''}${colour(part)}`));
  if (outcome.status === 'acknowledged') {
    lines.push(`${indent}  ${c.dim(acknowledgementLine(outcome.acknowledgement))}`);
    return lines;
  }
  if (outcome.sharedWith) {
    lines.push(`${indent}  ${c.dim(`same check as ${outcome.sharedWith}: its evidence is shown there`)}`);
    return lines;
  }
  for (const item of outcome.evidence) {
    // A value's own line breaks continue its line, further in, so that no log line can pass for a step of the report.
    for (const line of evidenceLines(item)) line.split('\n').forEach((part, i) => lines.push(`${indent}  ${i ? '  ' : ''}${c.dim(truncate(part, room - (i ? 4 : 2)))}`));
  }
  for (const link of outcome.links) lines.push(`${indent}  ${c.cyan(`${link.label}: ${link.url}`)}`);
  if (outcome.status === 'error') lines.push(`${indent}  ${c.dim(`${outcome.error.name}${outcome.error.code ? ` (${outcome.error.code})` : ''}`)}`);
  return lines;
}

/**
 * Builds the terminal report: a block per scenario, a line per step, evidence under anything that is not a pass.
 * Every text of the report is untrusted (evidence quotes logs others wrote): escape sequences and control characters go.
 */
export function buildTerminalReport(untrusted: RunReport, screen: Screen): string {
  const report = printableDeep(untrusted);
  const c = palette(screen);
  const out: string[] = [];
  const where = `env ${report.environment}${report.world ? ` · world ${report.world}` : ''}${report.fix ? ' · --fix' : ''}`;
  for (const scenario of report.scenarios) {
    const steps = report.results.filter((r) => r.scenario === scenario.id);
    if (steps.length === 0) continue;
    const severity = scenario.severity ? c.dim(` (severity: ${scenario.severity})`) : '';
    out.push(`${c.bold(`${scenario.id} ${scenario.title}`)}${severity}  ${c.dim(where)}`);
    for (const outcome of steps) out.push(...outcomeLines(outcome, screen));
    out.push('');
  }
  const t = report.totals;
  const extra = [t.warn ? c.yellow(`${t.warn} warned`) : '', t.error ? c.magenta(`${t.error} could not tell (error)`) : '', t.acknowledged ? c.cyan(`${t.acknowledged} acknowledged`) : ''].filter(Boolean);
  if (extra.length) out.push(extra.join(', '));
  out.push(closingLine(t));
  return `${out.join('\n')}\n`;
}
