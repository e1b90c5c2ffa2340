/** The JSON types a review field may have. */
export type FieldType = 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object';

/** The JSON type of a value as the schema check names it (`integer` for whole numbers, `null` for null). */
export function jsonTypeOf(value: unknown): FieldType | 'null' {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  if (typeof value === 'object') return 'object';
  return typeof value as 'string' | 'boolean';
}

/** True when a value of type `seen` satisfies a field of type `expected` (an integer is a number). */
export function typeSatisfies(expected: FieldType, seen: FieldType | 'null'): boolean {
  return seen === expected || (expected === 'number' && seen === 'integer');
}
