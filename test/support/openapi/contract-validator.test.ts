import { describe, expect, it } from 'vitest';
import { ContractValidator } from './contract-validator';

const ok = (schema: unknown) => ({ '200': { description: 'ok', content: { 'application/json': { schema } } } });

/** An OpenAPI 3.0 document in the styles the real specs use: nullable, allOf collections, response $refs. */
const v30 = {
  openapi: '3.0.3',
  paths: {
    '/things': { get: { responses: { ...ok({ $ref: '#/components/schemas/ThingCollection' }), '404': { $ref: '#/components/responses/NotFound' } } } },
    '/thing': { get: { responses: ok({ $ref: '#/components/schemas/Thing' }) } },
    '/moved': { get: { responses: { '302': { description: 'moved', headers: { Location: { schema: { type: 'string' } } } } } } },
  },
  components: {
    schemas: {
      Thing: {
        type: 'object',
        properties: { id: { type: 'integer' }, note: { type: 'string', nullable: true }, when: { type: 'string', format: 'date-time' }, kind: { type: 'string', enum: ['a', 'b'], nullable: true } },
        required: ['id'],
      },
      ThingCollection: { allOf: [{ type: 'object', properties: { things: { type: 'array', items: { $ref: '#/components/schemas/Thing' } } } }, { $ref: '#/components/schemas/CollectionInfo' }] },
      CollectionInfo: { type: 'object', properties: { total_entries: { type: 'integer' } } },
      Error: { type: 'object', properties: { title: { type: 'string' }, status: { type: 'number' } }, required: ['title', 'status'] },
    },
    responses: { NotFound: { description: 'nf', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } } },
  },
};

/** An OpenAPI 3.1 document that refers to a schema of the other one. */
const v31 = {
  openapi: '3.1.0',
  paths: { '/other': { get: { responses: ok({ type: 'object', properties: { thing: { $ref: 'v30.json#/components/schemas/Thing' }, at: { anyOf: [{ type: 'string' }, { type: 'null' }] } }, required: ['thing', 'at'] }) } } },
};

const loose = { closed: false, complete: false };
const validator = new ContractValidator([
  { id: 'v30.json', document: v30, strictness: loose },
  { id: 'v31.json', document: v31, strictness: loose },
  { id: 'strict.json', document: v30, strictness: { closed: true, complete: true }, errorStrictness: { closed: true, complete: false } },
]);
const errors = (id: string, path: string, body: unknown, status = 200) => validator.response(id, path, 'get', status)!.validate!(body);

describe('the contract validator reads OpenAPI 3.0 and 3.1 documents as their servers must answer', () => {
  it('accepts a body the schema allows, with 3.0 nullable fields and enums null', () => {
    expect(errors('v30.json', '/thing', { id: 1, note: null, kind: null, when: '2026-11-25T10:00:00Z' })).toEqual([]);
  });

  it('refuses a missing required field, a wrong type, a null where none is allowed, a bad date-time and a value outside the enum', () => {
    expect(errors('v30.json', '/thing', {})).not.toEqual([]);
    expect(errors('v30.json', '/thing', { id: '1' })).not.toEqual([]);
    expect(errors('v30.json', '/thing', { id: null })).not.toEqual([]);
    expect(errors('v30.json', '/thing', { id: 1, when: 'yesterday' })).not.toEqual([]);
    expect(errors('v30.json', '/thing', { id: 1, kind: 'c' })).not.toEqual([]);
  });

  it('follows response $refs and 3.1 references into another registered document', () => {
    expect(errors('v30.json', '/things', { title: 'Not Found', status: 404 }, 404)).toEqual([]);
    expect(errors('v30.json', '/things', { detail: 'x' }, 404)).not.toEqual([]);
    expect(errors('v31.json', '/other', { thing: { id: 2 }, at: null })).toEqual([]);
    expect(errors('v31.json', '/other', { thing: { id: 'two' }, at: null })).not.toEqual([]);
  });

  it('when closed, refuses an undeclared field, also across the members of an allOf, and when complete a missing one', () => {
    expect(errors('strict.json', '/things', { things: [{ id: 1, note: null, when: '2026-11-25T10:00:00Z', kind: 'a' }], total_entries: 1 })).toEqual([]);
    expect(errors('strict.json', '/things', { things: [], total_entries: 0, extra: true })).toEqual(['/ must NOT have additional properties: extra']);
    expect(errors('strict.json', '/thing', { id: 1, note: null, kind: 'a' })).toEqual(["/ must have required property 'when'"]);
    expect(errors('strict.json', '/things', { title: 'Not Found', status: 404 }, 404)).toEqual([]);
  });

  it('says which statuses, media types and headers an operation declares', () => {
    expect(validator.response('v30.json', '/thing', 'get', 404)).toBeUndefined();
    expect(validator.response('v30.json', '/moved', 'get', 302)).toEqual({ mediaTypes: [], headers: ['Location'] });
    expect(validator.operation('v30.json', '/nowhere', 'get')).toBeUndefined();
  });
});
