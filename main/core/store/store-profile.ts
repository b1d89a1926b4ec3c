import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Clock } from '../clock';
import { sql } from '../db/statements';
import { localDay, type OpeningHoursInput } from '../hours/opening-hours';
import type { Network, NetworkRepository } from '../networks/network-repository';
import type { SettingsRepository } from '../settings';
import { actingStaffId } from '../staff/acting-staff';

const PROFILE_KEY = 'store.profile';
const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const optionalLine = (max: number) => z.string().trim().max(max).optional();

/** The fields a carrier's store feed asks of a pickup point (docs/network-api.openapi.yaml, StoreProfile). */
export const storeProfileSchema = z.strictObject({
  name: z.string().trim().min(1).max(50),
  isActive: z.boolean(),
  timeZone: z.string().refine(isTimeZone, 'not a time zone'),
  address: z.strictObject({
    addressLine1: z.string().trim().min(1).max(180),
    addressLine2: optionalLine(60),
    addressLine3: optionalLine(60),
    city: z.string().trim().min(1).max(100),
    region: optionalLine(100),
    district: optionalLine(100),
    postalCode: z.string().trim().min(1).max(20),
    countryCode: z.string().regex(/^[A-Z]{2}$/),
    latitude: z.string().regex(/^[+-]?\d{1,2}\.\d{6}$/).optional(),
    longitude: z.string().regex(/^[+-]?\d{1,3}\.\d{6}$/).optional(),
  }),
  capabilities: z.array(z.enum(['PICK_UP', 'DROP_OFF'])).min(1).refine((c) => new Set(c).size === c.length, 'repeated'),
});
export type StoreProfile = z.infer<typeof storeProfileSchema>;

/** What a new install starts with, so every network gets a valid record from the first day; the staff edit it in Settings. */
function defaultProfile(): StoreProfile {
  return {
    name: 'OpenCounter demo shop',
    isActive: true,
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    address: { addressLine1: 'Via Roma 1', city: 'Milano', postalCode: '20121', countryCode: 'IT' },
    capabilities: ['PICK_UP'],
  };
}

/**
 * The store's own data, and the one record every network receives: the
 * profile with the opening hours and the network's capacity. Each change
 * queues that record for every network in the caller's transaction.
 */
export class StoreProfileService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly settings: SettingsRepository,
    private readonly networks: NetworkRepository,
    private readonly storeId: string,
    /** The current hours; a function because the hours service also publishes through this one. */
    private readonly hours: () => OpeningHoursInput,
  ) {}

  get(): StoreProfile {
    const stored = this.settings.get(PROFILE_KEY);
    const parsed = stored === undefined ? undefined : storeProfileSchema.safeParse(JSON.parse(stored));
    return parsed?.success ? parsed.data : defaultProfile();
  }

  timeZone(): string {
    return this.get().timeZone;
  }

  save(profile: StoreProfile): StoreProfile {
    const checked = storeProfileSchema.parse(profile);
    this.db.transaction(() => {
      this.settings.set(PROFILE_KEY, JSON.stringify(checked));
      this.publish(this.hours());
    }).immediate();
    return this.get();
  }

  /** Queues the whole store record for each network (all of them unless named), in the caller's transaction. */
  publish(hours: OpeningHoursInput, only?: readonly string[]): void {
    const now = this.clock.now();
    const enqueue = sql(this.db, "INSERT INTO outbox (network_id, idempotency_key, kind, payload_json, created_at, actor_id) VALUES (?, ?, 'store-profile', ?, ?, ?)");
    for (const network of this.networks.list()) {
      if (only && !only.includes(network.id)) continue;
      enqueue.run(network.id, `store-profile:${randomUUID()}`, JSON.stringify(this.recordFor(network, hours, now)), now, actingStaffId());
    }
  }

  /** The StoreProfile body of the network API for one network. */
  recordFor(network: Network, hours: OpeningHoursInput, now: number) {
    const profile = this.get();
    const today = localDay(now, profile.timeZone).date;
    return {
      storeId: this.storeId,
      name: profile.name,
      // Until the shop has entered its own details, no network may show the placeholder ones to customers.
      isActive: this.settings.get(PROFILE_KEY) !== undefined && profile.isActive,
      timeZone: profile.timeZone,
      address: profile.address,
      standardHours: hours.week.map((ranges, day) => ({ day: WEEKDAYS[day]!, ranges })),
      // The planned ones, not the history (the hours rules keep them to 30).
      exceptionalClosures: hours.exceptions.filter((e) => e.date >= today),
      capabilities: profile.capabilities,
      capacity: { threshold: network.policy.capacity },
      changedAt: now,
    };
  }
}
