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
  /** A pickup's hand-over was already committed (or never pending): there is nothing to undo. */
  'PICKUP_UNDO_CLOSED',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Why main refused, as a code: each has a translation under errors.reasons.<reason>
 * (a unit test holds the locale files to this list). The first ones describe
 * one field; the rest are rules of core.
 */
export const ERROR_REASONS = [
  'required',
  'tooShort',
  'tooLong',
  'tooFew',
  'tooMany',
  'tooSmall',
  'tooBig',
  'email',
  'format',
  'choose',
  'wholeNumber',
  'invalid',
  'unknownField',
  'demoUnavailable',
  'trainingDemoOnly',
  'noParcelWaiting',
  'notAnnounced',
  'networkExists',
  'scannerExists',
  'collaboratorExists',
  'endsBeforeStart',
  'choosePerson',
  'noCollaboratorList',
  'caseNotClosed',
  'caseClosed',
  'caseMoveRefused',
  'nothingToExport',
  'phone',
  'noNetwork',
  'alreadyDone',
  'notNetworkTracking',
  'noIntakeDeadline',
  'intakeWindowPassed',
  'alreadyPostponed',
  'pickupCodeDigits',
  'parcelMoveRefused',
  'slotTwice',
  'slotsHoldParcels',
  'parcelChanged',
  'chooseParcel',
  'otherNetwork',
  'attachmentsTooMany',
  'attachmentTooLarge',
  'attachmentEmpty',
  'attachmentType',
  'attachmentName',
  'attachmentUnsafe',
  'attachmentUnchecked',
  'outOfRange',
  'closeBeforeOpen',
  'overlap',
  'duplicateDate',
  'tooManyExceptions',
  'notSerialPort',
  'coordinatesTogether',
  'unknownGroup',
  'unknownSkill',
  'unknownZone',
  'inUse',
  'fullPath',
  'pinDigits',
  'pinMismatch',
  'unknownCustomer',
  'serialTaken',
  'itemOrNewItem',
  'otherCustomerItem',
  'technicianOrGroup',
  'notQualified',
  'sayWhyMoved',
  'patternEmpty',
  'patternTooLong',
  'patternSyntax',
  'patternUnsupported',
] as const;
export type ErrorReason = (typeof ERROR_REASONS)[number];

/** Values a translated message is filled with: never words, only names, numbers and IDs. */
export type ErrorParams = Record<string, string | number>;

/** One refused input field (a dotted path such as `address.countryCode`), with why, as a code the renderer translates. */
export interface FieldIssue {
  field: string;
  reason: ErrorReason;
  params?: ErrorParams;
}

export interface CoreErrorDetails {
  /** What the person reads (errors.reasons.<reason>), in their language. The English message is for logs only. */
  reason?: ErrorReason;
  params?: ErrorParams;
  /** For BAD_INPUT: the input fields at fault, so a form can mark each next to its field. */
  issues?: readonly FieldIssue[];
}

/** A failure core means to report: it carries a code (and a reason with parameters) the UI can translate. */
export class CoreError extends Error {
  readonly reason?: ErrorReason;
  readonly params?: ErrorParams;
  readonly issues: readonly FieldIssue[];

  constructor(
    readonly code: ErrorCode,
    message: string,
    details: CoreErrorDetails = {},
  ) {
    super(message);
    this.name = 'CoreError';
    this.reason = details.reason;
    this.params = details.params;
    this.issues = details.issues ?? [];
  }

  /** The dotted paths of the refused fields. */
  get fields(): string[] {
    return this.issues.map((issue) => issue.field);
  }
}

/** A BAD_INPUT on one field: the field is marked with the reason, the form says why next to it. */
export function fieldError(field: string, reason: ErrorReason, message: string, params?: ErrorParams): CoreError {
  return new CoreError('BAD_INPUT', message, { reason, params, issues: [{ field, reason, ...(params ? { params } : {}) }] });
}
