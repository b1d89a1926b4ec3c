import { afterEach } from 'vitest';
import type { ManualClock } from '../../../../main/core/clock';
import type { CounterCore } from '../../../../main/core/counter-core';
import type { TimeRange } from '../../../../main/core/hours/hours-shapes';
import { openTestCore } from '../../../fixtures/core';
import { useTempDir } from '../../../fixtures/temp-dir';

export const ACTOR = 'counter';
const day: TimeRange[] = [
  { opens: '08:00', closes: '12:00' },
  { opens: '13:00', closes: '17:00' },
];
/** Eight hours Monday to Friday. */
export const WEEK: TimeRange[][] = [day, day, day, day, day, [], []];

/**
 * A service desk on a real SQLite file: a heating group (gas and boiler
 * skills, 8 response hours), Anna (gas + boiler, zone NORD, Milan), Bruno
 * (boiler only, zone SUD), a "heating" team with both, and a customer in
 * zone NORD with a boiler under the group.
 */
export function useServiceDesk() {
  const tempDir = useTempDir();
  const open: CounterCore[] = [];
  afterEach(() => open.splice(0).forEach((c) => c.close()));

  function start(): {
    core: CounterCore;
    clock: ManualClock;
    dir: string;
    ids: { anna: number; bruno: number; customer: number; boiler: number };
  } {
    const dir = tempDir();
    const { core, clock } = openTestCore(dir);
    open.push(core);
    const s = core.service;
    for (const code of ['gas', 'boiler']) s.catalog.save('skill', { code, name: code });
    for (const code of ['NORD', 'SUD']) s.catalog.save('zone', { code, name: code });
    s.items.saveGroup({
      code: 'HEAT',
      name: 'Heating',
      skills: ['gas', 'boiler'],
      responseHours: 8,
      troubleshooting: ['Check the pressure', 'Bleed the radiators'],
    });
    s.technicians.saveGroup({ code: 'TEAM', name: 'Heating team' });
    const anna = s.technicians.save({
      name: 'Anna',
      skills: ['gas', 'boiler'],
      latitude: 45.4642,
      longitude: 9.19,
      week: WEEK,
      zones: [{ zone: 'NORD', startingDate: '2026-01-01' }],
      groups: ['TEAM'],
    });
    const bruno = s.technicians.save({
      name: 'Bruno',
      skills: ['boiler'],
      latitude: 45.44,
      longitude: 9.15,
      week: WEEK,
      zones: [{ zone: 'SUD', startingDate: '2026-01-01' }],
      groups: ['TEAM'],
    });
    const customer = s.customers.save({
      name: 'Maria Rossi',
      address: 'Via Roma 1, Milano',
      latitude: 45.47,
      longitude: 9.2,
      phone: '02 1234 5678',
      phoneCountry: 'IT',
      email: '',
      zone: 'NORD',
    });
    const boiler = s.items.save({
      customerId: customer.id,
      description: 'Wall boiler',
      model: 'B-24',
      serial: 'SN-0001',
      warrantyEnds: '2027-05-01',
      groupCode: 'HEAT',
      skills: null,
      troubleshooting: null,
      address: null,
      latitude: null,
      longitude: null,
    });
    return { core, clock, dir, ids: { anna: anna.id, bruno: bruno.id, customer: customer.id, boiler: boiler.id } };
  }
  return { start };
}
