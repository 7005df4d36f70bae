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

  seal(personId: string, value: unknown): SealedPersonalData {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys.obtain(personId), iv);
    cipher.setAAD(Buffer.from(personId));
    const ciphertext = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
    return { alg: 'A256GCM', iv: iv.toString('base64'), ciphertext: ciphertext.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
  }

  /**
   * Seals with the person's existing key, or returns undefined when there is none (never registered, or erased),
   * so a late write cannot bring an erased person's key back to life.
   */
  sealIfKept(personId: string, value: unknown): SealedPersonalData | undefined {
    return this.isErased(personId) ? undefined : this.seal(personId, value);
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
  shred(personId: string): void {
    this.keys.destroy(personId);
  }

  close(): void {
    this.keys.close();
  }
}
