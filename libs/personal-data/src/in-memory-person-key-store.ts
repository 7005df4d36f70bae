import { randomBytes } from 'node:crypto';
import { PersonKeyStore } from './person-key-store';

/** For unit tests only: keys vanish with the process. */
export class InMemoryPersonKeyStore implements PersonKeyStore {
  private readonly keys = new Map<string, Buffer>();
  async obtain(personId: string): Promise<Buffer> {
    let key = this.keys.get(personId);
    if (!key) this.keys.set(personId, (key = randomBytes(32)));
    return key;
  }
  find(personId: string): Buffer | undefined {
    return this.keys.get(personId);
  }
  async lookup(personId: string): Promise<Buffer | undefined> {
    return this.find(personId);
  }
  async destroy(personId: string): Promise<void> {
    this.keys.delete(personId);
  }
  async close(): Promise<void> {}
}
