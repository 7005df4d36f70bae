import { Pseudonymiser } from './pseudonymiser';

describe('Pseudonymiser', () => {
  it('gives one id the same pseudonym within an export, different ids different ones', () => {
    const people = new Pseudonymiser('person-');
    expect(people.of('demo-person-1')).toBe(people.of('demo-person-1'));
    expect(people.of('demo-person-1')).not.toBe(people.of('demo-person-2'));
    expect(people.of('demo-person-1')).toMatch(/^person-[0-9a-f]{20}$/);
    expect(people.of('demo-person-1')).not.toContain('demo');
  });

  it('uses a fresh key for every export, so two exports cannot be joined on pseudonyms', () => {
    expect(new Pseudonymiser('p-').of('demo-person-1')).not.toBe(new Pseudonymiser('p-').of('demo-person-1'));
  });
});
