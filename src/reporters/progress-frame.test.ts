import { describe, expect, it } from 'vitest';
import { buildProgressFrame } from './progress-frame';

describe('buildProgressFrame', () => {
  const state = {
    total: 6,
    done: 2,
    problems: 1,
    running: [
      { step: '3.3.1', text: 'Verify S3 event notifications are enabled', startedMs: 1_000 },
      { step: '3.3.s2', text: 'External table does not reflect new data', startedMs: 2_600 },
    ],
  };

  it('shows each running step with how long it has run, then how many steps are done', () => {
    expect(buildProgressFrame(state, 3_000, { color: false, width: 100 })).toEqual([
      '  ⠋ 3.3.1   Verify S3 event notifications are enabled  2.0s',
      '  ⠋ 3.3.s2  External table does not reflect new data  0.4s',
      '  2/6 steps done, 2 running · 1 not passing',
    ]);
  });

  it('fits the screen width, and writes no escape codes without colour', () => {
    const lines = buildProgressFrame(state, 3_000, { color: false, width: 40 });
    expect(lines[0]).toBe('  ⠋ 3.3.1   Verify S3 event noti…  2.0s');
    expect(lines.every((line) => line.length <= 40)).toBe(true);
    expect(lines.join('\n')).not.toMatch(/\u001b\[/);
  });
});
