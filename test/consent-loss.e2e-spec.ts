import { ConsentExpiryProcess } from '../apps/referrals/src/people/consent-expiry.process';
import { ConsentLossProcess } from '../apps/referrals/src/people/consent-loss.process';
import { OnedoorTestApp, startTestApp } from './support/onedoor-test-app';
import { shortType, wholeFeed } from './support/partner-streams';
import { expectRefused } from './support/refusals';

/**
 * A live referral needs consent covering its receiving partner (issue 13, item 2). youth-forward registers a
 * person with consent for calder-works and, separately, for fair-money, and refers them to both. When the
 * calder-works consent is withdrawn (or expires), the consent-loss process puts the accepted referral there on
 * hold and cancels the one calder-works had not accepted yet, with reason consent-ended; the fair-money
 * referral, still covered, is untouched. Resume is refused until consent is given again.
 */
describe('live referrals when consent ends', () => {
  let t: OnedoorTestApp;
  const A = 'youth-forward';
  const B = 'calder-works';
  const C = 'fair-money';
  const HOUR = 3_600_000;
  const consentEnded = { code: 'consent-ended', text: `the person's consent no longer covers partner ${B}` };

  async function person(givenName: string, consents: { consentId: string; partnerIds: string[]; expiresAt?: string }[]): Promise<string> {
    const res = await t.http().post('/people').set('authorization', t.auth(A))
      .send({ givenName, familyName: 'Losstester', dateOfBirth: '1991-03-03', phone: '07700 900666', confirmedNotDuplicate: true }).expect(201);
    for (const c of consents) {
      await t.http().post(`/people/${res.body.personId}/consents`).set('authorization', t.auth(A)).send({ scope: 'partners', purposes: ['referral', 'case-management'], ...c }).expect(201);
    }
    return res.body.personId;
  }
  async function refer(personId: string, serviceId: string, acceptedBy?: string): Promise<string> {
    const res = await t.http().post('/referrals').set('authorization', t.auth(A)).send({ personId, needs: ['employment'], serviceId, summary: 'Wants to drive a forklift' }).expect(201);
    if (acceptedBy) await t.http().post(`/referrals/${res.body.referralId}/accept`).set('authorization', t.auth(acceptedBy)).expect(200);
    return res.body.referralId;
  }
  const referral = async (id: string) => (await t.http().get(`/referrals/${id}`).set('authorization', t.auth(A)).expect(200)).body;
  /** The process reacts to the committed event; wait until it has. */
  async function settled(): Promise<void> {
    for (let i = 0; i < 20; i++) {
      await new Promise((r) => setTimeout(r, 25));
      await t.app.get(ConsentLossProcess).settled();
    }
  }

  beforeAll(async () => (t = await startTestApp({ seedDemo: true })));
  afterAll(() => t.close());

  describe('on withdrawal', () => {
    let personId: string;
    let accepted: string;
    let requested: string;
    let covered: string;
    let withdrawnAt: number;

    beforeAll(async () => {
      personId = await person('Nia', [{ consentId: 'c-nia-works', partnerIds: [B] }, { consentId: 'c-nia-money', partnerIds: [C] }]);
      accepted = await refer(personId, 'job-club', B);
      requested = await refer(personId, 'in-work-support');
      covered = await refer(personId, 'debt-advice', C);
      await t.http().post(`/people/${personId}/consents/c-nia-works/withdraw`).set('authorization', t.auth(A)).expect(200);
      withdrawnAt = (await t.store.readAll(0, 1_000_000)).find((e) => e.type === 'ConsentWithdrawn' && e.data.personId === personId)!.position;
      await settled();
    });

    it('puts the accepted referral to the uncovered partner on hold, and cancels the requested one, with the reason', async () => {
      expect(await referral(accepted)).toMatchObject({ status: 'on-hold', lastReason: consentEnded });
      expect(await referral(requested)).toMatchObject({ status: 'cancelled', lastReason: consentEnded });
    });

    it('leaves the referral to a partner the remaining consent still covers alone', async () => {
      const res = await t.http().get(`/referrals/${covered}/history`).set('authorization', t.auth(A)).expect(200);
      expect(res.body.history.map((h: { type: string }) => h.type)).toEqual(['ReferralCreated', 'ReferralRouted', 'ReferralAccepted']);
      expect(await referral(covered)).toMatchObject({ status: 'accepted' });
    });

    it('writes one stop per referral, by the system for the referring partner, caused by the withdrawal', async () => {
      const after = (await t.store.readAll(withdrawnAt, 1_000_000)).filter((e) => [accepted, requested, covered].includes(e.data.referralId as string));
      expect(after.map((e) => [e.data.referralId, e.type])).toEqual([[accepted, 'ReferralPutOnHold'], [requested, 'ReferralCancelled']]);
      for (const e of after) {
        expect(e.data.by).toEqual({ staffId: 'system:consent-loss', partnerId: A });
        expect(e.metadata).toMatchObject({ staffId: 'system:consent-loss', causationId: `ConsentWithdrawn@${withdrawnAt}` });
      }
      // A second process (or a restart's sweep) finds nothing more to do.
      const head = await t.head();
      expect(await t.app.get(ConsentLossProcess).sweep()).toBe(0);
      expect(await t.head()).toBe(head);
    });

    it('shows in the history and on the person’s timeline', async () => {
      const history = (await t.http().get(`/referrals/${accepted}/history`).set('authorization', t.auth(A)).expect(200)).body.history;
      expect(history.at(-1)).toMatchObject({ type: 'ReferralPutOnHold', summary: 'Put on hold: consent-ended', by: { staffId: 'system:consent-loss' }, details: { reason: consentEnded } });
      const timeline = (await t.http().get(`/people/${personId}/timeline`).set('authorization', t.auth(A)).expect(200)).body.entries as { summary: string }[];
      const summaries = timeline.map((e) => e.summary);
      expect(summaries).toContain('Consent withdrawn');
      expect(summaries.filter((s) => s === 'Put on hold: consent-ended' || s === 'Cancelled: consent-ended')).toHaveLength(2);
    });

    it('the uncovered partner’s feed tombstones the person and carries no personal data after the withdrawal', async () => {
      const later = (await wholeFeed(t, B)).filter((i) => i.event.position >= withdrawnAt && (i.key === personId || i.key === accepted || i.key === requested));
      expect(later.map(shortType).sort()).toEqual(['person.details', 'referral.cancelled', 'referral.put-on-hold']);
      expect(later.find((i) => shortType(i) === 'person.details')!.event.data).toBeUndefined();
      for (const item of later.filter((i) => i.key !== personId)) {
        expect(item.event.data!.personal).toBeUndefined();
        expect(item.event.data!.reason).toEqual(consentEnded);
      }
      expect(JSON.stringify(later)).not.toMatch(/Nia|Losstester|07700|forklift/);
    });

    it('resume is refused until consent covers the partner again; then it resumes', async () => {
      await expectRefused(t, () => t.http().post(`/referrals/${accepted}/resume`).set('authorization', t.auth(B)), 422, 'referral.consent-required');
      await t.http().post(`/people/${personId}/consents`).set('authorization', t.auth(A)).send({ consentId: 'c-nia-works-again', scope: 'partners', partnerIds: [B], purposes: ['referral'] }).expect(201);
      await t.http().post(`/referrals/${accepted}/resume`).set('authorization', t.auth(B)).expect(200);
      await settled();
      expect(await referral(accepted)).toMatchObject({ status: 'in-progress' });
    });
  });

  describe('on expiry', () => {
    it('puts accepted work on hold and cancels a request when the consent lapses; a named-partner consent that still covers keeps its referral', async () => {
      const t0 = new Date(Date.now() - 10 * HOUR).toISOString();
      const at = (hours: number) => new Date(Date.parse(t0) + hours * HOUR).toISOString();
      t.setNow(t0);
      try {
        const personId = await person('Ola', [{ consentId: 'c-ola-works', partnerIds: [B], expiresAt: at(1) }, { consentId: 'c-ola-money', partnerIds: [C] }]);
        const accepted = await refer(personId, 'job-club', B);
        const requested = await refer(personId, 'in-work-support');
        const covered = await refer(personId, 'debt-advice', C);
        t.setNow(at(2));
        expect(await t.app.get(ConsentExpiryProcess).sweep()).toBe(1);
        await settled();
        expect(await referral(accepted)).toMatchObject({ status: 'on-hold', lastReason: consentEnded });
        expect(await referral(requested)).toMatchObject({ status: 'cancelled', lastReason: consentEnded });
        expect(await referral(covered)).toMatchObject({ status: 'accepted' });
        const log = await t.store.readAll(0, 1_000_000);
        const expired = log.find((e) => e.type === 'ConsentExpired' && e.data.personId === personId)!;
        expect(log.filter((e) => e.data.referralId === accepted).at(-1)!.metadata).toMatchObject({ causationId: `ConsentExpired@${expired.position}` });
        await expectRefused(t, () => t.http().post(`/referrals/${accepted}/resume`).set('authorization', t.auth(B)), 422, 'referral.consent-required');
      } finally {
        t.setNow(undefined);
      }
    });
  });

  describe('after a crash between the withdrawal and the stop', () => {
    it('the sweep at start stops what the process did not see', async () => {
      const personId = await person('Kemi', [{ consentId: 'c-kemi-works', partnerIds: [B] }]);
      const accepted = await refer(personId, 'job-club', B);
      const handle = jest.spyOn(ConsentLossProcess.prototype, 'handle').mockImplementation(() => undefined);
      try {
        await t.http().post(`/people/${personId}/consents/c-kemi-works/withdraw`).set('authorization', t.auth(A)).expect(200);
        await settled();
        expect(await referral(accepted)).toMatchObject({ status: 'accepted' });
        await t.close({ keepData: true });
      } finally {
        handle.mockRestore();
      }
      t = await startTestApp({ dataDir: t.dataDir });
      expect(await referral(accepted)).toMatchObject({ status: 'on-hold', lastReason: consentEnded });
      const last = (await t.store.readAll(0, 1_000_000)).filter((e) => e.data.referralId === accepted).at(-1)!;
      expect(last.metadata).toMatchObject({ causationId: 'sweep' });
    });
  });
});
