import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { parseDatePartitionPattern, partitionBefore, partitionsBetween, partitionStart, type DatePartitionPattern } from '../../util/date-partition';
import { listObjectsBounded, type ListedObject } from './list-recent-objects';
import type { S3Location } from './s3-url';

/** What to discover under a location, and the bounds on its cost. */
export interface DiscoveryRequest {
  /** Objects written up to this time (now, or when a run started) and, when given, from `since` on. */
  until: Date;
  since?: Date;
  /** The key layout below the location (`day=YYYY-MM-DD/`); without one, the location is listed in key order. */
  partitionPattern?: string;
  /** The most objects listed in all. */
  maxObjectsListed: number;
  /** Without `since`: stop after the newest partitions that hold this many objects (a sample of the newest). */
  enough?: number;
  /** Without `since`: the most partitions looked at, newest first. */
  maxPartitions?: number;
  signal?: AbortSignal;
}

/** How much of the location a discovery saw, and how: every pass and warn built on it says so. */
export interface DiscoveryCoverage {
  strategy: 'partitions' | 'key-order listing';
  /** In words, for evidence: what was listed and what was not. */
  how: string;
  objectsListed: number;
  calls: number;
  /** The partitions listed, newest first (partition strategy only). */
  partitions: string[];
  /** Every object the request asked about was listed. */
  complete: boolean;
  /** The newest objects were certainly among those listed (false when a cap or the layout kept them out of reach). */
  reachedNewest: boolean;
}

/** The objects a discovery listed, newest first, and its coverage. */
export interface Discovery {
  objects: ListedObject[];
  coverage: DiscoveryCoverage;
}

const newestFirst = (a: ListedObject, b: ListedObject) => b.lastModified.getTime() - a.lastModified.getTime() || a.key.localeCompare(b.key);
const url = (location: S3Location, rest = '') => `s3://${location.bucket}/${location.prefix}${rest}`;

/** The partition the location itself is (`…/ingest=2026-11-26/`), when its last segments follow the pattern. */
function ownPartition(location: S3Location, pattern: DatePartitionPattern): string | null {
  const width = pattern.format(new Date(0)).length;
  const tail = location.prefix.slice(-width);
  return location.prefix.length >= width && pattern.parse(tail) ? tail : null;
}

async function byKeyOrder(s3: S3Client, location: S3Location, request: DiscoveryRequest, note = ''): Promise<Discovery> {
  const listing = await listObjectsBounded(s3, location.bucket, location.prefix, request.maxObjectsListed, request.signal);
  const complete = !listing.truncated;
  const how = complete
    ? `listed all ${listing.objects.length} objects under ${url(location)} (${listing.calls} call${listing.calls === 1 ? '' : 's'})${note}`
    : `sampled the first ${listing.objects.length} keys under ${url(location)} in key order (the listing cap); later keys, which may hold the newest objects, were not seen${note}: configure a partition pattern so the newest partitions are listed first`;
  return {
    objects: listing.objects.sort(newestFirst),
    coverage: { strategy: 'key-order listing', how, objectsListed: listing.objects.length, calls: listing.calls, partitions: [], complete, reachedNewest: complete },
  };
}

/** The first key under the location, to tell whether its keys follow the pattern at all. */
async function layoutMismatch(s3: S3Client, location: S3Location, pattern: DatePartitionPattern, signal?: AbortSignal): Promise<string | null> {
  const page = await s3.send(new ListObjectsV2Command({ Bucket: location.bucket, Prefix: location.prefix, MaxKeys: 1 }), { abortSignal: signal });
  const key = page.Contents?.[0]?.Key;
  if (!key) return null;
  const rest = key.slice(location.prefix.length);
  return pattern.parse(rest.slice(0, pattern.format(new Date(0)).length)) ? null : key;
}

/**
 * Finds the recent objects under a location at a bounded cost, by the layout of its keys: with a
 * partition pattern it lists only the partitions of the window (or, to sample, the newest partitions
 * until enough objects are found), newest first, so a cap never keeps the newest out; without one it
 * lists in key order up to the cap and says that it sampled. The coverage says which it did.
 */
export async function discoverRecentObjects(s3: S3Client, location: S3Location, request: DiscoveryRequest): Promise<Discovery> {
  if (!request.partitionPattern) return byKeyOrder(s3, location, request);
  const pattern = parseDatePartitionPattern(request.partitionPattern);
  const own = ownPartition(location, pattern);
  if (own) return byKeyOrder(s3, location, request, ` (the location is the partition ${own})`);
  const oldest = request.since ?? partitionBefore(partitionStart(request.until, pattern.unit), pattern.unit, (request.maxPartitions ?? 31) - 1);
  const parts = partitionsBetween(pattern, oldest, request.until);
  const objects: ListedObject[] = [];
  const listed: string[] = [];
  let calls = 0;
  let capped = false;
  for (const { part } of parts) {
    const listing = await listObjectsBounded(s3, location.bucket, location.prefix + part, request.maxObjectsListed - objects.length, request.signal);
    calls += listing.calls;
    objects.push(...listing.objects);
    listed.push(part);
    if (listing.truncated || objects.length >= request.maxObjectsListed) {
      capped = listing.truncated || listed.length < parts.length;
      break;
    }
    if (!request.since && request.enough !== undefined && objects.length >= request.enough) break;
  }
  const reachedNewest = !(capped && listed.length === 1);
  const complete = !capped && listed.length === parts.length;
  const range = listed.length === 1 ? listed[0] : `${listed.at(-1)} to ${listed[0]}`;
  let how = `listed the ${listed.length} partition${listed.length === 1 ? '' : 's'} ${range} under ${url(location)}, newest first (${objects.length} object${objects.length === 1 ? '' : 's'}, ${calls} call${calls === 1 ? '' : 's'})`;
  if (capped) how += `; the listing cap stopped it${reachedNewest ? ' after the newest partitions' : ' inside the newest partition'}`;
  else if (!complete) how += `, enough for the sample; older partitions were not listed`;
  if (objects.length === 0) {
    const stray = await layoutMismatch(s3, location, pattern, request.signal);
    calls++;
    if (stray) {
      return {
        objects: [],
        coverage: { strategy: 'partitions', how: `the keys under ${url(location)} do not follow the partition pattern ${pattern.text} (${stray}): nothing can be said of its recent objects`, objectsListed: 0, calls, partitions: listed, complete: false, reachedNewest: false },
      };
    }
  }
  return { objects: objects.sort(newestFirst), coverage: { strategy: 'partitions', how, objectsListed: objects.length, calls, partitions: listed, complete, reachedNewest } };
}
