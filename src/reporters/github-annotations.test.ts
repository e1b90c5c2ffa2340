import { describe, expect, it } from 'vitest';
import { acknowledgeFailure } from '../../test/fixtures/acknowledged';
import { sampleReport } from '../../test/fixtures/sample-report';
import { buildGithubAnnotations } from './github-annotations';

const positions: Record<string, { file: string; line: number; column: number }> = {
  '3.3.2': { file: 'docs/runbook.md', line: 99, column: 1 },
  '3.3.3': { file: 'docs/runbook.md', line: 100, column: 1 },
  '3.1.1': { file: 'docs/runbook.md', line: 55, column: 1 },
};

describe('buildGithubAnnotations', () => {
  it('writes ::error for a failure and a check that could not tell, ::warning for a warning, at the step in the runbook, and nothing for passes or skips', () => {
    const lines = buildGithubAnnotations(sampleReport(), (step) => positions[step]).trimEnd().split('\n');
    expect(lines).toEqual([
      '::error file=docs/runbook.md,line=99,col=1,title=3.3.2 Confirm <script>alert("x")</script> & integration::integration is disabled: "ENABLED" = false <b>%0Aconsole: https://console.example/s3?a=1&b=2',
      '::warning file=docs/runbook.md,line=100,col=1,title=3.3.3 Check auto-refresh::pipe reports an error',
      '::error file=docs/runbook.md,line=55,col=1,title=3.1.1 Open Glue job \'nightly\' (could not tell)::could not tell: ThrottlingException: Rate exceeded',
    ]);
  });

  it('escapes percent signs, line breaks, and colons and commas in properties, so a summary cannot start another command', () => {
    const report = sampleReport();
    report.results[1]!.summary = '50% done\n::error::injected';
    report.results[1]!.text = 'a: b, c';
    report.results[1]!.links = [];
    const [line] = buildGithubAnnotations(report, () => undefined).split('\n');
    expect(line).toBe('::error title=3.3.2 a%3A b%2C c::50%25 done%0A::error::injected');
  });

  it('notes an acknowledged failure with who acknowledged it', () => {
    const text = buildGithubAnnotations(acknowledgeFailure(sampleReport()), (step) => positions[step]);
    expect(text).toContain('::notice file=docs/runbook.md,line=99,col=1,title=3.3.2 Confirm <script>alert("x")</script> & integration::integration is disabled: "ENABLED" = false <b>%0Aacknowledged by data-platform until 2026-12-31T00:00:00.000Z: bucket migration (runbook.acks.yaml:3:5)');
    expect(text).not.toMatch(/^::error .*3\.3\.2/m);
  });
});
