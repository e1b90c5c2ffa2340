import type { SandboxStates } from '../states';
import { objectDoesNotExist } from './errors';
import type { ExternalTable, RegisteredFile } from './state';

/** Where an external table's files live: its stage URL and the S3 bucket and prefix below it. */
export interface TableLocation {
  stageUrl: string;
  url: string;
  bucket: string;
  prefix: string;
}

/** Resolves an external table's location through its stage. */
export function tableLocation(table: ExternalTable, states: SandboxStates): TableLocation {
  const stage = states.snowflake.stages.get(table.stage);
  if (!stage) throw objectDoesNotExist('Stage', table.stage);
  const url = stage.url + table.path;
  const [, bucket = '', prefix = ''] = /^s3:\/\/([^/]+)\/(.*)$/.exec(url) ?? [];
  return { stageUrl: stage.url, url, bucket, prefix };
}

/** The files registered in a table's metadata; built on first use from the S3 objects up to `registeredThrough`. */
export function registeredFiles(table: ExternalTable, states: SandboxStates): Map<string, RegisteredFile> {
  if (table.registered) return table.registered;
  const location = tableLocation(table, states);
  const through = new Date(table.registeredThrough).getTime();
  const registered = new Map<string, RegisteredFile>();
  const bucket = states.s3.buckets.get(location.bucket);
  for (const object of bucket?.objects.values() ?? []) {
    if (!object.key.startsWith(location.prefix) || object.lastModified.getTime() > through) continue;
    registered.set(relativeName(object.key, location), {
      registeredOn: new Date(object.lastModified.getTime() + 60_000),
      size: object.size,
      lastModified: object.lastModified,
      etag: object.etag,
    });
  }
  table.registered = registered;
  return registered;
}

/** A file's name as the external table reports it: its path relative to the stage URL. */
export function relativeName(key: string, location: TableLocation): string {
  const stagePrefix = location.stageUrl.replace(/^s3:\/\/[^/]+\//, '');
  return key.slice(stagePrefix.length);
}

/** One line of ALTER EXTERNAL TABLE … REFRESH output. */
export interface RefreshLine {
  file: string;
  status: 'REGISTERED_NEW' | 'REGISTERED_UPDATE' | 'UNREGISTERED';
  description: string;
}

/** Synchronises a table's registrations with its S3 objects under `subpath`, as a manual refresh does. */
export function refreshTable(table: ExternalTable, states: SandboxStates, now: Date, subpath = ''): RefreshLine[] {
  const location = tableLocation(table, states);
  const registered = registeredFiles(table, states);
  const bucket = states.s3.buckets.get(location.bucket);
  const scope = location.prefix + subpath;
  const lines: RefreshLine[] = [];
  const seen = new Set<string>();
  for (const object of bucket?.objects.values() ?? []) {
    if (!object.key.startsWith(scope)) continue;
    const name = relativeName(object.key, location);
    seen.add(name);
    const previous = registered.get(name);
    if (previous && previous.etag === object.etag) continue;
    registered.set(name, { registeredOn: now, size: object.size, lastModified: object.lastModified, etag: object.etag });
    lines.push({ file: name, status: previous ? 'REGISTERED_UPDATE' : 'REGISTERED_NEW', description: 'File registered successfully.' });
  }
  const scopeName = relativeName(scope, location);
  for (const name of [...registered.keys()]) {
    if (name.startsWith(scopeName) && !seen.has(name)) {
      registered.delete(name);
      lines.push({ file: name, status: 'UNREGISTERED', description: 'File unregistered successfully.' });
    }
  }
  table.lastRefreshedOn = now;
  return lines.sort((a, b) => a.file.localeCompare(b.file));
}
