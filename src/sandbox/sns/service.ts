import type { SandboxService } from '../core/service';
import { serveQueryOperations, type QueryOperation } from '../aws-query/operations';
import type { SandboxStates } from '../states';
import { getTopicAttributes } from './operations/get-topic-attributes';
import { listSubscriptionsByTopic } from './operations/list-subscriptions-by-topic';
import { loadSnsState, type SnsState } from './state';
import { snsProtocol } from './xml';

const operations: Record<string, QueryOperation<SandboxStates>> = {
  GetTopicAttributes: getTopicAttributes,
  ListSubscriptionsByTopic: listSubscriptionsByTopic,
};

/** The simulated SNS, query protocol (form-encoded `Action=…`, XML answers): topics and their subscriptions. */
export const snsService: SandboxService<SnsState, SandboxStates> = {
  load: (section) => loadSnsState(section),
  handle: async (request, env) => serveQueryOperations(snsProtocol, operations, request, env),
};
