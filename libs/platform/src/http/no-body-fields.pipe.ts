import { BadRequestException, PipeTransform } from '@nestjs/common';

/** For actions that take no body (accept, start, resume…): a field sent anyway is refused, as on every other route. */
export class NoBodyFieldsPipe implements PipeTransform {
  transform(body: unknown): undefined {
    if (body === undefined || body === null || (typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0)) return undefined;
    const fields = typeof body === 'object' && !Array.isArray(body) ? Object.keys(body) : ['(body)'];
    throw new BadRequestException({
      statusCode: 400, error: 'Bad Request', rule: 'input.invalid', message: 'this action takes no body',
      fields: fields.map((field) => ({ field, rules: [`property ${field} should not exist`] })),
    });
  }
}
