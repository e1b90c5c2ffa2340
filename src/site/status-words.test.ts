import { describe, expect, it } from 'vitest';
import { statusWord } from './status-words';

describe('statusWord', () => {
  it('reads symptoms as present or absent and causes as likely cause or ruled out, never as FAIL/PASS', () => {
    expect([statusWord('symptom', 'fail'), statusWord('symptom', 'pass')]).toEqual(['present', 'absent']);
    expect([statusWord('cause', 'fail'), statusWord('cause', 'pass')]).toEqual(['likely cause', 'ruled out']);
  });

  it('keeps the status for actions and check-list entries, and says "could not tell" for an error', () => {
    expect([statusWord('action', 'fail'), statusWord('check', 'pass'), statusWord('action', 'skip')]).toEqual(['fail', 'pass', 'skip']);
    expect(statusWord('symptom', 'error')).toBe('could not tell');
  });
});
