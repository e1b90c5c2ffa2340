import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import causeCorruptJson from '../checks/glue/cause-corrupt-json';
import failedJobRun from '../checks/glue/failed-job-run';
import inputDataFormat from '../checks/glue/input-data-format';
import inputSchema from '../checks/glue/input-schema';
import jobRunFailed from '../checks/glue/job-run-failed';
import runErrorLogs from '../checks/glue/run-error-logs';
import { resolveDateTemplates as dated } from '../src/sandbox/world/relative-time';
import { checkHarness as harness, evidenceOf, sandboxConfig } from './support/check-harness';

describe('sampling the raw input of the glue-oom world, whose prefix holds 100,000 objects', () => {
  let h: Awaited<ReturnType<typeof harness>>;
  beforeAll(async () => (h = await harness('glue-oom')));
  afterAll(() => h.close());

  it('lists, reads and transfers no more than the default caps, reports them, and warns that the cap kept the sample from the newest objects', async () => {
    h.sandbox.calls.clear();
    const result = await h.run(inputDataFormat);
    expect(result.status).toBe('warn');
    // The world's raw input sits under the day of now-2h (reviews/ingest={now-2h:YYYY-MM-DD}/ in its s3.json); the prefix holds no regex syntax.
    const prefix = `s3://arai-raw/${dated('reviews/ingest={now-2h:YYYY-MM-DD}/')}`;
    expect(result.summary).toMatch(new RegExp(`may have missed the newest objects: listed 1000 objects, read 5 \\(\\d+ bytes\\); sampled the first 1000 keys under ${prefix} in key order`));
    const s3 = h.sandbox.calls.all().filter((c) => c.service === 's3');
    const lists = s3.filter((c) => c.operation === 'ListObjectsV2');
    const gets = s3.filter((c) => c.operation === 'GetObject');
    const caps = { maxObjectsListed: 1000, maxObjectsRead: 5, maxBytesPerObject: 65536, maxBytesRead: 262144 };
    expect(lists.length).toBeLessThanOrEqual(Math.ceil(caps.maxObjectsListed / 1000));
    expect(gets.length).toBeLessThanOrEqual(caps.maxObjectsRead);
    expect(gets.reduce((sum, c) => sum + c.bytesOut, 0)).toBeLessThanOrEqual(caps.maxBytesRead);
    expect(evidenceOf(result, 'sample')).toMatchObject({ objectsListed: 1000, listingTruncated: true, reachedNewest: false, objectsRead: 5, caps });
    expect(h.sandbox.calls.mutations()).toEqual([]);
  });

  it('holds tighter caps too: a byte cap smaller than an object cuts the read short and says so', async () => {
    h.sandbox.calls.clear();
    const env = { ...sandboxConfig, rawInput: { schema: 'mcauley-2018' as const, maxObjectsListed: 2500, maxObjectsRead: 3, maxBytesPerObject: 200, maxBytesRead: 500 } };
    const result = await h.run(inputDataFormat, { env });
    const s3 = h.sandbox.calls.all().filter((c) => c.service === 's3');
    const gets = s3.filter((c) => c.operation === 'GetObject');
    expect(s3.filter((c) => c.operation === 'ListObjectsV2')).toHaveLength(3);
    expect(gets).toHaveLength(3);
    expect(gets.every((c) => c.bytesOut <= 200)).toBe(true);
    expect(gets.reduce((sum, c) => sum + c.bytesOut, 0)).toBeLessThanOrEqual(500);
    expect(result.status).toBe('warn');
    expect(result.summary).toContain('raise rawInput.maxBytesPerObject');
  });

  it('names the OOM signatures and the exception class in the logs', async () => {
    const result = await h.run(runErrorLogs);
    expect(result.status).toBe('fail');
    expect(evidenceOf(result, 'known signatures')).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'java-oom', cause: 'memory' }), expect.objectContaining({ id: 'yarn-memory-limit' })]));
    expect((evidenceOf(result, 'exception classes') as Array<{ name: string }>)[0]!.name).toBe('java.lang.OutOfMemoryError');
  });
});

