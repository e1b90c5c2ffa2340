import { header } from '../../core/http';
import type { AirflowOperation } from '../call';
import { findTask, isReply } from '../lookup';
import { notFound, reply } from '../replies';
import { structuredLogLine, textLogLine } from '../wire';

/**
 * `GET …/taskInstances/{task_id}/logs/{try_number}`: Airflow 2 answers the `(host, text)` text as JSON or, for
 * `Accept: text/plain`, as text; Airflow 3 answers structured messages as JSON or, for `application/x-ndjson`, one per line.
 */
export const readLog: AirflowOperation = (call) => {
  const operation = 'GetLog';
  const found = findTask(call, operation);
  if (isReply(found)) return found;
  const { dag, run, ti } = found;
  const tryNumber = call.params.task_try_number ?? call.params.try_number!;
  const lines = ti.logs[tryNumber];
  if (!lines || Number(tryNumber) < 1 || Number(tryNumber) > Math.max(ti.tryNumber, 1)) {
    return notFound(call.version, `Task instance did not exist in the DB or try ${tryNumber} has no log`, operation);
  }
  const token = Buffer.from(JSON.stringify({ end_of_log: true, log_pos: lines.length })).toString('base64url');
  const accept = header(call.request, 'accept') ?? '*/*';
  const file = `/opt/airflow/logs/dag_id=${dag.dagId}/run_id=${run.runId}/task_id=${ti.taskId}/attempt=${tryNumber}.log`;
  if (call.version === 'v1') {
    const text = `${ti.hostname}\n*** Found local files:\n***   * ${file}\n${lines.map(textLogLine).join('\n')}\n`;
    if (accept.includes('text/plain')) return { response: { status: 200, headers: { 'content-type': 'text/plain' }, body: text }, call: { operation, mutates: false } };
    return reply(200, { content: text, continuation_token: token }, operation);
  }
  const content = [{ event: '::group::Log message source details', sources: [file] }, { event: '::endgroup::' }, ...lines.map(structuredLogLine)];
  if (accept.includes('application/x-ndjson')) {
    const body = content.map((item) => JSON.stringify(item)).join('\n') + '\n';
    return { response: { status: 200, headers: { 'content-type': 'application/x-ndjson' }, body }, call: { operation, mutates: false } };
  }
  return reply(200, { content, continuation_token: token }, operation);
};
