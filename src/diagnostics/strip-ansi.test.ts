import { describe, expect, it } from 'vitest';
import { hasRealArtifacts, readReal, realArtifactsSkipMessage } from './stepfunctions/real-artifacts.test-support';
import { stripAnsi } from './strip-ansi';

describe('terminal escape sequences', () => {
  it('removes colours, bold, underline, cursor moves, hyperlinks and charset switches, and nothing else', () => {
    const coloured = '\x1b[1m\x1b[31mError: \x1b[0m\x1b[4mbad\x1b[24m \x1b[2K\x1b]8;;https://example.invalid\x07link\x1b]8;;\x1b\\ \x1b(Bdone \u009b32mok\u009b0m';
    expect(stripAnsi(coloured)).toBe('Error: bad link done ok');
    expect(stripAnsi('│ plain [31m text')).toBe('│ plain [31m text');
  });
});

describe.skipIf(!hasRealArtifacts)(`the coloured stderr of a failing terraform plan (${hasRealArtifacts ? 'github_actions/tf11_plan_error_colored.stderr.txt' : realArtifactsSkipMessage})`, () => {
  it('reads as the plain diagnostic box once stripped', () => {
    const lines = stripAnsi(readReal('github_actions/tf11_plan_error_colored.stderr.txt')).split('\n');
    expect(lines[1]).toBe('│ Error: Reference to undeclared resource');
    expect(lines.join('\n')).not.toMatch(/\x1b/);
  });
});
