import { defineCheck, evidence, fail, pass, warn } from '../../src/check-api';
import { formatDuration } from '../../src/diagnostics/duration';
import type { ListedObject } from '../../src/diagnostics/s3/list-recent-objects';
import { eachTableWithFiles, tableFilesUses } from '../../src/diagnostics/snowflake/table-files';

const sampleSize = 10;

const newest = (objects: readonly ListedObject[]): ListedObject | null =>
  objects.reduce<ListedObject | null>((best, o) => (!best || o.lastModified > best.lastModified ? o : best), null);

const describeObject = (o: ListedObject | null) => (o ? { key: o.key, lastModified: o.lastModified.toISOString() } : null);

/**
 * 3.3 symptom: new files landed in S3 (processed) after the newest file the external table has registered.
 * The table's newest file may be older than the symptom window of `externalTables.recentMinutes`: the check
 * then lists the location from that file on, so it names the right file and counts what landed since.
 */
export default defineCheck({
  id: 'files-newer-than-table',
  title: 'No new S3 files are newer than what the external table knows',
  establishes:
    "No object under an external table's S3 location (older than the grace period) is newer than the newest object the table has registered: the table keeps up with what lands in S3.",
  kind: 'check',
  uses: tableFilesUses,
  run: (ctx) =>
    eachTableWithFiles(ctx, async (table, files) => {
      const { bucket, prefix, links } = files;
      const known = files.newestRegistered;
      const { objects, coverage } = await files.discoverSince(known?.lastModified ?? null);
      const now = ctx.clock.now().getTime();
      const grace = ctx.config.externalTables!.graceMinutes * 60_000;
      const after = objects
        .filter((o) => !files.isRegistered(o) && (!known || o.lastModified > known.lastModified) && now - o.lastModified.getTime() >= grace)
        .sort((a, b) => a.lastModified.getTime() - b.lastModified.getTime() || a.key.localeCompare(b.key)); // in the order they landed
      const location = `s3://${bucket}/${prefix}`;
      const seen = [
        evidence('location', location),
        evidence('objects listed', coverage.objectsListed),
        evidence('coverage', coverage.how),
        evidence('files registered in the table', files.registeredCount),
        evidence('newest registered object', describeObject(known)),
        evidence('newest object in S3', describeObject(newest(objects))),
      ];
      if (after.length > 0) {
        seen.push(evidence('newer files', after.length), evidence('newer sample', after.slice(0, sampleSize).map(describeObject)));
        const since = known ? `${known.key}, modified ${formatDuration(now - known.lastModified.getTime())} ago` : 'it has registered none of them';
        return fail(`${after.length} new files landed under ${location} after the newest file ${table.name} knows (${since}): the table stopped taking new files`, { evidence: seen, links });
      }
      if (!coverage.complete) {
        const since = known ? `since the newest file ${table.name} knows` : 'under the location';
        return warn(`no listed file is newer than the table's newest, but not every object ${since} was seen: ${coverage.how} (externalTables.maxObjectsListed, externalTables.partitionPattern)`, { evidence: seen, links });
      }
      if (objects.length === 0) return pass(`no files under ${location}: nothing new to register`, { evidence: seen, links });
      return pass(`no file under ${location} is newer than the newest file ${table.name} knows${known ? ` (${known.key})` : ''}`, { evidence: seen, links });
    }),
});
