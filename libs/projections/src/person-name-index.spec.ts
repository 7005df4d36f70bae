import { PersonNameIndex } from './person-name-index';

describe('person name index', () => {
  const index = new PersonNameIndex();
  index.set({ personId: 'p1', givenName: 'Zoë', familyName: "O'Brien", dateOfBirth: '1990-01-02' });
  index.set({ personId: 'p2', givenName: 'Amira', familyName: 'Khan', dateOfBirth: '1988-03-14', postcode: 'HX1 2AB' });
  index.set({ personId: 'p3', givenName: 'Amir', familyName: 'Aziz', dateOfBirth: '1975-07-07' });
  const everyone = () => true;

  it('matches every word typed against the start of a name word, ignoring case and accents', () => {
    expect(index.search('zoe', { limit: 10, mayShow: everyone }).hits.map((h) => h.personId)).toEqual(['p1']);
    expect(index.search('ami', { limit: 10, mayShow: everyone }).hits.map((h) => h.personId)).toEqual(['p3', 'p2']);
    expect(index.search('ami kh', { limit: 10, mayShow: everyone }).hits.map((h) => h.personId)).toEqual(['p2']);
    expect(index.search('mira', { limit: 10, mayShow: everyone }).hits).toEqual([]);
  });

  it('narrows by date of birth and finds nobody for an empty query', () => {
    expect(index.search('ami', { dateOfBirth: '1988-03-14', limit: 10, mayShow: everyone }).hits).toEqual([
      { personId: 'p2', givenName: 'Amira', familyName: 'Khan', dateOfBirth: '1988-03-14', postcode: 'HX1 2AB' },
    ]);
    expect(index.search('  ', { limit: 10, mayShow: everyone })).toEqual({ hits: [], more: false });
  });

  it('skips people the caller may not see before the limit, and says when there are more', () => {
    expect(index.search('ami', { limit: 10, mayShow: (id) => id !== 'p3' }).hits.map((h) => h.personId)).toEqual(['p2']);
    expect(index.search('a', { limit: 1, mayShow: everyone })).toMatchObject({ more: true, hits: [{ personId: 'p3' }] });
  });

  it('forgets a deleted person', () => {
    const own = new PersonNameIndex();
    own.set({ personId: 'p9', givenName: 'Sam', familyName: 'Patel', dateOfBirth: '1992-02-17' });
    own.delete('p9');
    expect(own.search('sam', { limit: 5, mayShow: everyone }).hits).toEqual([]);
  });
});
