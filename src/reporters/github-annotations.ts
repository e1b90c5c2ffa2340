import type { RunReport, SourcePosition, StepOutcome } from '../model';
import { acknowledgementLine } from './acknowledgement-text';

/** Escapes a workflow command's message: percent signs and line breaks. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command's property value: also colons and commas. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const commands: Partial<Record<StepOutcome['status'], string>> = { fail: 'error', error: 'error', warn: 'warning', acknowledged: 'notice' };

function message(outcome: StepOutcome): string {
  const detail = outcome.status === 'acknowledged' ? [acknowledgementLine(outcome.acknowledgement)] : outcome.links.map((l) => `${l.label}: ${l.url}`);
  return [outcome.summary, ...detail].join('\n');
}

/**
 * GitHub Actions workflow commands that annotate each step worth a look at its line in the runbook:
 * `::error` for a failure or a check that could not tell, `::warning` for a warning, `::notice` for an acknowledged failure.
 */
export function buildGithubAnnotations(report: RunReport, positionOf: (step: string) => SourcePosition | undefined): string {
  const lines = report.results.flatMap((outcome) => {
    const command = commands[outcome.status];
    if (!command) return [];
    const at = positionOf(outcome.step);
    const title = `${outcome.step} ${outcome.text}${outcome.status === 'error' ? ' (could not tell)' : ''}`;
    const where = at ? `file=${escapeProperty(at.file)},line=${at.line},col=${at.column},` : '';
    return [`::${command} ${where}title=${escapeProperty(title)}::${escapeData(message(outcome))}`];
  });
  return lines.length ? `${lines.join('\n')}\n` : '';
}
