import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..');

/** Runs a script in a fresh Node under the CLI's loader (this test process has loaded Node's fetch already). */
function inFreshNode(script: string): unknown {
  const run = spawnSync(process.execPath, ['-r', path.join(root, 'bin', 'register.js'), '-e', script], { cwd: root, encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout);
}

describe('loadAxiosWithoutFetchProbe', () => {
  it("loads the driver's axios without loading Node's fetch, puts the globals back unread, and axios still sends over http", () => {
    const facts = inFreshNode(`
      const http = require('node:http');
      const names = ['fetch', 'Request', 'Response', 'FormData'];
      const kinds = () => names.map((name) => { const d = Object.getOwnPropertyDescriptor(globalThis, name); return d.get ? 'getter' : typeof d.value; });
      const before = kinds();
      const driverDir = require('node:path').dirname(require.resolve('snowflake-sdk'));
      require('./src/clients/axios-fetch-probe.ts').loadAxiosWithoutFetchProbe(driverDir);
      const undiciLoaded = process.moduleLoadList.some((name) => name.includes('undici'));
      const after = kinds();
      const axios = require(require.resolve('axios', { paths: [driverDir] }));
      const form = new FormData();
      form.append('a', '1');
      const server = http.createServer((request, response) => response.end(JSON.stringify({ method: request.method }))).listen(0, '127.0.0.1', async () => {
        const answer = await axios.post('http://127.0.0.1:' + server.address().port + '/', { x: 1 });
        const fetched = await (await fetch('data:,ok')).text();
        server.close();
        console.log(JSON.stringify({ before, after, undiciLoaded, answer: answer.data, fetched, formData: axios.formToJSON(form) }));
      });
    `);
    expect(facts).toEqual({
      before: ['function', 'getter', 'getter', 'getter'],
      after: ['function', 'getter', 'getter', 'getter'],
      undiciLoaded: false,
      answer: { method: 'POST' },
      fetched: 'ok',
      // axios still tells a FormData body (its formToJSON reads one only when it is FormData).
      formData: { a: '1' },
    });
  });
});
