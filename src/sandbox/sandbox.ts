import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from '../check-api/context';
import { CallLog } from './core/call-log';
import { jsonResponse, type SandboxRequest, type SandboxResponse } from './core/http';
import { readRequest } from './core/read-request';
import { readTrace } from './core/read-trace';
import { routeRequest, type ServiceKey } from './core/route';
import type { SandboxService, ServiceReply } from './core/service';
import { airflowPathPrefix, sandboxAirflowToken } from './airflow/credentials';
import { sandboxCredentials } from './credentials';
import { githubPathPrefix, sandboxGithubToken } from './github/token';
import { services } from './services';
import type { SandboxStates } from './states';
import { ZodError } from 'zod';
import { FaultPlan } from './faults/plan';
import { callKey } from './faults/call-key';
import { sendWithFaults } from './faults/respond';
import type { FaultSpec } from './faults/schema';
import { authorizeRequest, callerArn } from './authorization/authorize';
import { unconsultedDenial } from './authorization/unconsulted';
import { parseCallerPolicy } from './authorization/caller-policy';
import type { PolicyDocument } from './iam/state';
import { startWorkOf } from './work/react';
import { advanceWork } from './work/state';
import { loadWorld, WorldError, worldsDir as defaultWorldsDir, type World } from './world/load-world';

/** How to start a sandbox. */
export interface SandboxOptions {
  /** The world to load; `healthy` when omitted. */
  world?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  clock?: Clock;
  worldsDir?: string;
  /** Faults to inject besides the world's own (`faults` in its world.json): latency, broken answers, hangs. */
  faults?: FaultSpec[];
  /** The seed of the random source that decides which calls a fault with a `rate` hits. */
  faultSeed?: number;
  /** Shown by `GET /_sandbox/world` instead of the world's name and description: a drill keeps its world secret. */
  label?: string;
  /**
   * Seconds a re-run an action starts (a redrive, a cleared task, a GitHub re-run) takes in sandbox time: queued or
   * running until then, its outcome evaluated against the world when it ends. The world's work.json when omitted (0).
   */
  workSeconds?: number;
  /**
   * An IAM policy to enforce for the caller (an identity-based policy document), instead of the world's `callerPolicy`:
   * every AWS call it does not allow is answered AccessDenied in the service's own wire shape. None: nothing is enforced.
   */
  callerPolicy?: unknown;
}

/** A running sandbox: its address, world, service states and call log. */
export interface Sandbox {
  url: string;
  port: number;
  world: World;
  states: SandboxStates;
  calls: CallLog;
  /** The faults in force: the world's, then the options'; `setFaults` replaces them (also `POST /_sandbox/faults`). */
  faults: FaultPlan;
  setFaults(faults: FaultSpec[]): void;
  /** The caller policy in force (the options', else the world's), or null when none is enforced. */
  readonly callerPolicy: PolicyDocument | null;
  /** Enforces another caller policy, or none (null); also `POST /_sandbox/caller-policy`. Validated as an IAM policy document. */
  setCallerPolicy(policy: unknown): void;
  /**
   * Loads the handlers of these services (`s3`, `snowflake`; other names are passed over) ahead of their first
   * request, which would load them otherwise: told as a run's checks are known, while its clients load.
   */
  prepare(services: readonly string[]): Promise<void>;
  /** Replaces the world (and every service's state) with another one. */
  loadWorld(name: string): Promise<void>;
  /** `NAME=VALUE` settings that point any client at this sandbox. */
  environment(): Record<string, string>;
  stop(): Promise<void>;
}

type ServiceEntry = [keyof SandboxStates, SandboxService<unknown, SandboxStates>];
const serviceEntries = () => Object.entries(services) as ServiceEntry[];

async function buildStates(world: World, clock: Clock, workSeconds?: number): Promise<SandboxStates> {
  const states = {} as Record<keyof SandboxStates, unknown>;
  for (const [key, service] of serviceEntries()) {
    try {
      states[key] = await service.load(world.sections[key], clock);
    } catch (error) {
      const detail = error instanceof ZodError ? error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') : (error as Error).message;
      throw new WorldError(`world "${world.name}", ${key}.json: ${detail}`, { cause: error });
    }
  }
  const built = states as SandboxStates;
  if (workSeconds !== undefined) built.work.durationMs = workSeconds * 1000;
  return built;
}

