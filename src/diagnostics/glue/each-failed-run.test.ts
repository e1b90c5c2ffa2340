import { GlueServiceException, ThrottlingException } from '@aws-sdk/client-glue';
import { describe, expect, it } from 'vitest';
import jobRunFailed from '../../../checks/glue/job-run-failed';
import { createRunMemo } from '../../check-api';
import type { ServiceClients } from '../../clients';
import { configSchema } from '../../config/schema';
import type { Step } from '../../model';
import { runStep } from '../../runner/run-step';

const config = configSchema.parse({
  environments: { test: { aws: { region: 'eu-west-1' }, pipeline: { stateMachineArn: 'arn:aws:states:eu-west-1:123456789012:stateMachine:m', glueJobs: ['job'] } } },
}).environments.test!;

/** Clients whose Glue client answers every call with the given error, as a throttled or broken service would. */
function failingGlue(thrown: Error): ServiceClients {
  const glue = { send: async () => Promise.reject(thrown) };
  return { glue: () => glue } as unknown as ServiceClients;
}

const step: Step = { id: '3.1.s2', scenarioId: '3.1', role: 'symptom', text: 'Glue job marked as FAILED', position: { file: 'docs/runbook.md', line: 1, column: 1 } };

async function outcomeWith(thrown: Error) {
  const clients = failingGlue(thrown);
  return runStep(step, jobRunFailed, {
    environment: 'test', world: null, config, clients, writableClients: () => clients, clock: { now: () => new Date() }, fix: false, timeoutMs: 5_000, params: {}, log: () => undefined, audit: async () => undefined, user: 'test', identify: async () => 'test', sandbox: true, memo: createRunMemo(),
  });
}

describe('a Glue check that cannot ask Glue', () => {
  it('reports throttling as error, never as fail', async () => {
    const outcome = await outcomeWith(new ThrottlingException({ message: 'Rate exceeded', $metadata: {} }));
    expect(outcome.status).toBe('error');
    expect(outcome.summary).toContain('ThrottlingException');
  });

  it('reports an unexpected service error as error too', async () => {
    const outcome = await outcomeWith(new GlueServiceException({ name: 'InternalServiceException', $fault: 'server', message: 'boom', $metadata: {} }));
    expect(outcome.status).toBe('error');
  });
});
