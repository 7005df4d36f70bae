import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { Problem } from './problem';

function flatten(errors: ValidationError[], parent = ''): { field: string; rules: string[] }[] {
  return errors.flatMap((e) => {
    const field = parent ? (/^\d+$/.test(e.property) ? `${parent}[${e.property}]` : `${parent}.${e.property}`) : e.property;
    const own = e.constraints ? [{ field, rules: Object.values(e.constraints) }] : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** Unknown fields are refused, not dropped: a typo must not silently lose what staff typed. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
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
