import { AppendCondition, ExpectedVersion } from '../event-store.port';
import { WrongExpectedVersionError } from '../event-store.errors';
import { ContractSubject, newEvent, newEvents, range, readWholeLog, settleAll } from './contract-fixtures';

/**
 * Append conditions: other streams' versions that must hold, in the same transaction as the append
 * (a live referral is appended only while the person's stream is at the version its consent was read from).
 */
export function describeAppendConditions(subject: ContractSubject): void {
  const refusal = (attempt: Promise<unknown>) =>
    attempt.then(
      () => undefined,
      (error: unknown) => error,
    );

  describe('append conditions', () => {
    const cases: Array<{ expected: ExpectedVersion; existing: number; ok: boolean }> = [
      { expected: 'no-stream', existing: 0, ok: true },
      { expected: 'no-stream', existing: 2, ok: false },
      { expected: 'exists', existing: 0, ok: false },
      { expected: 'exists', existing: 2, ok: true },
      { expected: 'any', existing: 0, ok: true },
      { expected: 2, existing: 2, ok: true },
      { expected: 1, existing: 2, ok: false },
      { expected: 3, existing: 2, ok: false },
      { expected: 0, existing: 0, ok: true },
    ];

    it.each(cases)('a condition $expected on a stream of $existing events: accepted=$ok', async ({ expected, existing, ok }) => {
      const { store } = subject;
      if (existing > 0) await store.append('person', newEvents(existing), 'no-stream');
      const head = await store.headPosition();

      const attempt = store.append('referral', [newEvent()], 'no-stream', { conditions: [{ stream: 'person', expected }] });

      if (ok) {
        await expect(attempt).resolves.toEqual({ version: 1, position: head + 1 });
        expect(await store.readStream('person')).toHaveLength(existing); // nothing is written to a conditioned stream
      } else {
        const error = await refusal(attempt);
        expect(error).toBeInstanceOf(WrongExpectedVersionError);
        expect(error).toMatchObject({ stream: 'person', expected, actual: existing, code: 'wrong-expected-version' });
        expect(await store.headPosition()).toBe(head);
        expect(await store.readStream('referral')).toEqual([]);
      }
    });

    it('needs every condition to hold, naming the one that did not', async () => {
      const { store } = subject;
      await store.append('person-a', newEvents(1), 'no-stream');
      await store.append('person-b', newEvents(3), 'no-stream');
      const both: AppendCondition[] = [
        { stream: 'person-a', expected: 1 },
        { stream: 'person-b', expected: 2 },
      ];

      const error = await refusal(store.append('referral', [newEvent()], 'no-stream', { conditions: both }));

      expect(error).toMatchObject({ stream: 'person-b', expected: 2, actual: 3 });
      expect(await store.headPosition()).toBe(4);
      both[1] = { stream: 'person-b', expected: 3 };
      await expect(store.append('referral', [newEvent()], 'no-stream', { conditions: both })).resolves.toEqual({ version: 1, position: 5 });
    });

    it('checks the appended stream’s own expectation as well as the conditions', async () => {
      const { store } = subject;
      await store.append('referral', newEvents(1), 'no-stream');
      const error = await refusal(store.append('referral', [newEvent()], 0, { conditions: [{ stream: 'person', expected: 'no-stream' }] }));
      expect(error).toMatchObject({ stream: 'referral', expected: 0, actual: 1 });
      expect(await store.headPosition()).toBe(1);
    });

    it('checks conditions on an empty append too', async () => {
      const { store } = subject;
      await store.append('person', newEvents(1), 'no-stream');
      expect(await store.append('referral', [], 'any', { conditions: [{ stream: 'person', expected: 1 }] })).toEqual({ version: 0, position: 0 });
      await expect(store.append('referral', [], 'any', { conditions: [{ stream: 'person', expected: 0 }] })).rejects.toBeInstanceOf(
        WrongExpectedVersionError,
      );
    });

    it('answers a retry of a conditioned append that succeeded with its original result, though the condition is now stale', async () => {
      const { store } = subject;
      await store.append('person', newEvents(1), 'no-stream');
      const batch = [newEvent()];
      const original = await store.append('referral', batch, 'no-stream', { conditions: [{ stream: 'person', expected: 1 }] });
      await store.append('person', newEvents(1), 1);

      expect(await store.append('referral', batch, 'no-stream', { conditions: [{ stream: 'person', expected: 1 }] })).toEqual(original);
      expect(await store.readStream('referral')).toHaveLength(1);
      // A new event under the same stale condition is refused.
      await expect(store.append('referral', [newEvent()], 1, { conditions: [{ stream: 'person', expected: 1 }] })).rejects.toMatchObject({
        stream: 'person',
        actual: 2,
      });
    });

    it('refuses a failed condition alone: appends made alongside it are written', async () => {
      const { store } = subject;
      await store.append('person', newEvents(2), 'no-stream');
      const { fulfilled, rejected } = await settleAll([
        store.append('referral-1', [newEvent()], 'no-stream', { conditions: [{ stream: 'person', expected: 2 }] }),
        store.append('referral-2', [newEvent(), newEvent()], 'no-stream', { conditions: [{ stream: 'person', expected: 1 }] }),
        store.append('referral-3', [newEvent()], 'no-stream'),
      ]);
      expect(fulfilled).toHaveLength(2);
      expect(rejected).toHaveLength(1);
      expect(rejected[0]).toMatchObject({ stream: 'person', expected: 1, actual: 2 });
      const log = await readWholeLog(store);
      expect(log.map((e) => e.stream).sort()).toEqual(['person', 'person', 'referral-1', 'referral-3']);
      expect(log.map((e) => e.position)).toEqual([1, 2, 3, 4]);
    });

    it('refuses malformed conditions before storage, naming the field', async () => {
      const { store } = subject;
      await expect(store.append('s', [newEvent()], 'any', { conditions: [{ stream: '', expected: 'any' }] })).rejects.toThrow(
        'options.conditions[0].stream',
      );
      await expect(
        store.append('s', [newEvent()], 'any', { conditions: [{ stream: 'p', expected: -1 as ExpectedVersion }] }),
      ).rejects.toThrow('options.conditions[0].expected');
      expect(await store.headPosition()).toBe(0);
    });

    it('never lets a conditioned append commit after a concurrent write to the stream it was conditioned on', async () => {
      const { store } = subject;
      // Each trial: the person stream is at v; a withdrawal appends at v, and a referral conditioned on v races it.
      // Whatever the interleaving, a referral that committed must sit before that withdrawal in the global log.
      for (const trial of range(1, 25)) {
        const person = `person-${trial}`;
        await store.append(person, newEvents(trial % 3), 'any');
        const v = (await store.readStream(person)).length;
        const referrals = range(1, 3).map((n) =>
          store.append(`referral-${trial}-${n}`, [newEvent()], 'no-stream', { conditions: [{ stream: person, expected: v }] }),
        );
        // Half the trials ask for the withdrawal first, half last, so both orders are exercised.
        const withdrawal = trial % 2 === 0 ? store.append(person, [newEvent('consent-withdrawn')], v) : undefined;
        referrals.push(...range(4, 6).map((n) =>
          store.append(`referral-${trial}-${n}`, [newEvent()], 'no-stream', { conditions: [{ stream: person, expected: v }] }),
        ));
        const [withdrawn, ...outcomes] = await Promise.allSettled([
          withdrawal ?? store.append(person, [newEvent('consent-withdrawn')], v),
          ...referrals,
        ]);
        expect(withdrawn.status).toBe('fulfilled');
        const withdrawnAt = (withdrawn as PromiseFulfilledResult<{ position: number }>).value.position;
        for (const outcome of outcomes) {
          if (outcome.status === 'fulfilled') expect(outcome.value.position).toBeLessThan(withdrawnAt);
          else {
            expect(outcome.reason).toMatchObject({ stream: person, expected: v, actual: v + 1 });
          }
        }
        // After the withdrawal, the same condition can never succeed again.
        await expect(
          store.append(`referral-${trial}-late`, [newEvent()], 'no-stream', { conditions: [{ stream: person, expected: v }] }),
        ).rejects.toBeInstanceOf(WrongExpectedVersionError);
      }
    });
  });
}
