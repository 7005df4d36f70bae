import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PersonalDataVault, ERASED } from './personal-data-vault';
import { SqlitePersonKeyStore } from './sqlite-person-key-store';

describe('SQLite person key store', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'onedoor-keys-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps keys across a restart, and a destroyed key is gone from the file', async () => {
    const file = join(dir, 'keys.sqlite');
    let store = new SqlitePersonKeyStore(file);
    let vault = new PersonalDataVault(store);
    const sealed = await vault.seal('person-1', { givenName: 'Ola' });
    const key = store.find('person-1')!;
    await store.close();

    store = new SqlitePersonKeyStore(file);
    vault = new PersonalDataVault(store);
    expect(vault.open('person-1', sealed)).toEqual({ givenName: 'Ola' });
    await vault.shred('person-1');
    await store.close();

    store = new SqlitePersonKeyStore(file);
    expect(new PersonalDataVault(store).open('person-1', sealed)).toBe(ERASED);
    await store.close();
    // secure_delete: the key's bytes are overwritten, not just unlinked from the b-tree.
    expect(readFileSync(file).includes(key)).toBe(false);
  });
});
