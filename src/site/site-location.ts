import * as z from 'zod';

/** Where the built site is served: its origin and the path it lives under. */
export interface SiteLocation {
  url: string;
  baseUrl: string;
}

/** The environment variables that place the site, and what they default to (a local `npm start`). */
export const siteLocationVariables = { url: 'RUNBOOK_SITE_URL', baseUrl: 'RUNBOOK_SITE_BASE_URL' } as const;

const origin = z
  .string()
  .refine((text) => /^https?:\/\/[^/?#\s]+\/?$/.test(text), 'expected an http(s) origin without a path, such as https://runbook.example.com (the path goes in RUNBOOK_SITE_BASE_URL)')
  .transform((text) => text.replace(/\/$/, ''));
const basePath = z.string().regex(/^\/([\w.~-]+\/)*$/, 'expected a path that starts and ends with "/", such as /runbook/');

/** A site URL or base URL that does not fit; names the variable and what was expected. */
export class SiteLocationError extends Error {
  override name = 'SiteLocationError';
}

/**
 * Reads the site's URL and base URL from RUNBOOK_SITE_URL and RUNBOOK_SITE_BASE_URL (defaults:
 * `http://localhost:3000` and `/`), so a deployment sets them without editing docusaurus.config.ts.
 */
export function siteLocation(env: NodeJS.ProcessEnv = process.env): SiteLocation {
  const read = <T>(name: string, schema: z.ZodType<T>, fallback: string): T => {
    const value = env[name]?.trim() || fallback;
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw new SiteLocationError(`${name}: unexpected "${value}", ${parsed.error.issues[0]!.message}`);
    return parsed.data;
  };
  return {
    url: read(siteLocationVariables.url, origin, 'http://localhost:3000'),
    baseUrl: read(siteLocationVariables.baseUrl, basePath, '/'),
  };
}
