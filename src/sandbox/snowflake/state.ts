import { z } from 'zod';
import type { ParameterValue } from './session-parameters';

const qualifiedName = z.string().regex(/^[A-Z_][\w$]*\.[A-Z_][\w$]*\.[A-Z_][\w$]*$/, 'expected DATABASE.SCHEMA.NAME in upper case');

const integrationSchema = z.strictObject({
  enabled: z.boolean(),
  allowedLocations: z.array(z.string()).min(1),
  blockedLocations: z.array(z.string()).default([]),
  awsRoleArn: z.string(),
  awsIamUserArn: z.string(),
  externalId: z.string(),
  createdOn: z.iso.datetime(),
});

const stageSchema = z.strictObject({
  url: z.string().regex(/^s3:\/\/[^/]+\/.*$/, 'expected s3://bucket/prefix/'),
  storageIntegration: z.string().nullable(),
  createdOn: z.iso.datetime(),
});

const pipeSchema = z.strictObject({
  executionState: z.string(),
  lastReceivedMessage: z.iso.datetime().nullable().default(null),
  error: z.string().optional(),
});

const externalTableSchema = z.strictObject({
  stage: qualifiedName,
  /** The path below the stage URL. */
  path: z.string().default(''),
  fileFormatType: z.string().default('JSON'),
  /** The SQS queue ARN when AUTO_REFRESH = TRUE; null or absent when it is off. */
  notificationChannel: z.string().nullable().default(null),
  pipe: pipeSchema,
  /** Objects last modified up to this time are registered when the world loads. */
  registeredThrough: z.iso.datetime(),
  createdOn: z.iso.datetime(),
});

/** The snowflake section of a world file. */
export const snowflakeSectionSchema = z.strictObject({
  region: z.string().default('eu-west-1'),
  users: z.record(z.string(), z.strictObject({ password: z.string() })),
  storageIntegrations: z.record(z.string(), integrationSchema).default({}),
  stages: z.record(qualifiedName, stageSchema).default({}),
  externalTables: z.record(qualifiedName, externalTableSchema).default({}),
});

/** A storage integration as the world describes it. */
export type StorageIntegration = z.infer<typeof integrationSchema>;
/** A stage as the world describes it. */
export type Stage = z.infer<typeof stageSchema>;

/** A file registered in an external table's metadata. */
export interface RegisteredFile {
  registeredOn: Date;
  size: number;
  lastModified: Date;
  etag: string;
}

/** An external table: its world description and its file registrations (built on first use from S3). */
export type ExternalTable = z.infer<typeof externalTableSchema> & {
  name: string;
  lastRefreshedOn: Date | null;
  registered: Map<string, RegisteredFile> | null;
};

/** A logged-in session of the driver. */
export interface SnowflakeSessionInfo {
  /** The account name the client logged in to, upper-cased (CURRENT_ACCOUNT()). */
  account: string;
  user: string;
  database: string | null;
  schema: string | null;
  warehouse: string | null;
  role: string;
  /** The session parameters sent with every response; ALTER SESSION changes them. */
  parameters: Map<string, ParameterValue>;
}

/** The simulated Snowflake account. */
export interface SnowflakeState {
  region: string;
  users: Record<string, { password: string }>;
  storageIntegrations: Map<string, StorageIntegration>;
  stages: Map<string, Stage>;
  externalTables: Map<string, ExternalTable>;
  sessions: Map<string, SnowflakeSessionInfo>;
}

/** Builds the Snowflake state from a world's snowflake section. */
export function loadSnowflakeState(section: unknown): SnowflakeState {
  const parsed = snowflakeSectionSchema.parse(section ?? { users: {} });
  return {
    region: parsed.region,
    users: parsed.users,
    storageIntegrations: new Map(Object.entries(parsed.storageIntegrations)),
    stages: new Map(Object.entries(parsed.stages)),
    externalTables: new Map(
      Object.entries(parsed.externalTables).map(([name, table]) => [name, { ...table, name, lastRefreshedOn: null, registered: null }]),
    ),
    sessions: new Map(),
  };
}
