import type { Database } from 'better-sqlite3';
import type { Clock } from '../clock';
import { sql } from '../db/statements';
import { CoreError } from '../errors';
import { canonicalForm, linkHash, receiptNumber, type ChainedContent } from './custody-chain-hash';

/**
 * Where the chain breaks. `edited`: the row's content no longer gives its
 * hash. `link`: the row does not follow the one before it (a row before it
 * was removed, moved or rewritten). `tail`: rows after the recorded head
 * are gone (`eventId` is the head the chain should end at).
 */
export interface ChainBreak {
  eventId: number;
  at: number | null;
  problem: 'edited' | 'link' | 'tail';
}

export interface ChainCheck {
  checked: number;
  /** Every break, oldest first; each is reported once, the check goes on from the row's stored hash. */
  breaks: ChainBreak[];
}

export interface ChainAlert extends ChainBreak {
  id: number;
  foundAt: number;
}

interface StoredRow extends ChainedContent {
  prev_hash: string | null;
  hash: string | null;
}

/** The custody log's hash chain: links each new row, checks the whole log, keeps what a check found until a manager saw it. */
export class CustodyChain {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  /** Links a row about to be inserted (in the caller's transaction): its id, previous hash and hash. */
  link(content: Omit<ChainedContent, 'id'>): { id: number; prevHash: string; hash: string } {
    if (!this.db.inTransaction) throw new Error('CustodyChain.link must run inside a transaction');
    const seq = sql<[], { seq: number }>(this.db, "SELECT seq FROM sqlite_sequence WHERE name = 'custody_events'").get()?.seq ?? 0;
    const id = seq + 1;
    const prevHash = this.head().hash;
    const hash = linkHash(prevHash, canonicalForm({ ...content, id }));
    sql(this.db, 'UPDATE custody_chain SET head_id = ?, head_hash = ? WHERE id = 1').run(id, hash);
    return { id, prevHash, hash };
  }

  genesis(): string {
    return sql<[], { genesis: string }>(this.db, 'SELECT genesis FROM custody_chain WHERE id = 1').get()!.genesis;
  }

  private head(): { id: number | null; hash: string } {
    const row = sql<[], { head_id: number | null; head_hash: string }>(
      this.db,
      'SELECT head_id, head_hash FROM custody_chain WHERE id = 1',
    ).get()!;
    return { id: row.head_id, hash: row.head_hash };
  }

  /** Walks the whole log in id order. */
  verify(): ChainCheck {
    const breaks: ChainBreak[] = [];
    let expected = this.genesis();
    let checked = 0;
    let last: StoredRow | undefined;
    for (const row of sql<[], StoredRow>(
      this.db,
      'SELECT id, parcel_id, from_state, to_state, at, actor_id, method, slot_id, reason, delivery_id, prev_hash, hash FROM custody_events ORDER BY id',
    ).iterate()) {
      checked++;
      if (row.prev_hash !== expected) breaks.push({ eventId: row.id, at: row.at, problem: 'link' });
      else if (row.hash !== linkHash(row.prev_hash, canonicalForm(row))) breaks.push({ eventId: row.id, at: row.at, problem: 'edited' });
      expected = row.hash ?? '';
      last = row;
    }
    const head = this.head();
    if (head.id !== (last?.id ?? null) || head.hash !== (last?.hash ?? this.genesis())) {
      breaks.push({ eventId: head.id ?? 0, at: null, problem: 'tail' });
    }
    return { checked, breaks };
  }

  /** The check at every start: a break not seen before becomes an alert. */
  checkAtStart(): ChainCheck {
    const check = this.verify();
    const now = this.clock.now();
    const insert = sql(
      this.db,
      'INSERT INTO custody_chain_alerts (event_id, event_at, problem, found_at) VALUES (?, ?, ?, ?) ON CONFLICT (event_id, problem) DO NOTHING',
    );
    this.db.transaction(() => check.breaks.forEach((b) => insert.run(b.eventId, b.at, b.problem, now))).immediate();
    return check;
  }

  /** The first break a manager has not acknowledged yet. */
  alert(): ChainAlert | undefined {
    const row = sql<[], { id: number; event_id: number; event_at: number | null; problem: ChainBreak['problem']; found_at: number }>(
      this.db,
      'SELECT id, event_id, event_at, problem, found_at FROM custody_chain_alerts WHERE acknowledged_at IS NULL ORDER BY event_id, id LIMIT 1',
    ).get();
    return row && { id: row.id, eventId: row.event_id, at: row.event_at, problem: row.problem, foundAt: row.found_at };
  }

  acknowledge(alertId: number, staffId: string): void {
    const result = sql(
      this.db,
      'UPDATE custody_chain_alerts SET acknowledged_at = ?, acknowledged_by = ? WHERE id = ? AND acknowledged_at IS NULL',
    ).run(this.clock.now(), staffId, alertId);
    if (result.changes !== 1) throw new CoreError('NOT_FOUND', `No open custody alert ${alertId}`);
  }

  /** The receipt of the latest custody row among these parcels: what a hand-over of them printed on screen. */
  receiptFor(parcelIds: readonly number[]): { eventId: number; at: number; receipt: string } | undefined {
    const row = sql<[string], { id: number; at: number; hash: string }>(
      this.db,
      'SELECT id, at, hash FROM custody_events WHERE parcel_id IN (SELECT value FROM json_each(?)) ORDER BY id DESC LIMIT 1',
    ).get(JSON.stringify(parcelIds));
    return row && { eventId: row.id, at: row.at, receipt: receiptNumber(row.hash) };
  }
}
