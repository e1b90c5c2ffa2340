import dns from 'node:dns';
import net from 'node:net';

/** A guard that refuses every connection and name lookup outside loopback, and remembers what was tried. */
export interface LoopbackGuard {
  /** `host:port` of each refused connection and `lookup host` of each refused name lookup, in order. */
  refused: string[];
  /** Puts the original socket and resolver functions back. */
  restore(): void;
}

const loopbackNames = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/** True for an address or name that stays on this machine. */
export function isLoopback(host: string | undefined): boolean {
  if (host === undefined || host === '') return true;
  if (loopbackNames.has(host.toLowerCase())) return true;
  return net.isIPv4(host) ? host.startsWith('127.') : false;
}

type ConnectArgs = [unknown, ...unknown[]];

/** The host a `socket.connect(...)` call aims at; undefined for an IPC path (which stays on the machine). */
function targetOf(args: ConnectArgs): { host: string | undefined; port: unknown; ipc: boolean } {
  const [first, second] = args;
  // net.connect() and http pass their normalised arguments on as one array.
  if (Array.isArray(first)) return targetOf(first as ConnectArgs);
  if (first && typeof first === 'object') {
    const options = first as { host?: string; port?: unknown; path?: string };
    return { host: options.host, port: options.port, ipc: Boolean(options.path) };
  }
  if (typeof first === 'string' && !/^\d+$/.test(first)) return { host: undefined, port: undefined, ipc: true };
  return { host: typeof second === 'string' ? second : undefined, port: first, ipc: false };
}

/**
 * Makes this process unable to reach beyond loopback: a TCP connection to any other address, or a DNS
 * lookup of any other name, fails at once with EACCES and is recorded. Install it before a client is loaded.
 * `allowed` narrows what may be reached further (a test of the guard refuses a loopback address with it).
 */
export function guardLoopback(allowed: (host: string | undefined) => boolean = isLoopback): LoopbackGuard {
  const refused: string[] = [];
  const originalConnect = net.Socket.prototype.connect;
  const originalLookup = dns.lookup;
  const originalPromisesLookup = dns.promises.lookup;
  const denied = (what: string) => Object.assign(new Error(`no traffic may leave loopback: ${what} refused`), { code: 'EACCES' });

  net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: ConnectArgs) {
    const target = targetOf(args);
    if (target.ipc || (isLoopback(target.host) && allowed(target.host))) return (originalConnect as (...a: unknown[]) => net.Socket).apply(this, args);
    const what = `${target.host}:${String(target.port)}`;
    refused.push(what);
    process.nextTick(() => this.destroy(denied(what)));
    return this;
  } as typeof net.Socket.prototype.connect;

  dns.lookup = function guardedLookup(hostname: string, ...rest: unknown[]) {
    if (isLoopback(hostname) && allowed(hostname)) return (originalLookup as (...a: unknown[]) => void)(hostname, ...rest);
    refused.push(`lookup ${hostname}`);
    const callback = rest.at(-1) as (error: Error) => void;
    process.nextTick(() => callback(denied(`lookup ${hostname}`)));
  } as typeof dns.lookup;

  dns.promises.lookup = (async (hostname: string, ...rest: unknown[]) => {
    if (isLoopback(hostname) && allowed(hostname)) return (originalPromisesLookup as (...a: unknown[]) => Promise<unknown>)(hostname, ...rest);
    refused.push(`lookup ${hostname}`);
    throw denied(`lookup ${hostname}`);
  }) as typeof dns.promises.lookup;

  return {
    refused,
    restore() {
      net.Socket.prototype.connect = originalConnect;
      dns.lookup = originalLookup;
      dns.promises.lookup = originalPromisesLookup;
    },
  };
}
