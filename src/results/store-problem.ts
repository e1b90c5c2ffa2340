/** A store file the reader skipped: damaged (unreadable, not JSON, not a run) or of a version it does not know. */
export interface StoreProblem {
  kind: 'damaged' | 'unsupported';
  /** The file, relative to the project root (`.runbook/results/runs/20251126T015044123Z-3f9a1c.json`). */
  file: string;
  /** The run id the entry claims or its file name implies, when known. */
  entry: string | null;
  /** What was wrong, in words: `not JSON: …`, `version 2, this reader knows version 1`. */
  reason: string;
}

/** `file (run id): reason`, as a warning line or a notice on the site. */
export function formatStoreProblem(problem: StoreProblem): string {
  const entry = problem.entry ? ` (run ${problem.entry})` : '';
  const verb = problem.kind === 'unsupported' ? 'unsupported run entry' : 'skipped a damaged run entry';
  return `${problem.file}${entry}: ${verb}: ${problem.reason}`;
}
