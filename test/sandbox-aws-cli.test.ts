import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, cpSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxCredentials } from '../src/sandbox/credentials';
import { startSandbox, type Sandbox } from '../src/sandbox/sandbox';
import { worldsDir } from '../src/sandbox/world/load-world';

const run = promisify(execFile);

/** Debian's AWS CLI (package awscli) when installed, else any `aws` on the PATH, else none. */
function findAwsCli(): string | null {
  if (existsSync('/usr/bin/aws')) return '/usr/bin/aws';
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) if (dir && existsSync(path.join(dir, 'aws'))) return path.join(dir, 'aws');
  return null;
}

const aws = findAwsCli();
const keys = ['23/part-00000', '23/part-00001', '24/part-00000', '25/part-00000', '25/part-00001', '25/part-00002'].map(
  (k) => `reviews/year=2026/month=11/day=${k}.parquet`,
);

describe.skipIf(!aws)('the sandbox serves another S3 client: the AWS CLI (skipped: no `aws` installed; apt-get install awscli)', () => {
  let sandbox: Sandbox;
  let home: string;
  let worlds: string;

  beforeAll(async () => {
    // the S3 and Snowflake sections of healthy are all this test reads
    worlds = mkdtempSync(path.join(os.tmpdir(), 'runbook-aws-cli-worlds-'));
    mkdirSync(path.join(worlds, 'healthy'));
    for (const file of ['world.json', 's3.json', 'snowflake.json']) cpSync(path.join(worldsDir, 'healthy', file), path.join(worlds, 'healthy', file));
    sandbox = await startSandbox({ world: 'healthy', worldsDir: worlds });
    home = mkdtempSync(path.join(os.tmpdir(), 'runbook-aws-cli-home-'));
  });
  afterAll(async () => {
    await sandbox?.stop();
    rmSync(home, { recursive: true, force: true });
    rmSync(worlds, { recursive: true, force: true });
  });

  /** Runs `aws --endpoint-url <sandbox> …` with static credentials and nothing from the machine's AWS configuration. */
  const cli = async (...args: string[]): Promise<string> => {
    const { stdout } = await run(aws!, ['--endpoint-url', sandbox.url, '--output', 'json', ...args], {
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: home,
        AWS_ACCESS_KEY_ID: sandboxCredentials.aws.accessKeyId,
        AWS_SECRET_ACCESS_KEY: sandboxCredentials.aws.secretAccessKey,
        AWS_DEFAULT_REGION: sandboxCredentials.region,
        AWS_REGION: sandboxCredentials.region,
        AWS_EC2_METADATA_DISABLED: 'true',
        AWS_CONFIG_FILE: '/dev/null',
        AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
        AWS_PAGER: '',
      },
      timeout: 60_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    return stdout;
  };

  it('s3api get-bucket-notification-configuration prints the queue configuration with its filter', async () => {
    const config = JSON.parse(await cli('s3api', 'get-bucket-notification-configuration', '--bucket', 'arai-processed')) as Record<string, unknown>;
    expect(config).toEqual({
      QueueConfigurations: [
        {
          Id: 'snowflake-auto-refresh',
          QueueArn: 'arn:aws:sqs:eu-west-1:123456789012:sf-snowpipe-AIDAXSANDBOX7EXAMPLE-Qm9keUJ1Y2tldA',
          Events: ['s3:ObjectCreated:*'],
          Filter: { Key: { FilterRules: [{ Name: 'Prefix', Value: 'reviews/' }] } },
        },
      ],
    });
  }, 60_000);

  it('s3api list-objects-v2 --prefix reviews/ lists every key, decoded from encoding-type=url', async () => {
    const listing = JSON.parse(await cli('s3api', 'list-objects-v2', '--bucket', 'arai-processed', '--prefix', 'reviews/')) as { Contents: Array<{ Key: string; Size: number }> };
    expect(listing.Contents.map((o) => o.Key)).toEqual(keys);
    expect(listing.Contents[0]!.Size).toBe(48211);
    const listed = sandbox.calls.all().filter((c) => c.operation === 'ListObjectsV2');
    expect(listed.length).toBeGreaterThan(0);
  }, 60_000);

  it('s3api list-objects-v2 pages through a prefix with --page-size, as the CLI paginates', async () => {
    const listing = JSON.parse(await cli('s3api', 'list-objects-v2', '--bucket', 'arai-processed', '--prefix', 'reviews/', '--page-size', '2')) as { Contents: Array<{ Key: string }> };
    expect(listing.Contents.map((o) => o.Key)).toEqual(keys);
  }, 60_000);

  it('s3 cp s3://…/key - streams the object body to standard output', async () => {
    const body = await cli('s3', 'cp', `s3://arai-processed/${keys[0]}`, '-');
    expect(body.length).toBe(48211);
  }, 60_000);

  it('s3api put-bucket-notification-configuration replaces the configuration, and get returns it, empty filter values included', async () => {
    const wanted = {
      QueueConfigurations: [
        {
          Id: 'repaired',
          QueueArn: 'arn:aws:sqs:eu-west-1:123456789012:sf-snowpipe-OTHER',
          Events: ['s3:ObjectCreated:Put', 's3:ObjectCreated:CompleteMultipartUpload'],
          Filter: { Key: { FilterRules: [{ Name: 'Prefix', Value: 'reviews/' }, { Name: 'Suffix', Value: '' }] } },
        },
      ],
    };
    await cli('s3api', 'put-bucket-notification-configuration', '--bucket', 'arai-processed', '--notification-configuration', JSON.stringify(wanted));
    expect(JSON.parse(await cli('s3api', 'get-bucket-notification-configuration', '--bucket', 'arai-processed'))).toEqual(wanted);
    expect(sandbox.calls.mutations().map((c) => c.operation)).toEqual(['PutBucketNotificationConfiguration']);
  }, 60_000);

  it("s3api get-bucket-location names the bucket's region, and list-objects-v2 pages common prefixes each once", async () => {
    expect(JSON.parse(await cli('s3api', 'get-bucket-location', '--bucket', 'arai-processed'))).toEqual({ LocationConstraint: 'eu-west-1' });
    const prefixes = JSON.parse(
      await cli('s3api', 'list-objects-v2', '--bucket', 'arai-processed', '--prefix', 'reviews/year=2026/month=11/', '--delimiter', '/', '--page-size', '1'),
    ) as { CommonPrefixes: Array<{ Prefix: string }> };
    expect(prefixes.CommonPrefixes.map((p) => p.Prefix)).toEqual(['23/', '24/', '25/'].map((day) => `reviews/year=2026/month=11/day=${day}`));
  }, 60_000);

  it('a missing bucket is the NoSuchBucket error the CLI names', async () => {
    await expect(cli('s3api', 'list-objects-v2', '--bucket', 'no-such-bucket')).rejects.toMatchObject({ stderr: expect.stringMatching(/NoSuchBucket/) });
  }, 60_000);
});
