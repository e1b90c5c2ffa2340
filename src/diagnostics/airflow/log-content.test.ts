import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { hasRealArtifacts, readRealJson, realArtifactsSkipMessage } from '../stepfunctions/real-artifacts.test-support';
import { logExcerpt } from './log-excerpt';
import { parseLogContent } from './log-content';

describe('Airflow 2 log content (REST v1)', () => {
  it('a text log is split into records with their timestamp and level', () => {
    const { lines, continuationToken } = parseLogContent({ content: 'worker-0\n*** Found local files:\n[2026-01-01T00:00:00.000+0000] {subprocess.py:93} ERROR - Database Error\n', continuation_token: 'x' });
    expect(lines).toEqual([
      { timestamp: null, level: null, text: 'worker-0' },
      { timestamp: null, level: null, text: '*** Found local files:' },
      { timestamp: '2026-01-01T00:00:00.000+0000', level: 'error', text: 'Database Error' },
    ]);
    expect(continuationToken).toBe('x');
  });

  it('a line without the [time] {file} LEVEL prefix continues the record above, as structured events do', () => {
    const { lines } = parseLogContent({ content: '[2026-01-01T00:00:00.000+0000] {subprocess.py:93} ERROR - Encountered an error:\nCompilation Error\n  Run "dbt deps"\n[2026-01-01T00:00:01.000+0000] {subprocess.py:97} INFO - exit 2' });
    expect(lines).toEqual([
      { timestamp: '2026-01-01T00:00:00.000+0000', level: 'error', text: 'Encountered an error:\nCompilation Error\n  Run "dbt deps"' },
      { timestamp: '2026-01-01T00:00:01.000+0000', level: 'info', text: 'exit 2' },
    ]);
  });

  it("the single-quoted tuple repr Airflow's own endpoint test expects is unwrapped (apache/airflow tests/api_connexion/endpoints/test_log_endpoint.py)", () => {
    const content = "[('localhost', '*** Found local files:\\n***   * /root/airflow/logs/dag_id=TEST_DAG_ID/run_id=TEST_DAG_RUN_ID/task_id=TEST_TASK_ID/attempt=1.log\\nLog for testing.')]";
    expect(parseLogContent({ content }).lines.map((l) => l.text)).toEqual(['*** Found local files:', '***   * /root/airflow/logs/dag_id=TEST_DAG_ID/run_id=TEST_DAG_RUN_ID/task_id=TEST_TASK_ID/attempt=1.log', 'Log for testing.']);
  });

  it('the tuples of several hosts are all read, with Python escapes decoded and colours stripped', () => {
    const content = "[('worker-0', '[2021-01-01 00:00:00,000] {taskinstance.py:1} INFO - one\\n'), ('worker-1', \"[2021-01-01 00:00:01,000] {taskinstance.py:2} ERROR - it's \\x1b[31mred\\x1b[0m \\\\ \\u2014 done\")]";
    expect(parseLogContent({ content }).lines).toEqual([
      { timestamp: '2021-01-01 00:00:00,000', level: 'info', text: 'one' },
      { timestamp: '2021-01-01 00:00:01,000', level: 'error', text: "it's red \\ — done" },
    ]);
  });

  it('content that starts like a repr but is cut short is still read as text, not dropped', () => {
    const { lines } = parseLogContent({ content: "[('worker-0', '[2021-01-01 00:00:00,000] {x.py:1} ERROR - boom" });
    expect(lines).toEqual([{ timestamp: null, level: null, text: "[('worker-0', '[2021-01-01 00:00:00,000] {x.py:1} ERROR - boom" }]);
  });
});