async function disposeStates(states: SandboxStates): Promise<void> {
  await Promise.allSettled(serviceEntries().map(([key, service]) => service.dispose?.(states[key])));
}

/** Starts the simulator on 127.0.0.1, loaded with a world. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const clock: Clock = options.clock ?? { now: () => new Date() };
  const dir = options.worldsDir ?? defaultWorldsDir;
  let world = loadWorld(options.world ?? 'healthy', clock.now(), dir);
  let states = await buildStates(world, clock, options.workSeconds);
  const calls = new CallLog();
  const faultsOf = (w: World): FaultSpec[] => [...(w.header.faults ?? []), ...(options.faults ?? [])];
  const faults = new FaultPlan(faultsOf(world), options.faultSeed);
  // The option's policy wins over every world's, checked once.
  const optionPolicy = options.callerPolicy !== undefined ? parseCallerPolicy(options.callerPolicy, 'the sandbox options (--caller-policy)') : undefined;
  const callerPolicyOf = (w: World): PolicyDocument | null => optionPolicy ?? w.header.callerPolicy ?? null;
  let callerPolicy = callerPolicyOf(world);
  let baseUrl = 'http://127.0.0.1';
  const startedAt = performance.now();
  const elapsed = () => performance.now() - startedAt;

  const control = async (request: SandboxRequest): Promise<SandboxResponse> => {
    const path = request.url.pathname;
    if (path === '/_sandbox/calls') return jsonResponse(200, calls.all());
    if (path === '/_sandbox/world' && request.method === 'POST') {
      await sandbox.loadWorld(request.url.searchParams.get('name') ?? '');
      return jsonResponse(200, { world: world.name });
    }
    if (path === '/_sandbox/world') return jsonResponse(200, options.label ? { label: options.label } : { world: world.name, description: world.header.description });
    if (path === '/_sandbox/faults' && request.method === 'POST') {
      try {
        faults.replace(JSON.parse(request.body.toString('utf8') || '[]') as FaultSpec[], options.faultSeed);
      } catch (error) {
        return jsonResponse(400, { message: `Unexpected faults document: ${error instanceof ZodError ? error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') : (error as Error).message}` });
      }
      return jsonResponse(200, faults.list());
    }
    if (path === '/_sandbox/faults') return jsonResponse(200, faults.list());
    if (path === '/_sandbox/caller-policy' && request.method === 'POST') {
      try {
        sandbox.setCallerPolicy(JSON.parse(request.body.toString('utf8') || 'null'));
      } catch (error) {
        return jsonResponse(400, { message: (error as Error).message });
      }
      return jsonResponse(200, { callerPolicy });
    }
    if (path === '/_sandbox/caller-policy') return jsonResponse(200, { callerPolicy });
    if (path === '/_sandbox/environment') return jsonResponse(200, sandbox.environment());
    return jsonResponse(404, { message: `unknown control path ${path}, expected /_sandbox/calls, /_sandbox/world, /_sandbox/faults, /_sandbox/caller-policy or /_sandbox/environment` });
  };

  const dispatch = async (request: SandboxRequest, key: ServiceKey | null): Promise<ServiceReply | SandboxResponse> => {
    if (key === 'control') return await control(request);
    const service = key && key in services ? services[key as keyof SandboxStates] : undefined;
    if (!service) {
      return { response: jsonResponse(501, { __type: 'NotImplemented', message: `the sandbox does not serve ${key ?? 'this request'}` }), call: { operation: 'unknown', mutates: false } };
    }
    const policy = callerPolicy;
    let consulted = false;
    const authorize = (req: SandboxRequest, operation: string, permissions: Parameters<typeof authorizeRequest>[5]) => {
      consulted = true;
      return authorizeRequest(policy!, states.iam, key!, req, operation, permissions);
    };
    const env = { states, clock, baseUrl, ...(policy ? { authorize } : {}) };
    // Re-runs whose time has come end first, so that every answer shows the world as the work left it.
    await advanceWork({ states, clock, baseUrl });
    const answered = await service.handle(request, env);
    const reply = (policy && unconsultedDenial(key!, answered, consulted, callerArn(states.iam, request))) || answered;
    startWorkOf(key!, reply.call, request, reply.response, env);
    return reply;
  };

  const server: Server = createServer((incoming, outgoing) => {
    void (async () => {
      let service = 'unknown';
      const startedMs = elapsed();
      try {
        const request = await readRequest(incoming, baseUrl);
        const key = routeRequest(request);
        service = key ?? 'unknown';
        const result = await dispatch(request, key);
        const reply = 'response' in result ? result : null;
        const response = reply ? reply.response : (result as SandboxResponse);
        const size = response.body ? Buffer.byteLength(response.body) : 0;
        const trace = readTrace(request);
        const decision = reply ? faults.decide(service, reply.call.operation, callKey(request, trace)) : { latencyMs: 0, applied: [] };
        const record = reply
          ? calls.add({ at: clock.now().toISOString(), service, ...reply.call, status: response.status, bytesOut: size, ...(decision.applied.length ? { fault: decision.applied.join('+') } : {}), startedMs, ...(trace ? { trace } : {}) })
          : null;
        await sendWithFaults(outgoing, response, decision, request.method === 'HEAD', { service, operation: reply?.call.operation ?? 'unknown' });
        if (record && decision.effect?.kind !== 'hang') record.endedMs = elapsed();
      } catch (error) {
        const body = JSON.stringify({ __type: 'InternalFailure', message: (error as Error).message });
        calls.add({ at: clock.now().toISOString(), service, operation: 'internal-error', mutates: false, status: 500, bytesOut: body.length, startedMs, endedMs: elapsed() });
        if (!outgoing.headersSent) outgoing.writeHead(500, { 'content-type': 'application/json' });
        outgoing.end(body);
      }
    })();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://127.0.0.1:${port}`;

  const sandbox: Sandbox = {
    url: baseUrl,
    port,
    get world() {
      return world;
    },
    get states() {
      return states;
    },
    calls,
    faults,
    setFaults: (specs) => faults.replace(specs, options.faultSeed),
    get callerPolicy() {
      return callerPolicy;
    },
    setCallerPolicy(policy) {
      callerPolicy = policy === null ? null : parseCallerPolicy(policy, 'the caller policy given to the sandbox');
    },
    async prepare(keys) {
      await Promise.all(keys.map((key) => (Object.hasOwn(services, key) ? services[key as keyof SandboxStates].prepare?.() : undefined)));
    },
    async loadWorld(name) {
      const next = loadWorld(name, clock.now(), dir);
      const nextStates = await buildStates(next, clock, options.workSeconds);
      await disposeStates(states);
      states = nextStates;
      world = next;
      faults.replace(faultsOf(next), options.faultSeed);
      callerPolicy = callerPolicyOf(next);
      calls.clear();
    },
    environment: () => ({
      AWS_ENDPOINT_URL: baseUrl,
      AWS_REGION: sandboxCredentials.region,
      AWS_DEFAULT_REGION: sandboxCredentials.region,
      AWS_ACCESS_KEY_ID: sandboxCredentials.aws.accessKeyId,
      AWS_SECRET_ACCESS_KEY: sandboxCredentials.aws.secretAccessKey,
      AWS_EC2_METADATA_DISABLED: 'true',
      SNOWFLAKE_ACCOUNT: sandboxCredentials.snowflake.account,
      SNOWFLAKE_USER: sandboxCredentials.snowflake.username,
      SNOWFLAKE_PASSWORD: sandboxCredentials.snowflake.password,
      SNOWFLAKE_HOST: '127.0.0.1',
      SNOWFLAKE_PORT: String(port),
      SNOWFLAKE_PROTOCOL: 'http',
      SNOWFLAKE_ACCESS_URL: baseUrl,
      GITHUB_API_URL: `${baseUrl}${githubPathPrefix}`,
      GITHUB_TOKEN: sandboxGithubToken,
      AIRFLOW_BASE_URL: `${baseUrl}${airflowPathPrefix}`,
      AIRFLOW_TOKEN: sandboxAirflowToken,
      ...(states.dbt.project ? { DBT_PROJECT_DIR: states.dbt.project.projectDir, DBT_PROFILES_DIR: states.dbt.project.projectDir } : {}),
    }),
    stop: async () => {
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
      await disposeStates(states);
    },
  };
  return sandbox;
}
