/**
 * Plain data (what JSON holds) as block-style YAML, the way dbt's own files are written (`dbt_project.yml`,
 * `schema.yml`), without loading a YAML library: the sandbox writes its dbt project on every start. A string is written
 * bare only when it reads back as the same string under YAML 1.1 and 1.2 alike (dbt reads with PyYAML, 1.1); any
 * other is written as a JSON string, which is a YAML double-quoted scalar with the same escapes.
 */
export function yamlText(value: unknown): string {
  return `${isCollection(value) ? block(value, '') : scalar(value)}\n`;
}

/** Words that YAML 1.1 or 1.2 reads as a boolean or null when bare. */
const specialWords = /^(?:y|n|yes|no|true|false|on|off|null|~)$/i;
/** Letters, digits, `_ . / -`, starting with a letter or `_`: never a number, date, anchor, tag or indicator. */
const bareSafe = /^[A-Za-z_][A-Za-z0-9_./-]*$/;

function text(value: string): string {
  return bareSafe.test(value) && !specialWords.test(value) ? value : JSON.stringify(value);
}

function scalar(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return text(value);
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw new TypeError(`yamlText writes plain data (strings, finite numbers, booleans, null, arrays, objects); got ${describe(value)}`);
}

function describe(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'object') return `a ${(value as object).constructor?.name ?? 'object'}`;
  return typeof value;
}

type Collection = unknown[] | Record<string, unknown>;

function isCollection(value: unknown): value is Collection {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return Array.isArray(value) || prototype === Object.prototype || prototype === null;
}

function isEmpty(value: Collection): boolean {
  return Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0;
}

/** An object's or an array's lines at `indent`; an empty one is written in flow style (`[]`, `{}`). */
function block(value: Collection, indent: string): string {
  if (isEmpty(value)) return Array.isArray(value) ? '[]' : '{}';
  if (Array.isArray(value)) return value.map((item) => `${indent}- ${entry(item, `${indent}  `).trimStart()}`).join('\n');
  return Object.entries(value)
    .filter(([, item]) => item !== undefined)
    .map(([key, item]) => `${indent}${text(key)}:${isCollection(item) && !isEmpty(item) ? `\n${block(item, `${indent}  `)}` : ` ${entry(item, indent)}`}`)
    .join('\n');
}

/** A value after `- ` or `key: `: a scalar inline, a collection as its block. */
function entry(value: unknown, indent: string): string {
  return isCollection(value) ? block(value, indent) : scalar(value);
}
