import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { acknowledgeFailure } from '../../test/fixtures/acknowledged';
import { sampleReport } from '../../test/fixtures/sample-report';
import { buildJunitXml } from './junit';

interface Testcase {
  name: string;
  time: string;
  classname: string;
  failure?: { message: string; type: string; '#text': string };
  error?: { message: string; type: string; '#text': string };
  skipped?: { message: string; '#text'?: string };
  'system-out'?: string;
}
interface Testsuite {
  name: string;
  time: string;
  tests: string;
  failures: string;
  errors: string;
  skipped: string;
  testcase: Testcase[];
}

const parse = (xml: string) =>
  new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'testsuite' || name === 'testcase', parseAttributeValue: false }).parse(xml) as {
    testsuites: { name: string; tests: string; failures: string; errors: string; skipped: string; time: string; testsuite: Testsuite[] };
  };

describe('buildJunitXml', () => {
  const xml = buildJunitXml(sampleReport());
  const doc = parse(xml);
  const cases = doc.testsuites.testsuite.flatMap((s) => s.testcase);
  const byStep = (step: string) => cases.find((c) => c.name.startsWith(`${step} `))!;

  it('writes a well-formed document that an XML parser reads', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(doc.testsuites).toMatchObject({ name: 'runbook sandbox', tests: '6', failures: '1', errors: '1', skipped: '2' });
  });

  it('has a test suite per scenario with its counts, and a test case per step', () => {
    expect(doc.testsuites.testsuite.map((s) => ({ name: s.name, tests: s.tests, failures: s.failures, errors: s.errors, skipped: s.skipped, cases: s.testcase.length }))).toEqual([
      { name: '3.3 Snowflake External Table Not Updating', tests: '4', failures: '1', errors: '0', skipped: '1', cases: 4 },
      { name: '3.1 Glue Job Failure', tests: '2', failures: '0', errors: '1', skipped: '1', cases: 2 },
    ]);
    expect(cases.map((c) => c.classname)).toEqual(['runbook.3.3', 'runbook.3.3', 'runbook.3.3', 'runbook.3.3', 'runbook.3.1', 'runbook.3.1']);
  });

  it('marks a fail with <failure>, an error with <error> and its class, a skip with <skipped>, and nothing else', () => {
    expect(byStep('3.3.2').failure).toMatchObject({ type: 'fail', message: 'integration is disabled: "ENABLED" = false <b>' });
    expect(byStep('3.3.2').failure!['#text']).toContain('console: https://console.example/s3?a=1&b=2');
    expect(byStep('3.1.1').error).toMatchObject({ type: 'ThrottlingException', message: 'could not tell: ThrottlingException: Rate exceeded' });
    expect(byStep('3.3.4').skipped).toEqual({ message: 'dry run' });
    expect(byStep('3.3.1').failure ?? byStep('3.3.1').error ?? byStep('3.3.1').skipped).toBeUndefined();
    expect(byStep('3.3.3').failure ?? byStep('3.3.3').error ?? byStep('3.3.3').skipped).toBeUndefined();
  });

  it('escapes markup and quotes, so a step text cannot inject elements', () => {
    expect(byStep('3.3.2').name).toBe('3.3.2 Confirm <script>alert("x")</script> & integration');
    expect(byStep('3.1.1').name).toBe("3.1.1 Open Glue job 'nightly'");
    expect(xml).not.toContain('<script>');
    expect(xml).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; integration');
  });

  it('leaves out scenarios with no results in the run', () => {
    const report = sampleReport();
    report.scenarios.push({ id: '3.6', title: 'Terraform Apply Failure', severity: 'high' });
    expect(parse(buildJunitXml(report)).testsuites.testsuite.map((s) => s.name)).not.toContain('3.6 Terraform Apply Failure');
  });

  it('gives times that add up: each suite the sum of its cases, the document the sum of its suites', () => {
    const report = sampleReport();
    report.results.forEach((r, i) => (r.durationMs = [1, 22, 333, 4444, 5, 0][i]!));
    report.durationMs = 900; // the wall clock of concurrent checks is shorter than their sum
    const parsed = parse(buildJunitXml(report)).testsuites;
    const ms = (time: string) => Math.round(Number(time) * 1000);
    for (const suite of parsed.testsuite) expect(ms(suite.time), suite.name).toBe(suite.testcase.reduce((sum, c) => sum + ms(c.time), 0));
    expect(parsed.testsuite.map((s) => s.time)).toEqual(['4.800', '0.005']);
    expect(parsed.time).toBe('4.805');
    expect(ms(parsed.time)).toBe(parsed.testsuite.reduce((sum, s) => sum + ms(s.time), 0));
  });

  it('reports an acknowledged failure as skipped, saying who acknowledged it until when and why, and counts it with the skips', () => {
    const doc = parse(buildJunitXml(acknowledgeFailure(sampleReport())));
    const testcase = doc.testsuites.testsuite[0]!.testcase[1]!;
    expect(testcase.failure).toBeUndefined();
    expect(testcase.skipped?.message).toBe('acknowledged by data-platform until 2026-12-31T00:00:00.000Z: bucket migration (runbook.acks.yaml:3:5)');
    expect(testcase.skipped?.['#text']).toContain('integration is disabled');
    expect(doc.testsuites.testsuite[0]).toMatchObject({ failures: '0', skipped: '2' });
    expect(doc.testsuites).toMatchObject({ failures: '0', skipped: '3' });
  });
});
