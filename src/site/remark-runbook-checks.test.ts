import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CheckDefinition } from '../check-api';
import { pass } from '../check-api';
import { validateConfig } from '../config';
import type { StepOutcome } from '../model';
import { runsDir, saveRun } from '../results';
import { reportOf } from '../results/store-fixtures.test-support';
import remarkRunbookChecks, { defaultComponentsDir } from './remark-runbook-checks';
import { RunbookBuildError } from './runbook-build-error';
import type { ResultsPageView } from './results-page-view';
import type { ManualStepView, RunbookStepView, ScenarioSummaryView } from './step-view';

const definitions: Record<string, CheckDefinition> = {
  'checks/s3/s3-event-notifications.ts': {
    id: 's3-event-notifications',
    title: 'S3 event notifications reach the external table',
    establishes: 'ObjectCreated events reach the channel.',
    kind: 'check',
    uses: ['s3:GetBucketNotificationConfiguration'],
    run: async () => pass('ok'),
  },
  'checks/snowflake/refresh-external-table.ts': {
    id: 'refresh-external-table',
    title: 'Refresh the external table metadata',
    establishes: 'The table registers its files.',
    kind: 'action',
    uses: ['snowflake:ALTER EXTERNAL TABLE'],
    plan: async () => ({ description: 'ALTER EXTERNAL TABLE t REFRESH', preview: { calls: [], expects: 't registers its files' }, evidence: [] }),
    precondition: async () => ({ holds: true }),
    apply: async () => pass('refreshed'),
  },
};

const config = validateConfig({
  environments: { sandbox: { sandbox: { world: 'healthy' }, aws: { region: 'eu-west-1' } }, prod: { aws: { region: 'eu-west-1' } } },
});

const frontMatter = "---\ntitle: Runbook\nscenarios:\n  '3.3': { severity: medium }\n---\n\n";
const severitySection = '## 4. Incident Severity Guidelines\n\nSeverity Levels:\n\n- Medium: dbt model failure affecting reporting\n';

const runbook = (actions: string, after = ''): string =>
  `${frontMatter}# Runbook\n\n## 1. Purpose\n\nText.\n\n## 3. Scenarios\n\n### 3.3 Snowflake External Table Not Updating\n\nSymptoms:\n\n- New files in S3\n\nActions:\n\n${actions}\n\n${after}${severitySection}`;

const linked = [
  '1. [Verify S3 event notifications are enabled](../checks/s3/s3-event-notifications.ts)',
  '2. Confirm Snowflake storage integration is active',
  '3. [Run manual metadata refresh](../checks/snowflake/refresh-external-table.ts) (if required)',
].join('\n');

let root: string;

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'remark-runbook-'));
  for (const modulePath of Object.keys(definitions)) {
    mkdirSync(path.dirname(path.join(root, modulePath)), { recursive: true });
    writeFileSync(path.join(root, modulePath), '// loaded through the test loader\n');
  }
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const loadCheck = (_root: string, modulePath: string): CheckDefinition => {
  const definition = definitions[modulePath];
  if (!definition) throw new Error(`no test definition for ${modulePath}`);
  return definition;
};

/** Runs the plugin as Docusaurus does: on a tree parsed with front matter, the file named by its absolute path. */
async function transform(markdown: string, file = 'runbook.md'): Promise<Root> {
  const vfile = new VFile({ path: path.join(root, 'docs', file), value: markdown });
  mkdirSync(path.join(root, 'docs'), { recursive: true });
  writeFileSync(vfile.path, markdown);
  const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkRunbookChecks, { root, config, loadCheck });
  return processor.run(processor.parse(vfile), vfile);
}

/** Saves a run of 3.3.1 with the given outcome fields into the results store. */
async function saveOutcome(startedAt: string, outcome: Partial<StepOutcome>, where: { environment?: string; world?: string | null } = {}): Promise<void> {
  const report = reportOf(startedAt, { '3.3.1': outcome.status ?? 'pass' }, where);
  report.results = [{ ...report.results[0]!, check: 's3-event-notifications', ...outcome } as StepOutcome];
  await saveRun({ root, config, report, command: ['3.3.1'], user: 'u', commit: null });
}

