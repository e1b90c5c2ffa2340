import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { logExcerpt } from './log-excerpt';
import { MalformedAirflowResponseError, parseDagRuns, parseTaskInstances } from './parse';

const realDir = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'real', 'airflow');
const present = existsSync(realDir);
type Spec = { components: { schemas: Record<string, { properties?: Record<string, { nullable?: boolean; anyOf?: unknown[] }>; required?: string[] }> } };
const spec = (file: string): Spec => parse(readFileSync(path.join(realDir, file), 'utf8')) as Spec;

describe.skipIf(!present)(`the Airflow specs in ../shared/real/airflow${present ? '' : ' (absent: skipped)'}`, () => {
  it('v1 (Airflow 2.10) defines every DAG run and task instance field the parser reads', () => {
    const schemas = spec('airflow2_stable_v1_trimmed.yaml').components.schemas;
    expect(Object.keys(schemas.DAGRun!.properties!)).toEqual(expect.arrayContaining(['dag_id', 'dag_run_id', 'state', 'logical_date', 'execution_date', 'start_date', 'end_date']));
    expect(Object.keys(schemas.TaskInstance!.properties!)).toEqual(expect.arrayContaining(['task_id', 'state', 'try_number', 'max_tries', 'map_index', 'operator', 'start_date', 'end_date', 'hostname']));
  });

  it('v2 (Airflow 3) requires run_after, keeps logical_date nullable and drops execution_date', () => {
    const schemas = spec('airflow3_api_v2_trimmed.yaml').components.schemas;
    const run = schemas.DAGRunResponse!;
    expect(run.required).toEqual(expect.arrayContaining(['dag_run_id', 'dag_id', 'run_after', 'state']));
    expect(run.properties!.execution_date).toBeUndefined();
    expect(JSON.stringify(run.properties!.logical_date)).toMatch(/nullable|null/);
    expect(schemas.TaskInstancesLogResponse!.required).toEqual(['content']);
  });
});

describe('parsing Airflow responses of both API versions', () => {
  it('a v1 DAG run takes its run time from execution_date', () => {
    const { runs } = parseDagRuns({ dag_runs: [{ dag_id: 'd', dag_run_id: 'r', state: 'failed', execution_date: '2026-01-01T00:00:00+00:00', logical_date: '2026-01-01T00:00:00+00:00', start_date: null, end_date: null }], total_entries: 1 });
    expect(runs[0]).toMatchObject({ runId: 'r', state: 'failed', logicalDate: '2026-01-01T00:00:00+00:00', runAfter: '2026-01-01T00:00:00+00:00' });
  });

  it('a v2 DAG run with a null logical date still has its run_after', () => {
    const { runs } = parseDagRuns({ dag_runs: [{ dag_id: 'd', dag_run_id: 'manual__x', state: 'success', logical_date: null, run_after: '2026-02-01T10:00:00Z', run_type: 'manual' }], total_entries: 1 });
    expect(runs[0]).toMatchObject({ logicalDate: null, runAfter: '2026-02-01T10:00:00Z', runType: 'manual' });
  });

  it('a task instance without a state (cleared, not yet scheduled) parses with state null', () => {
    expect(parseTaskInstances({ task_instances: [{ task_id: 't', state: null, try_number: 0 }], total_entries: 1 })[0]).toMatchObject({ taskId: 't', state: null, tryNumber: 0, mapIndex: -1 });
  });

  it('a response without the documented collection is a typed error naming the field', () => {
    expect(() => parseDagRuns({ runs: [] })).toThrow(MalformedAirflowResponseError);
    expect(() => parseDagRuns({ runs: [] })).toThrow(/dag_runs/);
  });

  it('the excerpt keeps error lines (dbt reports failures at INFO) and ignores a clean dbt summary', () => {
    const excerpt = logExcerpt([
      { timestamp: null, level: 'info', text: 'Done. PASS=9 WARN=0 ERROR=0 SKIP=0 TOTAL=9' },
      { timestamp: null, level: 'info', text: 'Failure in test unique_fct_reviews_review_id (models/marts/schema.yml)' },
      { timestamp: null, level: 'debug', text: 'Exception ignored while polling' },
    ]);
    expect(excerpt.errorLines).toEqual(['INFO Failure in test unique_fct_reviews_review_id (models/marts/schema.yml)']);
    expect(excerpt.totalLines).toBe(3);
  });
});
