import { NoSuchBucket } from '@aws-sdk/client-s3';
import { defineCheck, evidence, fail, link, pass, warn } from '../../src/check-api';
import { formatDuration } from '../../src/diagnostics/duration';
import { discoverRecentObjects } from '../../src/diagnostics/s3/recent-objects';
import { s3ConsoleUrl } from '../../src/diagnostics/s3/s3-url';
import { eachExternalTable } from '../../src/diagnostics/snowflake/each-external-table';
import { splitQualifiedName, sqlString } from '../../src/diagnostics/snowflake/sql-literal';
import { describeStage } from '../../src/diagnostics/snowflake/storage-integration';

const sampleSize = 10;

/** 3.3 symptom: new files under each external table's location are registered in its metadata. */
export default defineCheck({
  id: 'external-table-unregistered-files',
  title: 'New S3 files are registered in the external table',
  establishes: "Every recent object under an external table's S3 location appears in the table's metadata (INFORMATION_SCHEMA.EXTERNAL_TABLE_FILES).",
  kind: 'check',
  uses: ['snowflake:SHOW EXTERNAL TABLES', 'snowflake:DESC STAGE', 's3:ListObjectsV2', 'snowflake:EXTERNAL_TABLE_FILES'],
  run: (ctx) =>
    eachExternalTable(ctx, async (table, session) => {
      if (!table.s3) return fail(`the table's location ${table.location} is not an S3 URL`);
      const settings = ctx.config.externalTables!;
      const now = ctx.clock.now().getTime();
      const { bucket, prefix } = table.s3;
      const links = [link(`S3 ${bucket}/${prefix}`, s3ConsoleUrl({ bucket, prefix }, ctx.config.aws?.region ?? 'us-east-1'))];
      let discovery;
      try {
        discovery = await ctx.memo(['s3:recent-objects', bucket, prefix, settings.recentMinutes, settings.partitionPattern], (signal) =>
          discoverRecentObjects(ctx.clients.s3(), { bucket, prefix }, {
            since: new Date(now - settings.recentMinutes * 60_000),
            until: new Date(now),
            maxObjectsListed: settings.maxObjectsListed,
            ...(settings.partitionPattern ? { partitionPattern: settings.partitionPattern } : {}),
            signal,
          }),
        );
      } catch (error) {
        if (error instanceof NoSuchBucket) return fail(`bucket ${bucket} of the table's location does not exist, so no file can be registered`, { links });
        throw error;
      }
      const { coverage } = discovery;
      const recent = discovery.objects.filter((o) => {
        const age = now - o.lastModified.getTime();
        return age <= settings.recentMinutes * 60_000 && age >= settings.graceMinutes * 60_000;
      });
      const stageUrl = (await ctx.memo(['snowflake:DESC STAGE', table.stage], () => describeStage(session, table.stage))).url ?? table.location;
      const stagePrefix = stageUrl.replace(/^s3:\/\/[^/]+\//, '');
      const { database } = splitQualifiedName(table.name);
      const files = await session.query(
        `SELECT * FROM TABLE(${database ? `${database}.` : ''}INFORMATION_SCHEMA.EXTERNAL_TABLE_FILES(TABLE_NAME => ${sqlString(table.name)}))`,
      );
      const registered = new Set(files.map((row) => String(row.FILE_NAME ?? row.file_name ?? '')));
      const missing = recent.filter((o) => !registered.has(o.key.slice(stagePrefix.length)) && !registered.has(o.key));
      const window = `the last ${formatDuration(settings.recentMinutes * 60_000)}`;
      const seen = [
        evidence('location', `s3://${bucket}/${prefix}`),
        evidence('objects listed', coverage.objectsListed),
        evidence('listing cap', settings.maxObjectsListed),
        evidence('coverage', coverage.how),
        evidence(`objects from ${window} (older than ${settings.graceMinutes} min)`, recent.length),
        evidence('files registered in the table', registered.size),
      ];
      if (missing.length > 0) {
        const oldest = Math.min(...missing.map((o) => o.lastModified.getTime()));
        seen.push(
          evidence('unregistered files', missing.length),
          evidence(
            'unregistered sample',
            missing.slice(0, sampleSize).map((o) => ({ key: o.key, lastModified: o.lastModified.toISOString(), size: o.size })),
          ),
        );
        return fail(`${missing.length} of ${recent.length} new files under s3://${bucket}/${prefix} are not registered in ${table.name} (oldest waiting ${formatDuration(now - oldest)})`, { evidence: seen, links });
      }
      if (!coverage.complete) {
        return warn(`the ${recent.length} recent files seen are registered, but not every object of ${window} was seen: ${coverage.how} (externalTables.maxObjectsListed, externalTables.partitionPattern)`, { evidence: seen, links });
      }
      if (recent.length === 0) return pass(`no new files under s3://${bucket}/${prefix} in ${window}: nothing waits for registration (${coverage.how})`, { evidence: seen, links });
      return pass(`all ${recent.length} files from ${window} are registered in ${table.name} (${coverage.how})`, { evidence: seen, links });
    }),
});
