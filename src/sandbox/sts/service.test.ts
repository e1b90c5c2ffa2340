import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { sandboxCredentials } from '../credentials';
import { startSandbox, type Sandbox } from '../sandbox';

let sandbox: Sandbox;
const clients: STSClient[] = [];
const sts = (accessKeyId: string = sandboxCredentials.aws.accessKeyId) => {
  const client = new STSClient({ endpoint: sandbox.url, region: sandboxCredentials.region, credentials: { accessKeyId, secretAccessKey: 'x' }, maxAttempts: 1 });
  clients.push(client);
  return client;
};

beforeAll(async () => {
  sandbox = await startSandbox({ world: 'healthy' });
});
afterAll(async () => {
  for (const client of clients) client.destroy();
  await sandbox.stop();
});

describe('STS GetCallerIdentity over the query protocol', () => {
  it('names the IAM user whose access key signed the request, in XML the SDK parses', async () => {
    const identity = await sts().send(new GetCallerIdentityCommand({}));
    expect(identity).toMatchObject({ Account: '123456789012', Arn: 'arn:aws:iam::123456789012:user/sandbox-oncall' });
    expect(identity.UserId).toMatch(/^AIDA[A-Z0-9]{17}$/);
    expect(sandbox.calls.all().at(-1)).toMatchObject({ service: 'sts', operation: 'GetCallerIdentity', mutates: false, status: 200 });
  });

  it('refuses a key no user holds with InvalidClientTokenId (403), and an unsigned request with MissingAuthenticationToken', async () => {
    await expect(sts('AKIAUNKNOWNKEY000000').send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({ name: 'InvalidClientTokenId', $metadata: { httpStatusCode: 403 } });
    const response = await fetch(sandbox.url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'Action=GetCallerIdentity&Version=2011-06-15' });
    expect(response.status).toBe(403);
    expect(await response.text()).toMatch(/<Code>MissingAuthenticationToken<\/Code>/);
  });

  it('answers an action it does not implement with InvalidAction (400)', async () => {
    await expect(sts().send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/arai-sfn-role', RoleSessionName: 's' }))).rejects.toMatchObject({
      name: 'InvalidAction',
      $metadata: { httpStatusCode: 400 },
    });
  });
});
