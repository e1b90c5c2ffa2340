import type { SnowflakeRow } from '../../clients';

/** Reads DESC output rows (`property`, `property_value`, optionally `parent_property`) into a lookup by property name. */
export function propertiesOf(rows: readonly SnowflakeRow[]): Map<string, string> {
  const properties = new Map<string, string>();
  for (const row of rows) {
    const name = String(row.property ?? row.PROPERTY ?? '').toUpperCase();
    const value = row.property_value ?? row.PROPERTY_VALUE;
    if (name) properties.set(name, value === null || value === undefined ? '' : String(value));
  }
  return properties;
}

/** Reads a Snowflake list property: `a,b` or `["a","b"]` or `[]`. */
export function listProperty(value: string | undefined): string[] {
  const trimmed = (value ?? '').trim();
  if (!trimmed || trimmed === '[]') return [];
  if (trimmed.startsWith('[')) {
    try {
      const parsed = JSON.parse(trimmed) as unknown;
      if (Array.isArray(parsed)) return parsed.map(String);
    } catch {
      return trimmed.slice(1, -1).split(',').map((s) => s.trim()).filter(Boolean);
    }
  }
  return trimmed.split(',').map((s) => s.trim()).filter(Boolean);
}
