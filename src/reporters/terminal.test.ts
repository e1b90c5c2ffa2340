import { describe, expect, it } from 'vitest';
import { acknowledgeFailure } from '../../test/fixtures/acknowledged';
import { sampleReport } from '../../test/fixtures/sample-report';
import { buildTerminalReport, closingLine } from './terminal';

describe('buildTerminalReport', () => {
  it('is stable with colour off at a fixed width: a block per scenario, evidence under what is not a pass, the closing line last', () => {
    expect(buildTerminalReport(sampleReport(), { color: false, width: 80 })).toBe(
      [
        '3.3 Snowflake External Table Not Updating (severity: medium)  env sandbox · world healthy',
        '  PASS  3.3.1   Verify S3 event notifications are enabled [s3-event-notifications]',
        '               events reach the queue',
        '  FAIL  3.3.2   Confirm <script>alert("x")</script> & integration [storage-integration-active]',
        '               integration is disabled: "ENABLED" = false <b>',
        '                 ENABLED: false',
        '                 queue configurations:',
        '                   - id=a queue=arn:aws:sqs:eu-west-1:1:q events=["s3:ObjectCre…',
        '                 console: https://console.example/s3?a=1&b=2',
        '  WARN  3.3.3   Check auto-refresh [external-table-auto-refresh]',
        '               pipe reports an error',
        '  SKIP  3.3.4   Run manual metadata refresh [refresh-external-table, action]',
        '               dry run',
        '',
        '3.1 Glue Job Failure (severity: high)  env sandbox · world healthy',
        "  ERROR 3.1.1   Open Glue job 'nightly' [glue-job-run]",
        '               could not tell: ThrottlingException: Rate exceeded',
        '                 ThrottlingException (400)',
        '  SKIP  3.1.2   Review CloudWatch logs [manual: no check yet]',
        '               no check yet',
        '',
        '1 warned, 1 could not tell (error)',
        '1 passed, 1 failed, 2 skipped',
        '',
      ].join('\n'),
    );
  });

  it('writes no escape codes with colour off, and colours statuses with colour on', () => {
    expect(buildTerminalReport(sampleReport(), { color: false, width: 80 })).not.toMatch(/\u001b\[/);
    expect(buildTerminalReport(sampleReport(), { color: true, width: 80 })).toMatch(/\u001b\[31mFAIL/);
  });

  it('cuts long evidence lines to the screen width', () => {
    const narrow = buildTerminalReport(sampleReport(), { color: false, width: 60 }).split('\n');
    const evidence = narrow.filter((line) => line.startsWith('                 '));
    expect(evidence.filter((line) => !line.includes('https://')).every((line) => line.length <= 60)).toBe(true);
  });

  it('says N passed, N failed, N skipped on the closing line', () => {
    expect(closingLine({ pass: 3, fail: 1, skip: 2, warn: 0, acknowledged: 0, error: 0 })).toBe('3 passed, 1 failed, 2 skipped');
  });

  it('shows an acknowledged failure as ACK with who acknowledged it until when, without its evidence, and counts it apart', () => {
    const lines = buildTerminalReport(acknowledgeFailure(sampleReport()), { color: false, width: 200 }).split('\n');
    const at = lines.findIndex((line) => line.includes('3.3.2'));
    expect(lines.slice(at, at + 4)).toEqual([
      '  ACK   3.3.2   Confirm <script>alert("x")</script> & integration [storage-integration-active]',
      '               integration is disabled: "ENABLED" = false <b>',
      '                 acknowledged by data-platform until 2026-12-31T00:00:00.000Z: bucket migration (runbook.acks.yaml:3:5)',
      '  WARN  3.3.3   Check auto-refresh [external-table-auto-refresh]',
    ]);
    expect(lines.slice(-3)).toEqual(['1 warned, 1 could not tell (error), 1 acknowledged', '1 passed, 0 failed, 2 skipped', '']);
  });
});
