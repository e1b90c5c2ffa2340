/** The Step Functions console page of one execution (graph, events, failed state). */
export function executionConsoleUrl(region: string, executionArn: string): string {
  return `https://${region}.console.aws.amazon.com/states/home?region=${region}#/v2/executions/details/${executionArn}`;
}

/** The Step Functions console page of a state machine (its executions). */
export function stateMachineConsoleUrl(region: string, stateMachineArn: string): string {
  return `https://${region}.console.aws.amazon.com/states/home?region=${region}#/statemachines/view/${stateMachineArn}`;
}

/** The region of an ARN (`arn:aws:states:eu-west-1:…`), or the fallback. */
export function regionOfArn(arn: string, fallback: string): string {
  return arn.split(':')[3] || fallback;
}
