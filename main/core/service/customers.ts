import type { Database } from 'better-sqlite3';
import parsePhoneNumber, { type CountryCode } from 'libphonenumber-js';
import type { Clock } from '../clock';
import { sql } from '../db/statements';
import { CoreError, fieldError } from '../errors';
import type { ServiceCatalog } from './catalog';
import type { CustomerInput } from './service-shapes';

export interface Customer {
  id: number;
  name: string;
  address: string;
  latitude: number | null;
  longitude: number | null;
  phone: string;
  email: string;
  zone: string | null;
}

interface CustomerRow {
  id: number;
  name: string;
  address: string;
  latitude: number | null;
  longitude: number | null;
  phone: string | null;
  email: string | null;
  zone: string | null;
}

const toCustomer = (r: CustomerRow): Customer => ({ ...r, phone: r.phone ?? '', email: r.email ?? '', zone: r.zone });

/** The desk's customers: found as staff type at the counter, created or corrected there. */
export class ServiceCustomers {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly catalog: ServiceCatalog,
  ) {}

  get(id: number): Customer {
    const row = sql<[number], CustomerRow>(this.db, 'SELECT * FROM service_customers WHERE id = ?').get(id);
    if (!row) throw new CoreError('NOT_FOUND', `No customer ${id}`);
    return toCustomer(row);
  }

  /** By name, phone or email, anywhere in the text; names starting with the text first. */
  search(text: string, limit = 10): Customer[] {
    const q = text.trim();
    if (q === '') return [];
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const digits = q.replace(/\D/g, '');
    return sql<[string, string, string, string, string, number], CustomerRow>(
      this.db,
      `SELECT * FROM service_customers
        WHERE name LIKE ? ESCAPE '\\' OR email LIKE ? ESCAPE '\\' OR (? <> '' AND phone LIKE '%' || ? || '%')
        ORDER BY (name LIKE ? || '%') DESC, name COLLATE NOCASE LIMIT ?`,
    )
      .all(like, like, digits, digits, q, limit)
      .map(toCustomer);
  }

  /** Creates (no id) or updates a customer; a phone must be a valid number, stored in international form; a zone one of the desk's list. */
  save(input: CustomerInput): Customer {
    if (input.zone !== '') this.catalog.assertKnownOn('zone', input.zone, 'zone');
    let phone: string | null = null;
    if (input.phone !== '') {
      const parsed = parsePhoneNumber(input.phone, input.phoneCountry as CountryCode);
      if (!parsed?.isValid()) throw fieldError('phone', 'phone', `${input.phone} is not a valid phone number`, { phone: input.phone });
      phone = parsed.number;
    }
    if ((input.latitude === null) !== (input.longitude === null)) {
      throw fieldError(input.latitude === null ? 'latitude' : 'longitude', 'coordinatesTogether', 'Latitude and longitude go together');
    }
    const values = [input.name, input.address, input.latitude, input.longitude, phone, input.email || null, input.zone || null] as const;
    if (input.id === undefined) {
      const id = sql(
        this.db,
        'INSERT INTO service_customers (name, address, latitude, longitude, phone, email, zone, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(...values, this.clock.now()).lastInsertRowid;
      return this.get(Number(id));
    }
    this.get(input.id);
    sql(
      this.db,
      'UPDATE service_customers SET name = ?, address = ?, latitude = ?, longitude = ?, phone = ?, email = ?, zone = ? WHERE id = ?',
    ).run(...values, input.id);
    return this.get(input.id);
  }
}
