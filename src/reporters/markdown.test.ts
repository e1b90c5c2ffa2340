import { describe, expect, it } from 'vitest';
import { acknowledgeFailure } from '../../test/fixtures/acknowledged';
import { sampleReport } from '../../test/fixtures/sample-report';
import { buildMarkdownReport, escapeMarkdown, markdownLinkTarget } from './markdown';

describe('buildMarkdownReport', () => {
  const md = buildMarkdownReport(sampleReport());

  it('escapes HTML and table syntax in every text it writes into the table', () => {
    expect(md).not.toMatch(/<script>|<b>/);
    expect(md).toContain('| 3.3.2 Confirm \\<script\\>alert\\("x"\\)\\</script\\> & integration | ❌ fail | `storage-integration-active` | integration is disabled: "ENABLED" = false \\<b\\> |');
    expect(escapeMarkdown('a | b\nc *d* [e](f)')).toBe('a \\| b c \\*d\\* \\[e\\]\\(f\\)');
  });

  it('has a heading per scenario with its severity, a row per step, and evidence only for what is not a pass', () => {
    expect(md).toMatch(/^## 3\.3 Snowflake External Table Not Updating \(severity: medium\)$/m);
    expect(md).toMatch(/^## 3\.1 Glue Job Failure \(severity: high\)$/m);
    expect(md.match(/^\| 3\.\d\.\d /gm)).toHaveLength(6);
    expect(md).toMatch(/^#### 3\.3\.2 /m);
    expect(md).not.toMatch(/^#### 3\.3\.1 /m);
    expect(md).not.toMatch(/^#### 3\.1\.2 /m);
    expect(md).toContain('- [console](https://console.example/s3?a=1&b=2)');
  });

  it('writes only http(s) links, so a javascript: URL in evidence cannot become clickable', () => {
    const report = sampleReport();
    const failing = report.results.find((r) => r.status === 'fail')!;
    failing.links = [{ label: 'evil', url: 'javascript:alert(1)' }, { label: 'ok', url: 'https://console.example/x' }];
    const text = buildMarkdownReport(report);
    expect(text).not.toContain('javascript:');
    expect(text).toContain('- [ok](https://console.example/x)');
  });

  it('ends with the closing line', () => {
    expect(md.trimEnd().split('\n').at(-1)).toBe('1 passed, 1 failed, 2 skipped');
  });

  it('marks an acknowledged failure as such, with who acknowledged it until when, instead of its evidence', () => {
    const text = buildMarkdownReport(acknowledgeFailure(sampleReport()));
    expect(text).toMatch(/^\| 3\.3\.2 .* \| 🔕 acknowledged \| `storage-integration-active` \|/m);
    expect(text).toContain('acknowledged by data-platform until 2026-12-31T00:00:00.000Z: bucket migration \\(runbook.acks.yaml:3:5\\)');
    expect(text).not.toContain('ENABLED: false');
  });

  it('encodes a link once: an S3 console link keeps prefix=reviews%2F, and only spaces and parentheses are encoded', () => {
    const report = sampleReport();
    report.results[1]!.links = [{ label: 'S3 arai-processed/reviews/', url: 'https://s3.console.aws.amazon.com/s3/buckets/arai-processed?region=eu-west-1&prefix=reviews%2F' }];
    const text = buildMarkdownReport(report);
    expect(text).toContain('(https://s3.console.aws.amazon.com/s3/buckets/arai-processed?region=eu-west-1&prefix=reviews%2F)');
    expect(text).not.toContain('%252F');
    expect(markdownLinkTarget('https://x.example/a b(c)<d>')).toBe('https://x.example/a%20b%28c%29%3Cd%3E');
  });
});
