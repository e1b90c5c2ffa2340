import { writeFileAtomic } from '../util/atomic-file';

/** Writes a report file atomically, creating its folder; the path is resolved against the working directory. */
export async function writeReportFile(file: string, text: string): Promise<void> {
  await writeFileAtomic(file, text);
}
