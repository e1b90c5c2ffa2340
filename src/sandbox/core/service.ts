import type { Clock } from '../../check-api/context';
import type { SandboxRequest, SandboxResponse } from './http';

/** What a service reports about a call, for the call log. */
export interface CallInfo {
  operation: string;
  statement?: string;
  mutates: boolean;
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
}

/** A simulated service: builds its state from its world section and answers requests from it. */
export interface SandboxService<State, States = unknown> {
  /** Parses and validates this service's world section into its state (may be async, e.g. to seed an emulator). */
  load(section: unknown, clock: Clock): State | Promise<State>;
  /** Releases what the state holds (an emulator's server), when the world is replaced or the sandbox stops. */
  dispose?(state: State): Promise<void>;
  handle(request: SandboxRequest, env: ServiceEnv<States>): Promise<ServiceReply>;
}
