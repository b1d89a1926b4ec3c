import type { Database } from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock';
import { CoreError, fieldError } from '../errors';
import { sql } from '../db/statements';
import { waitAfter, type WaitPolicy } from '../escalating-wait';
import { actingStaffId } from './acting-staff';
import { hashPin, pinMatches, PIN_PATTERN } from './pin-kdf';
import type { StaffRole } from './staff-shapes';

export { STAFF_ROLES, type StaffRole } from './staff-shapes';

export interface StaffMember {
  id: string;
  name: string;
  role: StaffRole;
  active: boolean;
}

/** Five wrong PINs are free (fingers slip); then 30 s, doubling per miss, at most 15 minutes. Counted per person. */
export const PIN_WAIT: WaitPolicy = { free: 5, baseMs: 30_000, maxMs: 15 * 60_000 };

export type PinCheck =
  | { ok: true; person: StaffMember }
  | { ok: false; reason: 'wrong-pin'; freeLeft: number; lockedUntil: number | null }
  | { ok: false; reason: 'locked'; lockedUntil: number };

interface StaffRow {
  id: string;
  display_name: string;
  role: StaffRole;
  active: 0 | 1;
  pin_hash: string | null;
  failed_pins: number;
  last_failed_at: number | null;
}

const COLUMNS = 'id, display_name, role, active, pin_hash, failed_pins, last_failed_at';
const toMember = (row: StaffRow): StaffMember => ({ id: row.id, name: row.display_name, role: row.role, active: row.active === 1 });

/**
 * The people who may sign in. Only people with a PIN are listed: the
 * built-in `counter` user stays in the table because older log rows name it.
 */
export class StaffDirectory {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  list(): StaffMember[] {
    return sql<[], StaffRow>(
      this.db,
      `SELECT ${COLUMNS} FROM staff WHERE pin_hash IS NOT NULL ORDER BY active DESC, display_name COLLATE NOCASE, id`,
    )
      .all()
      .map(toMember);
  }

  get(id: string): StaffMember | undefined {
    const row = this.row(id);
    return row?.pin_hash ? toMember(row) : undefined;
  }

  /** True until the first manager exists: the app then shows the setup step, and only it. */
  needsSetup(): boolean {
    return (
      sql<[], { n: number }>(this.db, "SELECT count(*) AS n FROM staff WHERE pin_hash IS NOT NULL AND role = 'manager'").get()!.n === 0
    );
  }

  /** The first manager, once: a second call (or a race with one) is refused. */
  async setUp(name: string, pin: string): Promise<StaffMember> {
    const pinHash = await hashPin(checkPin(pin));
    return this.db
      .transaction(() => {
        if (!this.needsSetup()) throw new CoreError('CONFLICT', 'The first manager already exists');
        return this.insert(name, 'manager', pinHash);
      })
      .immediate();
  }

  async add(name: string, role: StaffRole, pin: string): Promise<StaffMember> {
    const pinHash = await hashPin(checkPin(pin));
    return this.db.transaction(() => this.insert(name, role, pinHash)).immediate();
  }

  async resetPin(id: string, pin: string): Promise<StaffMember> {
    const pinHash = await hashPin(checkPin(pin));
    this.update(id, 'pin_hash = ?, failed_pins = 0, last_failed_at = NULL', pinHash);
    return this.get(id)!;
  }

  setRole(id: string, role: StaffRole): StaffMember {
    this.db
      .transaction(() => {
        if (role !== 'manager') this.assertAnotherActiveManager(id);
        this.update(id, 'role = ?', role);
      })
      .immediate();
    return this.get(id)!;
  }

  /** Deactivated people keep their rows (the logs name them) but can no longer sign in. */
  setActive(id: string, active: boolean): StaffMember {
    this.db
      .transaction(() => {
        if (!active) this.assertAnotherActiveManager(id);
        this.update(id, 'active = ?', active ? 1 : 0);
      })
      .immediate();
    return this.get(id)!;
  }

  /** When this person may try a PIN again; undefined when they may now. */
  lockedUntil(id: string, now = this.clock.now()): number | undefined {
    const row = this.row(id);
    if (!row || row.last_failed_at === null) return undefined;
    const until = row.last_failed_at + waitAfter(row.failed_pins, PIN_WAIT);
    return until > now ? until : undefined;
  }

  /**
   * Checks a PIN. The try is counted before the slow hash, in the database
   * the next start reads, so tries sent in parallel cannot all slip past the
   * wait; a right PIN then clears the count.
   */
  async check(id: string, pin: string): Promise<PinCheck> {
    const row = this.row(id);
    if (!row?.pin_hash || row.active !== 1) throw new CoreError('NOT_FOUND', 'No such person can sign in');
    const locked = this.lockedUntil(id);
    if (locked !== undefined) return { ok: false, reason: 'locked', lockedUntil: locked };
    const misses = sql<[number, string], { failed_pins: number }>(
      this.db,
      'UPDATE staff SET failed_pins = failed_pins + 1, last_failed_at = ? WHERE id = ? RETURNING failed_pins',
    ).get(this.clock.now(), id)!.failed_pins;
    if (PIN_PATTERN.test(pin) && (await pinMatches(pin, row.pin_hash))) {
      sql(this.db, 'UPDATE staff SET failed_pins = 0, last_failed_at = NULL WHERE id = ?').run(id);
      return { ok: true, person: toMember(row) };
    }
    return { ok: false, reason: 'wrong-pin', freeLeft: Math.max(0, PIN_WAIT.free - misses), lockedUntil: this.lockedUntil(id) ?? null };
  }

  private insert(name: string, role: StaffRole, pinHash: string): StaffMember {
    const id = `P-${randomBytes(4).toString('hex').toUpperCase()}`;
    const now = this.clock.now();
    sql(
      this.db,
      'INSERT INTO staff (id, display_name, role, created_at, pin_hash, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(id, checkName(name), role, now, pinHash, now, actingStaffId());
    return this.get(id)!;
  }

  private update(id: string, set: string, value: unknown): void {
    if (!this.get(id)) throw new CoreError('NOT_FOUND', `No person ${id}`);
    sql(this.db, `UPDATE staff SET ${set}, updated_at = ?, updated_by = ? WHERE id = ?`).run(value, this.clock.now(), actingStaffId(), id);
  }

  /** A shop is never left without an active manager who can sign in. */
  private assertAnotherActiveManager(id: string): void {
    const others = sql<[string], { n: number }>(
      this.db,
      "SELECT count(*) AS n FROM staff WHERE pin_hash IS NOT NULL AND role = 'manager' AND active = 1 AND id <> ?",
    ).get(id)!.n;
    if (others === 0) throw new CoreError('CONFLICT', 'The last active manager cannot be removed or made a clerk');
  }

  private row(id: string): StaffRow | undefined {
    return sql<[string], StaffRow>(this.db, `SELECT ${COLUMNS} FROM staff WHERE id = ?`).get(id);
  }
}

function checkPin(pin: string): string {
  if (!PIN_PATTERN.test(pin)) throw fieldError('pin', 'pinDigits', 'A PIN is 4 to 8 digits', { min: 4, max: 8 });
  return pin;
}

function checkName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length < 1 || trimmed.length > 60)
    throw fieldError('name', trimmed.length < 1 ? 'required' : 'tooLong', 'A name is 1 to 60 characters', { max: 60 });
  return trimmed;
}
