import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';

/** An object seen in a listing. */
export interface ListedObject {
  key: string;
  lastModified: Date;
  size: number;
}

/** A bounded listing: what was seen, and whether the cap cut it short. */
export interface BoundedListing {
  objects: ListedObject[];
  truncated: boolean;
  calls: number;
}

/** Lists up to `maxObjects` objects under a prefix, page by page, and stops at the cap. */
export async function listObjectsBounded(s3: S3Client, bucket: string, prefix: string, maxObjects: number, signal?: AbortSignal): Promise<BoundedListing> {
  const objects: ListedObject[] = [];
  let token: string | undefined;
  let calls = 0;
  do {
    const page = await s3.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, MaxKeys: Math.min(1000, maxObjects - objects.length), ContinuationToken: token }),
      { abortSignal: signal },
    );
    calls++;
    for (const item of page.Contents ?? []) {
      if (item.Key && item.LastModified) objects.push({ key: item.Key, lastModified: item.LastModified, size: item.Size ?? 0 });
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token && objects.length < maxObjects);
  return { objects, truncated: Boolean(token), calls };
}
