import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Writes a report file, creating its folder; the path is resolved against the working directory. */
export async function writeReportFile(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  await writeFile(file, text, 'utf8');
}
