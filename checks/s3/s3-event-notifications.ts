import { GetBucketNotificationConfigurationCommand, NoSuchBucket } from '@aws-sdk/client-s3';
import { defineCheck, evidence, fail, link, pass, warn } from '../../src/check-api';
import { describeQueueConfiguration, matchQueueNotification } from '../../src/diagnostics/s3/queue-notifications';
import { s3ConsoleUrl } from '../../src/diagnostics/s3/s3-url';
import { eachExternalTable } from '../../src/diagnostics/snowflake/each-external-table';

/** 3.3.1: the processed bucket sends ObjectCreated events for the table's files to the table's SQS channel. */
export default defineCheck({
  id: 's3-event-notifications',
  title: 'S3 event notifications reach the external table',
  establishes:
    "The bucket behind each external table sends s3:ObjectCreated events for the table's prefix to the SQS queue named in the table's notification_channel.",
  kind: 'check',
  uses: ['snowflake:SHOW EXTERNAL TABLES', 's3:GetBucketNotificationConfiguration'],
  run: (ctx) =>
    eachExternalTable(ctx, async (table) => {
      if (!table.s3) return fail(`the table's location ${table.location} is not an S3 URL`);
      const { bucket, prefix } = table.s3;
      const region = ctx.config.aws?.region ?? 'us-east-1';
      const links = [link(`S3 bucket ${bucket}: event notifications`, s3ConsoleUrl({ bucket, prefix: '' }, region, 'properties'))];
      let config;
      try {
        config = await ctx.clients.s3().send(new GetBucketNotificationConfigurationCommand({ Bucket: bucket }));
      } catch (error) {
        if (error instanceof NoSuchBucket) return fail(`bucket ${bucket} of the table's location does not exist`, { links });
        throw error;
      }
      const seen = [
        evidence('bucket', bucket),
        evidence('table prefix', prefix),
        evidence('notification channel', table.notificationChannel),
        evidence('queue configurations', (config.QueueConfigurations ?? []).map(describeQueueConfiguration)),
      ];
      const verdict = matchQueueNotification(config, table.notificationChannel, prefix);
      if (verdict.outcome !== 'ok') return fail(verdict.detail, { evidence: seen, links });
      const channelNote = table.notificationChannel ? '' : ' (auto-refresh is off, so the channel could not be compared: see 3.3.3)';
      if (verdict.partialEvents) {
        return warn(`events reach the channel, but only ${verdict.match.Events?.join(', ')}: multipart uploads or copies send no event${channelNote}`, { evidence: seen, links });
      }
      if (verdict.suffix) {
        return warn(`events reach the channel only for keys ending in "${verdict.suffix}"${channelNote}`, { evidence: seen, links });
      }
      return pass(`s3:ObjectCreated events for s3://${bucket}/${prefix} reach ${verdict.match.QueueArn}${channelNote}`, { evidence: seen, links });
    }),
});
