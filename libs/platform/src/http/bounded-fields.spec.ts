import { plainToInstance } from 'class-transformer';
import { IsString, MaxLength, ValidationError, validateSync } from 'class-validator';
import { BoundedCount, ChoiceList, MAX_COUNT, MAX_PENCE, NestedList, PLACE_NAME_MAX_LENGTH, PlaceNames, TERM_CODE_MAX_LENGTH, TermCodes, WholePence } from './bounded-fields';
import { OptionalField } from './validation-rules';

class Milestone {
  @IsString() @MaxLength(20)
  code: string;
}

class Sample {
  @OptionalField() @TermCodes('needs', { min: 1, max: 3 })
  needs?: unknown;

  @OptionalField() @TermCodes('communities', { max: 2 })
  communities?: unknown;

  @OptionalField() @PlaceNames('localities', { max: 2 })
  localities?: unknown;

  @OptionalField() @NestedList('milestones', () => Milestone, { min: 1, max: 2 })
  milestones?: unknown;

  @OptionalField() @WholePence('amountPence', { min: -MAX_PENCE })
  amountPence?: unknown;

  @OptionalField() @WholePence('feePence', { min: 0, max: 500 })
  feePence?: unknown;

  @OptionalField() @BoundedCount('maximum')
  maximum?: unknown;

  @OptionalField() @BoundedCount('sessions', 10)
  sessions?: unknown;

  @OptionalField() @ChoiceList('purposes', ['referral', 'research', 'case-management'], { min: 1 })
  purposes?: unknown;

  @OptionalField() @ChoiceList('status', ['requested', 'accepted'], { hint: ' (comma-separated)' })
  status?: unknown;
}

/** Every message the rules give, by field path, as the validation pipe would report them. */
function faultsOf(body: Record<string, unknown>): Record<string, string[]> {
  const faults: Record<string, string[]> = {};
  const walk = (errors: ValidationError[], parent: string) => {
    for (const e of errors) {
      const path = parent ? `${parent}.${e.property}` : e.property;
      if (e.constraints) faults[path] = Object.values(e.constraints);
      walk(e.children ?? [], path);
    }
  };
  walk(validateSync(plainToInstance(Sample, body)), '');
  return faults;
}
const fine = (body: Record<string, unknown>) => expect(faultsOf(body)).toEqual({});
const refused = (body: Record<string, unknown>, field: string, words: RegExp) => {
  const faults = faultsOf(body);
  expect(Object.keys(faults)).toEqual([field]);
  expect(faults[field].join('; ')).toMatch(words);
};

