import { escapeXml } from '../util/escape-xml';
import type { RunReport, StepOutcome } from '../model';
import { evidenceLines } from './evidence-text';

function details(outcome: StepOutcome): string {
  return [outcome.summary, ...outcome.evidence.flatMap(evidenceLines), ...outcome.links.map((l) => `${l.label}: ${l.url}`)].join('\n');
}

function testcase(outcome: StepOutcome): string {
  const name = `${outcome.step} ${outcome.text}`;
  const head = `<testcase classname="${escapeXml(`runbook.${outcome.scenario}`)}" name="${escapeXml(name)}" time="${(outcome.durationMs / 1000).toFixed(3)}">`;
  const text = escapeXml(details(outcome));
  switch (outcome.status) {
    case 'fail':
      return `${head}<failure message="${escapeXml(outcome.reason)}" type="fail">${text}</failure></testcase>`;
    case 'error':
      return `${head}<error message="${escapeXml(outcome.summary)}" type="${escapeXml(outcome.error.name)}">${text}</error></testcase>`;
    case 'skip':
      return `${head}<skipped message="${escapeXml(outcome.reason)}"/></testcase>`;
    default:
      return `${head}<system-out>${text}</system-out></testcase>`;
  }
}

/** Builds a JUnit XML report: a test suite per scenario, a test case per step. */
export function buildJunitXml(report: RunReport): string {
  const suites = report.scenarios
    .map((scenario) => {
      const cases = report.results.filter((r) => r.scenario === scenario.id);
      if (cases.length === 0) return '';
      const count = (status: string) => cases.filter((c) => c.status === status).length;
      const time = cases.reduce((sum, c) => sum + c.durationMs, 0) / 1000;
      return `  <testsuite name="${escapeXml(`${scenario.id} ${scenario.title}`)}" tests="${cases.length}" failures="${count('fail')}" errors="${count('error')}" skipped="${count('skip')}" time="${time.toFixed(3)}" timestamp="${report.startedAt}">\n    ${cases.map(testcase).join('\n    ')}\n  </testsuite>`;
    })
    .filter(Boolean);
  const t = report.totals;
  const total = report.results.length;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="runbook ${escapeXml(report.environment)}" tests="${total}" failures="${t.fail}" errors="${t.error}" skipped="${t.skip}" time="${(report.durationMs / 1000).toFixed(3)}">\n${suites.join('\n')}\n</testsuites>\n`;
}
