import { describe, expect, it } from 'vitest';
import type { ActionConfirmation } from '../runner/action-confirmation';
import { confirmActions, previewText } from './confirm-actions';

const request = (environment: string, sandbox: boolean): ActionConfirmation => ({
  step: '3.5.4', check: 'clear-failed-tasks', title: 'Re-run the failed task (clear it)', environment, sandbox,
  plan: {
    description: 'clear dbt_build in amazon_reviews_dbt run r1',
    preview: { calls: [{ operation: 'airflow:ClearTaskInstances', parameters: { dagId: 'amazon_reviews_dbt', dagRunId: 'r1', taskIds: ['dbt_build'], dryRun: false, note: 'Authorization: Bearer abcdefghijkl0123456789' } }], expects: 'dbt_build runs again' },
    evidence: [],
  },
});

/** Confirms with a terminal that answers `answers` in turn, collecting what was printed and asked. */
function terminal(answers: Array<string | null>) {
  const printed: string[] = [];
  const asked: string[] = [];
  const io = { out: () => undefined, err: (text: string) => void printed.push(text), screen: { color: false, width: 100 } };
  const confirm = confirmActions(io, { kind: 'ask', ask: async (question) => (asked.push(question), answers.shift() ?? null) });
  return { confirm, printed, asked };
}

describe('confirming an action on the terminal', () => {
  it('outside a sandbox, applies only when the environment’s name is typed: a yes is not enough', async () => {
    const { confirm, asked, printed } = terminal(['yes', ' prod ', 'Prod', null]);
    expect(await confirm(request('prod', false))).toBe(false);
    expect(await confirm(request('prod', false))).toBe(true);
    expect(await confirm(request('prod', false))).toBe(false);
    expect(await confirm(request('prod', false))).toBe(false);
    expect(asked[0]).toBe("Apply 3.5.4 in prod? Type the environment's name (prod) to apply it, anything else skips it: ");
    expect(printed.filter((line) => line.startsWith('Not applied'))).toEqual(['Not applied: the answer was not prod.\n', 'Not applied: the answer was not prod.\n', 'Not applied: the answer was not prod.\n']);
  });

  it('in a sandbox, a y or yes applies', async () => {
    const { confirm, asked } = terminal(['y', 'YES', '']);
    expect([await confirm(request('sandbox', true)), await confirm(request('sandbox', true)), await confirm(request('sandbox', true))]).toEqual([true, true, false]);
    expect(asked[0]).toBe('Apply 3.5.4 in sandbox? [y/N] ');
  });

  it('asks about one action at a time, each after its own preview', async () => {
    const { confirm, printed } = terminal(['y', 'y']);
    await Promise.all([confirm(request('sandbox', true)), confirm({ ...request('sandbox', true), step: '3.1.5' })]);
    expect(printed.map((text) => text.trim().split('\n')[0])).toEqual(['Action 3.5.4 (clear-failed-tasks): Re-run the failed task (clear it)', 'Applying 3.5.4 in sandbox.', 'Action 3.1.5 (clear-failed-tasks): Re-run the failed task (clear it)', 'Applying 3.1.5 in sandbox.']);
  });

  it('with --yes still prints the preview, with secrets redacted, then applies without asking', async () => {
    const printed: string[] = [];
    const confirm = confirmActions({ out: () => undefined, err: (text) => void printed.push(text), screen: { color: false, width: 100 } }, { kind: 'yes' });
    expect(await confirm(request('prod', false))).toBe(true);
    expect(printed.join('')).toContain('    airflow:ClearTaskInstances {"dagId":"amazon_reviews_dbt","dagRunId":"r1","taskIds":["dbt_build"],"dryRun":false,"note":"Authorization: Bearer [redacted]"}\n');
    expect(printed.join('')).toContain('Applying 3.5.4 in prod (--yes).\n');
    expect(printed.join('')).not.toContain('abcdefghijkl0123456789');
  });

  it('shows the environment, what it will do and what it expects', () => {
    expect(previewText(request('prod', false), [])).toBe([
      'Action 3.5.4 (clear-failed-tasks): Re-run the failed task (clear it)',
      '  Environment: prod',
      '  Will: clear dbt_build in amazon_reviews_dbt run r1',
      '  Sends:',
      '    airflow:ClearTaskInstances {"dagId":"amazon_reviews_dbt","dagRunId":"r1","taskIds":["dbt_build"],"dryRun":false,"note":"Authorization: Bearer [redacted]"}',
      '  Expects: dbt_build runs again',
    ].join('\n'));
  });
});
