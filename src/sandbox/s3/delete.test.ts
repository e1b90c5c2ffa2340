import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeleteObjectCommand, DeleteObjectsCommand, GetBucketTaggingCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { startSandbox, type Sandbox } from '../sandbox';
import { sandboxSdkClients } from '../aws-json/sdk-clients.test-support';

let sandbox: Sandbox;
let s3: ReturnType<typeof sandboxSdkClients>['s3'];
const Bucket = 'arai-raw';

beforeAll(async () => {
  sandbox = await startSandbox({ world: 'healthy' });
  s3 = sandboxSdkClients(sandbox.url).s3;
});
afterAll(async () => {
  s3?.destroy();
  await sandbox.stop();
});

const keys = async (Prefix: string) => ((await s3.send(new ListObjectsV2Command({ Bucket, Prefix }))).Contents ?? []).map((o) => o.Key);

describe('S3 deletes for a drill clean-up', () => {
  it('DeleteObject removes a key, answers 204 again for a key that is gone, and is logged as a mutation', async () => {
    await s3.send(new PutObjectCommand({ Bucket, Key: 'drill/a.json', Body: '{}' }));
    const deleted = await s3.send(new DeleteObjectCommand({ Bucket, Key: 'drill/a.json' }));
    expect(deleted.$metadata.httpStatusCode).toBe(204);
    await expect(s3.send(new HeadObjectCommand({ Bucket, Key: 'drill/a.json' }))).rejects.toMatchObject({ $metadata: { httpStatusCode: 404 } });
    expect((await s3.send(new DeleteObjectCommand({ Bucket, Key: 'drill/a.json' }))).$metadata.httpStatusCode).toBe(204);
    expect(sandbox.calls.mutations().map((c) => c.operation)).toEqual(['PutObject', 'DeleteObject', 'DeleteObject']);
  });

  it('DeleteObjects removes many keys in one request and names each, missing ones included; Quiet names none', async () => {
    for (const key of ['drill/b.json', 'drill/c d.json', 'drill/e&f.json']) await s3.send(new PutObjectCommand({ Bucket, Key: key, Body: '{}' }));
    const result = await s3.send(new DeleteObjectsCommand({ Bucket, Delete: { Objects: [{ Key: 'drill/b.json' }, { Key: 'drill/c d.json' }, { Key: 'drill/missing.json' }] } }));
    expect(result.Deleted?.map((d) => d.Key)).toEqual(['drill/b.json', 'drill/c d.json', 'drill/missing.json']);
    expect(result.Errors).toBeUndefined();
    expect(await keys('drill/')).toEqual(['drill/e&f.json']);
    const quiet = await s3.send(new DeleteObjectsCommand({ Bucket, Delete: { Objects: [{ Key: 'drill/e&f.json' }], Quiet: true } }));
    expect(quiet.Deleted).toBeUndefined();
    expect(await keys('drill/')).toEqual([]);
  });

  it('refuses a DeleteObjects body without a checksum, with a wrong Content-MD5, or with no key, in S3 XML errors', async () => {
    const post = (body: string, headers: Record<string, string>) => fetch(`${sandbox.url}/${Bucket}?delete`, { method: 'POST', headers, body });
    const body = '<Delete><Object><Key>reviews/x</Key></Object></Delete>';
    const missing = await post(body, {});
    expect([missing.status, await missing.text()]).toEqual([400, expect.stringContaining('<Code>InvalidRequest</Code>')]);
    const wrong = await post(body, { 'content-md5': '1B2M2Y8AsgTpgAmY7PhCfg==' });
    expect([wrong.status, await wrong.text()]).toEqual([400, expect.stringContaining('<Code>BadDigest</Code>')]);
    const empty = await post('<Delete></Delete>', { 'x-amz-checksum-crc32': 'AAAAAA==' });
    expect([empty.status, await empty.text()]).toEqual([400, expect.stringContaining('<Code>MalformedXML</Code>')]);
  });

  it('answers an operation it does not implement with NotImplemented XML (501)', async () => {
    await expect(s3.send(new GetBucketTaggingCommand({ Bucket }))).rejects.toMatchObject({ name: 'NotImplemented', $metadata: { httpStatusCode: 501 } });
  });
});
