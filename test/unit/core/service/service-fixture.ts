import { afterEach } from 'vitest';
import type { ManualClock } from '../../../../main/core/clock';
import type { CounterCore } from '../../../../main/core/counter-core';
import { openTestCore } from '../../../fixtures/core';
import { coreSaver, heatingDesk, seedDesk, WORK_WEEK } from '../../../fixtures/service-seed';
import { useTempDir } from '../../../fixtures/temp-dir';

export const ACTOR = 'counter';
/** Eight hours Monday to Friday. */
export const WEEK = WORK_WEEK;

/**
 * A service desk on a real SQLite file: the heating desk with Anna and Bruno
 * working eight hours Monday to Friday in a "heating" team, and Maria Rossi's
 * boiler (serial SN-0001) under the group.
 */
export function useServiceDesk() {
  const tempDir = useTempDir();
  const open: CounterCore[] = [];
  afterEach(() => open.splice(0).forEach((c) => c.close()));

  async function start(): Promise<{
    core: CounterCore;
    clock: ManualClock;
    dir: string;
    ids: { anna: number; bruno: number; customer: number; boiler: number };
  }> {
    const dir = tempDir();
    const { core, clock } = openTestCore(dir);
    open.push(core);
    const seeded = await seedDesk(
      coreSaver(core),
      heatingDesk({
        anna: 'Anna',
        bruno: 'Bruno',
        week: WEEK,
        since: '2026-01-01',
        team: { code: 'TEAM', name: 'Heating team' },
        steps: ['Check the pressure', 'Bleed the radiators'],
        boiler: { serial: 'SN-0001', warrantyEnds: '2027-05-01' },
      }),
    );
    const ids = {
      anna: seeded.technicians.Anna!,
      bruno: seeded.technicians.Bruno!,
      customer: seeded.customers['Maria Rossi']!,
      boiler: seeded.items['SN-0001']!,
    };
    return { core, clock, dir, ids };
  }
  return { start };
}
