import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ManualStepView, RunbookStepView, StepResultView } from '../step-view';
import ManualStep from './ManualStep';
import RunbookStep from './RunbookStep';

const sandboxResult: StepResultView = {
  status: 'fail',
  word: 'present',
  summary: 'No queue on processed/ <script>alert(1)</script>',
  evidence: [
    { label: 'bucket', value: '<img src=x onerror=alert(1)>' },
    { label: 'queues', value: '[\n  "arn:aws:sqs:eu-west-1:1:q"\n]' },
  ],
  links: [{ label: 'S3 console', url: 'https://s3.console.aws.amazon.com/s3/buckets/b', clickable: false }],
  environment: 'sandbox',
  world: 's3-notifications-missing',
  sandbox: true,
  startedAt: '2025-11-26T01:50:44.123Z',
  statusSince: '2025-11-25T22:00:00.000Z',
  previousStatus: 'pass',
  command: 'npm run check -- 3.3.s2 --env sandbox --world s3-notifications-missing',
};

const prodResult: StepResultView = {
  ...sandboxResult,
  status: 'pass',
  word: 'absent',
  summary: 'every file registered',
  evidence: [],
  links: [{ label: 'S3 bucket', url: 'https://s3.console.aws.amazon.com/s3/buckets/b?region=eu-west-1', clickable: true }],
  environment: 'prod',
  world: null,
  sandbox: false,
  statusSince: sandboxResult.startedAt,
  previousStatus: null,
  command: 'npm run check -- 3.3.s2 --env prod',
};

const view: RunbookStepView = {
  stepId: '3.3.s2',
  role: 'symptom',
  checkId: 'external-table-unregistered-files',
  title: 'Files in S3 the external table does not list',
  establishes: 'Every recent file is registered.',
  kind: 'check',
  command: sandboxResult.command,
  results: [sandboxResult, { ...prodResult, startedAt: '2025-11-25T01:00:00.000Z', statusSince: '2025-11-25T01:00:00.000Z' }],
};

const render = (step: RunbookStepView): string => renderToStaticMarkup(createElement(RunbookStep, { step }));

describe('RunbookStep', () => {
  it('renders summary and evidence as escaped text, never as markup', () => {
    const html = render(view);
    expect(html).toContain('No queue on processed/ &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<code>&lt;img src=x onerror=alert(1)&gt;</code>');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
  });

  it('shows the status in the step\'s words, the reproducing command, where and when it ran and since when its status holds', () => {
    const html = render(view);
    expect(html).toContain('data-status="fail"');
    expect(html).toMatch(/data-status="fail" title="The problem is here">present</);
    expect(html).toContain('<code>npm run check -- 3.3.s2 --env sandbox --world s3-notifications-missing</code>');
    expect(html).toContain('sandbox · world s3-notifications-missing');
    expect(html).toContain('ran <time dateTime="2025-11-26T01:50:44.123Z" title="2025-11-26 01:50 UTC">2025-11-26 01:50 UTC</time>');
    expect(html).toContain('present since <time dateTime="2025-11-25T22:00:00.000Z" title="2025-11-25 22:00 UTC">2025-11-25 22:00 UTC</time> (was absent)');
    expect(html).toContain('<summary>2 evidence items</summary>');
  });

  it('shows a second environment\'s result with its own status and command, and its console link as a link', () => {
    const html = render(view);
    expect(html).toContain('data-environment="prod"');
    expect(html).toContain('>absent<');
    expect(html).toContain('<code>npm run check -- 3.3.s2 --env prod</code>');
    expect(html).toContain('absent since this run (first recorded)');
    expect(html).toContain('<a href="https://s3.console.aws.amazon.com/s3/buckets/b?region=eu-west-1" target="_blank" rel="noopener noreferrer">S3 bucket</a>');
  });

  it('shows a sandbox run\'s console link by name, as text, outside the folded evidence', () => {
    const html = render(view);
    const sandboxBlock = html.slice(html.indexOf('data-environment="sandbox"'), html.indexOf('data-environment="prod"'));
    expect(sandboxBlock).toContain('S3 console <span');
    expect(sandboxBlock).toContain('(sandbox run: no real console)');
    expect(sandboxBlock).not.toContain('<a href="https://s3');
    expect(sandboxBlock.indexOf('S3 console')).toBeLessThan(sandboxBlock.indexOf('<details'));
  });

  it('marks an action and offers its --fix command; a step never run reads "not run", with the bare command', () => {
    const html = render({ ...view, role: 'action', kind: 'action', command: 'npm run check -- 3.3.4', fixCommand: 'npm run check -- 3.3.4 --fix', results: [] });
    expect(html).toContain('>action<');
    expect(html).toMatch(/>plan<\/span><code>npm run check -- 3.3.4<\/code>/);
    expect(html).toMatch(/>apply<\/span><code>npm run check -- 3.3.4 --fix<\/code>/);
    expect(html).toContain('data-status="none"');
    expect(html).toContain('>not run<');
  });

  it('badges an acknowledged failure as acknowledged', () => {
    const html = render({ ...view, role: 'action', results: [{ ...sandboxResult, status: 'acknowledged', word: 'acknowledged' }] });
    expect(html).toContain('data-status="acknowledged"');
    expect(html).toMatch(/>acknowledged</);
  });

  it('gives every step a link to its own address', () => {
    expect(render(view)).toContain('href="#step-3.3.s2" aria-label="Link to step 3.3.s2"');
  });
});

describe('ManualStep', () => {
  it('reads "manual" and "no check yet", with the step id and its link', () => {
    const step: ManualStepView = { stepId: '3.3.s1', role: 'symptom' };
    const html = renderToStaticMarkup(createElement(ManualStep, { step }));
    expect(html).toContain('data-status="manual"');
    expect(html).toContain('>manual<');
    expect(html).toContain('no check yet: look for this symptom by hand');
    expect(html).toContain('href="#step-3.3.s1"');
  });
});
