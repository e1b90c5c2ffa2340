import { describe, expect, it } from 'vitest';
import { siteLocation } from './site-location';

describe('siteLocation', () => {
  it('defaults to a local server at the root, and takes both from the environment', () => {
    expect(siteLocation({})).toEqual({ url: 'http://localhost:3000', baseUrl: '/' });
    expect(siteLocation({ RUNBOOK_SITE_URL: 'https://runbook.example.com/', RUNBOOK_SITE_BASE_URL: '/ops/runbook/' })).toEqual({ url: 'https://runbook.example.com', baseUrl: '/ops/runbook/' });
  });

  it('names the variable and what it expects when a value does not fit', () => {
    expect(() => siteLocation({ RUNBOOK_SITE_URL: 'runbook.example.com' })).toThrow(/^RUNBOOK_SITE_URL: unexpected "runbook\.example\.com", expected an http\(s\) origin/);
    expect(() => siteLocation({ RUNBOOK_SITE_URL: 'https://example.com/ops' })).toThrow(/^RUNBOOK_SITE_URL: unexpected "https:\/\/example.com\/ops", expected an http\(s\) origin without a path/);
    expect(() => siteLocation({ RUNBOOK_SITE_BASE_URL: 'ops' })).toThrow(/^RUNBOOK_SITE_BASE_URL: unexpected "ops", expected a path that starts and ends with "\/"/);
  });
});
