import { describe, expect, it } from 'vitest';
import { sampleReport } from '../../test/fixtures/sample-report';
import { buildTerminalReport } from './terminal';
import { printable, printableDeep } from './printable';

/** A log line as someone else wrote it: an OSC 8 hyperlink, a cursor move, a clear-screen, a BEL, a carriage return. */
const hostile = 'ERROR see \x1b]8;;https://evil.invalid/\x07the docs\x1b]8;;\x1b\\ now\x1b[2A\x1b[10;1H\x1b[2J\x1b[H\x07 done\rPASS';

describe('untrusted text stays text (issue 12, item 5)', () => {
  it('strips OSC hyperlinks, cursor moves, clear-screen and BEL, keeping the words', () => {
    expect(printable(hostile)).toBe('ERROR see the docs now donePASS');
  });

  it.each([
    ['C1 CSI', 'a\u009b31mb', 'ab'],
    ['C1 OSC with its terminator', 'a\u009d0;title\u009cb', 'ab'],
    ['a window title set with ESC \\', 'a\x1b]0;pwned\x1b\\b', 'ab'],
    ['a DCS string', 'a\x1bPq#0;2;0;0;0\x1b\\b', 'ab'],
    ['an unterminated OSC, to the end of its line only', 'a\x1b]8;;https://x\nnext', 'a\nnext'],
    ['backspaces, a lone ESC, DEL and NUL', 'a\b\b\x1b\x7f\x00b', 'ab'],
    ['bidirectional overrides', 'user\u202egnp.exe', 'usergnp.exe'],
    ['tabs and newlines, which stay', 'a\tb\nc', 'a\tb\nc'],
    ['ordinary text, which stays', 'Pr0d "x" <b> & ~ é ü 日本', 'Pr0d "x" <b> & ~ é ü 日本'],
  ])('handles %s', (_name, text, expected) => {
    expect(printable(text)).toBe(expected);
  });

  it('makes every string of a value safe, keys included, and keeps its shape', () => {
    expect(printableDeep({ 'a\x07': ['x\x1b[31my', 1, null, { b: 'z\x1b]0;t\x07' }] })).toEqual({ a: ['xy', 1, null, { b: 'z' }] });
  });

  it('prints a report whose summary and evidence quote the hostile line with no escape or control character but newline', () => {
    const report = sampleReport();
    const failed = report.results[1]!;
    failed.summary = `task failed: ${hostile}`;
    failed.evidence.push({ label: 'error lines', value: [hostile, 'second line\nof a traceback'] });
    for (const color of [false, true]) {
      const text = buildTerminalReport(report, { color, width: 400 });
      const foreign = color ? text.replace(/\x1b\[\d+m/g, '') : text;
      expect(foreign).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
      expect(foreign).toContain('task failed: ERROR see the docs now donePASS');
    }
    const plain = buildTerminalReport(report, { color: false, width: 400 });
    expect(plain).toContain('                 error lines: ERROR see the docs now donePASS, second line\n                   of a traceback\n');
  });
});

describe('reports for other readers hold no escape sequences either', () => {
  it('writes JUnit XML that XML 1.0 allows, and Markdown without escapes, from a hostile summary and evidence', async () => {
    const { buildJunitXml } = await import('./junit');
    const { buildMarkdownReport } = await import('./markdown');
    const report = sampleReport();
    report.results[1]!.summary = `task failed: ${hostile}`;
    report.results[1]!.evidence.push({ label: 'error lines', value: [hostile] });
    const xml = buildJunitXml(report);
    expect(xml).not.toMatch(/[\x00-\x08\x0b\x0c\x0e-\x1f]/);
    expect(xml).toContain('task failed: ERROR see the docs now donePASS');
    const markdown = buildMarkdownReport(report);
    expect(markdown).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
    expect(markdown).toContain('ERROR see the docs now donePASS');
  });
});
