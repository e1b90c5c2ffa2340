import type { S3Client } from '@aws-sdk/client-s3';
import { readObjectRange } from '../../clients/s3-ranged-read';
import { constants, gunzipSync } from 'node:zlib';
import type { RawInputConfig } from '../../config/areas/raw-input';
import type { ListedObject } from '../s3/list-recent-objects';
import { discoverRecentObjects, type DiscoveryCoverage } from '../s3/recent-objects';
import type { S3Location } from '../s3/s3-url';

/** The caps that bound a sample, as reported in evidence. */
export interface SampleCaps {
  maxObjectsListed: number;
  maxObjectsRead: number;
  maxBytesPerObject: number;
  maxBytesRead: number;
}

/** One object read for the sample: the first bytes of it, decoded as text. */
export interface SampledObject {
  key: string;
  size: number;
  bytesRead: number;
  /** True when only a prefix of the object was read. */
  cutShort: boolean;
  text: string;
}

/** A bounded sample of an input prefix: what was listed, what was read, and the caps. */
export interface InputSample {
  location: S3Location;
  caps: SampleCaps;
  objectsListed: number;
  /** Not every object under the location was listed (a cap, or a sample of the newest partitions). */
  listingTruncated: boolean;
  /** How the objects were found, and whether the newest were certainly among them. */
  coverage: DiscoveryCoverage;
  /** Bytes of the listed objects (a lower bound when the listing was truncated). */
  listedBytes: number;
  objects: SampledObject[];
  bytesRead: number;
  calls: { list: number; get: number };
}

const isDataObject = (object: ListedObject) => object.size > 0 && !object.key.endsWith('/') && !/(^|\/)(_SUCCESS|_started_\d+|_committed_\d+|\.[^/]*)$/.test(object.key);

function decode(key: string, body: Uint8Array, cutShort: boolean): string {
  if (!key.endsWith('.gz')) return Buffer.from(body).toString('utf8');
  // A ranged read of a gzip object is a prefix of the stream: inflate what is there.
  return gunzipSync(body, { finishFlush: cutShort ? constants.Z_SYNC_FLUSH : constants.Z_FINISH }).toString('utf8');
}

/**
 * Samples the newest objects under a prefix with ranged GETs: found by the key layout (the newest
 * partitions first, with `partitionPattern`) or a key-order listing, at most `maxObjectsListed` listed,
 * `maxObjectsRead` read, `maxBytesPerObject` from each and `maxBytesRead` in all, whatever the prefix holds.
 */
export async function sampleInput(s3: S3Client, location: S3Location, caps: RawInputConfig, now: Date, signal?: AbortSignal): Promise<InputSample> {
  const { objects: listed, coverage } = await discoverRecentObjects(s3, location, {
    until: now,
    maxObjectsListed: caps.maxObjectsListed,
    enough: caps.maxObjectsRead * 2,
    ...(caps.partitionPattern ? { partitionPattern: caps.partitionPattern } : {}),
    ...(signal ? { signal } : {}),
  });
  const candidates = listed.filter(isDataObject);
  const objects: SampledObject[] = [];
  let bytesRead = 0;
  let gets = 0;
  for (const object of candidates) {
    if (objects.length >= caps.maxObjectsRead) break;
    const budget = Math.min(caps.maxBytesPerObject, caps.maxBytesRead - bytesRead, object.size);
    if (budget <= 0) break;
    const { body } = await readObjectRange(s3, { Bucket: location.bucket, Key: object.key }, `bytes=0-${budget - 1}`, signal);
    gets++;
    bytesRead += body.length;
    const cutShort = body.length < object.size;
    objects.push({ key: object.key, size: object.size, bytesRead: body.length, cutShort, text: decode(object.key, body, cutShort) });
  }
  return {
    location,
    caps: { maxObjectsListed: caps.maxObjectsListed, maxObjectsRead: caps.maxObjectsRead, maxBytesPerObject: caps.maxBytesPerObject, maxBytesRead: caps.maxBytesRead },
    objectsListed: listed.length,
    listingTruncated: !coverage.complete,
    coverage,
    listedBytes: listed.reduce((sum, o) => sum + o.size, 0),
    objects,
    bytesRead,
    calls: { list: coverage.calls, get: gets },
  };
}

/** The sample's bounds and costs, as evidence. */
export function sampleCostEvidence(sample: InputSample) {
  return {
    location: `s3://${sample.location.bucket}/${sample.location.prefix}`,
    objectsListed: sample.objectsListed,
    listingTruncated: sample.listingTruncated,
    reachedNewest: sample.coverage.reachedNewest,
    coverage: sample.coverage.how,
    objectsRead: sample.objects.length,
    bytesRead: sample.bytesRead,
    caps: { ...sample.caps },
  };
}

/** What a sample covered, in words for a verdict: how many objects were listed and read, and how they were found. */
export function sampleCoverage(sample: InputSample): string {
  return `listed ${sample.objectsListed} objects, read ${sample.objects.length} (${sample.bytesRead} bytes); ${sample.coverage.how}`;
}
