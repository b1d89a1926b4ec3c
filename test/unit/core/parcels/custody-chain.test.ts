import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { canonicalForm, linkHash, receiptNumber } from '../../../../main/core/parcels/custody-chain-hash';
import { CustodyChain } from '../../../../main/core/parcels/custody-chain';
import { custodyCsv, zonedDayStart } from '../../../../main/core/parcels/custody-export';
import { parse } from 'csv-parse/sync';
import { createHash } from 'node:crypto';
import { useCounter } from '../../../fixtures/counter';

const counterKit = useCounter();

/** What an attacker with the database file does: lift the append-only trigger, change rows, put it back. */
function tamper(db: Database, change: (db: Database) => void): void {
  db.exec('DROP TRIGGER custody_events_no_update; DROP TRIGGER custody_events_no_delete;');
  change(db);
  db.exec(`
    CREATE TRIGGER custody_events_no_update BEFORE UPDATE ON custody_events BEGIN SELECT RAISE(ABORT, 'custody log is append-only'); END;
    CREATE TRIGGER custody_events_no_delete BEFORE DELETE ON custody_events BEGIN SELECT RAISE(ABORT, 'custody log is append-only'); END;
  `);
}

async function loggedCore() {
  const { core } = await counterKit.start();
  const ids = core.db.prepare('SELECT id FROM custody_events ORDER BY id').pluck().all() as number[];
  return { core, chain: new CustodyChain(core.db, core.clock), ids };
}

