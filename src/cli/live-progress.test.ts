import { describe, expect, it } from 'vitest';
import { pass, fail } from '../check-api/verdicts';
import type { Step, StepOutcome } from '../model';
import { startLiveProgress } from './live-progress';

const position = { file: 'docs/runbook.md', line: 1, column: 1 };
const step = (id: string, text: string): Step => ({ id, scenarioId: '3.3', role: 'action', text, position });
const outcome = (id: string, failing = false): StepOutcome => ({ step: id, scenario: '3.3', role: 'action', text: id, check: 'c', kind: 'check', durationMs: 5, ...(failing ? fail('x') : pass('x')) });

describe('startLiveProgress', () => {
  it('redraws the running steps in place, prints log lines above them, and erases itself when stopped', () => {
    const written: string[] = [];
    let now = 0;
    const progress = startLiveProgress((text) => written.push(text), { color: false, width: 80 }, 2, { intervalMs: 1e9, nowMs: () => now });
    progress.started(step('3.3.1', 'Verify S3 event notifications'));
    now = 1_500;
    progress.log('  s3 GetBucketNotificationConfiguration 12 ms ok');
    progress.finished(outcome('3.3.1', true));
    progress.stop();
    progress.log('after the end');
    expect(written).toEqual([
      '  ⠋ 3.3.1   Verify S3 event notifications  0.0s\n  0/2 steps done, 1 running\n',
      '\u001b[2F\u001b[0J  s3 GetBucketNotificationConfiguration 12 ms ok\n  ⠴ 3.3.1   Verify S3 event notifications  1.5s\n  0/2 steps done, 1 running\n',
      '\u001b[2F\u001b[0J  1/2 steps done · 1 not passing\n',
      '\u001b[1F\u001b[0J',
      'after the end\n',
    ]);
  });
});
