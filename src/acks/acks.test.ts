import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleReport } from '../../test/fixtures/sample-report';
import { expiredNote, unusedNote } from './ack-notes';
import { applyAcknowledgements } from './apply-acks';
import { AcknowledgementsFileError, loadAcknowledgements, type AcknowledgementEntry } from './load-acks';

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'acks-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const known = new Set(['3.3.1', '3.3.2', '3.3.3', '3.1.1', '3.6.n1']);
const write = (text: string) => writeFileSync(path.join(root, 'runbook.acks.yaml'), text);
const problemsOf = (): string[] => {
  try {
    loadAcknowledgements(root, known);
  } catch (error) {
    if (error instanceof AcknowledgementsFileError) return error.problems;
    throw error;
  }
  throw new Error('the file was accepted');
};

const valid = `# reviewed in PRs
acknowledgements:
  - step: 3.3.2
    reason: the integration is being migrated
    owner: data-platform
    expires: 2026-12-31
  - step: 3.6.n1
    reason: the nightly import holds the lock
    owner: alice
    expires: 2026-12-01T18:00:00+01:00
    environment: prod
`;

describe('loadAcknowledgements', () => {
  it('reads no entries when the file does not exist', () => {
    expect(loadAcknowledgements(root, known)).toEqual([]);
  });

  it('reads no entries from a file that acknowledges nothing, as the committed one, and parses any other text', () => {
    const committed = readFileSync(path.join(__dirname, '..', '..', 'runbook.acks.yaml'), 'utf8');
    for (const text of [committed, '# a comment\n\n   # indented\r\n', 'acknowledgements: []  # none yet\r\n', '']) {
      write(text);
      expect(loadAcknowledgements(root, known), JSON.stringify(text)).toEqual([]);
    }
    write(`${committed.replace('acknowledgements: []', '')}\n${valid}`);
    expect(loadAcknowledgements(root, known).map((entry) => entry.step)).toEqual(['3.3.2', '3.6.n1']);
    // Not the plain forms: parsed, and checked, as YAML.
    write('acknowledgements:\n');
    expect(problemsOf().join('\n')).toMatch(/acknowledgements/);
    write('acknowledgements: [] extra\n');
    expect(problemsOf()).not.toEqual([]);
  });

  it('reads each entry with its expiry (a date lapses at its start, UTC) and where it is written', () => {
    write(valid);
    expect(loadAcknowledgements(root, known)).toEqual([
      { step: '3.3.2', environment: null, reason: 'the integration is being migrated', owner: 'data-platform', expires: new Date('2026-12-31T00:00:00.000Z'), source: { file: 'runbook.acks.yaml', line: 3, column: 5 } },
      { step: '3.6.n1', environment: 'prod', reason: 'the nightly import holds the lock', owner: 'alice', expires: new Date('2026-12-01T17:00:00.000Z'), source: { file: 'runbook.acks.yaml', line: 7, column: 5 } },
    ]);
  });

  it('names every malformed entry with its file, line and column, and what was expected', () => {
    write(`acknowledgements:
  - step: 3.3.2
    reason: no owner here
    expires: 2026-12-31
  - step: 3.3.1
    reason: a bad date
    owner: bob
    expires: next week
  - step: 3.3.3
    reason: ""
    owner: carol
    expires: 2026-12-31
    ticket: OPS-1
`);
    expect(problemsOf()).toEqual([
      expect.stringMatching(/^runbook\.acks\.yaml:2:5: unexpected acknowledgements\.0\.owner: owner is required; an entry has step, reason, owner, expires \(YYYY-MM-DD\) and optionally environment$/),
      expect.stringMatching(/^runbook\.acks\.yaml:8:14: unexpected acknowledgements\.1\.expires: expected a date \(YYYY-MM-DD\) or an ISO timestamp with a time zone;/),
      expect.stringMatching(/^runbook\.acks\.yaml:10:13: unexpected acknowledgements\.2\.reason: reason is required;/),
      expect.stringMatching(/^runbook\.acks\.yaml:9:5: unexpected acknowledgements\.2: Unrecognized key: "ticket";/),
    ]);
  });

  it('names an unknown step and a step acknowledged twice, at their lines', () => {
    write(`acknowledgements:
  - { step: 9.9.9, reason: r, owner: o, expires: 2026-12-31 }
  - { step: 3.3.2, reason: r, owner: o, expires: 2026-12-31 }
  - { step: 3.3.2, reason: again, owner: o, expires: 2027-01-31 }
`);
    expect(problemsOf()).toEqual([
      'runbook.acks.yaml:2:13: unknown step "9.9.9": acknowledge a step of the runbook (npm run check -- --list)',
      'runbook.acks.yaml:4:5: step 3.3.2 is acknowledged twice; first at runbook.acks.yaml:3:5',
    ]);
  });

  it('names unreadable YAML at its line', () => {
    write('acknowledgements:\n  - step: 3.3.2\n    reason: [unclosed\n');
    expect(problemsOf()[0]).toMatch(/^runbook\.acks\.yaml:\d+:\d+: unreadable YAML: /);
  });
});

