import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureFolder, FolderError } from './ensure-folder';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ensure-folder-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('ensureFolder', () => {
  it('creates every missing level and accepts a folder that exists', async () => {
    await ensureFolder(path.join(dir, 'a', 'b', 'c'));
    await ensureFolder(path.join(dir, 'a', 'b', 'c'));
    expect((await stat(path.join(dir, 'a', 'b', 'c'))).isDirectory()).toBe(true);
  });

  it('names the file that stands where a folder should be', async () => {
    await writeFile(path.join(dir, 'file'), 'x');
    const error = await ensureFolder(path.join(dir, 'file', 'sub')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FolderError);
    expect(error).toMatchObject({ problem: 'not-a-folder', at: path.join(dir, 'file') });
  });

  it('fails at once where Node’s recursive mkdir never returns (/proc)', async () => {
    const error = await ensureFolder('/proc/runbook-nope/deeper').catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'FolderError', problem: 'cannot-create', at: '/proc/runbook-nope' });
  });
});
