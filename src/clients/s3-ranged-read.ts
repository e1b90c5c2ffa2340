import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { asOneCall } from './call-trace';
import { clientRetryPolicy } from './retry/client-policy';
import { withRetry } from './retry/with-retry';
import { ServiceCallError, UnexpectedResponseError } from './service-error';
import { transportFailure } from './transport-failure';

/** The bytes of one ranged read, and the object's whole size when the answer said it. */
export interface RangedRead {
  body: Uint8Array;
  objectSize: number | undefined;
}

/** The length `bytes START-END/SIZE` promises, and the size. */
function promised(contentRange: string | undefined): { length: number; size: number | undefined } | undefined {
  const match = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(contentRange ?? '');
  if (!match) return undefined;
  return { length: Number(match[2]) - Number(match[1]) + 1, size: match[3] === '*' ? undefined : Number(match[3]) };
}

/**
 * Reads `range` of an S3 object, body included, retrying as the client's policy says: the SDK retries the request,
 * but the body streams after it returns, so a body cut short (a reset mid-answer) is retried here. An answer whose
 * body is not as long as its Content-Range says is an error, never data: the sample would read a broken file.
 */
export async function readObjectRange(s3: S3Client, object: { Bucket: string; Key: string }, range: string, signal?: AbortSignal): Promise<RangedRead> {
  // One call, one trace, however many attempts: the sandbox's per-call faults hit the first attempt only.
  return asOneCall(() => withRetry(
    clientRetryPolicy(s3),
    async () => {
      const response = await s3.send(new GetObjectCommand({ ...object, Range: range }), signal ? { abortSignal: signal } : {});
      let body: Uint8Array;
      try {
        body = (await response.Body?.transformToByteArray()) ?? new Uint8Array();
      } catch (cause) {
        if ((cause as Error).name === 'AbortError') throw cause;
        throw new ServiceCallError('S3', 'GetObject', 'unreachable', `s3://${object.Bucket}/${object.Key}: ${transportFailure(cause)?.words ?? `the object's body could not be read (${(cause as Error).message})`}`, { cause });
      }
      const expected = promised(response.ContentRange);
      const length = expected?.length ?? response.ContentLength;
      if (length !== undefined && body.length !== length) {
        throw new UnexpectedResponseError('S3', 'GetObject', 'cut-short', `${length} bytes`, `${body.length} bytes`, `s3://${object.Bucket}/${object.Key}: the answer holds ${body.length} bytes where ${response.ContentRange ? `its Content-Range (${response.ContentRange})` : 'its Content-Length'} promises ${length}`);
      }
      return { body, objectSize: expected?.size };
    },
    signal ? { signal } : {},
  ));
}
