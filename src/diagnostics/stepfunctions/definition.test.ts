import { describe, expect, it } from 'vitest';
import { DefinitionParseError, taskStates } from './definition';
import { glueJobReferences, parseIntegration, requiredPermissions } from './integrations';
import { hasRealArtifacts, readRealJson, realArtifactsSkipMessage } from './real-artifacts.test-support';
import { judgeRetries } from './retry';

const arn = { region: 'eu-west-1', account: '123456789012' };

const pipeline = {
  StartAt: 'Load',
  States: {
    Load: {
      Type: 'Task',
      Resource: 'arn:aws:states:::glue:startJobRun.sync',
      Parameters: { JobName: 'arai-raw-to-processed' },
      Retry: [{ ErrorEquals: ['Glue.AWSGlueException'], MaxAttempts: 2 }],
      Next: 'Fan',
    },
    Fan: {
      Type: 'Parallel',
      Branches: [{ StartAt: 'Dyn', States: { Dyn: { Type: 'Task', Resource: 'arn:aws:states:::glue:startJobRun', Parameters: { 'JobName.$': '$.job' }, End: true } } }],
      Next: 'Each',
    },
    Each: { Type: 'Map', ItemProcessor: { StartAt: 'Call', States: { Call: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'arn:aws:lambda:eu-west-1:123456789012:function:f' }, Retry: [{ ErrorEquals: ['States.ALL'], MaxAttempts: 0 }], End: true } } }, End: true },
  },
};

describe('a state machine definition', () => {
  it('yields every Task state, nested ones included, from the JSON string DescribeStateMachine returns', () => {
    const tasks = taskStates(JSON.stringify(pipeline));
    expect(tasks.map((t) => t.path)).toEqual(['States.Load', 'States.Fan.Branches[0].States.Dyn', 'States.Each.ItemProcessor.States.Call']);
  });

  it('names the IAM actions each integration needs: a .sync Glue task also polls and stops its run', () => {
    const needed = requiredPermissions(taskStates(pipeline), arn);
    expect(needed[0]).toEqual({ state: 'Load', integration: 'glue:startJobRun.sync', actions: ['glue:StartJobRun', 'glue:GetJobRun', 'glue:GetJobRuns', 'glue:BatchStopJobRun'], resource: 'arn:aws:glue:eu-west-1:123456789012:job/arai-raw-to-processed' });
    expect(needed[1]!.actions).toEqual(['glue:StartJobRun']);
    expect(needed[1]!.resource).toBe('arn:aws:glue:eu-west-1:123456789012:job/*');
    expect(needed[2]).toMatchObject({ actions: ['lambda:InvokeFunction'], resource: 'arn:aws:lambda:eu-west-1:123456789012:function:f' });
  });

  it('lists the Glue jobs it names, and marks a job name taken from the input as dynamic', () => {
    expect(glueJobReferences(taskStates(pipeline))).toEqual([
      { state: 'Load', jobName: 'arai-raw-to-processed' },
      { state: 'Dyn', jobName: null, dynamicPath: '$.job' },
    ]);
  });

  it('judges retries: covered, missing, and a Retry with no attempts counts as none', () => {
    expect(judgeRetries(taskStates(pipeline)).map((v) => v.kind)).toEqual(['covered', 'no-retry', 'no-retry']);
  });

  it('parses integration ARNs, the SDK form included', () => {
    expect(parseIntegration('arn:aws:states:::states:startExecution.sync:2')).toEqual({ service: 'states', action: 'startExecution', pattern: 'sync' });
    expect(parseIntegration('arn:aws:states:::aws-sdk:s3:getObject')).toEqual({ service: 's3', action: 'getObject', pattern: 'request' });
    expect(parseIntegration('arn:aws:lambda:eu-west-1:1:function:f')).toBeNull();
  });

  it('raises DefinitionParseError for what is not a States Language document', () => {
    expect(() => taskStates('{"StartAt":"x"}')).toThrow(DefinitionParseError);
    expect(() => taskStates('not json')).toThrow(DefinitionParseError);
  });
});

