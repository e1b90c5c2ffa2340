import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';

/** A folder that cannot be made: an ancestor is a file, or the file system refused to create a level. */
export class FolderError extends Error {
  override name = 'FolderError';
  constructor(
    readonly folder: string,
    /** The path that stopped it: the file in the way, or the level that could not be created. */
    readonly at: string,
    readonly problem: 'not-a-folder' | 'cannot-create',
    options?: { cause?: unknown },
  ) {
    const code = (options?.cause as NodeJS.ErrnoException | undefined)?.code;
    super(problem === 'not-a-folder' ? `${at} is a file, not a folder` : `the folder ${at} cannot be created${code ? ` (${code})` : ''}`, options);
  }
}

async function kindOf(file: string): Promise<'folder' | 'other' | 'missing'> {
  try {
    return (await stat(file)).isDirectory() ? 'folder' : 'other';
  } catch (error) {
    // ENOTDIR: an ancestor is a file; the walk up finds which.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return 'missing';
    throw error;
  }
}

/**
 * Makes a folder and its missing parents one level at a time. Node's `mkdir(…, { recursive: true })` never
 * returns under some file systems (`/proc/nope` loops for ever); a level at a time fails there at once.
 */
export async function ensureFolder(folder: string): Promise<void> {
  const target = path.resolve(folder);
  const missing: string[] = [];
  let current = target;
  for (;;) {
    const kind = await kindOf(current);
    if (kind === 'folder') break;
    if (kind === 'other') throw new FolderError(target, current, 'not-a-folder');
    missing.unshift(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const level of missing) {
    try {
      await mkdir(level);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new FolderError(target, level, 'cannot-create', { cause: error });
    }
  }
}
