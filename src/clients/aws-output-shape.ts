import type { $SchemaRef, SchemaTraits, StaticOperationSchema, StaticStructureSchema } from '@smithy/types';

/** What an operation's answer must hold, read from the SDK's own model (its static schemas). */
export interface OutputShape {
  /** Members the model marks required (the first `requiredCount` of the structure). */
  required: string[];
  /** The answer is a raw payload (S3 GetObject's body): any content type goes, nothing to parse. */
  rawPayload: boolean;
  /** Some member is read from the body (not from headers): an empty body cannot be the answer. */
  hasBodyMembers: boolean;
}

/** Where the SDK keeps the operation's schema in the middleware context. */
const smithyContextKey = '__smithy_context';

const deref = (ref: $SchemaRef): unknown => (typeof ref === 'function' ? ref() : ref);

/** A member entry is `[target, traits]`; a schema of its own is longer (`[kind, namespace, name, traits, …]`). */
function memberTraits(entry: $SchemaRef): SchemaTraits {
  return Array.isArray(entry) && entry.length === 2 ? (entry[1] as SchemaTraits) : 0;
}

const httpPayloadBit = 16;

function isPayload(traits: SchemaTraits): boolean {
  return typeof traits === 'number' ? (traits & httpPayloadBit) !== 0 : traits.httpPayload === 1;
}

function isHeaderBound(traits: SchemaTraits): boolean {
  return typeof traits === 'object' && (traits.httpHeader !== undefined || traits.httpPrefixHeaders !== undefined || traits.httpResponseCode === 1);
}

/** The output shape of the operation a middleware context runs, or null when the SDK carries no schema for it. */
export function outputShapeOf(context: object): OutputShape | null {
  const operation = (context as Record<string, { operationSchema?: StaticOperationSchema } | undefined>)[smithyContextKey]?.operationSchema;
  if (!Array.isArray(operation) || operation[0] !== 9) return null;
  const output = deref(operation[5]) as StaticStructureSchema | undefined;
  if (!Array.isArray(output) || output[0] !== 3) return null;
  const [, , , , names, members, requiredCount] = output;
  const traits = members.map(memberTraits);
  return {
    required: names.slice(0, requiredCount ?? 0),
    rawPayload: traits.some(isPayload),
    hasBodyMembers: traits.some((t) => !isHeaderBound(t)),
  };
}
