import { parse } from 'yaml';

/** An `env_var()` reference of profiles.yml: the variable, whether it has a default, and where it is used. */
export interface EnvVarUse {
  name: string;
  hasDefault: boolean;
  /** The output key that uses it (`password`). */
  key: string;
}

/** The chosen output of a dbt profile, before rendering. */
export interface ProfileTarget {
  profile: string;
  target: string;
  /** Every output name the profile defines. */
  targets: string[];
  output: Record<string, unknown>;
}

/** Raised when profiles.yml does not define what the project needs; `problem` says what, listing what exists. */
export class ProfileError extends Error {
  override name = 'ProfileError';
  constructor(readonly problem: 'unreadable' | 'no-profile' | 'no-target', message: string) {
    super(message);
  }
}

/** Reads the `profile:` of dbt_project.yml. */
export function projectProfileName(dbtProjectYml: string): string | null {
  const parsed = parse(dbtProjectYml) as { profile?: unknown } | null;
  return typeof parsed?.profile === 'string' ? parsed.profile : null;
}

/** Selects a profile's target output from profiles.yml text (the configured target, else the profile's default). */
export function selectProfileTarget(profilesYml: string, profile: string, target?: string): ProfileTarget {
  let parsed: unknown;
  try {
    parsed = parse(profilesYml);
  } catch (cause) {
    throw new ProfileError('unreadable', `profiles.yml is not valid YAML: ${(cause as Error).message.split('\n')[0]}`);
  }
  const profiles = (parsed ?? {}) as Record<string, { target?: unknown; outputs?: Record<string, unknown> }>;
  const entry = profiles[profile];
  if (!entry || typeof entry !== 'object') {
    const known = Object.keys(profiles).filter((k) => k !== 'config');
    throw new ProfileError('no-profile', `profiles.yml has no profile "${profile}", expected one of: ${known.join(', ') || '(none)'}`);
  }
  const outputs = entry.outputs ?? {};
  const chosen = target ?? (typeof entry.target === 'string' ? entry.target : 'dev');
  const output = outputs[chosen];
  if (!output || typeof output !== 'object') {
    throw new ProfileError('no-target', `profile "${profile}" has no target "${chosen}", expected one of: ${Object.keys(outputs).join(', ') || '(none)'}`);
  }
  return { profile, target: chosen, targets: Object.keys(outputs), output: output as Record<string, unknown> };
}

const envVarCall = /env_var\(\s*['"]([^'"]+)['"]\s*(,\s*(?:'[^']*'|"[^"]*"|[^)]+))?\)/g;

/** Every `env_var()` an output uses, with whether it has a default. */
export function envVarUses(output: Record<string, unknown>): EnvVarUse[] {
  const uses: EnvVarUse[] = [];
  for (const [key, value] of Object.entries(output)) {
    if (typeof value !== 'string') continue;
    for (const match of value.matchAll(envVarCall)) uses.push({ name: match[1]!, hasDefault: Boolean(match[2]), key });
  }
  return uses;
}

/** Raised when a value uses Jinja this renderer does not understand (it renders `env_var()` and simple filters only). */
export class UnsupportedTemplateError extends Error {
  override name = 'UnsupportedTemplateError';
  constructor(readonly key: string) {
    super(`profiles.yml key "${key}" uses a template this check cannot render; only {{ env_var('X') }}, {{ env_var('X', 'default') }} and the as_number/as_bool/int filters are supported`);
  }
}

const expression = /\{\{\s*env_var\(\s*['"]([^'"]+)['"]\s*(?:,\s*['"]([^'"]*)['"]\s*)?\)\s*((?:\|\s*(?:as_number|as_bool|as_text|int|string|trim)\s*)*)\}\}/g;

/** Renders an output's `{{ env_var(…) }}` templates with an environment; unset variables without a default render empty. */
export function renderOutput(output: Record<string, unknown>, env: Readonly<Record<string, string | undefined>>): Record<string, string | number | boolean> {
  const rendered: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(output)) {
    if (typeof value === 'number' || typeof value === 'boolean') {
      rendered[key] = value;
      continue;
    }
    if (typeof value !== 'string') continue;
    const text = value.replace(expression, (_all, name: string, fallback?: string) => env[name] ?? fallback ?? '');
    if (/\{\{|\{%/.test(text)) throw new UnsupportedTemplateError(key);
    rendered[key] = /\|\s*(as_number|int)/.test(value) && /^-?\d+$/.test(text) ? Number(text) : text;
  }
  return rendered;
}
