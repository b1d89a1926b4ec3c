import type { Database } from 'better-sqlite3';
import type { Clock } from '../clock';
import { sql } from '../db/statements';
import { CoreError, fieldError } from '../errors';
import type { ItemGroupInput, ItemInput } from './service-shapes';
import type { ServiceCatalog } from './catalog';
import { inherited } from './qualification';

export interface ItemGroup {
  code: string;
  name: string;
  skills: string[];
  responseHours: number;
  troubleshooting: string[];
}

export interface ServiceItem {
  id: number;
  customerId: number;
  description: string;
  model: string;
  serial: string;
  warrantyEnds: string | null;
  groupCode: string | null;
  /** The item's own lists (null: inherits the group's). */
  ownSkills: string[] | null;
  ownTroubleshooting: string[] | null;
  /** What applies: the item's own lists, else its group's. */
  skills: string[];
  troubleshooting: string[];
  address: string | null;
  latitude: number | null;
  longitude: number | null;
}

interface ItemRow {
  id: number;
  customer_id: number;
  description: string;
  model: string;
  serial: string | null;
  warranty_ends: string | null;
  group_code: string | null;
  skills_json: string | null;
  troubleshooting_json: string | null;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
}

interface GroupRow {
  code: string;
  name: string;
  skills_json: string;
  response_hours: number;
  troubleshooting_json: string;
}

const parse = (json: string | null): string[] | null => (json === null ? null : (JSON.parse(json) as string[]));
const toGroup = (r: GroupRow): ItemGroup => ({
  code: r.code,
  name: r.name,
  skills: parse(r.skills_json)!,
  responseHours: r.response_hours,
  troubleshooting: parse(r.troubleshooting_json)!,
});

/** Service items and the item groups they inherit skills, response hours and troubleshooting from. */
export class ServiceItems {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly catalog: ServiceCatalog,
  ) {}

  groups(): ItemGroup[] {
    return sql<[], GroupRow>(this.db, 'SELECT * FROM service_item_groups ORDER BY name').all().map(toGroup);
  }

  group(code: string): ItemGroup | null {
    const row = sql<[string], GroupRow>(this.db, 'SELECT * FROM service_item_groups WHERE code = ?').get(code);
    return row ? toGroup(row) : null;
  }

  saveGroup(input: ItemGroupInput): ItemGroup {
    this.catalog.assertKnown('skill', input.skills, 'skills');
    sql(
      this.db,
      `INSERT INTO service_item_groups (code, name, skills_json, response_hours, troubleshooting_json) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (code) DO UPDATE SET name = excluded.name, skills_json = excluded.skills_json,
         response_hours = excluded.response_hours, troubleshooting_json = excluded.troubleshooting_json`,
    ).run(input.code, input.name, JSON.stringify(input.skills), input.responseHours, JSON.stringify(input.troubleshooting));
    return this.group(input.code)!;
  }

  get(id: number): ServiceItem {
    const row = sql<[number], ItemRow>(this.db, 'SELECT * FROM service_items WHERE id = ?').get(id);
    if (!row) throw new CoreError('NOT_FOUND', `No service item ${id}`);
    return this.toItem(row);
  }

  /** Items with this serial number (one per model), as a scan of the item's label finds them. */
  bySerial(serial: string): ServiceItem[] {
    return sql<[string], ItemRow>(this.db, 'SELECT * FROM service_items WHERE serial = ? ORDER BY id')
      .all(serial.trim())
      .map((r) => this.toItem(r));
  }

  forCustomer(customerId: number): ServiceItem[] {
    return sql<[number], ItemRow>(this.db, 'SELECT * FROM service_items WHERE customer_id = ? ORDER BY description')
      .all(customerId)
      .map((r) => this.toItem(r));
  }

  /** Creates (no id) or updates an item. A serial number is unique per model. */
  save(input: ItemInput): ServiceItem {
    if (!sql(this.db, 'SELECT 1 FROM service_customers WHERE id = ?').get(input.customerId))
      throw new CoreError('NOT_FOUND', `No customer ${input.customerId}`, {
        reason: 'unknownCustomer',
        issues: [{ field: 'customerId', reason: 'unknownCustomer' }],
      });
    if (input.groupCode !== null && !this.group(input.groupCode))
      throw fieldError('groupCode', 'unknownGroup', `No item group ${input.groupCode}`, { group: input.groupCode });
    if (input.skills) this.catalog.assertKnown('skill', input.skills, 'skills');
    const serial = input.serial === '' ? null : input.serial;
    const clash = serial
      ? sql<[string, string], { id: number }>(this.db, 'SELECT id FROM service_items WHERE model = ? AND serial = ?').get(
          input.model,
          serial,
        )
      : undefined;
    if (clash && clash.id !== input.id)
      throw new CoreError('SERVICE_SERIAL_TAKEN', `Serial ${serial} is already on item ${clash.id}`, {
        issues: [{ field: 'serial', reason: 'serialTaken', params: { serial: String(serial) } }],
      });
    const values = [
      input.customerId,
      input.description,
      input.model,
      serial,
      input.warrantyEnds,
      input.groupCode,
      input.skills === null ? null : JSON.stringify(input.skills),
      input.troubleshooting === null ? null : JSON.stringify(input.troubleshooting),
      input.address || null,
      input.latitude,
      input.longitude,
    ] as const;
    if (input.id === undefined) {
      const id = sql(
        this.db,
        `INSERT INTO service_items (customer_id, description, model, serial, warranty_ends, group_code, skills_json, troubleshooting_json, address, latitude, longitude, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(...values, this.clock.now()).lastInsertRowid;
      return this.get(Number(id));
    }
    this.get(input.id);
    sql(
      this.db,
      `UPDATE service_items SET customer_id = ?, description = ?, model = ?, serial = ?, warranty_ends = ?, group_code = ?, skills_json = ?,
         troubleshooting_json = ?, address = ?, latitude = ?, longitude = ? WHERE id = ?`,
    ).run(...values, input.id);
    return this.get(input.id);
  }

  private toItem(r: ItemRow): ServiceItem {
    const group = r.group_code ? this.group(r.group_code) : null;
    const ownSkills = parse(r.skills_json);
    const ownTroubleshooting = parse(r.troubleshooting_json);
    return {
      id: r.id,
      customerId: r.customer_id,
      description: r.description,
      model: r.model,
      serial: r.serial ?? '',
      warrantyEnds: r.warranty_ends,
      groupCode: r.group_code,
      ownSkills,
      ownTroubleshooting,
      skills: [...inherited(ownSkills, group?.skills ?? null)],
      troubleshooting: [...inherited(ownTroubleshooting, group?.troubleshooting ?? null)],
      address: r.address,
      latitude: r.latitude,
      longitude: r.longitude,
    };
  }
}
