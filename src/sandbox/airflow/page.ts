import type { ServiceReply } from '../core/service';
import { failure, validationError } from './replies';
import type { ApiVersion } from './wire';

/** Airflow's `maximum_page_limit` default: a larger `limit` is lowered to it. */
export const maximumPageLimit = 100;
/** The default `limit` of a list: 100 in the v1 spec (PageLimit), 50 in the v2 spec. */
const defaultLimit: Record<ApiVersion, number> = { v1: 100, v2: 50 };

/** A page of a list, or the answer refusing the paging parameters. */
export type Paged<T> = { items: T[]; total: number } | { refused: ServiceReply };

function parameter(query: URLSearchParams, name: 'limit' | 'offset', version: ApiVersion, operation: string): number | ServiceReply | null {
  const raw = query.get(name);
  if (raw === null || raw === '') return null;
  if (!/^-?\d+$/.test(raw)) {
    return version === 'v1'
      ? failure(400, 'Bad Request', `'${raw}' is not of type 'integer' - '${name}'`, version, operation)
      : validationError([{ type: 'int_parsing', loc: ['query', name], msg: 'Input should be a valid integer, unable to parse string as an integer', input: raw }], operation);
  }
  const value = Number(raw);
  if (value < 0) {
    return version === 'v1'
      ? failure(400, 'Bad Request', name === 'limit' ? 'Page limit must be a positive integer' : `${value} is less than the minimum of 0 - '${name}'`, version, operation)
      : validationError([{ type: 'greater_than_equal', loc: ['query', name], msg: 'Input should be greater than or equal to 0', input: raw }], operation);
  }
  return value;
}

/** Applies `limit` and `offset` as Airflow does: a limit of 0 or none is the default, one above the maximum is lowered to it. */
export function paginate<T>(items: readonly T[], query: URLSearchParams, version: ApiVersion, operation: string): Paged<T> {
  const limit = parameter(query, 'limit', version, operation);
  if (limit !== null && typeof limit === 'object') return { refused: limit };
  const offset = parameter(query, 'offset', version, operation);
  if (offset !== null && typeof offset === 'object') return { refused: offset };
  const size = Math.min(limit || defaultLimit[version], maximumPageLimit);
  const start = offset ?? 0;
  return { items: items.slice(start, start + size), total: items.length };
}
