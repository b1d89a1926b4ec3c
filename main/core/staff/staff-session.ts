import type { Clock } from '../clock';
import { fieldError } from '../errors';
import type { SettingsRepository } from '../settings';
import type { PinCheck, StaffDirectory, StaffMember } from './staff-directory';
import { DEFAULT_IDLE_LOCK_MINUTES, MAX_IDLE_LOCK_MINUTES } from './staff-shapes';

export const IDLE_LOCK_KEY = 'staff.idleLockMinutes';

/**
 * Who is signed in at this counter. One person at a time per app: a quick
 * switch replaces them. Kept in memory on purpose: a restart asks for a PIN
 * again. The idle lock is measured on the injected clock from the last sign
 * of a person at the counter (a touch, a key, a scan), and it waits while a
 * flow with a running deadline is open; the deadline itself keeps running.
 */
export class StaffSession {
  private personId: string | undefined;
  private lastActivityAt = 0;
  private setUpDone = false;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly directory: StaffDirectory,
    private readonly clock: Clock,
    private readonly settings: SettingsRepository,
    /** True while a flow with a running deadline is open (an intake, an expired-parcel scan). */
    private readonly flowRunning: () => boolean,
  ) {}

  /** The signed-in person; someone deactivated meanwhile is signed out. */
  current(): StaffMember | undefined {
    if (this.personId === undefined) return undefined;
    const person = this.directory.get(this.personId);
    if (person?.active) return person;
    this.personId = undefined;
    return undefined;
  }

  async signIn(staffId: string, pin: string): Promise<PinCheck> {
    const result = await this.directory.check(staffId, pin);
    if (result.ok) this.start(result.person);
    return result;
  }

  /** The first manager is signed in by the setup step itself. */
  async setUp(name: string, pin: string): Promise<StaffMember> {
    const person = await this.directory.setUp(name, pin);
    this.start(person);
    return person;
  }

  /** True until the first manager exists; once set up, a shop never goes back (the last manager cannot be removed). */
  beforeSetup(): boolean {
    if (this.setUpDone) return false;
    this.setUpDone = !this.directory.needsSetup();
    return !this.setUpDone;
  }

  lock(): void {
    if (this.personId === undefined) return;
    this.personId = undefined;
    this.notify();
  }

  /** Someone is at the counter: the idle time starts again. */
  touch(): void {
    if (this.personId !== undefined) this.lastActivityAt = this.clock.now();
  }

  idleLockMinutes(): number {
    const raw = this.settings.get(IDLE_LOCK_KEY);
    const stored = raw === undefined ? Number.NaN : Number(raw);
    return Number.isInteger(stored) && stored >= 0 && stored <= MAX_IDLE_LOCK_MINUTES ? stored : DEFAULT_IDLE_LOCK_MINUTES;
  }

  setIdleLockMinutes(minutes: number): void {
    if (!Number.isInteger(minutes) || minutes < 0 || minutes > MAX_IDLE_LOCK_MINUTES) {
      throw fieldError('minutes', 'outOfRange', `The idle lock is 0 (off) to ${MAX_IDLE_LOCK_MINUTES} minutes`, {
        min: 0,
        max: MAX_IDLE_LOCK_MINUTES,
      });
    }
    this.settings.set(IDLE_LOCK_KEY, String(minutes));
  }

  /**
   * When the idle lock falls due; undefined when nobody is signed in, the
   * lock is off, or a flow with a running deadline is open (the lock waits
   * for its end, which is itself a change that wakes the scheduler).
   */
  lockDueAt(): number | undefined {
    const minutes = this.idleLockMinutes();
    if (this.personId === undefined || minutes === 0 || this.flowRunning()) return undefined;
    return this.lastActivityAt + minutes * 60_000;
  }

  lockIfIdle(now = this.clock.now()): boolean {
    const due = this.lockDueAt();
    if (due === undefined || now < due) return false;
    this.lock();
    return true;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private start(person: StaffMember): void {
    this.personId = person.id;
    this.lastActivityAt = this.clock.now();
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
