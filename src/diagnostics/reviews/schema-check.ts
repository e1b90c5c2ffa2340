import { jsonTypeOf, typeSatisfies, type FieldType } from './field-types';
import type { ReviewSchema } from './schemas';

/** Where a record was read: object key and line. */
export interface RecordPlace {
  key: string;
  line: number;
}

/** A field some records lack although the schema requires it. */
export interface MissingField {
  field: string;
  records: number;
  first: RecordPlace;
}

/** A field the schema does not know. */
export interface UnexpectedField {
  field: string;
  records: number;
  seenTypes: string[];
  first: RecordPlace;
}

/** A field whose values have another type than the schema's. */
export interface RetypedField {
  field: string;
  expected: FieldType;
  seen: string[];
  records: number;
  first: RecordPlace;
}

/** How sampled records compare with the expected schema. */
export interface SchemaComparison {
  schema: string;
  recordsChecked: number;
  missing: MissingField[];
  unexpected: UnexpectedField[];
  retyped: RetypedField[];
}

/** Compares records with a schema: required fields missing, fields it does not list, values of another type. */
export function compareWithSchema(records: ReadonlyArray<{ place: RecordPlace; record: Record<string, unknown> }>, schema: ReviewSchema): SchemaComparison {
  const missing = new Map<string, MissingField>();
  const unexpected = new Map<string, UnexpectedField>();
  const retyped = new Map<string, RetypedField>();
  for (const { place, record } of records) {
    for (const [field, spec] of Object.entries(schema.fields)) {
      if (!(field in record)) {
        if (!spec.required) continue;
        const entry = missing.get(field) ?? { field, records: 0, first: place };
        entry.records++;
        missing.set(field, entry);
        continue;
      }
      const seen = jsonTypeOf(record[field]);
      if (typeSatisfies(spec.type, seen) || (seen === 'null' && !spec.required)) continue;
      const entry = retyped.get(field) ?? { field, expected: spec.type, seen: [], records: 0, first: place };
      entry.records++;
      if (!entry.seen.includes(seen)) entry.seen.push(seen);
      retyped.set(field, entry);
    }
    for (const field of Object.keys(record)) {
      if (field in schema.fields) continue;
      const entry = unexpected.get(field) ?? { field, records: 0, seenTypes: [], first: place };
      entry.records++;
      const seen = jsonTypeOf(record[field]);
      if (!entry.seenTypes.includes(seen)) entry.seenTypes.push(seen);
      unexpected.set(field, entry);
    }
  }
  return { schema: schema.name, recordsChecked: records.length, missing: [...missing.values()], unexpected: [...unexpected.values()], retyped: [...retyped.values()] };
}

/** True when the comparison shows a deviation that breaks a job expecting the schema (missing or retyped fields). */
export function breaksSchema(comparison: SchemaComparison): boolean {
  return comparison.missing.length > 0 || comparison.retyped.length > 0;
}
