import request from 'supertest';
import { DistributedStore, StoredEvent } from '../support/distributed-store';
import { formSmallConsortium, listing, registerConsentingPerson } from '../support/small-consortium';
import { ServiceChild } from '../support/service-child';

jest.setTimeout(120_000);

/** One move on a referral: which instance it goes to, who makes it, and the event a win writes. */
interface Move {
  instance: number;
  partnerId: string;
  action: string;
  body?: object;
  wins: string;
}

const reason = (code: string) => ({ reason: { code } });

/** Each move from both instances, so that neither process is favoured by what it was sent. */
const fromBoth = (moves: Omit<Move, 'instance'>[]): Move[] => moves.flatMap((m) => [0, 1].map((instance) => ({ ...m, instance })));

/** The moves raced on requested referrals (version 2), and on accepted ones (version 3). */
const WHILE_REQUESTED = fromBoth([
  { partnerId: 'works', action: 'accept', wins: 'ReferralAccepted' },
  { partnerId: 'works', action: 'reject', body: reason('no-capacity'), wins: 'ReferralRejected' },
  { partnerId: 'hub', action: 'cancel', body: reason('declined-by-person'), wins: 'ReferralCancelled' },
]);
const WHILE_ACCEPTED = fromBoth([
  { partnerId: 'works', action: 'hold', body: reason('could-not-contact'), wins: 'ReferralPutOnHold' },
  { partnerId: 'works', action: 'start', wins: 'ReferralStarted' },
  { partnerId: 'works', action: 'fail', body: reason('could-not-contact'), wins: 'ReferralFailed' },
  { partnerId: 'hub', action: 'cancel', body: reason('duplicate'), wins: 'ReferralCancelled' },
]);

/**
 * Issue 11 item 5: two instances of a service, each its own process, over one PostgreSQL schema. Two referrals
 * services race conflicting commands on the same referrals and lose no update; two directory services (in-process
 * read models, and one Redis read model they share) both catch up with what the referrals services write. The
 * relay's leader and standby, killed -9, are test/relay-postgres-standby.e2e-spec.ts.
 */
