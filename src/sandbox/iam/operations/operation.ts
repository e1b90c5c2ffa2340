import type { SandboxResponse } from '../../core/http';
import type { QueryParams } from '../query';
import type { IamState } from '../state';

/** One IAM query-protocol action: whether it changes state, and how it answers. */
export interface IamOperation {
  mutates: boolean;
  run(params: QueryParams, state: IamState): SandboxResponse;
}
