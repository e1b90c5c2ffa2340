import { describe, expect, it } from 'vitest';
import { envVarUses, ProfileError, renderOutput, selectProfileTarget, UnsupportedTemplateError } from './profile';
import { judgeFreshness, thresholdMs } from './freshness';

const profiles = `
amazon_reviews:
  target: prod
  outputs:
    prod:
      type: snowflake
      account: "{{ env_var('SNOWFLAKE_ACCOUNT') }}"
      password: "{{ env_var('SNOWFLAKE_PASSWORD') }}"
      port: "{{ env_var('SNOWFLAKE_PORT') | as_number }}"
      protocol: "{{ env_var('SNOWFLAKE_PROTOCOL', 'https') }}"
      threads: 4
    dev:
      type: snowflake
      account: dev
`;

describe('dbt profiles', () => {
  it("selects the profile's default target and lists the env_var() calls it needs", () => {
    const target = selectProfileTarget(profiles, 'amazon_reviews');
    expect(target.target).toBe('prod');
    expect(target.targets).toEqual(['prod', 'dev']);
    expect(envVarUses(target.output).map((u) => [u.name, u.hasDefault])).toEqual([
      ['SNOWFLAKE_ACCOUNT', false],
      ['SNOWFLAKE_PASSWORD', false],
      ['SNOWFLAKE_PORT', false],
      ['SNOWFLAKE_PROTOCOL', true],
    ]);
  });

  it('an unknown target is an error listing the targets that exist', () => {
    expect(() => selectProfileTarget(profiles, 'amazon_reviews', 'staging')).toThrow(ProfileError);
    expect(() => selectProfileTarget(profiles, 'amazon_reviews', 'staging')).toThrow(/no target "staging", expected one of: prod, dev/);
  });

  it('an unknown profile is an error listing the profiles that exist', () => {
    expect(() => selectProfileTarget(profiles, 'other')).toThrow(/no profile "other", expected one of: amazon_reviews/);
  });

  it('renders env_var() with the environment, defaults, and as_number', () => {
    const output = selectProfileTarget(profiles, 'amazon_reviews').output;
    expect(renderOutput(output, { SNOWFLAKE_ACCOUNT: 'acme', SNOWFLAKE_PASSWORD: 'pw', SNOWFLAKE_PORT: '8080' })).toEqual({
      type: 'snowflake', account: 'acme', password: 'pw', port: 8080, protocol: 'https', threads: 4,
    });
  });

  it('refuses to guess at Jinja it cannot render', () => {
    expect(() => renderOutput({ schema: "{{ target.name ~ '_x' }}" }, {})).toThrow(UnsupportedTemplateError);
  });
});

describe('freshness judged as of now', () => {
  const now = new Date('2026-01-02T00:00:00Z');
  it('data older than error_after is stale, between warn and error is a warning, newer is fresh', () => {
    const warnMs = thresholdMs({ count: 12, period: 'hour' });
    const errorMs = thresholdMs({ count: 1, period: 'day' });
    expect(judgeFreshness(new Date('2025-12-31T20:00:00Z'), now, warnMs, errorMs).status).toBe('stale');
    expect(judgeFreshness(new Date('2026-01-01T06:00:00Z'), now, warnMs, errorMs).status).toBe('warn');
    expect(judgeFreshness(new Date('2026-01-01T23:00:00Z'), now, warnMs, errorMs)).toEqual({ status: 'fresh', ageMs: 3_600_000 });
    expect(judgeFreshness(null, now, warnMs, errorMs).status).toBe('empty');
  });
});
