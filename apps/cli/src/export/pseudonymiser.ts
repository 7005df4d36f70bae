import { createHmac, randomBytes } from 'node:crypto';

/**
 * Keyed pseudonyms for one export: the same person gets the same pseudonym throughout the file, so an
 * analyst can follow them across rows, but the key is fresh for every export and never written anywhere,
 * so two exports cannot be joined on it and nobody can go back from a pseudonym to a OneDoor id.
 */
export class Pseudonymiser {
  private readonly key = randomBytes(32);

  constructor(private readonly prefix: string) {}

  of(id: string): string {
    return `${this.prefix}${createHmac('sha256', this.key).update(id, 'utf8').digest('hex').slice(0, 20)}`;
  }
}