describe.skipIf(!hasRealArtifacts)(`a real Airflow 2 log response (${hasRealArtifacts ? 'airflow/airflow2_get_log_tuple_repr__flowrs_test_real_airflow_log.json' : realArtifactsSkipMessage})`, () => {
  it('reads the double-quoted tuple repr into records with timestamp, level and text', () => {
    const body = readRealJson('airflow/airflow2_get_log_tuple_repr__flowrs_test_real_airflow_log.json');
    expect(parseLogContent(body).lines).toEqual([
      { timestamp: null, level: null, text: '*** Found local files:' },
      { timestamp: null, level: null, text: '***   * /opt/airflow/logs/dag.log' },
      { timestamp: '2025-10-12T01:24:16.754+0000', level: 'info', text: 'Pre task' },
    ]);
  });
});

const python = (() => {
  try {
    execFileSync('python3', ['-c', 'pass'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe.skipIf(!python)(`tuple reprs written by Python itself, as Airflow 2 writes content with str() (${python ? 'python3 on PATH' : 'skipped: no python3 on PATH'})`, () => {
  const texts = [
    "[2024-05-01T10:00:00.000+0000] {subprocess.py:93} INFO - Database Error in model stg_reviews (models/staging/stg_reviews.sql)\n  column \"reviewerID\" doesn't exist",
    'only "double" quotes\tand a tab',
    "both ' and \" quotes, a backslash \\ and a bell \x07",
    'unicode: naïve — ✓ 😀, control \x1b[31mred\x1b[0m, CR\r\nnext',
  ];

  it.each(texts.map((text, index) => [index, text]))('text %i comes back exactly, quoted however Python chose', (_index, text) => {
    const content = execFileSync('python3', ['-c', 'import json,sys; print(str([("worker-0", json.load(sys.stdin))]), end="")'], { input: JSON.stringify(text), encoding: 'utf8' });
    const { lines } = parseLogContent({ content, continuation_token: null });
    const expected = parseLogContent({ content: [text] }).lines;
    expect(lines).toEqual(expected);
    expect(lines.length).toBeGreaterThan(0);
  });

  it('Python picks double quotes for a text holding a single quote, and single quotes otherwise', () => {
    const repr = (text: string) => execFileSync('python3', ['-c', 'import json,sys; print(repr(json.load(sys.stdin)), end="")'], { input: JSON.stringify(text), encoding: 'utf8' });
    expect(repr("it's")).toBe('"it\'s"');
    expect(repr('plain')).toBe("'plain'");
  });
});

describe('Airflow 3 log content (REST v2)', () => {
  it('structured messages drop the source group markers and keep event, level and timestamp; strings are text logs', () => {
    const { lines } = parseLogContent({ content: [{ event: '::group::Log message source details', sources: ['/x.log'], timestamp: null }, { event: '::endgroup::' }, { event: 'boom', level: 'error', timestamp: '2026-01-01T00:00:00Z', logger: 'task' }, 'plain string line'] });
    expect(lines).toEqual([
      { timestamp: '2026-01-01T00:00:00Z', level: 'error', text: 'boom' },
      { timestamp: null, level: null, text: 'plain string line' },
    ]);
  });

  it('a failure message carries the exception from error_detail, so the excerpt names it', () => {
    const { lines } = parseLogContent({
      content: [
        { timestamp: '2026-09-29T00:41:07.120511Z', level: 'info', logger: 'task', event: 'Loading orders' },
        { timestamp: '2026-09-29T00:43:55.004Z', level: 'error', logger: 'task', event: 'Task failed with exception', error_detail: [{ exc_type: 'ValueError', exc_value: 'order 88123 has no customer_id', syntax_error: null, is_cause: false, frames: [{ filename: '/opt/airflow/dags/etl.py', lineno: 42, name: 'load' }] }] },
      ],
    });
    expect(lines[1]).toEqual({ timestamp: '2026-09-29T00:43:55.004Z', level: 'error', text: 'Task failed with exception\nValueError: order 88123 has no customer_id' });
    expect(logExcerpt(lines).errorLines).toEqual(['[2026-09-29T00:43:55.004Z] ERROR Task failed with exception\nValueError: order 88123 has no customer_id']);
  });
});
