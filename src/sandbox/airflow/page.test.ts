import { describe, expect, it } from 'vitest';
import { maximumPageLimit, paginate } from './page';

const items = Array.from({ length: 250 }, (_, i) => i);
const query = (text: string) => new URLSearchParams(text);
const page = (text: string, version: 'v1' | 'v2') => paginate(items, query(text), version, 'List');

describe('limit and offset as Airflow applies them', () => {
  it('default to 100 items on v1 and 50 on v2, and a limit of 0 means the default', () => {
    expect(page('', 'v1')).toMatchObject({ total: 250, items: items.slice(0, 100) });
    expect(page('', 'v2')).toMatchObject({ total: 250, items: items.slice(0, 50) });
    expect(page('limit=0', 'v2')).toMatchObject({ items: items.slice(0, 50) });
  });

  it('lower a limit above maximum_page_limit to it, and start at the offset', () => {
    expect(page('limit=500&offset=10', 'v1')).toMatchObject({ items: items.slice(10, 10 + maximumPageLimit) });
    expect(page('limit=2&offset=249', 'v2')).toMatchObject({ items: [249], total: 250 });
  });

  it('refuse a limit or offset that is not a non-negative integer: 400 problem on v1, 422 validation error on v2', () => {
    const v1 = page('limit=abc', 'v1');
    expect('refused' in v1 && v1.refused.response.status).toBe(400);
    expect('refused' in v1 && JSON.parse(String(v1.refused.response.body))).toMatchObject({ title: 'Bad Request', status: 400 });
    const v2 = page('offset=-1', 'v2');
    expect('refused' in v2 && v2.refused.response.status).toBe(422);
    expect('refused' in v2 && JSON.parse(String(v2.refused.response.body))).toMatchObject({ detail: [{ type: 'greater_than_equal', loc: ['query', 'offset'] }] });
  });
});
