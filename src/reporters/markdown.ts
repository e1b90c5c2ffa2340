import { isWebLink, type RunReport, type Status, type StepOutcome } from '../model';
import { acknowledgementLine } from './acknowledgement-text';
import { evidenceLines } from './evidence-text';
import { printableDeep } from './printable';
import { closingLine } from './terminal';

const icons: Record<Status, string> = { pass: '✅ pass', fail: '❌ fail', warn: '⚠️ warn', acknowledged: '🔕 acknowledged', skip: '⏭️ skip', error: '❓ error' };

/** Escapes text for a Markdown table cell or line: no HTML, no table breaks, no emphasis surprises. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>()#+!|]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

/**
 * A URL as a Markdown link destination: already-encoded URLs stay as they are (no second encoding of `%`);
 * only the characters that would end or break the destination (spaces, parentheses, angle brackets) are percent-encoded.
 */
export function markdownLinkTarget(url: string): string {
  return url.replace(/[\s()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

function details(outcome: StepOutcome): string[] {
  if (outcome.status === 'pass' || outcome.check === null) return [];
  if (outcome.status === 'acknowledged') return [`#### ${escapeMarkdown(outcome.step)} ${escapeMarkdown(outcome.text)}`, '', escapeMarkdown(outcome.summary), '', escapeMarkdown(acknowledgementLine(outcome.acknowledgement)), ''];
  if (outcome.sharedWith) return [`#### ${escapeMarkdown(outcome.step)} ${escapeMarkdown(outcome.text)}`, '', `${escapeMarkdown(outcome.summary)} (same check as ${escapeMarkdown(outcome.sharedWith)}: its evidence is shown there)`, ''];
  const lines = outcome.evidence.flatMap(evidenceLines).map((line) => `    ${line}`);
  const links = outcome.links.filter(isWebLink).map((l) => `- [${escapeMarkdown(l.label)}](${markdownLinkTarget(l.url)})`);
  return [`#### ${escapeMarkdown(outcome.step)} ${escapeMarkdown(outcome.text)}`, '', escapeMarkdown(outcome.summary), '', ...(lines.length ? [...lines, ''] : []), ...(links.length ? [...links, ''] : [])];
}

/** Builds a Markdown report to paste into an incident ticket: a table of steps, then evidence for each problem. */
export function buildMarkdownReport(untrusted: RunReport): string {
  const report = printableDeep(untrusted);
  const out = [`# Runbook check: ${escapeMarkdown(report.selection.join(', ') || 'all scenarios')}`, '', `Environment **${escapeMarkdown(report.environment)}**${report.world ? `, world **${escapeMarkdown(report.world)}**` : ''}, started ${report.startedAt}.`, ''];
  for (const scenario of report.scenarios) {
    const steps = report.results.filter((r) => r.scenario === scenario.id);
    if (steps.length === 0) continue;
    out.push(`## ${escapeMarkdown(`${scenario.id} ${scenario.title}`)}${scenario.severity ? ` (severity: ${scenario.severity})` : ''}`, '', '| Step | Status | Check | Summary |', '| --- | --- | --- | --- |');
    for (const s of steps) out.push(`| ${escapeMarkdown(`${s.step} ${s.text}`)} | ${icons[s.status]} | ${s.check ? `\`${s.check}\`` : '—'} | ${escapeMarkdown(s.summary)} |`);
    out.push('', ...steps.flatMap(details));
  }
  out.push(closingLine(report.totals), '');
  return out.join('\n');
}
