import { knownPolicyFields } from '../policy-check';
import type {
  DriverCheckIn,
  ManifestPage,
  NetworkAdapter,
  NetworkIdentity,
  OutboundEvent,
  OutboundSupportItem,
  SupportUpdate,
} from '../network-adapter';
import type { z } from 'zod';
import type { NetworkHttpClient } from './http-client';
import {
  driverCheckInPageSchema,
  eventBatchResultSchema,
  manifestChangeSchema,
  manifestPageSchema,
  receiptSchema,
  storeInfoSchema,
  supportUpdatePageSchema,
} from './http-schemas';
import { NetworkRequestError } from './network-error';
import { cursorKeys } from '../../settings';

/** Kinds of outbox event that travel in the events batch; the store profile has its own call. */
const BATCHED_KINDS = new Set(['custody', 'capacity']);
const EVENTS_PER_BATCH = 500;
const SUPPORT_ITEMS_PER_BATCH = 200;
const MANIFEST_PAGE = 500;

/** Where the adapter keeps the support cursor between runs (settings, in the app). */
export interface CursorStore {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
}

/** A carrier network reached over HTTP, as docs/network-api.openapi.yaml describes it. */
export class HttpNetwork implements NetworkAdapter {
  /** The support cursor of the last page handed out, saved once that page has been applied (the next pull). */
  private readonly pendingSupportCursor = new Map<string, string>();

  constructor(
    private readonly client: NetworkHttpClient,
    private readonly storeId: string,
    private readonly cursors: CursorStore,
  ) {}

  private get store(): string {
    return `/stores/${encodeURIComponent(this.storeId)}`;
  }

  async identify(): Promise<NetworkIdentity> {
    const info = await this.client.request({ method: 'GET', path: this.store }, storeInfoSchema);
    if (info.storeId !== this.storeId) throw new NetworkRequestError('bad-response', `The network answered for store ${info.storeId}`);
    return { networkName: info.networkName, storeId: info.storeId };
  }

  async pullManifest(_networkId: string, cursor: string | undefined): Promise<ManifestPage> {
    return readManifestPage(
      await this.client.request(
        { method: 'GET', path: `${this.store}/manifest`, query: { cursor, limit: MANIFEST_PAGE } },
        manifestPageSchema,
      ),
    );
  }

  /** Sends the events in their order: runs of custody/capacity events as batches, each store profile on its own. */
  async pushEvents(_networkId: string, events: readonly OutboundEvent[]): Promise<void> {
    let batch: OutboundEvent[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      await this.client.request({ method: 'POST', path: `${this.store}/events`, body: { events: batch } }, eventBatchResultSchema);
      batch = [];
    };
    for (const event of events) {
      if (BATCHED_KINDS.has(event.kind)) {
        batch.push(event);
        if (batch.length === EVENTS_PER_BATCH) await flush();
      } else if (event.kind === 'store-profile') {
        await flush();
        await this.client.request(
          { method: 'PUT', path: `${this.store}/profile`, headers: { 'idempotency-key': event.idempotencyKey }, body: event.payload },
          receiptSchema,
        );
      } else {
        throw new NetworkRequestError('rejected', `No way to send a ${event.kind} event over HTTP`);
      }
    }
    await flush();
  }

  async pushSupport(_networkId: string, items: readonly OutboundSupportItem[]): Promise<void> {
    for (let i = 0; i < items.length; i += SUPPORT_ITEMS_PER_BATCH) {
      const body = { items: items.slice(i, i + SUPPORT_ITEMS_PER_BATCH) };
      await this.client.request({ method: 'POST', path: `${this.store}/support/items`, body }, receiptSchema);
    }
  }

  async pullSupport(networkId: string): Promise<SupportUpdate[]> {
    const key = cursorKeys.support(networkId);
    // The support desk applies a page before it asks again, so the page before this pull is done.
    const applied = this.pendingSupportCursor.get(networkId);
    if (applied !== undefined) this.cursors.set(key, applied);
    const page = await this.client.request(
      { method: 'GET', path: `${this.store}/support/updates`, query: { cursor: this.cursors.get(key) } },
      supportUpdatePageSchema,
    );
    this.pendingSupportCursor.set(networkId, page.cursor);
    return page.updates.map((u) => ({
      id: u.id,
      caseRef: u.caseRef,
      kind: u.kind,
      at: u.at,
      ...(u.body === undefined ? {} : { body: u.body }),
    }));
  }

  async pullDriverCheckIns(_networkId: string, cursor: string | undefined): Promise<{ checkIns: DriverCheckIn[]; cursor: string }> {
    const page = await this.client.request(
      { method: 'GET', path: `${this.store}/driver-check-ins`, query: { cursor } },
      driverCheckInPageSchema,
    );
    return {
      cursor: page.cursor,
      checkIns: page.checkIns.map((c) => ({
        id: c.id,
        at: c.at,
        ...(c.driverName === undefined ? {} : { driverName: c.driverName }),
        ...(c.parcelCount === undefined ? {} : { parcelCount: c.parcelCount }),
      })),
    };
  }
}

/** A manifest page as the network sent it, checked change by change: a change that breaks the protocol is counted and left out. */
export function readManifestPage(page: z.output<typeof manifestPageSchema>): ManifestPage {
  const result: ManifestPage = { items: [], recalls: [], cursor: page.cursor, hasMore: page.hasMore, skipped: 0 };
  for (const raw of page.changes) {
    const checked = manifestChangeSchema.safeParse(raw);
    if (!checked.success) {
      result.skipped!++;
      continue;
    }
    const change = checked.data;
    if (change.type === 'parcel') {
      result.items.push({
        trackingId: change.trackingId,
        recipientName: change.recipientName,
        size: change.size,
        pickupCode: change.pickupCode,
      });
    } else if (change.type === 'recall') {
      result.recalls!.push({ trackingId: change.trackingId, reason: change.reason });
    } else {
      // Several policy changes in one page: the later one wins field by field.
      result.policy = { ...result.policy, ...knownPolicyFields(change.policy) };
    }
  }
  return result;
}
