import { z } from 'zod';

const stringOrList = z.union([z.string(), z.array(z.string()).min(1)]);

const statementSchema = z.strictObject({
  Sid: z.string().optional(),
  Effect: z.enum(['Allow', 'Deny']),
  Action: stringOrList.optional(),
  NotAction: stringOrList.optional(),
  Resource: stringOrList.optional(),
  NotResource: stringOrList.optional(),
  /** Kept for fidelity; the sandbox's simulation does not evaluate conditions. */
  Condition: z.record(z.string(), z.unknown()).optional(),
  Principal: z.unknown().optional(),
});

/** An IAM policy document. */
export const policyDocumentSchema = z.strictObject({
  Version: z.string().default('2012-10-17'),
  Id: z.string().optional(),
  Statement: z.union([statementSchema, z.array(statementSchema)]).transform((s) => (Array.isArray(s) ? s : [s])),
});

const roleSchema = z.strictObject({
  path: z.string().default('/'),
  createdOn: z.iso.datetime(),
  description: z.string().optional(),
  assumeRolePolicy: policyDocumentSchema,
  /** Inline policies by name. */
  policies: z.record(z.string(), policyDocumentSchema).default({}),
});

/** The iam section of a world file: roles by name, with their inline policies. */
export const iamSectionSchema = z.strictObject({ roles: z.record(z.string(), roleSchema).default({}) });

/** A policy document as the simulation reads it. */
export type PolicyDocument = z.infer<typeof policyDocumentSchema>;
/** One statement of a policy. */
export type PolicyStatement = PolicyDocument['Statement'][number];
/** A role as a world declares it, with its name. */
export type IamRole = z.infer<typeof roleSchema> & { name: string };

/** The simulated IAM: roles by name. */
export interface IamState {
  roles: Map<string, IamRole>;
}

/** Builds the IAM state from a world's iam section. */
export function loadIamState(section: unknown): IamState {
  const parsed = iamSectionSchema.parse(section ?? {});
  return { roles: new Map(Object.entries(parsed.roles).map(([name, role]) => [name, { ...role, name }])) };
}
