import { z } from 'zod';

const stringOrList = z.union([z.string(), z.array(z.string()).min(1)]);
const time = z.iso.datetime();

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

/** A policy document as the simulation reads it. */
export type PolicyDocument = z.infer<typeof policyDocumentSchema>;
/** One statement of a policy. */
export type PolicyStatement = PolicyDocument['Statement'][number];

/** A policy document as IAM holds it: parsed for evaluation, and the JSON text it was written as, which IAM returns. */
export interface StoredPolicy {
  document: PolicyDocument;
  text: string;
}

/** A world's policy document: validated as IAM validates one, kept with its text. */
const storedPolicySchema = z.record(z.string(), z.unknown()).transform((raw, ctx): StoredPolicy => {
  const parsed = policyDocumentSchema.safeParse(raw);
  if (parsed.success) return { document: parsed.data, text: JSON.stringify(raw) };
  for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
  return z.NEVER;
});

const name = z.string().regex(/^[\w+=,.@-]{1,128}$/, 'expected an IAM name ([\\w+=,.@-], at most 128 characters)');
const path = z.string().regex(/^\/(?:[\x21-\x7e]*\/)?$/, 'expected an IAM path such as / or /service-role/').default('/');
/** A managed policy's ARN: `arn:aws:iam::aws:policy/…` (AWS managed) or `arn:aws:iam::ACCOUNT:policy/…` (customer managed). */
export const policyArnSchema = z.string().regex(/^arn:aws:iam::(aws|\d{12}):policy(\/[\x21-\x7e]+)*\/[\w+=,.@-]+$/, 'expected a policy ARN arn:aws:iam::(aws|ACCOUNT):policy/PATH/NAME');

const principalFields = {
  path,
  createdOn: time,
  description: z.string().max(1000).optional(),
  /** Inline policies by name. */
  policies: z.record(name, storedPolicySchema).default({}),
  /** The ARNs of the managed policies attached, each declared under `policies` of the section. */
  attachedPolicies: z.array(policyArnSchema).default([]),
};

const roleSchema = z.strictObject({
  ...principalFields,
  assumeRolePolicy: storedPolicySchema,
  maxSessionDuration: z.number().int().min(3600).max(43200).default(3600),
});

const userSchema = z.strictObject({
  ...principalFields,
  /** The access key ids of the user's keys: a request signed with one is this user's (GetCallerIdentity, later enforcement). */
  accessKeys: z.array(z.string().regex(/^[A-Z0-9]{16,128}$/, 'expected an access key id')).default([]),
});

const versionId = z.string().regex(/^v[1-9]\d*$/, 'expected a policy version id v1, v2, …');

const managedPolicySchema = z.strictObject({
  description: z.string().max(1000).optional(),
  createdOn: time,
  /** The version in force; the highest when absent. */
  defaultVersionId: versionId.optional(),
  versions: z.record(versionId, z.strictObject({ createdOn: time, document: storedPolicySchema })).refine((v) => Object.keys(v).length > 0, 'a managed policy has at least one version'),
});

/** The iam section of a world file: roles and users with inline and attached policies, and the managed policies by ARN. */
export const iamSectionSchema = z.strictObject({
  roles: z.record(name, roleSchema).default({}),
  users: z.record(name, userSchema).default({}),
  policies: z.record(policyArnSchema, managedPolicySchema).default({}),
});

/** A role as a world declares it, with its name. */
export type IamRole = z.infer<typeof roleSchema> & { kind: 'role'; name: string };
/** A user as a world declares it, with its name. */
export type IamUser = z.infer<typeof userSchema> & { kind: 'user'; name: string };
/** A role or a user: an identity whose policies IAM evaluates. */
export type IamPrincipal = IamRole | IamUser;

/** One version of a managed policy. */
export interface PolicyVersion {
  versionId: string;
  createdOn: string;
  policy: StoredPolicy;
}

/** A managed policy: AWS managed (`arn:aws:iam::aws:policy/…`) or customer managed, with its versions. */
export interface ManagedPolicy {
  arn: string;
  name: string;
  path: string;
  awsManaged: boolean;
  description?: string;
  createdOn: string;
  defaultVersionId: string;
  versions: Map<string, PolicyVersion>;
}

/** The simulated IAM: roles and users by name, managed policies by ARN. */
export interface IamState {
  roles: Map<string, IamRole>;
  users: Map<string, IamUser>;
  policies: Map<string, ManagedPolicy>;
}
