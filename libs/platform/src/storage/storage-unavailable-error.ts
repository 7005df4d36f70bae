/** The configured storage cannot be reached or set up at start: the operator's to fix, said without a stack trace. */
export class StorageUnavailableError extends Error {
  constructor(message: string) {
    super(`OneDoor cannot start: ${message}`);
    this.name = 'StorageUnavailableError';
    // Nest logs a failed start by the error's stack: for this one, the message is all the operator needs.
    this.stack = `${this.name}: ${this.message}`;
  }
}

/**
 * What went wrong, in one line. A host name that resolves to several addresses (localhost: ::1 and 127.0.0.1)
 * fails as an AggregateError whose own message is empty; its parts say what happened.
 */
export function reasonOf(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return [...new Set(error.errors.map(reasonOf))].join('; ');
  if (error instanceof Error) return error.message || (error as { code?: string }).code || error.name;
  return String(error);
}
