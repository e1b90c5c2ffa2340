import { z } from 'zod';

/**
 * The change actions `terraform show -json` writes, alone or in pairs (Terraform's jsonplan `actionString`):
 * `forget` comes from a `removed` block with `destroy = false`, `["create","forget"]` from a replace whose old object is forgotten.
 */
export const planActions = ['no-op', 'create', 'read', 'update', 'delete', 'forget'] as const;

const changeSchema = z.looseObject({
  actions: z.array(z.enum(planActions)).min(1).max(2),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
  after_unknown: z.unknown().optional(),
  replace_paths: z.array(z.array(z.union([z.string(), z.number()]))).optional(),
  /** Present when the change also imports an existing object (Terraform 1.5+, `import` blocks); `unknown` for a deferred import. */
  importing: z.looseObject({ id: z.string().optional(), unknown: z.boolean().optional() }).nullish(),
});

/** One entry of `resource_changes` or `resource_drift`. */
export const resourceChangeSchema = z.looseObject({
  address: z.string().min(1),
  /** The address before a `moved` block moved it. */
  previous_address: z.string().optional(),
  module_address: z.string().optional(),
  mode: z.enum(['managed', 'data']),
  type: z.string().min(1),
  name: z.string().min(1),
  provider_name: z.string().optional(),
  action_reason: z.string().optional(),
  change: changeSchema,
});

/** One entry of `deferred_changes`: a change Terraform could not plan yet, and why. */
export const deferredChangeSchema = z.looseObject({ reason: z.string().min(1), resource_change: resourceChangeSchema });

const checkAddress = z.looseObject({ to_display: z.string().optional(), kind: z.string().optional() });

/** One entry of `checks`: a check block, precondition, postcondition or variable validation and how it ended. */
export const checkResultSchema = z.looseObject({
  address: checkAddress,
  status: z.enum(['pass', 'fail', 'error', 'unknown']),
  instances: z.array(z.looseObject({ address: checkAddress.optional(), status: z.string().optional(), problems: z.array(z.looseObject({ message: z.string() })).optional() })).optional(),
});

/** The parts of `terraform show -json PLANFILE` output the checks read; everything else passes through. */
export const planJsonSchema = z.looseObject({
  format_version: z.string().regex(/^\d+\.\d+$/, 'expected MAJOR.MINOR'),
  terraform_version: z.string().optional(),
  resource_changes: z.array(resourceChangeSchema).default([]),
  resource_drift: z.array(resourceChangeSchema).default([]),
  deferred_changes: z.array(deferredChangeSchema).default([]),
  checks: z.array(checkResultSchema).default([]),
  errored: z.boolean().optional(),
  complete: z.boolean().optional(),
  applyable: z.boolean().optional(),
});

/** A raw resource change entry. */
export type RawResourceChange = z.infer<typeof resourceChangeSchema>;

/** A raw check result entry. */
export type RawCheckResult = z.infer<typeof checkResultSchema>;
