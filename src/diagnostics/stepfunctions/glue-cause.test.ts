import { describe, expect, it } from 'vitest';
import { glueRunFromCause } from './glue-cause';
import { decodeJsonField } from './json-field';
import { hasRealArtifacts, readRealJson, realArtifactsSkipMessage } from './real-artifacts.test-support';

describe.skipIf(!hasRealArtifacts)(`a Glue JobRun in a task cause (${hasRealArtifacts ? 'the AWS CLI example of a failed run' : realArtifactsSkipMessage})`, () => {
  // The describe body runs even when skipped: read only when the artifacts are there.
  const { JobRuns } = hasRealArtifacts ? readRealJson<{ JobRuns: Array<Record<string, unknown>> }>('glue/awscli_example_get-job-runs_FAILED_AccessDenied.json') : { JobRuns: [] };
  const failedRun = JobRuns.find((run) => run.JobRunState === 'FAILED')!;

  it('is read from the JSON string real AWS sends and from the already-parsed object alike', () => {
    for (const cause of [JSON.stringify(failedRun), failedRun]) {
      const run = glueRunFromCause(cause)!;
      expect(run.id).toBe(failedRun.Id);
      expect(run.jobName).toBe('my-testing-job');
      expect(run.state).toBe('FAILED');
      expect(run.errorMessage).toContain('Access Denied (Service: Amazon S3');
    }
  });

  it('is read when wrapped as GetJobRun answers it', () => {
    expect(glueRunFromCause(JSON.stringify({ JobRun: failedRun }))?.id).toBe(failedRun.Id);
  });
});

describe('a cause that is not a Glue JobRun', () => {
  it('gives null for plain text, other JSON and nothing at all', () => {
    expect(glueRunFromCause('Intentional failure')).toBeNull();
    expect(glueRunFromCause('{"errorMessage":"x"}')).toBeNull();
    expect(glueRunFromCause(undefined)).toBeNull();
  });

  it('decodes payload fields without throwing on text that only looks like JSON', () => {
    expect(decodeJsonField('{not json')).toEqual({ value: '{not json', form: 'text' });
    expect(decodeJsonField('{"a":1}')).toEqual({ value: { a: 1 }, form: 'string' });
    expect(decodeJsonField({ a: 1 })).toEqual({ value: { a: 1 }, form: 'parsed' });
    expect(decodeJsonField(null)).toBeNull();
  });
});
