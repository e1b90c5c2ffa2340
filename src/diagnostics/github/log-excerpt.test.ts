import { describe, expect, it } from 'vitest';
import { hasRealArtifacts, readReal, realArtifactsSkipMessage } from '../stepfunctions/real-artifacts.test-support';
import { isErrorLine, logExcerpt, readableLine } from './log-excerpt';

const stamp = (line: string, i: number) => `2026-11-26T01:00:${String(i).padStart(2, '0')}.1234567Z ${line}`;

describe('job log excerpts', () => {
  it('strips the timestamp GitHub puts before every line, the byte-order mark of the first, and terminal colours', () => {
    expect(readableLine('2026-11-26T01:00:00.1234567Z Plan: 1 to add\r')).toBe('Plan: 1 to add');
    expect(readableLine('\uFEFF2026-11-26T01:00:00.1234567Z \x1b[36;1mterraform plan\x1b[0m')).toBe('terraform plan');
  });

  it("recognises GitHub's ##[error], Terraform's boxed Error: and AWS access denials as error lines", () => {
    expect(isErrorLine('##[error]Process completed with exit code 1.')).toBe(true);
    expect(isErrorLine('│ Error: deleting S3 Bucket (x): BucketNotEmpty')).toBe(true);
    expect(isErrorLine('User: arn:aws:sts::1:assumed-role/r/s is not authorized to perform: glue:UpdateJob')).toBe(true);
    expect(isErrorLine('aws_glue_job.transform: Modifying...')).toBe(false);
  });

  it("quotes a Terraform error with its whole diagnostic box, without timestamps", () => {
    const log = ['Acquiring state lock.', '╷', '│ Error: Error acquiring the state lock', '│ ', '│ Lock Info:', '│   ID: abc', '│   Who: runner', '│   Version: 1.9.8', '╵', 'after']
      .map(stamp)
      .join('\n');
    const excerpt = logExcerpt(log, 40, 4);
    expect(excerpt.errorLines).toEqual(['│ Error: Error acquiring the state lock']);
    expect(excerpt.lines).toEqual(['│ Error: Error acquiring the state lock', '│ ', '│ Lock Info:', '│   ID: abc', '│   Who: runner', '│   Version: 1.9.8']);
    expect(excerpt).toMatchObject({ totalLines: 10, truncated: false });
  });

  it('quotes `context` lines after an error line outside a diagnostic box', () => {
    const log = ['start', '##[error]Process completed with exit code 1.', 'a', 'b', 'c'].map(stamp).join('\n');
    expect(logExcerpt(log, 40, 2).lines).toEqual(['##[error]Process completed with exit code 1.', 'a', 'b']);
  });

  it('bounds the excerpt and says it was truncated', () => {
    const log = Array.from({ length: 1000 }, (_, i) => stamp(`##[error]failure ${i}`, i % 60)).join('\n');
    const excerpt = logExcerpt(log, 40);
    expect(excerpt.lines).toHaveLength(40);
    expect(excerpt.errorLines).toHaveLength(40);
    expect(excerpt.truncated).toBe(true);
  });

  it("falls back to the log's last lines when no line reads as an error", () => {
    const log = ['one', 'two', 'three', ''].join('\n');
    expect(logExcerpt(log, 2)).toMatchObject({ errorLines: [], lines: ['two', 'three'], truncated: true, totalLines: 3 });
  });
});

describe.skipIf(!hasRealArtifacts)(`a coloured Terraform error in a job log (${hasRealArtifacts ? 'github_actions/tf11_plan_error_colored.stderr.txt' : realArtifactsSkipMessage})`, () => {
  const stderr = hasRealArtifacts ? readReal('github_actions/tf11_plan_error_colored.stderr.txt') : '';
  const log = ['Run terraform plan -input=false', ...stderr.split('\n'), '##[error]Terraform exited with code 1.'].map(stamp).join('\n');

  it('is found as an error line and quoted with its diagnostic box, without escape sequences', () => {
    const excerpt = logExcerpt(log, 40);
    expect(excerpt.errorLines).toEqual(['│ Error: Reference to undeclared resource', '##[error]Terraform exited with code 1.']);
    expect(excerpt.lines).toContain('│ A managed resource "terraform_data" "missing" has not been declared in the');
    expect(excerpt.lines.join('\n')).not.toMatch(/\x1b|\[0m/);
  });
});
