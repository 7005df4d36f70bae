import { Pool } from 'pg';
import type { SealedPersonalData } from '@onedoor/domain';
import { PostgresEventStore, RecordedEvent } from '@onedoor/event-store';
import { waitUntil } from '@onedoor/event-store/contract/contract-fixtures';
import { dropSchema, freshSchemaName, testDatabaseConfig } from '@onedoor/event-store/testing/postgres-test-schema';
import { ERASED, PersonalDataVault, PostgresPersonKeyStore } from '@onedoor/personal-data';
import { randomUUID } from 'node:crypto';
import { KeyLearningEventStore } from './key-learning-event-store';

/** Two instances on one schema: each its own pool, log handle and key cache, as two processes would have. */
describe('KeyLearningEventStore over PostgreSQL', () => {
  const schema = freshSchemaName();
  const closers: Array<() => Promise<void>> = [];
  const instance = async () => {
    const log = await PostgresEventStore.open({ pool: testDatabaseConfig(), schema, pollIntervalMs: 50 });
    const pool = new Pool(testDatabaseConfig());
    const keys = await PostgresPersonKeyStore.open({ pool, schema });
    const events = new KeyLearningEventStore(log, keys);
    closers.push(async () => {
      await events.close();
      await keys.close();
      await pool.end();
    });
    return { events, keys, vault: new PersonalDataVault(keys) };
  };
  const personEvent = (type: string, personId: string, extra: Record<string, unknown> = {}) => ({
    id: randomUUID(), type, schemaVersion: 1, data: { personId, ...extra },
  });
  const openedIn = (vault: PersonalDataVault, event: RecordedEvent) =>
    vault.open(event.data.personId as string, event.data.personal as SealedPersonalData);

  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
  });
  afterAll(() => dropSchema(schema));

  it("hands another instance's registration to subscribers only once its key is known here, so it never opens as erased", async () => {
    const [a, b] = [await instance(), await instance()];
    const seen: unknown[] = [];
    const head = await b.events.headPosition();
    // The handler opens the sealed details the moment it is given the event, as a read model queried then would.
    const subscription = b.events.subscribe(head, (event) => {
      if (event.type === 'PersonRegistered') seen.push(openedIn(b.vault, event));
    });
    for (let i = 0; i < 5; i++) {
      const personId = `new-${i}-${randomUUID()}`;
      await a.events.append(`person-${personId}`, [personEvent('PersonRegistered', personId, { personal: await a.vault.seal(personId, { n: i }) })], 'no-stream');
    }
    await waitUntil(() => seen.length === 5, 'the other instance sees the five registrations');
    await subscription.stop();
    expect(seen).toEqual([0, 1, 2, 3, 4].map((n) => ({ n })));
  });

  it('reads learn the keys too, and an erasure in the log drops the key before anyone is handed the event', async () => {
    const [a, b] = [await instance(), await instance()];
    const personId = `erased-${randomUUID()}`;
    const registered = await a.events.append(`person-${personId}`, [personEvent('PersonRegistered', personId, { personal: await a.vault.seal(personId, { name: 'Ola' }) })], 'no-stream');
    const [event] = await b.events.readAll(registered.position - 1, 1);
    expect(openedIn(b.vault, event)).toEqual({ name: 'Ola' });

    const openedAtErasure: unknown[] = [];
    const subscription = b.events.subscribe(registered.position, () => {
      openedAtErasure.push(openedIn(b.vault, event));
    });
    // Committed before the key is destroyed, as the erasing handler does: the log alone must make B stop.
    await a.events.append(`person-${personId}`, [personEvent('PersonErased', personId)], 1);
    await waitUntil(() => openedAtErasure.length === 1, 'the other instance is handed the erasure');
    await subscription.stop();
    expect(openedAtErasure).toEqual([ERASED]);
    expect(await b.keys.lookup(personId)).toBeDefined();
  });
});
