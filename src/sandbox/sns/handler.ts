import type { ServiceHandler } from '../core/service';
import { serveQueryOperations, type QueryOperation } from '../aws-query/operations';
import type { SandboxStates } from '../states';
import { getTopicAttributes } from './operations/get-topic-attributes';
import { listSubscriptionsByTopic } from './operations/list-subscriptions-by-topic';
import { snsProtocol } from './xml';

const operations: Record<string, QueryOperation<SandboxStates>> = {
  GetTopicAttributes: getTopicAttributes,
  ListSubscriptionsByTopic: listSubscriptionsByTopic,
};

/** The simulated SNS, query protocol (form-encoded `Action=…`, XML answers): topics and their subscriptions. */
export const handler: ServiceHandler<SandboxStates> = {
  handle: async (request, env) => serveQueryOperations(snsProtocol, operations, request, env),
};
