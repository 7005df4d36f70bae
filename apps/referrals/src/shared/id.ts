import { randomUUID } from 'node:crypto';

/** Ids are UUIDs unless the caller supplies its own (e.g. a partner system's reference). */
export const newId = () => randomUUID();
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
export const ID_RULE = 'must be 1–64 letters, digits, dashes or underscores';
