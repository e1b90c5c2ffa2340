import { z } from 'zod';

/** The results store (`.runbook/results/runs/`): how many runs it keeps before the oldest are removed. */
export const resultsSchema = z.strictObject({
  /** The most runs kept; saving one more removes the oldest. History and the site read what is kept. */
  keepRuns: z.number().int().positive().max(100_000).default(500),
});

/** Settings of the results store. */
export type ResultsConfig = z.infer<typeof resultsSchema>;
