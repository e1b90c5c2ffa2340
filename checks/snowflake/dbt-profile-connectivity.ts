import { defineCheck, error, evidence, fail, pass, skip } from '../../src/check-api';
import { profileAccessUrl } from '../../src/clients/dbt';
import { describeCallFailure } from '../../src/clients/service-error';
import { classifyConnectionError } from '../../src/diagnostics/dbt/connectivity';
import { profileConnection, resolveProfile } from '../../src/diagnostics/dbt/resolve-profile';

/** 3.5 check: dbt's Snowflake target accepts a connection and a trivial query; network, auth and warehouse problems are told apart. */
export default defineCheck({
  id: 'dbt-profile-connectivity',
  title: 'Snowflake connectivity (dbt profile)',
  establishes: "The dbt profile's Snowflake target is reachable, accepts its credentials, and runs SELECT 1 on its warehouse.",
  kind: 'check',
  uses: ['dbt:profiles.yml', 'tcp:connect', 'snowflake:login', 'snowflake:SELECT'],
  async run(ctx) {
    const dbt = ctx.clients.dbt();
    const resolved = resolveProfile(dbt);
    if (resolved.kind === 'missing') return skip(`cannot read the dbt profile (${resolved.problem}): see the dbt environment check`);
    const connection = profileConnection(resolved.target, dbt.environment);
    const url = profileAccessUrl(connection);
    const where = new URL(url);
    const port = Number(where.port || (where.protocol === 'http:' ? 80 : 443));
    const seen = [
      evidence('profile target', `${resolved.target.profile}.${resolved.target.target}`),
      evidence('endpoint', url),
      evidence('user', connection.user),
      evidence('warehouse', connection.warehouse),
      evidence('role', connection.role),
    ];
    const probe = await dbt.probe(where.hostname, port);
    if (!probe.open) {
      seen.push(evidence('network', probe.code));
      if (probe.code === 'ETIMEDOUT') return error(`network: ${where.hostname}:${port} did not answer in time (firewall, private link, or outage?)`, new Error(probe.code), { evidence: seen });
      return fail(`network: cannot reach ${where.hostname}:${port} (${probe.code}); the profile's host, port or account points nowhere`, { evidence: seen });
    }
    let session;
    try {
      session = await dbt.connectSnowflake(connection);
    } catch (cause) {
      const problem = classifyConnectionError(cause);
      seen.push(evidence('problem', problem), evidence('driver error code', String((cause as { code?: unknown }).code ?? '')));
      if (problem === 'auth') return fail(`authentication: Snowflake rejected user ${connection.user} (wrong or expired password, key, or locked user)`, { evidence: seen });
      if (problem === 'account') return fail(`account: Snowflake does not know account ${connection.account}`, { evidence: seen });
      if (problem === 'network') return error(`network: the login to ${url} did not complete: ${describeCallFailure(cause)}`, cause, { evidence: seen });
      throw cause;
    }
    try {
      await session.query('SELECT 1');
      const [row] = await session.query('SELECT CURRENT_WAREHOUSE() AS WAREHOUSE');
      const warehouse = row?.WAREHOUSE ?? null;
      seen.push(evidence('current warehouse', warehouse as string | null));
      if (connection.warehouse && !warehouse) {
        return fail(`warehouse: logged in, but warehouse ${connection.warehouse} is not usable by role ${connection.role ?? '(default)'} (missing, suspended without auto-resume, or no USAGE grant)`, { evidence: seen });
      }
      return pass(`connected to ${url} as ${connection.user} and ran SELECT 1 on warehouse ${String(warehouse ?? '(none)')}`, { evidence: seen });
    } catch (cause) {
      if (classifyConnectionError(cause) === 'warehouse') return fail(`warehouse: ${connection.warehouse ?? 'no warehouse'} cannot run queries for this user`, { evidence: seen });
      throw cause;
    } finally {
      await session.close();
    }
  },
});
