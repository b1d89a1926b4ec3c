/** The only source of "now" for the domain. Core never calls Date.now() for a rule. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/**
 * Wall time plus an offset that only moves forward. The browser host uses it
 * with --test-hooks so tests can make time pass, or stand still while they
 * look at a short window (a reload inside a 3-second undo); unit tests use
 * ManualClock.
 */
export class AdjustableClock implements Clock {
  private offsetMs = 0;
  /** The base time at which the clock was held, while it is. */
  private heldAt: number | undefined;
  constructor(private readonly base: Clock = systemClock) {}
  now(): number {
    return (this.heldAt ?? this.base.now()) + this.offsetMs;
  }
  advance(ms: number): number {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('The clock only moves forward');
    this.offsetMs += ms;
    return this.now();
  }
  /** Stops the clock, or lets it run on from where it stood (never backwards, never with a jump). */
  hold(held: boolean): number {
    if (held && this.heldAt === undefined) this.heldAt = this.base.now();
    if (!held && this.heldAt !== undefined) {
      this.offsetMs -= this.base.now() - this.heldAt;
      this.heldAt = undefined;
    }
    return this.now();
  }
}

/** A clock that stands still until told to move. */
export class ManualClock implements Clock {
  constructor(private current: number) {}
  now(): number {
    return this.current;
  }
  advance(ms: number): number {
    this.current += ms;
    return this.current;
  }
  set(ms: number): void {
    this.current = ms;
  }
}
