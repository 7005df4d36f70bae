import { ArgumentMetadata, BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { Problem } from './problem';

function flatten(errors: ValidationError[], parent = ''): { field: string; rules: string[] }[] {
  return errors.flatMap((e) => {
    const field = parent ? (/^\d+$/.test(e.property) ? `${parent}[${e.property}]` : `${parent}.${e.property}`) : e.property;
    const own = e.constraints ? [{ field, rules: Object.values(e.constraints) }] : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

const bodyNotAnObject = () => {
  const problem: Problem = { statusCode: 400, error: 'Bad Request', rule: 'input.invalid', message: 'the body must be a JSON object, e.g. {}', fields: [{ field: '(body)', rules: ['the body must be a JSON object, e.g. {}'] }] };
  return new BadRequestException(problem);
};
const PRIMITIVES = new Set<unknown>([String, Boolean, Number, Array, Object, Buffer]);
const isDtoClass = (metatype: unknown) => typeof metatype === 'function' && !PRIMITIVES.has(metatype);

type PlainCheck = (body: unknown) => boolean;
const plainChecks = new WeakMap<object, PlainCheck>();

/**
 * Marks a flat body DTO (no nested classes, no transforms) with a quick check of the common, plainly valid
 * shape of its body. The check may only ever say "valid" for a body its class-validator rules accept (its
 * spec compares the two); anything else it answers false, and the full rules then judge the body and word
 * the 400. A hot endpoint's valid requests then skip class-validator's per-request metadata walk.
 */
export function PlainlyValid(check: PlainCheck): ClassDecorator {
  return (target) => void plainChecks.set(target, check);
}

/**
 * Nest's pipe looks up a DTO class's validation metadata afresh on every request while checking for binary
 * values in nested objects (any body with an array or object field); the decorators have all run by the
 * first request, so one lookup per class for the life of the pipe gives the same answer.
 */
class OnedoorValidationPipe extends ValidationPipe {
  private readonly metadataByClass = new Map<unknown, any[]>();

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const metatype = metadata.metatype;
    if (metadata.type === 'body' && metatype && isDtoClass(metatype)) {
      // A body that says nothing must not act: null or a bare value is refused, and so is no body at all once
      // the rules found nothing missing (a route whose fields are all optional, such as leave or withdraw).
      if (value !== undefined && (typeof value !== 'object' || value === null)) throw bodyNotAnObject();
      if (value === undefined) {
        await super.transform(value, metadata);
        throw bodyNotAnObject();
      }
    }
    const check = metadata.type === 'body' && metatype ? plainChecks.get(metatype) : undefined;
    // The same instance the full path returns (transform: true), without running the rules again.
    if (check?.(value)) return plainToInstance(metatype!, value, { enableImplicitConversion: false });
    return super.transform(value, metadata);
  }

  protected override findNestedBinaryValues(object: any, metadataCache: Map<unknown, any[]> = this.metadataByClass): ValidationError[] {
    return super.findNestedBinaryValues(object, metadataCache);
  }
}

/** Unknown fields are refused, not dropped: a typo must not silently lose what staff typed. */
export function createValidationPipe(): ValidationPipe {
  return new OnedoorValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      const problem: Problem = { statusCode: 400, error: 'Bad Request', rule: 'input.invalid', message: fields.map((f) => f.rules.join('; ')).join('; '), fields };
      return new BadRequestException(problem);
    },
  });
}
