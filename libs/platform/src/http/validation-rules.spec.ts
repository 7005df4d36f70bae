import { validateSync } from 'class-validator';
import { IsString } from 'class-validator';
import { IsCalendarDate, OptionalField } from './validation-rules';

class Sample {
  @OptionalField() @IsString()
  name?: string | null;

  @OptionalField() @IsCalendarDate({ notInFuture: true })
  bornOn?: string;
}

const errorsOf = (value: object) => validateSync(Object.assign(new Sample(), value)).map((e) => e.property);

describe('validation rules', () => {
  it('skips an absent optional field but refuses null', () => {
    expect(errorsOf({})).toEqual([]);
    expect(errorsOf({ name: null })).toEqual(['name']);
  });
  it('accepts only real calendar dates, not in the future', () => {
    expect(errorsOf({ bornOn: '1990-02-28' })).toEqual([]);
    expect(errorsOf({ bornOn: '1990-02-31' })).toEqual(['bornOn']);
    expect(errorsOf({ bornOn: '2999-01-01' })).toEqual(['bornOn']);
    expect(errorsOf({ bornOn: '1990-2-3' })).toEqual(['bornOn']);
  });
});
