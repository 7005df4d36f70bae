import Ajv2020, { ErrorObject, ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The Open Referral JSON schemas from ../shared, loaded under the URLs they are published at, so their
 * relative `$ref`s ("phone.json") and the OpenAPI documents' absolute ones (".../schema/compiled/service.json")
 * resolve to the local copies. Nothing is fetched.
 */
const SHARED = join(__dirname, '..', '..', '..', 'shared');

export type Profile = 'hsds' | 'oruk';

const PROFILES: Record<Profile, { dir: string; base: string }> = {
  hsds: { dir: join(SHARED, 'hsds-3.0', 'schema'), base: 'https://raw.githubusercontent.com/openreferral/specification/3.0/schema/' },
  oruk: { dir: join(SHARED, 'oruk', 'schema'), base: 'https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/' },
};

/** The envelope fields every paginated answer must have (the OpenAPI `Page` schema types them but requires none). */
const ENVELOPE = ['total_items', 'total_pages', 'page_number', 'size', 'first_page', 'last_page', 'empty', 'contents'];

/**
 * HSDS 3.1's service_capacity and unit, transcribed (3.0 and the UK profile have no capacity; ../shared
 * carries 3.0 only): what OneDoor's `service_capacity` extension follows.
 */
const SERVICE_CAPACITY_3_1 = {
  $id: 'urn:onedoor:test:hsds-3.1:service_capacity',
  type: 'object',
  properties: {
    id: { type: 'string', format: 'uuid' },
    service_id: { type: 'string', format: 'uuid' },
    unit_id: { type: 'string', format: 'uuid' },
    unit: {
      type: 'object',
      properties: { id: { type: 'string', format: 'uuid' }, name: { type: 'string' }, scheme: { type: 'string' }, identifier: { type: 'string' }, uri: { type: 'string', format: 'uri' } },
      required: ['id', 'name'],
    },
    available: { type: 'number' },
    maximum: { type: 'number' },
    description: { type: 'string' },
    updated: { type: 'string', format: 'date-time' },
  },
  required: ['id', 'unit', 'available', 'updated'],
};

type Json = Record<string, unknown>;
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Json;

export class OpenReferralSchemas {
  private readonly ajv = new Ajv2020({ strict: true, strictTypes: false, strictRequired: false, allErrors: true });
  private readonly openApi: Record<Profile, Json>;

  constructor() {
    addFormats(this.ajv);
    // The schemas carry Frictionless Data Package annotations; they describe, they do not validate.
    this.ajv.addVocabulary(['name', 'path', 'datapackage_metadata', 'datapackage_type', 'constraints', 'core', 'example']);
    // Fields required in the tabular (CSV) form, e.g. a service's organization_id: we hold the API to them too.
    this.ajv.addKeyword({ keyword: 'tabular_required', type: 'object', schemaType: 'array', macro: (fields: string[]) => ({ required: fields }) });
    for (const { dir, base } of Object.values(PROFILES)) {
      if (!existsSync(dir)) throw new Error(`the Open Referral schemas are read from ${dir}: clone OneDoor beside the project's shared/ folder (as CI does), so ../shared/hsds-3.0 and ../shared/oruk exist`);
      for (const folder of ['', 'compiled']) {
        for (const file of readdirSync(join(dir, folder)).filter((f) => f.endsWith('.json') && f !== 'openapi.json')) {
          const schema = readJson(join(dir, folder, file));
          if ('type' in schema || 'properties' in schema) this.ajv.addSchema({ ...schema, $id: `${base}${folder ? `${folder}/` : ''}${file}` });
        }
      }
    }
    this.ajv.addSchema(SERVICE_CAPACITY_3_1);
    this.openApi = { hsds: readJson(join(PROFILES.hsds.dir, 'openapi.json')), oruk: readJson(join(PROFILES.oruk.dir, 'openapi.json')) };
  }

  /** A schema file of a profile, e.g. ('oruk', 'compiled/service.json'). */
  schema(profile: Profile, file: string): ValidateFunction {
    return this.ajv.getSchema(`${PROFILES[profile].base}${file}`) ?? fail(`no schema ${file} in ${profile}`);
  }

  /** The schema of the 200 answer to GET `path` in the profile's OpenAPI document, or undefined where it has no such path. */
  response(profile: Profile, path: string): ValidateFunction | undefined {
    const operation = (this.openApi[profile].paths as Record<string, { get?: Json }>)[path]?.get;
    if (!operation) return undefined;
    const schema = (operation.responses as Json)['200'] as { content: { 'application/json': { schema: Json } } };
    return this.ajv.compile(this.inlineLocalRefs(profile, schema.content['application/json'].schema));
  }

  /** A paginated answer: the profile's `Page` envelope, every envelope field present, and each item valid against `itemFile`. */
  page(profile: Profile, itemFile: string): ValidateFunction {
    const page = (this.openApi[profile].components as { schemas: Record<string, Json> }).schemas.Page;
    return this.ajv.compile({
      allOf: [page],
      required: ENVELOPE,
      properties: { contents: { type: 'array', items: { $ref: `${PROFILES[profile].base}${itemFile}` } } },
    });
  }

  serviceCapacity(): ValidateFunction {
    return this.ajv.getSchema(SERVICE_CAPACITY_3_1.$id)!;
  }

  /** `#/components/...` refs point into the OpenAPI document, not a schema: put what they point at in their place. */
  private inlineLocalRefs(profile: Profile, node: unknown): Json {
    if (Array.isArray(node)) return node.map((n) => this.inlineLocalRefs(profile, n)) as unknown as Json;
    if (node === null || typeof node !== 'object') return node as Json;
    const ref = (node as Json).$ref;
    if (typeof ref === 'string' && ref.startsWith('#/')) {
      const target = ref.slice(2).split('/').reduce<unknown>((at, key) => (at as Json)[key], this.openApi[profile]);
      return this.inlineLocalRefs(profile, target);
    }
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, this.inlineLocalRefs(profile, value)]));
  }
}

/** Readable failures: where in the body, and what the schema wanted. */
export function schemaErrors(validate: ValidateFunction, body: unknown): string[] {
  if (validate(body)) return [];
  return (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath || '(root)'} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`);
}

function fail(message: string): never {
  throw new Error(message);
}
