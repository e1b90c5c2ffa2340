import { GetObject$, HeadObject$, GetBucketNotificationConfiguration$ } from '@aws-sdk/client-s3';
import { GetJobRuns$ } from '@aws-sdk/client-glue';
import { ListExecutions$ } from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import { outputShapeOf } from './aws-output-shape';

/** A middleware context as the SDK builds it for a command of the given operation schema. */
const contextOf = (operationSchema: unknown) => ({ __smithy_context: { operationSchema } });

describe("an operation's output shape, read from the SDK's own model", () => {
  it('names the members the model marks required', () => {
    expect(outputShapeOf(contextOf(ListExecutions$))).toEqual({ required: ['executions'], rawPayload: false, hasBodyMembers: true });
  });

  it('has no required member where the model marks none (the table adds those AWS always sends)', () => {
    expect(outputShapeOf(contextOf(GetJobRuns$))?.required).toEqual([]);
  });

  it('knows a raw payload (any content type goes) and an answer read from headers only (an empty body is right)', () => {
    expect(outputShapeOf(contextOf(GetObject$))).toMatchObject({ rawPayload: true });
    expect(outputShapeOf(contextOf(HeadObject$))).toMatchObject({ rawPayload: false, hasBodyMembers: false });
    expect(outputShapeOf(contextOf(GetBucketNotificationConfiguration$))).toMatchObject({ rawPayload: false, hasBodyMembers: true });
  });

  it('is null without a schema, so nothing is refused on a guess', () => {
    expect(outputShapeOf({})).toBeNull();
  });
});
