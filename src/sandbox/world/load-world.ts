import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { faultSchema } from '../faults/schema';
import { policyDocumentSchema } from '../iam/state';
import { briefingSchema } from './briefing';
import { mergePatch } from './merge-patch';
import { resolveRelativeTimes } from './relative-time';
import { WorldError } from './world-error';

/** The folder that holds the shipped worlds, one folder per world. */
export const worldsDir = path.join(__dirname, '..', 'worlds');

const stepStatus = z.enum(['pass', 'fail', 'warn', 'skip']);
const stepStatuses = z.record(z.string().regex(/^\d+\.\d+(?:\.\w+)?$/, 'expected a step id such as 3.1.5 or 6.2'), stepStatus);

/** One call of a repair, made through the service's own API (the AWS SDK command, or a file of the dbt project). */
const repairCallSchema = z.strictObject({
  service: z.enum(['s3', 'dynamodb', 'glue', 'iam', 'sfn', 'logs', 'dbt']),
  /** The SDK's operation name (`PutObject`, `DeleteItem`); `WriteFile` for the dbt project on disk. */
  operation: z.string().regex(/^[A-Z][A-Za-z0-9]+$/, 'expected an operation name such as PutObject'),
  input: z.record(z.string(), z.unknown()),
});

/**
 * What a drill sees after applying the world's action: with the cause still there (the re-run fails again), and,
 * when the cause can be repaired through the services' APIs, after that repair and the action once more.
 */
const afterFixSchema = z
  .strictObject({
    /** The action step (`3.1.5`), applied with --fix. */
    action: z.string().regex(/^\d+\.\d+\.\w+$/, 'expected a step id such as 3.1.5'),
    /** The scenario's steps after the action while the cause is still there. */
    expect: stepStatuses,
    /** How the cause is repaired, in order; absent where no API of the sandbox can repair it. */
    repair: z.strictObject({ description: z.string().min(1), calls: z.array(repairCallSchema).min(1) }).optional(),
    /** The scenario's steps after the repair and the action applied again. */
    afterRepair: stepStatuses.optional(),
  })
  .refine((value) => !value.repair === !value.afterRepair, { message: 'repair and afterRepair go together' })
  .refine((value) => Object.values(value.expect).includes('fail'), { message: 'expect must keep a step failing: an action applied while the cause is there does not turn the scenario green' });

const worldHeaderSchema = z.strictObject({
  description: z.string().min(1),
  /** The world this one patches, section by section (JSON merge patch). */
  extends: z.string().min(1).optional(),
  /** For drills: which steps should fail in this world. Never read by the sandbox's services. */
  expect: z.record(z.string(), z.enum(['pass', 'fail', 'warn', 'skip'])).optional(),
  /** Faults the sandbox injects while this world is loaded (latency, broken answers); not inherited by worlds that extend it. */
  faults: z.array(faultSchema).optional(),
  /**
   * An IAM policy the sandbox enforces for the caller while this world is loaded: an AWS call it does not allow is
   * answered AccessDenied in the service's wire shape. Not inherited by worlds that extend it; `--caller-policy` wins.
   */
  callerPolicy: policyDocumentSchema.optional(),
  /**
   * Posture worlds stage a best practice broken (sections 5 and 6), which a scheduled posture run finds, not an alert: no
   * drill plays them. Never read by the sandbox's services.
   */
  posture: z.literal(true).optional(),
  /** For drills: the alert, difficulty, starting tool and hints a trainee gets. Never read by the sandbox's services. */
  briefing: briefingSchema.optional(),
  /** For tests and drills: the scenario after the world's action is applied, and after its cause is repaired. Never read by the sandbox's services. */
  afterFix: afterFixSchema.optional(),
});

/** A call of a world's repair. */
export type RepairCall = z.infer<typeof repairCallSchema>;

/** A world's header: what it stages, what it extends. */
export type WorldHeader = z.infer<typeof worldHeaderSchema>;

/** A loaded world: its header and one JSON section per service, relative times resolved. */
export interface World {
  name: string;
  header: WorldHeader;
  sections: Record<string, unknown>;
}

export { WorldError } from './world-error';

/** The names of the worlds in a folder, sorted. */
export function listWorlds(dir = worldsDir): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, 'world.json')))
    .map((entry) => entry.name)
    .sort();
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new WorldError(`${file}: ${(error as Error).message}`, { cause: error });
  }
}

/** Reads and validates a world's header (its world.json) without loading its sections. */
export function readWorldHeader(name: string, dir = worldsDir): WorldHeader {
  const folder = path.join(dir, name);
  if (!/^[\w-]+$/.test(name) || !existsSync(path.join(folder, 'world.json'))) {
    throw new WorldError(`Unknown world "${name}", expected one of: ${listWorlds(dir).join(', ')}`);
  }
  const parsed = worldHeaderSchema.safeParse(readJson(path.join(folder, 'world.json')));
  if (!parsed.success) {
    throw new WorldError(`${path.join(folder, 'world.json')}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}

function loadRaw(name: string, dir: string, seen: string[]): { header: WorldHeader; sections: Record<string, unknown> } {
  if (seen.includes(name)) throw new WorldError(`World "${name}" extends itself: ${[...seen, name].join(' → ')}`);
  const header = readWorldHeader(name, dir);
  const folder = path.join(dir, name);
  const base = header.extends ? loadRaw(header.extends, dir, [...seen, name]).sections : {};
  const sections: Record<string, unknown> = { ...base };
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.json') && f !== 'world.json').sort()) {
    const section = file.replace(/\.json$/, '');
    sections[section] = mergePatch(base[section], readJson(path.join(folder, file)));
  }
  return { header, sections };
}

/** Loads a world by name, applying what it extends, with relative times resolved against `now`. */
export function loadWorld(name: string, now: Date, dir = worldsDir): World {
  const { header, sections } = loadRaw(name, dir, []);
  // A repair names what the world holds (`reviews/ingest={now-2h:YYYY-MM-DD}/…`): its times resolve as the sections' do.
  const resolvedHeader = header.afterFix?.repair ? { ...header, afterFix: { ...header.afterFix, repair: resolveRelativeTimes(header.afterFix.repair, now) as typeof header.afterFix.repair } } : header;
  return { name, header: resolvedHeader, sections: resolveRelativeTimes(sections, now) as Record<string, unknown> };
}
