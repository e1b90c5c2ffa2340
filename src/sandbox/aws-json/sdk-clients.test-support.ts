import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { BudgetsClient } from '@aws-sdk/client-budgets';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { GlueClient } from '@aws-sdk/client-glue';
import { IAMClient } from '@aws-sdk/client-iam';
import { S3Client } from '@aws-sdk/client-s3';
import { SFNClient } from '@aws-sdk/client-sfn';
import { SNSClient } from '@aws-sdk/client-sns';
import { sandboxCredentials } from '../credentials';

/** Real SDK clients pointed at a running sandbox with its static credentials, for integration tests. */
export function sandboxSdkClients(url: string) {
  const config = { endpoint: url, region: sandboxCredentials.region, credentials: { ...sandboxCredentials.aws }, maxAttempts: 1 };
  return {
    sfn: new SFNClient({ ...config, disableHostPrefix: true }),
    glue: new GlueClient(config),
    logs: new CloudWatchLogsClient(config),
    iam: new IAMClient(config),
    s3: new S3Client({ ...config, forcePathStyle: true }),
    cloudtrail: new CloudTrailClient(config),
    cloudwatch: new CloudWatchClient(config),
    events: new EventBridgeClient(config),
    sns: new SNSClient(config),
    budgets: new BudgetsClient(config),
  };
}
