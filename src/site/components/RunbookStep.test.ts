import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { RunbookStepView } from '../step-view';
import RunbookStep from './RunbookStep';

const view: RunbookStepView = {
  stepId: '3.3.1',
  checkId: 's3-event-notifications',
  title: 'S3 event notifications reach the external table',
  establishes: 'ObjectCreated events reach the channel.',
  kind: 'check',
  command: 'npm run check -- 3.3.1',
  result: {
    status: 'fail',
    summary: 'No queue on processed/ <script>alert(1)</script>',
    evidence: [
      { label: 'bucket', value: '<img src=x onerror=alert(1)>' },
      { label: 'queues', value: '[\n  "arn:aws:sqs:eu-west-1:1:q"\n]' },
    ],
    links: [{ label: 'S3 console', url: 'https://console.aws.amazon.com/s3/buckets/b' }],
    environment: 'sandbox',
    world: 's3-notifications-missing',
    startedAt: '2025-11-26T01:50:44.123Z',
  },
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

  it('shows the step id, kind, command, status and where the last run went', () => {
    const html = render(view);
    expect(html).toContain('id="step-3.3.1"');
    expect(html).toContain('data-status="fail"');
    expect(html).toContain('>read-only<');
    expect(html).toContain('<code>npm run check -- 3.3.1</code>');
    expect(html).toContain('<summary>2 evidence items, 1 link · 2025-11-26 01:50 UTC · sandbox, world s3-notifications-missing</summary>');
    expect(html).toContain('<pre>[\n  &quot;arn:aws:sqs:eu-west-1:1:q&quot;\n]</pre>');
  });

  it('marks an action and offers its --fix command; a step never run reads "not run"', () => {
    const { result: _none, ...neverRun } = view;
    const html = render({ ...neverRun, kind: 'action', fixCommand: 'npm run check -- 3.3.1 --fix' });
    expect(html).toContain('>action<');
    expect(html).toContain('<code>npm run check -- 3.3.1 --fix</code>');
    expect(html).toMatch(/>plan<\/span><code>npm run check -- 3.3.1<\/code>/);
    expect(html).toContain('data-status="none"');
    expect(html).toContain('>not run<');
  });

  it('badges an acknowledged failure as acknowledged', () => {
    const html = render({ ...view, result: { ...view.result!, status: 'acknowledged' } });
    expect(html).toContain('data-status="acknowledged"');
    expect(html).toMatch(/>acknowledged</);
  });
});
