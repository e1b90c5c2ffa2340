import { z } from 'zod';

/**
 * How to reach Snowflake. Credentials come from Snowflake's own sources (SNOWFLAKE_USER,
 * SNOWFLAKE_PASSWORD, SNOWFLAKE_PRIVATE_KEY_PATH, or a connections.toml entry), never from this file.
 */
export const snowflakeSchema = z.strictObject({
  account: z.string().min(1),
  /** A connection name of connections.toml to read the credentials from. */
  connectionName: z.string().min(1).optional(),
  warehouse: z.string().min(1).optional(),
  database: z.string().min(1).optional(),
  schema: z.string().min(1).optional(),
  role: z.string().min(1).optional(),
  /** An explicit URL for the driver (a sandbox or a private link); omit for the account's own URL. */
  accessUrl: z.url().optional(),
  /** Milliseconds before a driver call is abandoned: the driver hangs on some malformed answers. */
  timeoutMs: z.number().int().positive().default(20_000),
});

/** Snowflake connection settings of one environment. */
export type SnowflakeConfig = z.infer<typeof snowflakeSchema>;
