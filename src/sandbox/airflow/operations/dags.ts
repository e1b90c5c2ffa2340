import type { AirflowOperation } from '../call';
import { dagDetailsJson, dagJson } from '../dag-wire';
import { findDag, isReply } from '../lookup';
import { paginate } from '../page';
import { reply } from '../replies';

/** `GET /dags`: the DAGs, by dag_id, filtered by `dag_id_pattern` (a substring, as Airflow's ILIKE) and `paused`, paged. */
export const listDags: AirflowOperation = (call) => {
  const query = call.request.url.searchParams;
  const pattern = query.get('dag_id_pattern')?.toLowerCase();
  const paused = query.get('paused');
  const dags = [...call.state.dags.values()]
    .filter((dag) => !pattern || dag.dagId.toLowerCase().includes(pattern))
    .filter((dag) => paused === null || String(dag.isPaused) === paused)
    .sort((a, b) => a.dagId.localeCompare(b.dagId));
  const page = paginate(dags, query, call.version, 'GetDags');
  if ('refused' in page) return page.refused;
  return reply(200, { dags: page.items.map((dag) => dagJson(dag, call.version, call.state.parsedAt)), total_entries: page.total }, 'GetDags');
};

/** `GET /dags/{dag_id}`. */
export const getDag: AirflowOperation = (call) => {
  const dag = findDag(call, 'GetDag');
  return isReply(dag) ? dag : reply(200, dagJson(dag, call.version, call.state.parsedAt), 'GetDag');
};

/** `GET /dags/{dag_id}/details`: the DAG with its schedule, start date, parameters and parsing details. */
export const getDagDetails: AirflowOperation = (call) => {
  const dag = findDag(call, 'GetDagDetails');
  return isReply(dag) ? dag : reply(200, dagDetailsJson(dag, call.version, call.state.parsedAt), 'GetDagDetails');
};
