import type { AirflowOperation } from '../call';
import { findDag, findDagRun, isReply } from '../lookup';
import { paginate } from '../page';
import { reply } from '../replies';
import type { DagRun } from '../state';
import { dagRunJson } from '../wire';

function sortRuns(runs: DagRun[], orderBy: string | null): DagRun[] {
  const field = (orderBy ?? 'id').replace(/^-/, '');
  const key = (run: DagRun) => (field === 'run_after' ? run.runAfter : field === 'start_date' ? run.startDate ?? '' : run.logicalDate ?? run.runAfter);
  const sorted = [...runs].sort((a, b) => key(a).localeCompare(key(b)));
  return orderBy?.startsWith('-') ? sorted.reverse() : sorted;
}

/**
 * `GET /dags/{dag_id}/dagRuns`: filtered by `state` (repeated or comma-separated), ordered by `order_by`, paged.
 * An unknown DAG is a 404 on v2; Airflow 2 filters by the id and answers an empty list.
 */
export const listDagRuns: AirflowOperation = (call) => {
  const dag = findDag(call, 'GetDagRuns');
  if (isReply(dag) && call.version === 'v2') return dag;
  const query = call.request.url.searchParams;
  const states = query.getAll('state').flatMap((s) => s.split(',')).filter(Boolean);
  const runs = isReply(dag) ? [] : dag.runs;
  const matching = sortRuns(runs.filter((run) => !states.length || states.includes(run.state)), query.get('order_by'));
  const page = paginate(matching, query, call.version, 'GetDagRuns');
  if ('refused' in page) return page.refused;
  return reply(200, { dag_runs: page.items.map((run) => dagRunJson(run, call.version)), total_entries: page.total }, 'GetDagRuns');
};

/** `GET /dags/{dag_id}/dagRuns/{dag_run_id}`. */
export const getDagRun: AirflowOperation = (call) => {
  const found = findDagRun(call, 'GetDagRun');
  return isReply(found) ? found : reply(200, dagRunJson(found.run, call.version), 'GetDagRun');
};
