/** A SQL string literal: quotes doubled, so a name can never end the string. */
export function sqlString(text: string): string {
  return `'${text.replaceAll("'", "''").replaceAll('\\', '\\\\')}'`;
}

/** Splits `DB.SCHEMA.NAME` into its parts (upper-cased, as unquoted Snowflake identifiers resolve). */
export function splitQualifiedName(name: string): { database?: string; schema?: string; name: string } {
  const parts = name.toUpperCase().split('.');
  const last = parts.pop()!;
  const [database, schema] = parts.length === 2 ? parts : [undefined, parts[0]];
  return { ...(database ? { database } : {}), ...(schema ? { schema } : {}), name: last };
}
