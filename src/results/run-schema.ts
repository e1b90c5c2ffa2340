import * as z from 'zod';
import { reportVersion, severities, statuses, type JsonValue } from '../model';
import { builtOnce } from '../util/built-once';
import { storedRunVersion } from './stored-run';

const jsonValue = builtOnce(
  (): z.ZodType<JsonValue> => z.lazy(() => z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(jsonValue()), z.record(z.string(), jsonValue())])),
);

const outcomeSchema = builtOnce(() =>
  z.looseObject({
    step: z.string(),
    scenario: z.string(),
    role: z.enum(['action', 'symptom', 'cause', 'check', 'note']),
    text: z.string(),
    check: z.string().nullable(),
    kind: z.enum(['check', 'action']).nullable(),
    durationMs: z.number(),
    status: z.enum(statuses),
    summary: z.string(),
    evidence: z.array(z.object({ label: z.string(), value: jsonValue() })),
    links: z.array(z.object({ label: z.string(), url: z.string() })),
  }),
);

/** The result document (RunReport) as the store accepts it: loose objects, so later fields pass through. */
export const runReportSchema = builtOnce(() =>
  z.looseObject({
    version: z.literal(reportVersion),
    environment: z.string(),
    world: z.string().nullable(),
    selection: z.array(z.string()),
    scenarios: z.array(z.looseObject({ id: z.string(), title: z.string(), severity: z.enum(severities).nullable() })),
    fix: z.boolean(),
    startedAt: z.iso.datetime(),
    durationMs: z.number(),
    // Keys are statuses; any string, so runs saved before a status was added still read.
    totals: z.record(z.string(), z.number()),
    results: z.array(outcomeSchema()),
  }),
);

/** A stored run entry of the supported version (see StoredRun). */
export const runSchema = builtOnce(() =>
  z.looseObject({
    version: z.literal(storedRunVersion),
    id: z.string().min(1),
    startedAt: z.iso.datetime(),
    durationMs: z.number(),
    environment: z.string(),
    world: z.string().nullable(),
    sandbox: z.boolean(),
    commit: z.string().nullable(),
    command: z.array(z.string()),
    user: z.string(),
    report: runReportSchema(),
  }),
);
