import type { z } from 'zod';
import { queryOperation, type QueryOperation } from '../../aws-query/operations';
import type { SandboxStates } from '../../states';

/** One IAM query-protocol action. */
export type IamOperation = QueryOperation<SandboxStates>;

/** Declares an IAM action, its handler typed by its parameter schema. */
export const iamOperation = <Schema extends z.ZodType>(operation: QueryOperation<SandboxStates, Schema>) => queryOperation(operation);
