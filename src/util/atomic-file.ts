import { randomBytes } from 'node:crypto';
import { appendFile, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { ensureFolder } from './ensure-folder';
import { nonFileKind } from './file-kind';

/**
 * Writes a file so that a reader sees either the old content or the new, never a part: the data goes to
 * a temporary file beside it, is flushed to disk, and is renamed over the target.
 */
export async function writeFileAtomic(file: string, data: string | Buffer): Promise<void> {
  const target = path.resolve(file);
  // The rename would replace a device or a folder itself (as root, /dev/full became a file): refuse instead.
  const kind = await stat(target).then(nonFileKind, () => null);
  if (kind) throw new Error(`${target} is ${kind}, not a file: an atomic write would replace it`);
  await ensureFolder(path.dirname(target));
  const temporary = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const handle = await open(temporary, 'w');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * Appends one whole line (JSON lines and similar logs) in a single write to a file opened for appending,
 * so that concurrent writers never interleave within a line; the folder is created when missing.
 */
export async function appendLine(file: string, line: string): Promise<void> {
  if (line.includes('\n')) throw new Error(`appendLine takes one line; the text holds a line break at ${line.indexOf('\n')}`);
  await ensureFolder(path.dirname(path.resolve(file)));
  await appendFile(file, `${line}\n`, { encoding: 'utf8', flag: 'a' });
}
