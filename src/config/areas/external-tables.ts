import { z } from 'zod';
import { partitionPatternSchema } from '../../util/partition-pattern-schema';

/** Scenario 3.3: the Snowflake external tables fed by S3 event notifications. */
export const externalTablesSchema = z.strictObject({
  /** Fully qualified external table names (`ANALYTICS.RAW.REVIEWS_EXT`). Stage, bucket and integration are read from Snowflake. */
  tables: z.array(z.string().regex(/^[\w$]+(\.[\w$]+){0,2}$/, 'expected DATABASE.SCHEMA.TABLE')).min(1),
  /** How far back a new S3 object counts as recent for the symptom check, in minutes. */
  recentMinutes: z.number().int().positive().default(24 * 60),
  /** How long an object may wait for registration before it counts as missing, in minutes. */
  graceMinutes: z.number().int().nonnegative().default(10),
  /** The most objects listed under a stage prefix, so a huge prefix costs a bounded number of calls. */
  maxObjectsListed: z.number().int().positive().default(5_000),
  /** The date partitions under the tables' locations (`year=YYYY/month=MM/day=DD/`): only the window's partitions are listed. */
  partitionPattern: partitionPatternSchema.optional(),
});

/** External table settings of one environment. */
export type ExternalTablesConfig = z.infer<typeof externalTablesSchema>;