describe('bounded fields', () => {
  describe('TermCodes: taxonomy codes published in the open feed', () => {
    it('takes lower-case words joined by single dashes, up to the longest code and the most codes', () => {
      fine({ needs: ['mental-health', 'debt', 'a1-b2'], communities: [] });
      fine({ needs: ['x'.repeat(TERM_CODE_MAX_LENGTH)] });
    });
    it('refuses too few or too many codes, naming the field and the count', () => {
      refused({ needs: [] }, 'needs', /needs must list at least 1 code/);
      refused({ needs: ['a', 'b', 'c', 'd'] }, 'needs', /needs must list at most 3 codes/);
      refused({ communities: ['a', 'b', 'c'] }, 'communities', /communities must list at most 2 codes/);
    });
    it.each([['Mental Health'], ['mental--health'], ['-debt'], ['debt-'], ['débt'], [''], ['x'.repeat(TERM_CODE_MAX_LENGTH + 1)], [' debt']])('refuses the code %j', (code) => {
      refused({ needs: [code] }, 'needs', /each of needs must be a code of 1–50 lower-case letters or digits/);
    });
    it('refuses a list that is not a list, and items that are not text', () => {
      refused({ needs: 'debt' }, 'needs', /must be an array/);
      refused({ needs: [null] }, 'needs', /each of needs must be a code/);
      refused({ needs: [7] }, 'needs', /each of needs must be a code/);
    });
  });

  describe('PlaceNames: localities', () => {
    it('takes names of letters, digits, spaces, apostrophes, dots and dashes', () => {
      fine({ localities: ['Hebden Bridge', 'HX7'] });
      fine({ localities: ["King's Lynn", 'St. Ives'] });
      fine({ localities: ['Ystradgynlais', 'Łódź'] });
      fine({ localities: ['x'.repeat(PLACE_NAME_MAX_LENGTH)] });
    });
    it('refuses too many places', () => {
      refused({ localities: ['A', 'B', 'C'] }, 'localities', /localities must list at most 2 places/);
    });
    it.each([[' Halifax'], ['Halifax '], ['-Halifax'], ['Hali<fax>'], ['HX1\u0000'], [''], ['x'.repeat(PLACE_NAME_MAX_LENGTH + 1)]])('refuses the place %j', (place) => {
      refused({ localities: [place] }, 'localities', /each of localities must be a place name of 1–60/);
    });
  });

  describe('NestedList: lists of nested objects', () => {
    it('takes objects that pass their own rules', () => {
      fine({ milestones: [{ code: 'job-start' }, { code: 'sustained' }] });
    });
    it('refuses a null item as a 400 rule, not a crash, naming the list and the item', () => {
      for (const item of [null, 'job-start']) {
        const faults = faultsOf({ milestones: [item] });
        expect(Object.keys(faults).sort()).toEqual(['milestones', 'milestones.0']);
        expect(faults.milestones.join('; ')).toMatch(/each of milestones must be an object/);
      }
    });
    it('refuses too few or too many items', () => {
      refused({ milestones: [] }, 'milestones', /at least 1/);
      refused({ milestones: [{ code: 'a' }, { code: 'b' }, { code: 'c' }] }, 'milestones', /milestones must have at most 2 items/);
    });
    it("checks each item's own rules, naming the item", () => {
      refused({ milestones: [{ code: 'ok' }, { code: 'x'.repeat(21) }] }, 'milestones.1.code', /shorter than or equal to 20/);
    });
  });

  describe('WholePence: money', () => {
    it('takes whole pence within the range, at both ends', () => {
      fine({ amountPence: MAX_PENCE, feePence: 0 });
      fine({ amountPence: -MAX_PENCE, feePence: 500 });
    });
    it.each([[MAX_PENCE + 1], [-MAX_PENCE - 1], [1e308], [-1e308], [2 ** 53]])('refuses %d pence, stating the range', (amount) => {
      refused({ amountPence: amount }, 'amountPence', /amountPence must be from -1,000,000,000 to 1,000,000,000 pence/);
    });
    it('refuses fractions of a penny, text and null', () => {
      for (const amount of [0.5, '100', null]) refused({ amountPence: amount }, 'amountPence', /amountPence must be a whole number of pence/);
    });
    it('keeps a tighter range of its own', () => {
      refused({ feePence: 501 }, 'feePence', /from 0 to 500 pence/);
      refused({ feePence: -1 }, 'feePence', /from 0 to 500 pence/);
    });
  });

  describe('BoundedCount: places, sessions and targets', () => {
    it('takes whole numbers from 0 to the maximum', () => {
      fine({ maximum: 0, sessions: 10 });
      fine({ maximum: MAX_COUNT });
    });
    it.each([[MAX_COUNT + 1], [1e308], [-1]])('refuses %d, stating the range', (count) => {
      refused({ maximum: count }, 'maximum', /maximum must be from 0 to 1,000,000/);
    });
    it('refuses fractions and text, and keeps a tighter maximum of its own', () => {
      refused({ maximum: 1.5 }, 'maximum', /maximum must be a whole number/);
      refused({ maximum: '3' }, 'maximum', /maximum must be a whole number/);
      refused({ sessions: 11 }, 'sessions', /sessions must be from 0 to 10/);
    });
  });

  describe('ChoiceList: values from a fixed set', () => {
    it('takes any of the choices once each, up to all of them', () => {
      fine({ purposes: ['referral'], status: [] });
      fine({ purposes: ['research', 'referral', 'case-management'], status: ['accepted', 'requested'] });
    });
    it.each<[string, unknown]>([
      ['an unknown value', ['referral', 'marketing']],
      ['a value twice (so never more items than choices)', ['referral', 'referral']],
      ['more items than there are choices', ['referral', 'research', 'case-management', 'referral']],
      ['no value when one is needed', []],
      ['a null item', [null]],
      ['a bare value', 'referral'],
    ])('refuses %s, listing the choices', (_, purposes) => {
      refused({ purposes }, 'purposes', /purposes must be a list of different values \(at least 1\), each one of: referral, research, case-management/);
    });
    it('says how the list is written where it is a query parameter', () => {
      refused({ status: ['closed'] }, 'status', /status must be a list \(comma-separated\) of different values, each one of: requested, accepted/);
    });
  });
});
