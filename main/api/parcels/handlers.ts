import type { CounterCore } from '../../core/counter-core';
import { CoreError } from '../../core/errors';
import type { DemoNetwork } from '../../core/networks/demo-network';
import { normaliseTrackingId } from '../../core/parcels/parcel-rules';
import { passDemoDays } from '../../core/parcels/training';
import type { ActionContext } from '../../core/parcels/types';
import { actingStaffId } from '../../core/staff/acting-staff';
import { formatPickupBarcode } from '../../core/scanning';
import { cursorKeys } from '../../core/settings';
import { counterStatus, deliveryView, expiredView, parcelView, pickupView } from './views';
import type { HandlersOf } from '../call';
import type { parcelCalls } from './calls';

/** The signed-in person the router runs the call as. */
const as = (method: ActionContext['method']): ActionContext => ({ actorId: actingStaffId(), method });

/**
 * The parcel counter's calls. `changed` tells the scheduler and the
 * renderer that deadlines or lists may have moved.
 */
export function parcelHandlers(
  core: Pick<CounterCore, 'db' | 'clock' | 'settings' | 'networks' | 'counter' | 'adapters'>,
  changed: () => void,
): HandlersOf<typeof parcelCalls> {
  const { counter } = core;
  const after = <T>(value: T): T => {
    changed();
    return value;
  };
  const demo = () => {
    const adapter = core.adapters.demo as DemoNetwork | undefined;
    if (!adapter) throw new CoreError('NOT_FOUND', 'The demo network is not available', { reason: 'demoUnavailable' });
    return adapter;
  };
  const demoOnly = (networkId: string) => {
    if (core.networks.get(networkId).adapter !== 'demo')
      throw new CoreError('CONFLICT', 'Training works on demo networks only', { reason: 'trainingDemoOnly' });
  };

  return {
    'counter.status': () => counterStatus(core),

    'delivery.handOver': ({ networkId }) => after(deliveryView(core, counter.deliveries.handOver(networkId, as('manual')))),
    'delivery.get': ({ deliveryId }) => deliveryView(core, counter.deliveries.get(deliveryId)),
    'delivery.scan': ({ deliveryId, trackingId, method }) => {
      const result = counter.deliveries.scan(deliveryId, trackingId, as(method));
      return after({
        outcome: result.outcome,
        parcel: result.outcome === 'rejected' ? undefined : parcelView(result.parcel),
        rejection: result.outcome === 'rejected' ? result.rejection : undefined,
        unexpected: result.outcome === 'received' ? result.unexpected : undefined,
        overCapacity: result.outcome === 'received' ? result.overCapacity : undefined,
        delivery: deliveryView(core, counter.deliveries.get(deliveryId)),
      });
    },
    'delivery.refuseDamaged': ({ deliveryId, trackingId, method }) => {
      counter.deliveries.refuseDamaged(deliveryId, trackingId, as(method));
      return after(deliveryView(core, counter.deliveries.get(deliveryId)));
    },
    'delivery.postpone': ({ deliveryId }) => after(deliveryView(core, counter.deliveries.postpone(deliveryId))),
    'delivery.complete': ({ deliveryId }) => {
      const { delivery, notDelivered } = counter.deliveries.complete(deliveryId);
      return after({ delivery: deliveryView(core, delivery), notDelivered });
    },
    'delivery.suggest': ({ deliveryId, typed }) => counter.deliveries.suggest(deliveryId, typed),

    'pickup.start': ({ code, method, networkId }) => {
      const started = counter.pickups.start(code, { ...as(method), method }, networkId);
      if (started.outcome === 'found') return { outcome: 'found', pickup: pickupView(core, started.pickupId) };
      if (started.outcome === 'throttled' || started.outcome === 'recalled') return started;
      return { outcome: 'wrong-code', lockedUntil: started.lockedUntil ?? null };
    },
    'pickup.get': ({ pickupId }) => pickupView(core, pickupId),
    'pickup.scan': ({ pickupId, trackingId, method }) => {
      const result = counter.pickups.scan(pickupId, trackingId, { ...as(method), method });
      // The scan may have set when the pickup finishes on its own: the scheduler must hear of it.
      return after({
        outcome: result.outcome,
        rejection: result.outcome === 'rejected' ? result.rejection : undefined,
        pickup: pickupView(core, pickupId),
      });
    },
    'pickup.resolve': ({ pickupId, parcelId, resolution }) => {
      counter.pickups.resolve(pickupId, parcelId, resolution, as('manual'));
      return after(pickupView(core, pickupId));
    },
    'pickup.complete': ({ pickupId }) => {
      counter.pickups.complete(pickupId, as('scanner'));
      return after(pickupView(core, pickupId));
    },
    'pickup.undoFinish': ({ pickupId }) => {
      counter.pickups.undoFinish(pickupId);
      return after(pickupView(core, pickupId));
    },
    'pickup.suggest': ({ pickupId, typed }) => counter.pickups.suggest(pickupId, typed),
    'pickups.liftCodeLock': () => counter.liftCodeLock(actingStaffId()),

    'expired.get': ({ noticeId }) => expiredView(core, counter.expiry.notice(noticeId)),
    'expired.scan': ({ noticeId, trackingId, method }) => {
      const result = counter.expiry.scan(noticeId, trackingId, as(method));
      return after({
        outcome: result.outcome,
        rejection: result.outcome === 'rejected' ? result.rejection : undefined,
        notice: expiredView(core, counter.expiry.notice(noticeId)),
      });
    },
    'expired.cannotFind': ({ noticeId, parcelId }) => {
      counter.expiry.cannotFind(noticeId, parcelId, as('manual'));
      return after(expiredView(core, counter.expiry.notice(noticeId)));
    },

    'returns.list': ({ networkId }) => counter.returns.waiting(networkId).map(parcelView),
    'returns.handOver': ({ networkId, items }) => after(counter.returns.handOver(networkId, items, as('manual')).map(parcelView)),

    'parcels.locate': ({ trackingId }) => {
      const parcel = counter.parcels.byTrackingId(normaliseTrackingId(trackingId));
      return { parcel: parcel ? parcelView(parcel) : null };
    },

    'slots.list': () => counter.slots.list(),
    'slots.configure': ({ slots }) => after(counter.slots.configure(slots)),

    'training.driverArrives': async ({ networkId, count }) => {
      demoOnly(networkId);
      while (counter.parcels.inState(['expected'], networkId).filter((p) => p.delivery_id === null).length < count) {
        if ((await counter.pullManifest(networkId, demo())) === 0) break;
      }
      const bringing = counter.parcels
        .inState(['expected'], networkId)
        .filter((p) => p.delivery_id === null)
        .slice(0, count)
        .map((p) => p.tracking_id);
      return after(deliveryView(core, counter.deliveries.handOver(networkId, as('system'), bringing)));
    },
    'training.customerArrives': ({ networkId }) => {
      demoOnly(networkId);
      const waiting = counter.parcels.inState(['received', 'expired', 'return_scanned'], networkId);
      const first = waiting[0];
      if (!first) throw new CoreError('NOT_FOUND', 'No parcel is waiting for a customer of this network', { reason: 'noParcelWaiting' });
      const cursor = Number(core.settings.get(cursorKeys.manifest(networkId)) ?? 0);
      const code = demo().pickupCodeOf(networkId, first.tracking_id, cursor);
      if (!code) throw new CoreError('NOT_FOUND', 'This parcel was not announced by the demo network', { reason: 'notAnnounced' });
      const sameCustomer = waiting.filter((p) => demo().pickupCodeOf(networkId, p.tracking_id, cursor) === code);
      return {
        recipientName: first.recipient_name,
        code,
        barcode: formatPickupBarcode(networkId, code),
        trackingIds: sameCustomer.map((p) => p.tracking_id),
      };
    },
    'training.passDays': ({ days }) => {
      passDemoDays(core.db, days);
      return after(counterStatus(core));
    },
  };
}
