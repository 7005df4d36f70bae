import { Kafka } from 'cloudevents';
import type { RecordedEvent } from '@onedoor/event-store';
import { CONSENT_EXPIRY_ACTOR } from '@onedoor/domain';
import { Scenario, amira, front, jobs, seedConsortium, target } from '@onedoor/projections/testing/scenario';
import type { OutboundMessage } from './outbound-message';
import { PartnerStreamRouter, RouterOutOfOrderError } from './partner-stream-router';
import { PERSON_DETAILS_TYPE, PERSON_ERASED_TYPE, PUBLIC_EVENT_TYPES } from './public-events';
import { PublicEventValidator } from './public-event-validator';
import { PEOPLE, SECRETS, at, referralJourney } from './testing/referral-journey';
import { topics } from './topics';
import { deserialize, serialize } from 'node:v8';
import { stringsIn } from '@onedoor/projections/testing/plain-state';

const body = (m: OutboundMessage) => (m.value === null ? null : JSON.parse(m.value.toString()));
const typeOf = (m: OutboundMessage) => m.headers.ce_type;
const shortType = (m: OutboundMessage) => typeOf(m).replace(/^org\.onedoor\./, '').replace(/\.v1$/, '');
const routeAll = (router: PartnerStreamRouter, log: RecordedEvent[]) => log.flatMap((event) => router.route(event));

