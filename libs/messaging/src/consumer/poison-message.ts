/** Thrown by a handler for a message that can never succeed (no retry helps): it goes straight to dead letters. */
export class PoisonMessage extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'PoisonMessage';
  }
}
