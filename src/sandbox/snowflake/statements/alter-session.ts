import { defaultSessionParameters, type ParameterValue } from '../session-parameters';
import { statementExecuted } from './status';
import type { StatementHandler } from './statement';

const assignment = /([A-Za-z_][\w$]*)\s*=\s*('(?:[^']|'')*'|[^\s,']+)/g;

/** A parameter value as written in SQL, typed like the parameter's current value. */
function valueOf(literal: string, current: ParameterValue): ParameterValue {
  const unquoted = literal.startsWith("'") ? literal.slice(1, -1).replaceAll("''", "'") : literal;
  if (typeof current === 'boolean') return /^(true|on|yes|1)$/i.test(unquoted);
  if (typeof current === 'number' && /^-?\d+$/.test(unquoted)) return Number(unquoted);
  return unquoted;
}

/**
 * ALTER SESSION SET name = value [ … ] and ALTER SESSION UNSET name [, …]: changes the session parameters
 * that every later response carries (TIMEZONE, the output formats); parameters the responses do not carry
 * (QUERY_TAG and the like) are accepted as Snowflake accepts them.
 */
export const alterSession: StatementHandler = {
  operation: 'ALTER SESSION',
  pattern: /^ALTER\s+SESSION\s+(SET|UNSET)\s+([\s\S]+?)\s*;?\s*$/i,
  mutates: false,
  run({ match, session }) {
    const [, verb, rest] = match as unknown as [string, string, string];
    if (verb.toUpperCase() === 'UNSET') {
      const defaults = new Map(defaultSessionParameters);
      for (const name of rest.split(/\s*,\s*/).map((n) => n.toUpperCase())) {
        if (defaults.has(name)) session.parameters.set(name, defaults.get(name)!);
      }
      return statementExecuted();
    }
    for (const [, name, literal] of rest.matchAll(assignment)) {
      const key = name!.toUpperCase();
      const current = session.parameters.get(key);
      if (current !== undefined) session.parameters.set(key, valueOf(literal!, current));
    }
    return statementExecuted();
  },
};
