/** Environment variables whose values are secrets wherever they appear. */
export const secretEnvironmentVariables = [
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'SNOWFLAKE_PASSWORD',
  'SNOWFLAKE_PRIVATE_KEY_PASSPHRASE',
  'SNOWFLAKE_TOKEN',
  'GITHUB_TOKEN',
  'GH_TOKEN',
  'AIRFLOW_PASSWORD',
  'AIRFLOW_TOKEN',
];

/** Shapes of secrets, each with what replaces it (keeping a harmless prefix where there is one). */
const secretPatterns: Array<[RegExp, string]> = [
  [/\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g, '[redacted]'],
  [/\bgh[pousr]_[A-Za-z0-9]{30,}\b/g, '[redacted]'],
  [/\bgithub_pat_[A-Za-z0-9_]{40,}\b/g, '[redacted]'],
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g, '[redacted]'],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/g, '$1 [redacted]'],
  [/(Snowflake Token=")[^"]+/g, '$1[redacted]'],
  [/\b(password|passwd|secret|token)(["']?\s*[:=]\s*["']?)[^\s"',;}&]{4,}/gi, '$1$2[redacted]'],
];

/** Replaces secrets in text: known secret values, and anything shaped like a key, token or password. */
export function redactText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join('[redacted]');
  for (const [pattern, replacement] of secretPatterns) out = out.replace(pattern, replacement);
  return out;
}

/** Redacts every string inside a JSON-like value, leaving its shape as it is. */
export function redactDeep<T>(value: T, secrets: readonly string[]): T {
  if (typeof value === 'string') return redactText(value, secrets) as T;
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, secrets)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactDeep(item, secrets)])) as T;
  }
  return value;
}

/** The secret values present in an environment, for redaction. */
export function secretsFromEnvironment(env: NodeJS.ProcessEnv): string[] {
  return secretEnvironmentVariables.map((name) => env[name]).filter((value): value is string => Boolean(value));
}
