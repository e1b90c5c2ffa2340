import { describe, expect, it } from 'vitest';
import { parseRunbook } from '../parser';
import { selectSteps, SelectionError } from './select';

const text = [
  '---',
  "postureSections: ['5', '6']",
  '---',
  '## 3. Failures',
  '',
  '### 3.1 Glue',
  '',
  'Actions:',
  '',
  '1. Open the job',
  '',
  '## 5. Recovery',
  '',
  '- Retries',
  '- Re-runs',
  '',
  '## 6. Practices',
  '',
  '- CI only',
  '- Reviewed plans',
  '',
  '## 8. Maturity',
  '',
  '- Automated',
].join('\n');
const { runbook } = parseRunbook([{ file: 'docs/runbook.md', text }], []);
const ids = (selection: string[]) => selectSteps(runbook, selection).map((step) => step.id);

describe('selecting posture sections', () => {
  it('selects a section by its number, every bullet in order', () => {
    expect(ids(['6'])).toEqual(['6.1', '6.2']);
  });

  it('selects one bullet of a section by its step id', () => {
    expect(ids(['6.2'])).toEqual(['6.2']);
  });

  it('selects several sections at once, and all sections with the failure scenarios when nothing is named', () => {
    expect(ids(['5', '6'])).toEqual(['5.1', '5.2', '6.1', '6.2']);
    expect(ids([])).toEqual(['3.1.1', '5.1', '5.2', '6.1', '6.2']);
  });

  it('refuses a section that is not a posture section, listing the scenarios that exist', () => {
    expect(() => ids(['8'])).toThrow(SelectionError);
    expect(() => ids(['8'])).toThrow(/expected one of: 3\.1 \(Glue\), 5 \(Recovery\), 6 \(Practices\)/);
  });
});
