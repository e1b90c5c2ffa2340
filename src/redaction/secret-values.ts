import { wellKnownCredentials } from './well-known';

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

/** Other variables whose names say they hold a secret (`DB_PASSWORD`, `SLACK_TOKEN`, `STRIPE_API_KEY`). */
const secretVariableName = /(?:^|_)(?:PASSWORD|PASSWD|PASSPHRASE|SECRET|SECRET_KEY|SECRET_ACCESS_KEY|TOKEN|API_KEY|PRIVATE_KEY)$/;

/** The shortest value that is matched at all: anything shorter would shred ordinary text. */
export const minimumSecretLength = 4;

/** Values that switch something rather than open it (`SLACK_TOKEN=none`, `DB_PASSWORD=false`): never secrets. */
const placeholderValue = /^(?:true|false|null|none|undefined|yes|no|on|off|\*+|x+)$/i;

/** True when a credential's value could be a secret: long enough to tell apart, not a placeholder, and not one of the sandbox's published ones. */
export function couldBeSecret(value: string): boolean {
  return value.trim().length >= minimumSecretLength && !placeholderValue.test(value.trim()) && !wellKnownCredentials.has(value);
}

/** The secret values present in an environment, for redaction: the sandbox's well-known credentials are left out. */
export function secretsFromEnvironment(env: NodeJS.ProcessEnv): string[] {
  const names = [...secretEnvironmentVariables, ...Object.keys(env).filter((name) => secretVariableName.test(name) && !secretEnvironmentVariables.includes(name))];
  const values = names.map((name) => env[name]).filter((value): value is string => typeof value === 'string' && couldBeSecret(value));
  return [...new Set(values)];
}
