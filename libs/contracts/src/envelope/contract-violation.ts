/** One field that broke a contract: where it is and what is wrong, never the value itself (it may be personal data). */
export interface FieldIssue {
  readonly field: string;
  readonly message: string;
}

/** Raised before anything is written or published when an envelope or payload breaks its contract. */
export class ContractViolation extends Error {
  constructor(
    readonly issues: readonly FieldIssue[],
    readonly eventType?: string,
  ) {
    super(
      `${eventType ? `${eventType}: ` : ''}contract violated at ${issues
        .map((issue) => `${issue.field} (${issue.message})`)
        .join(', ')}`,
    );
    this.name = 'ContractViolation';
  }
}
