import type { Server } from 'node:http';
import { z } from 'zod';

const scalar = z.union([z.string(), z.number(), z.boolean()]);

const tableSchema = z.strictObject({
  /** The partition key's name (`LockID` for Terraform's lock table); a string key. */
  hashKey: z.string().min(1).default('LockID'),
  /**
   * Items by their key value. Attribute values are strings, numbers or booleans; an object or array
   * is stored as its JSON text (Terraform writes the lock's `Info` that way).
   */
  items: z.record(z.string(), z.record(z.string(), z.union([scalar, z.record(z.string(), z.unknown()), z.array(z.unknown())]))).default({}),
});

/** The dynamodb section of a world file: tables by name. */
export const dynamodbSectionSchema = z.strictObject({ tables: z.record(z.string().regex(/^[\w.-]{3,255}$/), tableSchema).default({}) });

/** The dynamodb section, parsed. */
export type DynamodbSection = z.infer<typeof dynamodbSectionSchema>;

/** A dynalite server on loopback, seeded from the world. */
export interface DynamodbEmulator {
  server: Server;
  /** `http://127.0.0.1:PORT` of the dynalite server. */
  url: string;
}

/** The simulated DynamoDB: the world's tables, and the emulator started and seeded on the first DynamoDB call. */
export interface DynamodbState {
  section: DynamodbSection;
  emulator?: Promise<DynamodbEmulator>;
}
