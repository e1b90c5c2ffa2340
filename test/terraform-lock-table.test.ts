import { DescribeTableCommand, DynamoDBClient, ListTablesCommand, PutItemCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MutationBlockedError } from '../src/clients';
import { guardReadOnly } from '../src/clients/aws';
import { sandboxCredentials } from '../src/sandbox/credentials';
import { startSandbox, type Sandbox } from '../src/sandbox/sandbox';

describe('the Terraform lock table in the sandbox: dynalite behind the one AWS endpoint', () => {
  let sandbox: Sandbox;
  let dynamodb: DynamoDBClient;

  beforeAll(async () => {
    sandbox = await startSandbox({ world: 'terraform-stale-lock' });
    dynamodb = new DynamoDBClient({ endpoint: sandbox.url, region: sandboxCredentials.region, credentials: { ...sandboxCredentials.aws }, maxAttempts: 1 });
  });
  afterAll(async () => {
    dynamodb.destroy();
    await sandbox.stop();
  });

  it("seeds the world's lock table, with the lock's Info stored as JSON text as Terraform writes it", async () => {
    expect((await dynamodb.send(new ListTablesCommand({}))).TableNames).toEqual(['terraform-state-lock']);
    const table = await dynamodb.send(new DescribeTableCommand({ TableName: 'terraform-state-lock' }));
    expect(table.Table).toMatchObject({ TableStatus: 'ACTIVE', KeySchema: [{ AttributeName: 'LockID', KeyType: 'HASH' }] });
    const { Items = [] } = await dynamodb.send(new ScanCommand({ TableName: 'terraform-state-lock' }));
    const lock = Items.find((item) => item.LockID?.S === 'review-analytics-tfstate/platform/terraform.tfstate');
    const info = JSON.parse(lock!.Info!.S!) as { Who: string; Created: string };
    expect(info.Who).toBe('runner@fv-az512-331');
    expect(Date.now() - Date.parse(info.Created)).toBeGreaterThan(4.9 * 3_600_000);
    expect(Items.some((item) => item.LockID?.S?.endsWith('-md5') && item.Digest?.S)).toBe(true);
  });

  it('logs each call with its operation, and a write as a mutation', async () => {
    await sandbox.loadWorld('healthy');
    await dynamodb.send(new ScanCommand({ TableName: 'terraform-state-lock' }));
    await dynamodb.send(new PutItemCommand({ TableName: 'terraform-state-lock', Item: { LockID: { S: 'x' } } }));
    expect(sandbox.calls.all().map((c) => [c.service, c.operation, c.mutates])).toEqual([
      ['dynamodb', 'Scan', false],
      ['dynamodb', 'PutItem', true],
    ]);
  });

  it('a read-only client refuses PutItem before anything is sent', async () => {
    await sandbox.loadWorld('healthy');
    const readOnly = guardReadOnly(new DynamoDBClient({ endpoint: sandbox.url, region: sandboxCredentials.region, credentials: { ...sandboxCredentials.aws } }));
    await expect(readOnly.send(new PutItemCommand({ TableName: 'terraform-state-lock', Item: { LockID: { S: 'x' } } }))).rejects.toBeInstanceOf(MutationBlockedError);
    expect(sandbox.calls.all()).toEqual([]);
    readOnly.destroy();
  });

  it('loading another world replaces the tables: a lock written before is gone', async () => {
    await dynamodb.send(new PutItemCommand({ TableName: 'terraform-state-lock', Item: { LockID: { S: 'left-over' } } }));
    await sandbox.loadWorld('healthy');
    const { Items = [] } = await dynamodb.send(new ScanCommand({ TableName: 'terraform-state-lock' }));
    expect(Items.map((item) => item.LockID?.S)).toEqual(['review-analytics-tfstate/platform/terraform.tfstate-md5']);
  });
});
