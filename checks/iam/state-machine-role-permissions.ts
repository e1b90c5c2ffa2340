import { InvalidInputException, NoSuchEntityException } from '@aws-sdk/client-iam';
import { defineCheck, evidence, fail, link, pass, skip } from '../../src/check-api';
import { simulatePrincipal } from '../../src/diagnostics/iam/simulate';
import { requiredPermissions } from '../../src/diagnostics/stepfunctions/integrations';
import { withDefinition } from '../../src/diagnostics/stepfunctions/with-definition';

const roleConsoleUrl = (roleArn: string) => `https://console.aws.amazon.com/iam/home#/roles/details/${encodeURIComponent(roleArn.split('/').pop() ?? '')}?section=permissions`;

/** 3.2.4: the state machine's role may call what each Task state's integration needs. */
export default defineCheck({
  id: 'state-machine-role-permissions',
  title: 'The state machine role may do what its tasks need',
  establishes: "IAM's policy simulator allows the state machine's role every action its Task integrations require (e.g. glue:StartJobRun, GetJobRun, GetJobRuns, BatchStopJobRun for a .sync Glue task) on their resources.",
  kind: 'check',
  uses: ['sfn:DescribeStateMachine', 'iam:SimulatePrincipalPolicy'],
  run: (ctx) =>
    withDefinition(ctx, async ({ machine, tasks, region, account, consoleLink }) => {
      const roleArn = machine.roleArn ?? '';
      const links = [consoleLink, link(`IAM role ${roleArn.split('/').pop()}`, roleConsoleUrl(roleArn))];
      const needed = requiredPermissions(tasks, { region, account });
      if (needed.length === 0) return skip('the definition has no Task state that needs permissions', { links });
      let decisions;
      try {
        decisions = await simulatePrincipal(ctx.clients.iam(), roleArn, needed.map((n) => ({ actions: n.actions, resource: n.resource })), ctx.signal);
      } catch (error) {
        if (error instanceof NoSuchEntityException || error instanceof InvalidInputException) return fail(`the state machine's role ${roleArn} does not exist or cannot be simulated: ${error.message}`, { links });
        throw error;
      }
      const stateOf = (action: string, resource: string) => needed.filter((n) => n.actions.includes(action) && (n.resource === resource || n.resource === '*')).map((n) => n.state);
      const denied = decisions.filter((d) => d.decision !== 'allowed').map((d) => ({ ...d, states: stateOf(d.action, d.resource) }));
      const seen = [
        evidence('role', roleArn),
        evidence('required', needed.map((n) => ({ state: n.state, integration: n.integration, actions: n.actions, resource: n.resource }))),
        evidence('denied', denied.map((d) => ({ action: d.action, resource: d.resource, decision: d.decision, states: d.states, matchedPolicies: d.matchedPolicies }))),
      ];
      if (denied.length) {
        return fail(`role ${roleArn.split('/').pop()} is denied ${denied.map((d) => `${d.action} (${d.decision}, state ${d.states.join('/') || '?'})`).join(', ')}`, { evidence: seen, links });
      }
      return pass(`role ${roleArn.split('/').pop()} may perform all ${decisions.length} actions its ${needed.length} Task states need`, { evidence: seen, links });
    }),
});
