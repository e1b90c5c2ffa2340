import { defaultRetryPolicy, type RetryPolicy } from './policy';

const policies = new WeakMap<object, RetryPolicy>();

/** Records the retry policy a client was made with, for helpers that retry more than the client itself does (a ranged read's body). */
export function setClientRetryPolicy<C extends object>(client: C, policy: RetryPolicy): C {
  policies.set(client, policy);
  return client;
}

/** The retry policy a client was made with; the default for a client made elsewhere. */
export function clientRetryPolicy(client: object): RetryPolicy {
  return policies.get(client) ?? defaultRetryPolicy;
}