interface TreeNode {
  type: string;
  name?: string;
  value?: string;
  depth?: number;
  attributes?: Array<{ name: string; value: string | { value: string } }> | Record<string, string>;
  data?: { hProperties?: { id?: string } };
  children?: TreeNode[];
}

/** Every node of a tree, depth first. */
function nodes(tree: Root | TreeNode): TreeNode[] {
  const all: TreeNode[] = [];
  const walk = (node: TreeNode): void => {
    all.push(node);
    for (const child of node.children ?? []) walk(child);
  };
  walk(tree as unknown as TreeNode);
  return all;
}

const textOf = (node: TreeNode): string => nodes(node).filter((n) => n.type === 'text').map((n) => n.value).join('');

/** The JSON prop `prop` of every `name` component in the tree. */
function propsOf<T>(tree: Root, name: string, prop: string): T[] {
  return nodes(tree)
    .filter((node) => node.type === 'mdxJsxFlowElement' && node.name === name)
    .map((node) => {
      const attribute = (node.attributes as Array<{ name: string; value: { value: string } }>).find((a) => a.name === prop)!;
      return JSON.parse(attribute.value.value) as T;
    });
}

const stepViews = (tree: Root) => propsOf<RunbookStepView>(tree, 'RunbookStep', 'step');
const admonitions = (tree: Root) => nodes(tree).filter((node) => node.type === 'containerDirective').map((node) => ({ kind: node.name, title: (node.attributes as Record<string, string>).title, text: textOf(node) }));

describe('remark-runbook-checks: steps', () => {
  it('replaces each check link by its text and puts the step component, with the command, under it; the item gets the step id', async () => {
    const tree = await transform(runbook(linked));
    expect(nodes(tree).filter((node) => node.type === 'link' && String((node as { url?: string }).url).includes('checks/'))).toEqual([]);
    expect(stepViews(tree)).toEqual([
      { stepId: '3.3.1', role: 'action', checkId: 's3-event-notifications', title: 'S3 event notifications reach the external table', establishes: 'ObjectCreated events reach the channel.', kind: 'check', command: 'npm run check -- 3.3.1', results: [] },
      { stepId: '3.3.3', role: 'action', checkId: 'refresh-external-table', title: 'Refresh the external table metadata', establishes: 'The table registers its files.', kind: 'action', command: 'npm run check -- 3.3.3', fixCommand: 'npm run check -- 3.3.3 --fix', results: [] },
    ]);
    const items = nodes(tree).filter((node) => node.type === 'listItem' && node.data?.hProperties?.id);
    expect(items.map((item) => item.data!.hProperties!.id)).toEqual(['step-3.3.s1', 'step-3.3.1', 'step-3.3.2', 'step-3.3.3']);
  });

  it('shows a posture section\'s bullets as steps 5.1, 5.2 with their check or as manual, and gives its heading a stable id', async () => {
    const posture = "---\ntitle: Runbook\npostureSections: ['5']\n---\n\n# Runbook\n\n## 5. Recovery Strategy\n\n- [Notifications reach the table](../checks/s3/s3-event-notifications.ts)\n- Glue jobs can be re-executed safely\n\n## 8. Maturity\n\n- Automated provisioning\n";
    const tree = await transform(posture);
    expect(stepViews(tree).map((view) => `${view.stepId} ${view.checkId} ${view.command}`)).toEqual(['5.1 s3-event-notifications npm run check -- 5.1']);
    expect(propsOf<ManualStepView>(tree, 'ManualStep', 'step')).toEqual([{ stepId: '5.2', role: 'action' }]);
    const items = nodes(tree).filter((node) => node.type === 'listItem' && node.data?.hProperties?.id);
    expect(items.map((item) => item.data!.hProperties!.id)).toEqual(['step-5.1', 'step-5.2']);
    const heading = nodes(tree).find((node) => node.type === 'heading' && node.depth === 2 && textOf(node).startsWith('5.'))!;
    expect(heading.data?.hProperties?.id).toBe('5-recovery-strategy');
  });

  it('marks a symptom or an action without a check as manual', async () => {
    const tree = await transform(runbook(linked));
    expect(propsOf<ManualStepView>(tree, 'ManualStep', 'step')).toEqual([
      { stepId: '3.3.s1', role: 'symptom' },
      { stepId: '3.3.2', role: 'action' },
    ]);
  });

  it('imports each component it uses once, from the site', async () => {
    const tree = await transform(runbook(linked));
    expect(nodes(tree).filter((node) => node.type === 'mdxjsEsm').map((node) => node.value).sort()).toEqual(
      ['ManualStep', 'RunbookStep', 'ScenarioOverview'].map((name) => `import ${name} from ${JSON.stringify(`${defaultComponentsDir}/${name}`)};`),
    );
  });

  it('leaves a document without scenarios untouched', async () => {
    const markdown = '# Glossary\n\n- **Stage**: a pointer to S3\n';
    const tree = await transform(markdown, 'glossary.md');
    expect(tree).toEqual(unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).parse(markdown));
  });
});

