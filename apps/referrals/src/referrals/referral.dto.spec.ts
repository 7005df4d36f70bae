import 'reflect-metadata';
import { BadRequestException } from '@nestjs/common';
import { createValidationPipe } from '@onedoor/platform';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { CreateReferralDto, plainlyValidCreateReferral } from './referral.dto';

const ABSENT = Symbol('absent');

/** Every combination of the given values per field (ABSENT leaves the field out). */
function bodies(pools: Record<string, unknown[]>): Record<string, unknown>[] {
  return Object.entries(pools).reduce<Record<string, unknown>[]>(
    (partial, [field, values]) => partial.flatMap((body) => values.map((v) => (v === ABSENT ? body : { ...body, [field]: v }))),
    [{}],
  );
}

async function fullRulesAccept(body: unknown): Promise<boolean> {
  const errors = await validate(plainToInstance(CreateReferralDto, body) as object, { whitelist: true, forbidNonWhitelisted: true });
  return errors.length === 0;
}

describe('the quick check of a create-referral body', () => {
  const ids = ['p-1', 'A_b-9', 'x'.repeat(64), 'x'.repeat(65), '', '-lead', 'has space', 7, null, ABSENT];
  const corpus = bodies({
    personId: ids,
    needs: [['employment'], ['a', 'b'], Array(20).fill('n'), Array(21).fill('n'), [], [''], [3], 'employment', null, ABSENT],
    urgency: ['routine', 'urgent', 'soon', 1, null, ABSENT],
    summary: ['', 'x'.repeat(5000), 'x'.repeat(5001), '😀'.repeat(2600), 5, null, ABSENT],
    serviceId: ['svc-1', 'bad id', null, ABSENT],
    referralId: ['r-1', '', ABSENT],
    respondBy: ['2026-05-01T10:00:00Z', ABSENT],
    unknown: ['x', ABSENT],
  });

  it('says valid only for bodies the full rules accept, and does say it for the usual ones', async () => {
    let quick = 0;
    for (const body of corpus) {
      if (!plainlyValidCreateReferral(body)) continue;
      quick++;
      if (!(await fullRulesAccept(body))) throw new Error(`the quick check accepted a body the rules refuse: ${JSON.stringify(body)}`);
    }
    expect(quick).toBe(3 * 3 * 3 * 3 * 2 * 2); // the valid values of each field, without respondBy or an unknown field
    expect(plainlyValidCreateReferral({ personId: 'p-1', needs: ['employment'], serviceId: 'svc-1' })).toBe(true);
  });

  it('leaves what is not plainly valid to the full rules', () => {
    for (const body of [null, [], 'text', { personId: 'p-1', needs: ['employment'], respondBy: '2026-05-01T10:00:00Z' }, { personId: 'p-1', needs: ['x'], constructor: {} }]) {
      expect(plainlyValidCreateReferral(body)).toBe(false);
    }
  });

  it('through the pipe: the same DTO instance either way, and a refused body still gets the rules\' 400 naming the field', async () => {
    const pipe = createValidationPipe();
    const metadata = { type: 'body' as const, metatype: CreateReferralDto };
    const quick = await pipe.transform({ personId: 'p-1', needs: ['employment'], serviceId: 'svc-1' }, metadata);
    const full = await pipe.transform({ personId: 'p-1', needs: ['employment'], serviceId: 'svc-1', respondBy: '2026-05-01T10:00:00Z' }, metadata);
    expect(quick).toBeInstanceOf(CreateReferralDto);
    expect(full).toBeInstanceOf(CreateReferralDto);
    expect({ ...quick }).toEqual({ personId: 'p-1', needs: ['employment'], serviceId: 'svc-1' });

    const refused = await pipe.transform({ personId: 'p-1', needs: [''], extra: 1 }, metadata).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(BadRequestException);
    expect((refused as BadRequestException).getResponse()).toMatchObject({
      rule: 'input.invalid',
      fields: expect.arrayContaining([expect.objectContaining({ field: 'needs' }), expect.objectContaining({ field: 'extra' })]),
    });
  });
});
