import type { Database } from 'better-sqlite3';
import parsePhoneNumber, { type CountryCode } from 'libphonenumber-js';
import type { Clock } from '../clock';
import { sql } from '../db/statements';
import { actingStaffId } from '../staff/acting-staff';
import { CoreError, fieldError } from '../errors';
import type { NetworkRepository } from '../networks/network-repository';

export interface CallbackRequest {
  id: number;
  networkId: string;
  phone: string;
  createdAt: number;
  sentAt: number | null;
}

/** "Contact support": requests for the operator to call the shop back. Stored here, sent by the operator mailbox. */
export class CallbackRequests {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly networks: NetworkRepository,
  ) {}

  /** A call-back request with a phone number that libphonenumber-js accepts as valid; stored, then sent. */
  request(phone: string, defaultCountry: CountryCode, networkId?: string): CallbackRequest {
    const parsed = parsePhoneNumber(phone, defaultCountry);
    if (!parsed || !parsed.isValid()) throw fieldError('phone', 'phone', `${phone} is not a valid phone number`, { phone });
    const network = networkId ? this.networks.get(networkId) : this.networks.list().find((n) => n.enabled);
    if (!network) throw new CoreError('NOT_FOUND', 'No network to send the request to', { reason: 'noNetwork' });
    const id = Number(
      sql(this.db, 'INSERT INTO support_callbacks (network_id, phone, created_at, actor_id) VALUES (?, ?, ?, ?)').run(
        network.id,
        parsed.number,
        this.clock.now(),
        actingStaffId(),
      ).lastInsertRowid,
    );
    return this.get(id);
  }

  /** The newest requests, newest first. */
  recent(limit = 5): CallbackRequest[] {
    return sql<[number], { id: number }>(this.db, 'SELECT id FROM support_callbacks ORDER BY id DESC LIMIT ?')
      .all(limit)
      .map((r) => this.get(r.id));
  }

  private get(id: number): CallbackRequest {
    const row = sql<[number], { id: number; network_id: string; phone: string; created_at: number; sent_at: number | null }>(
      this.db,
      'SELECT * FROM support_callbacks WHERE id = ?',
    ).get(id)!;
    return { id: row.id, networkId: row.network_id, phone: row.phone, createdAt: row.created_at, sentAt: row.sent_at };
  }
}
