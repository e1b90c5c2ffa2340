import { defineCheck, evidence, fail, pass } from '../../src/check-api';
import { envVarUses } from '../../src/diagnostics/dbt/profile';
import { resolveProfile } from '../../src/diagnostics/dbt/resolve-profile';

/** 3.5 check: profiles.yml is found, the target exists, and every env_var() it needs is set (values are never shown). */
export default defineCheck({
  id: 'dbt-environment',
  title: 'dbt environment configuration',
  establishes: "profiles.yml is found, defines the project's profile and target, and every env_var() without a default is set in dbt's environment.",
  kind: 'check',
  uses: ['dbt:dbt_project.yml', 'dbt:profiles.yml'],
  async run(ctx) {
    const dbt = ctx.clients.dbt();
    const resolved = resolveProfile(dbt);
    if (resolved.kind === 'missing') return fail(resolved.problem, { evidence: [evidence('profiles directories searched', dbt.profilesDirs)] });
    const { target } = resolved;
    const uses = envVarUses(target.output);
    const variables = uses.map((use) => ({ variable: use.name, usedBy: use.key, set: Boolean(dbt.environment[use.name]), hasDefault: use.hasDefault }));
    const missing = variables.filter((v) => !v.set && !v.hasDefault);
    const seen = [
      evidence('profiles.yml', resolved.file),
      evidence('profile', target.profile),
      evidence('target', target.target),
      evidence('targets defined', target.targets),
      evidence('adapter', String(target.output.type ?? 'unknown')),
      evidence('env_var() uses', variables),
    ];
    if (missing.length) {
      return fail(`profile ${target.profile}.${target.target} needs ${missing.map((v) => v.variable).join(', ')}, not set in dbt's environment`, { evidence: seen });
    }
    return pass(`profile ${target.profile}.${target.target} found in ${resolved.file}; all ${variables.length} env_var() values it needs are set`, { evidence: seen });
  },
});
