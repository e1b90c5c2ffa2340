import { invalidIdentifier, objectDoesNotExist, SqlError, syntaxError } from './errors';
import { normalizePart } from './names';

/** Where in the statement an engine error points: Snowflake's line (from 1) and position in that line (from 0). */
interface Place {
  line: number;
  position: number;
  /** The statement's text at that place, to the end of its line. */
  rest: string;
}

const identifierChain = /^(?:"(?:[^"]|"")*"|[A-Za-z_][\w$]*)(?:\s*\.\s*(?:"(?:[^"]|"")*"|[A-Za-z_][\w$]*))*/;

/** The place DuckDB's `LINE n: …` and caret lines point at, in the statement's own text. */
function placeOf(message: string, sql: string): Place | null {
  const found = /\nLINE (\d+): (.*)\n( *)\^/.exec(message);
  if (!found) return null;
  const line = Number(found[1]);
  const text = sql.split('\n')[line - 1] ?? '';
  const shown = found[2]!;
  const caret = found[3]!.length - `LINE ${found[1]}: `.length;
  // DuckDB shows a window of a long line, marked with "...": find the window in the real line.
  const window = shown.replace(/^\.\.\./, '').replace(/\.\.\.$/, '');
  const windowStart = shown.startsWith('...') ? text.indexOf(window) : -1;
  const offset = windowStart >= 0 ? windowStart - 3 : 0;
  const position = Math.max(0, Math.min(text.length, offset + caret));
  return { line, position, rest: text.slice(position) };
}

/** The dotted name at a place, as Snowflake prints it: unquoted parts upper-cased. */
function nameAt(place: Place | null, fallback: string): string {
  const chain = place ? identifierChain.exec(place.rest)?.[0] : undefined;
  const name = chain ?? fallback;
  return (name.match(/"(?:[^"]|"")*"|[^.\s]+/g) ?? [name]).map(normalizePart).join('.');
}

/** The end of the statement, where Snowflake reports an unexpected '<EOF>'. */
function endOf(sql: string): Place {
  const lines = sql.replace(/\s+$/, '').split('\n');
  return { line: lines.length, position: lines.at(-1)!.length, rest: '' };
}

/** The session's defaults for names that leave out the database or schema. */
export interface NameDefaults {
  database: string | null;
  schema: string | null;
}

function qualifiedSchema(parts: string[], defaults: NameDefaults): string {
  return parts.length >= 2 ? parts.slice(-2).join('.') : [defaults.database, parts[0]].filter(Boolean).join('.');
}

/**
 * An error of the warehouse's SQL engine (DuckDB) as Snowflake reports the same mistake: its code, SQL
 * state and words, with the line and position in the statement. The engine's own text never reaches the client.
 */
export function snowflakeErrorOf(error: unknown, sql: string, defaults: NameDefaults): SqlError {
  const message = error instanceof Error ? error.message : String(error);
  const headline = message.split('\n', 1)[0]!;
  const place = placeOf(message, sql);
  const quoted = /"([^"]+)"/.exec(headline)?.[1];

  if (/^Parser Error: syntax error at end of input/.test(headline)) {
    const end = endOf(sql);
    return syntaxError(end.line, end.position, '<EOF>');
  }
  if (/^Parser Error: syntax error at or near "/.test(headline)) {
    const at = place ?? endOf(sql);
    return syntaxError(at.line, at.position, quoted ?? '<EOF>');
  }
  if (/^Binder Error: Catalog "[^"]+" does not exist/.test(headline)) {
    return objectDoesNotExist('Database', quoted!.toUpperCase());
  }
  if (/^Catalog Error: Table with name .* because schema/.test(headline)) {
    const parts = nameAt(place, quoted ?? 'object').split('.');
    return objectDoesNotExist('Schema', qualifiedSchema(parts.slice(0, -1), defaults));
  }
  if (/^Catalog Error: Table with name /.test(headline)) {
    const fallback = /Table with name "?([^"\s!]+)/.exec(headline)?.[1] ?? 'object';
    return objectDoesNotExist('Object', nameAt(place, fallback), '42S02');
  }
  if (/^Binder Error: (Referenced column|Table "[^"]+" does not have a column)/.test(headline)) {
    const fallback = /column(?: named)? "([^"]+)"/.exec(headline)?.[1] ?? 'column';
    return invalidIdentifier(place?.line ?? 1, place?.position ?? 0, nameAt(place, fallback));
  }
  if (/^Catalog Error: (Scalar|Aggregate|Table) Function with name /.test(headline)) {
    const name = /with name "?([^"\s!]+)/.exec(headline)?.[1] ?? 'function';
    return new SqlError(`SQL compilation error:\nUnknown function ${name.toUpperCase()}`, '002140', '42601');
  }
  if (/^Conversion Error: Could not convert string '/.test(headline)) {
    const value = /string '((?:[^']|'')*)'/.exec(headline)?.[1] ?? '';
    return new SqlError(`Numeric value '${value}' is not recognized`, '100038', '22018');
  }
  const word = sql.trim().split(/\s+/, 1)[0]!.toUpperCase();
  return new SqlError(`Unsupported feature '${word} statement of this form'.`, '000002', '0A000');
}
