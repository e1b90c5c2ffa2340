import type { Evidence, JsonValue } from '../model';

/** Writes a JSON value on one line, as a person reads it: strings bare, objects as `key=value` pairs. */
export function inlineValue(value: JsonValue): string {
  if (value === null) return '—';
  if (typeof value === 'string') return value;
  if (typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.map(inlineValue).join(', ');
  return Object.entries(value)
    .map(([key, item]) => `${key}=${typeof item === 'object' && item !== null ? JSON.stringify(item) : inlineValue(item)}`)
    .join(' ');
}

/** Lines that show one piece of evidence: lists of objects get a line per item. */
export function evidenceLines(item: Evidence): string[] {
  const value = item.value;
  if (Array.isArray(value) && value.some((v) => typeof v === 'object' && v !== null)) {
    return [`${item.label}:`, ...value.map((v) => `  - ${inlineValue(v)}`)];
  }
  return [`${item.label}: ${inlineValue(value)}`];
}
