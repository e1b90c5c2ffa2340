import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient, ListBackupsCommand } from '@aws-sdk/client-dynamodb';
import { sandboxCredentials } from '../credentials';
import { startSandbox, type Sandbox } from '../sandbox';

const environmentBefore = { region: process.env.AWS_REGION, account: process.env.AWS_ACCOUNT_ID };
let sandbox: Sandbox;
let dynamodb: DynamoDBClient;

beforeAll(async () => {
  sandbox = await startSandbox({ world: 'healthy' });
  dynamodb = new DynamoDBClient({ endpoint: sandbox.url, region: sandboxCredentials.region, credentials: { ...sandboxCredentials.aws }, maxAttempts: 1 });
});
afterAll(async () => {
  dynamodb?.destroy();
  await sandbox.stop();
});

describe('DynamoDB in the sandbox (dynalite behind the one AWS endpoint)', () => {
  it("reports table ARNs in the sandbox's region and account, for seeded and created tables alike", async () => {
    const { Table } = await dynamodb.send(new DescribeTableCommand({ TableName: 'terraform-state-lock' }));
    expect(Table?.TableArn).toBe('arn:aws:dynamodb:eu-west-1:123456789012:table/terraform-state-lock');
    const created = await dynamodb.send(
      new CreateTableCommand({ TableName: 'drill-scratch', AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }], BillingMode: 'PAY_PER_REQUEST' }),
    );
    expect(created.TableDescription?.TableArn).toBe('arn:aws:dynamodb:eu-west-1:123456789012:table/drill-scratch');
  });

  it('leaves the process environment as it found it', () => {
    expect({ region: process.env.AWS_REGION, account: process.env.AWS_ACCOUNT_ID }).toEqual(environmentBefore);
  });

  it('answers an operation dynalite does not implement with UnknownOperationException (400)', async () => {
    await expect(dynamodb.send(new ListBackupsCommand({}))).rejects.toMatchObject({ name: 'UnknownOperationException', $metadata: { httpStatusCode: 400 } });
  });
});
