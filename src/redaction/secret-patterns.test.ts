import { describe, expect, it } from 'vitest';
import { redactDeep, redactText } from '.';

describe('secrets are redacted by their shape wherever they appear, and the text around them stays', () => {
  it.each([
    ['an AWS key pair in a log line', 'boto3: using AKIAZ7QX4EXAMPLE2KEY with secret wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY for s3', 'boto3: using [redacted] with secret [redacted] for s3'],
    ['an AWS secret in an ini line', 'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY', 'aws_secret_access_key = [redacted]'],
    ['a Snowflake password in a Python call', "snowflake.connector.connect(user='DBT_PROD', password='Pr0d!Snow#2026', account='acme')", "snowflake.connector.connect(user='DBT_PROD', password='[redacted]', account='acme')"],
    ['a JSON password field', '{"--db_password": "hunter2 with spaces"}', '{"--db_password": "[redacted]"}'],
    ['a JDBC URL with a password parameter', 'jdbc:postgresql://db.internal:5432/reviews?user=etl&password=Sup3rS3cret!&ssl=true', 'jdbc:postgresql://db.internal:5432/reviews?user=etl&password=[redacted]&ssl=true'],
    ['a URL with a password in its user info', 'connecting to postgresql://etl:Sup3rS3cret@db.internal:5432/reviews', 'connecting to postgresql://etl:[redacted]@db.internal:5432/reviews'],
    ['a Slack webhook', 'notify https://hooks.slack.com/services/T024BE7LD/B01234567/abcdEFGHijklMNOPqrstUVWX failed', 'notify https://hooks.slack.com/services/[redacted] failed'],
    ['a Slack bot token', 'SLACK token xoxb-1234567890-0987654321-AbCdEfGhIjKl', 'SLACK token [redacted]'],
    ['a JSON web token', 'id eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NSJ9.c2lnbmF0dXJlLXNpZ25hdHVyZQ', 'id [redacted]'],
    ['a cookie header', 'Cookie: session=abc123; csrftoken=zz', 'Cookie: [redacted]'],
    ['an API key header', 'X-Api-Key: 9f8e7d6c5b4a', 'X-Api-Key: [redacted]'],
    ['an OpenSSH private key', 'key:\n-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\nloaded', 'key:\n[redacted]\nloaded'],
    ['a private key cut short by a bounded excerpt', 'loaded -----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC', 'loaded [redacted]'],
  ])('%s', (_kind, text, expected) => {
    expect(redactText(text, [])).toBe(expected);
  });

  it.each([
    'password authentication failed for user "DBT_PROD"',
    'Incorrect username or password was specified.',
    'the --db_password argument is set from Secrets Manager',
    'the token has expired: request a new one',
    'run 4f2c9a1b7e6d5c4b3a2918f7e6d5c4b3a2918f7e finished',
    'arn:aws:iam::123456789012:role/arai-glue-job-role',
    'nextToken and continuationToken page through results',
  ])('leaves ordinary text alone: %s', (text) => {
    expect(redactText(text, [])).toBe(text);
  });

  it('redacts a string under a secret key whole, and leaves pagination and client tokens', () => {
    const value = { arguments: { '--db_password': 'plain', '--input_path': 's3://arai-raw/' }, SecretAccessKey: 'x1', nextToken: 'page-2', clientToken: 'run-1', count: 3 };
    expect(redactDeep(value, [])).toEqual({ arguments: { '--db_password': '[redacted]', '--input_path': 's3://arai-raw/' }, SecretAccessKey: '[redacted]', nextToken: 'page-2', clientToken: 'run-1', count: 3 });
  });
});

describe('redaction costs linear time', () => {
  it.each([
    ['dashed tokens', Array.from({ length: 50_000 }, (_, i) => `a${i % 10}`).join('-')],
    ['dotted tokens', Array.from({ length: 50_000 }, (_, i) => `a${i % 10}`).join('.')],
    ['named values', Array.from({ length: 20_000 }, (_, i) => `password=${i}`).join(' ')],
  ])('redacts 150 KB of %s in well under two seconds, however the line is made', (_name, text) => {
    const started = performance.now();
    redactText(text, ['hunter2-very-secret', 'dragon']);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
