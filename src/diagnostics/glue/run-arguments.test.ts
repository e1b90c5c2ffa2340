import { describe, expect, it } from 'vitest';
import { argumentsEvidence } from './run-arguments';

describe('a run’s arguments as evidence', () => {
  it('replaces the values of secret-named arguments and keeps the others', () => {
    expect(argumentsEvidence({ '--input_path': 's3://b/p/', '--db_password': 'hunter22', '--API_TOKEN': 'abc123', '--run_date': '2026-11-26' })).toEqual({
      '--input_path': 's3://b/p/',
      '--db_password': '[redacted]',
      '--API_TOKEN': '[redacted]',
      '--run_date': '2026-11-26',
    });
  });

  it('is empty for a run without arguments', () => {
    expect(argumentsEvidence(undefined)).toEqual({});
  });
});
