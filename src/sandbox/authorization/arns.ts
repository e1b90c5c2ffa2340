import { sandboxAccountId } from '../aws-json/account';
import { sandboxCredentials } from '../credentials';

/** The ARN of a regional resource of the sandbox's account: `arn:aws:SERVICE:REGION:ACCOUNT:RESOURCE`. */
export function regionalArn(service: string, resource: string): string {
  return `arn:aws:${service}:${sandboxCredentials.region}:${sandboxAccountId}:${resource}`;
}

/** The ARN of an IAM resource of the sandbox's account (IAM is global): `arn:aws:iam::ACCOUNT:role/NAME`. */
export function iamArn(resource: string): string {
  return `arn:aws:iam::${sandboxAccountId}:${resource}`;
}

/** An S3 bucket's ARN, or an object's when a key is given (`arn:aws:s3:::bucket/key`); S3 ARNs name no region or account. */
export function s3Arn(bucket: string, key?: string): string {
  return `arn:aws:s3:::${bucket}${key === undefined ? '' : `/${key}`}`;
}
