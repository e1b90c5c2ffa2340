import { z } from 'zod';
import { partitionPatternSchema } from '../../util/partition-pattern-schema';

const fieldTypes = ['string', 'number', 'integer', 'boolean', 'array', 'object'] as const;

/** A review schema written out field by field, for data that follows none of the published formats. */
export const customReviewSchema = z.strictObject({
  name: z.string().min(1),
  fields: z.record(z.string().min(1), z.strictObject({ type: z.enum(fieldTypes), required: z.boolean().default(true) })),
});

/** Scenario 3.1 steps 3 and 4: how the raw input is sampled and the schema its records must follow. */
export const rawInputSchema = z.strictObject({
  /** The expected record schema: one of the McAuley Amazon review formats, or a custom one. */
  schema: z.union([z.enum(['mcauley-2014', 'mcauley-2018', 'mcauley-2023']), customReviewSchema]).default('mcauley-2018'),
  /** The most objects listed under the run's input prefix. */
  maxObjectsListed: z.number().int().positive().max(100_000).default(1_000),
  /** The most objects read from the listing (the newest first). */
  maxObjectsRead: z.number().int().positive().max(1_000).default(5),
  /** The most bytes read from one object, with a ranged GET. */
  maxBytesPerObject: z.number().int().positive().default(64 * 1024),
  /** The most bytes read in all. */
  maxBytesRead: z.number().int().positive().default(256 * 1024),
  /** The date partitions under a run's input location (`ingest=YYYY-MM-DD/`): the newest partitions are sampled first. */
  partitionPattern: partitionPatternSchema.optional(),
});

/** Raw input sampling settings of one environment. */
export type RawInputConfig = z.infer<typeof rawInputSchema>;
/** A custom review schema. */
export type CustomReviewSchema = z.infer<typeof customReviewSchema>;
