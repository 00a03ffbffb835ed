/**
 * An infrastructure fault the user can act on (a database that is down, a path that cannot
 * be opened). Its message is one sentence that says what to do next and holds no secrets.
 */
export class StorageError extends Error {
  constructor(
    readonly code: 'storage-unavailable' | 'storage-open-failed' | 'storage-migration-failed',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StorageError';
  }
}
