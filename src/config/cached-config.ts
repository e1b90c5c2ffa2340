import { createHash } from 'node:crypto';
import { codeFingerprint } from '../util/code-fingerprint';
import { cacheFileFor, readKeyedCache, writeKeyedCache } from '../util/keyed-cache-file';
import { readConfigModule } from './config-module';
import type { RunbookConfig } from './schema';

/** Bumped when the stored shape changes. */
const cacheFormat = 1;

/** Whether a value is JSON as it is (null, booleans, finite numbers, text, arrays and plain objects of them): it reads back the same. */
function isPlainJson(value: unknown): boolean {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.length === Object.keys(value).length && value.every(isPlainJson);
  if (typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return (prototype === Object.prototype || prototype === null) && Object.getOwnPropertySymbols(value).length === 0 && Object.values(value).every(isPlainJson);
}

/** The cache file of one configuration module's validated form: one a module, so an edit replaces it. */
export function configCacheFileOf(full: string): string {
  return cacheFileFor('runbook-config', full);
}

/**
 * `loadConfig` for the CLI: the configuration as an earlier run validated it, when the module exported the same plain
 * data and the validation code (src/config/load-config.ts and what it imports, the packages) is unchanged; else
 * validated now, which loads the schema and zod, and stored. A configuration that is not plain data (a function, a
 * date) is validated every time. A configuration that fails validation is never stored: its errors print every time.
 * CLI only: the lazy `require` of a TypeScript module needs the CLI's compile hook, which the test runner does not install.
 */
export function loadConfigCached(root: string, file = 'runbook.config.ts'): RunbookConfig {
  const module = readConfigModule(root, file);
  const { full, loaded } = module;
  const key = isPlainJson(loaded)
    ? createHash('sha256').update(`format ${cacheFormat}\0code ${codeFingerprint('src/config/load-config.ts')}\0file ${full}\0${JSON.stringify(loaded)}`).digest('hex')
    : null;
  const cacheFile = configCacheFileOf(full);
  const stored = key ? (readKeyedCache(cacheFile, key) as RunbookConfig | undefined) : undefined;
  if (stored && typeof stored === 'object' && typeof stored.environments === 'object') return stored;
  const { configFromModule } = require('./load-config') as typeof import('./load-config');
  const config = configFromModule(module, file);
  if (key && isPlainJson(config)) writeKeyedCache(cacheFile, key, config);
  return config;
}
