import type { FieldIssue } from '@khu-siao/contracts';

/** An RFC 9457 problem: what went wrong, for people and programs, without stack traces or personal data. */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly instance?: string;
  readonly correlationId?: string;
  /** The fields at fault, by path (`members.0.nationalId`), with what is wrong, never their values. */
  readonly errors?: readonly FieldIssue[];
  readonly [extension: string]: unknown;
}

export const problemTypes = {
  invalidRequest: 'https://khu-siao.go.th/problems/invalid-request',
  notFound: 'https://khu-siao.go.th/problems/not-found',
  conflict: 'https://khu-siao.go.th/problems/conflict',
  versionConflict: 'https://khu-siao.go.th/problems/version-conflict',
  idempotencyKeyReused: 'https://khu-siao.go.th/problems/idempotency-key-reused',
  tooLarge: 'https://khu-siao.go.th/problems/payload-too-large',
  unauthenticated: 'https://khu-siao.go.th/problems/unauthenticated',
  forbidden: 'https://khu-siao.go.th/problems/forbidden',
  tooManyRequests: 'https://khu-siao.go.th/problems/too-many-requests',
  unavailable: 'https://khu-siao.go.th/problems/unavailable',
  internal: 'https://khu-siao.go.th/problems/internal-error',
  http: 'about:blank',
} as const;
