import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { deferOptionalDriverModules, deferredDriverLibraries, deferredDriverModules, verifiedDriverVersion } from './snowflake-deferred';

const driverDir = path.dirname(require.resolve('snowflake-sdk'));
const tmp = mkdtempSync(path.join(os.tmpdir(), 'deferred-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the Snowflake driver modules loaded on first use', () => {
  it('are what the installed driver has: its version is the verified one, and each deferred export is a constructor or holds the functions named', () => {
    const source = (file: string) => readFileSync(path.join(driverDir, file), 'utf8');
    const { version } = JSON.parse(readFileSync(path.join(driverDir, '..', 'package.json'), 'utf8')) as { version: string };
    expect(version).toBe(verifiedDriverVersion);
    for (const module of deferredDriverModules) {
      const exported = require(path.join(driverDir, module.file)) as Record<string, unknown>;
      if (module.shape === 'functions') for (const name of module.functions) expect(typeof exported[name], `${module.file} ${name}`).toBe('function');
      else expect(typeof (module.shape === 'constructor' ? exported : exported.default), module.file).toBe('function');
    }
    // The CRL validator is destructured when the HTTP layer loads, and called only for an HTTPS connection.
    expect(source('lib/http/node_untyped.js')).toMatch(/const \{ isCrlValidationEnabled \} = require\('\.\.\/agent\/crl_validator'\);/);
    expect(source('lib/http/node_untyped.js').match(/isCrlValidationEnabled\(/g)).toHaveLength(1);
    for (const library of deferredDriverLibraries) {
      const from = 'via' in library ? path.dirname(require.resolve(library.via, { paths: [driverDir] })) : driverDir;
      const exported = require(require.resolve(library.name, { paths: [from] })) as { __esModule?: boolean };
      expect(Boolean(exported.__esModule), library.name).toBe(library.esModule);
      expect(typeof exported, library.name).toBe(library.shape === 'function' ? 'function' : 'object');
    }
    // Each library is required where the driver (or axios) keeps it at hand, and used only inside functions.
    expect(source('lib/core.js')).toMatch(/GenericPool\.createPool\(/);
    expect(source('lib/telemetry/platform_detection.js')).toMatch(/new client_sts_1\.STSClient\(/);
    expect(readFileSync(require.resolve('axios', { paths: [driverDir] }), 'utf8').match(/FormData\$1\b/g)).toHaveLength(3);
    // The logger is the one module that requires winston, and reads it only to make a winston logger.
    const logger = readFileSync(path.join(driverDir, 'lib', 'logger', 'node.js'), 'utf8');
    expect(logger.match(/winston\.\w+/g)?.sort()).toEqual(['winston.createLogger', 'winston.transports', 'winston.transports', 'winston.transports', 'winston.transports']);
  });

  it('stand in until first used, then construct the real class, and load nothing for another driver version', () => {
    const fake = path.join(tmp, 'driver');
    mkdirSync(path.join(fake, 'lib', 'file_transfer_agent'), { recursive: true });
    mkdirSync(path.join(fake, 'lib', 'authentication', 'auth_workload_identity'), { recursive: true });
    writeFileSync(path.join(fake, 'lib', 'file_transfer_agent', 'file_transfer_agent.js'), 'globalThis.__loadedAgent = true; module.exports = class Agent { constructor(x) { this.x = x; } static kind = "agent"; };');
    writeFileSync(path.join(fake, 'lib', 'authentication', 'auth_workload_identity', 'index.js'), 'exports.default = class Identity { constructor(c) { this.c = c; } };');
    deferOptionalDriverModules(fake, verifiedDriverVersion);
    const Agent = require(path.join(fake, 'lib', 'file_transfer_agent', 'file_transfer_agent.js')) as new (x: number) => { x: number };
    expect((globalThis as { __loadedAgent?: boolean }).__loadedAgent).toBeUndefined();
    const agent = new Agent(7);
    expect((globalThis as { __loadedAgent?: boolean }).__loadedAgent).toBe(true);
    expect(agent.x).toBe(7);
    expect(agent instanceof Agent).toBe(true); // the driver's token refresh tells a key-pair authenticator by instanceof
    expect({} instanceof Agent).toBe(false);
    expect((Agent as unknown as { kind: string }).kind).toBe('agent');
    const identity = require(path.join(fake, 'lib', 'authentication', 'auth_workload_identity', 'index.js')) as { default: new (c: string) => { c: string } };
    expect(new identity.default('config').c).toBe('config');

    mkdirSync(path.join(fake, 'lib', 'agent', 'crl_validator'), { recursive: true });
    writeFileSync(path.join(fake, 'lib', 'agent', 'crl_validator', 'index.js'), 'globalThis.__loadedCrl = true; exports.isCrlValidationEnabled = (c) => c.checkMode !== "DISABLED"; exports.corkSocketAndValidateCrl = () => "corked"; exports.validateCrl = () => "valid"; exports.CRL_VALIDATOR_INTERNAL = { cache: 1 };');
    const { isCrlValidationEnabled } = require(path.join(fake, 'lib', 'agent', 'crl_validator', 'index.js')) as { isCrlValidationEnabled: (config: { checkMode: string }) => boolean };
    expect((globalThis as { __loadedCrl?: boolean }).__loadedCrl).toBeUndefined();
    expect(isCrlValidationEnabled({ checkMode: 'ENABLED' })).toBe(true);
    expect((globalThis as { __loadedCrl?: boolean }).__loadedCrl).toBe(true);
    expect(isCrlValidationEnabled({ checkMode: 'DISABLED' })).toBe(false);
    expect((require(path.join(fake, 'lib', 'agent', 'crl_validator', 'index.js')) as { CRL_VALIDATOR_INTERNAL: unknown }).CRL_VALIDATOR_INTERNAL).toEqual({ cache: 1 });

    const other = path.join(tmp, 'other');
    deferOptionalDriverModules(other, '9.9.9');
    expect(require.cache[path.join(other, 'lib', 'file_transfer_agent', 'file_transfer_agent.js')]).toBeUndefined();
  });
});
