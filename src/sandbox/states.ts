import type { S3State } from './s3/state';
import type { SnowflakeState } from './snowflake/state';

/** The state of every simulated service, built from one world; services may read each other's (Snowflake reads S3). */
export interface SandboxStates {
  s3: S3State;
  snowflake: SnowflakeState;
}
