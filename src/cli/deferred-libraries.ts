import { existsSync } from 'node:fs';
import path from 'node:path';
import { deferNamespace } from '../util/deferred-namespace';

/**
 * Imported first by the CLI's entry points, before anything loads zod: zod 4 loads the translations of its messages
 * into every language with itself (`z.locales`, fifty modules), and the project reads them in none; its English
 * messages come from their own module. Elsewhere (another zod layout) this does nothing.
 */
function deferZodLocales(): void {
  let entry: string;
  try {
    entry = require.resolve('zod');
  } catch {
    return;
  }
  const locales = path.join(path.dirname(entry), 'v4', 'locales', 'index.cjs');
  if (existsSync(locales)) deferNamespace(locales, { esModule: true });
}

deferZodLocales();
