import { z } from 'zod';
import { ERROR_CODES, type ErrorCode } from '../core/errors';

export const apiErrorSchema = z.strictObject({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  /** For BAD_INPUT: the input fields at fault, as dotted paths (`address.countryCode`). */
  fields: z.array(z.string()).optional(),
  /** For BAD_INPUT: a reason code per refused field, where main knows more than "check this field". */
  reasons: z.record(z.string(), z.string()).optional(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

/** What every call answers across either transport. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Thrown by the client when main answers with an error, so callers can `catch` and read `code`. */
export class ApiCallError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly call: string,
    readonly fields: readonly string[] = [],
    readonly reasons: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'ApiCallError';
  }
}
