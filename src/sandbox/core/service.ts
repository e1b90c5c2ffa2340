import type { Clock } from '../../check-api/context';
import type { CallAuthorizer } from '../authorization/authorize';
import type { SandboxRequest, SandboxResponse } from './http';

/** What a service reports about a call, for the call log. */
export interface CallInfo {
  operation: string;
  statement?: string;
  mutates: boolean;
  /** The action the caller policy denied (`glue:GetJobRuns`): the call was refused before it did anything. */
  denied?: string;
}

/** A service's answer and what it did. */
export interface ServiceReply {
  response: SandboxResponse;
  call: CallInfo;
}

/** What every service handler gets besides the request: the world's states and the sandbox clock. */
export interface ServiceEnv<States> {
  states: States;
  clock: Clock;
  /** The base URL the sandbox listens on (`http://127.0.0.1:PORT`). */
  baseUrl: string;
  /** Set while a caller policy is enforced: decides each request before its operation runs (the protocol layers call it). */
  authorize?: CallAuthorizer;
}

/** How a service answers its requests. */
export interface ServiceHandler<States = unknown> {
  handle(request: SandboxRequest, env: ServiceEnv<States>): Promise<ServiceReply>;
}

/** A simulated service: builds its state from its world section and answers requests from it. */
export interface SandboxService<State, States = unknown> extends ServiceHandler<States> {
  /** Parses and validates this service's world section into its state (may be async, e.g. to seed an emulator). */
  load(section: unknown, clock: Clock): State | Promise<State>;
  /** Releases what the state holds (an emulator's server), when the world is replaced or the sandbox stops. */
  dispose?(state: State): Promise<void>;
  /** Loads the code `handle` runs, ahead of the first request, for a service whose handler loads on first use. */
  prepare?(): Promise<void>;
}
