import { connect } from 'node:net';

/** What a TCP connection attempt found: open, or the network error code (ECONNREFUSED, ENOTFOUND, ETIMEDOUT). */
export type TcpProbe = { open: true } | { open: false; code: string };

/** Opens and closes one TCP connection to learn whether anything listens, without the driver's long retries. */
export function probeTcp(host: string, port: number, timeoutMs: number): Promise<TcpProbe> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (result: TcpProbe) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeoutMs, () => done({ open: false, code: 'ETIMEDOUT' }));
    socket.once('connect', () => done({ open: true }));
    socket.once('error', (error: NodeJS.ErrnoException) => done({ open: false, code: error.code ?? 'ECONNRESET' }));
  });
}
