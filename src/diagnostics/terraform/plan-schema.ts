import { z } from 'zod';

/** The change actions `terraform show -json` writes, alone or as a replace pair. */
export const planActions = ['no-op', 'create', 'read', 'update', 'delete'] as const;

const changeSchema = z.looseObject({
  actions: z.array(z.enum(planActions)).min(1).max(2),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
  after_unknown: z.unknown().optional(),
  replace_paths: z.array(z.array(z.union([z.string(), z.number()]))).optional(),
});

/** One entry of `resource_changes` or `resource_drift`. */
export const resourceChangeSchema = z.looseObject({
  address: z.string().min(1),
  module_address: z.string().optional(),
  mode: z.enum(['managed', 'data']),
  type: z.string().min(1),
  name: z.string().min(1),
  index: z.union([z.string(), z.number()]).optional(),
  provider_name: z.string().optional(),
  action_reason: z.string().optional(),
  change: changeSchema,
});

/** The parts of `terraform show -json` output the checks read; everything else passes through. */
export const planJsonSchema = z.looseObject({
  format_version: z.string().regex(/^\d+\.\d+$/, 'expected MAJOR.MINOR'),
  terraform_version: z.string().optional(),
  resource_changes: z.array(resourceChangeSchema).default([]),
  resource_drift: z.array(resourceChangeSchema).default([]),
  errored: z.boolean().optional(),
  applyable: z.boolean().optional(),
});

/** A raw resource change entry. */
export type RawResourceChange = z.infer<typeof resourceChangeSchema>;