describe('scale-out: two instances of a service over one PostgreSQL schema', () => {
  const store = new DistributedStore();
  const env = store.env({ GATEWAY_TIMEOUT_MS: '20000' });
  const child = (entry: string, extra: Record<string, string> = {}) => new ServiceChild(entry, { ...env, ...extra }, '/docs-json');
  const referrals = [child('apps/referrals/src/main.ts'), child('apps/referrals/src/main.ts')];
  const directories = {
    memory: [child('apps/directory/src/main.ts'), child('apps/directory/src/main.ts')],
    redis: [0, 1].map(() => child('apps/directory/src/main.ts', { READ_MODEL_STORE: 'redis', REDIS_URL: 'redis://127.0.0.1:6379' })),
  };
  const all = [...referrals, ...directories.memory, ...directories.redis];
  const as = (partnerId: string) => store.as(partnerId);
  let personId: string;

  beforeAll(async () => {
    // The first creates the schema's tables; the others then start together.
    await referrals[0].start();
    await Promise.all(all.slice(1).map((s) => s.start()));
    await formSmallConsortium(referrals[0].url, as);
    personId = await registerConsentingPerson(referrals[1].url, as);
  }, 300_000);

  afterAll(async () => {
    await Promise.all(all.map((s) => s.stop()));
    await store.close();
  });

  const streamEvents = async (referralId: string): Promise<StoredEvent[]> => (await store.events()).filter((e) => e.stream === `referral-${referralId}`);
  const move = (referralId: string, m: Move, version: number) => {
    const post = request(referrals[m.instance].url).post(`/referrals/${referralId}/${m.action}`).set('authorization', as(m.partnerId)).set('if-match', `"${version}"`);
    return m.body ? post.send(m.body) : post;
  };

  /** Races every move on every referral at once, spread over both instances; the answers by referral. */
  const race = async (referralIds: string[], moves: Move[], version: number, turn = 0) => {
    // Each race's moves go out in a different order, so neither instance is always first to the store.
    const inTurn = (i: number) => moves.map((_, j) => moves[(turn + i + j) % moves.length]);
    const answers = await Promise.all(referralIds.flatMap((referralId, i) => inTurn(i).map(async (m) => ({ referralId, move: m, res: await move(referralId, m, version) }))));
    return referralIds.map((referralId) => answers.filter((a) => a.referralId === referralId));
  };

  type Raced = Awaited<ReturnType<typeof race>>;
  let races = 0;
  const raceCaughtUp = async (referralId: string, moves: Move[], version: number) => {
    for (const instance of referrals) await request(instance.url).get(`/referrals/${referralId}`).set('authorization', as('hub')).expect(200);
    return race([referralId], moves, version, races++);
  };

  /** Exactly one winner per referral, every loser a 409, and the log holds exactly the winner's one event at its version. */
  const expectOneWinnerEach = async (raced: Raced, version: number) => {
    for (const answers of raced) {
      const statuses = answers.map((a) => a.res.status);
      const winners = answers.filter((a) => a.res.status === 200);
      expect(winners).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(answers.length - 1);
      for (const loser of answers.filter((a) => a.res.status === 409)) expect(loser.res.body.rule).toMatch(/^concurrency\./);
      const [winner] = winners;
      expect(winner.res.headers.etag).toBe(`"${version + 1}"`);
      const after = (await streamEvents(winner.referralId)).filter((e) => e.version > version);
      expect(after.map((e) => [e.version, e.type])).toEqual([[version + 1, winner.move.wins]]);
    }
  };

  const createReferrals = async (count: number) => {
    const created = await Promise.all(
      Array.from({ length: count }, (_, i) =>
        request(referrals[i % 2].url).post('/referrals').set('authorization', as('hub')).send({ personId, needs: ['employment'], serviceId: 'job-club' }).expect(201),
      ),
    );
    return created.map((c) => c.body.referralId as string);
  };

  it('racing conflicting moves with one If-Match on the same referrals over both instances: one winner each, the losers 409, no update lost', async () => {
    const requested = await createReferrals(12);
    const accepted = await createReferrals(12);
    for (const referralId of accepted) await move(referralId, WHILE_REQUESTED[0], 2).expect(200);
    const eventsBefore = (await store.events()).length;

    // One referral at a time, both instances caught up before each race, so neither is favoured by lagging behind.
    const raced: Raced = [];
    for (const referralId of requested) raced.push(...(await raceCaughtUp(referralId, WHILE_REQUESTED, 2)));
    const again: Raced = [];
    for (const referralId of accepted) again.push(...(await raceCaughtUp(referralId, WHILE_ACCEPTED, 3)));
    await expectOneWinnerEach(raced, 2);
    await expectOneWinnerEach(again, 3);
    // One event per winning request, none for the losers.
    expect((await store.events()).length).toBe(eventsBefore + requested.length + accepted.length);
    // Both instances won some: the races really were spread over the two processes.
    const winningInstances = new Set([...raced, ...again].map((answers) => answers.find((a) => a.res.status === 200)!.move.instance));
    expect(winningInstances).toEqual(new Set([0, 1]));

    // Either instance reads every referral as its last winner left it.
    const lastWinner = new Map([...raced, ...again].map((answers) => [answers[0].referralId, answers.find((a) => a.res.status === 200)!.res]));
    for (const [referralId, winner] of lastWinner) {
      for (const instance of referrals) {
        const read = await request(instance.url).get(`/referrals/${referralId}`).set('authorization', as('hub')).expect(200);
        expect({ etag: read.headers.etag, status: read.body.status }).toEqual({ etag: winner.headers.etag, status: winner.body.status });
        expect(read.headers.etag).toBe(`"${(await streamEvents(referralId)).length}"`);
      }
    }
  });

  it('one create sent at once to both instances with the same Idempotency-Key is written once; every answer names that referral', async () => {
    const referralsBefore = (await store.events()).filter((e) => e.type === 'ReferralCreated').length;
    const body = { personId, needs: ['employment'], serviceId: 'job-club' };
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => request(referrals[i % 2].url).post('/referrals').set('authorization', as('hub')).set('idempotency-key', 'storm-over-two').send(body)),
    );
    const created = (await store.events()).filter((e) => e.type === 'ReferralCreated');
    expect(created.length).toBe(referralsBefore + 1);
    const referralId = created[created.length - 1].stream.replace(/^referral-/, '');
    for (const answer of answers) {
      expect([201, 409]).toContain(answer.status);
      if (answer.status === 201) expect(answer.body.referralId).toBe(referralId);
      else expect(answer.body.rule).toBe('idempotency.in-progress');
    }
  });

  it('a malformed If-Match is a 400 naming the header, on either instance, and nothing is written', async () => {
    const created = await request(referrals[0].url).post('/referrals').set('authorization', as('hub')).send({ personId, needs: ['employment'], serviceId: 'job-club' }).expect(201);
    const head = (await store.events()).length;
    for (const instance of referrals) {
      const bad = await request(instance.url).post(`/referrals/${created.body.referralId}/accept`).set('authorization', as('works')).set('if-match', 'version two');
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.body)).toMatch(/If-Match/i);
    }
    expect((await store.events()).length).toBe(head);
  });

  describe.each([
    ['in-process read models', 'memory'],
    ['one Redis read model they share', 'redis'],
  ] as const)('two directory services, %s', (_, kind) => {
    const search = (instance: ServiceChild, need: string) => request(instance.url).get(`/directory/search?need=${need}`).set('authorization', as('minds')).expect(200);
    const found = async (instance: ServiceChild, need: string) => (await search(instance, need)).body.results.map((r: { serviceId: string; capacity?: { available: number } }) => r);

    it('both catch up with services listed and changed through either referrals service', async () => {
      const serviceId = `talking-${kind}`;
      const need = kind === 'memory' ? 'mental-health' : 'debt-advice';
      await request(referrals[0].url).post('/services').set('authorization', as('minds')).send(listing(serviceId, need, 4)).expect(201);
      for (const directory of directories[kind]) {
        expect((await found(directory, need)).map((r: { serviceId: string }) => r.serviceId)).toEqual([serviceId]);
      }
      await request(referrals[1].url).put(`/services/${serviceId}/capacity`).set('authorization', as('minds')).send({ available: 1, maximum: 50, unit: 'places' }).expect(200);
      for (const directory of directories[kind]) {
        expect(await found(directory, need)).toEqual([expect.objectContaining({ serviceId, capacity: expect.objectContaining({ available: 1 }) })]);
      }
    });

    it('one killed -9 and started again: the other answers the whole directory, as it stands, all the while; the restarted one catches up', async () => {
      const [steady, restarted] = directories[kind];
      const answer = async () => (await found(steady, 'employment')).map((r: { serviceId: string; capacity: { available: number } }) => `${r.serviceId}:${r.capacity.available}`);
      const before = await answer();
      expect(before).toEqual([expect.stringMatching(/^job-club:\d+$/)]);
      const available = Number(before[0].split(':')[1]) - 1;
      await restarted.stop();
      let watching = true;
      const seen: string[][] = [];
      const watch = (async () => {
        while (watching) seen.push(await answer());
      })();
      await restarted.start(restarted.port);
      await request(referrals[0].url).put('/services/job-club/capacity').set('authorization', as('works')).send({ available, maximum: 500, unit: 'places' }).expect(200);
      watching = false;
      await watch;
      expect(seen.length).toBeGreaterThan(0);
      // Every answer while the other replayed was the directory before the change or after it: never empty, never older.
      expect(seen.filter((a) => a.join() !== before.join() && a.join() !== `job-club:${available}`)).toEqual([]);
      for (const directory of directories[kind]) expect(await found(directory, 'employment')).toEqual([expect.objectContaining({ serviceId: 'job-club', capacity: expect.objectContaining({ available }) })]);
    });
  });
});