describe('the custody hash chain', () => {
  it('links every row to the one before, the first to the random genesis, as the README documents', async () => {
    const { core, chain, ids } = await loggedCore();
    expect(ids.length).toBeGreaterThan(5);
    expect(chain.verify()).toEqual({ checked: ids.length, breaks: [] });
    const rows = core.db.prepare('SELECT * FROM custody_events ORDER BY id').all() as (Parameters<typeof canonicalForm>[0] & {
      prev_hash: string;
      hash: string;
    })[];
    expect(rows[0]!.prev_hash).toBe(chain.genesis());
    expect(chain.genesis()).toMatch(/^[0-9a-f]{64}$/);
    for (const [i, row] of rows.entries()) {
      if (i > 0) expect(row.prev_hash).toBe(rows[i - 1]!.hash);
      expect(row.hash).toBe(linkHash(row.prev_hash, canonicalForm(row)));
    }
    expect(canonicalForm(rows[0]!)).toBe(
      JSON.stringify([rows[0]!.id, rows[0]!.parcel_id, null, 'expected', rows[0]!.at, 'counter', 'system', null, 'announced', null]),
    );
  });

  it('finds an edited row at that row, whichever row and column', async () => {
    const { core, chain, ids } = await loggedCore();
    const other = (await core.staff.setUp('Giulia', '2468')).id;
    const columns = ['actor_id', 'at', 'to_state', 'reason', 'slot_id'] as const;
    for (const [index, target] of ids.entries()) {
      const column = columns[index % columns.length]!;
      const original = (core.db.prepare(`SELECT ${column} AS v FROM custody_events WHERE id = ?`).get(target) as { v: unknown }).v;
      const changed =
        column === 'at' ? Number(original) + 1 : column === 'to_state' ? 'missing' : column === 'actor_id' ? other : 'someone-else';
      tamper(core.db, (db) => db.prepare(`UPDATE custody_events SET ${column} = ? WHERE id = ?`).run(changed, target));
      expect(chain.verify().breaks, `${column} of ${target}`).toEqual([{ eventId: target, at: expect.any(Number), problem: 'edited' }]);
      tamper(core.db, (db) => db.prepare(`UPDATE custody_events SET ${column} = ? WHERE id = ?`).run(original, target));
    }
    expect(chain.verify().breaks).toEqual([]);
  });

  it('finds a deleted row at the row after the gap, and a deleted last row at the head', async () => {
    const { core, chain, ids } = await loggedCore();
    tamper(core.db, (db) => db.prepare('DELETE FROM custody_events WHERE id = ?').run(ids[2]));
    expect(chain.verify().breaks[0]).toMatchObject({ eventId: ids[3], problem: 'link' });
    tamper(core.db, (db) => db.prepare('DELETE FROM custody_events WHERE id = ?').run(ids.at(-1)));
    expect(chain.verify().breaks.at(-1)).toMatchObject({ eventId: ids.at(-1), problem: 'tail' });
  });

  it('finds the last row edited with its hash recomputed, by the head the chain recorded', async () => {
    const { core, chain, ids } = await loggedCore();
    const last = ids.at(-1)!;
    tamper(core.db, (db) => {
      const row = db.prepare('SELECT * FROM custody_events WHERE id = ?').get(last) as Parameters<typeof canonicalForm>[0] & {
        prev_hash: string;
      };
      const edited = { ...row, reason: 'moved' };
      db.prepare('UPDATE custody_events SET reason = ?, hash = ? WHERE id = ?').run(
        'moved',
        linkHash(row.prev_hash, canonicalForm(edited)),
        last,
      );
    });
    expect(chain.verify().breaks).toEqual([{ eventId: last, at: null, problem: 'tail' }]);
  });

  it('finds the last row deleted and its hash pasted into the row before: the edit and the missing tail', async () => {
    const { core, chain, ids } = await loggedCore();
    const [before, last] = [ids.at(-2)!, ids.at(-1)!];
    tamper(core.db, (db) => {
      const hash = db.prepare('SELECT hash FROM custody_events WHERE id = ?').pluck().get(last);
      db.prepare('DELETE FROM custody_events WHERE id = ?').run(last);
      db.prepare('UPDATE custody_events SET hash = ? WHERE id = ?').run(hash, before);
    });
    expect(chain.verify().breaks).toEqual([
      { eventId: before, at: expect.any(Number), problem: 'edited' },
      { eventId: last, at: null, problem: 'tail' },
    ]);
  });

  it('finds two rows swapped at the first of them', async () => {
    const { core, chain, ids } = await loggedCore();
    const [a, b] = [ids[3]!, ids[4]!];
    tamper(core.db, (db) => {
      db.prepare('UPDATE custody_events SET id = -1 WHERE id = ?').run(a);
      db.prepare('UPDATE custody_events SET id = ? WHERE id = ?').run(a, b);
      db.prepare('UPDATE custody_events SET id = ? WHERE id = -1').run(b);
    });
    expect(chain.verify().breaks[0]).toMatchObject({ eventId: a, problem: 'link' });
  });

  it('turns a break into an alert at start once, until a manager acknowledges it', async () => {
    const { core, chain, ids } = await loggedCore();
    expect(chain.checkAtStart().breaks).toEqual([]);
    expect(chain.alert()).toBeUndefined();
    tamper(core.db, (db) => db.prepare("UPDATE custody_events SET actor_id = 'counter', reason = 'moved' WHERE id = ?").run(ids[1]));
    chain.checkAtStart();
    chain.checkAtStart();
    const alert = chain.alert()!;
    expect(alert).toMatchObject({ eventId: ids[1], problem: 'edited' });
    expect(core.db.prepare('SELECT count(*) FROM custody_chain_alerts').pluck().get()).toBe(1);
    chain.acknowledge(alert.id, 'counter');
    chain.checkAtStart();
    expect(chain.alert()).toBeUndefined();
  });

  it('acknowledges an alert once: a second acknowledgement or an unknown alert is not found, the first manager stays', async () => {
    const { core, chain, ids } = await loggedCore();
    tamper(core.db, (db) => db.prepare("UPDATE custody_events SET reason = 'moved' WHERE id = ?").run(ids[1]));
    chain.checkAtStart();
    const alert = chain.alert()!;
    chain.acknowledge(alert.id, 'counter');
    const other = (await core.staff.setUp('Giulia', '2468')).id;
    for (const id of [alert.id, alert.id + 1])
      expect(() => chain.acknowledge(id, other)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(core.db.prepare('SELECT acknowledged_by FROM custody_chain_alerts').pluck().all()).toEqual(['counter']);
  });

  it('gives the receipt of the latest custody row among the parcels handed over, and none for no parcels', async () => {
    const { core, chain } = await loggedCore();
    const rows = core.db.prepare('SELECT id, parcel_id, at, hash FROM custody_events ORDER BY id').all() as {
      id: number;
      parcel_id: number;
      at: number;
      hash: string;
    }[];
    const [first, second] = [rows[0]!, rows.find((r) => r.parcel_id !== rows[0]!.parcel_id)!];
    const latestOf = (parcelId: number) => rows.filter((r) => r.parcel_id === parcelId).at(-1)!;
    const latest = [latestOf(first.parcel_id), latestOf(second.parcel_id)].sort((a, b) => b.id - a.id)[0]!;
    expect(chain.receiptFor([first.parcel_id, second.parcel_id])).toEqual({
      eventId: latest.id,
      at: latest.at,
      receipt: receiptNumber(latest.hash),
    });
    expect(chain.receiptFor([])).toBeUndefined();
  });

  it('exports a CSV from which an auditor recomputes every hash, with nothing but SHA-256', async () => {
    const { core, ids } = await loggedCore();
    const { csv, count } = custodyCsv(core.db, 0, Number.MAX_SAFE_INTEGER);
    expect(count).toBe(ids.length);
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    let previous = rows[0]!.prev_hash!;
    for (const row of rows) {
      expect(row.prev_hash).toBe(previous);
      const canonical = JSON.parse(row.canonical!) as unknown[];
      expect(canonical[0]).toBe(Number(row.id));
      expect(createHash('sha256').update(`${row.prev_hash}\n${row.canonical}`).digest('hex')).toBe(row.hash);
      previous = row.hash!;
    }
  });

  it('writes each column from its own field, an empty value as an empty cell', async () => {
    const { core } = await loggedCore();
    const rows = parse(custodyCsv(core.db, 0, Number.MAX_SAFE_INTEGER).csv, { columns: true }) as Record<string, string>[];
    const events = core.db.prepare('SELECT * FROM custody_events ORDER BY id').all() as Record<string, unknown>[];
    expect(rows).toHaveLength(events.length);
    rows.forEach((row, i) => {
      const e = events[i]!;
      for (const column of ['from_state', 'slot_id', 'reason', 'delivery_id'] as const)
        expect(row[column], `${column} of event ${String(e.id)}`).toBe(e[column] === null ? '' : String(e[column]));
      expect(row.at_iso).toBe(new Date(Number(e.at)).toISOString());
    });
    // The log holds both: a first event (no from_state), and events without a slot.
    expect(rows.some((r) => r.from_state === '')).toBe(true);
    expect(rows.some((r) => r.slot_id === '')).toBe(true);
  });

  it('exports whole days of the store: from its midnight to the next, across a clock change', () => {
    // Rome springs forward on 2026-03-29 (a 23-hour day) and falls back on 2026-10-25 (25 hours).
    expect(new Date(zonedDayStart('2026-03-29', 'Europe/Rome')).toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(new Date(zonedDayStart('2026-03-29', 'Europe/Rome', 1)).toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(new Date(zonedDayStart('2026-10-25', 'Europe/Rome')).toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(new Date(zonedDayStart('2026-10-25', 'Europe/Rome', 1)).toISOString()).toBe('2026-10-25T23:00:00.000Z');
    expect(new Date(zonedDayStart('2026-12-31', 'America/Martinique', 1)).toISOString()).toBe('2027-01-01T04:00:00.000Z');
  });

  it('gives a receipt number from the hash of the hand-over row', () => {
    expect(receiptNumber('3fa9c2d17b0e55aa')).toBe('3FA9-C2D1-7B0E');
  });
});