describe('remark-runbook-checks: results from the store', () => {
  it('shows each environment\'s latest result as text, with the command that reproduces it and when its status changed', async () => {
    await saveOutcome('2026-01-01T08:00:00.000Z', { status: 'fail', reason: 'r', summary: 'was failing' }, { world: 's3-notifications-missing' });
    await saveOutcome('2026-01-01T09:00:00.000Z', { status: 'pass', summary: 'prod is fine' }, { environment: 'prod', world: null });
    await saveOutcome('2026-01-01T10:00:00.000Z', {
      status: 'pass',
      summary: 'events reach <script>alert(1)</script>',
      evidence: [{ label: 'queues', value: [{ arn: 'arn:aws:sqs:eu-west-1:1:q' }] }],
      links: [
        { label: 'S3 console', url: 'https://s3.console.aws.amazon.com/s3/buckets/b?region=eu-west-1' },
        { label: 'bad', url: 'javascript:alert(1)' },
      ],
    });
    const [first] = stepViews(await transform(runbook(linked)));
    expect(first!.command).toBe('npm run check -- 3.3.1 --env sandbox --world healthy');
    expect(first!.results).toEqual([
      {
        status: 'pass',
        word: 'pass',
        summary: 'events reach <script>alert(1)</script>',
        evidence: [{ label: 'queues', value: '- arn=arn:aws:sqs:eu-west-1:1:q' }],
        links: [{ label: 'S3 console', url: 'https://s3.console.aws.amazon.com/s3/buckets/b?region=eu-west-1', clickable: false }],
        environment: 'sandbox',
        world: 'healthy',
        sandbox: true,
        startedAt: '2026-01-01T10:00:00.000Z',
        statusSince: '2026-01-01T10:00:00.000Z',
        previousStatus: 'fail',
        command: 'npm run check -- 3.3.1 --env sandbox --world healthy',
      },
      expect.objectContaining({ environment: 'prod', world: null, sandbox: false, summary: 'prod is fine', command: 'npm run check -- 3.3.1 --env prod' }),
    ]);
  });

  it('makes a link clickable only to a console the environment names', async () => {
    await saveOutcome('2026-01-01T09:00:00.000Z', {
      status: 'fail',
      reason: 'r',
      links: [
        { label: 'own region', url: 'https://eu-west-1.console.aws.amazon.com/states/home?region=eu-west-1' },
        { label: 'elsewhere', url: 'https://us-east-1.console.aws.amazon.com/states/home?region=us-east-1' },
      ],
    }, { environment: 'prod', world: null });
    const [first] = stepViews(await transform(runbook(linked)));
    expect(first!.results[0]!.links.map((link) => [link.label, link.clickable])).toEqual([['own region', true], ['elsewhere', false]]);
  });

  it('ignores a result recorded for another check than the one the step links now', async () => {
    await saveOutcome('2026-01-01T09:00:00.000Z', { status: 'pass', check: 'some-older-check' });
    const [first] = stepViews(await transform(runbook(linked)));
    expect(first!.results).toEqual([]);
  });

  it('names a damaged results file in a visible notice instead of showing its steps as not run silently', async () => {
    mkdirSync(path.join(root, runsDir), { recursive: true });
    writeFileSync(path.join(root, runsDir, '20260101T000000000Z-abcdef.json'), '{ not json');
    const tree = await transform(runbook(linked));
    const [notice] = admonitions(tree);
    expect(notice).toMatchObject({ kind: 'danger', title: 'Some results could not be read' });
    expect(notice!.text).toContain(`${runsDir}/20260101T000000000Z-abcdef.json (run 20260101T000000000Z-abcdef): skipped a damaged run entry: not JSON`);
  });
});

