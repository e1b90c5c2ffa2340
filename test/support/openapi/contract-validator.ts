import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { toJsonSchema, type SchemaObject, type Strictness } from './to-json-schema';

/** An OpenAPI document registered under an id that other documents' `$ref`s may name. */
export interface SpecDocument {
  id: string;
  document: Record<string, unknown>;
  strictness: Strictness;
  /** How error bodies (4xx, 5xx) are read, when not as strictly as successful ones. */
  errorStrictness?: Strictness;
}

/** The id an error-reading copy of a document is registered under. */
const errorsId = (id: string) => `${id}--errors`;

/** What the spec says about one response status of one operation. */
export interface DeclaredResponse {
  /** The media types the spec declares a body for (none for a redirect). */
  mediaTypes: string[];
  /** The response headers the spec declares. */
  headers: string[];
  /** Validates a JSON body; absent when the spec declares no JSON body. */
  validate?: (body: unknown) => string[];
}

type Operation = { responses?: Record<string, unknown> };
const isObject = (value: unknown): value is SchemaObject => typeof value === 'object' && value !== null && !Array.isArray(value);
const pointer = (...segments: string[]) => `#/${segments.map((s) => encodeURIComponent(s.replaceAll('~', '~0').replaceAll('/', '~1'))).join('/')}`;

/**
 * Validates responses against real OpenAPI documents (3.0 and 3.1) with Ajv's JSON Schema 2020-12
 * validator: each document's schemas are converted once and registered, so `$ref`s, within a document
 * or to another registered one, resolve as the spec writes them.
 */
export class ContractValidator {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  private readonly documents = new Map<string, SpecDocument>();
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(documents: SpecDocument[]) {
    addFormats(this.ajv);
    // Airflow 2's spec writes `format: datetime` for task instance times: the same ISO 8601 date-time.
    this.ajv.addFormat('datetime', this.ajv.formats['date-time'] as never);
    this.ajv.addFormat('uri-template', true);
    for (const spec of documents) {
      this.documents.set(spec.id, spec);
      this.ajv.addSchema(this.converted(spec, spec.strictness), spec.id);
      if (spec.errorStrictness) this.ajv.addSchema(this.converted(spec, spec.errorStrictness), errorsId(spec.id));
    }
  }

  /** The spec's operation for a path and method, or undefined when the spec has none. */
  operation(id: string, path: string, method: string): Operation | undefined {
    const paths = this.documents.get(id)?.document.paths as Record<string, Record<string, Operation>> | undefined;
    return paths?.[path]?.[method.toLowerCase()];
  }

  /** What the spec declares for a status of an operation (exact status, then `4XX`-style, then `default`), or undefined. */
  response(id: string, path: string, method: string, status: number): DeclaredResponse | undefined {
    const responses = this.operation(id, path, method)?.responses ?? {};
    const key = [String(status), `${String(status)[0]}XX`, 'default'].find((k) => k in responses);
    if (!key) return undefined;
    let location = ['paths', path, method.toLowerCase(), 'responses', key];
    let declared = responses[key] as SchemaObject;
    if (typeof declared.$ref === 'string') {
      const name = declared.$ref.replace('#/components/responses/', '');
      location = ['components', 'responses', name];
      declared = (this.documents.get(id)!.document.components as { responses: Record<string, SchemaObject> }).responses[name]!;
    }
    const content = isObject(declared.content) ? declared.content : {};
    const mediaTypes = Object.keys(content);
    const json = mediaTypes.find((type) => /json/.test(type) && isObject((content[type] as SchemaObject).schema));
    const headers = isObject(declared.headers) ? Object.keys(declared.headers) : [];
    if (!json) return { mediaTypes, headers };
    const registered = status >= 400 && this.documents.get(id)!.errorStrictness ? errorsId(id) : id;
    const ref = `${registered}${pointer(...location, 'content', json, 'schema')}`;
    return { mediaTypes, headers, validate: (body) => this.check(ref, body) };
  }

  /** Validates a body against a named component schema of a document (a service's error shape, for statuses an operation does not list). */
  component(id: string, name: string): (body: unknown) => string[] {
    const ref = `${id}${pointer('components', 'schemas', name)}`;
    return (body) => this.check(ref, body);
  }

  private check(ref: string, body: unknown): string[] {
    let validate = this.compiled.get(ref);
    if (!validate) {
      validate = this.ajv.compile({ $ref: ref });
      this.compiled.set(ref, validate);
    }
    if (validate(body)) return [];
    return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}${e.params && 'additionalProperty' in e.params ? `: ${String(e.params.additionalProperty)}` : ''}`);
  }

  /** The document with every schema it holds (components, response bodies) converted to JSON Schema. */
  private converted(spec: SpecDocument, strictness: Strictness): SchemaObject {
    const source = spec.document as { components?: { schemas?: Record<string, unknown>; responses?: Record<string, SchemaObject> }; paths?: Record<string, Record<string, Operation>> };
    const schemas = source.components?.schemas ?? {};
    const resolve = (ref: string) => (ref.startsWith('#/components/schemas/') ? (schemas[ref.slice('#/components/schemas/'.length)] as SchemaObject | undefined) : undefined);
    const convert = (schema: unknown) => toJsonSchema(schema, resolve, strictness);
    const bodies = (response: SchemaObject) =>
      isObject(response.content)
        ? { content: Object.fromEntries(Object.entries(response.content).map(([type, media]) => [type, { schema: convert((media as SchemaObject).schema) }])) }
        : {};
    const paths = Object.fromEntries(
      Object.entries(source.paths ?? {}).map(([path, item]) => [
        path,
        Object.fromEntries(
          Object.entries(item)
            .filter(([, op]) => isObject(op) && isObject(op.responses))
            .map(([method, op]) => [method, { responses: Object.fromEntries(Object.entries(op.responses!).map(([status, r]) => [status, bodies(r as SchemaObject)])) }]),
        ),
      ]),
    );
    return {
      components: {
        schemas: Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, convert(schema)])),
        responses: Object.fromEntries(Object.entries(source.components?.responses ?? {}).map(([name, r]) => [name, bodies(r)])),
      },
      paths,
    };
  }
}
