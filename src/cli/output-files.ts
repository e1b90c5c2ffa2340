import { randomBytes } from 'node:crypto';
import { open, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { ensureFolder, FolderError } from '../util/ensure-folder';
import { nonFileKind } from '../util/file-kind';

/** An output file that cannot be written: names the option, the path and why, before any check runs. */
export class OutputFileError extends Error {
  override name = 'OutputFileError';
  constructor(
    /** What asks for the file: `--junit`, `--markdown`, or `the saved result`. */
    readonly option: string,
    readonly file: string,
    readonly problem: string,
    options?: { cause?: unknown; hint?: string },
  ) {
    super(`${option} ${file}: ${problem}${options?.hint ? `; ${options.hint}` : ''}`, options);
  }
}

/** How long one report write may take before the command gives up on it (a stuck network mount, say). */
export const reportWriteTimeoutMs = 15_000;

async function existing(file: string) {
  try {
    return await stat(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Proves the folder takes a new file by creating and removing one; root passes every mode check, so only a write tells. */
async function probeWritable(folder: string): Promise<void> {
  const probe = path.join(folder, `.runbook-probe-${process.pid}-${randomBytes(4).toString('hex')}`);
  const handle = await open(probe, 'wx');
  await handle.close();
  await rm(probe, { force: true });
}

/**
 * Checks that a report can be written at `file` (creating its missing folders): the path is not a directory or a
 * device, its folder exists or can be made, and it takes a new file. Throws OutputFileError otherwise.
 */
export async function checkOutputFile(option: string, file: string, options: { exampleName?: string; hint?: string } = {}): Promise<void> {
  const target = path.resolve(file);
  const exampleName = options.exampleName ?? 'report.xml';
  const wrap = (problem: string, cause?: unknown) => new OutputFileError(option, file, problem, { ...(cause === undefined ? {} : { cause }), ...(options.hint ? { hint: options.hint } : {}) });
  const stats = await existing(target).catch((cause: NodeJS.ErrnoException) => {
    if (cause.code === 'ENOTDIR') return null;
    throw wrap(`cannot be read (${cause.code ?? cause.message})`, cause);
  });
  const kind = stats && nonFileKind(stats);
  if (kind === 'a directory') throw wrap(`it is a directory, expected a file path such as ${path.join(file, exampleName)}`);
  if (kind) throw wrap(`it is ${kind}, not a file: reports are written to a new file that replaces the old one, which ${kind} cannot take`);
  const folder = path.dirname(target);
  try {
    await ensureFolder(folder);
  } catch (cause) {
    if (cause instanceof FolderError) throw wrap(cause.message, cause);
    throw cause;
  }
  await probeWritable(folder).catch((cause: NodeJS.ErrnoException) => {
    throw wrap(`the folder ${folder} is not writable (${cause.code ?? cause.message})`, cause);
  });
}

/** Writes a report with a deadline, naming the option and the path when the write fails or does not finish. */
export async function writeOutputFile(option: string, file: string, write: () => Promise<void>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new OutputFileError(option, file, `the write did not finish within ${reportWriteTimeoutMs / 1000} s`)), reportWriteTimeoutMs);
    timer.unref();
  });
  try {
    await Promise.race([write(), deadline]);
  } catch (cause) {
    if (cause instanceof OutputFileError) throw cause;
    const code = (cause as NodeJS.ErrnoException).code;
    throw new OutputFileError(option, file, `could not be written (${code ?? (cause as Error).message})`, { cause });
  } finally {
    clearTimeout(timer);
  }
}