describe('remark-runbook-checks: the page', () => {
  it('starts with a banner for sandbox results and the scenario overview, right after the title', async () => {
    await saveOutcome('2026-01-01T09:00:00.000Z', { status: 'fail', reason: 'r' }, { world: 's3-notifications-missing' });
    const tree = await transform(runbook(linked));
    const title = tree.children.findIndex((node) => node.type === 'heading' && node.depth === 1);
    const [banner, overview] = tree.children.slice(title + 1) as unknown as TreeNode[];
    expect(banner).toMatchObject({ type: 'containerDirective', name: 'warning', attributes: { title: 'Sandbox results' } });
    expect(textOf(banner!)).toContain('come from the sandbox (world s3-notifications-missing)');
    expect(overview).toMatchObject({ type: 'mdxJsxFlowElement', name: 'ScenarioOverview' });
    const [scenario] = propsOf<{ id: string }[]>(tree, 'ScenarioOverview', 'scenarios')[0] as unknown as ScenarioSummaryView[];
    expect(scenario).toEqual({
      id: '3.3',
      title: 'Snowflake External Table Not Updating',
      severity: 'medium',
      docId: 'runbook',
      anchor: '33-snowflake-external-table-not-updating',
      counts: { manual: 2, fail: 1, none: 1 },
      failing: true,
      lastRun: { startedAt: '2026-01-01T09:00:00.000Z', environment: 'sandbox', world: 's3-notifications-missing', sandbox: true, command: 'npm run check -- 3.3 --env sandbox --world s3-notifications-missing' },
    });
  });

  it('gives a scenario heading its stable id, marks it failing, and puts its severity under it', async () => {
    await saveOutcome('2026-01-01T09:00:00.000Z', { status: 'fail', reason: 'r' });
    const tree = await transform(runbook(linked));
    const heading = nodes(tree).find((node) => node.type === 'heading' && node.depth === 3)!;
    expect(heading.data!.hProperties!.id).toBe('33-snowflake-external-table-not-updating');
    expect(heading.children!.at(-1)).toMatchObject({ type: 'mdxJsxTextElement', name: 'span', children: [{ type: 'text', value: 'failing' }] });
    const index = tree.children.indexOf(heading as never);
    expect(tree.children[index + 1]).toMatchObject({ type: 'containerDirective', name: 'info', attributes: { title: 'Severity: medium' } });
    expect(textOf(tree.children[index + 1] as unknown as TreeNode)).toBe('dbt model failure affecting reporting. Severity guidelines');
  });

  it('turns the "Important:" and "Never…" rules into admonitions, their words unchanged', async () => {
    const rules = 'Important:\n\nThis architecture uses metadata refresh, not data load.\n\nNever ignore failing tests.\n\n';
    const tree = await transform(runbook(linked, rules));
    expect(admonitions(tree).filter((a) => a.title !== 'Severity: medium')).toEqual([
      { kind: 'info', title: 'Important', text: 'This architecture uses metadata refresh, not data load.' },
      { kind: 'danger', title: 'Rule', text: 'Never ignore failing tests.' },
    ]);
  });

  it('fills a <RunbookResults /> page with each environment\'s latest results and the recent runs, after the same notices', async () => {
    mkdirSync(path.join(root, 'docs'), { recursive: true });
    writeFileSync(path.join(root, 'docs', 'runbook.md'), runbook(linked));
    await saveOutcome('2026-01-01T09:00:00.000Z', { status: 'fail', reason: 'r' }, { environment: 'prod', world: null });
    writeFileSync(path.join(root, runsDir, '20260101T000000000Z-abcdef.json'), '{ not json');
    // An MDX page as its parser leaves it: the element the author wrote, with no props.
    const tree = { type: 'root', children: [{ type: 'mdxJsxFlowElement', name: 'RunbookResults', attributes: [], children: [] }] } as unknown as Root;
    const vfile = new VFile({ path: path.join(root, 'docs', 'results.mdx'), value: '<RunbookResults />\n' });
    const filled = (await unified().use(remarkRunbookChecks, { root, config, loadCheck }).run(tree, vfile)) as Root;
    const [results] = propsOf<ResultsPageView>(filled, 'RunbookResults', 'results');
    expect(results!.environments.map((e) => [e.environment, e.scenarios.map((scenario) => scenario.id)])).toEqual([['prod', ['3.3']]]);
    expect(results!.recentRuns).toEqual([expect.objectContaining({ environment: 'prod', sandbox: false, user: 'u', selection: ['3.3'], totals: expect.objectContaining({ fail: 1 }) })]);
    const blocks = (filled.children as unknown as TreeNode[]).map((node) => `${node.type} ${node.name ?? ''}`.trim());
    expect(blocks).toEqual(['containerDirective danger', 'mdxJsxFlowElement RunbookResults', 'mdxjsEsm']);
  });
});

