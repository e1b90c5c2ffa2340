import { z } from 'zod';

/** The fields of a driver's query request the sandbox reads; drivers send more (sequenceId, asyncExec, …), which pass. */
export const queryBodySchema = z.object({
  sqlText: z.string(),
  bindings: z.record(z.string(), z.object({ type: z.string(), value: z.union([z.string(), z.null(), z.array(z.string())]) })).optional(),
});

/** A query request body as validated at the boundary. */
export type QueryBody = z.infer<typeof queryBodySchema>;
