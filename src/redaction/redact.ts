import { isSecretKey, secretPatterns } from './secret-patterns';
import { couldBeSecret } from './secret-values';
import { valueMatcher } from './value-matcher';

/** What a secret is replaced with. */
export const redactedMark = '[redacted]';

/** Replaces secrets in text: known secret values as whole tokens, and anything shaped like a key, token or password. */
export function redactText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (couldBeSecret(secret)) out = out.replace(valueMatcher(secret), redactedMark);
  for (const [pattern, replacement] of secretPatterns) out = out.replace(pattern, replacement);
  return out;
}

/** Redacts every string inside a JSON-like value, leaving its shape as it is; a string under a secret's key (`--db_password`) goes whole. */
export function redactDeep<T>(value: T, secrets: readonly string[]): T {
  if (typeof value === 'string') return redactText(value, secrets) as T;
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, secrets)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, typeof item === 'string' && item !== '' && isSecretKey(key) ? redactedMark : redactDeep(item, secrets)]),
    ) as T;
  }
  return value;
}
