/**
 * Personal data as it sits inside an event: encrypted with the person's own key (crypto-shredding).
 * The domain never opens it; it only carries it. Erasing the person deletes the key, and the
 * ciphertext left in the log can never be read again.
 */
export interface SealedPersonalData {
  /** Algorithm tag, so the sealing scheme can change without editing old events. */
  alg: 'A256GCM';
  iv: string;
  ciphertext: string;
  tag: string;
}