describe('the glue-corrupt-json world', () => {
  let h: Awaited<ReturnType<typeof harness>>;
  beforeAll(async () => (h = await harness('glue-corrupt-json')));
  afterAll(() => h.close());

  it('3.1.3 names the object key and line of every corrupt line in the sample', async () => {
    const result = await h.run(inputDataFormat);
    expect(result.status).toBe('fail');
    const corrupt = evidenceOf(result, 'corrupt lines') as Array<{ key: string; line: number }>;
    expect(corrupt.map((c) => `${c.key}:${c.line}`)).toEqual([3, 5, 7].map((line) => `reviews/ingest=${dated('{now-2h:YYYY-MM-DD}')}/part-00001.json:${line}`));
    expect(result.summary).toContain('part-00001.json line 3');
  });

  it('ranks corrupt JSON first, with the full ranking as evidence', async () => {
    const result = await h.run(causeCorruptJson);
    expect(result.status).toBe('fail');
    const ranking = evidenceOf(result, 'ranking') as Array<{ rank: number; cause: string; score: number }>;
    expect(ranking.map((r) => r.cause)).toEqual(['Corrupt JSON', 'Schema mismatch', 'Memory configuration too low']);
    expect(ranking[1]!.score).toBe(0);
  });

  it('3.1.1 gives the Glue console link of the failed run and its error message', async () => {
    const result = await h.run(failedJobRun);
    expect(result.status).toBe('pass');
    expect(result.links[0]!.url).toBe('https://eu-west-1.console.aws.amazon.com/gluestudio/home?region=eu-west-1#/job/arai-raw-to-processed/run/jr_c0ffee0e1d2c3b4a5968778695a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6');
    expect(evidenceOf(result, 'error message')).toContain('Malformed records are detected');
  });
});

describe('the glue-schema-drift world', () => {
  let h: Awaited<ReturnType<typeof harness>>;
  beforeAll(async () => (h = await harness('glue-schema-drift')));
  afterAll(() => h.close());

  it('3.1.4 reports the missing and unexpected fields against the 2018 format, with where each was first seen', async () => {
    const result = await h.run(inputSchema);
    expect(result.status).toBe('fail');
    const missing = evidenceOf(result, 'missing fields') as Array<{ field: string; records: number; first: { key: string; line: number } }>;
    expect(missing.map((m) => m.field)).toEqual(['overall', 'verified', 'reviewTime', 'reviewerID', 'summary', 'unixReviewTime']);
    expect(missing[0]).toMatchObject({ records: 8, first: { key: `reviews/ingest=${dated('{now-2h:YYYY-MM-DD}')}/part-00000.json`, line: 1 } });
    expect((evidenceOf(result, 'unexpected fields') as Array<{ field: string }>).map((u) => u.field)).toContain('user_id');
  });

  it('passes the same input when the configured schema is the 2023 format', async () => {
    const result = await h.run(inputSchema, { env: { ...sandboxConfig, rawInput: { ...sandboxConfig.rawInput!, schema: 'mcauley-2023' } } });
    expect(result.status, result.summary).toBe('pass');
  });
});

describe('finding the failed run', () => {
  let h: Awaited<ReturnType<typeof harness>>;
  beforeAll(async () => (h = await harness('healthy')));
  afterAll(() => h.close());

  it('passes the symptom and skips the diagnosis when nothing failed in the look-back window', async () => {
    expect((await h.run(jobRunFailed)).status).toBe('pass');
    expect(await h.run(failedJobRun)).toMatchObject({ status: 'skip', summary: expect.stringContaining('no failed run of arai-raw-to-processed in the last 24h') });
  });

  it('inspects the run --param jobRunId names, even one that succeeded', async () => {
    const result = await h.run(failedJobRun, { params: { jobRunId: 'jr_7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b' } });
    expect(result.status).toBe('pass');
    expect(evidenceOf(result, 'job run')).toMatchObject({ job: 'arai-raw-to-processed', state: 'SUCCEEDED' });
  });

  it('reports error, never a healthy symptom, when --param jobRunId names a run that does not exist', async () => {
    const params = { jobRunId: 'jr_does_not_exist' };
    expect(await h.run(jobRunFailed, { params })).toMatchObject({ status: 'error', summary: expect.stringContaining('no job run jr_does_not_exist') });
    expect(await h.run(failedJobRun, { params })).toMatchObject({ status: 'error', error: { name: 'JobRunNotFoundError' } });
  });

  it('fails when a configured job does not exist', async () => {
    const env = { ...sandboxConfig, pipeline: { ...sandboxConfig.pipeline!, glueJobs: ['arai-gone'] } };
    expect(await h.run(jobRunFailed, { env })).toMatchObject({ status: 'fail', summary: 'Glue job arai-gone does not exist' });
  });

  it('skips with the missing setting named when the environment has no pipeline', async () => {
    const { pipeline: _pipeline, ...env } = sandboxConfig;
    expect(await h.run(jobRunFailed, { env })).toMatchObject({ status: 'skip', summary: expect.stringContaining('environments.sandbox.pipeline.glueJobs') });
  });
});