describe('remark-runbook-checks: errors', () => {
  it('fails on a link to a missing check module, naming file:line:column after the front matter', async () => {
    const broken = linked.replace('snowflake/refresh-external-table.ts', 'snowflake/no-such-check.ts');
    const markdown = runbook(broken);
    const line = markdown.split('\n').findIndex((text) => text.includes('no-such-check')) + 1;
    const error = await transform(markdown).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RunbookBuildError);
    expect((error as Error).message).toContain(`docs/runbook.md:${line}:4: error: Unexpected link to checks/snowflake/no-such-check.ts in step 3.3.3`);
    expect((error as RunbookBuildError).diagnostics.map((d) => d.rule)).toEqual(['missing-check']);
  });

  it('fails on a parser error in the document, such as two check links in one step', async () => {
    const twice = '1. [Verify](../checks/s3/s3-event-notifications.ts) and [refresh](../checks/snowflake/refresh-external-table.ts)';
    const markdown = runbook(twice);
    const line = markdown.split('\n').findIndex((text) => text.startsWith('1. ')) + 1;
    await expect(transform(markdown)).rejects.toThrow(`docs/runbook.md:${line}:`);
    await expect(transform(markdown)).rejects.toThrow('[one-check-per-step]');
  });

  it('fails when a linked module does not load as a check, naming the link', async () => {
    mkdirSync(path.join(root, 'checks', 'broken'), { recursive: true });
    writeFileSync(path.join(root, 'checks', 'broken', 'not-a-check.ts'), 'export default 1;\n');
    const markdown = runbook('1. [Verify](../checks/broken/not-a-check.ts)');
    const line = markdown.split('\n').findIndex((text) => text.startsWith('1. ')) + 1;
    await expect(transform(markdown)).rejects.toThrow(`docs/runbook.md:${line}:4: error: Unexpected check module for step 3.3.1`);
  });
});
