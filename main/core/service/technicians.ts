import type { Database } from 'better-sqlite3';
import type { Clock } from '../clock';
import { sql } from '../db/statements';
import { CoreError, fieldError } from '../errors';
import { checkOpeningHours } from '../hours/opening-hours';
import type { TimeRange } from '../hours/hours-shapes';
import type { Absence } from './capacity-calc';
import type { ServiceCatalog } from './catalog';
import type { AbsenceInput, TechnicianInput } from './service-shapes';
import type { ZoneAssignment } from './qualification';

export interface Technician {
  id: number;
  name: string;
  skills: string[];
  latitude: number | null;
  longitude: number | null;
  week: TimeRange[][];
  zones: ZoneAssignment[];
  groups: string[];
  absences: (Absence & { id: number; reason: string })[];
}

export interface ResourceGroup {
  code: string;
  name: string;
  members: number[];
}

interface TechnicianRow {
  id: number;
  name: string;
  skills_json: string;
  latitude: number | null;
  longitude: number | null;
  week_json: string;
}

/** Technicians with their skills, zones, working week and absences, and the resource groups (teams) they belong to. */
export class ServiceTechnicians {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly catalog: ServiceCatalog,
  ) {}

  list(): Technician[] {
    return sql<[], TechnicianRow>(this.db, 'SELECT * FROM service_technicians ORDER BY name, id')
      .all()
      .map((r) => this.toTechnician(r));
  }

  get(id: number): Technician {
    const row = sql<[number], TechnicianRow>(this.db, 'SELECT * FROM service_technicians WHERE id = ?').get(id);
    if (!row) throw new CoreError('NOT_FOUND', `No technician ${id}`);
    return this.toTechnician(row);
  }

  save(input: TechnicianInput): Technician {
    const issues = checkOpeningHours({ week: input.week, exceptions: [] }, '0000-00-00');
    if (issues.length > 0)
      throw new CoreError('BAD_INPUT', 'The working week has overlapping or reversed hours', {
        issues: issues.map((i) => ({ field: i.field, reason: i.rule })),
      });
    if ((input.latitude === null) !== (input.longitude === null)) {
      const missing = input.latitude === null ? 'latitude' : 'longitude';
      throw fieldError(missing, 'coordinatesTogether', 'Latitude and longitude go together');
    }
    this.catalog.assertKnown('skill', input.skills, 'skills');
    this.catalog.assertKnown(
      'zone',
      input.zones.map((z) => z.zone),
      'zones',
      '.zone',
    );
    const unknownGroups = input.groups.flatMap((code, i) =>
      this.group(code) ? [] : [{ field: `groups.${i}`, reason: 'unknownGroup' as const, params: { group: code } }],
    );
    if (unknownGroups.length > 0) throw new CoreError('BAD_INPUT', 'No such resource group', { issues: unknownGroups });
    return this.db
      .transaction(() => {
        const values = [input.name, JSON.stringify(input.skills), input.latitude, input.longitude, JSON.stringify(input.week)] as const;
        let id = input.id;
        if (id === undefined) {
          id = Number(
            sql(
              this.db,
              'INSERT INTO service_technicians (name, skills_json, latitude, longitude, week_json, created_at) VALUES (?, ?, ?, ?, ?, ?)',
            ).run(...values, this.clock.now()).lastInsertRowid,
          );
        } else {
          this.get(id);
          sql(
            this.db,
            'UPDATE service_technicians SET name = ?, skills_json = ?, latitude = ?, longitude = ?, week_json = ? WHERE id = ?',
          ).run(...values, id);
        }
        sql(this.db, 'DELETE FROM service_technician_zones WHERE technician_id = ?').run(id);
        for (const z of input.zones)
          sql(this.db, 'INSERT OR IGNORE INTO service_technician_zones (technician_id, zone, starting_date) VALUES (?, ?, ?)').run(
            id,
            z.zone,
            z.startingDate,
          );
        sql(this.db, 'DELETE FROM service_resource_group_members WHERE technician_id = ?').run(id);
        for (const code of input.groups)
          sql(this.db, 'INSERT INTO service_resource_group_members (group_code, technician_id) VALUES (?, ?)').run(code, id);
        return this.get(id);
      })
      .immediate();
  }

  addAbsence(input: AbsenceInput): Technician {
    this.get(input.technicianId);
    sql(this.db, 'INSERT INTO service_absences (technician_id, date, hours, reason) VALUES (?, ?, ?, ?)').run(
      input.technicianId,
      input.date,
      input.hours,
      input.reason,
    );
    return this.get(input.technicianId);
  }

  removeAbsence(technicianId: number, absenceId: number): Technician {
    if (sql(this.db, 'DELETE FROM service_absences WHERE id = ? AND technician_id = ?').run(absenceId, technicianId).changes === 0) {
      throw new CoreError('NOT_FOUND', `No absence ${absenceId} of technician ${technicianId}`);
    }
    return this.get(technicianId);
  }

  groups(): ResourceGroup[] {
    return sql<[], { code: string; name: string }>(this.db, 'SELECT * FROM service_resource_groups ORDER BY name')
      .all()
      .map((g) => ({ ...g, members: this.members(g.code) }));
  }

  group(code: string): ResourceGroup | null {
    const row = sql<[string], { code: string; name: string }>(this.db, 'SELECT * FROM service_resource_groups WHERE code = ?').get(code);
    return row ? { ...row, members: this.members(code) } : null;
  }

  saveGroup(input: { code: string; name: string }): ResourceGroup {
    sql(
      this.db,
      'INSERT INTO service_resource_groups (code, name) VALUES (?, ?) ON CONFLICT (code) DO UPDATE SET name = excluded.name',
    ).run(input.code, input.name);
    return this.group(input.code)!;
  }

  private members(code: string): number[] {
    return sql<[string], { technician_id: number }>(
      this.db,
      'SELECT technician_id FROM service_resource_group_members WHERE group_code = ? ORDER BY technician_id',
    )
      .all(code)
      .map((r) => r.technician_id);
  }

  private toTechnician(r: TechnicianRow): Technician {
    return {
      id: r.id,
      name: r.name,
      skills: JSON.parse(r.skills_json) as string[],
      latitude: r.latitude,
      longitude: r.longitude,
      week: JSON.parse(r.week_json) as TimeRange[][],
      zones: sql<[number], ZoneAssignment>(
        this.db,
        'SELECT zone, starting_date AS startingDate FROM service_technician_zones WHERE technician_id = ? ORDER BY starting_date',
      ).all(r.id),
      groups: sql<[number], { group_code: string }>(
        this.db,
        'SELECT group_code FROM service_resource_group_members WHERE technician_id = ?',
      )
        .all(r.id)
        .map((g) => g.group_code),
      absences: sql<[number], { id: number; date: string; hours: number | null; reason: string }>(
        this.db,
        'SELECT id, date, hours, reason FROM service_absences WHERE technician_id = ? ORDER BY date',
      ).all(r.id),
    };
  }
}
