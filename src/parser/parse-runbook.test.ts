import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allSteps, formatDiagnostic, hasErrors, type Diagnostic, type Step } from '../model';
import { parseRunbook } from './index';
import { defaultLayout, listCheckModules, loadRunbook } from './load';

const root = path.resolve(__dirname, '..', '..');
const seedDir = path.resolve(root, '..', 'shared', 'seed');
const seedRunbook = path.join(seedDir, '05-operational-runbook.md');
const fixtures = path.join(root, 'test', 'fixtures', 'runbooks');

const parseOne = (text: string, checkModules: string[] = []) => parseRunbook([{ file: 'docs/runbook.md', text }], checkModules);
const formatted = (diagnostics: Diagnostic[]) => diagnostics.map(formatDiagnostic);
const byRule = (diagnostics: Diagnostic[], rule: string) => diagnostics.filter((d) => d.rule === rule);

/** The source line a position points at, from its column on. */
const textAt = (text: string, position: { line: number; column: number }) => text.split('\n')[position.line - 1]!.slice(position.column - 1);

describe('the real runbook (docs/runbook.md)', async () => {
  const text = readFileSync(path.join(root, 'docs', 'runbook.md'), 'utf8');
  const { runbook, diagnostics } = await loadRunbook(defaultLayout(root));
  const scenario = (id: string) => runbook.scenarios.find((s) => s.id === id)!;
  const step = (id: string): Step => allSteps(runbook).find((s) => s.id === id)!;

  it('parses with no error diagnostics', () => {
    expect(formatted(diagnostics.filter((d) => d.severity === 'error'))).toEqual([]);
  });

  const failureScenarios = () => runbook.scenarios.filter((s) => s.id.startsWith('3.'));

  it('has scenarios 3.1 to 3.6 with their titles, in document order', () => {
    expect(failureScenarios().map((s) => `${s.id} ${s.title}`)).toEqual([
      '3.1 Glue Job Failure',
      '3.2 Step Functions Failure',
      '3.3 Snowflake External Table Not Updating',
      '3.4 dbt Test Failure',
      '3.5 Airflow DAG Failure',
      '3.6 Terraform Apply Failure',
    ]);
  });

  it('takes each scenario severity from the front matter', () => {
    expect(Object.fromEntries(failureScenarios().map((s) => [s.id, s.severity]))).toEqual({
      '3.1': 'high',
      '3.2': 'high',
      '3.3': 'medium',
      '3.4': 'medium',
      '3.5': 'medium',
      '3.6': 'high',
    });
  });

  it('numbers actions as written and gives symptoms, causes, check-list entries and notes their own ids', () => {
    expect(scenario('3.3').steps.map((s) => `${s.id} ${s.role}`)).toEqual([
      '3.3.s1 symptom',
      '3.3.s2 symptom',
      '3.3.1 action',
      '3.3.2 action',
      '3.3.3 action',
      '3.3.4 action',
      '3.3.n1 note',
    ]);
    expect(scenario('3.1').steps.filter((s) => s.role === 'cause').map((s) => s.id)).toEqual(['3.1.c1', '3.1.c2', '3.1.c3']);
    expect(scenario('3.5').steps.filter((s) => s.role === 'check').map((s) => s.id)).toEqual(['3.5.k1', '3.5.k2', '3.5.k3']);
    expect(scenario('3.2').steps.filter((s) => s.role === 'note').map((s) => s.id)).toEqual(['3.2.n1']);
    for (const id of ['3.1', '3.2', '3.4', '3.6']) expect(scenario(id).steps.filter((s) => s.role === 'action').map((s) => s.id)).toEqual([1, 2, 3, 4, 5].map((n) => `${id}.${n}`));
  });

  it('links every 3.3 action and symptom to the check whose file name is its id', () => {
    const checks = Object.fromEntries(scenario('3.3').steps.filter((s) => s.check).map((s) => [s.id, s.check!.modulePath]));
    expect(checks).toEqual({
      '3.3.s1': 'checks/s3/files-newer-than-table.ts',
      '3.3.s2': 'checks/snowflake/external-table-unregistered-files.ts',
      '3.3.1': 'checks/s3/s3-event-notifications.ts',
      '3.3.2': 'checks/snowflake/storage-integration-active.ts',
      '3.3.3': 'checks/snowflake/external-table-auto-refresh.ts',
      '3.3.4': 'checks/snowflake/refresh-external-table.ts',
    });
    expect(step('3.3.1').check).toMatchObject({ id: 's3-event-notifications', href: '../checks/s3/s3-event-notifications.ts' });
    expect(step('3.3.1').text).toBe('Verify S3 event notifications are enabled');
    expect(step('3.3.s1').text).toBe('New files in S3 (processed)');
    expect(step('3.3.n1').check).toBeUndefined();
  });

  it('makes the posture sections 5, 6 and 7 scenarios after section 3, each bullet an action numbered in order', () => {
    expect(runbook.scenarios.slice(6).map((s) => `${s.id} ${s.title}`)).toEqual(['5 Recovery Strategy', '6 Operational Best Practices', '7 Future Monitoring Enhancements']);
    for (const id of ['5', '6', '7']) {
      expect(scenario(id).steps.filter((s) => s.role === 'action').map((s) => s.id)).toEqual([1, 2, 3, 4, 5].map((n) => `${id}.${n}`));
    }
    expect(step('5.5').text).toBe('Terraform state protected via DynamoDB locking');
    expect(textAt(text, step('6.2').position)).toMatch(/^- (\[)?Always review Terraform plan before apply/);
  });

  it('leaves sections 1, 2, 4 and 8 as prose', () => {
    expect(runbook.scenarios.map((s) => s.id).filter((id) => !id.includes('.'))).toEqual(['5', '6', '7']);
  });

  it('positions scenarios at their heading, steps at their item and check links at the link', () => {
    for (const s of runbook.scenarios) {
      expect(s.position.file).toBe('docs/runbook.md');
      expect(textAt(text, s.position)).toBe(s.id.includes('.') ? `### ${s.id} ${s.title}` : `## ${s.id}. ${s.title}`);
    }
    expect(textAt(text, step('3.3.1').position)).toMatch(/^1\. \[Verify S3 event notifications/);
    expect(textAt(text, step('3.3.s2').position)).toMatch(/^- \[External table does not reflect new data\]/);
    expect(textAt(text, step('3.3.2').check!.position)).toMatch(/^\[Confirm Snowflake storage integration is active\]\(\.\.\/checks\//);
    expect(textAt(text, step('3.2.n1').position)).toMatch(/^Step Functions retry policies/);
    expect(step('3.3.1').check!.position.line).toBe(step('3.3.1').position.line);
  });
});

describe('the seed runbook (../shared/seed/05-operational-runbook.md)', () => {
  it.skipIf(!existsSync(seedRunbook))('parses with no error diagnostics into scenarios 3.1 to 3.6 (skipped: ../shared/seed is absent in this clone)', () => {
    const { runbook, diagnostics } = parseOne(readFileSync(seedRunbook, 'utf8'));
    expect(formatted(diagnostics.filter((d) => d.severity === 'error'))).toEqual([]);
    expect(runbook.scenarios.map((s) => s.id)).toEqual(['3.1', '3.2', '3.3', '3.4', '3.5', '3.6']);
    expect(runbook.scenarios.every((s) => s.severity === undefined)).toBe(true);
    expect(allSteps(runbook).filter((s) => s.role === 'action')).toHaveLength(5 + 5 + 4 + 5 + 4 + 5);
  });
});

describe('diagnostics of a malformed runbook', () => {
  const checks = ['checks/s3/s3-event-notifications.ts', 'checks/snowflake/storage-integration-active.ts', 'checks/snowflake/unused.ts'];

  it('reports every problem of one file at once, each at its exact file:line:column, sorted by place', () => {
    const { diagnostics } = parseOne(readFileSync(path.join(fixtures, 'many-problems.md'), 'utf8'), checks);
    expect(diagnostics.map((d) => `${d.position.file}:${d.position.line}:${d.position.column} ${d.rule}`)).toEqual([
      // the second link of step 3.1.2 does not count, so no step runs this module
      'checks/snowflake/storage-integration-active.ts:1:1 unused-check',
      'checks/snowflake/unused.ts:1:1 unused-check',
      'docs/runbook.md:3:22 front-matter',
      'docs/runbook.md:12:4 missing-check',
      'docs/runbook.md:13:68 one-check-per-step',
      'docs/runbook.md:14:1 duplicate-id',
      'docs/runbook.md:16:1 scenario-without-actions',
      'docs/runbook.md:22:1 malformed-heading',
      'docs/runbook.md:24:1 duplicate-id',
      'docs/runbook.md:28:1 unnumbered-actions',
      'docs/runbook.md:28:1 duplicate-id',
    ]);
    expect(hasErrors(diagnostics)).toBe(true);
  });

  it('reports a duplicate step id with the place it was first defined', () => {
    const { diagnostics } = parseOne('### 3.1 Glue\n\nActions:\n\n1. Open\n2. Review\n2. Review again\n');
    expect(formatted(diagnostics)).toEqual([
      'docs/runbook.md:7:1: error: Duplicate id 3.1.2, expected each scenario and step id once [duplicate-id]\n  docs/runbook.md:6:1: 3.1.2 first defined here',
    ]);
    expect(diagnostics[0]!.related).toEqual({ message: '3.1.2 first defined here', position: { file: 'docs/runbook.md', line: 6, column: 1 } });
  });

  it('reports a duplicate scenario id across two documents, pointing into the other file', () => {
    const scenario = '### 3.3 Snowflake\n\nActions:\n\n1. Refresh\n';
    const { diagnostics } = parseRunbook(
      [
        { file: 'docs/a.md', text: scenario },
        { file: 'docs/b.md', text: `# B\n\n${scenario}` },
      ],
      [],
    );
    expect(byRule(diagnostics, 'duplicate-id').map(formatDiagnostic)).toEqual([
      'docs/b.md:3:1: error: Duplicate id 3.3, expected each scenario and step id once [duplicate-id]\n  docs/a.md:1:1: 3.3 first defined here',
      'docs/b.md:7:1: error: Duplicate id 3.3.1, expected each scenario and step id once [duplicate-id]\n  docs/a.md:5:1: 3.3.1 first defined here',
    ]);
  });

  it('reports a link to a check module that does not exist, at the link, listing the modules that do', () => {
    const { diagnostics } = parseOne('### 3.3 S\n\nActions:\n\n1. Verify [notifications](../checks/s3/s3-event-notification.ts)\n', checks);
    const [missing] = byRule(diagnostics, 'missing-check');
    expect(formatDiagnostic(missing!)).toBe(
      'docs/runbook.md:5:11: error: Unexpected link to checks/s3/s3-event-notification.ts in step 3.3.1: no such check module, expected one of checks/s3/s3-event-notifications.ts, checks/snowflake/storage-integration-active.ts, checks/snowflake/unused.ts [missing-check]',
    );
  });

  it('reports a check module that no step links to, at the module', () => {
    const { diagnostics } = parseOne('### 3.3 S\n\nActions:\n\n1. [Verify](../checks/s3/s3-event-notifications.ts)\n2. [Confirm](../checks/snowflake/storage-integration-active.ts)\n', checks);
    expect(formatted(diagnostics)).toEqual([
      'checks/snowflake/unused.ts:1:1: error: Check checks/snowflake/unused.ts is not linked from any step: link it from a step in docs/ or delete it [unused-check]',
    ]);
  });

  it('reports a scenario without actions at its heading', () => {
    const { diagnostics } = parseOne('# R\n\n### 3.2 Step Functions Failure\n\nSymptoms:\n\n- Execution failed\n');
    expect(formatted(diagnostics)).toEqual([
      'docs/runbook.md:3:1: error: Unexpected scenario 3.2 without actions, expected an "Actions:" label followed by a numbered list [scenario-without-actions]',
    ]);
  });

  it('reports a level-3 heading under a numbered section that is not a scenario heading', () => {
    const { diagnostics } = parseOne('## 3. Failures\n\n### 3.1 Glue\n\nActions:\n\n1. Open\n\n### Glue job failure\n');
    expect(formatted(diagnostics)).toEqual([
      'docs/runbook.md:9:1: error: Unexpected heading "Glue job failure", expected a scenario heading such as "### 3.7 Title" [malformed-heading]',
    ]);
  });

  it('reports a level-3 heading that starts with a number but is not a scenario heading, anywhere', () => {
    const { diagnostics } = parseOne('### 3.1 Glue\n\nActions:\n\n1. Open\n\n### 3 Glue job failure\n');
    expect(diagnostics.map((d) => `${d.rule} ${d.position.line}:${d.position.column}`)).toEqual(['malformed-heading 7:1']);
  });

  it('reads a plain level-3 heading outside a numbered section as prose, not as a scenario', () => {
    const { runbook, diagnostics } = parseOne('# Terraform policy\n\n### Releasing a stale lock\n\nAsk first.\n');
    expect(diagnostics).toEqual([]);
    expect(runbook.scenarios).toEqual([]);
  });

  it('reads the bullets of a posture section named in the front matter as its actions, and leaves other numbered sections alone', () => {
    const doc = [
      '---',
      "postureSections: ['5']",
      '---',
      '## 4. Severity',
      '',
      '- Low',
      '',
      '## 5. Recovery',
      '',
      '- [Retries](../checks/a/retries.ts)',
      '- Re-runnable',
      '',
      'A closing note.',
      '',
      '- [Locked](../checks/a/locked.ts)',
      '',
      '## 6. Practices',
      '',
      '- Review plans',
    ].join('\n');
    const { runbook, diagnostics } = parseOne(doc, ['checks/a/retries.ts', 'checks/a/locked.ts']);
    expect(formatted(diagnostics)).toEqual([]);
    expect(runbook.scenarios.map((s) => `${s.id} ${s.title}`)).toEqual(['5 Recovery']);
    expect(runbook.scenarios[0]!.steps.map((s) => `${s.id} ${s.role} ${s.check?.id ?? '-'}`)).toEqual(['5.1 action retries', '5.2 action -', '5.n1 note -', '5.3 action locked']);
  });

  it('reports a posture section entry in the front matter that is not a section number', () => {
    const { diagnostics } = parseOne(['---', "postureSections: ['5.1']", '---', '## 5. Recovery', '', '- x'].join('\n'));
    expect(formatted(byRule(diagnostics, 'front-matter'))).toEqual([expect.stringMatching(/^docs\/runbook\.md:2:\d+: error: Unexpected front matter at postureSections\.0: expected a section number such as 5 \[front-matter\]$/)]);
  });

  it('reports a bullet list of actions, and still reads its items as actions', () => {
    const { runbook, diagnostics } = parseOne('### 3.1 Glue\n\nActions:\n\n- Open\n- Review\n');
    expect(formatted(diagnostics)).toEqual([
      'docs/runbook.md:5:1: error: Unexpected bullet list of actions in scenario 3.1, expected a numbered list (1. 2. 3.) [unnumbered-actions]',
    ]);
    expect(allSteps(runbook).map((s) => s.id)).toEqual(['3.1.1', '3.1.2']);
  });

  it('reports a second check link in one step at that link, with the first link as the related place, and keeps the first', () => {
    const { runbook, diagnostics } = parseOne(
      '### 3.3 S\n\nActions:\n\n1. [Verify](../checks/s3/s3-event-notifications.ts) and [confirm](../checks/snowflake/storage-integration-active.ts)\n',
      checks.slice(0, 2),
    );
    expect(formatted(byRule(diagnostics, 'one-check-per-step'))).toEqual([
      'docs/runbook.md:5:57: error: Unexpected second check link in step 3.3.1, expected one check per step [one-check-per-step]\n  docs/runbook.md:5:4: first check link of the step',
    ]);
    expect(allSteps(runbook)[0]!.check!.id).toBe('s3-event-notifications');
  });

  it('reports an unknown severity in the front matter at the value, listing the valid ones', () => {
    const { runbook, diagnostics } = parseOne("---\nscenarios:\n  '3.1': { severity: urgent }\n---\n\n### 3.1 Glue\n\nActions:\n\n1. Open\n");
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ rule: 'front-matter', severity: 'error', position: { file: 'docs/runbook.md', line: 3, column: 22 } });
    expect(diagnostics[0]!.message).toMatch(/scenarios\.3\.1\.severity/);
    expect(diagnostics[0]!.message).toMatch(/low, medium, high, critical/);
    expect(runbook.scenarios[0]!.severity).toBeUndefined();
  });

  it('reports front matter that is not YAML where the YAML parser gave up', () => {
    const { diagnostics } = parseOne('---\nscenarios: [unclosed\n---\n\n### 3.1 Glue\n\nActions:\n\n1. Open\n');
    expect(diagnostics.map((d) => `${d.rule} ${d.position.line}:${d.position.column}`)).toEqual(['front-matter 2:21']);
    expect(diagnostics[0]!.message).toMatch(/^Unreadable front matter/);
  });

  it('reads a link in a symptom, cause, check-list entry or note as a step that runs', () => {
    const { runbook, diagnostics } = parseOne(
      [
        '### 3.5 Airflow',
        'Symptoms:',
        '- [DAG failed](../checks/a/one.ts)',
        'Actions:',
        '1. Open',
        'Common Causes:',
        '- [Bad input](../checks/a/two.ts)',
        'Check:',
        '- [Connectivity](../checks/a/three.ts)',
        'See [the pool](../checks/a/four.ts) too.',
      ].join('\n\n'),
      ['checks/a/four.ts', 'checks/a/one.ts', 'checks/a/three.ts', 'checks/a/two.ts'],
    );
    expect(diagnostics).toEqual([]);
    expect(allSteps(runbook).map((s) => `${s.id}:${s.check?.id ?? '-'}`)).toEqual(['3.5.s1:one', '3.5.1:-', '3.5.c1:two', '3.5.k1:three', '3.5.n1:four']);
  });

  it('ignores links that are not check modules (web pages, other docs)', () => {
    const { runbook, diagnostics } = parseOne('### 3.1 Glue\n\nActions:\n\n1. Open [the console](https://console.aws.amazon.com/glue) or [the guide](./guide.md)\n');
    expect(diagnostics).toEqual([]);
    expect(allSteps(runbook)[0]!.check).toBeUndefined();
  });
});

describe('the check modules on disk', () => {
  it('lists check modules but not tests, helpers or declaration files', async () => {
    const modules = await listCheckModules(defaultLayout(root));
    expect(modules).toEqual(expect.arrayContaining(['checks/s3/s3-event-notifications.ts', 'checks/snowflake/refresh-external-table.ts']));
    expect(modules.filter((m) => /\.test\.ts$|\/_|\.d\.ts$/.test(m))).toEqual([]);
  });
});
