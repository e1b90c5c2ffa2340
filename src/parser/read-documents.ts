import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { RunbookDocument } from './index';

/** Where the runbook and its checks live, relative to the project root. */
export interface ProjectLayout {
  root: string;
  docsDir: string;
  checksDir: string;
}

/** The standard layout: Markdown in `docs/`, check modules in `checks/`. */
export function defaultLayout(root: string): ProjectLayout {
  return { root, docsDir: 'docs', checksDir: 'checks' };
}

async function listFiles(root: string, dir: string, accept: (name: string) => boolean): Promise<string[]> {
  const found: string[] = [];
  const walk = async (relative: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(path.join(root, relative), { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    for (const entry of entries) {
      const child = path.posix.join(relative, entry.name);
      if (entry.isDirectory()) await walk(child);
      else if (accept(entry.name)) found.push(child);
    }
  };
  await walk(dir);
  return found.sort();
}

/** The check module paths under the checks folder: `.ts` files that are not tests or helpers (`_*.ts`). */
export function listCheckModules(layout: ProjectLayout): Promise<string[]> {
  return listFiles(layout.root, layout.checksDir, (name) => /^[^_.][\w.-]*\.ts$/.test(name) && !/\.(test|spec|d)\.ts$/.test(name));
}

/** Reads every Markdown document of the docs folder (`.md`, `.mdx`), in path order. */
export async function readRunbookDocuments(layout: ProjectLayout): Promise<RunbookDocument[]> {
  const files = await listFiles(layout.root, layout.docsDir, (name) => /\.mdx?$/.test(name));
  return Promise.all(files.map(async (file) => ({ file, text: await readFile(path.join(layout.root, file), 'utf8') })));
}
