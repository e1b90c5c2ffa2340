import { wildcardRegExp } from '../../util/wildcard';

/** Raised for a pattern this reader cannot evaluate: not JSON, or an operator it does not know. */
export class EventPatternError extends Error {
  override name = 'EventPatternError';
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

function matchesValue(condition: Json, value: Json | undefined, where: string): boolean {
  if (condition === null || typeof condition !== 'object') return value === condition || (Array.isArray(value) && value.includes(condition));
  if (Array.isArray(condition)) throw new EventPatternError(`${where}: a nested list is not a condition EventBridge accepts`);
  const [operator, argument] = Object.entries(condition)[0] ?? [];
  const text = typeof value === 'string' ? value : undefined;
  switch (operator) {
    case 'prefix':
      return text !== undefined && typeof argument === 'string' && text.startsWith(argument);
    case 'suffix':
      return text !== undefined && typeof argument === 'string' && text.endsWith(argument);
    case 'equals-ignore-case':
      return text !== undefined && typeof argument === 'string' && text.toLowerCase() === argument.toLowerCase();
    case 'wildcard':
      return text !== undefined && typeof argument === 'string' && wildcardRegExp(argument).test(text);
    case 'exists':
      return (value !== undefined) === (argument === true);
    case 'anything-but': {
      if (value === undefined) return false;
      const excluded = Array.isArray(argument) ? argument : [argument ?? null];
      return !excluded.some((item) => (item !== null && typeof item === 'object' && !Array.isArray(item) ? matchesValue(item, value, where) : item === value));
    }
    default:
      throw new EventPatternError(`${where}: the operator ${JSON.stringify(operator)} is not one this reader evaluates (prefix, suffix, equals-ignore-case, wildcard, exists, anything-but)`);
  }
}

function matchesObject(pattern: { [key: string]: Json }, event: { [key: string]: Json } | undefined, where: string): boolean {
  for (const [key, condition] of Object.entries(pattern)) {
    const path = where ? `${where}.${key}` : key;
    const value = event?.[key];
    if (key === '$or') {
      if (!Array.isArray(condition)) throw new EventPatternError(`${path}: expected a list of patterns`);
      if (!condition.some((branch, i) => matchesObject(branch as { [key: string]: Json }, event, `${path}[${i}]`))) return false;
      continue;
    }
    if (Array.isArray(condition)) {
      if (condition.length === 0) throw new EventPatternError(`${path}: an empty list matches nothing and EventBridge refuses it`);
      if (!condition.some((c) => matchesValue(c, value, path))) return false;
    } else if (condition !== null && typeof condition === 'object') {
      if (value === undefined || value === null || typeof value !== 'object' || Array.isArray(value)) return false;
      if (!matchesObject(condition, value, path)) return false;
    } else {
      throw new EventPatternError(`${path}: expected a list of values or a nested pattern, got ${JSON.stringify(condition)}`);
    }
  }
  return true;
}

/**
 * Whether an EventBridge event pattern (the JSON string ListRules returns) matches an event: every field the
 * pattern names must match one of its values (exact, prefix, suffix, wildcard, anything-but, exists, $or).
 * A pattern that does not parse or uses another operator raises EventPatternError, so it is never taken as a match.
 */
export function patternMatches(patternText: string, event: Record<string, unknown>): boolean {
  let pattern: unknown;
  try {
    pattern = JSON.parse(patternText);
  } catch {
    throw new EventPatternError(`the event pattern is not JSON: ${patternText.slice(0, 80)}`);
  }
  if (!pattern || typeof pattern !== 'object' || Array.isArray(pattern)) throw new EventPatternError('the event pattern is not a JSON object');
  return matchesObject(pattern as { [key: string]: Json }, event as { [key: string]: Json }, '');
}

/** The event Glue sends when a run of `jobName` fails (EventBridge "Glue Job State Change", state FAILED). */
export function glueJobFailedEvent(jobName: string, account: string, region: string): Record<string, unknown> {
  return {
    version: '0',
    source: 'aws.glue',
    'detail-type': 'Glue Job State Change',
    account,
    region,
    resources: [],
    detail: { jobName, severity: 'ERROR', state: 'FAILED', jobRunId: 'jr_0000000000000000000000000000000000000000000000000000000000000000', message: 'Job run failed' },
  };
}
