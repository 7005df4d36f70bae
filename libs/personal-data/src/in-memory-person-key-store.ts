import { randomBytes } from 'node:crypto';
import { PersonKeyStore } from './person-key-store';

/** For unit tests only: keys vanish with the process. */
export class InMemoryPersonKeyStore implements PersonKeyStore {
  private readonly keys = new Map<string, Buffer>();
  obtain(personId: string): Buffer {
    let key = this.keys.get(personId);
    if (!key) this.keys.set(personId, (key = randomBytes(32)));
    return key;
  }
  find(personId: string): Buffer | undefined {
    return this.keys.get(personId);
  }
  destroy(personId: string): void {
    this.keys.delete(personId);
  }
  close(): void {}
}
