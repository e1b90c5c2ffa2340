/**
 * The names a secret goes by in `name=value`, `name: value` and `"name": "value"` text. The prefix before the
 * keyword is bounded, so that a long run of word characters and dashes costs linear time, not quadratic.
 */
const secretName = String.raw`[A-Za-z0-9_.-]{0,40}?(?:password|passwd|passphrase|pwd|secret(?:[_-]?access)?(?:[_-]?key)?|token|api[_-]?key|private[_-]?key)`;

/**
 * Shapes of secrets, each with what replaces it, keeping the harmless part (a header name, a URL's host,
 * a field's name) so that the evidence around a secret still reads.
 */
export const secretPatterns: ReadonlyArray<readonly [RegExp, string]> = [
  // PEM private keys, also with their line breaks escaped (`\n`) inside JSON strings, and cut short (a log
  // excerpt bounded before the END line): then everything after BEGIN goes.
  [/-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY-----|$)/g, '[redacted]'],
  // AWS access key ids (long-term and temporary).
  [/\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g, '[redacted]'],
  // GitHub tokens: classic (ghp_), OAuth, user-to-server, server-to-server, refresh, fine-grained.
  [/\bgh[pousr]_[A-Za-z0-9]{30,}\b/g, '[redacted]'],
  [/\bgithub_pat_[A-Za-z0-9_]{40,}\b/g, '[redacted]'],
  // Slack tokens and incoming-webhook URLs (the host stays, the path is the secret).
  [/\bxox[abposr]-[A-Za-z0-9-]{10,}/g, '[redacted]'],
  [/(hooks\.slack\.com\/(?:services|workflows|triggers)\/)[A-Za-z0-9/_-]+/g, '$1[redacted]'],
  // JSON web tokens.
  [/\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, '[redacted]'],
  // HTTP credentials: `Authorization: Bearer …`, Basic, Snowflake's session token, cookies.
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/g, '$1 [redacted]'],
  [/(Snowflake Token=")[^"]+/g, '$1[redacted]'],
  [/^((?:Set-)?Cookie:\s*).+$/gim, '$1[redacted]'],
  // A password in a URL's user info: `postgresql://user:password@host`, `jdbc:mysql://user:password@host`.
  [/(\b[a-z][a-z0-9+.-]{0,30}:\/\/[^\s:/@"'<>]{1,256}:)[^\s@/"'<>]{1,256}@/gi, '$1[redacted]@'],
  // An AWS secret access key: 40 characters of base64's alphabet mixing lower case, upper case and digits.
  [/(?<![A-Za-z0-9/+=])(?=[A-Za-z0-9/+]*[a-z])(?=[A-Za-z0-9/+]*[A-Z])(?=[A-Za-z0-9/+]*[0-9])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g, '[redacted]'],
  // A named secret with a quoted value: `"password": "…"`, `password='…'`, `--db_password=…`.
  [new RegExp(String.raw`(\b${secretName}["']?\s*[:=]\s*)(["'])(?!\[redacted\])[^"'\n]+\2`, 'gi'), '$1$2[redacted]$2'],
  // A named secret with a bare value: `password=…`, `aws_secret_access_key = …`, `X-Api-Key: …`.
  [new RegExp(String.raw`(\b${secretName}["']?\s*[:=]\s*)(?![\s"'\[])[^\s"',;}&)\]]{4,}`, 'gi'), '$1[redacted]'],
];

/** Object keys whose string values are secrets (`--db_password`, `SecretAccessKey`, `api_token`); pagination tokens are not. */
export function isSecretKey(key: string): boolean {
  const name = key.toLowerCase().replace(/[^a-z]/g, '');
  if (/(?:next|continuation|page|pagination|marker|client|idempotency)token$/.test(name)) return false;
  return /(?:password|passwd|passphrase|pwd|secret|secretkey|secretaccesskey|token|apikey|privatekey|credential|credentials)$/.test(name);
}
