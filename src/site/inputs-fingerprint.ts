import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { runsDir } from '../results/store-layout';

/** What the remark plugin reads besides the Markdown: the checks, the code that reads them, the results store. */
const inputDirs = ['checks', 'src/parser', 'src/model', 'src/catalog', 'src/check-api', 'src/results', 'src/site', runsDir];

/** Single files it reads: the environments (consoles, sandbox) of the configuration. */
const inputFiles = ['runbook.config.ts'];

function filesUnder(root: string, dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(path.join(root, dir), { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .flatMap((entry) => {
      const child = path.posix.join(dir, entry.name);
      if (entry.isDirectory()) return filesUnder(root, child);
      return /\.(ts|tsx|js|json)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [child] : [];
    })
    .sort();
}

/**
 * A hash of everything the runbook remark plugin reads that is not the Markdown itself. Passed as a
 * plugin option, it changes Docusaurus's cache key of compiled docs, so a new run or a changed check
 * shows on the next build instead of the cached page.
 */
export function runbookInputsFingerprint(root: string): string {
  const hash = createHash('sha256');
  for (const file of [...inputDirs.flatMap((dir) => filesUnder(root, dir)), ...inputFiles]) {
    try {
      hash.update(`${file}\0`).update(readFileSync(path.join(root, file))).update('\0');
    } catch {
      hash.update(`${file}\0missing\0`);
    }
  }
  return hash.digest('hex').slice(0, 16);
}
