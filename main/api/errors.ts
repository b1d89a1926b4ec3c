import { z } from 'zod';
import { ERROR_CODES, ERROR_REASONS, type ErrorCode, type ErrorParams, type ErrorReason, type FieldIssue } from '../core/errors';

export type { ErrorParams, ErrorReason, FieldIssue };

const paramsSchema = z.record(z.string(), z.union([z.string(), z.number()]));

export const apiErrorSchema = z.strictObject({
  code: z.enum(ERROR_CODES),
  /** English, for logs and developers: never shown to a person (the renderer translates code, reason and params). */
  message: z.string(),
  /** A key under errors.reasons, filled with params. */
  reason: z.enum(ERROR_REASONS).optional(),
  params: paramsSchema.optional(),
  /** For BAD_INPUT: the input fields at fault, as dotted paths (`address.countryCode`). */
  fields: z.array(z.string()).optional(),
  /** For BAD_INPUT: each refused field with a reason code. */
  issues: z.array(z.strictObject({ field: z.string(), reason: z.enum(ERROR_REASONS), params: paramsSchema.optional() })).optional(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

/** What every call answers across either transport. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Thrown by the client when main answers with an error, so callers can `catch` and read `code`. */
export class ApiCallError extends Error {
  readonly reason?: ErrorReason;
  readonly params: ErrorParams;
  readonly issues: readonly FieldIssue[];
  readonly fields: readonly string[];

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly call: string,
    details: { reason?: ErrorReason; params?: ErrorParams; issues?: readonly FieldIssue[]; fields?: readonly string[] } = {},
  ) {
    super(message);
    this.name = 'ApiCallError';
    this.reason = details.reason;
    this.params = details.params ?? {};
    this.issues = details.issues ?? (details.fields ?? []).map((field) => ({ field, reason: 'invalid' }));
    this.fields = details.fields ?? this.issues.map((issue) => issue.field);
  }
}
