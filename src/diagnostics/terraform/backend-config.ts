/** What a Terraform backend block declares about locking. */
export type BackendLocking =
  | { kind: 'backend'; type: string; dynamodbTable: string | null; useLockfile: boolean }
  | { kind: 'no-backend' }
  | { kind: 'unreadable'; problem: string };

/** The text without `#`, `//` and `/* *\/` comments, strings kept. */
function withoutComments(text: string): string {
  return text.replace(/"(?:[^"\\\n]|\\.)*"|\/\*[\s\S]*?\*\/|(?:#|\/\/)[^\n]*/g, (match) => (match.startsWith('"') ? match : ' '));
}

/** The body of the block that opens at `open` (a `{`), or null when its braces do not close. */
function blockBody(text: string, open: number): string | null {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const char = text[i];
    if (char === '"') {
      const end = /"(?:[^"\\\n]|\\.)*"/y;
      end.lastIndex = i;
      const string = end.exec(text);
      if (string) i += string[0].length - 1;
    } else if (char === '{') depth++;
    else if (char === '}' && --depth === 0) return text.slice(open + 1, i);
  }
  return null;
}

/** Reads the `backend "TYPE" { … }` block of a Terraform file: its type, `dynamodb_table` and `use_lockfile`. */
export function readBackendLocking(hcl: string): BackendLocking {
  const text = withoutComments(hcl);
  const found = /\bbackend\s+"([\w-]+)"\s*\{/.exec(text);
  if (!found) return { kind: 'no-backend' };
  const body = blockBody(text, found.index + found[0].length - 1);
  if (body === null) return { kind: 'unreadable', problem: `the backend "${found[1]}" block does not close` };
  const table = /^\s*dynamodb_table\s*=\s*(.+?)\s*$/m.exec(body);
  if (table && !/^"[^"$]+"$/.test(table[1]!)) return { kind: 'unreadable', problem: `dynamodb_table is ${table[1]}, expected a quoted table name (a variable or expression cannot be read from the file)` };
  const lockfile = /^\s*use_lockfile\s*=\s*(true|false)\s*$/m.exec(body);
  return { kind: 'backend', type: found[1]!, dynamodbTable: table ? table[1]!.slice(1, -1) : null, useLockfile: lockfile?.[1] === 'true' };
}
