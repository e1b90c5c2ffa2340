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
import type { RunReport } from '../model';
import remarkRunbookChecks, { defaultStepComponent, stepComponentName } from './remark-runbook-checks';
import { RunbookBuildError } from './runbook-build-error';
import type { RunbookStepView } from './step-view';

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
    plan: async () => ({ description: 'ALTER EXTERNAL TABLE t REFRESH', evidence: [] }),
    apply: async () => pass('refreshed'),
  },
};

const runbook = (actions: string, frontMatter = ''): string =>
  `${frontMatter}# Runbook\n\n### 3.3 Snowflake External Table Not Updating\n\nSymptoms:\n\n- New files in S3\n\nActions:\n\n${actions}\n`;

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
async function transform(markdown: string): Promise<Root> {
  const file = new VFile({ path: path.join(root, 'docs', 'runbook.md'), value: markdown });
  mkdirSync(path.join(root, 'docs'), { recursive: true });
  writeFileSync(file.path, markdown);
  const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkRunbookChecks, { root, loadCheck });
  return processor.run(processor.parse(file), file);
}

function writeResults(results: Array<Partial<RunReport['results'][number]> & Pick<RunReport['results'][number], 'step' | 'status' | 'summary'>>): void {
  const report = {
    version: 1,
    environment: 'sandbox',
    world: 's3-notifications-missing',
    selection: ['3.3'],
    scenarios: [],
    fix: false,
    startedAt: '2025-11-26T01:50:44.123Z',
    durationMs: 10,
    totals: { pass: 0, fail: 0, warn: 0, skip: 0, error: 0 },
    results: results.map((result) => ({ scenario: '3.3', role: 'action', text: '', check: 's3-event-notifications', kind: 'check', durationMs: 1, evidence: [], links: [], reason: 'r', ...result })),
  };
  mkdirSync(path.join(root, '.runbook', 'results'), { recursive: true });
  writeFileSync(path.join(root, '.runbook', 'results', 'latest.json'), JSON.stringify(report));
}

interface JsxNode {
  type: string;
  name?: string;
  attributes?: Array<{ name: string; value: { value: string; data: { estree: unknown } } }>;
  children?: JsxNode[];
  value?: string;
}

/** Every node of a tree, depth first. */
function nodes(tree: Root): JsxNode[] {
  const all: JsxNode[] = [];
  const walk = (node: JsxNode): void => {
    all.push(node);
    for (const child of node.children ?? []) walk(child);
  };
  walk(tree as unknown as JsxNode);
  return all;
}

/** The `step` prop of every step component in the tree. */
function stepViews(tree: Root): RunbookStepView[] {
  return nodes(tree)
    .filter((node) => node.type === 'mdxJsxFlowElement' && node.name === stepComponentName)
    .map((node) => JSON.parse(node.attributes!.find((attribute) => attribute.name === 'step')!.value.value) as RunbookStepView);
}

/** The list items of the actions list, as `{ text, components }`. */
function actionItems(tree: Root): Array<{ text: string; components: number }> {
  const list = tree.children.filter((node) => node.type === 'list').at(-1)! as unknown as JsxNode;
  return list.children!.map((item) => ({
    text: nodes({ type: 'root', children: [item.children![0]] } as unknown as Root)
      .filter((node) => node.type === 'text')
      .map((node) => node.value)
      .join(''),
    components: item.children!.filter((node) => node.name === stepComponentName).length,
  }));
}

describe('remark-runbook-checks', () => {
  it('replaces each check link by its text and adds the step component with the command under it', async () => {
    const tree = await transform(runbook(linked));
    expect(actionItems(tree)).toEqual([
      { text: 'Verify S3 event notifications are enabled', components: 1 },
      { text: 'Confirm Snowflake storage integration is active', components: 0 },
      { text: 'Run manual metadata refresh (if required)', components: 1 },
    ]);
    expect(nodes(tree).filter((node) => node.type === 'link')).toEqual([]);
    expect(stepViews(tree)).toEqual([
      {
        stepId: '3.3.1',
        checkId: 's3-event-notifications',
        title: 'S3 event notifications reach the external table',
        establishes: 'ObjectCreated events reach the channel.',
        kind: 'check',
        command: 'npm run check -- 3.3.1',
      },
      {
        stepId: '3.3.3',
        checkId: 'refresh-external-table',
        title: 'Refresh the external table metadata',
        establishes: 'The table registers its files.',
        kind: 'action',
        command: 'npm run check -- 3.3.3',
        fixCommand: 'npm run check -- 3.3.3 --fix',
      },
    ]);
  });

  it('imports the step component once, from the site', async () => {
    const tree = await transform(runbook(linked));
    const imports = nodes(tree).filter((node) => node.type === 'mdxjsEsm');
    expect(imports.map((node) => node.value)).toEqual([`import ${stepComponentName} from ${JSON.stringify(defaultStepComponent)};`]);
  });

  it('leaves a document without check links untouched', async () => {
    const markdown = runbook('1. Verify S3 event notifications are enabled\n2. Confirm the integration');
    const tree = await transform(markdown);
    const untouched = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).parse(markdown);
    expect(tree).toEqual(untouched);
  });

  it('shows the last result as text: a summary with markup stays a string prop, and no html node appears', async () => {
    writeResults([
      {
        step: '3.3.1',
        status: 'fail',
        summary: 'No ObjectCreated queue on processed/ <script>alert(1)</script>',
        evidence: [
          { label: 'bucket', value: '<img src=x onerror=alert(1)>' },
          { label: 'queues', value: [{ arn: 'arn:aws:sqs:eu-west-1:1:q' }] },
        ],
        links: [
          { label: 'S3 console', url: 'https://console.aws.amazon.com/s3/buckets/b' },
          { label: 'bad', url: 'javascript:alert(1)' },
        ],
      },
    ]);
    const tree = await transform(runbook(linked));
    const [first, second] = stepViews(tree);
    expect(first!.result).toEqual({
      status: 'fail',
      summary: 'No ObjectCreated queue on processed/ <script>alert(1)</script>',
      evidence: [
        { label: 'bucket', value: '<img src=x onerror=alert(1)>' },
        { label: 'queues', value: '- arn=arn:aws:sqs:eu-west-1:1:q' },
      ],
      links: [{ label: 'S3 console', url: 'https://console.aws.amazon.com/s3/buckets/b' }],
      environment: 'sandbox',
      world: 's3-notifications-missing',
      startedAt: '2025-11-26T01:50:44.123Z',
    });
    expect(second!.result).toBeUndefined();
    expect(nodes(tree).filter((node) => node.type === 'html')).toEqual([]);
    const estree = JSON.stringify(nodes(tree).find((node) => node.name === stepComponentName)!.attributes![0]!.value.data.estree);
    expect(estree).toContain(JSON.stringify({ type: 'Literal', value: 'No ObjectCreated queue on processed/ <script>alert(1)</script>' }).slice(0, -1));
  });

  it('ignores a result recorded for another check than the one the step links now', async () => {
    writeResults([{ step: '3.3.1', status: 'pass', summary: 'old check passed', check: 'some-older-check' }]);
    const [first] = stepViews(await transform(runbook(linked)));
    expect(first!.result).toBeUndefined();
  });

  it('fails on a link to a missing check module, naming file:line:column after the front matter', async () => {
    const frontMatter = "---\ntitle: Runbook\nscenarios:\n  '3.3': { severity: medium }\n---\n\n";
    const broken = linked.replace('snowflake/refresh-external-table.ts', 'snowflake/no-such-check.ts');
    const markdown = runbook(broken, frontMatter);
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
