import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME } from '../../../../main/core/db/open';
import type { CounterCore } from '../../../../main/core/counter-core';
import { customer, item, newItem, technician } from '../../../fixtures/service-seed';
import { ACTOR, useServiceDesk } from './service-fixture';

const { start } = useServiceDesk();
const TUESDAY = '2026-11-24';

function takeOrder(core: CounterCore, customerId: number, itemId: number, hours = 2) {
  return core.service.orders.create(
    { customerId, fault: 'No hot water', priority: 'high', windows: [], lines: [{ itemId, fault: 'No hot water', estimatedHours: hours }] },
    ACTOR,
  );
}
const lineOf = (core: CounterCore, orderId: number) => core.service.orders.lines(orderId)[0]!;
const states = (core: CounterCore, lineId: number) => core.service.allocations.forLine(lineId).map((a) => a.state);

describe('service desk', () => {
  it('a new order is pending, due by the group response hours, with a nonactive allocation and its history', async () => {
    const { core, ids } = await start();
    const order = takeOrder(core, ids.customer, ids.boiler);
    expect(order.status).toBe('pending');
    // Tuesday 09:00 UTC plus 8 hours on a working day (no calendar set).
    expect(order.responseAt).toBe(Date.UTC(2026, 10, 24, 17, 0));
    const line = lineOf(core, order.id);
    expect(states(core, line.id)).toEqual(['nonactive']);
    expect(core.service.history.forOrder(order.id).map((h) => [h.kind, h.toState, h.actor])).toEqual([
      ['order-created', 'pending', ACTOR],
      ['allocation', 'nonactive', ACTOR],
    ]);
  });

  it('skills and troubleshooting are inherited from the group unless the item has its own', async () => {
    const { core, ids } = await start();
    const inherited = core.service.items.get(ids.boiler);
    expect(inherited.skills).toEqual(['gas', 'boiler']);
    expect(inherited.troubleshooting).toEqual(['Check the pressure', 'Bleed the radiators']);
    const { ownSkills: _s, ownTroubleshooting: _t, ...rest } = inherited;
    const own = core.service.items.save({ ...rest, serial: rest.serial, skills: ['boiler'], troubleshooting: ['Reset'] });
    expect(own.skills).toEqual(['boiler']);
    expect(own.troubleshooting).toEqual(['Reset']);
    // Bruno (boiler only) now qualifies; with the group's skills he did not.
    const order = takeOrder(core, ids.customer, ids.boiler);
    expect(core.service.allocations.missingSkillsFor(lineOf(core, order.id).id, ids.bruno)).toEqual([]);
  });

  it('a technician needs every skill: an unqualified one is refused with the missing skills and nothing changes', async () => {
    const { core, ids } = await start();
    const line = lineOf(core, takeOrder(core, ids.customer, ids.boiler).id);
    expect(() => core.service.allocations.allocate({ lineId: line.id, technicianId: ids.bruno, date: TUESDAY, hours: 2 }, ACTOR)).toThrow(
      expect.objectContaining({ code: 'SERVICE_NOT_QUALIFIED', message: 'gas' }),
    );
    expect(states(core, line.id)).toEqual(['nonactive']);
  });

  it('allocating, then finishing the line finishes the allocation and the order; the finished order is read-only', async () => {
    const { core, ids } = await start();
    const order = takeOrder(core, ids.customer, ids.boiler);
    const line = lineOf(core, order.id);
    core.service.allocations.allocate({ lineId: line.id, technicianId: ids.anna, date: TUESDAY, hours: 2 }, ACTOR);
    expect(states(core, line.id)).toEqual(['active']);
    expect(core.service.orders.setLineStatus(line.id, 'in_process', ACTOR).status).toBe('in_process');
    const finished = core.service.orders.setLineStatus(line.id, 'finished', ACTOR);
    expect(finished.status).toBe('finished');
    expect(finished.finishedAt).not.toBeNull();
    expect(states(core, line.id)).toEqual(['finished']);
    const refuse = expect.objectContaining({ code: 'SERVICE_ORDER_FINISHED' });
    expect(() =>
      core.service.allocations.allocate({ lineId: line.id, technicianId: ids.anna, date: TUESDAY, hours: 1, reason: 'again' }, ACTOR),
    ).toThrow(refuse);
    expect(() => core.service.orders.setLineStatus(line.id, 'in_process', ACTOR)).toThrow(refuse);
    expect(core.service.orders.get(order.id).status).toBe('finished');
  });

  it('partly serviced or referred asks for a reallocation; reallocating after work started finishes the old one, with the reason', async () => {
    const { core, ids } = await start();
    const line = lineOf(core, takeOrder(core, ids.customer, ids.boiler).id);
    core.service.allocations.allocate({ lineId: line.id, technicianId: ids.anna, date: TUESDAY, hours: 2 }, ACTOR);
    core.service.orders.setLineStatus(line.id, 'partly_serviced', ACTOR);
    expect(states(core, line.id)).toEqual(['reallocation_needed']);
    expect(() =>
      core.service.allocations.allocate({ lineId: line.id, technicianId: ids.anna, date: '2026-11-25', hours: 1 }, ACTOR),
    ).toThrow(expect.objectContaining({ code: 'BAD_INPUT', fields: ['reason'] }));
    core.service.allocations.allocate(
      { lineId: line.id, technicianId: ids.anna, date: '2026-11-25', hours: 1, reason: 'Spare part arrives Wednesday' },
      ACTOR,
    );
    const [old, fresh] = core.service.allocations.forLine(line.id);
    expect([old!.state, old!.reason, fresh!.state, fresh!.date]).toEqual([
      'finished',
      'Spare part arrives Wednesday',
      'active',
      '2026-11-25',
    ]);
  });

  it('reallocating before work started cancels the old allocation; a referred line needs reallocation too', async () => {
    const { core, ids } = await start();
    const line = lineOf(core, takeOrder(core, ids.customer, ids.boiler).id);
    core.service.allocations.allocate({ lineId: line.id, groupCode: 'TEAM', date: TUESDAY, hours: 2 }, ACTOR);
    core.service.allocations.allocate(
      { lineId: line.id, technicianId: ids.anna, date: TUESDAY, hours: 2, reason: 'Assigned to a member' },
      ACTOR,
    );
    expect(states(core, line.id)).toEqual(['canceled', 'active']);
    core.service.orders.setLineStatus(line.id, 'referred', ACTOR);
    expect(states(core, line.id)).toEqual(['canceled', 'reallocation_needed']);
  });

  it('cancelling an allocation needs a reallocation; a second cancel is refused', async () => {
    const { core, ids } = await start();
    const line = lineOf(core, takeOrder(core, ids.customer, ids.boiler).id);
    const a = core.service.allocations.allocate({ lineId: line.id, technicianId: ids.anna, date: TUESDAY, hours: 2 }, ACTOR);
    core.service.allocations.cancel(a.id, 'Customer not at home', ACTOR);
    expect(states(core, line.id)).toEqual(['reallocation_needed']);
    expect(() => core.service.allocations.cancel(a.id, 'again', ACTOR)).toThrow(
      expect.objectContaining({ code: 'SERVICE_ALLOCATION_REFUSED' }),
    );
  });

  it('finishing a line nobody was allocated to cancels its nonactive allocation', async () => {
    const { core, ids } = await start();
    const line = lineOf(core, takeOrder(core, ids.customer, ids.boiler).id);
    core.service.orders.setLineStatus(line.id, 'finished', ACTOR);
    expect(states(core, line.id)).toEqual(['canceled']);
  });

  it('one allocation per line counts at a time, held by the database too', async () => {
    const { core, ids } = await start();
    const line = lineOf(core, takeOrder(core, ids.customer, ids.boiler).id);
    expect(() =>
      core.db
        .prepare(
          "INSERT INTO service_allocations (line_id, technician_id, date, hours, state, created_at) VALUES (?, ?, ?, 1, 'active', 0)",
        )
        .run(line.id, ids.anna, TUESDAY),
    ).toThrow(/UNIQUE/);
  });

  it('the history is append-only and names the actor of every move', async () => {
    const { core, ids, dir } = await start();
    const order = takeOrder(core, ids.customer, ids.boiler);
    const line = lineOf(core, order.id);
    core.service.allocations.allocate({ lineId: line.id, technicianId: ids.anna, date: TUESDAY, hours: 2 }, ACTOR);
    core.service.orders.setLineStatus(line.id, 'finished', ACTOR);
    const history = core.service.history.forOrder(order.id);
    expect(history.map((h) => `${h.kind}:${h.fromState ?? ''}>${h.toState ?? ''}`)).toEqual([
      'order-created:>pending',
      'allocation:>nonactive',
      'allocation:nonactive>active',
      'line-status:initial>finished',
      'allocation:active>finished',
      'order-status:pending>finished',
    ]);
    expect(new Set(history.map((h) => h.actor))).toEqual(new Set([ACTOR]));
    const db = new Database(join(dir, DATABASE_FILE_NAME));
    try {
      expect(() => db.prepare('UPDATE service_history SET actor = ?').run('someone')).toThrow(/append-only/);
      expect(() => db.prepare('DELETE FROM service_history').run()).toThrow(/append-only/);
    } finally {
      db.close();
    }
  });

  it('shows whether a technician works the customer zone, counting zones from their starting date', async () => {
    const { core, ids } = await start();
    const order = takeOrder(core, ids.customer, ids.boiler);
    const line = () => core.service.board(TUESDAY).lines.find((l) => l.orderId === order.id)!;
    expect(line().unqualified).toEqual([{ technicianId: ids.bruno, missingSkills: ['gas'] }]);
    expect(line().inZone).toEqual([ids.anna]);
    const { absences: _a, ...anna } = core.service.technicians.get(ids.anna);
    core.service.technicians.save({ ...anna, zones: [{ zone: 'NORD', startingDate: '2026-12-01' }] });
    expect(line().inZone).toEqual([]);
    expect(core.service.board('2026-12-01').lines[0]!.inZone).toEqual([ids.anna]);
  });

  it("the board asks of each waiting line its item's own skills, else its group's, else none", async () => {
    const { core, ids } = await start();
    const own = core.service.items.save(item(ids.customer, 'Own skills', { serial: 'OWN', groupCode: 'HEAT', skills: ['boiler'] }));
    const none = core.service.items.save(item(ids.customer, 'No group', { serial: 'NONE' }));
    const orders = [ids.boiler, own.id, none.id].map((itemId) => takeOrder(core, ids.customer, itemId).id);
    const board = core.service.board(TUESDAY);
    expect(
      orders.map((id) => board.lines.find((l) => l.orderId === id)).map((l) => [l!.description, l!.requiredSkills, l!.unqualified]),
    ).toEqual([
      ['Wall boiler', ['gas', 'boiler'], [{ technicianId: ids.bruno, missingSkills: ['gas'] }]],
      ['Own skills', ['boiler'], []],
      ['No group', [], []],
    ]);
  });

  it('counts capacity per day from the working week less absences, and allocated hours against it', async () => {
    const { core, ids } = await start();
    const line = lineOf(core, takeOrder(core, ids.customer, ids.boiler, 3).id);
    core.service.technicians.addAbsence({ technicianId: ids.anna, date: '2026-11-25', hours: 2, reason: 'Dentist' });
    core.service.technicians.addAbsence({ technicianId: ids.anna, date: '2026-11-26', hours: null, reason: 'Training' });
    core.service.allocations.allocate({ lineId: line.id, technicianId: ids.anna, date: TUESDAY, hours: 3 }, ACTOR);
    const anna = core.service.board('2026-11-23').technicians.find((t) => t.technicianId === ids.anna)!;
    expect(anna.days.map((d) => [d.date, d.capacity, d.allocated])).toEqual([
      ['2026-11-23', 8, 0],
      ['2026-11-24', 8, 3],
      ['2026-11-25', 6, 0],
      ['2026-11-26', 0, 0],
      ['2026-11-27', 8, 0],
      ['2026-11-28', 0, 0],
      ['2026-11-29', 0, 0],
    ]);
    const team = core.service.board('2026-11-23').groups.find((g) => g.code === 'TEAM')!;
    expect(team.days[1]).toMatchObject({ capacity: 16, allocated: 3 });
  });

  it('suggests qualified technicians first, then by free hours, zone and distance', async () => {
    const { core, ids } = await start();
    const carla = core.service.technicians.save(
      technician('Carla', { skills: ['gas', 'boiler'], latitude: 45.0, longitude: 7.6, week: core.service.technicians.get(ids.anna).week }),
    );
    const line = lineOf(core, takeOrder(core, ids.customer, ids.boiler).id);
    expect(core.service.suggest(line.id).map((s) => s.name)).toEqual(['Anna', 'Carla', 'Bruno']);
    // Anna busy most of the day: Carla has more free hours.
    const other = lineOf(core, takeOrder(core, ids.customer, ids.boiler).id);
    core.service.allocations.allocate({ lineId: other.id, technicianId: ids.anna, date: TUESDAY, hours: 6 }, ACTOR);
    const ranked = core.service.suggest(line.id);
    expect(ranked.map((s) => s.technicianId)).toEqual([carla.id, ids.anna, ids.bruno]);
    expect(ranked[2]).toMatchObject({ qualified: false, missingSkills: ['gas'] });
  });

  it('refuses a serial number already used on the same model, and finds an item by its serial', async () => {
    const { core, ids } = await start();
    expect(() => core.service.items.save(item(ids.customer, 'Another', { model: 'B-24', serial: 'SN-0001' }))).toThrow(
      expect.objectContaining({ code: 'SERVICE_SERIAL_TAKEN', fields: ['serial'] }),
    );
    core.service.items.save(item(ids.customer, 'Another', { model: 'C-30', serial: 'SN-0001' }));
    expect(core.service.items.bySerial('SN-0001').map((i) => i.model)).toEqual(['B-24', 'C-30']);
  });

  it('creates a free-text item on the fly and refuses an invalid phone number next to the field', async () => {
    const { core, ids } = await start();
    const order = core.service.orders.create(
      {
        customerId: ids.customer,
        fault: 'Noisy',
        priority: 'low',
        windows: [{ from: '09:00', to: '12:00' }],
        lines: [
          {
            newItem: newItem('Old radiator'),
            fault: 'Noisy',
            estimatedHours: 1,
          },
        ],
      },
      ACTOR,
    );
    expect(core.service.detail(order.id).lines[0]!.item.description).toBe('Old radiator');
    expect(() => core.service.customers.save(customer('X', { address: '', latitude: null, longitude: null, phone: '12' }))).toThrow(
      expect.objectContaining({ code: 'BAD_INPUT', fields: ['phone'] }),
    );
    expect(core.service.customers.search('ross').map((c) => c.name)).toEqual(['Maria Rossi']);
    expect(core.service.customers.search('02 1234').map((c) => c.phone)).toEqual(['+390212345678']);
  });

  it("plans a technician's day: never longer than the allocation order, with arrival times and the saving", async () => {
    const { core, ids } = await start();
    const far = core.service.customers.save(
      customer('Far', { address: 'Monza', latitude: 45.58, longitude: 9.27, phone: '', zone: 'NORD' }),
    );
    const near = core.service.customers.save(
      customer('Near', { address: 'Milano', latitude: 45.466, longitude: 9.192, phone: '', zone: 'NORD' }),
    );
    const boiler = newItem('Boiler', { groupCode: 'HEAT' });
    for (const { id: customerId } of [far, near, { id: ids.customer }]) {
      const order = core.service.orders.create(
        { customerId, fault: 'x', priority: 'medium', windows: [], lines: [{ newItem: boiler, fault: 'x', estimatedHours: 1 }] },
        ACTOR,
      );
      core.service.allocations.allocate({ lineId: lineOf(core, order.id).id, technicianId: ids.anna, date: TUESDAY, hours: 1 }, ACTOR);
    }
    const day = core.service.day(ids.anna, TUESDAY);
    expect(day.stops).toHaveLength(3);
    expect(day.plannedKm).toBeLessThanOrEqual(day.allocatedKm);
    expect(day.savingKm).toBeCloseTo(day.allocatedKm - day.plannedKm, 9);
    expect(day.stops[0]!.customerName).not.toBe('Far');
    expect(day.stops[0]!.arrival).toBeGreaterThanOrEqual(8 * 60);
    for (let i = 1; i < day.stops.length; i++) expect(day.stops[i]!.arrival).toBeGreaterThan(day.stops[i - 1]!.arrival);
  });

  it('a saved service calendar drives response dates; overlapping hours are refused by field, many holidays are fine', async () => {
    const { core, ids } = await start();
    const nine = [{ opens: '09:00', closes: '13:00' }];
    expect(() =>
      core.service.saveCalendar({ week: [[...nine, { opens: '12:00', closes: '14:00' }], [], [], [], [], [], []], exceptions: [] }),
    ).toThrow(expect.objectContaining({ code: 'BAD_INPUT', fields: ['week.0.1'] }));
    expect(core.service.settings.calendar()).toBeNull();
    const holidays = Array.from({ length: 40 }, (_, i) => ({
      date: `2027-0${1 + Math.floor(i / 28)}-${String((i % 28) + 1).padStart(2, '0')}`,
      kind: 'holiday' as const,
      note: '',
      ranges: [],
    }));
    core.service.saveCalendar({
      week: [nine, nine, nine, nine, nine, [], []],
      exceptions: [{ date: '2026-11-25', kind: 'holiday', note: '', ranges: [] }, ...holidays],
    });
    core.store.save({ ...core.store.get(), timeZone: 'Europe/Rome' });
    // Taken Tuesday 10:00 in Rome, 8 response hours at 4 a day, Wednesday a holiday: 3 on Tuesday, 4 on Thursday, due Friday 10:00.
    const order = takeOrder(core, ids.customer, ids.boiler);
    expect(order.responseAt).toBe(Date.parse('2026-11-27T10:00:00+01:00'));
  });

  it('the history keeps the reason a staff member gave, and no internal move name', async () => {
    const { core, ids } = await start();
    const order = takeOrder(core, ids.customer, ids.boiler);
    const line = lineOf(core, order.id);
    const a = core.service.allocations.allocate({ lineId: line.id, technicianId: ids.anna, date: TUESDAY, hours: 2 }, ACTOR);
    core.service.allocations.cancel(a.id, 'Customer not at home', ACTOR);
    expect(
      core.service.history
        .forOrder(order.id)
        .filter((h) => h.kind === 'allocation')
        .map((h) => h.detail),
    ).toEqual([null, null, 'Customer not at home']);
  });
});
