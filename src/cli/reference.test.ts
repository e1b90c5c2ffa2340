import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkOptions } from './options';
import { buildCliReference } from './reference';

describe('the CLI reference page', () => {
  it('names every option of the option table', () => {
    const page = buildCliReference();
    for (const spec of Object.values(checkOptions)) expect(page).toContain(`\`${spec.flags}\``);
  });

  it('escapes what Markdown would read as a tag or a cell border in the descriptions, so `<file>` stays visible', () => {
    const page = buildCliReference();
    expect(page).toContain('| `--junit <file>` | also write a JUnit XML report to \\<file\\> |');
    expect(page).not.toMatch(/^\| `[^`]+` \|[^`]*[^\\]<\w+>/m);
  });

  it('is committed as generated (run npm run docs:cli after changing an option)', () => {
    const committed = readFileSync(path.resolve(__dirname, '..', '..', 'docs', 'cli-reference.md'), 'utf8');
    expect(committed).toBe(buildCliReference());
  });
});
