import type { EnvironmentConfig } from '../config';

/** Says whether the page may make a run's link clickable. */
export type LinkRule = (url: string) => boolean;

const awsRegion = /^[a-z]{2}(?:-gov)?-[a-z]+-\d$/;

function parse(url: string): URL | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed : null;
  } catch {
    return null;
  }
}

/** Under `base`: the same origin, and a path at or below its path. */
function isUnder(url: URL, base: string): boolean {
  const root = parse(base);
  if (!root || url.origin !== root.origin) return false;
  const prefix = root.pathname.replace(/\/$/, '');
  return url.pathname === prefix || url.pathname.startsWith(`${prefix}/`);
}

/** The AWS console in the environment's region: `eu-west-1.console…`, or a global console page naming no other region. */
function isAwsConsole(url: URL, region: string): boolean {
  const host = /^(?:([a-z0-9-]+)\.)?console\.aws\.amazon\.com$/.exec(url.hostname);
  if (!host || url.protocol !== 'https:') return false;
  const named = [host[1], url.searchParams.get('region'), ...[...url.hash.matchAll(/region=([a-z0-9-]+)/g)].map((m) => m[1])].filter((part) => part && awsRegion.test(part));
  return named.every((part) => part === region);
}

/** Snowsight or the account URL of the environment's account (`myorg-analytics`, `xy12345.eu-west-1`). */
function isSnowflakeAccount(url: URL, account: string): boolean {
  const name = account.toLowerCase();
  if (url.protocol !== 'https:') return false;
  if (url.hostname === `${name}.snowflakecomputing.com`) return true;
  if (url.hostname !== 'app.snowflake.com') return false;
  const [first, second] = url.pathname.split('/').filter(Boolean).map((part) => part.toLowerCase());
  return Boolean(first && second) && (`${first}-${second}` === name || `${second}.${first}` === name);
}

/**
 * The links the page makes clickable for one environment: only to the consoles its configuration names
 * (the AWS console in its region, its Snowflake account, its GitHub repository, its Airflow). Everything
 * else, and every link of a sandbox run (no real console stands behind it), is shown as text.
 */
export function consoleLinkRule(environment: EnvironmentConfig | undefined): LinkRule {
  if (!environment || environment.sandbox) return () => false;
  const { aws, snowflake, github, airflow } = environment;
  const githubRepository = github ? `${(github.webUrl ?? 'https://github.com').replace(/\/$/, '')}/${github.repository}` : null;
  const airflowUi = airflow?.uiUrl ?? airflow?.baseUrl;
  return (text) => {
    const url = parse(text);
    if (!url) return false;
    return Boolean(
      (aws && isAwsConsole(url, aws.region)) ||
        (snowflake && isSnowflakeAccount(url, snowflake.account)) ||
        (githubRepository && isUnder(url, githubRepository)) ||
        (airflowUi && isUnder(url, airflowUi)),
    );
  };
}
