import { sandboxAccountId } from '../aws-json/account';
import { sandboxCredentials } from '../credentials';

/** A rule's ARN: `arn:aws:events:REGION:ACCOUNT:rule/NAME` on the default bus, `rule/BUS/NAME` on another. */
export function ruleArn(name: string, eventBusName: string): string {
  return `arn:aws:events:${sandboxCredentials.region}:${sandboxAccountId}:rule/${eventBusName === 'default' ? '' : `${eventBusName}/`}${name}`;
}

/** The bus a request names (by name or ARN), `default` when it names none. */
export function requestedBus(eventBusName: string | undefined): string {
  return eventBusName?.replace(/^arn:aws[\w-]*:events:[^:]*:\d*:event-bus\//, '') ?? 'default';
}
