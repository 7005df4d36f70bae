import { BadRequestException } from '@nestjs/common';
import type { Problem } from './problem';

/** A 400 naming the query parameter and its rule, shaped like the validation pipe's, for rules only the read model can check. */
export function badParameter(field: string, rule: string, problemRule = 'input.invalid'): BadRequestException {
  const problem: Problem = { statusCode: 400, error: 'Bad Request', rule: problemRule, message: rule, fields: [{ field, rules: [rule] }] };
  return new BadRequestException(problem);
}
