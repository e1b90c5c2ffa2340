import { InvalidLookupAttributesException, InvalidMaxResultsException, InvalidNextTokenException, InvalidTimeRangeException, LookupEventsCommand, paginateLookupEvents, type Event } from '@aws-sdk/client-cloudtrail';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxSdkClients } from '../aws-json/sdk-clients.test-support';
import { startSandbox, type Sandbox } from '../sandbox';

let sandbox: Sandbox;
let cloudtrail: ReturnType<typeof sandboxSdkClients>['cloudtrail'];

beforeAll(async () => {
  sandbox = await startSandbox({ world: 'healthy' });
  cloudtrail = sandboxSdkClients(sandbox.url).cloudtrail;
});
afterAll(async () => {
  cloudtrail?.destroy();
  await sandbox.stop();
});

describe('the CloudTrail sandbox speaks awsJson1_1 (com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101) to the real SDK', () => {
  it('looks up events newest first, by one attribute and a time range, with dates and the record as JSON', async () => {
    const { Events = [] } = await cloudtrail.send(new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: 'ResourceName', AttributeValue: 'arai-raw-to-processed' }], StartTime: new Date(Date.now() - 24 * 3_600_000) }));
    expect(Events.map((e) => e.EventName)).toEqual(['GetJob', 'StartJobRun', 'UpdateJob']);
    expect(Events[0]!.EventTime).toBeInstanceOf(Date);
    expect(JSON.parse(Events[2]!.CloudTrailEvent!)).toMatchObject({ eventSource: 'glue.amazonaws.com', userIdentity: { type: 'AssumedRole' }, recipientAccountId: '123456789012' });
  });

  it('pages with MaxResults and NextToken through the SDK paginator', async () => {
    const seen: Event[] = [];
    for await (const page of paginateLookupEvents({ client: cloudtrail, pageSize: 2 }, {})) seen.push(...(page.Events ?? []));
    expect(seen).toHaveLength(7);
    expect(new Set(seen.map((e) => e.EventId)).size).toBe(7);
  });

  it('refuses two lookup attributes, an unknown key, MaxResults over 50, a start after the end and a token it did not issue, as CloudTrail does', async () => {
    const two = [{ AttributeKey: 'ReadOnly' as const, AttributeValue: 'false' }, { AttributeKey: 'EventName' as const, AttributeValue: 'UpdateJob' }];
    await expect(cloudtrail.send(new LookupEventsCommand({ LookupAttributes: two }))).rejects.toBeInstanceOf(InvalidLookupAttributesException);
    await expect(cloudtrail.send(new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: 'Region' as never, AttributeValue: 'x' }] }))).rejects.toBeInstanceOf(InvalidLookupAttributesException);
    await expect(cloudtrail.send(new LookupEventsCommand({ MaxResults: 51 }))).rejects.toBeInstanceOf(InvalidMaxResultsException);
    await expect(cloudtrail.send(new LookupEventsCommand({ StartTime: new Date(), EndTime: new Date(Date.now() - 3_600_000) }))).rejects.toBeInstanceOf(InvalidTimeRangeException);
    await expect(cloudtrail.send(new LookupEventsCommand({ NextToken: 'bm90LWEtdG9rZW4=' }))).rejects.toBeInstanceOf(InvalidNextTokenException);
  });
});
