import { describe, expect, it } from 'vitest';
import type { FaultSpec } from '../src/sandbox/faults/schema';
import { describeOutcomes, outcomeOf, runInWorld } from './support/project';

const fault = (service: string, operation: string, kind: 'empty-body' | 'html-page' | 'malformed-body'): FaultSpec => ({ service, operation, effect: { kind } });

/** Runs steps with one fault and returns the step's outcome, with the whole report for messages. */
async function stepUnder(world: string, step: string, faults: FaultSpec[]) {
  const report = await runInWorld(world, [step], { sandboxFaults: faults });
  return { outcome: outcomeOf(report, step), all: describeOutcomes(report) };
}

describe('a response that does not hold what it must is an error naming the service and operation, never "none found"', () => {
  // Each of these passed before: the SDK parsed the empty 200 as {}, and the check read the missing list as empty.
  it('an empty 200 from Step Functions ListExecutions: 3.1.s1 does not pass "no execution finished"', async () => {
    const { outcome, all } = await stepUnder('glue-corrupt-json', '3.1.s1', [fault('sfn', 'ListExecutions', 'empty-body')]);
    expect(outcome.status, all).toBe('error');
    expect(outcome.summary).toMatch(/Step Functions ListExecutions: the answer is an empty 200, expected JSON/);
  });

  it('a 200 of `{}` from Step Functions ListExecutions: the required executions list is absent, so 3.1.s1 cannot pass', async () => {
    const empty: FaultSpec = { service: 'sfn', operation: 'ListExecutions', effect: { kind: 'status', status: 200, body: '{}', headers: { 'content-type': 'application/x-amz-json-1.0' } } };
    const { outcome, all } = await stepUnder('glue-corrupt-json', '3.1.s1', [empty]);
    expect(outcome.status, all).toBe('error');
    expect(outcome.summary).toMatch(/Step Functions ListExecutions: the answer has no executions, which the operation always returns/);
  });

  it('an empty 200 from Glue GetJobRuns: 3.1.s2 does not pass "no failed run"', async () => {
    const { outcome, all } = await stepUnder('glue-corrupt-json', '3.1.s2', [fault('glue', 'GetJobRuns', 'empty-body')]);
    expect(outcome.status, all).toBe('error');
    expect(outcome.summary).toMatch(/Glue GetJobRuns: the answer is an empty 200/);
  });

  it('a 200 of `{}` from Glue GetJobRuns: JobRuns is absent (the model does not mark it required; AWS always sends it)', async () => {
    const empty: FaultSpec = { service: 'glue', operation: 'GetJobRuns', effect: { kind: 'status', status: 200, body: '{}', headers: { 'content-type': 'application/x-amz-json-1.1' } } };
    const { outcome, all } = await stepUnder('glue-corrupt-json', '3.1.s2', [empty]);
    expect(outcome.status, all).toBe('error');
    expect(outcome.summary).toMatch(/Glue GetJobRuns: the answer has no JobRuns/);
  });

  it('an AWS answer that is not JSON names the operation and what was wrong', async () => {
    const { outcome, all } = await stepUnder('glue-corrupt-json', '3.1.s1', [fault('sfn', 'ListExecutions', 'malformed-body')]);
    expect(outcome.status, all).toBe('error');
    expect(outcome.summary).toMatch(/Step Functions ListExecutions: the answer is not valid JSON/);
  });

  it('an HTML sign-in page from S3 where XML was expected', async () => {
    const { outcome, all } = await stepUnder('healthy', '3.3.1', [fault('s3', 'GetBucketNotificationConfiguration', 'html-page')]);
    expect(outcome.status, all).toBe('error');
    expect(outcome.summary).toMatch(/S3 GetBucketNotificationConfiguration: the answer is text\/html \(a sign-in or proxy page\?\), expected XML/);
  });

  it('an HTML sign-in page in place of a GitHub job log: 3.6.4 does not pass and 3.6.1 quotes no HTML', async () => {
    const report = await runInWorld('terraform-stale-lock', ['3.6.1', '3.6.4'], { sandboxFaults: [fault('github', 'DownloadJobLogsForWorkflowRun', 'html-page')] });
    for (const step of ['3.6.1', '3.6.4']) {
      const outcome = outcomeOf(report, step);
      expect(outcome.status, describeOutcomes(report)).toBe('error');
      expect(outcome.summary).toMatch(/GitHub GET \/repos\/\{owner\}\/\{repo\}\/actions\/jobs\/\{job_id\}\/logs: the answer is text\/html \(a sign-in or proxy page\?\), expected the job log as text/);
      expect(JSON.stringify(outcome)).not.toMatch(/<html|Sign in to continue/i);
    }
  });

  it('an HTML sign-in page in place of an Airflow task log: 3.5.2 does not read it as a log of one line', async () => {
    const { outcome, all } = await stepUnder('airflow-dbt-task-failed', '3.5.2', [fault('airflow', 'GetLog', 'html-page')]);
    expect(outcome.status, all).toBe('error');
    expect(outcome.summary).toMatch(/Airflow GetLog: the answer is text\/html \(a sign-in or proxy page\?\), expected the task log/);
  });

  it('an Airflow answer that is not JSON where JSON was expected', async () => {
    const { outcome, all } = await stepUnder('airflow-dbt-task-failed', '3.5.s1', [fault('airflow', 'GetDagRuns', 'malformed-body')]);
    expect(outcome.status, all).toBe('error');
    expect(outcome.summary).toMatch(/Airflow GetDagRuns: the answer is not valid JSON/);
  });

  it('a GitHub answer that is not JSON where JSON was expected', async () => {
    const { outcome, all } = await stepUnder('terraform-stale-lock', '3.6.s1', [fault('github', 'ListWorkflowRuns', 'malformed-body')]);
    expect(outcome.status, all).toBe('error');
    expect(outcome.summary).toMatch(/GitHub GET \/repos\/\{owner\}\/\{repo\}\/actions\/workflows\/\{workflow_id\}\/runs: the answer is not valid JSON/);
  });
});
