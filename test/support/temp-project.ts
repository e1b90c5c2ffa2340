import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { root } from './project';

/**
 * A project root of its own under `parent`: a copy of docs/runbook.md (edited), the real config linked in,
 * and the real checks linked in unless `extraChecks` gives it a checks folder of its own; `files` are written as given.
 */
export function tempProject(parent: string, name: string, edit: (runbook: string) => string = (text) => text, extraChecks: Record<string, string> = {}, files: Record<string, string> = {}): string {
  const dir = path.join(parent, name);
  mkdirSync(path.join(dir, 'docs'), { recursive: true });
  writeFileSync(path.join(dir, 'docs', 'runbook.md'), edit(readFileSync(path.join(root, 'docs', 'runbook.md'), 'utf8')));
  symlinkSync(path.join(root, 'runbook.config.ts'), path.join(dir, 'runbook.config.ts'));
  if (Object.keys(extraChecks).length === 0) {
    symlinkSync(path.join(root, 'checks'), path.join(dir, 'checks'), 'dir');
  } else {
    for (const [file, text] of Object.entries(extraChecks)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    }
  }
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(dir, file), text);
  return dir;
}