const entry = (overrides: Partial<AcknowledgementEntry> = {}): AcknowledgementEntry => ({
  step: '3.3.2',
  environment: null,
  reason: 'the integration is being migrated',
  owner: 'data-platform',
  expires: new Date('2026-12-31T00:00:00.000Z'),
  source: { file: 'runbook.acks.yaml', line: 3, column: 5 },
  ...overrides,
});

describe('applyAcknowledgements, with a fixed clock', () => {
  const beforeExpiry = new Date('2026-12-30T23:59:59.999Z');
  const atExpiry = new Date('2026-12-31T00:00:00.000Z');

  it('reports an acknowledged failure as acknowledged, keeping its summary and evidence, and counts it apart from failures', () => {
    const { report, expired } = applyAcknowledgements(sampleReport(), [entry()], beforeExpiry);
    const step = report.results.find((r) => r.step === '3.3.2')!;
    expect(step).toMatchObject({
      status: 'acknowledged',
      summary: 'integration is disabled: "ENABLED" = false <b>',
      reason: 'integration is disabled: "ENABLED" = false <b>',
      acknowledgement: { owner: 'data-platform', expires: '2026-12-31T00:00:00.000Z', reason: 'the integration is being migrated', source: { file: 'runbook.acks.yaml', line: 3, column: 5 } },
    });
    expect(step.evidence).toHaveLength(2);
    expect(report.totals).toMatchObject({ fail: 0, acknowledged: 1, pass: 1 });
    expect(expired).toEqual([]);
  });

  it('fails again once the expiry passes, and names the expired entry with its file and line', () => {
    const { report, expired } = applyAcknowledgements(sampleReport(), [entry()], atExpiry);
    expect(report.results.find((r) => r.step === '3.3.2')!.status).toBe('fail');
    expect(report.totals).toMatchObject({ fail: 1, acknowledged: 0 });
    expect(expired.map(expiredNote)).toEqual([
      'runbook.acks.yaml:3:5: warning: the acknowledgement of 3.3.2 (owner data-platform) expired 2026-12-31T00:00:00.000Z: the step fails again; fix it, or renew the entry after review',
    ]);
  });

  it('never acknowledges a pass, a warning or an error, and says when an entry in force matched no failure', () => {
    const entries = [entry({ step: '3.3.1' }), entry({ step: '3.3.3' }), entry({ step: '3.1.1' })];
    const { report, unused } = applyAcknowledgements(sampleReport(), entries, beforeExpiry);
    expect(report.results.map((r) => r.status)).toEqual(['pass', 'fail', 'warn', 'skip', 'error', 'skip']);
    expect(unused.map(unusedNote)).toEqual(['3.3.1', '3.3.3', '3.1.1'].map((step) => `runbook.acks.yaml:3:5: note: ${step} is acknowledged but did not fail: the entry may go`));
  });

  it('applies an entry for one environment only there', () => {
    const prodOnly = [entry({ environment: 'prod' })];
    expect(applyAcknowledgements(sampleReport(), prodOnly, beforeExpiry).report.totals.acknowledged).toBe(0);
    expect(applyAcknowledgements({ ...sampleReport(), environment: 'prod' }, prodOnly, beforeExpiry).report.totals.acknowledged).toBe(1);
  });
});
