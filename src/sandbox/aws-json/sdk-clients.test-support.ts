import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { GlueClient } from '@aws-sdk/client-glue';
import { IAMClient } from '@aws-sdk/client-iam';
import { S3Client } from '@aws-sdk/client-s3';
import { SFNClient } from '@aws-sdk/client-sfn';
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
  };
}
