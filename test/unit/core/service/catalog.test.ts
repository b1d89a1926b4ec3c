import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../main/core/db/migrate';
import { migrations } from '../../../../main/core/db/migrations';
import { refusal } from '../../../fixtures/refusal';
import { useTempDir } from '../../../fixtures/temp-dir';
import { useServiceDesk, WEEK } from './service-fixture';

const { start } = useServiceDesk();
const tempDir = useTempDir();

describe('skills and service zones', () => {
  it('a technician naming an unknown skill or zone is refused on that very entry and nothing changes', async () => {
    const { core, ids } = await start();
    const anna = core.service.technicians.get(ids.anna);
    const input = {
      ...anna,
      skills: ['gas', 'welding'],
      zones: [
        { zone: 'NORD', startingDate: '2026-01-01' },
        { zone: 'EST', startingDate: '2026-02-01' },
      ],
    };
    const error = refusal(() => core.service.technicians.save(input));
    expect(error.code).toBe('BAD_INPUT');
    expect(error.fields).toEqual(['skills.1']);
    expect(error.issues).toEqual([{ field: 'skills.1', reason: 'unknownSkill', params: { code: 'welding' } }]);
    const zoneError = refusal(() => core.service.technicians.save({ ...input, skills: ['gas'] }));
    expect(zoneError.issues).toEqual([{ field: 'zones.1.zone', reason: 'unknownZone', params: { code: 'EST' } }]);
    expect(core.service.technicians.get(ids.anna)).toEqual(anna);
  });

  it('a customer may only be in a listed zone or in none: an unknown one is refused on the zone field and nothing is saved', async () => {
    const { core, ids } = await start();
    const maria = core.service.customers.get(ids.customer);
    const { id: _id, ...fields } = maria;
    const input = { ...fields, phone: '', phoneCountry: 'IT' };
    const created = refusal(() => core.service.customers.save({ ...input, name: 'Luca', zone: 'EST' }));
    expect(created.code).toBe('BAD_INPUT');
    expect(created.issues).toEqual([{ field: 'zone', reason: 'unknownZone', params: { code: 'EST' } }]);
    expect(core.service.customers.search('Luca')).toEqual([]);
    expect(refusal(() => core.service.customers.save({ ...input, id: maria.id, zone: 'nord' })).issues).toEqual([
      { field: 'zone', reason: 'unknownZone', params: { code: 'nord' } },
    ]);
    expect(core.service.customers.get(maria.id)).toEqual(maria);
    expect(core.service.customers.save({ ...input, id: maria.id, zone: 'SUD' }).zone).toBe('SUD');
    expect(core.service.customers.save({ ...input, name: 'Luca', zone: '' }).zone).toBeNull();
  });

  it('an item group or an item with its own skills may only name listed skills', async () => {
    const { core, ids } = await start();
    expect(
      refusal(() =>
        core.service.items.saveGroup({ code: 'AC', name: 'Air conditioning', skills: ['cooling'], responseHours: 8, troubleshooting: [] }),
      ).fields,
    ).toEqual(['skills.0']);
    expect(core.service.items.group('AC')).toBeNull();
    const boiler = core.service.items.get(ids.boiler);
    const { ownSkills, ownTroubleshooting, skills, troubleshooting, ...rest } = boiler;
    expect(refusal(() => core.service.items.save({ ...rest, skills: ['cooling'], troubleshooting: null })).fields).toEqual(['skills.0']);
    expect(core.service.items.get(ids.boiler)).toEqual(boiler);
    expect([ownSkills, ownTroubleshooting, skills, troubleshooting]).toEqual([
      null,
      null,
      ['gas', 'boiler'],
      ['Check the pressure', 'Bleed the radiators'],
    ]);
  });

  it('renames an entry, refuses to remove one still in use and removes a free one', async () => {
    const { core } = await start();
    core.service.catalog.save('skill', { code: 'gas', name: 'Gas appliances' });
    core.service.catalog.save('skill', { code: 'cooling', name: 'Cooling' });
    expect(core.service.catalog.list('skill')).toEqual([
      { code: 'boiler', name: 'boiler' },
      { code: 'cooling', name: 'Cooling' },
      { code: 'gas', name: 'Gas appliances' },
    ]);
    expect(refusal(() => core.service.catalog.remove('skill', 'gas')).issues).toEqual([
      { field: 'code', reason: 'inUse', params: { code: 'gas' } },
    ]);
    expect(refusal(() => core.service.catalog.remove('zone', 'NORD')).issues).toEqual([
      { field: 'code', reason: 'inUse', params: { code: 'NORD' } },
    ]);
    core.service.catalog.remove('skill', 'cooling');
    expect(core.service.catalog.list('skill').map((e) => e.code)).toEqual(['boiler', 'gas']);
    expect(refusal(() => core.service.catalog.remove('skill', 'cooling')).code).toBe('NOT_FOUND');
  });

  it('a working week with reversed hours or a lone coordinate is refused with the rule on the field', async () => {
    const { core, ids } = await start();
    const anna = core.service.technicians.get(ids.anna);
    const week = WEEK.map((day) => [...day]);
    week[2] = [{ opens: '12:00', closes: '08:00' }];
    expect(refusal(() => core.service.technicians.save({ ...anna, week })).issues).toMatchObject([
      { field: 'week.2.0', reason: 'closeBeforeOpen' },
    ]);
    expect(refusal(() => core.service.technicians.save({ ...anna, longitude: null })).issues).toEqual([
      { field: 'longitude', reason: 'coordinatesTogether' },
    ]);
    expect(core.service.technicians.get(ids.anna)).toEqual(anna);
  });

  it('removes an absence of that technician only', async () => {
    const { core, ids } = await start();
    const withAbsence = core.service.technicians.addAbsence({
      technicianId: ids.anna,
      date: '2026-12-02',
      hours: null,
      reason: 'Training',
    });
    const absenceId = withAbsence.absences[0]!.id;
    expect(refusal(() => core.service.technicians.removeAbsence(ids.bruno, absenceId)).code).toBe('NOT_FOUND');
    expect(core.service.technicians.removeAbsence(ids.anna, absenceId).absences).toEqual([]);
  });
});

