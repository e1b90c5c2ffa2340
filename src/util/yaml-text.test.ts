import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { yamlText } from './yaml-text';

const trickyStrings = [
  '', ' ', ' padded ', 'yes', 'No', 'ON', 'off', 'y', 'N', 'true', 'False', 'null', 'NULL', '~', 'NaN', '.inf', '-.inf',
  '123', '-7', '0o17', '0x1F', '1e3', '.5', '1_000', '1:20', '2026-12-01', '2026-12-01T10:00:00Z', 'a: b', 'a:b', '- x', '-',
  '? q', '#comment', 'x #y', '*alias', '&anchor', '!tag', '%directive', '@at', '`tick', '|', '>', "'single'", '"double"',
  '{{ env_var("SNOWFLAKE_ACCOUNT") }}', "ref('stg_reviews')", 'line\nbreak', 'tab\there', 'back\\slash', 'üñíçødé', '\u0007bell',
  'trailing:', '[flow]', '{flow}', 'a,b', 'dbt-labs/dbt_utils', 'config-version', 'models/staging', 'stg_reviews', 'x.y_z-1',
];

const documents: unknown[] = [
  { version: 2, models: [{ name: 'stg_reviews', columns: [{ name: 'review_id', tests: ['unique', 'not_null', { relationships: { to: "ref('x')", field: 'id' } }] }] }] },
  { name: 'arai', version: '1.0.0', 'config-version': 2, profile: 'arai', 'model-paths': ['models'], 'target-path': 'target' },
  { arai: { target: 'prod', outputs: { prod: { type: 'snowflake', account: "{{ env_var('SNOWFLAKE_ACCOUNT') }}", threads: 4, client_session_keep_alive: false, query_tag: null } } } },
  { packages: [{ package: 'dbt-labs/dbt_utils', version: '1.3.0' }], empty: [], none: {}, nested: [[1, 2], [], [{}]], numbers: [0, -1, 0.5, 1e21, -2.5e-7] },
  Object.fromEntries(trickyStrings.map((value, index) => [value || `empty${index}`, value])),
  trickyStrings,
  [],
  {},
  'a scalar',
];

describe('yamlText', () => {
  it.each(documents.map((document, index) => [index, document] as const))('document %i reads back as the same data under YAML 1.2 and 1.1', (_index, document) => {
    const text = yamlText(document);
    expect(parse(text)).toEqual(document);
    expect(parse(text, { version: '1.1' })).toEqual(document);
    // The same data as the YAML library writes it.
    expect(parse(text)).toEqual(parse(stringify(document)));
  });

  it('writes block style, strings bare where that reads back the same', () => {
    expect(yamlText({ version: 2, models: [{ name: 'stg', tests: ['unique'] }], yes: 'yes', empty: [] })).toBe(
      ['version: 2', 'models:', '  - name: stg', '    tests:', '      - unique', '"yes": "yes"', 'empty: []', ''].join('\n'),
    );
  });

  it('refuses what is not plain data, naming it', () => {
    expect(() => yamlText({ at: new Map([['a', 1]]) })).toThrow(/got a Map/);
    expect(() => yamlText({ at: new Date(0) })).toThrow(/got a Date/);
    expect(() => yamlText({ n: Number.NaN })).toThrow(/finite numbers.*got NaN/);
    expect(() => yamlText({ f: () => 1 })).toThrow(/got function/);
    expect(() => yamlText([undefined])).toThrow(/got undefined/);
  });
});
