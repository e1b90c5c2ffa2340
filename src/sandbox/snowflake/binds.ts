/** A bind value as the driver sends it: `{ type: 'TEXT', value: 'x' }`. */
export interface WireBinding {
  type: string;
  value: string | null | string[];
}

function literal(binding: WireBinding | undefined): string {
  if (!binding || binding.value === null || Array.isArray(binding.value)) return 'NULL';
  if (binding.type === 'FIXED' || binding.type === 'REAL') return /^-?\d+(\.\d+)?(e-?\d+)?$/i.test(binding.value) ? binding.value : 'NULL';
  if (binding.type === 'BOOLEAN') return binding.value === 'true' || binding.value === '1' ? 'TRUE' : 'FALSE';
  return `'${binding.value.replaceAll("'", "''")}'`;
}

/** Writes bind values into the SQL text in place of `?` and `:N`, leaving string literals and identifiers alone. */
export function substituteBinds(sql: string, bindings: Record<string, WireBinding> | undefined): string {
  if (!bindings || Object.keys(bindings).length === 0) return sql;
  let position = 0;
  return sql.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"|\?|:(\d+)/g, (token, index?: string) => {
    if (token === '?') return literal(bindings[String(++position)]);
    if (index) return literal(bindings[index]);
    return token;
  });
}
