import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/** A static server for a built site on loopback, and how to stop it. */
export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml',
  '.txt': 'text/plain',
};

function fileFor(dir: string, pathname: string): string | null {
  const relative = path.normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
  if (relative.startsWith('..')) return null;
  const base = path.join(dir, relative);
  for (const candidate of [base, `${base}.html`, path.join(base, 'index.html')]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // try the next form: /runbook is runbook.html, / is index.html
    }
  }
  return null;
}

/** Serves `dir` on 127.0.0.1 at a free port, the way a static host serves a Docusaurus build. */
export function serveStatic(dir: string): Promise<StaticServer> {
  const server: Server = createServer((request, response) => {
    const file = fileFor(dir, new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    if (!file) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}
