import { describe, expect, it } from 'vitest';
import { sampleReport } from '../../test/fixtures/sample-report';
import { buildJsonReport } from '../reporters/json';
import { buildTerminalReport } from '../reporters/terminal';
import { redactDeep, redactText, secretsFromEnvironment } from '.';

describe('redaction', () => {
  it('replaces the values of secret environment variables wherever they appear', () => {
    const secrets = secretsFromEnvironment({ SNOWFLAKE_PASSWORD: 'hunter2-very-secret', GITHUB_TOKEN: 'abcd1234', HOME: '/root' });
    expect(secrets).toEqual(['hunter2-very-secret', 'abcd1234']);
    expect(redactText('login as x with hunter2-very-secret failed; token abcd1234.', secrets)).toBe('login as x with [redacted] failed; token [redacted].');
  });

  it.each([
    ['an AWS access key id', 'key AKIAIOSFODNN7EXAMPLE used', 'key [redacted] used'],
    ['a GitHub token', 'ghp_abcdefghijklmnopqrstuvwxyz0123456789 sent', '[redacted] sent'],
    ['a GitHub fine-grained token', 'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz0123', '[redacted]'],
    ['a bearer header', 'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig', 'Authorization: Bearer [redacted]'],
    ['a Snowflake session token', 'Authorization: Snowflake Token="ver:1-hint:123-ETMsDgAAAX"', 'Authorization: Snowflake Token="[redacted]"'],
    ['a password assignment', 'jdbc:snowflake://x?password=s3cr3tValue&user=a', 'jdbc:snowflake://x?password=[redacted]&user=a'],
    ['a JSON secret field', '{"secret": "abcdef123456"}', '{"secret": "[redacted]"}'],
    ['a private key', '-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----', '[redacted]'],
  ])('removes %s by its shape', (_name, text, expected) => {
    expect(redactText(text, [])).toBe(expected);
  });

  it('ignores secrets shorter than 4 characters, which would shred ordinary text', () => {
    expect(redactText('a b c', ['a'])).toBe('a b c');
  });

  it('redacts every string of a report, and no secret reaches the JSON or terminal output', () => {
    const report = sampleReport();
    report.results[1]!.summary = 'login with hunter2-very-secret and AKIAIOSFODNN7EXAMPLE failed';
    report.results[1]!.evidence.push({ label: 'connection', value: { url: 'https://x', headers: ['Authorization: Bearer abcdefghijkl'] } });
    const redacted = redactDeep(report, ['hunter2-very-secret']);
    const outputs = [buildJsonReport(redacted), buildTerminalReport(redacted, { color: false, width: 200 })];
    for (const output of outputs) {
      expect(output).not.toContain('hunter2-very-secret');
      expect(output).not.toContain('AKIAIOSFODNN7EXAMPLE');
      expect(output).not.toContain('abcdefghijkl');
    }
    expect(redacted.results[1]!.evidence.at(-1)).toEqual({ label: 'connection', value: { url: 'https://x', headers: ['Authorization: Bearer [redacted]'] } });
    expect(redacted.totals).toEqual(report.totals);
  });
});
