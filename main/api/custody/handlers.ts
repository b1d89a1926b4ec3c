import type { CounterCore } from '../../core/counter-core';
import { fieldError } from '../../core/errors';
import { custodyCsv, zonedDayStart } from '../../core/parcels/custody-export';
import { actingStaffId } from '../../core/staff/acting-staff';
import type { HandlersOf } from '../call';
import type { custodyCalls } from './calls';

export function custodyHandlers(core: Pick<CounterCore, 'counter' | 'store' | 'db'>): HandlersOf<typeof custodyCalls> {
  const chain = core.counter.chain;
  return {
    'custody.verify': () => {
      const check = chain.verify();
      return { checked: check.checked, firstBreak: check.breaks[0] ?? null };
    },
    'custody.alert': () => chain.alert() ?? null,
    'custody.acknowledge': ({ alertId }) => (chain.acknowledge(alertId, actingStaffId()), null),
    'custody.exportCsv': ({ from, to }) => {
      if (to < from) throw fieldError('to', 'endsBeforeStart', 'The end date is before the start date');
      const zone = core.store.timeZone();
      const { csv, count } = custodyCsv(core.db, zonedDayStart(from, zone), zonedDayStart(to, zone, 1));
      return { csv, count, fileName: `custody-log-${from}-to-${to}.csv` };
    },
    'custody.receipt': ({ parcelIds }) => chain.receiptFor(parcelIds) ?? null,
  };
}
