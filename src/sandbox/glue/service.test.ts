import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EntityNotFoundException, GetJobCommand, GetJobRunCommand, GetJobRunsCommand, GetJobsCommand, ListCrawlersCommand, ListJobsCommand, paginateListJobs } from '@aws-sdk/client-glue';
import { startSandbox, type Sandbox } from '../sandbox';
import { sandboxSdkClients } from '../aws-json/sdk-clients.test-support';
import { resolveDateTemplates as dated } from '../world/relative-time';

let sandbox: Sandbox;
let glue: ReturnType<typeof sandboxSdkClients>['glue'];

beforeAll(async () => {
  sandbox = await startSandbox({ world: 'healthy' });
  glue = sandboxSdkClients(sandbox.url).glue;
});
afterAll(async () => {
  glue?.destroy();
  await sandbox.stop();
});

describe('the Glue sandbox speaks awsJson1_1 to the real SDK', () => {
  it('returns a job with its script location, worker settings and dates', async () => {
    const { Job } = await glue.send(new GetJobCommand({ JobName: 'arai-raw-to-processed' }));
    expect(Job?.Command?.ScriptLocation).toBe('s3://arai-artifacts/glue/raw_to_processed.py');
    expect(Job?.WorkerType).toBe('G.1X');
    expect(Job?.NumberOfWorkers).toBe(10);
    expect(Job?.CreatedOn).toBeInstanceOf(Date);
  });

  it('pages through job runs newest first and returns one run with its arguments and capacity', async () => {
    const first = await glue.send(new GetJobRunsCommand({ JobName: 'arai-raw-to-processed', MaxResults: 2 }));
    expect(first.JobRuns).toHaveLength(2);
    expect(first.JobRuns![0]!.StartedOn!.getTime()).toBeGreaterThan(first.JobRuns![1]!.StartedOn!.getTime());
    const rest = await glue.send(new GetJobRunsCommand({ JobName: 'arai-raw-to-processed', MaxResults: 2, NextToken: first.NextToken }));
    expect(rest.JobRuns).toHaveLength(1);
    expect(rest.NextToken).toBeUndefined();
    const { JobRun } = await glue.send(new GetJobRunCommand({ JobName: 'arai-raw-to-processed', RunId: first.JobRuns![0]!.Id! }));
    expect(JobRun?.Arguments?.['--input_path']).toBe(`s3://arai-raw/reviews/ingest=${dated('{now-2h:YYYY-MM-DD}')}/`);
    expect(JobRun?.NumberOfWorkers).toBe(10);
    expect(JobRun?.ExecutionTime).toBeGreaterThan(0);
  });

  it('lists every job and raises EntityNotFoundException for a job that does not exist', async () => {
    const { Jobs } = await glue.send(new GetJobsCommand({}));
    expect(Jobs?.map((j) => j.Name)).toEqual(['arai-processed-compact', 'arai-raw-to-processed']);
    await expect(glue.send(new GetJobCommand({ JobName: 'no-such-job' }))).rejects.toBeInstanceOf(EntityNotFoundException);
    await expect(glue.send(new GetJobRunsCommand({ JobName: 'no-such-job' }))).rejects.toBeInstanceOf(EntityNotFoundException);
  });

  it('lists job names by name, a page at a time, and only the jobs carrying every tag asked for', async () => {
    const names: string[] = [];
    for await (const page of paginateListJobs({ client: glue, pageSize: 1 }, {})) names.push(...(page.JobNames ?? []));
    expect(names).toEqual(['arai-processed-compact', 'arai-raw-to-processed']);
    expect((await glue.send(new ListJobsCommand({ Tags: { project: 'review-analytics', stage: 'compaction' } }))).JobNames).toEqual(['arai-processed-compact']);
    expect((await glue.send(new ListJobsCommand({ Tags: { project: 'other' } }))).JobNames).toEqual([]);
    const { Job } = await glue.send(new GetJobCommand({ JobName: 'arai-raw-to-processed' }));
    expect(Job).not.toHaveProperty('Tags');
  });

  it('answers an operation it does not implement with UnknownOperationException (400)', async () => {
    await expect(glue.send(new ListCrawlersCommand({}))).rejects.toMatchObject({ name: 'UnknownOperationException', $metadata: { httpStatusCode: 400 } });
  });
});
