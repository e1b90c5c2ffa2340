import { z } from 'zod';

/** Where the AWS clients go: region, an optional named profile, an optional endpoint. No credentials here. */
export const awsSchema = z.strictObject({
  region: z.string().min(1),
  /** A profile of the shared AWS config; credentials still come from the default provider chain. */
  profile: z.string().min(1).optional(),
  /** An endpoint for every AWS service (a sandbox or a proxy); omit for the real AWS endpoints. */
  endpoint: z.url().optional(),
  accountId: z.string().regex(/^\d{12}$/).optional(),
  /** Milliseconds one request may wait for its answer: a call that hangs longer opens the run's breaker for its service. */
  timeoutMs: z.number().int().positive().default(20_000),
});

/** AWS connection settings of one environment. */
export type AwsConfig = z.infer<typeof awsSchema>;