describe('migration 180', () => {
  it('lists every skill and zone already in use, so saved technicians stay valid', () => {
    const db = new BetterSqlite3(join(tempDir(), 'old.sqlite'));
    migrate(
      db,
      migrations.filter((m) => m.version < 180),
    );
    db.prepare(
      "INSERT INTO service_technicians (name, skills_json, week_json, created_at) VALUES ('Anna', '[\"gas\",\"boiler\"]', '[]', 0)",
    ).run();
    db.prepare("INSERT INTO service_technician_zones (technician_id, zone, starting_date) VALUES (1, 'NORD', '2026-01-01')").run();
    db.prepare(
      "INSERT INTO service_item_groups (code, name, skills_json, response_hours, troubleshooting_json) VALUES ('AC', 'Air', '[\"cooling\"]', 8, '[]')",
    ).run();
    db.prepare("INSERT INTO service_customers (name, zone, created_at) VALUES ('Maria', 'SUD', 0), ('Luca', NULL, 0)").run();
    migrate(db);
    expect(db.prepare('SELECT code, name FROM service_skills ORDER BY code').all()).toEqual([
      { code: 'boiler', name: 'boiler' },
      { code: 'cooling', name: 'cooling' },
      { code: 'gas', name: 'gas' },
    ]);
    expect(db.prepare('SELECT code FROM service_zones ORDER BY code').all()).toEqual([{ code: 'NORD' }, { code: 'SUD' }]);
    db.close();
  });
});

describe('the catalog entry shape', () => {
  // The contract fuzz found it: SQLite's length() stops at NUL, so a NUL name passed zod's min(1) and broke the table's CHECK.
  it('refuses a NUL in a code or a name before it reaches the database', async () => {
    const { catalogEntryInputSchema } = await import('../../../../main/core/service/service-shapes');
    expect(catalogEntryInputSchema.safeParse({ code: '!', name: '\u0000' }).success).toBe(false);
    expect(catalogEntryInputSchema.safeParse({ code: 'A\u0000B', name: 'Zone' }).success).toBe(false);
    expect(catalogEntryInputSchema.safeParse({ code: 'NORD', name: 'Nord' }).success).toBe(true);
  });
});
