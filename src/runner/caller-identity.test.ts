import { describe, expect, it } from 'vitest';
import type { ServiceClients, ServiceTargets } from '../clients';
import { callerIdentity } from './caller-identity';

const airflow = (explicit?: boolean): ServiceTargets => ({ airflow: { baseUrl: 'http://127.0.0.1:1', apiVersion: 'v2', timeoutMs: 1_000, ...(explicit ? { explicitCredentials: { token: 't' } } : {}) } }) as ServiceTargets;
const noClients = {} as ServiceClients;

describe('the caller identity of an action', () => {
  it('for Airflow is the configured user: AIRFLOW_USERNAME with a password or a token, and says so when a token names nobody', async () => {
    expect(await callerIdentity(noClients, airflow(), { AIRFLOW_USERNAME: 'oncall', AIRFLOW_PASSWORD: 'x' })('airflow:ClearTaskInstances')).toBe('airflow:oncall');
    expect(await callerIdentity(noClients, airflow(), { AIRFLOW_TOKEN: 'x', AIRFLOW_USERNAME: 'oncall' })('airflow:ClearTaskInstances')).toBe('airflow:oncall (AIRFLOW_TOKEN)');
    expect(await callerIdentity(noClients, airflow(), { AIRFLOW_TOKEN: 'x' })('airflow:ClearTaskInstances')).toBe('airflow:the holder of AIRFLOW_TOKEN (set AIRFLOW_USERNAME to name them)');
  });

  it('without Airflow credentials cannot be told: an error, never a made-up name', async () => {
    await expect(callerIdentity(noClients, airflow(), {})('airflow:ClearTaskInstances')).rejects.toThrow(/no Airflow credentials are configured/);
  });

  it('for Snowflake is CURRENT_USER(), asked once per run; an answer without it is an error naming the statement', async () => {
    const asked: string[] = [];
    const answers = [[{ RUNBOOK_CALLER: 'RUNBOOK_OPERATOR' }]];
    const clients = { snowflake: async () => ({ query: async (sql: string) => (asked.push(sql), answers.shift() ?? [{}]) }) } as unknown as ServiceClients;
    const identify = callerIdentity(clients, {} as ServiceTargets, {});
    expect(await identify('snowflake:ALTER EXTERNAL TABLE REFRESH')).toBe('snowflake:RUNBOOK_OPERATOR');
    expect(await identify('snowflake:ALTER EXTERNAL TABLE REFRESH')).toBe('snowflake:RUNBOOK_OPERATOR');
    expect(asked).toEqual(['SELECT CURRENT_USER() AS RUNBOOK_CALLER']);
    await expect(callerIdentity(clients, {} as ServiceTargets, {})('snowflake:ALTER EXTERNAL TABLE REFRESH')).rejects.toThrow('SELECT CURRENT_USER() answered {}, expected a row with the user name');
  });

  it('for GitHub is the token’s login (GET /user); in an Actions job, whose token GET /user refuses, the job’s actor', async () => {
    const github = (getAuthenticated: () => Promise<unknown>) => ({ github: async () => ({ rest: { users: { getAuthenticated } } }) }) as unknown as ServiceClients;
    expect(await callerIdentity(github(async () => ({ data: { login: 'octo-oncall' } })), {} as ServiceTargets, {})('github:ReRunWorkflowFailedJobs')).toBe('github:octo-oncall');
    const refused = async () => Promise.reject(Object.assign(new Error('Resource not accessible by integration'), { status: 403 }));
    expect(await callerIdentity(github(refused), {} as ServiceTargets, { GITHUB_ACTIONS: 'true', GITHUB_ACTOR: 'octo-oncall' })('github:ReRunWorkflowFailedJobs')).toBe("github:octo-oncall (the Actions job's GITHUB_TOKEN)");
    await expect(callerIdentity(github(refused), {} as ServiceTargets, {})('github:ReRunWorkflowFailedJobs')).rejects.toThrow('Resource not accessible by integration');
  });
});
