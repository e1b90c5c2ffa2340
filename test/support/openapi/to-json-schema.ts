/** A schema object of an OpenAPI document, as parsed from YAML or JSON. */
export type SchemaObject = Record<string, unknown>;

/** How strictly converted object schemas read a response. */
export interface Strictness {
  /** No property the schema does not declare (unless it says `additionalProperties`). */
  closed: boolean;
  /** Every declared property present: for servers whose serializer writes every field (Airflow 2's marshmallow schemas). */
  complete: boolean;
}

/** Keywords of OpenAPI schema objects that JSON Schema does not have or that only document. */
const documentation = new Set(['example', 'examples', 'discriminator', 'xml', 'externalDocs', 'deprecated', 'readOnly', 'writeOnly', 'title', 'description']);

const isObject = (value: unknown): value is SchemaObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Resolves a local `#/components/schemas/X` reference in the same document. */
export type LocalResolver = (ref: string) => SchemaObject | undefined;

function mergeAllOf(members: SchemaObject[], resolve: LocalResolver): SchemaObject | null {
  const properties: Record<string, unknown> = {};
  const required = new Set<string>();
  for (const member of members) {
    const schema = typeof member.$ref === 'string' ? resolve(member.$ref) : member;
    if (!schema) return null;
    if (schema.allOf) {
      const nested = mergeAllOf(schema.allOf as SchemaObject[], resolve);
      if (!nested) return null;
      Object.assign(properties, nested.properties);
      for (const name of (nested.required as string[]) ?? []) required.add(name);
      continue;
    }
    if (!isObject(schema.properties) || schema.anyOf || schema.oneOf) return null;
    Object.assign(properties, schema.properties);
    for (const name of (schema.required as string[]) ?? []) required.add(name);
  }
  return { type: 'object', properties, required: [...required] };
}

/**
 * Converts an OpenAPI 3.0 or 3.1 schema object to JSON Schema 2020-12: `nullable: true` (3.0, and in the
 * Airflow 3 spec next to 3.1's `type: 'null'`) becomes a null alternative, 3.0's boolean `exclusiveMinimum`
 * its numeric form, documentation keywords go. With `closed`, an `allOf` of object schemas is merged into
 * one object so that closing it does not reject the other members' properties.
 */
export function toJsonSchema(node: unknown, resolve: LocalResolver, strictness: Strictness): unknown {
  if (Array.isArray(node)) return node.map((item) => toJsonSchema(item, resolve, strictness));
  if (!isObject(node)) return node;
  let schema: SchemaObject = Object.fromEntries(Object.entries(node).filter(([key]) => !documentation.has(key) && !key.startsWith('x-')));
  const nullable = schema.nullable === true;
  delete schema.nullable;

  if (strictness.closed && Array.isArray(schema.allOf)) {
    const merged = mergeAllOf(schema.allOf as SchemaObject[], resolve);
    if (merged) {
      const { allOf: _allOf, ...rest } = schema;
      schema = { ...rest, ...merged };
    }
  }
  if (typeof schema.exclusiveMinimum === 'boolean') {
    if (schema.exclusiveMinimum) schema.exclusiveMinimum = schema.minimum;
    else delete schema.exclusiveMinimum;
    if (schema.exclusiveMinimum !== undefined) delete schema.minimum;
  }

  const out: SchemaObject = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'properties' && isObject(value)) out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, toJsonSchema(sub, resolve, strictness)]));
    else if (['items', 'additionalProperties', 'not', 'allOf', 'anyOf', 'oneOf', 'prefixItems'].includes(key)) out[key] = toJsonSchema(value, resolve, strictness);
    else out[key] = value;
  }
  if (isObject(out.properties) && out.additionalProperties === undefined && strictness.closed) out.additionalProperties = false;
  if (isObject(out.properties) && strictness.complete) out.required = Object.keys(out.properties);

  if (!nullable) return out;
  if (typeof out.type === 'string' && out.$ref === undefined) {
    const withNull: SchemaObject = { ...out, type: [out.type, 'null'] };
    if (Array.isArray(out.enum) && !out.enum.includes(null)) withNull.enum = [...out.enum, null];
    return withNull;
  }
  return { anyOf: [out, { type: 'null' }] };
}
