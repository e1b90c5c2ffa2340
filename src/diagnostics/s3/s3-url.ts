/** A bucket and key prefix. */
export interface S3Location {
  bucket: string;
  prefix: string;
}

/** Reads `s3://bucket/prefix/` into bucket and prefix, or null when it is not an S3 URL. */
export function parseS3Url(url: string): S3Location | null {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/i.exec(url.trim());
  return match ? { bucket: match[1]!, prefix: match[2]! } : null;
}

/** The S3 console page of a bucket (or a prefix in it). */
export function s3ConsoleUrl(location: S3Location, region: string, tab?: 'properties'): string {
  const params = new URLSearchParams({ region, ...(location.prefix ? { prefix: location.prefix } : {}), ...(tab ? { tab } : {}) });
  return `https://s3.console.aws.amazon.com/s3/buckets/${encodeURIComponent(location.bucket)}?${params.toString()}`;
}
