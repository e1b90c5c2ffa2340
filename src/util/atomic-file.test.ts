import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendLine, writeFileAtomic } from './atomic-file';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'atomic-file-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('replaces the content whole, creates missing folders and leaves no temporary file behind', async () => {
    const file = path.join(dir, 'a', 'b', 'doc.json');
    await writeFileAtomic(file, 'first');
    await writeFileAtomic(file, 'second');
    expect(await readFile(file, 'utf8')).toBe('second');
    expect(await readdir(path.dirname(file))).toEqual(['doc.json']);
  });

  it('keeps the old content and removes its temporary file when the target cannot be replaced', async () => {
    const file = path.join(dir, 'folder-in-the-way');
    await writeFile(path.join(dir, 'keep'), 'old');
    await import('node:fs/promises').then((fs) => fs.mkdir(file));
    await expect(writeFileAtomic(file, 'new')).rejects.toThrow();
    expect((await readdir(dir)).sort()).toEqual(['folder-in-the-way', 'keep']);
  });

  it('lets concurrent writers each leave a complete document', async () => {
    const file = path.join(dir, 'doc.json');
    const bodies = Array.from({ length: 20 }, (_, i) => JSON.stringify({ writer: i, pad: 'x'.repeat(50_000) }));
    await Promise.all(bodies.map((body) => writeFileAtomic(file, body)));
    expect(bodies).toContain(await readFile(file, 'utf8'));
  });
});

describe('appendLine', () => {
  it('appends whole lines that concurrent writers never interleave', async () => {
    const file = path.join(dir, 'log', 'audit.jsonl');
    await Promise.all(Array.from({ length: 50 }, (_, i) => appendLine(file, JSON.stringify({ i, pad: 'y'.repeat(2_000) }))));
    const lines = (await readFile(file, 'utf8')).trimEnd().split('\n');
    expect(lines).toHaveLength(50);
    expect(new Set(lines.map((line) => (JSON.parse(line) as { i: number }).i)).size).toBe(50);
  });

  it('refuses text with a line break, which would split a record', async () => {
    await expect(appendLine(path.join(dir, 'x.jsonl'), 'a\nb')).rejects.toThrow(/one line/);
  });
});
