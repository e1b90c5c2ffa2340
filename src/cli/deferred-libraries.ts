import { existsSync } from 'node:fs';
import path from 'node:path';
import { deferNamespace } from '../util/deferred-namespace';

/**
 * Imported first by the CLI's entry points, before anything loads zod. zod itself is put off until a schema is built:
 * a run whose configuration was validated before (src/config/cached-config.ts) and whose modules build their schemas
 * on first use never loads it. And zod 4 loads the translations of its messages into every language with itself
 * (`z.locales`, fifty modules), which the project reads in none; its English messages come from their own module.
 * Elsewhere (another zod layout) this does nothing.
 */
function deferZod(): void {
  let entry: string;
  try {
    entry = require.resolve('zod');
  } catch {
    return;
  }
  const locales = path.join(path.dirname(entry), 'v4', 'locales', 'index.cjs');
  if (!existsSync(locales)) return;
  deferNamespace(locales, { esModule: true });
  deferNamespace(entry, { esModule: true });
}

deferZod();
