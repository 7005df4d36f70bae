import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { RuleViolation, RuleViolationKind } from '@onedoor/domain';
import { DuplicateEventIdError, WrongExpectedVersionError } from '@onedoor/event-store';
import type { FastifyReply } from 'fastify';
import { STATUS_CODES } from 'node:http';
import { Problem } from './problem';

const phrase = (status: number) => STATUS_CODES[status] ?? 'Error';

const STATUS_OF: Record<RuleViolationKind, number> = { conflict: 409, unprocessable: 422, forbidden: 403, 'not-found': 404 };

/** Turns every failure into a Problem: domain rules, version conflicts, HTTP exceptions and (logged) crashes. */
@Catch()
export class DomainErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const problem = this.toProblem(error);
    void reply.status(problem.statusCode).header('content-type', 'application/json; charset=utf-8').send(problem);
  }

  toProblem(error: unknown): Problem {
    if (error instanceof RuleViolation) {
      const statusCode = STATUS_OF[error.kind];
      // A 403 tells nothing about the resource beyond the refusal.
      if (statusCode === 403) return { statusCode, error: 'Forbidden', rule: error.rule, message: error.message };
      return { statusCode, error: phrase(statusCode), rule: error.rule, message: error.message, ...(Object.keys(error.details).length ? { details: error.details } : {}) };
    }
    if (error instanceof WrongExpectedVersionError) {
      return { statusCode: 409, error: 'Conflict', rule: 'concurrency.stale-version', message: `it was changed meanwhile: now at version ${error.actual}, you sent ${error.expected}; reload and try again`, details: { currentVersion: error.actual } };
    }
    if (error instanceof DuplicateEventIdError) {
      return { statusCode: 409, error: 'Conflict', rule: 'concurrency.duplicate-event', message: error.message };
    }
    if (error instanceof HttpException) {
      const body = error.getResponse();
      const statusCode = error.getStatus();
      if (typeof body === 'object' && body !== null && 'statusCode' in body && 'message' in body && typeof (body as Problem).message === 'string') {
        return { ...(body as Problem), statusCode };
      }
      const message = typeof body === 'string' ? body : Array.isArray((body as { message?: unknown }).message) ? ((body as { message: string[] }).message).join('; ') : String((body as { message?: unknown }).message ?? error.message);
      return { statusCode, error: phrase(statusCode), ...(statusCode === 400 ? { rule: 'input.invalid' } : {}), message };
    }
    this.logger.error({ message: 'unhandled error', error: error instanceof Error ? `${error.name}: ${error.message}` : String(error), stack: error instanceof Error ? error.stack : undefined });
    return { statusCode: 500, error: 'Internal Server Error', message: 'something went wrong; it has been logged' };
  }
}
