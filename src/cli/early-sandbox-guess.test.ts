import { describe, expect, it } from 'vitest';
import { mayRunChecks } from './early-sandbox-guess';

describe('the guess, before parsing, that the arguments run checks', () => {
  it('is yes for a selection, triage and every scenario, with or without options', () => {
    for (const argv of [['3.3'], ['3.3.1', '--world', 'auto-refresh-off'], ['triage', '--then-run'], [], ['--json'], ['--env', 'sandbox', '3.1']]) {
      expect(mayRunChecks(argv, {}), argv.join(' ')).toBe(true);
    }
  });

  it('is no for a list, help, a policy, a store command, or a sandbox already running', () => {
    for (const argv of [['--list'], ['3.3', '--iam-policy'], ['--list-worlds'], ['--help'], ['-h'], ['history', '3.3'], ['transcript', '--since', '2h'], ['verify-audit']]) {
      expect(mayRunChecks(argv, {}), argv.join(' ')).toBe(false);
    }
    expect(mayRunChecks(['3.3'], { RUNBOOK_SANDBOX_URL: 'http://127.0.0.1:4566' })).toBe(false);
  });
});
