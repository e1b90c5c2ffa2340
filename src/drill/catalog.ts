import { drillDifficulties, type Briefing } from '../sandbox/world/briefing';
import { readWorldHeader, worldsDir, type WorldHeader } from '../sandbox/world/load-world';

/**
 * Each drill's world. A drill is named by what the trainee would see (the alert), never by its world,
 * whose name states the cause.
 */
export const drillWorlds = {
  'glue-job-failed-1': 'glue-corrupt-json',
  'glue-job-failed-2': 'glue-schema-drift',
  'glue-job-failed-3': 'glue-oom',
  'sfn-execution-failed-1': 'sfn-iam-denied',
  'sfn-execution-failed-2': 'sfn-glue-job-misconfigured',
  'state-machine-changed-1': 'sfn-no-retry',
  'external-table-stale-1': 's3-notifications-missing',
  'external-table-stale-2': 'storage-integration-disabled',
  'external-table-stale-3': 'auto-refresh-off',
  'dbt-test-failed-1': 'dbt-unique-test-fail',
  'dbt-test-failed-2': 'dbt-upstream-staging-error',
  'dag-run-failed-1': 'airflow-dbt-task-failed',
  'dag-run-failed-2': 'airflow-snowflake-unreachable',
  'dashboard-data-old-1': 'airflow-stale-data',
  'terraform-apply-failed-1': 'terraform-drift',
  'terraform-apply-failed-2': 'terraform-destroys-protected',
  'terraform-apply-failed-3': 'terraform-ci-access-denied',
  'terraform-apply-failed-4': 'terraform-stale-lock',
  'posture-review-1': 'no-glue-failure-alert',
  'posture-review-2': 'sfn-failures-unmonitored',
} as const satisfies Record<string, string>;

/** The name of a drill. */
export type DrillName = keyof typeof drillWorlds;

/** A drill: its name, its world (kept from the trainee until the answer) and the world's briefing and expectations. */
export interface Drill {
  name: DrillName;
  world: string;
  briefing: Briefing;
  /** The world's `expect`: which steps pass and fail in it. */
  expect: NonNullable<WorldHeader['expect']>;
  description: string;
}

/** A drill name that does not exist; lists the ones that do. */
export class UnknownDrillError extends Error {
  override name = 'UnknownDrillError';
  constructor(readonly drill: string) {
    super(`Unknown drill "${drill}", expected one of: ${Object.keys(drillWorlds).join(', ')} (npm run drill lists them)`);
  }
}

/** Loads a drill's world header; a world without a briefing or an expectation cannot be a drill. */
function loadDrill(name: DrillName, dir: string): Drill {
  const world = drillWorlds[name];
  const header = readWorldHeader(world, dir);
  if (!header.briefing || !header.expect) throw new Error(`world "${world}" of drill ${name} needs a briefing and an expect map in its world.json`);
  return { name, world, briefing: header.briefing, expect: header.expect, description: header.description };
}

/** Every drill, easiest first (by difficulty, then name). */
export function loadDrills(dir = worldsDir): Drill[] {
  const rank = (drill: Drill) => drillDifficulties.indexOf(drill.briefing.difficulty);
  return (Object.keys(drillWorlds) as DrillName[]).map((name) => loadDrill(name, dir)).sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, 'en', { numeric: true }));
}

/** The drill of that name, or an UnknownDrillError listing the names. */
export function findDrill(name: string, dir = worldsDir): Drill {
  if (!Object.hasOwn(drillWorlds, name)) throw new UnknownDrillError(name);
  return loadDrill(name as DrillName, dir);
}
