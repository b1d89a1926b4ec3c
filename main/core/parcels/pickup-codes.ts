import type { Database } from 'better-sqlite3';
import { createHmac } from 'node:crypto';
import type { Clock } from '../clock';
import { storeKey } from '../store-keys';
import { sql } from '../db/statements';
import { wrongCodeBudget, type WrongCodeBudget } from './code-guess-budget';
import { DAY_MS } from '../durations';

export const PICKUP_CODE = /^\d{6}$/;

/** Pickup codes are stored as an HMAC with a store key: a copied database does not list them. */
export class PickupCodeHasher {
  private key: Buffer | undefined;
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  hash(code: string): Buffer {
    this.key ??= storeKey(this.db, this.clock, 'pickup-code');
    return createHmac('sha256', this.key).update(`pickup-code:${code}`).digest();
  }
}

/** How a code reached main: typed (or a bare 6-digit scan), read from the customer's pickup barcode, or searched in the inventory. */
export type CodeEntry = 'typed' | 'barcode' | 'search';

export type AttemptOutcome = 'matched' | 'wrong' | 'throttled';

/** What the budget follows: how many codes can be live at once, and for how long a parcel waits. */
export interface BudgetBasis {
  liveCodes: number;
  retentionDays: number;
}

/**
 * The wrong-code budget, computed from the attempts log so a restart does
 * not reset it. Wrong codes count in a sliding window of one retention
 * period, and a right code does not forgive them (a known code typed now
 * and then must not buy more guesses). Once the pickup share is spent,
 * typing codes is refused until enough wrong ones leave the window or a
 * manager lifts the lock; the customer's pickup barcode still works. The
 * inventory's code searches have their own share (see wrongCodeBudget).
 * The budget is the store's, not one counter's: the arithmetic is about
 * every guess made against the store's codes.
 */
export class PickupThrottle {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly counterId: string,
    private readonly basis: () => BudgetBasis,
  ) {}

  budget(): WrongCodeBudget & { windowMs: number } {
    const { liveCodes, retentionDays } = this.basis();
    return { ...wrongCodeBudget(liveCodes), windowMs: retentionDays * DAY_MS };
  }

  /** When typing a code at pickup is allowed again; undefined when it is allowed now. */
  lockedUntil(now = this.clock.now()): number | undefined {
    const { pickup, windowMs } = this.budget();
    return this.lockEnd(['typed', 'barcode'], pickup, windowMs, now);
  }

  /** When an inventory search may look up a code again; undefined when it may now. */
  searchLockedUntil(now = this.clock.now()): number | undefined {
    const { search, windowMs } = this.budget();
    return this.lockEnd(['search'], search, windowMs, now);
  }

  /** What the last search for this code answered within the window (a search left open is logged once). */
  lastSearch(codeHash: Buffer, now = this.clock.now()): AttemptOutcome | undefined {
    return sql<[Buffer, number], { outcome: AttemptOutcome }>(
      this.db,
      `SELECT outcome FROM pickup_attempts WHERE entry = 'search' AND code_hash = ? AND at > ? AND id > ${LAST_LIFT}
       ORDER BY id DESC LIMIT 1`,
    ).get(codeHash, now - this.budget().windowMs)?.outcome;
  }

  /** `codeHash`: only an inventory search passes it, so a search left open is logged once (see lastSearch). */
  record(outcome: AttemptOutcome, actorId: string, method: 'scanner' | 'keyboard', entry: CodeEntry = 'typed', codeHash?: Buffer): void {
    sql(
      this.db,
      'INSERT INTO pickup_attempts (at, counter_id, actor_id, method, outcome, entry, code_hash) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(this.clock.now(), this.counterId, actorId, method, outcome, entry, codeHash ?? null);
  }

  /** A manager forgives every wrong code so far; the lift itself is logged and the attempts stay. */
  lift(actorId: string): { liftedAt: number } {
    const liftedAt = this.clock.now();
    sql(
      this.db,
      'INSERT INTO pickup_code_lock_lifts (at, actor_id, last_attempt_id) VALUES (?, ?, (SELECT coalesce(max(id), 0) FROM pickup_attempts))',
    ).run(liftedAt, actorId);
    return { liftedAt };
  }

  /** The wrong codes in the window past the budget leave it one by one: the lock ends when the first one that keeps it spent leaves. */
  private lockEnd(entries: readonly CodeEntry[], allowed: number, windowMs: number, now: number): number | undefined {
    const marks = entries.map(() => '?').join(', ');
    const wrongAt = sql<unknown[], { at: number }>(
      this.db,
      `SELECT at FROM pickup_attempts WHERE outcome = 'wrong' AND entry IN (${marks}) AND at > ? AND id > ${LAST_LIFT} ORDER BY at, id`,
    )
      .all(...entries, now - windowMs)
      .map((r) => r.at);
    // A store so large that no wrong code fits the budget: codes can only come from barcodes.
    if (allowed <= 0) return now + windowMs;
    if (wrongAt.length < allowed) return undefined;
    return wrongAt[wrongAt.length - allowed]! + windowMs;
  }
}

const LAST_LIFT = '(SELECT coalesce(max(last_attempt_id), 0) FROM pickup_code_lock_lifts)';
