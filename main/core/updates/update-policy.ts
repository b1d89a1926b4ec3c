import { createHash } from 'node:crypto';

/** Who asked what of a downloaded update: nothing yet, "later", or a manager's "restart now". */
export type StaffUpdateChoice = 'none' | 'later' | 'restart-now';

export interface UpdateSituation {
  updateDownloaded: boolean;
  /** A hand-over, intake or any other flow is open on the counter. */
  openFlow: boolean;
  /** A timer the counter keeps (a hold, a deadline) is running right now. */
  runningDeadline: boolean;
  insideOpeningHours: boolean;
  /** Staged rollout: the share of stores (0-100) that install this release. */
  rolloutPercent: number;
  /** This store's stable place in the rollout, 0-99 (see rolloutBucket). */
  storeBucket: number;
  staffChoice: StaffUpdateChoice;
}

export type UpdateWaitReason = 'not-downloaded' | 'outside-rollout' | 'open-flow' | 'running-deadline' | 'staff-later' | 'opening-hours';

export type UpdateDecision = { action: 'install' } | { action: 'wait'; reason: UpdateWaitReason };

/** A store's stable rollout bucket 0-99: the same store id always lands in the same bucket, ids spread evenly. */
export function rolloutBucket(storeId: string): number {
  return createHash('sha256').update(storeId).digest().readUInt32BE(0) % 100;
}

/**
 * Whether to install a downloaded update now. A hand-over is never interrupted: an open flow or a running
 * deadline makes everyone wait, a manager's "restart now" too. Without a manager's choice the update waits
 * for closing time, and "later" waits for that choice to be withdrawn.
 */
export function decideUpdate(situation: UpdateSituation): UpdateDecision {
  const wait = (reason: UpdateWaitReason): UpdateDecision => ({ action: 'wait', reason });
  if (!situation.updateDownloaded) return wait('not-downloaded');
  if (situation.storeBucket >= clampPercent(situation.rolloutPercent)) return wait('outside-rollout');
  if (situation.openFlow) return wait('open-flow');
  if (situation.runningDeadline) return wait('running-deadline');
  if (situation.staffChoice === 'restart-now') return { action: 'install' };
  if (situation.staffChoice === 'later') return wait('staff-later');
  if (situation.insideOpeningHours) return wait('opening-hours');
  return { action: 'install' };
}

function clampPercent(percent: number): number {
  return Number.isFinite(percent) ? Math.min(100, Math.max(0, percent)) : 0;
}
