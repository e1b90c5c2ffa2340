import type { QueryProtocol } from '../aws-query/operations';
import { queryError } from '../aws-query/xml';
import type { SandboxResponse } from '../core/http';
import { sandboxAccountId } from '../aws-json/account';
import { sandboxCredentials } from '../credentials';
import type { SnsState, Topic } from './state';

/** SNS's query protocol: its namespace, API version, and the error of a NextToken it did not issue. */
export const snsProtocol: QueryProtocol = { namespace: 'http://sns.amazonaws.com/doc/2010-03-31/', version: '2010-03-31', invalidMarkerCode: 'InvalidParameter' };

/** A topic's ARN, `arn:aws:sns:REGION:ACCOUNT:NAME`. */
export function topicArn(name: string): string {
  return `arn:aws:sns:${sandboxCredentials.region}:${sandboxAccountId}:${name}`;
}

/** The topic an ARN names, or the error SNS answers: InvalidParameter for what is not a topic ARN, NotFound for a topic that does not exist. */
export function findTopic(state: SnsState, arn: string): { topic: Topic } | { error: SandboxResponse } {
  const match = /^arn:aws[\w-]*:sns:[\w-]+:(\d{12}):([\w-]{1,256})$/.exec(arn);
  if (!match) return { error: queryError(snsProtocol, 400, 'InvalidParameter', 'Invalid parameter: TopicArn') };
  const topic = match[1] === sandboxAccountId ? state.topics.get(match[2]!) : undefined;
  return topic ? { topic } : { error: queryError(snsProtocol, 404, 'NotFound', 'Topic does not exist') };
}
