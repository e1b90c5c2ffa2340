import type { CheckResult } from '../model';
import { statuses } from '../model';

/** A verdict about one subject (a table, a job) of a check that looks at several. */
export interface SubjectVerdict {
  subject: string;
  result: CheckResult;
}

/**
 * Combines per-subject verdicts into one: the most urgent status wins (fail, error, warn, skip, pass),
 * summaries of that status are joined, and evidence is labelled by subject when there are several.
 */
export function combineVerdicts(parts: readonly SubjectVerdict[]): CheckResult {
  if (parts.length === 1) return parts[0]!.result;
  const worst = statuses.find((status) => parts.some((p) => p.result.status === status)) ?? 'pass';
  const leading = parts.filter((p) => p.result.status === worst);
  const summary = leading.map((p) => `${p.subject}: ${p.result.summary}`).join('; ');
  const evidence = parts.flatMap((p) => p.result.evidence.map((e) => ({ ...e, label: `${p.subject} · ${e.label}` })));
  const links = parts.flatMap((p) => p.result.links);
  const first = leading[0]!.result;
  if (first.status === 'error') return { ...first, summary, evidence, links };
  if (first.status === 'pass') return { status: 'pass', summary, evidence, links };
  return { status: first.status, reason: summary, summary, evidence, links } as CheckResult;
}
