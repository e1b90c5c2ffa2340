import { describe, expect, it } from 'vitest';
import { parseRunbook } from '.';
import { formatDiagnostic } from '../model';
import { maxNestingDepth } from './nesting-depth';

const check = 'checks/s3/s3-event-notifications.ts';

/** A scenario heading with one linked action, then `body`. */
const scenario = (id: string, body = '') => `### ${id} Scenario ${id}\n\nActions:\n\n1. [Verify the notifications](../${check})\n${body}\n`;

// Each case timed out before the parser refused deep nesting and parsed long documents section by section; the
// test's timeout is a guard against a hang, not a measurement (npm run bench has the figures).
describe('hostile runbooks get a result or a positioned error, not a hang', { timeout: 60_000 }, () => {
  it.each([
    // The nesting starts on line 8; the indented list passes the limit on its 65th line, 64 levels in.
    ['a 10,000-deep list on one line', `${'- '.repeat(10_000)}x`, 8],
    ['a 10,000-deep block quote', `${'>'.repeat(10_000)} x`, 8],
    ['a 1,000-deep indented list', Array.from({ length: 1_000 }, (_, depth) => `${'  '.repeat(depth)}- level ${depth}`).join('\n'), 8 + maxNestingDepth],
  ])('%s is refused at its line, with the limit', (_name, nested, line) => {
    const text = `${scenario('3.1')}\n${nested}\n`;
    const { runbook, diagnostics } = parseRunbook([{ file: 'docs/deep.md', text }], [check]);
    const refused = diagnostics.filter((d) => d.rule === 'nesting-too-deep');
    expect(refused).toHaveLength(1);
    expect(formatDiagnostic(refused[0]!)).toMatch(new RegExp(`^docs/deep\\.md:${line}:1: error: this line nests lists or block quotes at least \\d+ levels deep; the runbook parser reads at most ${maxNestingDepth}: flatten it`));
    expect(runbook.scenarios).toEqual([]);
  });

  it(`reads nesting up to ${maxNestingDepth} levels`, () => {
    const nested = Array.from({ length: maxNestingDepth }, (_, depth) => `${'  '.repeat(depth)}- level ${depth}`).join('\n');
    const { runbook, diagnostics } = parseRunbook([{ file: 'docs/deep.md', text: scenario('3.1', `\nNotes:\n\n${nested}`) }], [check]);
    expect(diagnostics.filter((d) => d.rule === 'nesting-too-deep')).toEqual([]);
    expect(runbook.scenarios.map((s) => s.id)).toEqual(['3.1']);
  });

  it('parses a 10 MB runbook of 5,000 scenarios into 5,000 scenarios, each step at its line', () => {
    const prose = `${'An on-call engineer reads this paragraph while the pipeline is failing, so it says what to look at. '.repeat(19)}\n`;
    const text = Array.from({ length: 5_000 }, (_, i) => scenario(`3.${i + 1}`, `\n${prose}`)).join('\n');
    expect(text.length).toBeGreaterThan(10_000_000);
    const { runbook } = parseRunbook([{ file: 'docs/big.md', text }], [check]);
    expect(runbook.scenarios).toHaveLength(5_000);
    const last = runbook.scenarios.at(-1)!;
    expect(last.id).toBe('3.5000');
    const lines = text.split('\n');
    expect(lines[last.steps[0]!.position.line - 1]).toBe(`1. [Verify the notifications](../${check})`);
  });
});
