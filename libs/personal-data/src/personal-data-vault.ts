import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SealedPersonalData } from '@onedoor/domain';
import { PersonKeyStore } from './person-key-store';

/** What every read model, response and export shows in place of a field whose person was erased. */
export const ERASED = '[erased]' as const;

/**
 * Seals personal data with the person's own key (AES-256-GCM) and opens it again while the key lives.
 * The person id is bound in as associated data, so a sealed blob cannot be replayed under another person.
 */
export class PersonalDataVault {
  constructor(private readonly keys: PersonKeyStore) {}

  /** Seals with the person's key, creating it (durably, before this resolves) on first use. */
  async seal(personId: string, value: unknown): Promise<SealedPersonalData> {
    return sealWith(await this.keys.obtain(personId), personId, value);
  }

  /**
   * Seals with the key this process knows for the person, or returns undefined when it knows none (never
   * registered, or erased), so a late write cannot bring an erased person's key back to life. For work that
   * follows the log, which learns each person's key before it hands on their events.
   */
  sealIfKept(personId: string, value: unknown): SealedPersonalData | undefined {
    const key = this.keys.find(personId);
    return key && sealWith(key, personId, value);
  }

  /** As sealIfKept, but asks the key store itself: for commands, which must not trust a process that lags. */
  async sealIfStored(personId: string, value: unknown): Promise<SealedPersonalData | undefined> {
    const key = await this.keys.lookup(personId);
    return key && sealWith(key, personId, value);
  }

  /** Whether the key store still holds the person's key (not merely whether this process knows it). */
  async isKeyStored(personId: string): Promise<boolean> {
    return (await this.keys.lookup(personId)) !== undefined;
  }

  /** The opened value, or ERASED once the person's key is gone. */
  open<T>(personId: string, sealed: SealedPersonalData): T | typeof ERASED {
    const key = this.keys.find(personId);
    if (!key) return ERASED;
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
    decipher.setAAD(Buffer.from(personId));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    const plain = Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]);
    return JSON.parse(plain.toString('utf8')) as T;
  }

  isErased(personId: string): boolean {
    return this.keys.find(personId) === undefined;
  }

  /** Destroys the person's key: from now on every sealed field about them opens as ERASED. */
  shred(personId: string): Promise<void> {
    return this.keys.destroy(personId);
  }

  close(): Promise<void> {
    return this.keys.close();
  }
}

function sealWith(key: Buffer, personId: string, value: unknown): SealedPersonalData {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(personId));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return { alg: 'A256GCM', iv: iv.toString('base64'), ciphertext: ciphertext.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
}
