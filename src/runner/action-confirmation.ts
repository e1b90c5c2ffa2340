import type { ActionPlan } from '../check-api';

/** What the user is asked to confirm before an action applies: which action, where, and its plan with its preview. */
export interface ActionConfirmation {
  step: string;
  check: string;
  title: string;
  environment: string;
  /** True for a sandbox environment: a yes is enough; elsewhere the user types the environment's name. */
  sandbox: boolean;
  plan: ActionPlan;
}
