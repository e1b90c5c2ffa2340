import { escapeXml } from '../util/escape-xml';
import { printableDeep } from './printable';
import type { RunReport, StepOutcome } from '../model';
import { acknowledgementLine } from './acknowledgement-text';
import { evidenceLines } from './evidence-text';

function details(outcome: StepOutcome): string {
  return [outcome.summary, ...outcome.evidence.flatMap(evidenceLines), ...outcome.links.map((l) => `${l.label}: ${l.url}`)].join('\n');
}

/** Seconds with millisecond precision, from whole milliseconds, so that sums of printed times add up exactly. */
const seconds = (ms: number) => (Math.round(ms) / 1000).toFixed(3);

function testcase(outcome: StepOutcome): string {
  const name = `${outcome.step} ${outcome.text}`;
  const head = `<testcase classname="${escapeXml(`runbook.${outcome.scenario}`)}" name="${escapeXml(name)}" time="${seconds(outcome.durationMs)}">`;
  const text = escapeXml(details(outcome));
  switch (outcome.status) {
    case 'fail':
      return `${head}<failure message="${escapeXml(outcome.reason)}" type="fail">${text}</failure></testcase>`;
    case 'error':
      return `${head}<error message="${escapeXml(outcome.summary)}" type="${escapeXml(outcome.error.name)}">${text}</error></testcase>`;
    case 'skip':
      return `${head}<skipped message="${escapeXml(outcome.reason)}"/></testcase>`;
    case 'acknowledged':
      return `${head}<skipped message="${escapeXml(acknowledgementLine(outcome.acknowledgement))}">${text}</skipped></testcase>`;
    default:
      return `${head}<system-out>${text}</system-out></testcase>`;
  }
}

/** A suite's counts: failures, errors and skips (an acknowledged failure is reported as skipped, with its acknowledgement). */
interface Counts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
  ms: number;
}

function countsOf(cases: readonly StepOutcome[]): Counts {
  const count = (...statuses: string[]) => cases.filter((c) => statuses.includes(c.status)).length;
  return { tests: cases.length, failures: count('fail'), errors: count('error'), skipped: count('skip', 'acknowledged'), ms: cases.reduce((sum, c) => sum + Math.round(c.durationMs), 0) };
}

const attributes = (c: Counts) => `tests="${c.tests}" failures="${c.failures}" errors="${c.errors}" skipped="${c.skipped}" time="${seconds(c.ms)}"`;

/**
 * Builds a JUnit XML report: a test suite per scenario, a test case per step. A suite's time is the sum of
 * its cases' and the document's the sum of its suites' (checks run concurrently, so this is check time, not wall time).
 */
export function buildJunitXml(untrusted: RunReport): string {
  // Quoted logs may carry escape sequences and control characters, which XML 1.0 does not allow.
  const report = printableDeep(untrusted);
  const suites = report.scenarios
    .map((scenario) => ({ scenario, cases: report.results.filter((r) => r.scenario === scenario.id) }))
    .filter(({ cases }) => cases.length > 0)
    .map(({ scenario, cases }) => ({ counts: countsOf(cases), scenario, cases }));
  const total: Counts = { tests: 0, failures: 0, errors: 0, skipped: 0, ms: 0 };
  for (const { counts } of suites) for (const key of Object.keys(total) as Array<keyof Counts>) total[key] += counts[key];
  const body = suites.map(
    ({ scenario, cases, counts }) =>
      `  <testsuite name="${escapeXml(`${scenario.id} ${scenario.title}`)}" ${attributes(counts)} timestamp="${report.startedAt}">\n    ${cases.map(testcase).join('\n    ')}\n  </testsuite>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="runbook ${escapeXml(report.environment)}" ${attributes(total)}>\n${body.join('\n')}\n</testsuites>\n`;
}
