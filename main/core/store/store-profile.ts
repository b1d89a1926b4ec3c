import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock';
import type { OpeningHoursInput } from '../hours/hours-shapes';
import { localDay } from '../hours/opening-hours';
import type { Network, NetworkRepository } from '../networks/network-repository';
import { queueOutboxEvent } from '../networks/outbox-queue';
import type { SettingsRepository } from '../settings';
import { actingStaffId } from '../staff/acting-staff';
import { storeProfileSchema, type StoreProfile } from './store-shapes';

const PROFILE_KEY = 'store.profile';
const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;

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
    this.db
      .transaction(() => {
        this.settings.set(PROFILE_KEY, JSON.stringify(checked));
        this.publish(this.hours());
      })
      .immediate();
    return this.get();
  }

  /** Queues the whole store record for each network (all of them unless named), in the caller's transaction. */
  publish(hours: OpeningHoursInput, only?: readonly string[]): void {
    const now = this.clock.now();
    for (const network of this.networks.list()) {
      if (only && !only.includes(network.id)) continue;
      queueOutboxEvent(this.db, {
        networkId: network.id,
        idempotencyKey: `store-profile:${randomUUID()}`,
        kind: 'store-profile',
        payload: this.recordFor(network, hours, now),
        at: now,
        actorId: actingStaffId(),
      });
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
