import type { JsonValue } from '../../model';

/** A payload field (`input`, `output`, `cause`) read into a value, and whether it came JSON-encoded. */
export interface DecodedField {
  value: JsonValue;
  /** `string` when it arrived JSON-encoded (real AWS), `parsed` when already an object (LocalStack snapshots), `text` when it is plain text. */
  form: 'string' | 'parsed' | 'text';
}

/**
 * Reads a Step Functions payload field: real AWS sends JSON-encoded strings, LocalStack's snapshots
 * hold the parsed objects, and `cause` is often plain text. Never throws.
 */
export function decodeJsonField(field: unknown): DecodedField | null {
  if (field === undefined || field === null) return null;
  if (typeof field !== 'string') return { value: field as JsonValue, form: 'parsed' };
  const text = field.trim();
  if (/^[[{"]/.test(text) || /^(-?\d|true$|false$|null$)/.test(text)) {
    try {
      return { value: JSON.parse(text) as JsonValue, form: 'string' };
    } catch {
      // plain text that happens to start like JSON
    }
  }
  return { value: field, form: 'text' };
}

/** True when a value is a JSON object (not an array or null). */
export function isJsonObject(value: JsonValue | undefined): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
