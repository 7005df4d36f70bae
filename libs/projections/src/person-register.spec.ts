import { CONSENT_EXPIRY_ACTOR, consentCovers } from '@onedoor/domain';
import { ERASED } from '@onedoor/personal-data';
import { PersonRegister } from './person-register';
import { ProjectionRunner } from './projection-runner';
import { Scenario, amira, front, hub, seedConsortium, zoe } from './testing/scenario';

const at = '2026-04-01T09:00:00.000Z';
const later = '2026-04-10T09:00:00.000Z';

async function seeded(): Promise<Scenario> {
  const s = new Scenario();
  await seedConsortium(s);
  await s.register('p-amira', amira, front, at);
  await s.register('p-zoe', zoe, front, at);
  return s;
}

describe('person register', () => {
  it('keeps details sealed and opens them per query', async () => {
    const s = await seeded();
    const [register] = await s.project(new PersonRegister(s.vault));
    const record = register.person('p-amira')!;
    expect(JSON.stringify(record)).not.toContain('Amira');
    expect(record).toMatchObject({ personId: 'p-amira', registeredBy: 'front', registeredAt: at, detailsUpdatedAt: at, version: 2 });
    expect(register.details('p-amira')).toEqual(amira);
    expect(register.details('nobody')).toBeUndefined();
    expect(register.person('nobody')).toBeUndefined();
  });

  it('shows the latest corrected details', async () => {
    const s = await seeded();
    const corrected = { ...amira, phone: '07700 900999' };
    await s.person('p-amira', { type: 'CorrectPersonDetails', personal: await s.vault.seal('p-amira', corrected), actorMaySee: true, actor: front, at: later });
    const [register] = await s.project(new PersonRegister(s.vault));
    expect(register.details('p-amira')).toEqual(corrected);
    expect(register.person('p-amira')).toMatchObject({ detailsUpdatedAt: later, version: 3 });
  });

  it('records consents in the domain shape, withdrawn ones with their date', async () => {
    const s = await seeded();
    await s.person('p-amira', { type: 'GiveConsent', consentId: 'c-jobs', scope: { kind: 'partners', partnerIds: ['jobs'] }, purposes: ['referral'], memberPartnerIds: ['jobs'], actor: front, at });
    await s.person('p-amira', { type: 'WithdrawConsent', consentId: 'consent-p-amira', actor: front, at: later });
    const [register] = await s.project(new PersonRegister(s.vault));
    const consents = register.consents('p-amira');
    expect(consents).toEqual([
      { consentId: 'consent-p-amira', scope: { kind: 'consortium' }, purposes: ['referral', 'case-management'], givenAt: at, recordedBy: 'front', withdrawnAt: later },
      { consentId: 'c-jobs', scope: { kind: 'partners', partnerIds: ['jobs'] }, purposes: ['referral'], givenAt: at, recordedBy: 'front' },
    ]);
    expect(consentCovers(consents, 'jobs', later)).toBe(true);
    expect(consentCovers(consents, 'debt', later)).toBe(false);
    expect(register.person('p-amira')!.history.map((h) => h.kind)).toEqual(['registered', 'consent-given', 'consent-given', 'consent-withdrawn']);
    expect(register.consents('nobody')).toEqual([]);
  });

  it('lists consents still to lapse, soonest first, until their expiry is recorded, withdrawn or the person erased', async () => {
    const s = await seeded();
    const give = (personId: string, consentId: string, expiresAt: string) =>
      s.person(personId, { type: 'GiveConsent', consentId, scope: { kind: 'partners', partnerIds: ['jobs'] }, purposes: ['referral'], expiresAt, memberPartnerIds: ['jobs'], actor: front, at });
    await give('p-amira', 'c-late', '2026-06-01T00:00:00.000Z');
    await give('p-amira', 'c-soon', '2026-05-01T00:00:00.000Z');
    await give('p-zoe', 'c-zoe', '2026-05-15T00:00:00.000Z');
    await give('p-zoe', 'c-gone', '2026-05-02T00:00:00.000Z');
    await s.person('p-zoe', { type: 'WithdrawConsent', consentId: 'c-gone', actor: front, at: later });
    const [before] = await s.project(new PersonRegister(s.vault));
    expect(before.pendingExpiries().map((p) => p.consentId)).toEqual(['c-soon', 'c-zoe', 'c-late']);
    expect(before.pendingExpiries('2026-05-15T00:00:00.000Z')).toEqual([
      { personId: 'p-amira', consentId: 'c-soon', expiresAt: '2026-05-01T00:00:00.000Z' },
      { personId: 'p-zoe', consentId: 'c-zoe', expiresAt: '2026-05-15T00:00:00.000Z' },
    ]);

    await s.person('p-amira', { type: 'RecordConsentExpiry', consentId: 'c-soon', actor: CONSENT_EXPIRY_ACTOR, at: '2026-05-01T00:00:02.000Z' });
    await s.person('p-zoe', { type: 'ErasePerson', actor: front, at: '2026-05-03T00:00:00.000Z' });
    const [after] = await s.project(new PersonRegister(s.vault));
    expect(after.pendingExpiries().map((p) => p.consentId)).toEqual(['c-late']);
    expect(after.consents('p-amira').find((c) => c.consentId === 'c-soon')).toMatchObject({ expiredAt: '2026-05-01T00:00:00.000Z' });
    expect(after.person('p-amira')!.history.at(-1)).toMatchObject({ kind: 'consent-expired', at: '2026-05-01T00:00:00.000Z', partnerId: 'front', consentId: 'c-soon', summary: 'Consent c-soon expired' });
    after.reset();
    expect(after.pendingExpiries()).toEqual([]);
  });

  it('finds possible duplicates ignoring case, accents and spacing, but on the exact date of birth', async () => {
    const s = await seeded();
    const [register] = await s.project(new PersonRegister(s.vault));
    expect(register.possibleDuplicates('  AMIRA ', 'khan', '1990-05-04')).toEqual(['p-amira']);
    expect(register.possibleDuplicates('zoe', "o'brien", '1985-11-30')).toEqual(['p-zoe']);
    expect(register.possibleDuplicates('Zoë', "O'Brien", '1985-11-29')).toEqual([]);
    expect(register.possibleDuplicates('Amira', 'Khan-Smith', '1990-05-04')).toEqual([]);
  });

  it('finds every match, and follows a corrected name', async () => {
    const s = await seeded();
    await s.register('p-amira-2', { ...amira, givenName: 'amira' }, front, at, ['p-amira']);
    await s.person('p-zoe', { type: 'CorrectPersonDetails', personal: await s.vault.seal('p-zoe', { ...zoe, familyName: 'Byrne' }), actorMaySee: true, actor: front, at: later });
    const [register] = await s.project(new PersonRegister(s.vault));
    expect(register.possibleDuplicates('Amira', 'Khan', '1990-05-04')).toEqual(['p-amira', 'p-amira-2']);
    expect(register.possibleDuplicates('Zoe', "O'Brien", '1985-11-30')).toEqual([]);
    expect(register.possibleDuplicates('Zoe', 'Byrne', '1985-11-30')).toEqual(['p-zoe']);
  });

  it('after erasure: details read as erased and the person is no duplicate, while dates and consents remain', async () => {
    const s = await seeded();
    const register = new PersonRegister(s.vault);
    const runner = new ProjectionRunner(s.store, [register]);
    runner.start();
    await runner.waitFor(await s.store.headPosition());
    expect(register.possibleDuplicates('Amira', 'Khan', '1990-05-04')).toEqual(['p-amira']);
    const found = () => register.search('amira', { limit: 5, mayShow: () => true }).hits.map((h) => h.personId);
    expect(found()).toEqual(['p-amira']);

    // The key goes first, the event follows: the read model shows erased from the first moment.
    await s.vault.shred('p-amira');
    expect(register.details('p-amira')).toBe(ERASED);
    expect(register.possibleDuplicates('Amira', 'Khan', '1990-05-04')).toEqual([]);
    expect(found()).toEqual([]);
    const { position } = await s.person('p-amira', { type: 'ErasePerson', actor: hub, at: later });
    await runner.waitFor(position);
    await runner.stop();

    expect(register.details('p-amira')).toBe(ERASED);
    expect(register.person('p-amira')).toMatchObject({ registeredAt: at, registeredBy: 'front', erasedAt: later });
    expect(register.consents('p-amira')).toHaveLength(1);
    expect(register.details('p-zoe')).toEqual(zoe);
    expect(register.erasedPersonIds()).toEqual(['p-amira']);

    // A rebuild after erasure cannot open the details, and does not index them.
    const [rebuilt] = await s.project(new PersonRegister(s.vault));
    expect(rebuilt.possibleDuplicates('Amira', 'Khan', '1990-05-04')).toEqual([]);
    expect(rebuilt.search('amira', { limit: 5, mayShow: () => true }).hits).toEqual([]);
    expect(rebuilt.search('zoe', { limit: 5, mayShow: () => true }).hits.map((h) => h.personId)).toEqual(['p-zoe']);
    expect(rebuilt.details('p-amira')).toBe(ERASED);
    expect(rebuilt.person('p-amira')!.history.map((h) => h.kind)).toEqual(['registered', 'consent-given', 'erased']);
  });
});
