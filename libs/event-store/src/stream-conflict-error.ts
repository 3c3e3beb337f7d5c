/** The stream moved on since the caller read it: the caller reloads and decides again (HTTP 409). */
export class StreamConflictError extends Error {
  constructor(
    readonly streamId: string,
    readonly expectedVersion: number,
    readonly actualVersion: number,
  ) {
    super(`stream ${streamId} is at version ${actualVersion}, not the expected ${expectedVersion}`);
    this.name = 'StreamConflictError';
  }
}
