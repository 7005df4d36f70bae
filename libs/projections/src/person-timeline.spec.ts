import { CONSENT_EXPIRY_ACTOR } from '@onedoor/domain';
import { ERASED } from '@onedoor/personal-data';
import { PersonRegister } from './person-register';
import { personTimeline } from './person-timeline';
import { ReferralBook } from './referral-book';
import { Scenario, amira, front, jobs, seedConsortium, target } from './testing/scenario';

const day = (d: number) => `2026-04-${String(d).padStart(2, '0')}T09:00:00.000Z`;

async function seeded(): Promise<Scenario> {
  const s = new Scenario();
  await seedConsortium(s);
  await s.register('p-amira', amira, front, '2026-03-15T09:00:00.000Z');
  await s.referral('r1', {
    type: 'CreateReferral', referralId: 'r1', personId: 'p-amira', person: await s.facts('p-amira'), needs: ['employment'], urgency: 'routine',
    summary: await s.vault.seal('p-amira', 'Wants to get back into catering'), routing: { target: target('jobs', 'svc-jobs') }, actor: front, at: day(1),
  });
  // Recorded after the consent withdrawal below, but the referral was accepted before it.
  await s.referral('r1', { type: 'AcceptReferral', person: await s.facts('p-amira'), actor: jobs, at: day(2) });
  await s.referral('r1', { type: 'RecordInteraction', interactionId: 'i1', kind: 'assessment', occurredOn: '2026-04-04', notes: await s.vault.seal('p-amira', 'Has food hygiene level 2'), actor: jobs, at: day(4) });
  await s.person('p-amira', { type: 'WithdrawConsent', consentId: 'consent-p-amira', actor: front, at: day(3) });
  return s;
}

describe('person timeline', () => {
  it('merges registration, consents, referral events and support in time order, with notes opened', async () => {
    const s = await seeded();
    const [register, book] = await s.project(new PersonRegister(s.vault), new ReferralBook(s.vault));
    const timeline = personTimeline('p-amira', register, book, s.vault);
    expect(timeline.map(({ kind, summary, partnerId, referralId }) => ({ kind, summary, partnerId, referralId }))).toEqual([
      { kind: 'registered', summary: 'Registered by partner front', partnerId: 'front', referralId: undefined },
      { kind: 'consent-given', summary: 'Consent given to the whole consortium for referral, case-management', partnerId: 'front', referralId: undefined },
      { kind: 'referral', summary: 'Created by partner front for employment (routine)', partnerId: 'front', referralId: 'r1' },
      { kind: 'referral', summary: `Routed to partner jobs service svc-jobs, respond by ${day(6)}`, partnerId: 'front', referralId: 'r1' },
      { kind: 'referral', summary: 'Accepted by partner jobs', partnerId: 'jobs', referralId: 'r1' },
      { kind: 'consent-withdrawn', summary: 'Consent withdrawn', partnerId: 'front', referralId: undefined },
      { kind: 'referral', summary: 'Work started', partnerId: 'jobs', referralId: 'r1' },
      { kind: 'interaction', summary: 'Support recorded: assessment on 2026-04-04', partnerId: 'jobs', referralId: 'r1' },
    ]);
    expect(timeline[2].notes).toBe('Wants to get back into catering');
    expect(timeline[7].notes).toBe('Has food hygiene level 2');
    expect(timeline.filter((e) => e.notes !== undefined)).toHaveLength(2);
    expect(personTimeline('nobody', register, book, s.vault)).toEqual([]);
  });

  it('shows a recorded consent expiry at the consent\'s own expiry', async () => {
    const s = await seeded();
    await s.person('p-amira', { type: 'GiveConsent', consentId: 'c-short', scope: { kind: 'partners', partnerIds: ['jobs'] }, purposes: ['referral'], expiresAt: day(8), memberPartnerIds: ['jobs'], actor: front, at: day(5) });
    await s.person('p-amira', { type: 'RecordConsentExpiry', consentId: 'c-short', actor: CONSENT_EXPIRY_ACTOR, at: day(9) });
    const [register, book] = await s.project(new PersonRegister(s.vault), new ReferralBook(s.vault));
    expect(personTimeline('p-amira', register, book, s.vault).slice(-2).map(({ kind, at, summary }) => ({ kind, at, summary }))).toEqual([
      { kind: 'consent-given', at: day(5), summary: `Consent given to partner jobs for referral until ${day(8)}` },
      { kind: 'consent-expired', at: day(8), summary: 'Consent c-short expired' },
    ]);
  });

  it('after erasure keeps every entry but the notes read as erased', async () => {
    const s = await seeded();
    await s.vault.shred('p-amira');
    await s.person('p-amira', { type: 'ErasePerson', actor: front, at: day(5) });
    const [register, book] = await s.project(new PersonRegister(s.vault), new ReferralBook(s.vault));
    const timeline = personTimeline('p-amira', register, book, s.vault);
    expect(timeline).toHaveLength(9);
    expect(timeline.at(-1)).toMatchObject({ kind: 'erased', at: day(5), partnerId: 'front' });
    expect(timeline.filter((e) => e.notes !== undefined).map((e) => e.notes)).toEqual([ERASED, ERASED]);
    expect(JSON.stringify(timeline)).not.toMatch(/catering|hygiene|Amira/);
  });
});
