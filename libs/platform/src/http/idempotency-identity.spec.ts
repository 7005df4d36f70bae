import { identifyIdempotentRequest } from './idempotency-identity';

const base = { authorization: 'Bearer token-of-hub-staff', key: 'sam-jones-job-club', method: 'POST', url: '/referrals', body: { personId: 'p-1', summary: 'Sam Jones lost his job' } };

describe('the identity of an idempotent request', () => {
  it('is the same for the same request, so a retry finds its first attempt', () => {
    expect(identifyIdempotentRequest({ ...base, body: { ...base.body } })).toEqual(identifyIdempotentRequest(base));
  });

  it('is scoped to the credentials: another caller with the same key is another request', () => {
    const other = identifyIdempotentRequest({ ...base, authorization: 'Bearer token-of-works-staff' });
    const mine = identifyIdempotentRequest(base);
    expect(other.scopeKey).not.toBe(mine.scopeKey);
    expect(other.idempotencyId).not.toBe(mine.idempotencyId);
  });

  it('tells a different request under the same key apart, in both stores', () => {
    const different = identifyIdempotentRequest({ ...base, body: { ...base.body, personId: 'p-2' } });
    const mine = identifyIdempotentRequest(base);
    expect(different.idempotencyId).toBe(mine.idempotencyId);
    expect(different.fingerprint).not.toBe(mine.fingerprint);
    expect(different.logFingerprint).not.toBe(mine.logFingerprint);
    expect(identifyIdempotentRequest({ ...base, url: '/referrals?x=1' }).logFingerprint).not.toBe(mine.logFingerprint);
  });

  it('puts neither the credentials, the key nor the plain request hash into what the event log keeps', () => {
    const { idempotencyId, logFingerprint, fingerprint } = identifyIdempotentRequest(base);
    for (const kept of [idempotencyId, logFingerprint]) {
      expect(kept).toMatch(/^[0-9a-f]{64}$/);
      expect(kept).not.toContain('token');
      expect(kept).not.toContain('sam-jones');
    }
    // Keyed with the credentials: without the caller's token a guessed body cannot be confirmed from the log.
    expect(logFingerprint).not.toBe(fingerprint);
  });
});
