import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { asyncApiDocument } from './asyncapi-document';
import { PUBLIC_EVENT_TYPES } from './public-events';

/** Follows a local `$ref` (`#/a/b`) in the document. */
function resolve(document: Record<string, unknown>, ref: string): unknown {
  expect(ref.startsWith('#/')).toBe(true);
  return ref
    .slice(2)
    .split('/')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')], document);
}

describe('the AsyncAPI document', () => {
  const document = asyncApiDocument();
  type Refs = Record<string, { $ref: string }>;
  const channels = document.channels as Record<string, { address: string; messages: Refs; parameters: Record<string, unknown> }>;

  it('conforms to the official AsyncAPI 3.0.0 JSON Schema (@asyncapi/specs)', () => {
    const spec = JSON.parse(readFileSync(require.resolve('@asyncapi/specs/schemas/3.0.0-without-$id.json'), 'utf8'));
    const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
    addFormats(ajv);
    const validate = ajv.compile(spec);
    expect(validate(document) ? [] : validate.errors).toEqual([]);
    // The check has teeth: a broken document fails it.
    expect(validate({ ...document, channels: { hub: { address: 42 } } })).toBe(false);
  });

  it('is AsyncAPI 3.0.0, and every channel message resolves to a message whose payload and headers schemas exist', () => {
    expect(document.asyncapi).toBe('3.0.0');
    expect(Object.keys(channels).sort()).toEqual(['hub', 'partner', 'partnerPeople']);
    for (const channel of Object.values(channels)) {
      for (const name of channel.address.match(/\{(\w+)\}/g)!.map((p) => p.slice(1, -1))) expect(channel.parameters[name]).toBeDefined();
      for (const ref of Object.values(channel.messages)) {
        const message = resolve(document, ref.$ref) as { payload: { $ref: string }; headers: { $ref: string } };
        expect(message).toBeDefined();
        expect(resolve(document, message.payload.$ref)).toEqual(expect.objectContaining({ type: expect.anything() }));
        expect(resolve(document, message.headers.$ref)).toEqual(expect.objectContaining({ type: 'object' }));
      }
    }
    for (const operation of Object.values(document.operations as Record<string, { channel: { $ref: string }; messages: { $ref: string }[] }>)) {
      expect(resolve(document, operation.channel.$ref)).toBeDefined();
      for (const m of operation.messages) expect(resolve(document, m.$ref)).toBeDefined();
    }
  });

  it('describes every public event type on at least one channel', () => {
    const described = new Set(Object.values(channels).flatMap((c) => Object.keys(c.messages)));
    for (const type of PUBLIC_EVENT_TYPES) expect(described).toContain(type);
  });
});
