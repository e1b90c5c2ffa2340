import { describe, expect, it } from 'vitest';
import { parseRange } from './operations/object';
import { listObjects } from './operations/list-objects';
import { loadS3State } from './state';

const state = loadS3State({
  buckets: {
    b: {
      objects: {
        'reviews/a b=1.json': { lastModified: '2026-11-25T10:00:00.000Z', body: '{}' },
        'reviews/x/1.json': { lastModified: '2026-11-25T10:00:00.000Z', size: 5 },
        'reviews/x/2.json': { lastModified: '2026-11-25T10:00:00.000Z', size: 5 },
        'other/z.json': { lastModified: '2026-11-25T10:00:00.000Z', size: 1 },
      },
      generated: [{ prefix: 'big/', count: 2500, lastModified: '2026-11-25T10:00:00.000Z', body: '{"i":{i}}' }],
    },
  },
});
const bucket = state.buckets.get('b')!;
const list = (query: Record<string, string>) => String(listObjects(bucket, new URLSearchParams({ 'list-type': '2', ...query })).response.body);
const keysOf = (xml: string) => [...xml.matchAll(/<Key>([^<]*)<\/Key>/g)].map((m) => m[1]);
const tokenOf = (xml: string) => /<NextContinuationToken>([^<]*)<\/NextContinuationToken>/.exec(xml)?.[1];

describe('ListObjectsV2 in the sandbox', () => {
  it('lists a prefix in key order and URL-encodes keys when asked, as the AWS CLI asks', () => {
    expect(keysOf(list({ prefix: 'reviews/' }))).toEqual(['reviews/a b=1.json', 'reviews/x/1.json', 'reviews/x/2.json']);
    const encoded = list({ prefix: 'reviews/', 'encoding-type': 'url' });
    expect(keysOf(encoded)[0]).toBe('reviews/a%20b%3D1.json');
    expect(encoded).toContain('<EncodingType>url</EncodingType>');
  });

  it('groups keys under a delimiter into common prefixes', () => {
    const xml = list({ prefix: 'reviews/', delimiter: '/' });
    expect(keysOf(xml)).toEqual(['reviews/a b=1.json']);
    expect(xml).toContain('<CommonPrefixes><Prefix>reviews/x/</Prefix></CommonPrefixes>');
    expect(xml).toContain('<KeyCount>2</KeyCount>');
  });

  it('pages a 2,500-object generated prefix 1,000 keys at a time with continuation tokens, each key once', () => {
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const xml = list({ prefix: 'big/', ...(token ? { 'continuation-token': token } : {}) });
      seen.push(...keysOf(xml).map(String));
      token = tokenOf(xml);
      pages++;
      expect(xml).toContain(`<IsTruncated>${token ? 'true' : 'false'}</IsTruncated>`);
    } while (token);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(2500);
    expect(new Set(seen).size).toBe(2500);
    expect(seen[0]).toBe('big/part-0000.json');
  });

  it('pages common prefixes one at a time, each once, by continuation token (v2) and by NextMarker (v1)', () => {
    const pages = (version: 'v1' | 'v2') => {
      const seen: string[] = [];
      let next: string | undefined;
      for (let page = 0; page < 10; page++) {
        const query: Record<string, string> = { delimiter: '/', 'max-keys': '1' };
        if (next !== undefined) query[version === 'v2' ? 'continuation-token' : 'marker'] = next;
        const xml = String(listObjects(bucket, new URLSearchParams(version === 'v2' ? { 'list-type': '2', ...query } : query)).response.body);
        seen.push(...[...xml.matchAll(/<CommonPrefixes><Prefix>([^<]*)<\/Prefix><\/CommonPrefixes>/g)].map((m) => m[1]!));
        next = version === 'v2' ? tokenOf(xml) : /<NextMarker>([^<]*)<\/NextMarker>/.exec(xml)?.[1];
        if (!next) break;
      }
      return seen;
    };
    expect(pages('v2')).toEqual(['big/', 'other/', 'reviews/']);
    expect(pages('v1')).toEqual(['big/', 'other/', 'reviews/']);
  });

  it('starts after a key, honours max-keys, and refuses a max-keys that is not a number', () => {
    expect(keysOf(list({ prefix: 'big/', 'start-after': 'big/part-1233.json', 'max-keys': '2' }))).toEqual(['big/part-1234.json', 'big/part-1235.json']);
    expect(listObjects(bucket, new URLSearchParams({ 'list-type': '2', 'max-keys': 'ten' })).response.status).toBe(400);
  });
});

describe('parseRange', () => {
  it.each([
    ['bytes=0-9', 100, [0, 9]],
    ['bytes=90-', 100, [90, 99]],
    ['bytes=-10', 100, [90, 99]],
    ['bytes=50-500', 100, [50, 99]],
    ['bytes=100-', 100, 'invalid'],
    ['bytes=-0', 100, 'invalid'],
    ['bytes=9-1', 100, 'invalid'],
    [undefined, 100, null],
    ['items=0-1', 100, null],
  ] as const)('reads %s of a %i-byte object', (range, size, expected) => {
    expect(parseRange(range, size)).toEqual(expected);
  });
});
