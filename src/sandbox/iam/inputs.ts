import { z } from 'zod';
import { paginate } from '../aws-json/pagination';
import type { XmlNode } from '../core/xml';

const pattern = (source: string) => `Member must satisfy regular expression pattern: ${source}`;

/** RoleName as IAM's model constrains it. */
export const roleName = z.string().regex(/^[\w+=,.@-]{1,64}$/, pattern('[\\w+=,.@-]+'));
/** PolicyName as IAM's model constrains it. */
export const policyName = z.string().regex(/^[\w+=,.@-]{1,128}$/, pattern('[\\w+=,.@-]+'));
/** An ARN parameter (PolicyArn, PolicySourceArn): 20 to 2048 characters. */
export const arn = z.string().min(20, 'Member must have length greater than or equal to 20').max(2048, 'Member must have length less than or equal to 2048');
/** A path prefix (`/`, `/service-role/`). */
export const pathPrefix = z.string().regex(/^\/[\x21-\x7f]*$/, pattern('\\u002F[\\u0021-\\u007F]*')).max(512);
/** A boolean query parameter (`true` / `false`). */
export const flag = z.enum(['true', 'false']).transform((value) => value === 'true');

/** IAM's Marker and MaxItems paging parameters. */
export const paging = {
  Marker: z.string().min(1).max(320).optional(),
  MaxItems: z.coerce.number().int('Member must be an integer').min(1, 'Member must have value greater than or equal to 1').max(1000, 'Member must have value less than or equal to 1000').optional(),
};

/** One page of an IAM listing (100 items unless MaxItems says), with `IsTruncated` and the next `Marker`. */
export function iamPage<T>(items: readonly T[], input: { Marker?: string | undefined; MaxItems?: number | undefined }): { items: T[]; truncation: XmlNode } {
  const page = paginate(items, input.MaxItems ?? 100, input.Marker);
  return { items: page.items, truncation: { IsTruncated: Boolean(page.nextToken), ...(page.nextToken ? { Marker: page.nextToken } : {}) } };
}
