import { loadLater } from '../../util/load-later';
import type { SandboxService, ServiceHandler } from './service';

/** A handler module: `./handler` of a service's folder. */
interface HandlerModule<States> {
  handler: ServiceHandler<States>;
}

/**
 * A service's `handle` whose code loads on its first request, or when `prepare` says the run will call it: a sandbox
 * loads the world's every state at start (a bad world fails then), but only the handlers of the services called.
 * `required` loads the module under a compile hook (the CLI, ts-node), `imported` under the test runner.
 */
export function handledLater<States>(required: () => HandlerModule<States>, imported: () => Promise<HandlerModule<States>>): Required<Pick<SandboxService<unknown, States>, 'handle' | 'prepare'>> {
  let loaded: Promise<ServiceHandler<States>> | undefined;
  const handler = () => (loaded ??= loadLater(required, imported).then((module) => module.handler));
  return {
    handle: async (request, env) => (await handler()).handle(request, env),
    prepare: async () => void (await handler()),
  };
}