describe('Map, Parallel and Activity states', () => {
  const nested = {
    StartAt: 'Fan',
    States: {
      Fan: {
        Type: 'Parallel',
        Retry: [{ ErrorEquals: ['States.TaskFailed'], MaxAttempts: 2 }],
        Branches: [
          {
            StartAt: 'Each',
            States: {
              Each: { Type: 'Map', ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED' }, StartAt: 'Load', States: { Load: { Type: 'Task', Resource: 'arn:aws:states:::glue:startJobRun.sync', Parameters: { JobName: 'j' }, End: true } } }, End: true },
            },
          },
          { StartAt: 'Work', States: { Work: { Type: 'Task', Resource: 'arn:aws:states:eu-west-1:123456789012:activity:review-scorer', End: true } } },
        ],
        End: true,
      },
    },
  };

  it('a Retry on an enclosing Parallel covers the tasks inside it, and the verdict says which', () => {
    expect(judgeRetries(taskStates(nested))).toEqual([
      { state: 'Load', path: 'States.Fan.Branches[0].States.Each.ItemProcessor.States.Load', kind: 'covered', errors: ['States.TaskFailed'], via: 'Parallel Fan' },
      { state: 'Work', path: 'States.Fan.Branches[1].States.Work', kind: 'covered', errors: ['States.TaskFailed'], via: 'Parallel Fan' },
    ]);
  });

  it('a Retry with no attempts on the enclosing state covers nothing', () => {
    const without = structuredClone(nested);
    without.States.Fan.Retry[0]!.MaxAttempts = 0;
    expect(judgeRetries(taskStates(without)).map((v) => v.kind)).toEqual(['no-retry', 'no-retry']);
  });

  it('an Activity task needs no IAM action of the state machine role, and is not read as a service integration', () => {
    const needed = requiredPermissions(taskStates(nested), arn);
    expect(needed.map((n) => n.state)).toEqual(['Load']);
    expect(parseIntegration('arn:aws:states:eu-west-1:123456789012:activity:review-scorer')).toBeNull();
  });
});

describe.skipIf(!hasRealArtifacts)(`a real definition (${hasRealArtifacts ? 'LocalStack snapshot' : realArtifactsSkipMessage})`, () => {
  it('reads the SQS waitForTaskToken task of the snapshot, parsed or string-encoded, with its Catch and no Retry', () => {
    const snapshot = readRealJson<Record<string, { 'recorded-content': { describe_statemachine: { definition: unknown } } }>>('stepfunctions/localstack_snapshot_describe_execution_failed_and_history.json');
    const definition = Object.values(snapshot)[0]!['recorded-content'].describe_statemachine.definition;
    for (const form of [definition, JSON.stringify(definition)]) {
      const [task] = taskStates(form);
      expect(task).toMatchObject({ name: 'Start Task And Wait For Callback', hasCatch: true, retry: [] });
      expect(requiredPermissions([task!], arn)[0]).toMatchObject({ integration: 'sqs:sendMessage.waitForTaskToken', actions: ['sqs:SendMessage'] });
      expect(judgeRetries([task!])[0]!.kind).toBe('no-retry');
    }
  });

  it("reads the LocalStack Map definition's inner task and its own Retry on States.ALL", () => {
    const definition = readRealJson('stepfunctions/asl_ls_map_catch_error_output_with_retry.json');
    const tasks = taskStates(definition);
    expect(tasks.map((t) => [t.name, t.enclosing.map((e) => e.state)])).toEqual([['ProcessItem', ['ProcessItems']]]);
    expect(judgeRetries(tasks)).toEqual([{ state: 'ProcessItem', path: 'States.ProcessItems.ItemProcessor.States.ProcessItem', kind: 'covered', errors: ['States.ALL'] }]);
  });
});
