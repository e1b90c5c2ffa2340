import { defineCheck, evidence, fail, pass, warn } from '../../src/check-api';
import { formatDuration } from '../../src/diagnostics/duration';
import { eachTableWithFiles, tableFilesUses } from '../../src/diagnostics/snowflake/table-files';

const sampleSize = 10;

/** 3.3 symptom: new files under each external table's location are registered in its metadata. */
export default defineCheck({
  id: 'external-table-unregistered-files',
  title: 'New S3 files are registered in the external table',
  establishes: "Every recent object under an external table's S3 location appears in the table's metadata (INFORMATION_SCHEMA.EXTERNAL_TABLE_FILES).",
  kind: 'check',
  uses: tableFilesUses,
  run: (ctx) =>
    eachTableWithFiles(ctx, (table, files) => {
      const { bucket, prefix, discovery, links } = files;
      const { coverage } = discovery;
      const settings = ctx.config.externalTables!;
      const now = ctx.clock.now().getTime();
      const recent = discovery.objects.filter((o) => {
        const age = now - o.lastModified.getTime();
        return age <= settings.recentMinutes * 60_000 && age >= settings.graceMinutes * 60_000;
      });
      const missing = recent.filter((o) => !files.isRegistered(o));
      const window = `the last ${formatDuration(settings.recentMinutes * 60_000)}`;
      const seen = [
        evidence('location', `s3://${bucket}/${prefix}`),
        evidence('objects listed', coverage.objectsListed),
        evidence('listing cap', settings.maxObjectsListed),
        evidence('coverage', coverage.how),
        evidence(`objects from ${window} (older than ${settings.graceMinutes} min)`, recent.length),
        evidence('files registered in the table', files.registeredCount),
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
