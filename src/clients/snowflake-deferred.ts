import path from 'node:path';
import { deferNamespace, putStandIn, type DeferredShape } from '../util/deferred-namespace';

/**
 * The snowflake-sdk version whose internals `deferOptionalDriverModules` was verified against: its file
 * transfer agent (PUT/GET, with the Azure, GCS and S3 storage SDKs), workload identity authentication
 * (Azure, GCP and AWS attestation), key-pair authentication (with jsonwebtoken) and the HTTPS agents (OCSP and
 * CRL checking, proxies) are each a constructor, used only with `new` when a connection needs them (and by
 * `instanceof` in a key-pair connection's token refresh and the OCSP check of a proxied socket).
 */
export const verifiedDriverVersion = '3.3.0';

/**
 * The driver modules deferred: a constructor export, a module whose `default` is one, or a module of `functions` that
 * its users destructure when they load (the CRL validator, which HTTP connections never call and loads the ASN.1
 * certificate schemas).
 */
export const deferredDriverModules = [
  { file: 'lib/file_transfer_agent/file_transfer_agent.js', shape: 'constructor' },
  { file: 'lib/authentication/auth_workload_identity/index.js', shape: 'default-constructor' },
  { file: 'lib/authentication/auth_keypair.js', shape: 'constructor' },
  { file: 'lib/agent/https_ocsp_agent.js', shape: 'constructor' },
  { file: 'lib/agent/https_crl_agent.js', shape: 'default-constructor' },
  { file: 'lib/agent/https_proxy_agent.js', shape: 'default-constructor' },
  { file: 'lib/agent/crl_validator/index.js', shape: 'functions', functions: ['isCrlValidationEnabled', 'corkSocketAndValidateCrl', 'validateCrl'] },
] as const satisfies readonly ({ file: string; shape: 'constructor' | 'default-constructor' } | { file: string; shape: 'functions'; functions: readonly string[] })[];

/**
 * The libraries the verified driver requires when it loads but uses only later, each resolved as the module that
 * requires it would (`via` a library of the driver's, else from the driver): winston, for its logger, which makes a
 * winston logger on the first message it logs (none, at log level OFF); generic-pool, for `createPool`; toml, for
 * connections.toml; open, for browser sign-in; the AWS STS client, for platform detection (off) and AWS workload
 * identity; and axios's form-data, for multipart bodies (the driver sends JSON). Not moment-timezone: the first
 * timestamp a query returns needs it, and SHOW and DESC return timestamps.
 */
export const deferredDriverLibraries = [
  { name: 'winston', esModule: false, shape: 'namespace' },
  { name: 'generic-pool', esModule: false, shape: 'namespace' },
  { name: 'toml', esModule: false, shape: 'namespace' },
  { name: 'open', esModule: false, shape: 'function' },
  { name: '@aws-sdk/client-sts', esModule: false, shape: 'namespace' },
  { name: 'form-data', esModule: false, shape: 'function', via: 'axios' },
] as const satisfies readonly { name: string; esModule: boolean; shape: DeferredShape; via?: string }[];

type Constructor = abstract new (...args: unknown[]) => unknown;

/** A stand-in for a constructor that loads it on first use: `new`, a call or a property read. */
function deferredConstructor(load: () => Constructor): Constructor {
  const real = () => {
    const value = load();
    if (typeof value !== 'function') throw new TypeError(`a deferred snowflake-sdk export is not a constructor (snowflake-sdk ${verifiedDriverVersion} expected)`);
    return value;
  };
  return new Proxy(function deferred() {} as unknown as Constructor, {
    construct: (_target, args, newTarget) => Reflect.construct(real() as never, args, newTarget === undefined ? real() : (newTarget as never)),
    apply: (_target, self, args) => Reflect.apply(real() as never, self, args),
    get: (_target, property) => Reflect.get(real(), property),
  });
}

/**
 * A stand-in for an ES module of functions: each named function is one that calls the real one (so it can be
 * destructured at load), any other name is read from the real module, loaded then.
 */
function deferredFunctions(load: () => Record<string, unknown>, functions: readonly string[]): object {
  const callers = new Map(functions.map((name) => [name, (...args: unknown[]) => (load()[name] as (...args: unknown[]) => unknown)(...args)]));
  return new Proxy({}, {
    get: (_target, name) => (name === '__esModule' ? true : typeof name === 'string' && callers.has(name) ? callers.get(name) : Reflect.get(load(), name)),
    has: (_target, name) => name === '__esModule' || callers.has(name as string) || Reflect.has(load(), name),
  });
}

/** The stand-in for a deferred driver module of each shape. */
function standInFor(module: (typeof deferredDriverModules)[number], load: () => Record<string, unknown>): unknown {
  if (module.shape === 'functions') return deferredFunctions(load, module.functions);
  if (module.shape === 'constructor') return deferredConstructor(() => load() as unknown as Constructor);
  return { __esModule: true, default: deferredConstructor(() => load().default as Constructor) };
}

/**
 * Makes the driver's optional heavy modules load on first use rather than with the driver: half of the
 * driver's start-up is PUT/GET and workload identity code that read-only checks never run. Only for the
 * verified version (elsewhere a no-op); it places stand-ins in `require.cache`, Node's documented module
 * cache, and a stand-in replaces itself with the real module the first time it is used.
 */
export function deferOptionalDriverModules(driverDir: string, driverVersion: string): void {
  if (driverVersion !== verifiedDriverVersion) return;
  for (const module of deferredDriverModules) putStandIn(path.join(driverDir, module.file), (load) => standInFor(module, load));
  for (const library of deferredDriverLibraries) {
    let filename: string;
    try {
      const from = 'via' in library ? path.dirname(require.resolve(library.via, { paths: [driverDir] })) : driverDir;
      filename = require.resolve(library.name, { paths: [from] });
    } catch {
      continue; // not where the driver would find it: the driver reports that itself
    }
    deferNamespace(filename, { esModule: library.esModule, shape: library.shape });
  }
}
