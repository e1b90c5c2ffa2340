import { evidenceLines } from '../../reporters/evidence-text';
import { palette, truncate, type Screen } from '../../reporters/screen';
import { printableDeep } from '../../reporters/printable';
import type { RankedScenario, TriageEvidence, TriageResult } from './triage-result';

/** At most this many evidence lines per present symptom; the full evidence is in `--json` and the scenario's run. */
const evidenceLineLimit = 6;

const percent = (share: number) => `${Math.round(share * 100)}%`;

function signalLines(signal: TriageEvidence, screen: Screen): string[] {
  const c = palette(screen);
  const mark = signal.status === 'fail' ? c.red('✗') : c.yellow('!');
  const check = c.dim(` [${signal.check}${signal.weight < 1 ? `, weight ${signal.weight}` : ''}]`);
  const lines = [`    ${mark} ${c.bold(signal.step.padEnd(7))} ${signal.text}${check}`, `        ${signal.summary}`];
  if (signal.sharedWith) return [...lines, `          ${c.dim(`same check as ${signal.sharedWith}: its evidence is shown there`)}`];
  const evidence = signal.evidence.flatMap(evidenceLines);
  for (const line of evidence.slice(0, evidenceLineLimit)) lines.push(`          ${c.dim(truncate(line, Math.max(40, screen.width - 10)))}`);
  if (evidence.length > evidenceLineLimit) lines.push(`          ${c.dim(`… ${evidence.length - evidenceLineLimit} more lines (--json, or run the scenario)`)}`);
  for (const link of signal.links) lines.push(`          ${c.cyan(`${link.label}: ${link.url}`)}`);
  return lines;
}

function scenarioLines(ranked: RankedScenario, screen: Screen): string[] {
  const c = palette(screen);
  const { scenario } = ranked;
  const severity = scenario.severity ? ` (severity: ${scenario.severity})` : '';
  const how = `${ranked.matched.length} of ${ranked.signals} symptoms present · match ${percent(ranked.coverage)} · score ${ranked.score}`;
  return [`${c.bold(`${String(ranked.rank).padStart(2)}. ${scenario.id} ${scenario.title}`)}${severity}  ${c.dim(how)}`, ...ranked.matched.flatMap((m) => signalLines(m, screen)), ''];
}

/** Builds the terminal output of triage: the ranked scenarios with the evidence that matched (escape sequences removed), then what to run next. */
export function buildTriageTerminal(untrusted: TriageResult, screen: Screen): string {
  const triage = printableDeep(untrusted);
  const c = palette(screen);
  const where = `env ${triage.environment}${triage.world ? ` · world ${triage.world}` : ''}`;
  const out = [`${c.bold('Triage')}: ${triage.checked} symptom checks across the runbook  ${c.dim(where)}`, ''];
  if (triage.activeIncident) out.push(...triage.ranking.flatMap((r) => scenarioLines(r, screen)));
  else out.push(c.green('No active incident: no scenario shows a symptom.'), '');
  for (const s of triage.couldNotTell) out.push(c.magenta(`could not tell ${s.step} [${s.check}]: ${s.summary}`));
  for (const s of triage.acknowledged) out.push(c.cyan(`acknowledged ${s.step} [${s.check}]: ${s.summary}`));
  if (triage.couldNotTell.length || triage.acknowledged.length) out.push('');
  if (triage.next) out.push(`Next: ${c.bold(triage.next.command)}`);
  else if (triage.couldNotTell.length) out.push('Some symptom checks could not tell: fix their access (above) before trusting "no incident".');
  return `${out.join('\n')}\n`;
}
