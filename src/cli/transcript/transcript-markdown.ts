import { isWebLink, type StepOutcome } from '../../model';
import { formatCommand, summarizeRun, totalsText, type StoredRun } from '../../results';
import { acknowledgementLine } from '../../reporters/acknowledgement-text';
import { evidenceLines } from '../../reporters/evidence-text';
import { escapeMarkdown, markdownLinkTarget } from '../../reporters/markdown';
import { timeText } from '../time-text';
import type { ActionTaken } from './actions-taken';
import type { Transcript } from './transcript-entries';

/** Inline code that holds any text: the fence is longer than any run of backticks inside. */
function code(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return longest > 0 ? `${fence} ${text} ${fence}` : `${fence}${text}${fence}`;
}

const where = (environment: string, world: string | null) => `${environment}${world ? `, world ${world}` : ''}`;

/** What a run found that needs reading: failures and errors first, then warnings and acknowledged failures. */
function problemLines(outcome: StepOutcome): string[] {
  const head = [`#### ${escapeMarkdown(`${outcome.step} ${outcome.text}`)}: ${outcome.status}`, '', escapeMarkdown(outcome.summary), ''];
  if (outcome.status === 'acknowledged') return [...head, escapeMarkdown(acknowledgementLine(outcome.acknowledgement)), ''];
  if (outcome.sharedWith) return [...head, `Same check as ${escapeMarkdown(outcome.sharedWith)}: its evidence is shown there.`, ''];
  const evidence = outcome.evidence.flatMap(evidenceLines).flatMap((line) => line.split(/\r?\n/)).map((line) => `    ${line}`);
  const links = outcome.links.filter(isWebLink).map((link) => `- [${escapeMarkdown(link.label)}](${markdownLinkTarget(link.url)})`);
  return [...head, ...(evidence.length ? [...evidence, ''] : []), ...(links.length ? [...links, ''] : [])];
}

const attention = ['fail', 'error', 'warn', 'acknowledged'];

function runSection(run: StoredRun): string[] {
  const summary = summarizeRun(run);
  const titles = run.report.scenarios.map((s) => `${s.id} ${s.title}`).join('; ');
  // Triage runs every scenario's symptoms: name it, not all six scenarios.
  const scenarios = run.report.selection.includes('triage') ? "triage (every scenario's symptoms)" : titles || run.report.selection.join(', ') || 'every scenario';
  const problems = run.report.results
    .filter((outcome) => attention.includes(outcome.status))
    .sort((a, b) => attention.indexOf(a.status) - attention.indexOf(b.status));
  return [
    `## ${timeText(run.startedAt)}: run of ${escapeMarkdown(scenarios)}`,
    '',
    `- Command: ${code(formatCommand(run))}`,
    `- Environment: ${escapeMarkdown(where(run.environment, run.world))}${run.sandbox ? ' (simulated)' : ''}`,
    `- Run by: ${escapeMarkdown(run.user)}`,
    `- Runbook commit: ${run.commit ? code(run.commit) : 'unknown (not a git checkout)'}`,
    `- Result: ${totalsText(summary.totals)}, in ${(run.durationMs / 1000).toFixed(1)} s${run.report.fix ? ', with --fix' : ''}`,
    '',
    ...(problems.length ? ['### What failed', '', ...problems.flatMap(problemLines)] : ['Nothing failed.', '']),
  ];
}

function actionSection(action: ActionTaken): string[] {
  const outcome = action.finishedAt
    ? `${action.status ?? 'unknown'}${action.summary ? `: ${escapeMarkdown(action.summary)}` : ''} (finished ${timeText(action.finishedAt)})`
    : 'no finished record: the process may have stopped during the action';
  return [
    `## ${timeText(action.startedAt)}: action ${escapeMarkdown(action.step)} (${code(action.check)})`,
    '',
    `- Did: ${escapeMarkdown(action.description)}`,
    `- Environment: ${escapeMarkdown(where(action.environment, action.world))}`,
    `- Run by: ${escapeMarkdown(action.user)}${action.identity ? ` as ${escapeMarkdown(action.identity)}` : ''}`,
    `- Outcome: ${outcome}`,
    '',
  ];
}

/** Builds the Markdown record of an incident for a ticket or a postmortem: each run and each action, in time order. */
export function buildTranscriptMarkdown(transcript: Transcript): string {
  const runs = transcript.entries.filter((entry) => entry.kind === 'run').length;
  const actions = transcript.entries.length - runs;
  const scope = transcript.environment ? ` in ${escapeMarkdown(transcript.environment)}` : '';
  const out = [
    '# Incident transcript',
    '',
    `Runs of the runbook checks and actions taken${scope} since ${timeText(transcript.since)}, in time order: ${runs} run(s), ${actions} action(s). Written ${timeText(transcript.generatedAt)}; secrets are redacted.`,
    '',
  ];
  if (transcript.entries.length === 0) out.push('Nothing was run in this window.', '');
  for (const entry of transcript.entries) out.push(...(entry.kind === 'run' ? runSection(entry.run) : actionSection(entry.action)));
  return out.join('\n');
}
