import { z } from 'zod';

/** How hard a drill is, easiest first: the order the drill list and the course present them in. */
export const drillDifficulties = ['easy', 'medium', 'hard'] as const;

/** The tools a drill's briefing can tell a trainee to start with. */
export const drillTools = ['aws-cli', 'snowflake-sql', 'airflow-api', 'github-api', 'runbook-cli'] as const;

/**
 * What a trainee is told when the world is played as a drill: the alert as a monitoring system would
 * send it (the symptom, never the cause), the tool to start with, and hints from the scenario to the step.
 */
export const briefingSchema = z.strictObject({
  difficulty: z.enum(drillDifficulties),
  /** The alert an on-call engineer would receive. */
  alert: z.string().min(1),
  startWith: z.enum(drillTools),
  /** Graded hints: the first names the scenario, the last the step; none before the last names the step or the cause. */
  hints: z.array(z.string().min(1)).min(2),
});

/** A world's drill briefing. */
export type Briefing = z.infer<typeof briefingSchema>;
