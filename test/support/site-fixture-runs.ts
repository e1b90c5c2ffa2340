import type { RunbookConfig } from '../../src/config';
import type { RunReport, StepOutcome } from '../../src/model';
import { saveRun } from '../../src/results';

/** Markup in a summary: the page must show it as text and never run it. */
export const injectedMarkup = '<script>window.__injected = true</script>';

/** A value with no place to break: evidence must wrap it on a phone. */
export const unbrokenValue = `arn:aws:sqs:eu-west-1:123456789012:${'x'.repeat(240)}`;

/** The console links of the fixture's prod result: one in prod's region (a link), one in another (text). */
export const prodLinks = {
  ownRegion: 'https://s3.console.aws.amazon.com/s3/buckets/ara-processed?region=eu-west-1&tab=properties',
  otherRegion: 'https://us-east-1.console.aws.amazon.com/sqs/v3/home?region=us-east-1#/queues',
};

const hoursAgo = (hours: number): string => new Date(Date.now() - hours * 3_600_000).toISOString();

function report(startedAt: string, environment: string, world: string | null, results: StepOutcome[]): RunReport {
  const totals = { pass: 0, fail: 0, warn: 0, acknowledged: 0, skip: 0, error: 0 };
  for (const result of results) totals[result.status] += 1;
  return { version: 1, environment, world, selection: ['3.3.1'], scenarios: [{ id: '3.3', title: 'Snowflake External Table Not Updating', severity: 'medium' }], fix: false, startedAt, durationMs: 900, totals, results };
}

const step331 = { step: '3.3.1', scenario: '3.3', role: 'action' as const, text: 'Verify S3 event notifications are enabled', check: 's3-event-notifications', kind: 'check' as const, durationMs: 40 };

/**
 * Runs older than the test's real CLI runs, saved through the store's API: 3.3.1 failing in the sandbox
 * a day ago (so the real healthy run changes its status), and failing in prod with markup in its summary,
 * a value that cannot break, and console links in and out of prod's region (3.3.2 and 3.3.3 in error and warn).
 */
export async function saveFixtureRuns(root: string, config: RunbookConfig): Promise<void> {
  const failing = { ...step331, status: 'fail' as const, reason: 'fixture' };
  await saveRun({
    root,
    config,
    report: report(hoursAgo(30), 'sandbox', 's3-notifications-missing', [{ ...failing, summary: 'no ObjectCreated queue for processed/', evidence: [], links: [] }]),
    command: ['3.3.1', '--world', 's3-notifications-missing'],
    user: 'trainee',
    commit: null,
  });
  await saveRun({
    root,
    config,
    report: report(hoursAgo(26), 'prod', null, [
      {
        ...failing,
        summary: `no ObjectCreated queue for processed/ ${injectedMarkup}`,
        evidence: [
          { label: 'bucket', value: 'ara-processed' },
          { label: 'expected queue', value: unbrokenValue },
        ],
        links: [
          { label: 'S3 bucket properties', url: prodLinks.ownRegion },
          { label: 'SQS queues in us-east-1', url: prodLinks.otherRegion },
        ],
      },
      // an error and a warning, so every status's badge is on the page
      { ...step331, step: '3.3.2', text: 'Confirm Snowflake storage integration is active', check: 'storage-integration-active', status: 'error', summary: 'could not tell: the request timed out', evidence: [], links: [], error: { name: 'TimeoutError', message: 'timed out' } },
      { ...step331, step: '3.3.3', text: 'Check external table auto-refresh configuration', check: 'external-table-auto-refresh', status: 'warn', reason: 'fixture', summary: 'the pipe reports a stale notification', evidence: [], links: [] },
    ]),
    command: ['3.3.1', '--env', 'prod'],
    user: 'oncall',
    commit: '0123456789abcdef0123456789abcdef01234567',
  });
}
