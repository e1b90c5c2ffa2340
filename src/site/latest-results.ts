import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as z from 'zod';
import { isWebLink, reportVersion, statuses, type JsonValue } from '../model';
import { latestReportPath } from '../reporters/locations';
import { evidenceText } from './evidence-text';
import type { StepResultView } from './step-view';

const jsonValue: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(jsonValue), z.record(z.string(), jsonValue)]),
);

const reportSchema = z.looseObject({
  version: z.literal(reportVersion),
  environment: z.string(),
  world: z.string().nullable(),
  startedAt: z.string(),
  results: z.array(
    z.looseObject({
      step: z.string(),
      check: z.string().nullable(),
      status: z.enum(statuses),
      summary: z.string(),
      evidence: z.array(z.object({ label: z.string(), value: jsonValue })),
      links: z.array(z.object({ label: z.string(), url: z.string() })).optional(),
    }),
  ),
});

/** The last result of one step, with the check that produced it (a result of another check is stale). */
export interface LatestResult {
  check: string | null;
  view: StepResultView;
}

/** The step results of the last run, by step id, or why they could not be read. */
export interface LatestResults {
  byStep: Map<string, LatestResult>;
  /** Set when the result document exists but is unreadable or of another version. */
  problem?: string;
}

/** Reads `.runbook/results/latest.json` under `root`; a missing document means no results yet. */
export function readLatestResults(root: string, file = latestReportPath): LatestResults {
  const byStep = new Map<string, LatestResult>();
  let text: string;
  try {
    text = readFileSync(path.resolve(root, file), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { byStep };
    return { byStep, problem: `${file}: ${(error as Error).message}` };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { byStep, problem: `${file}: not JSON: ${(error as Error).message}` };
  }
  const parsed = reportSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { byStep, problem: `${file}: unexpected ${issue.path.join('.') || 'document'}: ${issue.message}, expected a result document of version ${reportVersion}` };
  }
  const report = parsed.data;
  for (const outcome of report.results) {
    byStep.set(outcome.step, {
      check: outcome.check,
      view: {
        status: outcome.status,
        summary: outcome.summary,
        evidence: outcome.evidence.map((item) => ({ label: item.label, value: evidenceText(item.value) })),
        links: (outcome.links ?? []).filter(isWebLink),
        environment: report.environment,
        world: report.world,
        startedAt: report.startedAt,
      },
    });
  }
  return { byStep };
}
