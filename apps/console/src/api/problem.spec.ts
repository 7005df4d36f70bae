import { ApiProblem, NetworkProblem, problemFrom } from './problem';

describe('problemFrom', () => {
  it('reads the platform’s validation body: rule, message and fields', () => {
    const body = {
      statusCode: 400,
      error: 'Bad Request',
      rule: 'input.invalid',
      message: 'givenName should not be empty; dateOfBirth must be a valid ISO 8601 date string',
      fields: [
        { field: 'givenName', rules: ['givenName should not be empty'] },
        { field: 'dateOfBirth', rules: ['dateOfBirth must be a valid ISO 8601 date string'] },
      ],
    };
    const problem = problemFrom(400, body);
    expect(problem).toBeInstanceOf(ApiProblem);
    expect(problem).toBeInstanceOf(Error);
    expect(problem.name).toBe('ApiProblem');
    expect(problem.status).toBe(400);
    expect(problem.rule).toBe('input.invalid');
    expect(problem.message).toBe(body.message);
    expect(problem.fields).toEqual(body.fields);
    expect(problem.body).toBe(body);
  });

  it('reads a rule violation without fields', () => {
    const problem = problemFrom(409, { statusCode: 409, error: 'Conflict', rule: 'referral.transition-not-allowed', message: 'a completed referral cannot become accepted', from: 'completed', to: 'accepted' });
    expect(problem.rule).toBe('referral.transition-not-allowed');
    expect(problem.message).toBe('a completed referral cannot become accepted');
    expect(problem.fields).toEqual([]);
    expect(problem.body.from).toBe('completed');
  });

  it('joins the message array of Nest’s default body, and has no rule', () => {
    const problem = problemFrom(400, { statusCode: 400, message: ['name must be a string', 'age must be a number'], error: 'Bad Request' });
    expect(problem.rule).toBeUndefined();
    expect(problem.message).toBe('name must be a string; age must be a number');
  });

  it('falls back to the error name, then to the status, for the message', () => {
    expect(problemFrom(404, { statusCode: 404, error: 'Not Found' }).message).toBe('Not Found');
    expect(problemFrom(502, undefined).message).toBe('request failed (502)');
    expect(problemFrom(500, 'Internal Server Error').message).toBe('request failed (500)');
    expect(problemFrom(500, null).message).toBe('request failed (500)');
    expect(problemFrom(500, [1, 2]).message).toBe('request failed (500)');
  });

  it('ignores junk in the body instead of failing on it', () => {
    const problem = problemFrom(400, {
      rule: 42,
      message: { nested: true },
      fields: ['givenName', null, { field: 7 }, { field: 'email' }, { field: 'phone', rules: ['phone must be a phone number', 3, null] }],
    });
    expect(problem.rule).toBeUndefined();
    expect(problem.message).toBe('request failed (400)');
    expect(problem.fields).toEqual([
      { field: 'email', rules: [] },
      { field: 'phone', rules: ['phone must be a phone number'] },
    ]);
    expect(problemFrom(400, { fields: 'givenName' }).fields).toEqual([]);
  });
});

describe('ApiProblem', () => {
  it('isStale only for a 409 with the stale-version rule', () => {
    expect(problemFrom(409, { rule: 'concurrency.stale-version', message: 'stale' }).isStale).toBe(true);
    expect(problemFrom(409, { rule: 'idempotency.in-progress' }).isStale).toBe(false);
    expect(problemFrom(412, { rule: 'concurrency.stale-version' }).isStale).toBe(false);
    expect(problemFrom(409, {}).isStale).toBe(false);
  });

  it('forField finds a field, its nested fields and its array items, and nothing else', () => {
    const problem = new ApiProblem(400, 'input.invalid', 'bad', [
      { field: 'reason', rules: ['r'] },
      { field: 'reason.code', rules: ['c'] },
      { field: 'needs[0]', rules: ['n'] },
      { field: 'reasonable', rules: ['x'] },
      { field: 'needsMet', rules: ['y'] },
    ]);
    expect(problem.forField('reason').map((f) => f.field)).toEqual(['reason', 'reason.code']);
    expect(problem.forField('reason.code').map((f) => f.field)).toEqual(['reason.code']);
    expect(problem.forField('needs').map((f) => f.field)).toEqual(['needs[0]']);
    expect(problem.forField('email')).toEqual([]);
  });
});

describe('NetworkProblem', () => {
  it('keeps what went wrong and says it in words', () => {
    const cause = new TypeError('fetch failed');
    const problem = new NetworkProblem(cause);
    expect(problem).toBeInstanceOf(Error);
    expect(problem.name).toBe('NetworkProblem');
    expect(problem.cause).toBe(cause);
    expect(problem.message).toMatch(/could not be reached/);
  });
});
