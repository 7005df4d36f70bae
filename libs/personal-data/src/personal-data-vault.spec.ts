import { InMemoryPersonKeyStore } from './in-memory-person-key-store';
import { ERASED, PersonalDataVault } from './personal-data-vault';

describe('personal data vault', () => {
  const details = { givenName: 'Amira', familyName: 'Khan', dateOfBirth: '1990-05-04' };

  it('seals so the plaintext appears nowhere in the sealed form, and opens it again', async () => {
    const vault = new PersonalDataVault(new InMemoryPersonKeyStore());
    const sealed = await vault.seal('p1', details);
    expect(JSON.stringify(sealed)).not.toContain('Amira');
    expect(vault.open('p1', sealed)).toEqual(details);
  });

  it('binds the blob to its person', async () => {
    const vault = new PersonalDataVault(new InMemoryPersonKeyStore());
    const sealed = await vault.seal('p1', details);
    await vault.seal('p2', {});
    expect(() => vault.open('p2', sealed)).toThrow();
  });

  it('after shredding, every sealed field of that person opens as erased and others are untouched', async () => {
    const vault = new PersonalDataVault(new InMemoryPersonKeyStore());
    const a = await vault.seal('p1', details);
    const b = await vault.seal('p1', 'notes about p1');
    const other = await vault.seal('p2', 'notes about p2');
    await vault.shred('p1');
    expect(vault.open('p1', a)).toBe(ERASED);
    expect(vault.open('p1', b)).toBe(ERASED);
    expect(vault.isErased('p1')).toBe(true);
    expect(vault.open('p2', other)).toBe('notes about p2');
  });

  it('seals only with an existing key when asked to: no key is made for an unknown or erased person', async () => {
    const keys = new InMemoryPersonKeyStore();
    const vault = new PersonalDataVault(keys);
    expect(vault.sealIfKept('nobody', 'x')).toBeUndefined();
    expect(await vault.sealIfStored('nobody', 'x')).toBeUndefined();
    expect(keys.find('nobody')).toBeUndefined();
    await vault.seal('p1', details);
    expect(vault.open('p1', vault.sealIfKept('p1', 'kept')!)).toBe('kept');
    expect(vault.open('p1', (await vault.sealIfStored('p1', 'stored'))!)).toBe('stored');
    expect(await vault.isKeyStored('p1')).toBe(true);
    await vault.shred('p1');
    expect(await vault.sealIfStored('p1', 'late')).toBeUndefined();
    expect(await vault.isKeyStored('p1')).toBe(false);
    expect(keys.find('p1')).toBeUndefined();
  });
});
