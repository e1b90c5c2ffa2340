import type { ConsoleLink, Evidence, ReportScenario, RunReport, Status, StepOutcome } from '../../model';
import type { ScenarioMatch } from './rank';

/** The version of the triage document; bump it when a field changes meaning or goes away. */
export const triageVersion = 1;

/** A present symptom as the triage document shows it: what the check saw. */
export interface TriageEvidence {
  step: string;
  text: string;
  check: string | null;
  status: Status;
  weight: number;
  summary: string;
  evidence: Evidence[];
  links: ConsoleLink[];
  sharedWith?: string;
}

/** A scenario of the ranking, with the evidence that matched. */
export interface RankedScenario {
  rank: number;
  scenario: ReportScenario;
  coverage: number;
  score: number;
  signals: number;
  matched: TriageEvidence[];
}

/** A signal that says nothing either way: its check could not tell, or its failure is acknowledged. */
export interface SilentSignal {
  step: string;
  check: string | null;
  status: Status;
  summary: string;
}

/** What triage found: `--json` prints it, the terminal shows it. */
export interface TriageResult {
  version: typeof triageVersion;
  kind: 'triage';
  environment: string;
  world: string | null;
  startedAt: string;
  durationMs: number;
  /** How many symptom and check-list items were checked. */
  checked: number;
  activeIncident: boolean;
  ranking: RankedScenario[];
  couldNotTell: SilentSignal[];
  acknowledged: SilentSignal[];
  /** The scenario to run next and the command that runs it; null when no incident is active. */
  next: { scenario: string; command: string } | null;
  /** The top scenario's run, with `--then-run`. */
  run?: RunReport;
}

const evidenceOf = (outcome: StepOutcome, weight: number): TriageEvidence => ({
  step: outcome.step,
  text: outcome.text,
  check: outcome.check,
  status: outcome.status,
  weight,
  summary: outcome.summary,
  evidence: outcome.evidence,
  links: outcome.links,
  ...(outcome.sharedWith ? { sharedWith: outcome.sharedWith } : {}),
});

const silent = (outcome: StepOutcome): SilentSignal => ({ step: outcome.step, check: outcome.check, status: outcome.status, summary: outcome.summary });

/** Builds the triage document from the run of the signals and their ranking; `command` writes the command for a scenario. */
export function buildTriageResult(report: RunReport, ranking: readonly ScenarioMatch[], command: (scenario: string) => string): TriageResult {
  const top = ranking[0];
  return {
    version: triageVersion,
    kind: 'triage',
    environment: report.environment,
    world: report.world,
    startedAt: report.startedAt,
    durationMs: report.durationMs,
    checked: report.results.length,
    activeIncident: ranking.length > 0,
    ranking: ranking.map((match, index) => ({
      rank: index + 1,
      scenario: match.scenario,
      coverage: match.coverage,
      score: match.score,
      signals: match.signals,
      matched: match.matched.map((m) => evidenceOf(m.outcome, m.weight)),
    })),
    couldNotTell: report.results.filter((r) => r.status === 'error').map(silent),
    acknowledged: report.results.filter((r) => r.status === 'acknowledged').map(silent),
    next: top ? { scenario: top.scenario.id, command: command(top.scenario.id) } : null,
  };
}
