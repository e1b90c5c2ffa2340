/** Why a Snowflake connection failed, in the terms an on-call engineer acts on. */
export type ConnectionProblem = 'network' | 'auth' | 'warehouse' | 'account' | 'unknown';

const authCodes = new Set(['390100', '390101', '390102', '390103', '390104', '390144', '390186', '390190', '390191', '390195', '390197', '394304', '394400']);
const networkCodes = new Set(['401001', '401002', '250001', '390400', 'ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'CERT_HAS_EXPIRED']);

/** Classifies a driver error by its Snowflake error code or Node's network code (never by message text). */
export function classifyConnectionError(error: unknown): ConnectionProblem {
  const code = String((error as { code?: unknown })?.code ?? (error as { cause?: { code?: unknown } })?.cause?.code ?? '');
  const name = (error as { name?: unknown })?.name;
  if (authCodes.has(code)) return 'auth';
  if (networkCodes.has(code) || name === 'SnowflakeTimeoutError') return 'network';
  if (code === '000606' || code === '000625') return 'warehouse';
  if (code === '390201' || code === '390422') return 'account';
  return 'unknown';
}
