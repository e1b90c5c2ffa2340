import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { documentSourceOf } from './document-source';

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'document-source-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const frontMatter = '---\ntitle: Runbook\nslug: /runbook\n---\n\n';
const body = '# Runbook\n\n### 3.3 Title\n';

describe('documentSourceOf', () => {
  it('names the file relative to the root and adds no lines when remark sees the whole file', () => {
    writeFileSync(path.join(root, 'runbook.md'), frontMatter + body);
    expect(documentSourceOf({ path: path.join(root, 'runbook.md'), value: frontMatter + body }, root)).toEqual({
      file: 'runbook.md',
      text: frontMatter + body,
      lineOffset: 0,
    });
  });

  it('adds the lines of a front matter that was stripped before remark saw the text', () => {
    writeFileSync(path.join(root, 'runbook.md'), frontMatter + body);
    expect(documentSourceOf({ path: path.join(root, 'runbook.md'), value: body }, root).lineOffset).toBe(5);
    expect(documentSourceOf({ path: path.join(root, 'runbook.md'), value: `\n${body}` }, root).lineOffset).toBe(4);
  });
});
