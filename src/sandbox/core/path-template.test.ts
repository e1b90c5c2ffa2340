import { describe, expect, it } from 'vitest';
import { compileTemplate, fillTemplate, matchTemplate } from './path-template';

describe('OpenAPI path templates', () => {
  const template = compileTemplate('/dags/{dag_id}/dagRuns/{dag_run_id}');

  it('match one segment per parameter and decode it', () => {
    expect(matchTemplate(template, '/dags/d1/dagRuns/scheduled__2026-11-25T00%3A00%3A00%2B00%3A00')).toEqual({ dag_id: 'd1', dag_run_id: 'scheduled__2026-11-25T00:00:00+00:00' });
    expect(matchTemplate(template, '/dags/d1/dagRuns')).toBeNull();
    expect(matchTemplate(template, '/dags/d1/dagRuns/r1/taskInstances')).toBeNull();
  });

  it('fill back to a path the template matches, and refuse a missing value', () => {
    const path = fillTemplate(template.template, { dag_id: 'a b', dag_run_id: 'x/y' });
    expect(path).toBe('/dags/a%20b/dagRuns/x%2Fy');
    expect(matchTemplate(template, path)).toEqual({ dag_id: 'a b', dag_run_id: 'x/y' });
    expect(() => fillTemplate(template.template, { dag_id: 'a' })).toThrow(/\{dag_run_id\}/);
  });
});
