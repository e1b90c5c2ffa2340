import type { PolicyStatement } from './policy-document';

/** Verbs of actions that only read (the Service Authorization Reference's List and Read levels, by name). */
const readVerb = /^(Get|List|Describe|BatchGet|Head|Query|Scan|Search|Lookup|Select|View|Filter|Simulate|Generate|Test|Validate|Estimate|Preview|Export|Download|Receive)/;

/**
 * Write actions that support no resource-level permission: the reference lists no resource type, so `"*"` is the
 * only resource they can be granted on (CloudWatch Logs' vended log delivery, metric data, X-Ray segments).
 */
export const starOnlyWriteActions: ReadonlySet<string> = new Set([
  'logs:CreateLogDelivery',
  'logs:UpdateLogDelivery',
  'logs:DeleteLogDelivery',
  'logs:PutResourcePolicy',
  'logs:DeleteResourcePolicy',
  'cloudwatch:PutMetricData',
  'xray:PutTraceSegments',
  'xray:PutTelemetryRecords',
]);

/** True when an action (possibly with wildcards: `s3:Get*`, `glue:*`) can name a write: only reads match otherwise. */
export function mayWrite(action: string): boolean {
  if (action === '*') return true;
  const [, name = ''] = action.split(':');
  return !readVerb.test(name.split(/[*?]/)[0]!);
}

/** A grant that breaks least privilege: every action, or write actions on every resource. */
export interface WildcardGrant {
  statement: string;
  kind: 'all-actions' | 'write-on-all-resources';
  actions: string[];
}

/**
 * The grants of a policy's Allow statements that are too wide: `Action: "*"` (or `NotAction`, which allows all but a
 * few), and write actions on `Resource: "*"` (or `NotResource`) beyond those that support no resource.
 */
export function wildcardGrants(statements: readonly PolicyStatement[], options: { writesOnAllResources: boolean }): WildcardGrant[] {
  const grants: WildcardGrant[] = [];
  statements.forEach((statement, index) => {
    if (statement.effect !== 'Allow') return;
    const name = statement.sid ?? `Statement[${index}]`;
    if (statement.notActions || statement.actions.includes('*')) {
      grants.push({ statement: name, kind: 'all-actions', actions: statement.notActions ? statement.notActions.map((a) => `NotAction ${a}`) : ['*'] });
      return;
    }
    if (!options.writesOnAllResources) return;
    const everyResource = statement.notResources !== null || statement.resources.includes('*');
    if (!everyResource) return;
    const writes = statement.actions.filter((action) => mayWrite(action) && !starOnlyWriteActions.has(action));
    if (writes.length) grants.push({ statement: name, kind: 'write-on-all-resources', actions: writes });
  });
  return grants;
}
