import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildCliReference } from '../src/cli/reference';

// Regenerates docs/cli-reference.md from the CLI's option table.
writeFileSync(path.resolve(__dirname, '..', 'docs', 'cli-reference.md'), buildCliReference(), 'utf8');
