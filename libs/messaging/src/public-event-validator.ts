import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { PUBLIC_EVENTS } from './public-events';

/** Validates public event bodies against their JSON Schemas: for tests, and for partners' systems to reuse. */
export class PublicEventValidator {
  private readonly validators = new Map<string, ValidateFunction>();

  constructor() {
    const ajv = new Ajv({ allErrors: true, strict: true });
    addFormats(ajv);
    for (const definition of PUBLIC_EVENTS) this.validators.set(definition.type, ajv.compile(definition.schema));
  }

  /** The schema errors of a body of this type, or [] when it conforms. An unknown type is an error too. */
  errors(type: string, body: unknown): string[] {
    const validate = this.validators.get(type);
    if (!validate) return [`no schema for event type ${type}`];
    if (validate(body)) return [];
    return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`);
  }
}
