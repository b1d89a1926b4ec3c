import type { CounterCore } from '../core/counter-core';
import { CoreError } from '../core/errors';
import { custodyCsv, zonedDayStart } from '../core/parcels/custody-export';
import { actingStaffId } from '../core/staff/acting-staff';
import type { Handlers } from './router';

type CustodyCallName = Extract<keyof Handlers, `custody.${string}`>;
const DAY_MS = 24 * 3600_000;

export function custodyHandlers(core: CounterCore): Pick<Handlers, CustodyCallName> {
  const chain = core.counter.chain;
  return {
    'custody.verify': () => {
      const check = chain.verify();
      return { checked: check.checked, firstBreak: check.breaks[0] ?? null };
    },
    'custody.alert': () => chain.alert() ?? null,
    'custody.acknowledge': ({ alertId }) => (chain.acknowledge(alertId, actingStaffId()), null),
    'custody.exportCsv': ({ from, to }) => {
      if (to < from) throw new CoreError('BAD_INPUT', 'The end date is before the start date', ['to']);
      const zone = core.store.timeZone();
      const dayAfter = new Date(Date.parse(`${to}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
      const { csv, count } = custodyCsv(core.db, zonedDayStart(from, zone), zonedDayStart(dayAfter, zone));
      return { csv, count, fileName: `custody-log-${from}-to-${to}.csv` };
    },
    'custody.receipt': ({ parcelIds }) => chain.receiptFor(parcelIds) ?? null,
  };
}