describe('the partner-stream router over a referral journey', () => {
  let s: Scenario;
  let log: RecordedEvent[];
  let messages: OutboundMessage[];
  const validator = new PublicEventValidator();
  const on = (topic: string) => messages.filter((m) => m.topic === topic);
  const partner = (id: string) => on(topics.partner('c1', id));
  const people = (id: string) => on(topics.partnerPeople('c1', id));
  const ofReferral = (ms: OutboundMessage[], referralId: string) => ms.filter((m) => m.key === referralId).map(shortType);

  beforeAll(async () => {
    s = await referralJourney();
    log = await s.store.readAll(0, 10_000);
    messages = routeAll(new PartnerStreamRouter({ consortiumId: 'c1', vault: s.vault }), log);
  });

  it('restored from a snapshot at any position, routes the rest of the log exactly as a router that saw it all', () => {
    const cutsChecked: number[] = [];
    for (let cut = 1; cut < log.length; cut++) {
      const before = new PartnerStreamRouter({ consortiumId: 'c1', vault: s.vault });
      routeAll(before, log.slice(0, cut));
      const saved = serialize(before.snapshot());
      // What it learnt is ids, parties, consents and sealed details: no name, note or summary in the clear.
      const text = stringsIn(deserialize(saved)).join('\n');
      for (const secret of SECRETS) expect({ cut, secret, found: text.includes(secret) }).toEqual({ cut, secret, found: false });
      const restored = new PartnerStreamRouter({ consortiumId: 'c1', vault: s.vault });
      restored.restore(deserialize(saved));
      const expected = messages.filter((m) => m.position > log[cut - 1].position);
      expect({ cut, messages: routeAll(restored, log.slice(cut)) }).toEqual({ cut, messages: expected });
      expect(() => restored.route(log[cut - 1])).toThrow(RouterOutOfOrderError);
      cutsChecked.push(cut);
    }
    expect(cutsChecked.length).toBeGreaterThan(20);
  });

  it('refuses a snapshot that is not its own', () => {
    const router = new PartnerStreamRouter({ consortiumId: 'c1', vault: s.vault });
    expect(() => router.restore({ last: 3 })).toThrow('partner-stream-router: the snapshot lacks referrals, people');
    expect(() => router.restore({ last: 'x', referrals: new Map(), people: new Map() })).toThrow('partner-stream-router: the snapshot has no position');
  });

  it('produces every public event type, and every body conforms to its JSON Schema', () => {
    expect(new Set(messages.map(typeOf))).toEqual(new Set(PUBLIC_EVENT_TYPES));
    for (const m of messages.filter((m) => m.value !== null)) {
      expect({ type: typeOf(m), topic: m.topic, errors: validator.errors(typeOf(m), body(m)) }).toEqual({ type: typeOf(m), topic: m.topic, errors: [] });
    }
  });

  it('a body that drifts from its schema fails validation', () => {
    const accepted = body(messages.find((m) => typeOf(m) === 'org.onedoor.referral.accepted.v1')!);
    expect(validator.errors('org.onedoor.referral.accepted.v1', accepted)).toEqual([]);
    expect(validator.errors('org.onedoor.referral.accepted.v1', { ...accepted, referralId: undefined })).not.toEqual([]);
    expect(validator.errors('org.onedoor.referral.accepted.v1', { ...accepted, staffId: 'staff-jobs' })).not.toEqual([]);
    expect(validator.errors('org.onedoor.referral.accepted.v1', { ...accepted, occurredAt: 'yesterday' })).not.toEqual([]);
    expect(validator.errors('org.onedoor.referral.completed.v1', { ...accepted, outcome: { code: 'great' } })).not.toEqual([]);
    expect(validator.errors('org.onedoor.referral.nonsense.v1', accepted)).toEqual(['no schema for event type org.onedoor.referral.nonsense.v1']);
  });

  it('headers are CloudEvents 1.0 in Kafka binary mode, read back by the CloudEvents SDK', () => {
    for (const m of messages.filter((m) => m.value !== null)) {
      const event = Kafka.toEvent({ headers: m.headers, key: m.key, value: m.value!.toString(), body: m.value!.toString() } as never) as unknown as Record<string, unknown>;
      expect(event).toMatchObject({ specversion: '1.0', id: m.headers.ce_id, source: 'urn:onedoor:consortium:c1', type: typeOf(m), subject: m.key, position: String(m.position), datacontenttype: 'application/json' });
      expect(Number.isNaN(Date.parse(String(event.time)))).toBe(false);
    }
  });

  it('the key is the referral id on referral topics, so each referral stays in order; ids name the source event', () => {
    for (const m of messages.filter((m) => typeOf(m).startsWith('org.onedoor.referral.'))) {
      expect(m.key).toBe(body(m).referralId);
      expect(m.headers.ce_id).toBe(m.eventId);
    }
    const byPosition = new Map(log.map((e) => [e.position, e.id]));
    for (const m of messages) expect(m.eventId).toBe(byPosition.get(m.position));
  });

  it('never puts personal data in keys or headers, nor anywhere on the hub topic', () => {
    const outside = messages.flatMap((m) => [m.key, ...Object.values(m.headers)]).join('\n');
    const hub = on(topics.hub('c1')).map((m) => m.value?.toString() ?? '').join('\n');
    for (const secret of SECRETS) {
      expect(outside).not.toContain(secret);
      expect(hub).not.toContain(secret);
    }
    expect(on(topics.hub('c1')).every((m) => body(m).personal === undefined)).toBe(true);
  });

  it('the hub topic carries every referral event and the erasure notice', () => {
    const referralEvents = log.filter((e) => e.stream.startsWith('referral-'));
    const hubMessages = on(topics.hub('c1'));
    expect(hubMessages.filter((m) => typeOf(m).startsWith('org.onedoor.referral.')).map((m) => m.position)).toEqual(referralEvents.map((e) => e.position));
    expect(hubMessages.filter((m) => typeOf(m) === PERSON_ERASED_TYPE)).toHaveLength(1);
  });

  it("a partner's topic carries the referrals it sent or received, from the moment it was a party to the event that moved them away", () => {
    expect(ofReferral(partner('front'), 'r1')).toEqual(['referral.created', 'referral.routed', 'referral.accepted', 'referral.started', 'referral.interaction-recorded', 'referral.put-on-hold', 'referral.resumed', 'referral.handed-off', 'referral.interaction-recorded', 'referral.completed']);
    // jobs joins at routing and leaves with the handoff (which it still sees); debt joins at the handoff.
    expect(ofReferral(partner('jobs'), 'r1')).toEqual(['referral.routed', 'referral.accepted', 'referral.started', 'referral.interaction-recorded', 'referral.put-on-hold', 'referral.resumed', 'referral.handed-off']);
    expect(ofReferral(partner('debt'), 'r1')).toEqual(['referral.handed-off', 'referral.interaction-recorded', 'referral.completed']);
    // r2: debt rejects and sees the re-route away from it, then nothing more.
    expect(ofReferral(partner('debt'), 'r2')).toEqual(['referral.routed', 'referral.rejected', 'referral.routed']);
    expect(ofReferral(partner('jobs'), 'r2')).toEqual(['referral.routed', 'referral.accepted', 'referral.started', 'referral.interaction-recorded', 'referral.failed']);
    // r5: debt left; the hub took its side over.
    expect(ofReferral(partner('debt'), 'r5')).toEqual(['referral.routed', 'referral.reassigned']);
    expect(ofReferral(partner('hub'), 'r5')).toEqual(['referral.reassigned']);
    expect(partner('hub').filter((m) => ['r1', 'r2', 'r3', 'r4'].includes(m.key))).toEqual([]);
  });

  it('a partner joining part-way gets the referral facts, and the summary only if consent covers it', () => {
    const routedToJobs = body(partner('jobs').find((m) => m.key === 'r1' && shortType(m) === 'referral.routed')!);
    expect(routedToJobs).toMatchObject({ referral: { referringPartnerId: 'front', needs: ['employment'], urgency: 'routine' }, personal: { summary: 'lost her job at the mill' } });
    const handedToDebt = body(partner('debt').find((m) => m.key === 'r1' && shortType(m) === 'referral.handed-off')!);
    expect(handedToDebt).toMatchObject({ fromPartnerId: 'jobs', toPartnerId: 'debt', personal: { summary: 'lost her job at the mill' } });
    // The hub's consent never covered it: it learns r5's facts without the person's circumstances.
    const reassignedToHub = body(partner('hub').find((m) => m.key === 'r5')!);
    expect(reassignedToHub).toMatchObject({ side: 'receiving', fromPartnerId: 'debt', toPartnerId: 'hub', referral: { needs: ['debt-advice'] } });
    expect(reassignedToHub.personal).toBeUndefined();
  });

  it('personal fields follow consent: present while it covers, gone once withdrawn', () => {
    const notes = body(partner('jobs').find((m) => shortType(m) === 'referral.interaction-recorded')!);
    expect(notes.personal).toEqual({ notes: 'prefers mornings' });
    const withdrawal = log.find((e) => e.type === 'ConsentWithdrawn')!.position;
    const jobsAfter = partner('jobs').filter((m) => m.position > withdrawal);
    expect(jobsAfter.map((m) => `${m.key} ${shortType(m)}`)).toEqual(['r2 referral.started', 'r2 referral.interaction-recorded', 'r2 referral.failed', 'p-amira person.erased']);
    expect(jobsAfter.every((m) => body(m).personal === undefined)).toBe(true);
    // The same support, on the referring partner's topic: it registered Amira, so it still sees the notes.
    const sameOnFront = partner('front').find((m) => m.position === jobsAfter[1].position)!;
    expect(body(sameOnFront).personal).toEqual({ notes: 'prefers mornings' });
    // The registering partner always sees what it registered.
    expect(body(partner('front').find((m) => m.key === 'r4' && shortType(m) === 'referral.created')!).personal).toEqual({ summary: 'lost her job at the mill' });
  });

  it("each partner's per-person topic holds the details while it may see them, and a tombstone when it may not", () => {
    const summary = (ms: OutboundMessage[]) => ms.map((m) => ({ position: m.position, details: m.value !== null }));
    const withdrawal = log.find((e) => e.type === 'ConsentWithdrawn')!.position;
    const erasure = log.find((e) => e.type === 'PersonErased')!.position;
    const jobs = people('jobs');
    expect(summary(jobs)).toEqual([{ position: expect.any(Number), details: true }, { position: withdrawal, details: false }]);
    expect(body(jobs[0])).toMatchObject({ personId: PEOPLE.amira, personal: { givenName: 'Amira', familyName: 'Khan' } });
    expect(jobs[1].headers).toMatchObject({ ce_type: PERSON_DETAILS_TYPE, ce_subject: PEOPLE.amira });
    expect(jobs[1].headers['content-type']).toBeUndefined();
    for (const id of ['front', 'debt']) expect(summary(people(id)).at(-1)).toEqual({ position: erasure, details: false });
    expect(people('hub')).toEqual([]);
    for (const m of messages.filter((m) => m.topic.endsWith('.people'))) expect(m.key).toBe(PEOPLE.amira);
    const ids = messages.filter((m) => m.topic.endsWith('.people')).map((m) => `${m.topic} ${m.headers.ce_id}`);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('erasure sends a notice to the hub and to every partner whose topic carried the person', () => {
    const notices = messages.filter((m) => typeOf(m) === PERSON_ERASED_TYPE);
    expect(notices.map((m) => m.partnerId).sort()).toEqual([null, 'debt', 'front', 'hub', 'jobs'].sort((a, b) => String(a).localeCompare(String(b))));
    for (const n of notices) expect(body(n)).toEqual({ personId: PEOPLE.amira, occurredAt: expect.any(String) });
  });

  it('replayed after the key is destroyed, no message carries a personal field', async () => {
    await s.vault.shred(PEOPLE.amira);
    const replayed = routeAll(new PartnerStreamRouter({ consortiumId: 'c1', vault: s.vault }), log);
    expect(replayed.map((m) => [m.topic, m.headers.ce_id])).toEqual(messages.filter((m) => !m.topic.endsWith('.people')).map((m) => [m.topic, m.headers.ce_id]));
    expect(replayed.every((m) => m.value === null || body(m).personal === undefined)).toBe(true);
  });

  it('refuses an event out of order or twice, since its memory would go wrong', () => {
    const router = new PartnerStreamRouter({ consortiumId: 'c1', vault: s.vault });
    router.route(log[0]);
    expect(() => router.route(log[0])).toThrow(RouterOutOfOrderError);
  });
});

describe('the partner-stream router when a consent expires', () => {
  const validator = new PublicEventValidator();

  /** Front registers Amira; her consent lets jobs see her until day 6; jobs takes a referral; the lapse is recorded on day 7. */
  async function lapsingConsent(recordExpiry: boolean) {
    const s = new Scenario();
    await seedConsortium(s, at(1));
    const personId = PEOPLE.amira;
    const sealed = (value: unknown) => s.vault.seal(personId, value);
    await s.person(personId, { type: 'RegisterPerson', personId, personal: await sealed(amira), possibleDuplicateIds: [], confirmedNotDuplicate: false, actor: front, at: at(2) });
    await s.person(personId, { type: 'GiveConsent', consentId: 'c-jobs', scope: { kind: 'partners', partnerIds: ['jobs'] }, purposes: ['referral'], expiresAt: at(6), memberPartnerIds: ['hub', 'front', 'jobs', 'debt'], actor: front, at: at(2) });
    await s.referral('r1', { type: 'CreateReferral', referralId: 'r1', personId, person: await s.facts(personId), needs: ['employment'], urgency: 'routine', summary: await sealed('lost her job at the mill'), routing: { target: target('jobs', 'svc-jobs') }, actor: front, at: at(3) });
    await s.referral('r1', { type: 'AcceptReferral', person: await s.facts(personId), actor: jobs, at: at(4) });
    if (recordExpiry) await s.person(personId, { type: 'RecordConsentExpiry', consentId: 'c-jobs', actor: CONSENT_EXPIRY_ACTOR, at: at(7) });
    await s.referral('r1', { type: 'RecordInteraction', interactionId: 'i1', kind: 'one-to-one', occurredOn: '2026-03-08', notes: await sealed('prefers mornings'), actor: jobs, at: at(8) });
    const log = await s.store.readAll(0, 10_000);
    return { log, messages: routeAll(new PartnerStreamRouter({ consortiumId: 'c1', vault: s.vault }), log) };
  }

  it('tombstones the person on the people topic of a partner no longer covered, at the expiry event, and later events carry no personal', async () => {
    const { log, messages } = await lapsingConsent(true);
    const expiry = log.find((e) => e.type === 'ConsentExpired')!;
    const jobsPeople = messages.filter((m) => m.topic === topics.partnerPeople('c1', 'jobs'));
    expect(jobsPeople.map((m) => ({ position: m.position, details: m.value !== null }))).toEqual([{ position: expect.any(Number), details: true }, { position: expiry.position, details: false }]);
    expect(jobsPeople[1]).toMatchObject({ key: PEOPLE.amira, headers: { ce_type: PERSON_DETAILS_TYPE, ce_subject: PEOPLE.amira, ce_id: `${expiry.id}:forget`, ce_time: at(6) } });
    // Nothing else is said at the expiry: no public event type of its own, the tombstone is the signal.
    expect(messages.filter((m) => m.position === expiry.position)).toEqual([jobsPeople[1]]);
    const jobsLater = messages.filter((m) => m.topic === topics.partner('c1', 'jobs') && m.position > expiry.position);
    // Recording support starts the referral first.
    expect(jobsLater.map(shortType)).toEqual(['referral.started', 'referral.interaction-recorded']);
    expect(jobsLater.every((m) => body(m).personal === undefined)).toBe(true);
    // The registering partner still sees what it registered.
    expect(body(messages.find((m) => m.topic === topics.partner('c1', 'front') && m.position === jobsLater[1].position)!).personal).toEqual({ notes: 'prefers mornings' });
    for (const m of messages.filter((m) => m.value !== null)) expect(validator.errors(typeOf(m), body(m))).toEqual([]);
  });

  it('without the recorded expiry the tombstone waits for the next event about the person', async () => {
    const { log, messages } = await lapsingConsent(false);
    const nextAboutHer = log.find((e) => e.type === 'ReferralStarted')!;
    const tombstones = messages.filter((m) => m.topic === topics.partnerPeople('c1', 'jobs') && m.value === null);
    expect(tombstones.map((m) => m.position)).toEqual([nextAboutHer.position]);
  });
});
