import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bootstrapProcess } from '../src/cli/bootstrap';
import { buildDrillPages, buildHealthyPages } from '../src/onboarding/pages';

bootstrapProcess();

// Regenerates the course's generated pages: docs/onboarding/drills.md and docs/onboarding/healthy/*.md.
async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..');
  const pages = new Map([...buildDrillPages(), ...(await buildHealthyPages(root))]);
  for (const [file, content] of pages) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content, 'utf8');
    process.stdout.write(`wrote ${file}\n`);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(2);
  },
);
