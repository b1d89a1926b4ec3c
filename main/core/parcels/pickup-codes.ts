import type { Database } from 'better-sqlite3';
import { createHmac } from 'node:crypto';
import type { Clock } from '../clock';
import { storeKey } from '../store-keys';
import { sql } from '../db/statements';
import { waitAfter } from '../escalating-wait';

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

/**
 * Wrong-code throttling, computed from the attempts log so a restart does
 * not reset it. Wrong codes count from the last matched code, within a day.
 * FREE_WRONG of them are free (typos happen); after that each attempt waits
 * BASE_COOLDOWN_MS doubled per further wrong code, capped at an hour. That
 * is a few dozen guesses a day: finding one of a million codes is not
 * feasible, while a clerk's typo costs nothing once the right code is typed.
 */
export const THROTTLE = {
  FREE_WRONG: 5,
  WINDOW_MS: 24 * 3600_000,
  BASE_COOLDOWN_MS: 30_000,
  MAX_COOLDOWN_MS: 3600_000,
} as const;

export type AttemptOutcome = 'matched' | 'wrong' | 'throttled';

export class PickupThrottle {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly counterId: string,
  ) {}

  /** When the next attempt is allowed; undefined when it is allowed now. */
  lockedUntil(now = this.clock.now()): number | undefined {
    const recent = sql<[{ counter: string; since: number }], { n: number; last: number | null }>(this.db, 
        `SELECT count(*) AS n, max(at) AS last FROM pickup_attempts
         WHERE counter_id = @counter AND outcome = 'wrong' AND at > @since
           AND id > coalesce((SELECT max(id) FROM pickup_attempts WHERE counter_id = @counter AND outcome = 'matched'), 0)`,
      )
      .get({ counter: this.counterId, since: now - THROTTLE.WINDOW_MS })!;
    if (recent.n < THROTTLE.FREE_WRONG || recent.last === null) return undefined;
    const cooldown = waitAfter(recent.n, { free: THROTTLE.FREE_WRONG, baseMs: THROTTLE.BASE_COOLDOWN_MS, maxMs: THROTTLE.MAX_COOLDOWN_MS });
    const until = recent.last + cooldown;
    return until > now ? until : undefined;
  }

  record(outcome: AttemptOutcome, actorId: string, method: 'scanner' | 'keyboard'): void {
    sql(this.db, 'INSERT INTO pickup_attempts (at, counter_id, actor_id, method, outcome) VALUES (?, ?, ?, ?, ?)')
      .run(this.clock.now(), this.counterId, actorId, method, outcome);
  }
}
