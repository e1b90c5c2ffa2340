import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { openHttpConnections } from './http-connections';

describe("a run's HTTP connections", () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  it('keep one connection alive across requests and close it with the run', async () => {
    const sockets: Socket[] = [];
    const closed: Socket[] = [];
    server = createServer((_request, response) => response.end('ok'));
    server.on('connection', (socket: Socket) => {
      sockets.push(socket);
      socket.on('close', () => closed.push(socket));
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

    const http = openHttpConnections();
    expect(await (await http.fetch(url)).text()).toBe('ok');
    await new Promise((resolve) => setTimeout(resolve, 20)); // the socket goes back to the pool once the answer is read
    expect(await (await http.fetch(url)).text()).toBe('ok');
    expect(sockets).toHaveLength(1);
    expect(closed).toHaveLength(0);

    await http.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(closed).toHaveLength(1);
    // After closing, a request opens a new pool rather than failing on the closed one.
    expect(await (await http.fetch(url)).text()).toBe('ok');
    expect(sockets).toHaveLength(2);
    await http.close();
  });
});
