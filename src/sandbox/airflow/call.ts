import type { SandboxRequest } from '../core/http';
import type { ServiceReply } from '../core/service';
import type { AirflowState } from './state';
import type { ApiVersion } from './wire';

/** What an Airflow operation gets: the request, the API version, the path parameters, the deployment and the time. */
export interface AirflowCall {
  request: SandboxRequest;
  version: ApiVersion;
  params: Record<string, string>;
  state: AirflowState;
  now: Date;
}

/** An Airflow operation's handler. */
export type AirflowOperation = (call: AirflowCall) => ServiceReply;
