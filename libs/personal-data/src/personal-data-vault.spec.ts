import { InMemoryPersonKeyStore } from './in-memory-person-key-store';
import { ERASED, PersonalDataVault } from './personal-data-vault';

describe('personal data vault', () => {
  const details = { givenName: 'Amira', familyName: 'Khan', dateOfBirth: '1990-05-04' };

  it('seals so the plaintext appears nowhere in the sealed form, and opens it again', () => {
    const vault = new PersonalDataVault(new InMemoryPersonKeyStore());
    const sealed = vault.seal('p1', details);
    expect(JSON.stringify(sealed)).not.toContain('Amira');
    expect(vault.open('p1', sealed)).toEqual(details);
  });

  it('binds the blob to its person', () => {
    const vault = new PersonalDataVault(new InMemoryPersonKeyStore());
    const sealed = vault.seal('p1', details);
    vault.seal('p2', {});
    expect(() => vault.open('p2', sealed)).toThrow();
  });

  it('after shredding, every sealed field of that person opens as erased and others are untouched', () => {
    const vault = new PersonalDataVault(new InMemoryPersonKeyStore());
    const a = vault.seal('p1', details);
    const b = vault.seal('p1', 'notes about p1');
    const other = vault.seal('p2', 'notes about p2');
    vault.shred('p1');
    expect(vault.open('p1', a)).toBe(ERASED);
    expect(vault.open('p1', b)).toBe(ERASED);
    expect(vault.isErased('p1')).toBe(true);
    expect(vault.open('p2', other)).toBe('notes about p2');
  });
});
