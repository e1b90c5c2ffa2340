import { severities, type ReportScenario, type Status, type StepOutcome } from '../../model';
import type { TriageSignal } from './signals';

/** How strongly a signal's status says its symptom is present: a failure fully, a warning half. */
export const statusStrength: Partial<Record<Status, number>> = { fail: 1, warn: 0.5 };

/** A signal whose symptom is present, with what its check saw. */
export interface MatchedSignal {
  outcome: StepOutcome;
  weight: number;
  strength: number;
}

/** A scenario whose symptoms are present, with how well they match. */
export interface ScenarioMatch {
  scenario: ReportScenario;
  /** Σ weight × strength of its present signals. */
  score: number;
  /** The score as a share of what all its signals could score: 1 when every symptom is fully present. */
  coverage: number;
  /** How many signals the scenario has. */
  signals: number;
  matched: MatchedSignal[];
}

const severityRank = (scenario: ReportScenario) => (scenario.severity ? severities.indexOf(scenario.severity) + 1 : 0);
const round = (value: number) => Math.round(value * 1e6) / 1e6;

/**
 * Ranks the scenarios whose signals are present: by coverage (the share of their weighted symptoms that
 * are present), then by score (how many and how strongly), then by severity, then in runbook order.
 */
export function rankScenarios(scenarios: readonly ReportScenario[], signals: readonly TriageSignal[], outcomes: readonly StepOutcome[]): ScenarioMatch[] {
  const outcomeOf = new Map(outcomes.map((o) => [o.step, o]));
  const matches = scenarios.map((scenario, order) => {
    const own = signals.filter((s) => s.step.scenarioId === scenario.id);
    const matched = own.flatMap((signal): MatchedSignal[] => {
      const outcome = outcomeOf.get(signal.step.id);
      const strength = outcome ? statusStrength[outcome.status] ?? 0 : 0;
      return outcome && strength > 0 ? [{ outcome, weight: signal.weight, strength }] : [];
    });
    const score = round(matched.reduce((sum, m) => sum + m.weight * m.strength, 0));
    const possible = own.reduce((sum, s) => sum + s.weight, 0);
    return { order, match: { scenario, score, coverage: possible ? round(score / possible) : 0, signals: own.length, matched } };
  });
  return matches
    .filter(({ match }) => match.matched.length > 0)
    .sort((a, b) => b.match.coverage - a.match.coverage || b.match.score - a.match.score || severityRank(b.match.scenario) - severityRank(a.match.scenario) || a.order - b.order)
    .map(({ match }) => match);
}
