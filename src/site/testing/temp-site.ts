import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A throwaway copy of the site for tests: its config and docs copied, code and checks linked. */
export interface TempSite {
  dir: string;
  /** Writes a file of the copy (`docs/runbook.md`, a file of the results store). */
  write(file: string, text: string): void;
  remove(): void;
}

const copied = ['docusaurus.config.ts', 'sidebars.ts', 'package.json', 'tsconfig.json', 'runbook.config.ts', 'docs', 'static'];
const linked = ['node_modules', 'src', 'checks'];

/**
 * Copies the site of `root` into a temporary directory. Build it with the persistent cache off: the
 * linked node_modules would otherwise share one webpack cache between two site directories, which
 * corrupts it (pages then fail to render with "Cannot read properties of undefined (reading 'id')").
 */
export function createTempSite(root: string): TempSite {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'runbook-site-'));
  for (const name of copied) if (existsSync(path.join(root, name))) cpSync(path.join(root, name), path.join(dir, name), { recursive: true });
  for (const name of linked) if (existsSync(path.join(root, name))) symlinkSync(path.join(root, name), path.join(dir, name), 'dir');
  return {
    dir,
    write(file, text) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
