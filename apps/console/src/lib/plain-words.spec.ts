import { ApiProblem, NetworkProblem, problemFrom } from '../api/problem';
import { fieldWords, plainWords } from './plain-words';

describe('plainWords', () => {
  it('puts a rule it knows in plain words, not the API’s wording', () => {
    const stale = new ApiProblem(409, 'concurrency.stale-version', 'version 3 is not the current version 4');
    expect(plainWords(stale)).toBe('Someone else changed this while you were looking at it. The latest version is shown; check it and try again.');
    expect(plainWords(new ApiProblem(409, 'referral.service-waitlist-closed', 'the waitlist is closed'))).toBe('This service is full and its waiting list is closed. Choose another service.');
  });

  it('prefers the plain words of a known rule even when fields are named', () => {
    const problem = new ApiProblem(400, 'referral.reason-required', 'a reason is required', [{ field: 'reason', rules: ['reason should not be empty'] }]);
    expect(plainWords(problem)).toBe('Give a reason.');
  });

  it('points at the highlighted fields for bad input with fields', () => {
    const problem = problemFrom(400, { statusCode: 400, rule: 'input.invalid', message: 'givenName should not be empty', fields: [{ field: 'givenName', rules: ['givenName should not be empty'] }] });
    expect(plainWords(problem)).toBe('Some answers need correcting: see the highlighted fields.');
  });

  it('does not point at fields a 400 does not name', () => {
    expect(plainWords(new ApiProblem(400, 'input.invalid', 'the body must be JSON'))).toBe('The body must be JSON.');
  });

  it('says nothing was saved when the server failed', () => {
    const saved = 'OneDoor could not do that just now. Nothing was saved; try again in a moment.';
    expect(plainWords(new ApiProblem(500, undefined, 'Internal server error'))).toBe(saved);
    expect(plainWords(new ApiProblem(503, 'store.unavailable', 'the event store is unavailable'))).toBe(saved);
  });

  it('falls back to the API’s own message, as a sentence, for a rule it does not know', () => {
    expect(plainWords(new ApiProblem(409, 'referral.brand-new-rule', 'a referral cannot be moved twice in one minute'))).toBe('A referral cannot be moved twice in one minute.');
    expect(plainWords(new ApiProblem(403, 'x.y', '  already a sentence!  '))).toBe('Already a sentence!');
    expect(plainWords(new ApiProblem(404, undefined, 'Is it there?'))).toBe('Is it there?');
  });

  it('says the connection failed for a NetworkProblem', () => {
    expect(plainWords(new NetworkProblem(new TypeError('fetch failed')))).toBe('OneDoor could not be reached. Check the connection and try again.');
  });

  it('has a sentence even for an error that is not the API’s', () => {
    expect(plainWords(new TypeError('x is undefined'))).toBe('Something went wrong in the console. Reload the page and try again.');
    expect(plainWords(undefined)).toBe('Something went wrong in the console. Reload the page and try again.');
  });
});

describe('fieldWords', () => {
  const problem = problemFrom(400, {
    rule: 'input.invalid',
    message: '…',
    fields: [
      { field: 'reason.code', rules: ['code must be one of the following values: no-capacity, other'] },
      { field: 'reason.text', rules: ['text must be shorter than or equal to 500 characters'] },
      { field: 'email', rules: ['email must be an email', 'email must be shorter than or equal to 200 characters'] },
      { field: 'reasonable', rules: ['reasonable should not exist'] },
    ],
  });

  it('is nothing for a field with no problem, or for an error that is not the API’s', () => {
    expect(fieldWords(problem, 'givenName')).toBeUndefined();
    expect(fieldWords(new Error('boom'), 'email')).toBeUndefined();
    expect(fieldWords(new NetworkProblem(undefined), 'email')).toBeUndefined();
  });

  it('counts nested fields for their parent, in plain words', () => {
    expect(fieldWords(problem, 'reason')).toBe('Choose a reason. Say why, in a few words.');
    expect(fieldWords(problem, 'reason.code')).toBe('Choose a reason.');
  });

  it('does not count a field whose name merely starts the same', () => {
    expect(fieldWords(problem, 'reasonable')).toBe('Reasonable should not exist.');
    expect(fieldWords(problemFrom(400, { fields: [{ field: 'reasonable', rules: ['x'] }] }), 'reason')).toBeUndefined();
  });

  it('uses the API’s rules as sentences for a field without plain words', () => {
    expect(fieldWords(problem, 'email')).toBe('Email must be an email. Email must be shorter than or equal to 200 characters.');
  });

  it('says the same thing once when several problems mean it', () => {
    const twice = problemFrom(400, { fields: [{ field: 'reason.code', rules: ['a'] }, { field: 'reason.code', rules: ['b'] }] });
    expect(fieldWords(twice, 'reason')).toBe('Choose a reason.');
  });
});
