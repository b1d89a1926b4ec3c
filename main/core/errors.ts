/** Error codes the renderer may see. Each one has a translation under errors.<code>. */
export const ERROR_CODES = [
  'BAD_INPUT',
  'UNKNOWN_CALL',
  'NOT_FOUND',
  'BLOCKED',
  /** Nobody is signed in and the call needs a person. */
  'SIGN_IN_REQUIRED',
  /** The signed-in person's role may not make this call. */
  'FORBIDDEN',
  /** A backup failed its integrity or custody-chain check: nothing was replaced. */
  'BACKUP_DAMAGED',
  'CONFLICT',
  'DATABASE_UNAVAILABLE',
  'INTERNAL',
  'SERVICE_ORDER_FINISHED',
  'SERVICE_NOT_QUALIFIED',
  'SERVICE_ALLOCATION_REFUSED',
  'SERVICE_SERIAL_TAKEN',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** A failure core means to report: it carries a code the UI can translate. */
export class CoreError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** For BAD_INPUT: the input fields at fault (dotted paths), so a form can mark them. */
    readonly fields?: readonly string[],
    /** For BAD_INPUT: a reason code for a refused field whose fix is not obvious, which the renderer translates. */
    readonly reasons?: Readonly<Record<string, string>>,
  ) {
    super(message);
    this.name = 'CoreError';
  }
}
