import { randomUUID } from 'node:crypto';
import { repeatableId } from './idempotency-context';

/**
 * Ids are UUIDs unless the caller supplies its own (e.g. a partner system's reference). Under an
 * Idempotency-Key a retry makes the same ones, so a retried create after a crash finds what it created.
 */
export const newId = () => repeatableId() ?? randomUUID();
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
export const ID_RULE = 'must be 1–64 letters, digits, dashes or underscores';
