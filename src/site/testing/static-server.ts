import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/** A static server for a built site on loopback, and how to stop it. */
export interface StaticServer {
  /** The site's address: the origin and the base path (`http://127.0.0.1:PORT/ops/`). */
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

function fileFor(dir: string, relative: string): string | null {
  const normal = path.normalize(relative).replace(/^([/\\])+/, '');
  if (normal.startsWith('..')) return null;
  const base = path.join(dir, normal);
  for (const candidate of [base, `${base}.html`, path.join(base, 'index.html')]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // try the next form: /runbook is runbook.html, / is index.html
    }
  }
  return null;
}

/**
 * Serves `dir` on 127.0.0.1 at a free port under `basePath` (a site built with that base URL), the way a
 * static host serves a Docusaurus build: an unknown address gets the site's 404.html with status 404.
 */
export function serveStatic(dir: string, basePath = '/'): Promise<StaticServer> {
  const server: Server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    const file = pathname.startsWith(basePath) ? fileFor(dir, pathname.slice(basePath.length)) : null;
    const notFound = file ? null : fileFor(dir, '404.html');
    if (!file && !notFound) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const served = (file ?? notFound)!;
    response.writeHead(file ? 200 : 404, { 'content-type': types[path.extname(served)] ?? 'application/octet-stream' });
    createReadStream(served).pipe(response);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}${basePath}`, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}
