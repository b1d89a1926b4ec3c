import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { documentPath, validateComponent } from '../../../network-server/openapi';
import { useCounter, scanner } from '../../../fixtures/counter';

const { start } = useCounter();

describe('the network API document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(documentPath);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('describes exactly what the store queues: custody events and the store record', async () => {
    const { core } = await start();
    const delivery = core.counter.deliveries.handOver('demo-fr', scanner);
    const parcel = core.counter.parcels.inState(['expected'], 'demo-fr')[0]!;
    core.counter.deliveries.scan(delivery.id, parcel.tracking_id, scanner);
    core.hours.save({
      week: [
        [
          { opens: '08:30', closes: '12:30' },
          { opens: '15:00', closes: '19:00' },
        ],
        [],
        [],
        [],
        [],
        [],
        [],
      ],
      exceptions: [{ date: '2026-12-25', kind: 'holiday', note: 'Natale', ranges: [] }],
    });
    const rows = core.db
      .prepare<[], { idempotency_key: string; kind: string; payload_json: string }>(
        "SELECT idempotency_key, kind, payload_json FROM outbox WHERE network_id = 'demo-fr'",
      )
      .all();
    const custody = rows.filter((r) => r.kind === 'custody');
    const profile = rows.find((r) => r.kind === 'store-profile');
    expect(custody.length).toBeGreaterThan(1);
    for (const row of custody) {
      expect(
        validateComponent('CustodyEvent', { idempotencyKey: row.idempotency_key, kind: 'custody', payload: JSON.parse(row.payload_json) }),
      ).toEqual([]);
    }
    expect(validateComponent('StoreProfile', JSON.parse(profile!.payload_json))).toEqual([]);
    // And the document is not a rubber stamp.
    expect(validateComponent('StoreProfile', { ...JSON.parse(profile!.payload_json), capacity: { threshold: 2 } })).not.toEqual([]);
  });
});
