import { describe, expect, it } from 'vitest';
import { redactText, secretsFromEnvironment } from '.';
import { sandboxCredentials } from '../sandbox/credentials';

describe('known secret values are matched as whole tokens, and only when they could be secrets', () => {
  it('leaves the sandbox env file credentials out, so the environment name and paths survive', () => {
    const env = { SNOWFLAKE_PASSWORD: sandboxCredentials.snowflake.password, AWS_SECRET_ACCESS_KEY: sandboxCredentials.aws.secretAccessKey, GITHUB_TOKEN: 'sandbox-github-token', AIRFLOW_TOKEN: 'sandbox-airflow-token' };
    const secrets = secretsFromEnvironment(env);
    expect(secrets).toEqual([]);
    const text = 'env sandbox · world healthy; read /tmp/sandbox-worlds/healthy/dbt/target/run_results.json';
    expect(redactText(text, secrets)).toBe(text);
  });

  it('finds a weak value (short, or a dictionary word) only where it stands alone', () => {
    const secrets = ['dragon'];
    expect(redactText('login with password dragon failed', secrets)).toBe('login with password [redacted] failed');
    expect(redactText('pwd=dragon; user "dragon"', secrets)).toBe('pwd=[redacted]; user "[redacted]"');
    for (const text of ['/home/dragonfly/x', 'dragon-cache', 'snapdragon', 'dragon_boat', 'dragon.txt', 'models/dragon/x.sql']) expect(redactText(text, secrets)).toBe(text);
  });

  it('finds a strong value wherever no letter or digit touches its ends', () => {
    const secrets = ['Xy7#kPq9!mZ2'];
    expect(redactText('snowflake://READER:Xy7#kPq9!mZ2@acme/db', secrets)).toBe('snowflake://READER:[redacted]@acme/db');
    expect(redactText('"Xy7#kPq9!mZ2", Xy7#kPq9!mZ2.', secrets)).toBe('"[redacted]", [redacted].');
    expect(redactText('aXy7#kPq9!mZ2b', secrets)).toBe('aXy7#kPq9!mZ2b');
  });

  it('takes no placeholder for a secret, so that true and none stay readable in every report', () => {
    expect(secretsFromEnvironment({ SLACK_TOKEN: 'none', DB_PASSWORD: 'false', API_TOKEN: 'true', GH_TOKEN: '****' })).toEqual([]);
  });

  it('also takes variables whose names say they hold a secret, without duplicates', () => {
    expect(secretsFromEnvironment({ DB_PASSWORD: 'p4ss-w0rd-42', SLACK_TOKEN: 'p4ss-w0rd-42', STRIPE_API_KEY: 'sk_live_123456', SNOWFLAKE_PRIVATE_KEY_PATH: '/keys/rsa.p8', HOME: '/root' })).toEqual(['p4ss-w0rd-42', 'sk_live_123456']);
  });
});
