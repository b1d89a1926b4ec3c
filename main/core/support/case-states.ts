import { CoreError } from '../errors';

/** A support case's states (docs/rules.md, Support; the glossary of the case log). */
export const CASE_STATES = ['open', 'in_progress', 'answered', 'awaiting_operator', 'transferred', 'reopened', 'closed'] as const;
export type CaseState = (typeof CASE_STATES)[number];

/** Who moves a case: the shop, the network's operator, or the app itself (the 7-day auto-close). */
export const CASE_ACTORS = ['shop', 'operator', 'system'] as const;
export type CaseActor = (typeof CASE_ACTORS)[number];

/**
 * The one table of allowed moves and who may make each. Anything not listed
 * is refused with a CaseTransitionError. The shop never reopens a closed case:
 * it opens a follow-up instead; only the operator reopens.
 */
export const CASE_TRANSITIONS: Readonly<Record<CaseState, Readonly<Partial<Record<CaseState, readonly CaseActor[]>>>>> = {
  open: { in_progress: ['operator'], answered: ['operator'], transferred: ['operator'], closed: ['operator', 'shop'] },
  in_progress: { answered: ['operator'], transferred: ['operator'], closed: ['operator', 'shop'] },
  answered: { awaiting_operator: ['shop'], in_progress: ['operator'], closed: ['operator', 'shop', 'system'] },
  awaiting_operator: { in_progress: ['operator'], answered: ['operator'], transferred: ['operator'], closed: ['operator', 'shop'] },
  transferred: { in_progress: ['operator'], answered: ['operator'], closed: ['operator', 'shop'] },
  reopened: { in_progress: ['operator'], answered: ['operator'], transferred: ['operator'], closed: ['operator', 'shop'] },
  closed: { reopened: ['operator'] },
};

/** The counters of the list (docs/rules.md, Support): which states each one counts. */
export const CASE_GROUPS = {
  open: ['open', 'reopened'],
  inProgress: ['in_progress', 'awaiting_operator', 'transferred'],
  awaitingReply: ['answered'],
  closed: ['closed'],
} as const satisfies Record<string, readonly CaseState[]>;
export type CaseGroup = keyof typeof CASE_GROUPS;

export function canMoveCase(from: CaseState, to: CaseState, actor: CaseActor): boolean {
  return CASE_TRANSITIONS[from][to]?.includes(actor) ?? false;
}

/** A refused move of a support case: typed, so callers and tests can tell it from other conflicts. */
export class CaseTransitionError extends CoreError {
  constructor(
    readonly caseNumber: string,
    readonly from: CaseState,
    readonly to: CaseState,
    readonly actor: CaseActor,
  ) {
    const closedToShop = from === 'closed' && actor === 'shop';
    super(
      'CONFLICT',
      closedToShop
        ? `Case ${caseNumber} is closed and cannot be reopened by the shop: open a follow-up instead`
        : `Case ${caseNumber} cannot go from ${from} to ${to} (by ${actor})`,
      { reason: closedToShop ? 'caseClosed' : 'caseMoveRefused', params: { number: caseNumber } },
    );
    this.name = 'CaseTransitionError';
  }
}

export function assertCaseMove(caseNumber: string, from: CaseState, to: CaseState, actor: CaseActor): void {
  if (!canMoveCase(from, to, actor)) throw new CaseTransitionError(caseNumber, from, to, actor);
}
