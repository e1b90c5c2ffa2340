import { defineCheck, evidence, fail, pass } from '../../src/check-api';
import { eachExternalTable } from '../../src/diagnostics/snowflake/each-external-table';
import { describeStage, describeStorageIntegration, locationAccess } from '../../src/diagnostics/snowflake/storage-integration';

/** 3.3.2: the storage integration behind each external table's stage is enabled and allows the stage's location. */
export default defineCheck({
  id: 'storage-integration-active',
  title: 'Snowflake storage integration is active',
  establishes: "The storage integration of each external table's stage is ENABLED and its allowed locations cover the stage URL.",
  kind: 'check',
  uses: ['snowflake:SHOW EXTERNAL TABLES', 'snowflake:DESC STAGE', 'snowflake:DESC STORAGE INTEGRATION'],
  run: (ctx) =>
    eachExternalTable(ctx, async (table, session) => {
      const stage = await ctx.memo(['snowflake:DESC STAGE', table.stage], () => describeStage(session, table.stage));
      const url = stage.url ?? table.location;
      const seen = [evidence('stage', table.stage), evidence('stage URL', url)];
      if (!stage.storageIntegration) {
        return fail(`stage ${table.stage} reads S3 without a storage integration`, { evidence: seen });
      }
      const integration = await describeStorageIntegration(session, stage.storageIntegration);
      seen.push(
        evidence('storage integration', integration.name),
        evidence('ENABLED', integration.enabled),
        evidence('STORAGE_ALLOWED_LOCATIONS', integration.allowedLocations),
        evidence('STORAGE_BLOCKED_LOCATIONS', integration.blockedLocations),
      );
      if (!integration.enabled) {
        return fail(`storage integration ${integration.name} is disabled (ENABLED = false): Snowflake cannot read ${url}`, { evidence: seen });
      }
      const access = locationAccess(url, integration);
      if (access === 'blocked') return fail(`storage integration ${integration.name} blocks ${url}`, { evidence: seen });
      if (access === 'not-allowed') return fail(`storage integration ${integration.name} does not allow ${url}`, { evidence: seen });
      return pass(`storage integration ${integration.name} is enabled and allows ${url}`, { evidence: seen });
    }),
});
