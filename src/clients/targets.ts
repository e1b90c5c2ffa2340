import type { EnvironmentConfig } from '../config';

/** Static credentials: used only for the sandbox, never read from configuration for a real environment. */
export interface StaticCredentials {
  accessKeyId: string;
  secretAccessKey: string;
}

/** Where the AWS clients of a run go. Without `credentials`, the AWS default provider chain supplies them. */
export interface AwsTarget {
  region: string;
  endpoint?: string;
  profile?: string;
  credentials?: StaticCredentials;
}

/** Where the Snowflake driver of a run goes; `password` is set only for the sandbox. */
export interface SnowflakeTarget {
  account: string;
  accessUrl?: string;
  connectionName?: string;
  warehouse?: string;
  database?: string;
  schema?: string;
  role?: string;
  timeoutMs: number;
  sandboxCredentials?: { username: string; password: string };
}

/** The resolved service endpoints of one run: an environment's settings, or the sandbox's. */
export interface ServiceTargets {
  aws?: AwsTarget;
  snowflake?: SnowflakeTarget;
}

/** The targets an environment's configuration names, with no sandbox overrides. */
export function targetsFromConfig(config: EnvironmentConfig): ServiceTargets {
  return {
    ...(config.aws ? { aws: { ...config.aws } } : {}),
    ...(config.snowflake ? { snowflake: { ...config.snowflake } } : {}),
  };
}
