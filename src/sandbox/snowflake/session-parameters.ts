/** A session parameter's value as Snowflake sends it: a string, a number or a boolean. */
export type ParameterValue = string | number | boolean;

/**
 * The session parameters real Snowflake sends with a login and with every query result, in its order and
 * with an account's defaults. Copied from a login and a query of a real account recorded for the Node.js
 * driver (server 4.31.3; the nock fixtures of grouparoo/grouparoo's Snowflake plugin). Every driver major
 * formats TIMESTAMP_LTZ/TZ values with TIMEZONE and the *_OUTPUT_FORMAT entries: without them it throws.
 */
export const defaultSessionParameters: ReadonlyArray<readonly [string, ParameterValue]> = [
  ['CLIENT_PREFETCH_THREADS', 4],
  ['TIMESTAMP_OUTPUT_FORMAT', 'YYYY-MM-DD HH24:MI:SS.FF3 TZHTZM'],
  ['JS_TREAT_INTEGER_AS_BIGINT', false],
  ['TIME_OUTPUT_FORMAT', 'HH24:MI:SS'],
  ['CLIENT_RESULT_CHUNK_SIZE', 160],
  ['TIMESTAMP_TZ_OUTPUT_FORMAT', ''],
  ['CLIENT_SESSION_KEEP_ALIVE', false],
  ['CLIENT_OUT_OF_BAND_TELEMETRY_ENABLED', false],
  ['CLIENT_METADATA_USE_SESSION_DATABASE', false],
  ['TIMESTAMP_NTZ_OUTPUT_FORMAT', 'YYYY-MM-DD HH24:MI:SS.FF3'],
  ['CLIENT_RESULT_PREFETCH_THREADS', 1],
  ['CLIENT_METADATA_REQUEST_USE_CONNECTION_CTX', false],
  ['CLIENT_HONOR_CLIENT_TZ_FOR_TIMESTAMP_NTZ', true],
  ['CLIENT_MEMORY_LIMIT', 1536],
  ['CLIENT_TIMESTAMP_TYPE_MAPPING', 'TIMESTAMP_LTZ'],
  ['TIMEZONE', 'America/Los_Angeles'],
  ['CLIENT_RESULT_PREFETCH_SLOTS', 2],
  ['CLIENT_TELEMETRY_ENABLED', true],
  ['CLIENT_USE_V1_QUERY_API', true],
  ['CLIENT_DISABLE_INCIDENTS', true],
  ['CLIENT_RESULT_COLUMN_CASE_INSENSITIVE', false],
  ['BINARY_OUTPUT_FORMAT', 'HEX'],
  ['CLIENT_ENABLE_LOG_INFO_STATEMENT_PARAMETERS', false],
  ['JS_DRIVER_DISABLE_OCSP_FOR_NON_SF_ENDPOINTS', false],
  ['DATE_OUTPUT_FORMAT', 'YYYY-MM-DD'],
  ['CLIENT_FORCE_PROTECT_ID_TOKEN', true],
  ['CLIENT_CONSENT_CACHE_ID_TOKEN', false],
  ['CLIENT_STAGE_ARRAY_BINDING_THRESHOLD', 65280],
  ['CLIENT_SESSION_KEEP_ALIVE_HEARTBEAT_FREQUENCY', 3600],
  ['CLIENT_SESSION_CLONE', false],
  ['AUTOCOMMIT', true],
  ['TIMESTAMP_LTZ_OUTPUT_FORMAT', ''],
];

/** A new session's parameters: the account defaults, which ALTER SESSION may change. */
export function newSessionParameters(): Map<string, ParameterValue> {
  return new Map(defaultSessionParameters);
}

/** The `parameters` list of a login or query response. */
export function parameterList(parameters: ReadonlyMap<string, ParameterValue>): Array<{ name: string; value: ParameterValue }> {
  return [...parameters].map(([name, value]) => ({ name, value }));
}
