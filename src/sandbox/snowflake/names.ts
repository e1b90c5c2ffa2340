import type { SnowflakeSessionInfo } from './state';
import { SqlError } from './errors';

/** Normalises one identifier part: unquoted names fold to upper case, quoted ones keep their case. */
export function normalizePart(part: string): string {
  return part.startsWith('"') && part.endsWith('"') ? part.slice(1, -1).replaceAll('""', '"') : part.toUpperCase();
}

/** Qualifies `NAME`, `SCHEMA.NAME` or `DB.SCHEMA.NAME` against the session's database and schema. */
export function qualify(name: string, session: Pick<SnowflakeSessionInfo, 'database' | 'schema'>): string {
  const parts = name.match(/"(?:[^"]|"")*"|[^.]+/g)?.map(normalizePart) ?? [];
  if (parts.length === 3) return parts.join('.');
  const database = session.database?.toUpperCase();
  const schema = session.schema?.toUpperCase();
  if (parts.length === 2 && database) return [database, ...parts].join('.');
  if (parts.length === 1 && database && schema) return [database, schema, parts[0]].join('.');
  throw new SqlError(`SQL compilation error:\nCannot perform operation. This session does not have a current ${database ? 'schema' : 'database'}. Call 'USE ${database ? 'SCHEMA' : 'DATABASE'}', or use a qualified name.`, '090105', '22000');
}
