import { createHash } from 'node:crypto';
import { z } from 'zod';
import { keyRange, keyRangeSchema, type KeyRange } from './key-range';

const filterRuleSchema = z.strictObject({ Name: z.string(), Value: z.string() });
const filterSchema = z.strictObject({ Key: z.strictObject({ FilterRules: z.array(filterRuleSchema) }) }).optional();
const common = { Id: z.string().optional(), Events: z.array(z.string()).min(1), Filter: filterSchema };

/** A bucket's notification configuration, in the shape the SDK and the AWS CLI print it. */
export const notificationSchema = z.strictObject({
  QueueConfigurations: z.array(z.strictObject({ ...common, QueueArn: z.string() })).optional(),
  TopicConfigurations: z.array(z.strictObject({ ...common, TopicArn: z.string() })).optional(),
  LambdaFunctionConfigurations: z.array(z.strictObject({ ...common, LambdaFunctionArn: z.string() })).optional(),
  EventBridgeConfiguration: z.strictObject({}).optional(),
});

/** A bucket notification configuration. */
export type NotificationConfiguration = z.infer<typeof notificationSchema>;

const objectSchema = z.strictObject({
  lastModified: z.iso.datetime(),
  /** The object's text; without it, `size` bytes of filler. */
  body: z.string().optional(),
  size: z.number().int().nonnegative().optional(),
  contentType: z.string().optional(),
});

/** Objects made by a generator rather than listed one by one, for large prefixes. */
const generatorSchema = z.strictObject({
  prefix: z.string(),
  count: z.number().int().positive().max(1_000_000),
  /** The key of object i is `${prefix}${pattern with {i} replaced by the zero-padded index}`. */
  pattern: z.string().default('part-{i}.json'),
  lastModified: z.iso.datetime(),
  /** Each object's text; `{i}` is replaced by the index. */
  body: z.string(),
});

const bucketSchema = z.strictObject({
  region: z.string().default('eu-west-1'),
  notification: notificationSchema.default({}),
  objects: z.record(z.string(), objectSchema).default({}),
  generated: z.array(generatorSchema).default([]),
  /** Generated key ranges of any size (millions of objects), listed without being held in memory. */
  ranges: z.array(keyRangeSchema).default([]),
});

/** The s3 section of a world file: buckets by name. */
export const s3SectionSchema = z.strictObject({ buckets: z.record(z.string(), bucketSchema).default({}) });

/** One stored object; its body is produced on read so large generated prefixes cost no memory. */
export interface S3Object {
  key: string;
  size: number;
  lastModified: Date;
  etag: string;
  contentType: string;
  read(): Buffer;
}

/** A simulated bucket: its objects in key order, and its notification configuration. */
export interface S3Bucket {
  name: string;
  region: string;
  notification: NotificationConfiguration;
  objects: Map<string, S3Object>;
  /** Keys in binary order, rebuilt lazily after a write. */
  sortedKeys: string[] | null;
  /** Generated key ranges, listed together with `objects` (see key-range.ts). */
  ranges?: KeyRange[];
}

/** The simulated S3: buckets by name. */
export interface S3State {
  buckets: Map<string, S3Bucket>;
}

/** An object over a fixed body. */
export function storedObject(key: string, body: Buffer, lastModified: Date, contentType = 'application/octet-stream'): S3Object {
  const etag = createHash('md5').update(body).digest('hex');
  return { key, size: body.length, lastModified, etag, contentType, read: () => body };
}

function fillerObject(key: string, size: number, lastModified: Date, contentType: string): S3Object {
  const etag = createHash('md5').update(`${key}:${size}`).digest('hex');
  return { key, size, lastModified, etag, contentType, read: () => Buffer.alloc(size, 0x20) };
}

function generatedObject(key: string, text: string, lastModified: Date): S3Object {
  const size = Buffer.byteLength(text);
  const etag = createHash('md5').update(key).digest('hex');
  return { key, size, lastModified, etag, contentType: 'application/json', read: () => Buffer.from(text) };
}

/** Builds the S3 state from a world's s3 section. */
export function loadS3State(section: unknown): S3State {
  const parsed = s3SectionSchema.parse(section ?? {});
  const buckets = new Map<string, S3Bucket>();
  for (const [name, bucket] of Object.entries(parsed.buckets)) {
    const objects = new Map<string, S3Object>();
    for (const [key, object] of Object.entries(bucket.objects)) {
      const lastModified = new Date(object.lastModified);
      const contentType = object.contentType ?? 'application/octet-stream';
      objects.set(
        key,
        object.body !== undefined ? storedObject(key, Buffer.from(object.body), lastModified, contentType) : fillerObject(key, object.size ?? 0, lastModified, contentType),
      );
    }
    for (const generator of bucket.generated) {
      const width = String(generator.count - 1).length;
      for (let i = 0; i < generator.count; i++) {
        const index = String(i).padStart(width, '0');
        const key = generator.prefix + generator.pattern.replaceAll('{i}', index);
        objects.set(key, generatedObject(key, generator.body.replaceAll('{i}', index), new Date(generator.lastModified)));
      }
    }
    buckets.set(name, { name, region: bucket.region, notification: bucket.notification, objects, sortedKeys: null, ranges: bucket.ranges.map(keyRange) });
  }
  return { buckets };
}

/**
 * The bucket's keys in the order S3 lists them (UTF-8 binary order; UTF-16 code unit order,
 * which JavaScript sorts by, differs from it only for characters beyond U+E000).
 */
export function sortedKeys(bucket: S3Bucket): string[] {
  bucket.sortedKeys ??= [...bucket.objects.keys()].sort();
  return bucket.sortedKeys;
}
